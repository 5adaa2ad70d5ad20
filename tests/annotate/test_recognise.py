"""Entity recognition rules: text in, (label, canonical names) out; and the ambiguity decisions."""

import pytest

from pipeline.annotate.patterns import load_patterns
from pipeline.annotate.recognise import recognise
from pipeline.normalize.abbreviations import find_definition_spans


def _ents(text: str) -> list[tuple[str, str, list[str]]]:
    mentions = recognise(text, find_definition_spans(text))
    return [(m.text, m.label, [m.concept.name, *(c.name for c in m.also)]) for m in mentions]


@pytest.mark.parametrize(
    ("text", "mention", "label", "names"),
    [
        ("Levels of exosomal miR-378 rose.", "miR-378", "MIRNA", ["miR-378"]),
        ("MiR-23a-3p was highest.", "MiR-23a-3p", "MIRNA", ["miR-23a-3p"]),
        ("We found microRNA-1246 in serum.", "microRNA-1246", "MIRNA", ["miR-1246"]),
        ("hsa-miR-21-5p was measured.", "hsa-miR-21-5p", "MIRNA", ["miR-21-5p"]),
        ("Exosomal miR-221/222 enhances resistance.", "miR-221/222", "MIRNA", ["miR-221", "miR-222"]),
        (
            "sEVs containing miRs-21, -378e, and -143 were",
            "miRs-21, -378e, and -143",
            "MIRNA",
            ["miR-21", "miR-378e", "miR-143"],
        ),
        ("The miR-200 family is lost.", "miR-200 family", "MIRNA", ["miR-200 family"]),
        ("let-7a was delivered.", "let-7a", "MIRNA", ["let-7a"]),
        ("Exonic circHIF1A acts as a sponge.", "circHIF1A", "CIRCRNA", ["circHIF1A"]),
        ("Exosomal circ_0010220 was high.", "circ_0010220", "CIRCRNA", ["hsa_circ_0010220"]),
        ("Exosomal circ0010220 was high.", "circ0010220", "CIRCRNA", ["hsa_circ_0010220"]),
        ("Exosomal hsa_circ_0001946 was high.", "hsa_circ_0001946", "CIRCRNA", ["hsa_circ_0001946"]),
        ("BC-derived exosomal lncRNA SNHG16 axis", "lncRNA SNHG16", "LNCRNA", ["SNHG16"]),
        ("LncRNA-SNHG14 promotes resistance.", "LncRNA-SNHG14", "LNCRNA", ["SNHG14"]),
        ("Exosomal HOTAIR was high.", "HOTAIR", "LNCRNA", ["HOTAIR"]),
        ("by transferring the gene MDR-1 mRNA.", "MDR-1 mRNA", "MRNA", ["ABCB1"]),
        ("the horizontal transfer of mitochondrial DNA", "mitochondrial DNA", "DNA", ["mtDNA"]),
        ("T-exosomes can induce MDSCs.", "T-exosomes", "VESICLE", ["exosome"]),
        ("small extracellular vesicles are", "small extracellular vesicles", "VESICLE", ["sEV"]),
        ("ssEVs loaded with paclitaxel", "ssEVs", "VESICLE", ["sEV"]),
        (
            "Recent evidence indicates that CD63+ CAFs-derived sEVs",
            "CD63+ CAFs",
            "CELL_TYPE",
            ["cancer-associated fibroblast"],
        ),
        ("polarization of M2 macrophages was", "M2 macrophages", "CELL_TYPE", ["M2 macrophage"]),
        (
            "antioncogenic CD90low ADSCs-derived sEVs",
            "CD90low ADSCs",
            "CELL_TYPE",
            ["mesenchymal stem cell of adipose tissue"],
        ),
        ("exosomes from docetaxel-resistant MCF-7 cells spread", "docetaxel", "DRUG", ["docetaxel"]),
        ("exosomes from docetaxel-resistant MCF-7 cells spread", "MCF-7", "CELL_LINE", ["MCF-7"]),
        ("released by SKBR3 and BT474 cells", "BT474", "CELL_LINE", ["BT-474"]),
        ("MDAMB231 cells were treated", "MDAMB231", "CELL_LINE", ["MDA-MB-231"]),
        ("with highly metastatic MDA-hyb1 BC cells", "MDA-hyb1", "CELL_LINE", ["MDA-hyb1"]),
        ("HER2-positive tumors", "HER2", "GENE", ["ERBB2"]),
        ("the cyclin dependent kinase inhibitor p27 and", "p27", "GENE", ["CDKN1B"]),
        ("the transfer of P-gp proteins", "P-gp", "GENE", ["ABCB1"]),
        ("exosomes enriched with survivin, a member", "survivin", "GENE", ["BIRC5"]),
        ("the CDK4/6 inhibitor palbociclib", "CDK4/6 inhibitor", "DRUG_CLASS", ["CDK4/6 inhibitors"]),
        ("CDK4/6 expression in", "CDK4/6", "GENE", ["CDK4", "CDK6"]),
        ("the CDK4/6 inhibitor palbociclib", "palbociclib", "DRUG", ["palbociclib"]),
        ("induction of caspase 3/7 and", "caspase 3/7", "GENE", ["CASP3", "CASP7"]),
        ("treated with taxol for 24 h", "taxol", "DRUG", ["paclitaxel"]),
        ("Trastuzumab emtansine (T-DM1) uses", "Trastuzumab emtansine", "DRUG", ["trastuzumab emtansine"]),
        ("TRPC is involved in the sEV-mediated Adriamycin (ADM)-resistance in MCF7", "ADM", "DRUG", ["doxorubicin"]),
        ("Glutathione S-transferase P1 (GSTP1), which", "Glutathione S-transferase P1", "GENE", ["GSTP1"]),
        (
            "urothelial carcinoma-associated 1 (UCA1) in exosomes",
            "urothelial carcinoma-associated 1",
            "LNCRNA",
            ["UCA1"],
        ),
        ("positive for ER+ breast tumors", "ER", "GENE", ["ESR1"]),
        ("the estrogen receptor (ER), and the ER status", "ER", "GENE", ["ESR1"]),
        ("Both mature DCs produce DC-derived exosomes (DEXs), and DEXs", "DEXs", "VESICLE", ["exosome"]),
    ],
)
def test_recognise_finds(text: str, mention: str, label: str, names: list[str]) -> None:
    assert (mention, label, names) in _ents(text)


@pytest.mark.parametrize(
    ("text", "not_an_entity"),
    [
        ("Breast cancer (BC) is common; BC cells grow.", "BC"),
        ("epithelial-mesenchymal transition (EMT) and EMT markers", "EMT"),
        ("in the tumor microenvironment (TME) the TME", "TME"),
        ("The CAT scan and a cat were", "cat"),
        ("the MET criteria were met", "MET"),
        ("a partial response (PR) and a PR in two", "PR"),
        ("the ER lumen is folded", "ER"),
        ("MΦs exhibiting the M1 phenotype switched to M1 phenotype", "the M1"),
        ("fibroblast growth factor (FGF) and platelet-derived growth factor", "fibroblast"),
        ("homologous T-cell receptors on T cells", "T-cell"),
        ("peripheral blood of 46 patients", "blood"),
        ("5 mg/kg in mice for 24 h at 10 μM", "mg"),
        ("in human and mouse cells", "human"),
        ("cells were given 2 mM glucose", "glucose"),
        ("CD markers such as CD and DC", "CD"),
    ],
)
def test_recognise_ambiguity_decisions(text: str, not_an_entity: str) -> None:
    assert not_an_entity not in [m for m, _, _ in _ents(text)]


def test_recognise_short_form_carries_its_long_form() -> None:
    text = "Adriamycin (ADM) was used. ADM-resistant cells grew."
    mentions = recognise(text, find_definition_spans(text))
    adm = [m for m in mentions if m.text == "ADM"]
    assert len(adm) == 2 and all(m.concept.name == "doxorubicin" for m in adm)
    assert adm[1].long_form == "Adriamycin"


@pytest.mark.parametrize(
    "family", load_patterns().families, ids=[f.label + ":" + f.example for f in load_patterns().families]
)
def test_pattern_family_example_is_recognised(family) -> None:  # type: ignore[no-untyped-def]
    text = f"We studied {family.example} here."
    assert any(label == family.label for _, label, _ in _ents(text)), family.example
