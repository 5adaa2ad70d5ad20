"""Gene families from HGNC's shared symbol and name stems (pipeline/normalize/build_lexicons.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.normalize.build_lexicons import gene_family_rows

HEADER = ["hgnc_id", "symbol", "name", "locus_type", "status", "gene_family_id"]
GENES = [
    ("HGNC:1", "AKT1", "AKT serine/threonine kinase 1", "682|1625"),
    ("HGNC:2", "AKT2", "AKT serine/threonine kinase 2", "682|1625"),
    ("HGNC:3", "NOS1", "nitric oxide synthase 1", "1220"),
    ("HGNC:4", "NOS2", "nitric oxide synthase 2", ""),
    ("HGNC:5", "ADD1", "adducin 1", ""),
    ("HGNC:6", "ADDX2", "unrelated thing 2", ""),
    ("HGNC:7", "ZZZ1", "lonely protein 1", "9"),
]


@pytest.fixture
def hgnc(tmp_path: Path) -> Path:
    path = tmp_path / "hgnc.tsv"
    lines = ["\t".join(HEADER)]
    for hid, sym, name, groups in GENES:
        lines.append("\t".join([hid, sym, name, "gene with protein product", "Approved", groups]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("stem", "kind", "identifier"),
    [
        ("AKT", "symbol", "HGNC-group:1625|HGNC-group:682"),  # members share HGNC groups
        ("AKT serine/threonine kinase", "name", "HGNC-group:1625|HGNC-group:682"),
        ("NOS", "symbol", ""),  # no shared group, but the names share a stem too
        ("nitric oxide synthase", "name", ""),
    ],
)
def test_family_rows(hgnc: Path, stem: str, kind: str, identifier: str) -> None:
    assert (stem, stem, identifier, "family", kind, "HGNC") in list(gene_family_rows(hgnc))


@pytest.mark.parametrize("stem", ["ADD", "adducin", "ZZZ", "lonely protein"])
def test_no_family_without_a_shared_group_or_name(hgnc: Path, stem: str) -> None:
    """One member, or members sharing neither a group nor the other stem, make no family."""
    assert stem not in {row[0] for row in gene_family_rows(hgnc)}
