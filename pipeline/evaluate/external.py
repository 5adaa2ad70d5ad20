"""Entity recognition against public hand-annotated corpora (BioRED, BC5CDR, SCAI miRNA, JNLPBA).

Readers turn each corpus's training or development file into :class:`CorpusDoc` (one text, gold mentions with
character offsets, types and identifiers); :func:`score_corpus` compares EVminer's mentions with them per label,
with overlapping spans (a gold mention is found when a prediction of its label overlaps it; a prediction is
right when it overlaps a gold mention of its label) and with strict spans (same start and end), and counts how
often the identifier of a found mention agrees with the gold's.

Only training and development files are read here; the test splits are kept elsewhere on purpose.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    type: str
    ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CorpusDoc:
    doc_id: str
    text: str
    mentions: tuple[GoldSpan, ...]


@dataclass(frozen=True)
class PredSpan:
    start: int
    end: int
    label: str
    id: str | None = None


@dataclass
class Score:
    """Counts for one label: overlap and strict true/false positives and negatives, identifier agreement."""

    tp_gold: int = 0  # gold mentions overlapped by a prediction
    fn: int = 0
    tp_pred: int = 0  # predictions overlapping a gold mention
    fp: int = 0
    strict_tp: int = 0
    n_gold: int = 0
    n_pred: int = 0
    id_pairs: int = 0  # found mentions whose gold id is mappable
    id_agree: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strict_precision(self) -> float:
        return self.strict_tp / self.n_pred if self.n_pred else 1.0

    @property
    def strict_recall(self) -> float:
        return self.strict_tp / self.n_gold if self.n_gold else 1.0

    @property
    def strict_f1(self) -> float:
        p, r = self.strict_precision, self.strict_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def id_agreement(self) -> float | None:
        return self.id_agree / self.id_pairs if self.id_pairs else None

    def add(self, other: Score) -> None:
        for name in ("tp_gold", "fn", "tp_pred", "fp", "strict_tp", "n_gold", "n_pred", "id_pairs", "id_agree"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


# ---------------------------------------------------------------------------------------------------- readers


def _ids(raw: str) -> frozenset[str]:
    return frozenset(x.strip() for x in re.split(r"[,;|]", raw) if x.strip() and x.strip() != "-")


def read_pubtator(path: Path) -> list[CorpusDoc]:
    """A PubTator file (BioRED, BC5CDR): text = title + " " + abstract; composite mentions keep their ids."""
    docs: list[CorpusDoc] = []
    title = abstract = ""
    pmid = ""
    spans: list[GoldSpan] = []

    def flush() -> None:
        if pmid:
            docs.append(CorpusDoc(pmid, f"{title} {abstract}", tuple(spans)))

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                continue
            head = re.match(r"^(\d+)\|([ta])\|(.*)$", line)
            if head:
                if head[2] == "t":
                    flush()
                    pmid, title, abstract, spans = head[1], head[3], "", []
                else:
                    abstract = head[3]
                continue
            parts = line.split("\t")
            if len(parts) >= 5 and parts[1].isdigit() and parts[2].isdigit():
                spans.append(GoldSpan(int(parts[1]), int(parts[2]), parts[4], _ids(parts[5] if len(parts) > 5 else "")))
    flush()
    return docs


def read_scai(path: Path) -> list[CorpusDoc]:
    """The SCAI miRNA corpus XML: sentences joined by one space; ``charOffset`` ends are inclusive."""
    docs: list[CorpusDoc] = []
    root = ET.parse(path).getroot()
    for document in root.iter("document"):
        text = ""
        spans: list[GoldSpan] = []
        for sentence in document.iter("sentence"):
            base = len(text)
            text += sentence.get("text", "") + " "
            for entity in sentence.iter("entity"):
                for part in entity.get("charOffset", "").split(","):
                    if "-" not in part:
                        continue
                    a, b = part.split("-")
                    spans.append(GoldSpan(base + int(a), base + int(b) + 1, entity.get("type", "")))
        docs.append(CorpusDoc(document.get("origId") or document.get("id") or "", text, tuple(spans)))
    return docs


def read_iob(path: Path) -> list[CorpusDoc]:
    """JNLPBA in IOB (token TAB tag): each ``-DOCSTART-`` block one document, tokens joined by single spaces."""
    docs: list[CorpusDoc] = []
    text = ""
    spans: list[GoldSpan] = []
    open_span: list[object] | None = None

    def close() -> None:
        nonlocal open_span
        if open_span is not None:
            spans.append(GoldSpan(int(open_span[0]), int(open_span[1]), str(open_span[2])))  # type: ignore[call-overload]
            open_span = None

    def flush() -> None:
        nonlocal text, spans
        close()
        if text.strip():
            docs.append(CorpusDoc(f"jnlpba-{len(docs)}", text, tuple(spans)))
        text, spans = "", []

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                close()
                continue
            token, _, tag = line.partition("\t")
            if token == "-DOCSTART-":
                flush()
                continue
            start = len(text)
            text += token + " "
            if tag.startswith("B-") or (tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])):
                close()
                open_span = [start, start + len(token), tag[2:]]
            elif tag.startswith("I-") and open_span is not None:
                open_span[1] = start + len(token)
            else:
                close()
    flush()
    return docs


# ---------------------------------------------------------------------------------------------------- scoring


def score_corpus(
    docs: Iterable[CorpusDoc],
    predict: Callable[[list[str]], list[list[PredSpan]]],
    gold_types: dict[str, str],
    pred_labels: dict[str, frozenset[str]],
    id_map: Callable[[str, str], str | None] | None = None,
    gold_id_ok: Callable[[str, frozenset[str]], bool] | None = None,
) -> dict[str, Score]:
    """Per label scores of ``predict`` on ``docs``.

    Args:
        docs: the corpus documents.
        predict: texts -> predicted spans per text.
        gold_types: gold type -> label scored ("CellLine" -> "CELL_LINE"); other gold types are not scored.
        pred_labels: label scored -> EVminer labels counted as that label.
        id_map: (label, predicted id) -> the id in the gold's scheme, or None when unmappable; identifier
            agreement is counted over found mentions whose gold has an id and whose prediction maps.
        gold_id_ok: (label, gold ids) -> whether the gold id is in a scheme EVminer can name at all (a mouse
            gene's NCBI id is not: EVminer names human genes); others are left out of the agreement.
    """
    docs = list(docs)
    predictions = predict([d.text for d in docs])
    scores: dict[str, Score] = {label: Score() for label in pred_labels}
    for doc, preds in zip(docs, predictions, strict=True):
        for label, labels in pred_labels.items():
            gold = [g for g in doc.mentions if gold_types.get(g.type) == label]
            mine = [p for p in preds if p.label in labels]
            s = scores[label]
            s.n_gold += len(gold)
            s.n_pred += len(mine)
            exact = {(p.start, p.end) for p in mine}
            for g in gold:
                hits = [p for p in mine if p.start < g.end and g.start < p.end]
                if hits:
                    s.tp_gold += 1
                    if id_map is not None and g.ids and (gold_id_ok is None or gold_id_ok(label, g.ids)):
                        mapped = [id_map(label, p.id) for p in hits if p.id]
                        mapped = [m for m in mapped if m]
                        if mapped:
                            s.id_pairs += 1
                            if any(m in g.ids for m in mapped):
                                s.id_agree += 1
                            else:
                                s.errors.append(
                                    f"ID  {doc.doc_id}\t{doc.text[g.start : g.end]}\t{sorted(g.ids)}\t{mapped}"
                                )
                else:
                    s.fn += 1
                    s.errors.append(
                        f"FN  {doc.doc_id}\t{doc.text[g.start : g.end]}\t{_context(doc.text, g.start, g.end)}"
                    )
                if (g.start, g.end) in exact:
                    s.strict_tp += 1
            for p in mine:
                if any(p.start < g.end and g.start < p.end for g in gold):
                    s.tp_pred += 1
                else:
                    s.fp += 1
                    s.errors.append(
                        f"FP  {doc.doc_id}\t{doc.text[p.start : p.end]}\t{_context(doc.text, p.start, p.end)}"
                    )
    return scores


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    return (text[max(0, start - width) : start] + "[" + text[start:end] + "]" + text[end : end + width]).replace(
        "\n", " "
    )


def format_scores(name: str, scores: dict[str, Score]) -> str:
    """One table: label, gold and predicted counts, overlap P/R/F1, strict P/R/F1, identifier agreement."""
    lines = [
        f"== {name} ==",
        f"{'label':<10} {'gold':>6} {'pred':>6} | {'P':>5} {'R':>5} {'F1':>5} | {'sP':>5} {'sR':>5} {'sF1':>5} | ids",
    ]
    for label, s in scores.items():
        ids = f"{s.id_agreement:.3f} ({s.id_agree}/{s.id_pairs})" if s.id_agreement is not None else "-"
        lines.append(
            f"{label:<10} {s.n_gold:>6} {s.n_pred:>6} | {s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f} | "
            f"{s.strict_precision:5.3f} {s.strict_recall:5.3f} {s.strict_f1:5.3f} | {ids}"
        )
    return "\n".join(lines)
