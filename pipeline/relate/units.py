"""Study units: the run of sentences in which a review describes one cited study.

Reviews describe a study over several sentences ("Wei et al.[44] compared ... They ... This modulated expression
pattern induced tamoxifen resistance"). A sentence that carries a *study* citation opens a unit for those
references; the sentences after it in the same paragraph, citing nothing, continue it (anaphora such as "these
exosomes", "the researchers"); sentences before the paragraph's first citation belong to its first unit.

A citation is a study citation when it follows "et al." (strong) or ends the sentence (weak), or, where the
sentence has neither, is its last one before a clause that comments on the statement (", although ..."); one in
mid-sentence after another name ("p27[64]") is incidental and opens nothing. A weak citation does not close a
unit opened by a strong one: "Functional analysis indicated that miR-134 inhibited STAT5B, which controls
Hsp90[57]." stays in O'Brien et al.'s study.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.models import Document, Span

# after a citation, a clause that comments on the statement it closes rather than stating another
_COMMENT_CLAUSE_RE = re.compile(
    r"\s*[,;]\s+(?:although|though|even\s+though|albeit|but|whereas|while|yet|because|since|as)\b"
)
_ENTITY_INDEX = threading.local()  # per thread: the last Document's entities, their order by start, the starts


def entities_in(doc: Document, start: int, end: int) -> list[int]:
    """Indices (in ``doc.entities`` order) of the entities that begin in [start, end): found by bisection on an
    index kept for the last Document, so that asking it for every sentence costs no pass over all entities."""
    index = _ENTITY_INDEX
    if getattr(index, "entities", None) is not doc.entities:
        index.order = sorted(range(len(doc.entities)), key=lambda i: doc.entities[i].start)
        index.starts = [doc.entities[i].start for i in index.order]
        index.entities = doc.entities
    order: list[int] = index.order
    return sorted(order[bisect_left(index.starts, start) : bisect_left(index.starts, end)])


# "Zhang et al. [12]", "Hu and colleagues [21]", "Smith's group [4]": a study named by its authors
_ET_AL_RE = re.compile(
    r"(?:\bet al\.?|\band (?:colleagues|co-?workers|collaborators)|\b[A-Z][\w'-]+(?:'s|’s) (?:group|laboratory|lab|team))"
    r"\s*$"
)
# "We have reported [7] that ...", "our group previously showed [31]": the review's authors' own study
_OWN_STUDY_BEFORE = re.compile(
    r"\b(?:we|our\s+(?:group|laboratory|lab|team))\s+(?:have\s+|had\s+)?(?:previously\s+|recently\s+|also\s+)?"
    r"(?:reported|showed|shown|found|demonstrated|described|observed|identified)\s*$",
    re.IGNORECASE,
)
# "Zhang et al. (2020)", "(Zhang et al., 2020)", "Zhang and colleagues (2020)"
_AUTHOR_YEAR_RE = re.compile(
    r"\b[A-Z][\w'-]+\s+(?:et\s+al\.?|and\s+(?:colleagues|co-?workers))\s*,?\s*\(?(?:19|20)\d\d[a-z]?\)?"
)


_DRUG_LABELS = frozenset(["DRUG", "DRUG_CLASS"])


def _names_a_drug(doc: Document, s_index: int) -> bool:
    sentence = doc.sentences[s_index]
    return any(doc.entities[i].label in _DRUG_LABELS for i in entities_in(doc, sentence.start, sentence.end))


def _cites_a_study(doc: Document, s_index: int) -> bool:
    """Whether a sentence cites a study: by number ("[18,19]") or by author and year ("Zhang et al. (2020)")."""
    return bool(_study_refs(doc, s_index)[0]) or bool(_AUTHOR_YEAR_RE.search(doc.span_text(doc.sentences[s_index])))


@dataclass
class StudyUnit:
    refs: list[int]
    sentences: list[int] = field(default_factory=list)  # indices into Document.sentences
    paragraph: int = 0
    title: Span | None = None  # a paper without citations (an abstract): its title states findings too


def _study_refs(doc: Document, s_index: int) -> tuple[list[int], bool]:
    """The sentence's study references, and whether they are strong (introduced by "X et al.")."""
    sentence = doc.sentences[s_index]
    strong: list[int] = []
    weak: list[int] = []
    for c in doc.citations:
        if not sentence.start <= c.start <= sentence.end:
            continue
        before = doc.text[max(sentence.start, c.start - 40) : c.start]
        if (
            _ET_AL_RE.search(before)
            or _OWN_STUDY_BEFORE.search(before)
            or re.search(r"\bour (?:laboratory|group|study)\b", doc.span_text(sentence))
        ):
            strong.extend(n for n in c.refs if n not in strong)
        elif not doc.text[c.start : sentence.end].strip(" .;:,)"):
            weak.extend(n for n in c.refs if n not in weak)
    if not strong and not weak:
        # the sentence's last citation before a clause that only comments on the finding ("... than in responders
        # [90], although the study was not powered to test ..."): it ends the statement, so it cites its study
        last = max(
            (c for c in doc.citations if sentence.start <= c.start <= sentence.end), key=lambda c: c.start, default=None
        )
        if last is not None and _COMMENT_CLAUSE_RE.match(doc.text, last.end, sentence.end):
            weak = list(dict.fromkeys(last.refs))
    return (strong, True) if strong else (weak, False)


def study_units(doc: Document, own_finding: Callable[[str], bool] | None = None) -> list[StudyUnit]:
    """The study units of a Document's prose paragraphs, in reading order.

    A paper that cites nothing (an abstract, a primary paper's summary) is one unit with its title: its
    sentences all speak of one study, and a title such as "Exosomal miR-21 confers cisplatin resistance" states
    a finding (a one-line input is such a title). So is a primary paper that cites others (``own_finding``: which
    sentences state its own work, "we found", "our data"): its own study is its one unit, and a sentence that
    cites a study and states nothing of its own is earlier work, in no unit.
    """
    if not doc.citations or own_finding is not None:
        title = next((Span(start=s.start, end=s.end, page=s.page) for s in doc.sections if s.level == 0), None)
        if title is not None:
            heading = next((p for p in doc.paragraphs if p.kind == "heading" and p.start == title.start), None)
            title = Span(start=heading.start, end=heading.end, page=heading.page) if heading else None
        sentences = [
            i
            for i, s in enumerate(doc.sentences)
            if doc.paragraphs[s.paragraph].kind == "text"
            and (own_finding is None or not _cites_a_study(doc, i) or own_finding(doc.span_text(s)))
        ]
        return [StudyUnit(refs=[], sentences=sentences, title=title)] if sentences or title else []
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(doc.sentences):
        if doc.paragraphs[s.paragraph].kind == "text":
            by_paragraph.setdefault(s.paragraph, []).append(i)
    units: list[StudyUnit] = []
    for p_index, sentence_ids in by_paragraph.items():
        current: StudyUnit | None = None
        current_strong = False
        leading: list[int] = []
        for s_index in sentence_ids:
            refs, strong = _study_refs(doc, s_index)
            # a weak citation opens a unit after a strong one where its sentence states a finding on a drug of its
            # own ("Loading miR-744 into exosomes restored sorafenib sensitivity [35]."), not a fact on the side
            # ("..., which controls Hsp90[57].")
            states = strong or not current_strong or _names_a_drug(doc, s_index)
            opens = refs and (current is None or (set(refs) != set(current.refs) and states))
            if opens:
                current = StudyUnit(refs=refs, sentences=[*leading, s_index], paragraph=p_index)
                current_strong = strong
                leading = []
                units.append(current)
            elif current is not None:
                current.sentences.append(s_index)
            else:
                leading.append(s_index)
        if leading:  # a paragraph that cites nothing: one unit without references
            units.append(StudyUnit(refs=[], sentences=leading, paragraph=p_index))
    return units
