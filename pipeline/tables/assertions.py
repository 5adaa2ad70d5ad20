"""Curated table rows -> Assertions (source="table"): the gold standard the prose extraction is scored on."""

from __future__ import annotations

import logging
import re

from pipeline.constants import ColumnRole
from pipeline.models import Assertion, Concept, Document, Provenance, Table
from pipeline.normalize.abbreviations import find_definitions
from pipeline.normalize.cells import cargo_items, cell_items, drug_items, gene_items
from pipeline.normalize.concepts import normalize_cell
from pipeline.normalize.mentions import Mention, find_mentions
from pipeline.tables.roles import cargo_type_hint, column_roles, table_relation

logger = logging.getLogger(__name__)


def _unique(concepts: list[Concept]) -> list[Concept]:
    seen: set[str] = set()
    return [c for c in concepts if not (c.name in seen or seen.add(c.name))]  # type: ignore[func-returns-value]


def _mentioned(mentions: list[Mention], labels: tuple[str, ...]) -> list[Concept]:
    return _unique([m.concept for m in mentions if m.label in labels])


_VESICLE_ONLY_RE = re.compile(r"-derived\s+s*(?:s?EVs?|exosomes?|vesicles?)\s*$", re.IGNORECASE)


def payload_fallback(text: str) -> Concept:
    """The cargo of a payload cell that names no molecule: the vesicles themselves, or the text as written."""
    if _VESICLE_ONLY_RE.search(text):
        return Concept(name="EV", id=None, type="vesicle")
    return Concept(name=text, id=None, type="other")


def table_abbreviations(doc: Document, table: Table) -> dict[str, str]:
    """Abbreviations that hold in a table: the document's, the table's footnotes, and any its cells define."""
    defined: dict[str, str] = {}
    for row in table.rows:
        for cell in row:
            defined.update(find_definitions(cell))
    return {**doc.abbreviations, **defined, **table.glossary}


def row_assertion(
    doc: Document, table: Table, roles: list[ColumnRole], row_index: int, glossary: dict[str, str] | None = None
) -> Assertion | None:
    """The Assertion one row of a curated table states, or None for a row with nothing to assert.

    ``glossary``: ``table_abbreviations(doc, table)``, computed once per table by the caller (it reads every
    cell, so computing it per row would make a table's cost quadratic in its rows).
    """
    relation = table_relation(table, roles)
    if relation is None:
        return None
    row = table.rows[row_index]
    cells: dict[str, str] = {role: row[i] for i, role in enumerate(roles) if role != "other" and i < len(row)}
    if glossary is None:
        glossary = table_abbreviations(doc, table)
    cargo: list[Concept] = []
    drugs: list[Concept] = []
    genes: list[Concept] = []
    target_cells: list[Concept] = []
    donor_cells: list[Concept] = []
    notes: list[str] = []

    header_hint = next((cargo_type_hint(table.header[i]) for i, r in enumerate(roles) if r == "cargo"), None)
    hint = cargo_type_hint(cells["cargo_type"]) if "cargo_type" in cells else header_hint
    if "cargo" in cells:
        cargo = cargo_items(cells["cargo"], hint, glossary)
    if "drugs" in cells:
        drugs = drug_items(cells["drugs"])
    if "target_genes" in cells:
        genes, other = gene_items(cells["target_genes"], glossary)
        if other:
            cells_named = [c for c in (normalize_cell(o) for o in other) if c is not None]
            target_cells += cells_named
            if len(cells_named) < len(other):
                notes.append(f"Target: {cells['target_genes']}")
    if "target_cells" in cells:
        target_cells += cell_items(cells["target_cells"])
    if "payload" in cells:
        mentions = find_mentions(cells["payload"], glossary)
        payload = _mentioned(mentions, ("MIRNA", "DRUG", "LNCRNA", "CIRCRNA"))
        drugs = _unique(drugs + _mentioned(mentions, ("DRUG",)))
        donor_cells = _mentioned(mentions, ("CELL_TYPE", "CELL_LINE"))
        cargo = [c.model_copy(update={"type": "drug" if c.type == "DRUG" else c.type}) for c in payload]
        if not cargo:
            cargo = [payload_fallback(cells["payload"])]
    if "function" in cells:
        notes.insert(0, cells["function"])
        if relation == "biomarker":  # genes and drugs the Functions/Usage text names
            mentions = find_mentions(cells["function"])
            cargo_names = {c.name for c in cargo}
            genes = _unique(
                genes
                + [c for c in _mentioned(mentions, ("GENE", "MIRNA", "LNCRNA", "CIRCRNA")) if c.name not in cargo_names]
            )
            drugs = _unique(drugs + _mentioned(mentions, ("DRUG",)))
    if relation == "drug_function":
        cargo = []
    elif not cargo:
        return None
    refs = table.row_refs[row_index] if row_index < len(table.row_refs) else []
    study_keys = [r.study_key for r in map(doc.reference, refs) if r is not None and r.study_key]
    return Assertion(
        relation=relation,
        confidence=1.0,
        method="table",
        cargo=cargo,
        drugs=drugs,
        target_genes=genes,
        target_cells=target_cells,
        donor_cells=donor_cells,
        function=" ".join(notes) or None,
        refs=refs,
        study_keys=study_keys,
        provenance=Provenance(
            doc_id=doc.doc_id,
            source="table",
            table=table.label,
            row=row_index,
            page=table.pages[0] if table.pages else None,
            start=table.start,
            end=table.start,
            evidence=" | ".join(row),
        ),
    )


def table_assertions(doc: Document) -> list[Assertion]:
    """Every curated table of ``doc`` as Assertions, in table and row order."""
    out: list[Assertion] = []
    for table in doc.tables:
        roles = column_roles(table.header)
        if table_relation(table, roles) is None:
            logger.info("%s: %s is no cargo/drug table (header %s)", doc.doc_id, table.label, table.header)
            continue
        glossary = table_abbreviations(doc, table)
        for i in range(len(table.rows)):
            assertion = row_assertion(doc, table, roles, i, glossary)
            if assertion is not None:
                out.append(assertion)
    return out
