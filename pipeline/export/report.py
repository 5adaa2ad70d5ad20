"""The diff of curated tables against prose assertions as Markdown, JSON or an HTML page for curators.

Everything taken from a paper is escaped (``html.escape``, the evidence sentences too), so a document containing
``<script>`` or ``javascript:`` text cannot inject into the page.
"""

from __future__ import annotations

import hashlib
import html
import json
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping

from pipeline.evaluate.diff import TableDiff, diffs_json
from pipeline.models import Assertion, Document, Entity, Sentence

STATUS_COLOURS = {"matched": "#d4edda", "partial": "#fff3cd", "missing": "#f8d7da", "extra": "#e2e3f5"}
ENTITY_COLOURS = {
    "MIRNA": "#f4a261",
    "LNCRNA": "#e9c46a",
    "CIRCRNA": "#e9c46a",
    "NCRNA": "#e9c46a",
    "MRNA": "#f6bd60",
    "DNA": "#cdb4db",
    "GENE": "#90e0ef",
    "GENE_FAMILY": "#caf0f8",
    "DRUG": "#ff8fab",
    "CELL_LINE": "#b5e48c",
    "CELL_TYPE": "#d9ed92",
    "VESICLE": "#dee2e6",
}


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def _names(a: Assertion, field: str) -> str:
    return ", ".join(c.name for c in getattr(a, field))


def diff_markdown(diffs: list[TableDiff]) -> str:
    out = ["# Curated tables vs prose extraction", ""]
    out.append(
        "| document | table | relation | rows | row recall | (cargo, drug) P/R/F1 | (cargo, target gene) P/R/F1 "
        "| (cargo, target cell) P/R/F1 | extra |"
    )
    out.append("|---|---|---|---|---|---|---|---|---|")
    for d in diffs:
        cells = [f"{_fmt(p.precision)}/{_fmt(p.recall)}/{_fmt(p.f1)}" for p in d.pairs.values()]
        out.append(
            f"| {d.doc_id} | {d.table} | {d.relation} | {len(d.rows)} | {_fmt(d.row_recall)} | "
            + " | ".join(cells)
            + f" | {len(d.extra)} |"
        )
    for d in diffs:
        out += ["", f"## {d.doc_id} — {d.table} ({d.relation})", ""]
        for r in d.rows:
            if r.status == "matched":
                continue
            g = r.gold
            out.append(
                f"- **{r.status}** row {r.row}: {_names(g, 'cargo') or _names(g, 'drugs')} "
                f"[{', '.join(map(str, g.refs))}] drugs: {_names(g, 'drugs') or '–'}"
            )
            for a in r.matched_by[:2]:
                out.append(f"  - prose ({a.provenance.doc_id}): {a.provenance.evidence[:240]}")
        for a in d.extra[:20]:
            out.append(
                f"- extra: {_names(a, 'cargo')} → {_names(a, 'drugs') or '–'} [{', '.join(map(str, a.refs))}]"
                f" — {a.provenance.evidence[:160]}"
            )
    return "\n".join(out) + "\n"


def diff_json(diffs: list[TableDiff]) -> str:
    return json.dumps(diffs_json(diffs), ensure_ascii=False, indent=2)


ROLE_LABELS = {
    "cargo": "CARGO",
    "drugs": "DRUG",
    "target_genes": "TARGET GENE",
    "target_cells": "TARGET CELL",
    "donor_cells": "DONOR CELL",
    "recipient_cells": "RECIPIENT CELL",
}
ROLE_COLOURS = {
    "CARGO": "#e76f51",
    "DRUG": "#ff5d8f",
    "TARGET GENE": "#48cae4",
    "TARGET CELL": "#80b918",
    "DONOR CELL": "#a7c957",
    "RECIPIENT CELL": "#6a994e",
}


def evidence_roles(a: Assertion) -> dict[str, str]:
    """Canonical name -> the role the assertion gives it (cargo, drug resisted, target gene, donor cell, ...),
    so that the evidence shows which mention plays which part; the first role wins."""
    roles: dict[str, str] = {}
    for field, label in ROLE_LABELS.items():
        for c in getattr(a, field):
            roles.setdefault(c.name, label)
    return roles


class _DocIndex:
    """A document's sentences and entities sorted by offset, so that an evidence block finds its sentences and
    their entities by bisection (not by a scan of the whole document per block)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.sentences = sorted(doc.sentences, key=lambda s: s.start)
        self.sentence_starts = [s.start for s in self.sentences]
        self.entities = sorted(doc.entities, key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]

    def sentences_within(self, start: int, end: int) -> Iterator[Sentence]:
        for s in self.sentences[bisect_left(self.sentence_starts, start) :]:
            if s.start >= end:
                break
            if s.end <= end:
                yield s

    def entities_within(self, start: int, end: int) -> Iterator[Entity]:
        for e in self.entities[bisect_left(self.entity_starts, start) : bisect_left(self.entity_starts, end)]:
            if e.end <= end:
                yield e


def _colour(label: str) -> str:
    return ROLE_COLOURS.get(label) or ENTITY_COLOURS.get(label) or "#ddd"


def mark_entities(text: str, ents: Iterable[tuple[int, int, str]]) -> str:
    """``text`` as HTML with each entity span in a ``<mark>`` naming its label, as displaCy's entity view draws
    it; everything escaped. A span that overlaps one already marked is left out (displaCy would print its text
    twice), so the sentence reads as written."""
    parts = ['<div class="entities">']
    at = 0
    for start, end, label in sorted(ents):
        if start < at or end <= start or end > len(text):
            continue
        parts.append(html.escape(text[at:start]))
        parts.append(
            f'<mark class="entity" style="background: {_colour(label)}">{html.escape(text[start:end])}'
            f'<span class="label">{html.escape(label)}</span></mark>'
        )
        at = end
    parts.append(html.escape(text[at:]) + "</div>")
    return "".join(parts)


MARK_STYLE = (
    ".entities{line-height:2.5}mark.entity{padding:0.45em 0.6em;margin:0 0.25em;line-height:1;border-radius:0.35em}"
    "mark.entity .label{font-size:0.8em;font-weight:bold;vertical-align:middle;margin-left:0.5rem}"
)


def _evidence_html(a: Assertion, index: _DocIndex | None) -> str:
    """The assertion's sentences with their entities highlighted, or its evidence text."""
    p = a.provenance
    if index is None or p.start is None or p.end is None:
        return f"<p>{html.escape(p.evidence)}</p>"
    roles = evidence_roles(a)
    parts = []
    for s in index.sentences_within(p.start, p.end):
        text = index.doc.span_text(s)
        if p.evidence and text not in p.evidence:
            continue
        parts.append(
            mark_entities(
                text,
                (
                    (e.start - s.start, e.end - s.start, roles.get(e.name, e.label))
                    for e in index.entities_within(s.start, s.end)
                ),
            )
        )
    return "".join(parts) or f"<p>{html.escape(p.evidence)}</p>"


def _assertion_cells(a: Assertion) -> str:
    return "".join(
        f"<td>{html.escape(x)}</td>"
        for x in (
            _names(a, "cargo") or "–",
            _names(a, "drugs") or "–",
            _names(a, "target_genes") or "–",
            _names(a, "target_cells") or _names(a, "recipient_cells") or "–",
            ", ".join(map(str, a.refs)),
        )
    )


def _evidence_key(a: Assertion) -> tuple[object, ...]:
    """What an assertion's evidence block depends on: where it stands and the roles it gives the names."""
    p = a.provenance
    return (p.doc_id, p.start, p.end, p.evidence, tuple(sorted(evidence_roles(a).items())))


class EvidenceKeys:
    """``_evidence_key`` of assertions, worked out once per assertion (the pages of a run show the same prose
    assertions many times: every review citing a study shows its evidence)."""

    def __init__(self) -> None:
        self._kept: dict[int, tuple[Assertion, tuple[object, ...]]] = {}

    def __call__(self, a: Assertion) -> tuple[object, ...]:
        kept = self._kept.get(id(a))
        if kept is None or kept[0] is not a:
            kept = (a, _evidence_key(a))  # the assertion kept alive with its key: its id is not given to another
            self._kept[id(a)] = kept
        return kept[1]


def evidence_id(a: Assertion) -> str:
    """``_evidence_key`` as a short string, to store an evidence block with its document."""
    return hashlib.blake2b(repr(_evidence_key(a)[1:]).encode(), digest_size=12).hexdigest()


def evidence_fragment(doc: Document, assertions: Iterable[Assertion]) -> dict[str, str]:
    """The evidence blocks of ``doc``'s prose assertions by ``evidence_id``: made where the document is in memory
    (a batch worker), so that the run's report shows them without reading the document again."""
    index = _DocIndex(doc)
    return {evidence_id(a): _evidence_html(a, index) for a in assertions if a.provenance.source != "table"}


def render_evidence(
    assertions: Iterable[Assertion],
    docs: Mapping[str, Document],
    rendered: dict[tuple[object, ...], str] | None = None,
    fragments: Callable[[str], Mapping[str, str] | None] | None = None,
    key_of: Callable[[Assertion], tuple[object, ...]] = _evidence_key,
) -> dict[tuple[object, ...], str]:
    """The evidence blocks of ``assertions`` by ``_evidence_key``, rendered document by document (each document
    read once); those in ``rendered`` are taken from it, and the new ones added to it. ``fragments``: doc_id ->
    the blocks its worker made (``evidence_fragment``), taken before the document is read; ``key_of``: the
    assertions' ``_evidence_key`` (an ``EvidenceKeys`` shared by the pages of a run)."""
    shared = {} if rendered is None else rendered
    blocks: dict[tuple[object, ...], str] = {}
    index: _DocIndex | None = None
    made: Mapping[str, str] | None = None
    current: str | None = None
    indexed = False
    for a in sorted(assertions, key=lambda a: a.provenance.doc_id):
        key = key_of(a)
        if key in blocks:
            continue
        if key not in shared:
            if a.provenance.doc_id != current:  # sorted by document: each one read and indexed once
                current, index, indexed = a.provenance.doc_id, None, False
                made = fragments(current) if fragments is not None else None
            block = made.get(evidence_id(a)) if made is not None else None
            if block is None:
                if not indexed:
                    doc = docs.get(current)
                    index, indexed = (_DocIndex(doc) if doc is not None else None), True
                block = _evidence_html(a, index)
            shared[key] = block
        blocks[key] = shared[key]
    return blocks


def diff_assertions(diffs: list[TableDiff]) -> list[Assertion]:
    """The prose assertions a diff page shows evidence for: those matching its rows, and the extra ones."""
    return [a for d in diffs for r in d.rows for a in r.matched_by] + [a for d in diffs for a in d.extra]


def diff_html(
    diffs: list[TableDiff],
    docs: Iterable[Document] | Mapping[str, Document],
    rendered: dict[tuple[object, ...], str] | None = None,
    fragments: Callable[[str], Mapping[str, str] | None] | None = None,
    key_of: Callable[[Assertion], tuple[object, ...]] = _evidence_key,
) -> str:
    """A self-contained page: per table the figures, the gold rows beside the prose rows, coloured by status,
    each linked to its evidence sentences with the entities highlighted. ``docs`` may be a lazy mapping
    doc_id -> Document: only the documents whose evidence is shown are read, each once (the evidence is
    rendered document by document). ``rendered``: evidence blocks already rendered (for the pages of one run,
    where reviews citing the same studies show the same evidence), filled as a side effect; ``fragments`` and
    ``key_of`` as in ``render_evidence``."""
    by_id = docs if isinstance(docs, Mapping) else {d.doc_id: d for d in docs}
    evidence: dict[int, tuple[str, Assertion]] = {}

    def anchor(a: Assertion) -> str:
        key = id(a)
        if key not in evidence:
            evidence[key] = (f"ev{len(evidence) + 1}", a)
        return evidence[key][0]

    body = [
        "<h1>EVminer: curated tables vs prose extraction</h1>",
        "<p>Colours: <span class='matched'>matched</span> <span class='partial'>partial</span> "
        "<span class='missing'>missing</span> <span class='extra'>extra (not in the table: shown, not "
        "counted)</span></p>",
        "<table class='summary'><tr><th>document</th><th>table</th><th>relation</th>"
        "<th>rows</th><th>row recall</th><th>(cargo, drug) P/R/F1</th><th>(cargo, target gene) P/R/F1</th>"
        "<th>(cargo, target cell) P/R/F1</th></tr>",
    ]
    for d in diffs:
        pairs = "".join(f"<td>{_fmt(p.precision)} / {_fmt(p.recall)} / {_fmt(p.f1)}</td>" for p in d.pairs.values())
        body.append(
            f"<tr><td>{html.escape(d.doc_id)}</td><td><a href='#{html.escape(d.doc_id)}-{d.table.replace(' ', '')}'>"
            f"{html.escape(d.table)}</a></td><td>{d.relation}</td><td>{len(d.rows)}</td>"
            f"<td>{_fmt(d.row_recall)}</td>{pairs}</tr>"
        )
    body.append("</table>")
    head = (
        "<tr><th>row</th><th>status</th><th>cargo</th><th>drugs</th><th>target genes</th><th>target cells</th>"
        "<th>refs</th><th>extracted from prose</th></tr>"
    )
    for d in diffs:
        body.append(
            f"<h2 id='{html.escape(d.doc_id)}-{d.table.replace(' ', '')}'>{html.escape(d.doc_id)} — "
            f"{html.escape(d.table)} ({d.relation})</h2><table class='rows'>{head}"
        )
        for r in d.rows:
            links = (
                " ".join(
                    f"<a href='#{anchor(a)}'>{html.escape(_names(a, 'cargo'))} → {html.escape(_names(a, 'drugs') or '–')}</a>"
                    for a in r.matched_by
                )
                or "–"
            )
            body.append(
                f"<tr class='{r.status}'><td>{r.row}</td><td>{r.status}</td>{_assertion_cells(r.gold)}"
                f"<td>{links}</td></tr>"
            )
        for a in d.extra:
            body.append(
                f"<tr class='extra'><td>–</td><td>extra</td>{_assertion_cells(a)}"
                f"<td><a href='#{anchor(a)}'>evidence</a></td></tr>"
            )
        body.append("</table>")
    body.append("<h2>Evidence</h2>")
    blocks = render_evidence([a for _, a in evidence.values()], by_id, rendered, fragments, key_of)
    for ident, a in evidence.values():
        body.append(
            f"<div class='evidence' id='{ident}'><h3>{ident}: {html.escape(a.relation)} "
            f"({html.escape(a.effect or 'association')}) — {html.escape(a.provenance.doc_id)} "
            f"[{', '.join(map(str, a.refs))}]</h3>{blocks[key_of(a)]}</div>"
        )
    style = (
        "body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:90%}"
        + "".join(f".{k}{{background:{v}}}" for k, v in STATUS_COLOURS.items())
        + ".evidence{border-top:1px solid #ddd;margin-top:1em}"
        + MARK_STYLE
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>EVminer diff</title>"
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )
