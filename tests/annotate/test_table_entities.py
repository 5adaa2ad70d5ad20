"""Every cargo, drug, target gene and cell of the six curated tables is recognised in its table cell and
wherever its table form appears in the prose, with the canonical name of the gold normaliser."""

import re

import pytest

from pipeline.annotate import annotate
from pipeline.annotate.patterns import load_patterns
from pipeline.annotate.recognise import recognise
from pipeline.ingest import ingest
from pipeline.models import Concept, Document
from pipeline.normalize.cells import cargo_items, cell_items, drug_items, gene_items, split_items
from pipeline.tables.roles import cargo_type_hint, column_roles
from tests.conftest import CORPUS
from tests.gold.tables import FENG, SCHWARZENBACH


def _concepts(role: str, item: str, hint: str | None) -> list[Concept]:
    if role == "cargo":
        return cargo_items(item, hint)
    if role == "drugs":
        return drug_items(item)
    if role == "target_genes":
        return gene_items(item)[0]
    return cell_items(item)


def _cases() -> list[tuple[str, str, str, str]]:
    """(review, table, item as printed, canonical name) for every recognisable item of the curated tables."""
    cases = set()
    for name in (FENG, SCHWARZENBACH):
        for table in ingest(CORPUS / name).tables:
            roles = column_roles(table.header)
            hint = next((cargo_type_hint(table.header[i]) for i, r in enumerate(roles) if r == "cargo"), None)
            for row in table.rows:
                for i, role in enumerate(roles):
                    if role not in ("cargo", "drugs", "target_genes", "target_cells"):
                        continue
                    for item in split_items(row[i]):
                        for c in _concepts(role, item, hint):
                            if (c.id or c.type in ("miRNA", "circRNA")) and c.name != "EV":
                                cases.add((name, table.label, item, c.name))
    return sorted(cases)


CASES = _cases()
IDS = [f"{c[0][:4]}-{c[1]}-{c[2]}" for c in CASES]


@pytest.fixture(scope="module")
def annotated(corpus_docs: dict[str, Document]) -> dict[str, Document]:
    return {name: annotate(doc) for name, doc in corpus_docs.items()}


def test_table_concept_cases_cover_the_tables() -> None:
    assert len(CASES) >= 110


@pytest.mark.parametrize(("review", "table", "item", "name"), CASES, ids=IDS)
def test_table_item_recognised_in_cell(review: str, table: str, item: str, name: str) -> None:
    names = {n for m in recognise(item) for n in (m.concept.name, *(c.name for c in m.also))}
    assert name in names, f"{item!r}: {sorted(names)}"


@pytest.mark.parametrize(("review", "table", "item", "name"), CASES, ids=IDS)
def test_table_item_recognised_in_prose(
    annotated: dict[str, Document], review: str, table: str, item: str, name: str
) -> None:
    """Each prose occurrence of the item carries the name, unless it is part of a longer name
    ("Trastuzumab" in "Trastuzumab emtansine", "fibroblasts" in "Cancer-associated fibroblasts") or stands
    where the guidelines say it is no mention ("fibroblast growth factor")."""
    doc = annotated[review]
    prose = [p for p in doc.paragraphs if p.kind == "text"]
    exclusions = load_patterns().exclusions
    for m in re.finditer(rf"(?<![\w-]){re.escape(item)}(?![\w]|-\d)", doc.text, flags=re.IGNORECASE):
        if not any(p.start <= m.start() < p.end for p in prose):
            continue
        covering = [e for e in doc.entities if e.start <= m.start() < e.end]
        if any(e.end - e.start > len(item) and name not in e.names for e in covering):
            continue  # part of a longer, different name
        if any(x.following.match(doc.text[m.end() : m.end() + 40]) for x in exclusions):
            continue
        # a paper that writes the arm elsewhere ("miR-23a-3p") names the same mature miRNA so throughout
        assert any(name in e.names or any(_arm_of(n, name) for n in e.names) for e in covering), (
            f"{item!r} at {m.start()}: {doc.text[max(0, m.start() - 40) : m.end() + 40]!r} -> "
            f"{[(e.text, e.names) for e in covering]}"
        )


def _arm_of(name: str, bare: str) -> bool:
    return name in (bare + "-3p", bare + "-5p")
