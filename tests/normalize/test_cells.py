"""Table-cell normaliser: text in, atomic canonical items out."""

import pytest

from pipeline.normalize.cells import cargo_items, cell_items, drug_items, gene_items, split_items


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("miR-221/222", ["miR-221", "miR-222"]),
        ("miR-16, miR-23a, miR-24, miR-26a, and miR-27a", ["miR-16", "miR-23a", "miR-24", "miR-26a", "miR-27a"]),
        ("miR-9-5p, miR-195-5p and miR-203a-3p", ["miR-9-5p", "miR-195-5p", "miR-203a-3p"]),
        ("miRs-21, -378e, and -143", ["miR-21", "miR-378e", "miR-143"]),
        ("miR-423-5p,", ["miR-423-5p"]),
        ("MiR-23a-3p", ["miR-23a-3p"]),
        ("hsa-miR-21-5p", ["miR-21-5p"]),
        ("microRNA-1246", ["miR-1246"]),
        ("let-7a miRNA", ["let-7a"]),
        ("lncRNA SNHG16", ["SNHG16"]),
        ("LncRNA-SNHG14", ["SNHG14"]),
        ("HOTAIR", ["HOTAIR"]),
        ("circHIF1A", ["circHIF1A"]),
        ("Integrins α6β4 and α6β1", ["integrin α6β4", "integrin α6β1"]),
        ("ADAM10, Annexin-1, CD9, metalloprotease, and HSP70", ["ADAM10", "ANXA1", "CD9", "metalloprotease", "HSPA1A"]),
        ("Developmental endothelial Locus-1 (Del-1)", ["EDIL3"]),
        ("TβRII", ["TGFBR2"]),
        ("Survivin-2B", ["BIRC5"]),
        ("MDR-1 mRNA", ["ABCB1"]),
        ("n.d.", []),
    ],
)
def test_cargo_items(cell: str, names: list[str]) -> None:
    assert [c.name for c in cargo_items(cell)] == names


@pytest.mark.parametrize(
    ("cell", "types"),
    [
        ("miR-21", ["miRNA"]),
        ("lncRNA SNHG16", ["lncRNA"]),
        ("circHIF1A", ["circRNA"]),
        ("MDR-1 mRNA", ["mRNA"]),
        ("UCA1", ["lncRNA"]),
        ("p27", ["protein"]),
        ("Palmitoylated proteins", ["protein"]),
    ],
)
def test_cargo_types(cell: str, types: list[str]) -> None:
    assert [c.type for c in cargo_items(cell)] == types


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Docetaxel, epirubicin gemcitabine", ["docetaxel", "epirubicin", "gemcitabine"]),
        ("Doxorubicin, Adriamycin", ["doxorubicin"]),
        ("Adriamycin", ["doxorubicin"]),
        (
            "Cyclophosphamide, fluorouracil, epirubicin, docetaxel, paclitaxel",
            ["cyclophosphamide", "fluorouracil", "epirubicin", "docetaxel", "paclitaxel"],
        ),
        ("Taxol", ["paclitaxel"]),
        ("T-DM1", ["trastuzumab emtansine"]),
        ("5-FU", ["fluorouracil"]),
        ("ADM, DOX", ["doxorubicin"]),
        ("PTX", ["paclitaxel"]),
        ("DOC", ["docetaxel"]),
        ("Drug X-123", ["drug x-123"]),
    ],
)
def test_drug_items(cell: str, names: list[str]) -> None:
    assert [c.name for c in drug_items(cell)] == names


@pytest.mark.parametrize(
    ("cell", "genes", "other"),
    [
        ("p27, ER α", ["CDKN1B", "ESR1"], []),
        ("p27, ERα", ["CDKN1B", "ESR1"], []),
        ("Sprouty2, PTEN, APC4", ["SPRY2", "PTEN", "ANAPC4"], []),
        ("Stathmin 1", ["STMN1"], []),
        ("HER2", ["ERBB2"], []),
        ("P-gp", ["ABCB1"], []),
        ("UCH-L1", ["UCHL1"], []),
        ("n.d.", [], []),
        ("MAPK and Wnt signaling pathways", [], ["MAPK", "Wnt signaling pathways"]),
        ("Cancer-associated ATG5", ["ATG5"], []),
        ("Human CD3 and human HER2", ["ERBB2"], ["Human CD3"]),
    ],
)
def test_gene_items(cell: str, genes: list[str], other: list[str]) -> None:
    got, rest = gene_items(cell)
    assert [g.name for g in got] == genes
    assert rest == other


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Endothelial cells", ["endothelial cell"]),
        ("Fibroblast, bone marrow myeloid cells", ["fibroblast", "myeloid cell"]),
        ("Tregs", ["regulatory T cell"]),
        ("CD8 T cells", ["CD8-positive, alpha-beta T cell"]),
        ("CAFs", ["cancer-associated fibroblast"]),
        ("M2 macrophages", ["M2 macrophage"]),
        ("MSCs", ["mesenchymal stem cell"]),
        ("MCF7", ["MCF-7"]),
        ("SKBR3", ["SK-BR-3"]),
        ("BT474", ["BT-474"]),
        ("", []),
    ],
)
def test_cell_items(cell: str, names: list[str]) -> None:
    assert [c.name for c in cell_items(cell)] == names


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("a, b and c", ["a", "b", "c"]),
        ("Developmental endothelial Locus-1 (Del-1), CD9", ["Developmental endothelial Locus-1 (Del-1)", "CD9"]),
        ("x; y", ["x", "y"]),
        ("n.d.", []),
        ("A & B", ["A", "B"]),
    ],
)
def test_split_items(cell: str, items: list[str]) -> None:
    assert split_items(cell) == items
