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
