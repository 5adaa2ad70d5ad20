"""The curated tables as Assertions against the hand-written gold list, row by row."""

import pytest

from pipeline.models import Document, Table
from pipeline.tables import table_assertions
from pipeline.tables.roles import column_roles, table_relation
from tests.gold.assertions import EXPECTED


@pytest.mark.parametrize(("name", "label"), sorted(EXPECTED))
def test_table_assertions_match_gold(corpus_docs: dict[str, Document], name: str, label: str) -> None:
    relation, rows = EXPECTED[(name, label)]
    got = [a for a in table_assertions(corpus_docs[name]) if a.provenance.table == label]
    assert [a.provenance.row for a in got] == list(range(len(rows)))
    for assertion, (cargo, drugs, genes, cells, refs) in zip(got, rows, strict=False):
        row = assertion.provenance.row
        assert assertion.relation == relation
        assert [c.name for c in assertion.cargo] == cargo, f"{label} row {row} cargo"
        assert [c.name for c in assertion.drugs] == drugs, f"{label} row {row} drugs"
        assert [c.name for c in assertion.target_genes] == genes, f"{label} row {row} target genes"
        assert [c.name for c in assertion.target_cells] == cells, f"{label} row {row} target cells"
        assert assertion.refs == refs, f"{label} row {row} refs"
        assert assertion.provenance.source == "table"


def test_table_assertions_carry_identifiers_and_study_keys(corpus_docs: dict[str, Document]) -> None:
    from tests.gold.tables import SCHWARZENBACH

    rows = [a for a in table_assertions(corpus_docs[SCHWARZENBACH]) if a.provenance.table == "Table 2"]
    wei = rows[6]
    assert [(c.name, c.id) for c in wei.target_genes] == [("CDKN1B", "HGNC:1785"), ("ESR1", "HGNC:3467")]
    assert [(c.name, c.id) for c in wei.drugs] == [("tamoxifen", "DB00675")]
    assert wei.cargo[0].type == "miRNA" and wei.cargo[0].id == "MIMAT0000278"  # miR-221 (-3p)
    assert wei.study_keys == ["wei|2014|breast cancer res treat|423"]


@pytest.mark.parametrize(
    ("header", "roles"),
    [
        (["miRNAs", "Target", "Resistance", "Ref."], ["cargo", "target_genes", "drugs", "refs"]),
        (["lncRNAs", "Target", "Resistance", "Ref."], ["cargo", "target_genes", "drugs", "refs"]),
        (["Molecules in sEVs", "Target Cells", "Functions", "Ref."], ["cargo", "target_cells", "function", "refs"]),
        (
            ["Contents in sEVs", "Biomarkers in sEVs", "Functions (Mechanism)/Usage", "Ref."],
            ["cargo_type", "cargo", "function", "refs"],
        ),
        (["Payload/Drug Names", "Targets", "Ref."], ["payload", "target_genes", "refs"]),
        (["Drug", "Function", "Ref."], ["drugs", "function", "refs"]),
        (["Exosomal cargo", "Recipient cells", "Drug", "References"], ["cargo", "target_cells", "drugs", "refs"]),
        (["Year", "Country", "Participants"], ["other", "other", "other"]),
    ],
)
def test_column_roles_from_header_words(header: list[str], roles: list[str]) -> None:
    assert column_roles(header) == roles


@pytest.mark.parametrize(
    ("header", "caption", "relation"),
    [
        (["miRNAs", "Target", "Resistance", "Ref."], "Any caption", "transfers_resistance"),
        (["Cargo", "Drug resistance", "Ref."], "", "transfers_resistance"),
        (["Biomarkers in sEVs", "Usage", "Ref."], "", "biomarker"),
        (["Molecules in sEVs", "Target Cells", "Functions", "Ref."], "", "cargo_function"),
        (["Payload/Drug Names", "Targets", "Ref."], "", "delivers_payload"),
        (["Drug", "Function", "Ref."], "", "drug_function"),
        (["Year", "Country"], "Participants", None),
    ],
)
def test_table_relation_from_header_words(header: list[str], caption: str, relation: str | None) -> None:
    table = Table(label="Table 9", number=9, caption=caption, header=header, rows=[])
    assert table_relation(table, column_roles(header)) == relation
