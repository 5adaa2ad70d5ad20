"""The relation gold scorer: cargo spellings and cell descriptions that agree, and those that must not."""

import pytest

from pipeline.evaluate.relations import (
    GoldPaper,
    Score,
    cell_words,
    cells_agree,
    cells_named,
    drug_normaliser,
    same_cargo,
    score_paper,
    split_of,
)
from pipeline.models import Assertion, Concept, Provenance


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("cisplatin-resistant A549/DDP cells", "A-549", True),
        ("osimertinib-sensitive H1975 cells", "NCI-H1975", True),
        ("activated CAFs", "cancer-associated fibroblast", True),
        ("hBMMSC, mesenchymal stem cells", "MSCs", True),
        ("T-cells", "T cell", True),
        ("BMSCs", "mesenchymal stem cell", True),
        ("hMSCs", "MSCs", True),
        ("plasma of breast cancer patients", "blood", True),
        ("gastric cancer cells", "breast cancer cells", False),
        ("MCF-7 cells", "MDA-MB-231", False),
    ],
)
def test_cell_descriptions(a: str, b: str, agree: bool) -> None:
    assert cells_agree(cell_words(a), cell_words(b)) is agree


@pytest.mark.parametrize(
    ("name", "identifier", "gold", "named"),
    [
        ("Hep 3B2.1-7", "CVCL_0326", ["HepG2 and Hep3B cells"], True),  # a line under its own name: by its id
        ("MIA PaCa-2", "CVCL_0428", ["MIA PaCa-2 and BxPC-3 cells"], True),
        ("PANC-1", "CVCL_0480", ["MIA PaCa-2 and BxPC-3 cells"], False),
        ("sensitive cells", None, ["HepG2 cells"], False),
        ("natural killer cell", "CL:0000623", ["NK cells"], True),  # a cell type under its Cell Ontology name
        ("cerebrospinal fluid", None, ["CSF of patients with glioblastoma"], True),
        ("parental cells", None, ["parental cells"], True),  # cells described only by their state
        ("recipient cells", None, ["A549 cells"], False),
    ],
)
def test_cells_named_by_words_or_cell_line_id(name: str, identifier: str | None, gold: list[str], named: bool) -> None:
    assert cells_named(name, identifier, gold) is named


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("miR-23a", "miR-23a-3p", True),
        ("hsa_circ_0076305", "circ-0076305", True),
        ("miR-21", "miR-210", False),
        ("LINC00969", "MIR570HG", True),  # a symbol HGNC has since renamed
        ("H19", "UCA1", False),
    ],
)
def test_cargo_spellings(a: str, b: str, same: bool) -> None:
    assert same_cargo(a, b) is same


def test_split_is_fixed_by_the_doi() -> None:
    assert split_of("10.18632/aging.102092") == split_of("10.18632/AGING.102092") == "dev"


def _assertion(cargo: str, drug: str, effect: str) -> Assertion:
    return Assertion(
        relation="transfers_resistance",
        effect=effect,  # type: ignore[arg-type]
        cargo=[Concept(name=cargo)],
        drugs=[Concept(name=drug)],
        provenance=Provenance(doc_id="p", source="text"),
    )


@pytest.mark.parametrize(
    ("named_cargo", "tp", "fp", "fn"),
    [(False, 1, 0, 1), (True, 1, 0, 0)],
)
def test_vesicle_rows_beside_a_named_cargo_can_be_left_out(named_cargo: bool, tp: int, fp: int, fn: int) -> None:
    paper = GoldPaper(
        id="p",
        kind="primary",
        doi="10.1/x",
        text="Exosomal miR-21 conferred cisplatin resistance.",
        assertions=[  # type: ignore[list-item]
            {"cargo": c, "cargo_type": t, "drugs": ["cisplatin"], "effect": "confers_resistance", "quote": q}
            for c, t, q in (("miR-21", "miRNA", "Exosomal miR-21"), ("EV", "vesicle", "Exosomal"))
        ],
    )
    score = Score()
    score_paper(paper, [_assertion("miR-21", "cisplatin", "confers_resistance")], score, str, named_cargo=named_cargo)
    assert (score.tp, score.fp, score.fn) == (tp, fp, fn)


@pytest.mark.parametrize(
    ("a", "b"), [("medroxyprogesterone acetate", "medroxyprogesterone"), ("Imatinib mesylate", "imatinib")]
)
def test_drug_names_without_their_salt(a: str, b: str) -> None:
    canon = drug_normaliser()
    assert canon(a) == canon(b)
