import pytest

from pipeline.ingest.markup import clean_inline, latex_to_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (r"a  $\text{Ca}^{2+}$ -dependent protein", "a Ca2+-dependent protein"),
        (r"NF- $\kappa$ B-dependent activation", "NF-κB-dependent activation"),
        (r"transforming growth factor- $\beta$  (TGF- $\beta$ ), and", "transforming growth factor-β (TGF-β), and"),
        (r"the ITG $\alpha$ 6 $\beta$ 4 protein", "the ITGα6β4 protein"),
        (r"express  $\alpha$  smooth muscle actin ( $\alpha$ SMA)", "express α smooth muscle actin (αSMA)"),
        (
            r"Ly6c $^+$ /C-C-chemokine receptor 2 (CCR2 $^+$ ) monocyte",
            "Ly6c+/C-C-chemokine receptor 2 (CCR2+) monocyte",
        ),
        (r"significantly high ( $p < 0.0001$ ) in", "significantly high (p < 0.0001) in"),
        ("a decrease in ER α activity", "a decrease in ERα activity"),
        ("NF- κ B and TGF β 1 and DR β -H", "NF-κB and TGFβ1 and DRβ-H"),
        ("from 20-30 nm to 10 μ m", "from 20-30 nm to 10 μm"),
        ("the α v integrin-specific peptide", "the αv integrin-specific peptide"),
        ("CD8 <sup>+</sup> T cells", "CD8+ T cells"),
        ("CD90<sup>low</sup> ADSCs", "CD90low ADSCs"),
        ("**Abstract:** Breast *in situ* and *P*-glycoprotein", "Abstract: Breast in situ and P-glycoprotein"),
        ("a higher IC₅₀ value and Ca²⁺", "a higher IC50 value and Ca2+"),
        ("the ligand MICA\\*008 that", "the ligand MICA*008 that"),
        ("see <https://doi.org/10.3390/ijms232315236>", "see https://doi.org/10.3390/ijms232315236"),
        ("[Figure 2] and [Table 1]", "[Figure 2] and [Table 1]"),
    ],
)
def test_markup_clean(raw: str, clean: str) -> None:
    assert clean_inline(raw).text == clean


@pytest.mark.parametrize(
    ("raw", "clean", "cites"),
    [
        ("drug resistance [1,2]. Eukaryotic", "drug resistance. Eukaryotic", [(15, [1, 2])]),
        ("size of < 200 nm [4–6]; they were", "size of < 200 nm; they were", [(16, [4, 5, 6])]),
        ("stemness [100,134–136].", "stemness.", [(8, [100, 134, 135, 136])]),
        ("Sansone *et al.*^[19] were", "Sansone et al. were", [(14, [19])]),
        ("modified^[77-79]. The", "modified. The", [(8, [77, 78, 79])]),
        ("cells<sup>45</sup> and", "cells and", [(5, [45])]),
        ("cells<sup>[12,13]</sup> and", "cells and", [(5, [12, 13])]),
    ],
)
def test_markup_citations_cut_out(raw: str, clean: str, cites: list[tuple[int, list[int]]]) -> None:
    result = clean_inline(raw)
    assert result.text == clean
    assert [(pos, refs) for pos, refs, _ in result.citations] == cites


def test_markup_citation_after_et_al_forces_sentence_break() -> None:
    result = clean_inline("by Rodríguez-Martínez *et al.*^[58]. Although the levels")
    assert result.text == "by Rodríguez-Martínez et al. Although the levels"
    assert result.breaks == [len("by Rodríguez-Martínez et al.")]


def test_markup_table_cells_keep_ref_brackets() -> None:
    assert clean_inline("[50,51]", citations=False).text == "[50,51]"


@pytest.mark.parametrize(
    ("expr", "text"),
    [
        (r"\alpha", "α"),
        (r"\text{Ca}^{2+}", "Ca2+"),
        (r"p < 0.0001", "p < 0.0001"),
        (r"\mu\text{m}", "μm"),
        (r"IC_{50}", "IC50"),
        (r"10 \times 5", "10 × 5"),
    ],
)
def test_latex_to_text(expr: str, text: str) -> None:
    assert latex_to_text(expr) == text


@pytest.mark.parametrize(
    ("raw", "breaks"),
    [
        ("confirmed by Wei et al.^[44] They compared", [len("confirmed by Wei et al.")]),  # stop printed once
        ("shown by Wei et al.^[44] that miR-222", []),
        ("shown by Wei et al.^[44] in MCF-7 cells", []),
    ],
)
def test_markup_citation_after_et_al_before_a_capital_breaks(raw: str, breaks: list[int]) -> None:
    assert clean_inline(raw).breaks == breaks
