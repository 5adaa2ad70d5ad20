"""Scoring entity recognition against a hand-annotated gold set (``tests/gold/entities/*.ann``).

The annotation format lists, under "@ <start of a paragraph>", the paragraph's mentions in reading order as
``mention<TAB>LABEL<TAB>name[|name]``; mentions are located in the Document by searching forward from the
previous one, so an annotation never depends on character offsets and survives changes to the clean text
that keep the paragraph's words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.annotate.patterns import describes_cell_line
from pipeline.constants import ENTITY_LABELS
from pipeline.errors import EVminerError
from pipeline.models import Document, Entity

# The labels tests/gold/entities/GUIDELINES.md annotates; DRUG_CLASS came later and is not annotated there, so
# its mentions are neither right nor wrong against this gold set.
ANNOTATED_LABELS = frozenset(label for label in ENTITY_LABELS if label not in ("DRUG_CLASS", "GENE_FAMILY"))


class AnnotationError(EVminerError):
    """A gold annotation does not fit the document it annotates."""

    code = "E300"


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    label: str
    names: frozenset[str]
    text: str


@dataclass(frozen=True)
class GoldSet:
    mentions: list[GoldMention]
    regions: list[tuple[int, int]]  # the annotated paragraphs


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def parse_annotations(ann: str, doc: Document, source: str = "annotation") -> GoldSet:
    """Locate the mentions of an ``.ann`` text in ``doc``.

    Raises:
        AnnotationError: a paragraph or a mention is not found where the annotation says.
    """
    mentions: list[GoldMention] = []
    regions: list[tuple[int, int]] = []
    cursor = end = -1
    for lineno, line in enumerate(ann.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            prefix = line[2:].strip()
            par = next((p for p in doc.paragraphs if doc.span_text(p).startswith(prefix)), None)
            if par is None:
                raise AnnotationError(source, f"line {lineno}: no paragraph of {doc.doc_id} starts with {prefix!r}")
            regions.append((par.start, par.end))
            cursor, end = par.start, par.end
            continue
        parts = line.split("\t")
        if len(parts) != 3 or cursor < 0:
            raise AnnotationError(source, f"line {lineno}: expected 'mention<TAB>LABEL<TAB>names' under a '@' line")
        text, label, names = parts
        found = doc.text.find(text, cursor, end)
        if found < 0:
            raise AnnotationError(source, f"line {lineno}: {text!r} not found after offset {cursor} in its paragraph")
        mentions.append(GoldMention(found, found + len(text), label, frozenset(names.split("|")), text))
        cursor = found + len(text)
    return GoldSet(mentions, regions)


def gold_sets(ann: str, docs: Iterable[Document], source: str = "annotation") -> dict[str, GoldSet]:
    """Split an ``.ann`` text whose paragraphs come from several documents; doc_id -> its gold set."""
    docs = list(docs)
    blocks: dict[str, list[str]] = {d.doc_id: [] for d in docs}
    for block in ann.split("\n@ ")[1:] if not ann.startswith("@ ") else ("\n" + ann).split("\n@ ")[1:]:
        prefix = block.split("\n", 1)[0].strip()
        owner = next((d for d in docs if any(d.span_text(p).startswith(prefix) for p in d.paragraphs)), None)
        if owner is None:
            raise AnnotationError(source, f"no document has a paragraph starting with {prefix!r}")
        blocks[owner.doc_id].append("@ " + block)
    return {d.doc_id: parse_annotations("\n".join(blocks[d.doc_id]), d, source) for d in docs if blocks[d.doc_id]}


def _inside(start: int, regions: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in regions)


def score_entities(gold: GoldSet, predicted: Iterable[Entity], *, strict: bool = False) -> dict[str, LabelScore]:
    """Per-label true/false positives and false negatives within the annotated paragraphs.

    A prediction matches a gold mention of the same label that it overlaps (``strict``: has the same span)
    and that names the same entities; each gold mention matches at most one prediction. Cell lines described
    in words ("TNBC cell lines") are no CELL_LINE in these guidelines (tests/gold/entities/GUIDELINES.md): left
    out.
    """
    preds = [
        e
        for e in predicted
        if _inside(e.start, gold.regions)
        and e.label in ANNOTATED_LABELS
        and not describes_cell_line(e.label, e.name, e.id)
    ]
    scores: dict[str, LabelScore] = {}
    used: set[int] = set()
    for g in gold.mentions:
        score = scores.setdefault(g.label, LabelScore())
        match = None
        for i, p in enumerate(preds):
            if i in used or p.label != g.label:
                continue
            span_ok = (p.start, p.end) == (g.start, g.end) if strict else (p.start < g.end and g.start < p.end)
            if span_ok and frozenset(p.names) == g.names:
                match = i
                break
        if match is None:
            score.fn += 1
            score.errors.append(f"FN {g.label} {g.text!r} -> {'|'.join(sorted(g.names))} @{g.start}")
        else:
            used.add(match)
            score.tp += 1
    for i, p in enumerate(preds):
        if i not in used:
            score = scores.setdefault(p.label, LabelScore())
            score.fp += 1
            score.errors.append(f"FP {p.label} {p.text!r} -> {'|'.join(p.names)} @{p.start}")
    return scores


def merge_scores(parts: Iterable[dict[str, LabelScore]]) -> dict[str, LabelScore]:
    total: dict[str, LabelScore] = {}
    for part in parts:
        for label, s in part.items():
            t = total.setdefault(label, LabelScore())
            t.tp, t.fp, t.fn = t.tp + s.tp, t.fp + s.fp, t.fn + s.fn
            t.errors += s.errors
    return total


def format_scores(scores: dict[str, LabelScore]) -> str:
    """A plain table: label, gold, predicted, precision, recall, F1."""
    lines = [f"{'label':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for label in sorted(scores):
        s = scores[label]
        lines.append(f"{label:<10} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    micro = LabelScore(tp, fp, fn)
    lines.append(f"{'all':<10} {tp + fn:>5} {tp + fp:>5} {micro.precision:>6.3f} {micro.recall:>6.3f} {micro.f1:>6.3f}")
    return "\n".join(lines)
