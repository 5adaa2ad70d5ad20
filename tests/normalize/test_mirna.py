import pytest

from pipeline.normalize.concepts import mirna_id
from pipeline.normalize.mirna import find_mirnas, normalize_mirna


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("miR-21", ["miR-21"]),
        ("MiR-23a-3p", ["miR-23a-3p"]),
        ("miRNA-1246", ["miR-1246"]),
        ("microRNA-1246", ["miR-1246"]),
        ("hsa-miR-23a-3p", ["miR-23a-3p"]),
        ("let-7a", ["let-7a"]),
        ("miR-221/222", ["miR-221", "miR-222"]),
        ("miR-106a/b", ["miR-106a", "miR-106b"]),
        ("miR-200 family", ["miR-200 family"]),
        ("miRNA 159", ["miR-159"]),
        ("miRNAs", []),
        ("mir", []),
        ("MIR21", ["miR-21"]),
        # viral miRNAs of cancer-associated viruses keep miRBase's capitals, without the species prefix
        ("ebv-miR-BART7-3p", ["miR-BART7-3p"]),
        ("miR-BHRF1-2-5p", ["miR-BHRF1-2-5p"]),
        ("kshv-miR-K12-11", ["miR-K12-11"]),
    ],
)
def test_normalize_mirna(text: str, names: list[str]) -> None:
    assert normalize_mirna(text) == names


def test_find_mirnas_in_running_text() -> None:
    text = "CAF-derived sEVs containing miRs-21, -378e, and -143 and exosomal miR-378 but not miRNAs in general"
    assert [names for _, _, names in find_mirnas(text)] == [["miR-21", "miR-378e", "miR-143"], ["miR-378"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # members of a list that leave the prefix out: led by a hyphen, or known by their arm
        ("exosomal miR-21, -155 and -221 were higher", [["miR-21", "miR-155", "miR-221"]]),
        ("microRNA-21, -155, and -210 in serum", [["miR-21", "miR-155", "miR-210"]]),
        (
            "sEV miR-21-5p, 221-3p, 146a-5p and 26a-5p were associated",
            [["miR-21-5p", "miR-221-3p", "miR-146a-5p", "miR-26a-5p"]],
        ),
        ("miR-17-5p, 20a-5p and miR-92a-3p", [["miR-17-5p", "miR-20a-5p"], ["miR-92a-3p"]]),
        # bare numbers without an arm are not members: they may count anything
        ("miR-21, 155 and 221 patients", [["miR-21"]]),
        ("miR-21 and 5-FU", [["miR-21"]]),
    ],
)
def test_elided_mirna_lists(text: str, names: list[list[str]]) -> None:
    assert [found for _, _, found in find_mirnas(text)] == names


@pytest.mark.parametrize(
    ("name", "accession"),
    [
        ("miR-21", "MIMAT0000076"),
        ("miR-21-5p", "MIMAT0000076"),
        ("miR-23a-3p", "MIMAT0000078"),
        ("let-7a", "MIMAT0000062"),
        ("miR-159", None),
        ("miR-200 family", None),
    ],
)
def test_mirna_id(name: str, accession: str | None) -> None:
    assert mirna_id(name) == accession
