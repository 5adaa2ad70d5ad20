"""Pattern families from ``models/patterns/families.json``: vesicles, DNA, circRNAs, and the prefixes, suffixes
and modifiers that extend a lexicon mention ("lncRNA SNHG16", "MDR-1 mRNA", "CD63+ CAFs")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from pipeline.constants import REAGENTS
from pipeline.errors import LexiconError
from pipeline.normalize.lexicon import models_dir
from pipeline.normalize.scan import anchored_finditer


@dataclass(frozen=True)
class Family:
    label: str
    regex: re.Pattern[str]
    canonical: str
    example: str
    # the regex without the word boundary each of its branches starts with (see boundary_free), or None
    fast: re.Pattern[str] | None = None
    # words every match holds, at most ``reach`` characters after its start (found in the lower-cased text when
    # the family ignores case): the regex is then tried only there
    anchors: tuple[str, ...] = ()
    reach: int = 0

    def finditer(self, text: str, lowered: str | None = None) -> list[re.Match[str]]:
        """``regex.finditer(text)``'s matches. With ``anchors``, the regex is tried only from the ``reach``
        characters before each anchor, left to right, going on after each match as finditer does (``lowered``:
        ``text.lower()``, if the caller has it). Else through ``fast`` where there is one: re searches a regex
        that starts with a literal or a set of letters far faster than one that starts with ``\\b``, and the
        boundary is then checked at each match's start (a match without it: the search goes on one character
        later, so no match is skipped)."""
        if self.anchors:
            found = anchored_finditer(self.regex, text, self.anchors, self.reach, lowered)
            if found is not None:
                return found
        if self.fast is None:
            return list(self.regex.finditer(text))
        boundary = _boundary(self.regex.flags)
        out: list[re.Match[str]] = []
        pos = 0
        while (m := self.fast.search(text, pos)) is not None:
            if m.end() == m.start():  # an empty match: finditer's own rules for those
                return list(self.regex.finditer(text))
            if boundary.match(text, m.start()):
                out.append(m)
                pos = m.end()
            else:
                pos = m.start() + 1
        return out


@cache
def _boundary(flags: int) -> re.Pattern[str]:
    return re.compile(r"\b", flags)


def _top_level_branches(pattern: str) -> list[str] | None:
    """``pattern`` split at its top-level ``|`` (outside groups and sets), or None where it cannot be read so."""
    branches, depth, in_set, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # a "]" first in a set is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_set:
        return None
    return [*branches, pattern[start:]]


def boundary_free(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """``regex`` without the ``\\b`` that starts each of its top-level branches, as one group of branches
    (``\\bA|\\bB`` -> ``(?:A|B)``: the same matches where the boundary holds, groups numbered alike), or None
    where a branch does not start so."""
    branches = _top_level_branches(regex.pattern)
    if not branches or not all(b.startswith("\\b") for b in branches):
        return None
    try:
        fast = re.compile("(?:" + "|".join(b[2:] for b in branches) + ")", regex.flags)
    except re.error:
        return None
    return fast if fast.groups == regex.groups and fast.groupindex == regex.groupindex else None


@dataclass(frozen=True)
class Extension:
    """A pattern that extends a mention of one of ``applies_to`` (and may relabel it)."""

    regex: re.Pattern[str]
    applies_to: tuple[str, ...]
    label: str | None
    example: str


@dataclass(frozen=True)
class Exclusion:
    """A mention of ``applies_to`` followed by ``following`` is no mention ("fibroblast growth factor")."""

    applies_to: tuple[str, ...]
    following: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class TextExclusion:
    """A mention of ``applies_to`` whose text matches ``text`` is no mention ("Fig. 4" is not FIG4); with
    ``following``, only where the text after it matches that too ("C-344" of "C-344T", not the line "U-937")."""

    applies_to: tuple[str, ...]
    text: re.Pattern[str]
    example: str
    following: re.Pattern[str] | None = None

    def excludes(self, label: str, mention: str, after: str) -> bool:
        return (
            label in self.applies_to
            and self.text.match(mention) is not None
            and (self.following is None or self.following.match(after) is not None)
        )


@dataclass(frozen=True)
class ReagentPattern:
    """Words right before (``position`` "before") or after a molecule mention that make it a reagent of kind
    ``reagent`` ("miR-21 inhibitor", "si-PTEN", "pre-miR-221", "pEGFP-miR-221")."""

    reagent: str
    position: str
    regex: re.Pattern[str]
    applies_to: tuple[str, ...]
    example: str


@dataclass(frozen=True)
class ReceptorPhrases:
    """A receptor or transporter named by its ligand ("serotonin transporter", "muscarinic receptors")."""

    head: re.Pattern[str]
    ligand_adjective: re.Pattern[str]
    subtype: re.Pattern[str]
    prefix: re.Pattern[str]
    ligand_symbol: re.Pattern[str]


@dataclass(frozen=True)
class SymbolsInContext:
    """Ambiguous gene symbols taken as the gene where a gene word is next to them (``symbols``, ``before``,
    ``after``); and any approved symbol the lexicon alone does not take ("FH", "AR", "CAT": too short or an
    ordinary word) taken as the gene in the whole paper once one of its mentions stands where only a gene
    stands (``discourse_before``, ``discourse_after``: "the FH gene", "AR-binding", "mutations of TS")."""

    symbols: frozenset[str]
    before: re.Pattern[str]
    after: re.Pattern[str]
    discourse_before: re.Pattern[str] | None = None
    discourse_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class CellLineDescriptions:
    """A cell line described in words ("human multiple myeloma cell lines", "a cloned T cell line"): a ``head``
    (or ``head_after_cell_type`` right after a cell type: "Th2 clone"), and up to ``max_words`` words before it
    that are no ``stop`` word."""

    head: re.Pattern[str]
    head_after_cell_type: re.Pattern[str]
    stop: re.Pattern[str]
    max_words: int
    # lower-case words every head holds, at most ``reach`` characters after its start: the head is tried there only
    anchors: tuple[str, ...] = ()
    reach: int = 0

    def heads(self, text: str) -> list[re.Match[str]]:
        """``head.finditer(text)``'s matches, found from the anchors where there are some."""
        found = anchored_finditer(self.head, text, self.anchors, self.reach) if self.anchors else None
        return list(self.head.finditer(text)) if found is None else found


def _cell_line_descriptions(item: dict[str, object] | None) -> CellLineDescriptions | None:
    if item is None:
        return None
    max_words = item.get("max_words")
    if not isinstance(max_words, int) or not 0 <= max_words <= 12:
        raise ValueError(
            f"cell_line_descriptions: 'max_words' must be a number of words from 0 to 12, not {max_words!r}"
        )
    head = re.compile(str(item["head"]), re.IGNORECASE)
    if not head.search(str(item["example"])):
        raise ValueError(f"cell_line_descriptions: the head does not match its example {item['example']!r}")
    return CellLineDescriptions(
        head=head,
        head_after_cell_type=re.compile(str(item["head_after_cell_type"]), re.IGNORECASE),
        stop=re.compile(str(item["stop"]), re.IGNORECASE),
        max_words=max_words,
        anchors=_anchors({**item, "ignore_case": True, "example": "cell_line_descriptions"}),
        reach=int(item.get("reach", 0)),  # type: ignore[call-overload]
    )


@dataclass(frozen=True)
class Patterns:
    families: tuple[Family, ...]
    prefixes: tuple[Extension, ...]
    suffixes: tuple[Extension, ...]
    modifiers: tuple[Extension, ...]
    exclusions: tuple[Exclusion, ...] = ()
    text_exclusions: tuple[TextExclusion, ...] = ()
    reagents: tuple[ReagentPattern, ...] = ()
    disease: re.Pattern[str] | None = None
    protein: re.Pattern[str] | None = None
    receptors: ReceptorPhrases | None = None
    symbols_in_context: SymbolsInContext | None = None
    cell_line_descriptions: CellLineDescriptions | None = None


def _anchors(family: dict[str, object]) -> tuple[str, ...]:
    """A family's anchors (lower-case words where the family ignores case), or a ValueError naming it."""
    anchors = family.get("anchors", [])
    reach = family.get("reach", 0)
    if not isinstance(anchors, list) or not all(isinstance(a, str) and a for a in anchors):
        raise ValueError(f"family {family.get('example')!r}: 'anchors' must be a list of words")
    if not isinstance(reach, int) or not -40 <= reach <= 200:
        raise ValueError(
            f"family {family.get('example')!r}: 'reach' must be a number of characters from -40 (the match starts "
            "after its anchor) to 200"
        )
    if family.get("ignore_case") and any(a != a.lower() for a in anchors):
        raise ValueError(f"family {family.get('example')!r}: anchors of a family that ignores case are lower-case")
    return tuple(anchors)


def _extensions(items: list[dict[str, object]]) -> tuple[Extension, ...]:
    return tuple(
        Extension(
            regex=re.compile(str(item["pattern"])),
            applies_to=tuple(item["applies_to"]),  # type: ignore[arg-type]
            label=item.get("label"),  # type: ignore[arg-type]
            example=str(item.get("example", "")),
        )
        for item in items
    )


def _reagent(item: dict[str, object]) -> ReagentPattern:
    reagent, position = str(item["reagent"]), str(item["position"])
    if reagent not in REAGENTS:
        raise ValueError(f"reagent {reagent!r} is none of {', '.join(REAGENTS)}")
    if position not in ("before", "after"):
        raise ValueError(f"reagent position {position!r} is neither 'before' nor 'after'")
    pattern = str(item["pattern"])
    if not (pattern.endswith("$") if position == "before" else pattern.startswith("^")):
        raise ValueError(f"reagent pattern {pattern!r} must be anchored at the mention ('$' before, '^' after)")
    applies_to = tuple(str(label) for label in item["applies_to"])  # type: ignore[attr-defined]
    return ReagentPattern(reagent, position, re.compile(pattern), applies_to, str(item.get("example", "")))


_installed: list[str] = []


def install_patterns(path: str) -> None:
    """Use the pattern file saved with a loaded spaCy pipeline for every later :func:`load_patterns`."""
    _installed[:] = [path]
    load_patterns.cache_clear()


def patterns_file() -> str:
    """The pattern file in use: the loaded pipeline's, else ``models/patterns/families.json``."""
    return _installed[0] if _installed else str(models_dir() / "patterns" / "families.json")


@cache
def load_patterns(path: str | None = None) -> Patterns:
    """Compile the pattern file (:func:`patterns_file` unless ``path``)."""
    file = patterns_file() if path is None else path
    try:
        data = json.loads(open(file, encoding="utf-8").read())  # noqa: SIM115
        regexes = [re.compile(f["pattern"], re.IGNORECASE if f.get("ignore_case") else 0) for f in data["families"]]
        families = tuple(
            Family(
                label=f["label"],
                regex=r,
                canonical=f["canonical"],
                example=f["example"],
                fast=boundary_free(r),
                anchors=_anchors(f),
                reach=int(f.get("reach", 0)),
            )
            for f, r in zip(data["families"], regexes, strict=True)
        )
        reagents = tuple(_reagent(item) for item in data.get("reagents", []))
        disease = data.get("diseases")
        disease_re = (
            re.compile(disease["pattern"], re.IGNORECASE if disease.get("ignore_case") else 0) if disease else None
        )
        rp = data.get("receptor_phrases")
        receptors = (
            ReceptorPhrases(
                head=re.compile(rp["head"], re.IGNORECASE),
                ligand_adjective=re.compile(rp["ligand_adjective"], re.IGNORECASE),
                subtype=re.compile(rp["subtype"]),
                prefix=re.compile(rp["prefix"]),
                ligand_symbol=re.compile(rp["ligand_symbol"]),
            )
            if rp
            else None
        )
        sic = data.get("symbols_in_context")
        symbols_in_context = (
            SymbolsInContext(
                frozenset(sic["symbols"]),
                re.compile(sic["before"]),
                re.compile(sic["after"]),
                re.compile(sic["discourse_before"]) if "discourse_before" in sic else None,
                re.compile(sic["discourse_after"]) if "discourse_after" in sic else None,
            )
            if sic
            else None
        )
        descriptions = _cell_line_descriptions(data.get("cell_line_descriptions"))
        protein = data.get("proteins")
        protein_re = (
            re.compile(protein["pattern"], re.IGNORECASE if protein.get("ignore_case") else 0) if protein else None
        )
    except (OSError, ValueError, KeyError, re.error) as exc:
        raise LexiconError(file, f"pattern file cannot be loaded ({exc})") from exc
    return Patterns(
        reagents=reagents,
        disease=disease_re,
        protein=protein_re,
        receptors=receptors,
        symbols_in_context=symbols_in_context,
        cell_line_descriptions=descriptions,
        families=families,
        prefixes=_extensions(data.get("prefixes", [])),
        suffixes=_extensions(data.get("suffixes", [])),
        modifiers=_extensions(data.get("modifiers", [])),
        exclusions=tuple(
            Exclusion(tuple(x["applies_to"]), re.compile(x["following"], re.IGNORECASE), x.get("example", ""))
            for x in data.get("exclusions", [])
            if "following" in x and "text" not in x
        ),
        text_exclusions=tuple(
            TextExclusion(
                tuple(x["applies_to"]),
                re.compile(x["text"]),
                x.get("example", ""),
                re.compile(x["following"]) if "following" in x else None,
            )
            for x in data.get("exclusions", [])
            if "text" in x
        ),
    )


_DISEASE_TYPE_RE = re.compile(r"[\s-]+(?:type|subtype|group)[\s-]*(?:[IVX]+|\d{1,2}[A-Za-z]?)$", re.IGNORECASE)


def is_disease_name(text: str) -> bool:
    """Whether a phrase names a disease by its head word ("coronary artery disease", "hemochromatosis"), a
    type after it aside ("glycogen storage disease type V")."""
    disease = load_patterns().disease
    text = text.strip()
    return disease is not None and bool(disease.search(text) or disease.search(_DISEASE_TYPE_RE.sub("", text)))


def is_protein_name(text: str) -> bool:
    """Whether a phrase names a protein by its head word ("tryptophan hydroxylase", "cannabinoid receptor")
    and no disease."""
    protein = load_patterns().protein
    return protein is not None and bool(protein.search(text.strip())) and not is_disease_name(text)


def describes_cell_line(label: str, name: str, identifier: str | None) -> bool:
    """Whether an entity is a cell line described in words ("human T cell lines"), not a named one."""
    rules = load_patterns().cell_line_descriptions
    return label == "CELL_LINE" and identifier is None and rules is not None and bool(rules.head.search(name))


def family_matches(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, label, canonical)`` of every family match, longest first where they overlap."""
    found: list[tuple[int, int, str, str]] = []
    lowered = text.lower()
    for family in load_patterns().families:
        for m in family.finditer(text, lowered):
            canonical = family.canonical.format(*(g or "" for g in m.groups()))
            found.append((m.start(), m.end(), family.label, canonical))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    last_end = -1
    for item in found:
        if item[0] >= last_end:
            kept.append(item)
            last_end = item[1]
    return kept
