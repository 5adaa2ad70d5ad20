"""Gold (curated table) assertions against prose assertions: per table, row recall and pair P/R/F1, and the
missing, partial and extra rows with their evidence.

A prose assertion speaks of a gold row when the relation agrees and a reference agrees: the same number in the
same paper, or the same study key (DOI, or first author + year + journal) across papers, so that one review's
prose can be checked against another review's tables. Cargo names agree after normalisation, with an unstated
miRNA arm matching a stated one (miR-23a ~ miR-23a-3p).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.models import Assertion, Document

PAIR_FIELDS = {"cargo-drug": "drugs", "cargo-target_gene": "target_genes", "cargo-target_cell": "target_cells"}


def same_cargo(a: str, b: str) -> bool:
    """miR-23a ~ miR-23a-3p; otherwise equal ignoring case."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class RowDiff:
    row: int
    status: str  # matched | partial | missing
    gold: Assertion
    matched_by: list[Assertion] = field(default_factory=list)
    discussed: bool = False  # the row's reference is cited in the prose compared


@dataclass
class TableDiff:
    doc_id: str
    table: str
    relation: str
    rows: list[RowDiff]
    pairs: dict[str, PairScore]
    extra: list[Assertion]

    @property
    def row_recall(self) -> float | None:
        return sum(r.status == "matched" for r in self.rows) / len(self.rows) if self.rows else None

    @property
    def row_recall_discussed(self) -> float | None:
        rows = [r for r in self.rows if r.discussed]
        return sum(r.status == "matched" for r in rows) / len(rows) if rows else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "table": self.table,
            "relation": self.relation,
            "row_recall": self.row_recall,
            "row_recall_discussed": self.row_recall_discussed,
            "pairs": {k: v.as_dict() for k, v in self.pairs.items()},
            "rows": [
                {
                    "row": r.row,
                    "status": r.status,
                    "discussed": r.discussed,
                    "gold": r.gold.to_row(),
                    "matched_by": [a.to_row() for a in r.matched_by],
                }
                for r in self.rows
            ],
            "extra": [a.to_row() for a in self.extra],
        }


class RefIndex:
    """Whether a prose assertion and a gold assertion cite the same study."""

    def __init__(self, docs: Iterable[Document] = (), keys: dict[tuple[str, int], str] | None = None) -> None:
        """From Documents' reference lists, or from ``keys``: (doc_id, reference number) -> study key."""
        self.keys: dict[tuple[str, int], str] = dict(keys or {})
        # what was worked out from one list of prose assertions (its study keys; its index by relation), kept with
        # the list so that a report diffing document after document against the same run's assertions does it once
        self._memo: dict[tuple[str, int], tuple[list[Assertion], tuple[int, ...], Any]] = {}
        self._keys_of: dict[int, tuple[Assertion, frozenset[str]]] = {}
        for doc in docs:
            for ref in doc.references:
                if ref.study_key:
                    self.keys[(doc.doc_id, ref.number)] = ref.study_key

    def study_keys(self, a: Assertion) -> frozenset[str]:
        """The study keys ``a`` cites (worked out once per assertion: a report asks for them many times)."""
        kept = self._keys_of.get(id(a))
        if kept is None or kept[0] is not a:
            kept = (a, frozenset(k for n in a.refs if (k := self.keys.get((a.provenance.doc_id, n)))))
            self._keys_of[id(a)] = kept  # the assertion kept alive with its keys: its id is not given to another
        return kept[1]

    def _remembered(self, kind: str, predicted: list[Assertion], make: Callable[[], Any]) -> Any:
        key, ids = (kind, id(predicted)), tuple(map(id, predicted))  # the same list, holding the same assertions
        kept = self._memo.get(key)
        if kept is None or kept[1] != ids:
            kept = (predicted, ids, make())  # the list kept alive: its id is not given to another
            self._memo[key] = kept
        return kept[2]

    def cited(self, predicted: list[Assertion]) -> set[str]:
        """The study keys ``predicted`` cites."""
        return self._remembered("cited", predicted, lambda: {k for a in predicted for k in self.study_keys(a)})

    def related_of(self, predicted: list[Assertion], relation: str) -> Callable[[Assertion], list[Assertion]]:
        """``related`` over the assertions of ``predicted`` that state ``relation``."""
        return self._remembered(  # type: ignore[no-any-return]
            "related:" + relation, predicted, lambda: self.related([a for a in predicted if a.relation == relation])
        )

    def related(self, predicted: list[Assertion]) -> Callable[[Assertion], list[Assertion]]:
        """A lookup: gold assertion -> the assertions of ``predicted`` of the same study (``same_study``), in
        their order, found through an index instead of a pass over all of them for every gold row."""
        by_ref: dict[tuple[str, int], list[int]] = {}
        by_key: dict[str, list[int]] = {}
        for i, a in enumerate(predicted):
            for n in a.refs:
                by_ref.setdefault((a.provenance.doc_id, n), []).append(i)
            for k in self.study_keys(a):
                by_key.setdefault(k, []).append(i)

        def lookup(gold: Assertion) -> list[Assertion]:
            found: set[int] = set()
            for n in gold.refs:
                found.update(by_ref.get((gold.provenance.doc_id, n), ()))
            for k in self.study_keys(gold):
                found.update(by_key.get(k, ()))
            return [predicted[i] for i in sorted(found)]

        return lookup

    def same_study(self, gold: Assertion, pred: Assertion) -> bool:
        if gold.provenance.doc_id == pred.provenance.doc_id and set(gold.refs) & set(pred.refs):
            return True
        return bool(self.study_keys(gold) & self.study_keys(pred))


def _row_status(gold: Assertion, preds: list[Assertion]) -> str:
    """matched: every gold cargo is stated with one of the row's drugs (or, for rows without drugs, stated);
    partial: some are; missing: none."""
    if not gold.cargo:  # a drug table: the drugs themselves
        found = [d for d in gold.drugs if any(any(d.name == p.name for p in a.drugs + a.cargo) for a in preds)]
        return "matched" if found and len(found) == len(gold.drugs) else ("partial" if found else "missing")
    hits = 0
    for c in gold.cargo:
        for a in preds:
            if not any(same_cargo(c.name, p.name) for p in a.cargo):
                continue
            if not gold.drugs or {d.name for d in gold.drugs} & {d.name for d in a.drugs}:
                hits += 1
                break
    return "matched" if hits == len(gold.cargo) else ("partial" if hits else "missing")


def _pairs(assertions: Iterable[Assertion], name: str) -> list[tuple[str, str, Assertion]]:
    """(cargo, other) pairs; the vesicles themselves (cargo "EV") are no cargo a curated table lists."""
    out = []
    for a in assertions:
        for c in a.cargo:
            if c.type == "vesicle":
                continue
            for x in getattr(a, PAIR_FIELDS[name]):
                out.append((c.name, x.name, a))
    return out


def _by_other(pairs: list[tuple[str, str, Assertion]]) -> dict[str, dict[str, list[Assertion]]]:
    """(cargo, other, assertion) pairs grouped by the other name (pairs agree only when it is the same), then by
    the lower-cased cargo name, so that a cargo is compared with each name once, not with each assertion."""
    out: dict[str, dict[str, list[Assertion]]] = {}
    for c, x, a in pairs:
        out.setdefault(x, {}).setdefault(c.lower(), []).append(a)
    return out


def _same_lower(a: str, b: str) -> bool:
    """``same_cargo`` of two lower-cased names."""
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def _is_class(a: Assertion, drug: str) -> bool:
    return any(d.name == drug and (d.type or "").lower() == "drug_class" for d in a.drugs)


def diff_table(
    doc: Document,
    label: str,
    gold: list[Assertion],
    predicted: list[Assertion],
    refs: RefIndex,
    cited: set[str],
) -> TableDiff:
    """Compare one table's gold rows with the prose assertions (of any paper) of the same relation."""
    relation = gold[0].relation
    preds = [a for a in predicted if a.relation == relation]
    same_study = refs.related_of(predicted, relation)
    rows = []
    speaking: set[int] = set()
    for g in gold:
        related = same_study(g)
        speaking.update(id(a) for a in related)
        discussed = bool(refs.study_keys(g) & cited) or bool(
            {(g.provenance.doc_id, n) for n in g.refs} & {(doc.doc_id, n) for c in doc.citations for n in c.refs}
        )
        rows.append(RowDiff(g.provenance.row or 0, _row_status(g, related), g, related, discussed))
    pairs: dict[str, PairScore] = {}
    for name in PAIR_FIELDS:
        score = PairScore()
        gold_pairs = _by_other(_pairs(gold, name))
        pred_pairs = _by_other(_pairs([a for a in preds if id(a) in speaking], name))
        for x, by_cargo in pred_pairs.items():
            gold_x = gold_pairs.get(x, {})
            for c, stating in by_cargo.items():
                same = [ga for gc, gas in gold_x.items() if _same_lower(c, gc) for ga in gas]
                for a in stating:
                    if name == "cargo-drug" and _is_class(a, x):
                        continue  # "chemotherapy": a class cannot be checked against a table that lists drugs
                    ok = any(refs.same_study(ga, a) for ga in same)
                    score.tp += ok
                    score.fp += not ok
        for gx, by_cargo in gold_pairs.items():
            pred_x = pred_pairs.get(gx, {})
            for gc, gas in by_cargo.items():
                same = [a for c, stating in pred_x.items() if _same_lower(c, gc) for a in stating]
                for ga in gas:
                    if not any(refs.same_study(ga, a) for a in same):
                        score.fn += 1
        pairs[name] = score
    extra = [a for a in preds if id(a) not in speaking and a.provenance.doc_id == doc.doc_id]
    return TableDiff(doc.doc_id, label, relation, rows, pairs, extra)


def diff_documents(
    docs: list[Document], gold: list[Assertion], predicted: list[Assertion], refs: RefIndex | None = None
) -> list[TableDiff]:
    """Every curated table of ``docs`` against the prose assertions of all papers (``predicted`` may come from
    papers not in ``docs`` when ``refs`` knows their study keys, as in a batch run)."""
    refs = refs or RefIndex(docs)
    cited = set(refs.cited(predicted))
    for doc in docs:
        for c in doc.citations:
            for n in c.refs:
                if key := refs.keys.get((doc.doc_id, n)):
                    cited.add(key)
    out = []
    for doc in docs:
        by_table: dict[str, list[Assertion]] = {}
        for a in gold:
            if a.provenance.doc_id == doc.doc_id and a.provenance.table:
                by_table.setdefault(a.provenance.table, []).append(a)
        tables = [diff_table(doc, label, rows, predicted, refs, cited) for label, rows in by_table.items()]
        # a prose assertion is extra only when it speaks to no table of its paper, and it is listed once, under
        # the first table of its relation
        speaking = {id(a) for t in tables for r in t.rows for a in r.matched_by}
        listed: set[str] = set()
        for t in tables:
            t.extra = [] if t.relation in listed else [a for a in t.extra if id(a) not in speaking]
            listed.add(t.relation)
        out += tables
    return out


def diffs_json(diffs: list[TableDiff]) -> list[dict[str, Any]]:
    return [d.as_dict() for d in diffs]


__all__ = ["PairScore", "RowDiff", "TableDiff", "asdict", "diff_documents", "diffs_json", "same_cargo"]
