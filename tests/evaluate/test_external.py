"""Readers of the public corpora formats and the overlap/strict scoring, on tiny files worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluate.external import PredSpan, read_iob, read_pubtator, read_scai, score_corpus

PUBTATOR = """123|t|MCF7 cells and HeLa.
123|a|Cisplatin kills PC-3 cells.
123\t0\t4\tMCF7\tCellLine\tCVCL_0031
123\t15\t19\tHeLa\tCellLine\t CVCL_0030
123\t21\t30\tCisplatin\tChemicalEntity\tD002945
123\t37\t41\tPC-3\tCellLine\tCVCL_0035

"""

SCAI = """<?xml version="1.0" encoding="UTF-8"?>
<corpus source="x"><document id="d0" origId="42">
<sentence id="s0" text="miR-21 is up.">
<entity charOffset="0-5" id="e0" text="miR-21" type="Specific_miRNAs"/></sentence>
<sentence id="s1" text="So is let-7a.">
<entity charOffset="6-11" id="e1" text="let-7a" type="Specific_miRNAs"/></sentence>
</document></corpus>
"""

IOB = "-DOCSTART-\tO\n\nJurkat\tB-cell_line\nT\tI-cell_line\ncells\tI-cell_line\nand\tO\nB\tB-cell_type\ncells\tI-cell_type\n.\tO\n\n"


def test_read_pubtator_offsets(tmp_path: Path) -> None:
    path = tmp_path / "x.PubTator"
    path.write_text(PUBTATOR, encoding="utf-8")
    (doc,) = read_pubtator(path)
    assert [doc.text[m.start : m.end] for m in doc.mentions] == ["MCF7", "HeLa", "Cisplatin", "PC-3"]
    assert doc.mentions[1].ids == frozenset(["CVCL_0030"])


def test_read_scai_inclusive_ends(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text(SCAI, encoding="utf-8")
    (doc,) = read_scai(path)
    assert doc.doc_id == "42"
    assert [doc.text[m.start : m.end] for m in doc.mentions] == ["miR-21", "let-7a"]


def test_read_iob_spans(tmp_path: Path) -> None:
    path = tmp_path / "x.tsv"
    path.write_text(IOB, encoding="utf-8")
    (doc,) = read_iob(path)
    assert [(doc.text[m.start : m.end], m.type) for m in doc.mentions] == [
        ("Jurkat T cells", "cell_line"),
        ("B cells", "cell_type"),
    ]


@pytest.mark.parametrize(
    ("preds", "expected"),
    [
        # MCF7 exact, "HeLa." overlapping, PC-3 missed, one false positive: P 2/3, R 2/3, strict 1
        (
            [
                PredSpan(0, 4, "CELL_LINE", "CVCL_0031"),
                PredSpan(15, 20, "CELL_LINE", "CVCL_9999"),
                PredSpan(5, 10, "CELL_LINE"),
            ],
            {"tp_gold": 2, "fn": 1, "tp_pred": 2, "fp": 1, "strict_tp": 1, "id_pairs": 2, "id_agree": 1},
        ),
        ([], {"tp_gold": 0, "fn": 3, "tp_pred": 0, "fp": 0, "strict_tp": 0, "id_pairs": 0, "id_agree": 0}),
    ],
)
def test_score_corpus_counts(tmp_path: Path, preds: list[PredSpan], expected: dict[str, int]) -> None:
    path = tmp_path / "x.PubTator"
    path.write_text(PUBTATOR, encoding="utf-8")
    docs = read_pubtator(path)
    scores = score_corpus(
        docs,
        lambda texts: [preds],
        {"CellLine": "CELL_LINE"},
        {"CELL_LINE": frozenset(["CELL_LINE"])},
        lambda label, pid: pid,
    )
    s = scores["CELL_LINE"]
    assert {k: getattr(s, k) for k in expected} == expected
