"""The entity failure classes found on public corpora and in EV drug-resistance papers, one case per line:
text in, canonical entity out (and the reagent kind where a molecule is used as a reagent)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.annotate.patterns import describes_cell_line, load_patterns, patterns_file
from pipeline.annotate.recognise import recognise
from pipeline.errors import LexiconError
from pipeline.normalize.lexicon import load_lexicon, models_dir


def _found(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(m.text, m.label, m.concept.name, m.reagent) for m in recognise(text)]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Cells resistant to DDP were studied.", "DDP", "cisplatin"),
        ("CDDP-resistant A549 cells", "CDDP", "cisplatin"),
        ("treated with ADR for 48 h", "ADR", "doxorubicin"),
        ("ADM-resistant MCF-7 cells", "ADM", "doxorubicin"),
        ("resistance to DXR and DOX", "DXR", "doxorubicin"),
        ("resistance to DXR and DOX", "DOX", "doxorubicin"),
        ("L-OHP resistance in colorectal cancer", "L-OHP", "oxaliplatin"),
        ("OXA-resistant HCT116 cells", "OXA", "oxaliplatin"),
        ("GEM resistance of pancreatic cancer", "GEM", "gemcitabine"),
        ("TMZ resistance in glioblastoma", "TMZ", "temozolomide"),
        ("sensitivity to PTX", "PTX", "paclitaxel"),
        ("DTX-resistant prostate cancer cells", "DTX", "docetaxel"),
        ("5-FU resistance", "5-FU", "fluorouracil"),
        ("BTZ resistance in myeloma", "BTZ", "bortezomib"),
        ("TAM-resistant breast cancer cells", "TAM", "tamoxifen"),
        ("MTX resistance", "MTX", "methotrexate"),
        ("lithium was given", "lithium", "lithium cation"),
        ("Lithium was given", "Lithium", "lithium cation"),
        # capitalised non-proprietary synonyms, written in lower case as chemical names are
        ("patients taking paracetamol daily", "paracetamol", "acetaminophen"),
        ("patients receiving desferrioxamine", "desferrioxamine", "deferoxamine"),
        ("similar to cyclosporin in mice", "cyclosporin", "cyclosporine"),
        ("an overdose of hyoscine", "hyoscine", "scopolamine"),
        ("infusion of noradrenaline", "noradrenaline", "norepinephrine"),
        ("low-dose heparin was given", "heparin", "heparin"),
    ],
)
def test_drug_abbreviations_and_case(text: str, mention: str, name: str) -> None:
    assert (mention, "DRUG", name, None) in _found(text)


@pytest.mark.parametrize(
    "text", ["the balance of pro- and anti-apoptotic signals", "to capture vesicles from plasma", "Merlin loss"]
)
def test_trade_names_that_are_ordinary_words_are_not_drugs(text: str) -> None:
    """Agrochemical and brand synonyms ("Balance", "Capture", "Merlin") are not read in lower case or as a
    capitalised word that begins a sentence."""
    assert not [m for m in recognise(text) if m.label == "DRUG"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [("the EZH2 inhibitor tazemetostat", "EZH2", "EZH2"), ("the EGFR inhibitor erlotinib", "EGFR", "EGFR")],
)
def test_gene_named_inhibitor_is_the_gene_as_inhibitor(text: str, mention: str, name: str | None) -> None:
    """ "<gene> inhibitor" stays the gene (its target), marked as inhibited, unless it names a therapy class of
    the ATC (BRAF, MEK, ALK, CDK4/6, PARP inhibitors: tests below)."""
    hits = [m for m in recognise(text) if m.text == mention]
    assert hits and hits[0].label == "GENE" and hits[0].reagent == "inhibitor"
    assert name is None or hits[0].concept.name == name


def test_defined_abbreviation_overrides_the_drug_reading() -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    text = "adverse drug reactions (ADR) were rare; ADR were mild."
    found = recognise(text, find_definition_spans(text))
    assert not [m for m in found if m.text == "ADR" and m.label == "DRUG"]


@pytest.mark.parametrize(
    ("text", "mention", "name", "atc"),
    [
        ("resistance to chemotherapy", "chemotherapy", "chemotherapy", "ATC:L01"),
        ("resistance to platinum-based chemotherapy", "platinum-based chemotherapy", "platinum compounds", "ATC:L01XA"),
        ("platinum resistance", "platinum", "platinum compounds", "ATC:L01XA"),
        ("resistance to taxanes", "taxanes", "taxanes", "ATC:L01CD"),
        ("anthracyclines and taxanes", "anthracyclines", "anthracyclines", "ATC:L01DB"),
        ("EGFR-TKIs such as gefitinib", "EGFR-TKIs", "EGFR tyrosine kinase inhibitors", "ATC:L01EB"),
        (
            "EGFR tyrosine kinase inhibitors",
            "EGFR tyrosine kinase inhibitors",
            "EGFR tyrosine kinase inhibitors",
            "ATC:L01EB",
        ),
        ("resistance to endocrine therapy", "endocrine therapy", "endocrine therapy", "ATC:L02"),
        ("response to anti-PD-1 mAb therapy", "anti-PD-1 mAb therapy", "immune checkpoint inhibitors", "ATC:L01FF"),
        ("patients treated with immunotherapy", "immunotherapy", "immune checkpoint inhibitors", "ATC:L01FF"),
        ("the PD-1/PD-L1 blockade", "PD-1/PD-L1 blockade", "immune checkpoint inhibitors", "ATC:L01FF"),
        ("exosomes impair CAR-T cell therapy", "CAR-T cell therapy", "cell therapy", "ATC:L01XL"),
        (
            "immune checkpoint inhibitors (ICIs)",
            "immune checkpoint inhibitors",
            "immune checkpoint inhibitors",
            "ATC:L01FF",
        ),
        ("responses to ICIs", "ICIs", "immune checkpoint inhibitors", "ATC:L01FF"),
        ("anti-HER2 therapy", "anti-HER2 therapy", "anti-HER2 therapy", "ATC:L01FD"),
        ("resistance to TKIs", "TKIs", "protein kinase inhibitors", "ATC:L01E"),
        ("aromatase inhibitors", "aromatase inhibitors", "aromatase inhibitors", "ATC:L02BG"),
    ],
)
def test_drug_classes_with_atc_codes(text: str, mention: str, name: str, atc: str) -> None:
    found = [(m.text, m.label, m.concept.name, m.concept.id) for m in recognise(text)]
    assert (mention, "DRUG_CLASS", name, atc) in found


with (models_dir() / "lexicons" / "drug_classes.tsv").open(encoding="utf-8", newline="") as fh:
    CLASSES = [(r["text"], r["canonical"], r["identifier"]) for r in csv.DictReader(fh, delimiter="\t")]


@pytest.mark.parametrize(("text", "canonical", "identifier"), CLASSES, ids=[c[0] for c in CLASSES])
def test_drug_class_entry_resolves(text: str, canonical: str, identifier: str) -> None:
    entry = load_lexicon("drug_classes").resolve(text)
    assert entry is not None and (entry.canonical, entry.identifier) == (canonical, identifier)
    assert identifier.startswith("ATC:L0")


@pytest.mark.parametrize(
    ("text", "mention", "name", "reagent"),
    [
        ("transfected with miR-21 inhibitor", "miR-21", "miR-21", "inhibitor"),
        ("anti-miR-21 restored sensitivity", "miR-21", "miR-21", "inhibitor"),
        ("pre-miR-221 was transfected", "miR-221", "miR-221", "precursor"),
        ("Ad-miR-145 infection", "miR-145", "miR-145", "vector"),
        ("pEGFP-miR-221 plasmid", "miR-221", "miR-221", "vector"),
        ("miR-155 mimics increased", "miR-155", "miR-155", "mimic"),
        ("si-PTEN cells", "PTEN", "PTEN", "silencing"),
        ("PTEN knockdown cells", "PTEN", "PTEN", "silencing"),
        ("knockdown of PTEN reversed it", "PTEN", "PTEN", "silencing"),
        ("miR-21 was upregulated", "miR-21", "miR-21", None),
    ],
)
def test_reagent_forms(text: str, mention: str, name: str, reagent: str | None) -> None:
    assert any(m[0] == mention and m[2] == name and m[3] == reagent for m in _found(text)), _found(text)


@pytest.mark.parametrize("pattern", load_patterns().reagents, ids=lambda r: r.example)
def test_reagent_pattern_example_is_marked(pattern) -> None:  # type: ignore[no-untyped-def]
    assert any(m.reagent == pattern.reagent for m in recognise(pattern.example)), pattern.example


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("PPARa agonists", "PPARa", "PPARA"),
        ("PPAR-alpha agonists", "PPAR-alpha", "PPARA"),
        ("levels of TNFa rose", "TNFa", "TNF"),
        ("levels of TNF-alpha rose", "TNF-alpha", "TNF"),
        ("PKCa and PKCalpha", "PKCa", "PRKCA"),
        ("PKCa and PKCalpha", "PKCalpha", "PRKCA"),
        ("IL-1b and IL-1beta", "IL-1b", "IL1B"),
        ("IL-1b and IL-1beta", "IL-1beta", "IL1B"),
        ("nuclear b-catenin", "b-catenin", "CTNNB1"),
        ("the ratio of Bax to Bcl-2", "Bax", "BAX"),
        ("the ratio of Bax to Bcl-2", "Bcl-2", "BCL2"),
        ("mutant Kras mice", "Kras", "KRAS"),
        ("the mTOR pathway", "mTOR", "MTOR"),
        ("hOGG1 activity", "hOGG1", "OGG1"),
        ("expression of hPER2 fell", "hPER2", "PER2"),  # a species prefix on a symbol with a digit
        ("serum LHbeta levels", "LHbeta", "LHB"),  # a Greek letter's name after a two-letter stem
        ("alpha-ENaC and gamma-ENaC", "alpha-ENaC", "SCNN1A"),  # the Greek letter in front
        ("alpha-ENaC and gamma-ENaC", "gamma-ENaC", "SCNN1G"),
        ("MnSOD activity", "MnSOD", "SOD2"),  # a symbol HGNC no longer lists (HGNChelper's table)
        ("TOP2alpha expression", "TOP2alpha", "TOP2A"),
        ("accumulation of p53", "p53", "TP53"),
        ("accumulation of p16", "p16", "CDKN2A"),
        ("COX-2 inhibitors", "COX-2", "PTGS2"),
        ("binding of Sp1 and Sp3 to the promoter", "Sp1", "SP1"),  # protein case of a symbol with a digit
        ("Id3 was induced", "Id3", "ID3"),
        ("serum IL-7 rose", "IL-7", "IL7"),  # DrugBank lists the protein as a biologic: a gene product here
        ("VIP-deficient mice", "VIP", "VIP"),
        ("plasma BChE activity", "BChE", "BCHE"),
        # the one word HGNC's names give one gene ("NPHS1, nephrin", "podocin 2"... ; "thrombin" of F2)
        ("loss of nephrin and podocin", "nephrin", "NPHS1"),
        ("loss of nephrin and podocin", "podocin", "NPHS2"),
        ("thrombin cleaves it", "thrombin", "F2"),
        # a name's number glued to its word ("jagged 1", "galectin 3"); not after a Greek letter's name
        ("vesicular Jagged1 on osteoblasts", "Jagged1", "JAG1"),
        ("serum Galectin3 levels", "Galectin3", "LGALS3"),
    ],
)
def test_gene_spelling_variants(text: str, mention: str, name: str) -> None:
    assert (mention, "GENE", name, None) in _found(text) or any(
        m[0] == mention and m[1] == "GENE" and m[2] == name for m in _found(text)
    ), _found(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Was it higher? Yes.", "Was"),  # a capitalised word at a sentence start is no case variant of WAS
        ("patients with coronary artery disease (CAD) had more CAD events", "CAD"),
        ("Alzheimer's disease (AD) and AD risk", "AD"),
        ("hereditary hemochromatosis is common", "hemochromatosis"),
        ("free Ca2+ rose", "Ca2"),
        ("Mg2+ and Ca2+ were added", "Mg2"),
        ("Yes1-associated transcriptional regulator (YAP)", "Yes1"),  # inside another protein's name
        ("the alpha4 subunit of the receptor", "alpha4"),  # a Greek letter's name with a number: no name glued to one
    ],
)
def test_disease_names_and_words_are_no_genes(text: str, word: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = recognise(text, find_definition_spans(text))
    assert not [m for m in found if m.label == "GENE" and word in m.text], found


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("in PC3, DU145 and LNCaP cells", "PC3", "PC-3"),
        ("in PC3, DU145 and LNCaP cells", "DU145", "DU145"),
        ("in PC3, DU145 and LNCaP cells", "LNCaP", "LNCaP"),
        ("HeLa cells were transfected", "HeLa", "HeLa"),
        ("grown as HeLa monolayers", "HeLa", "HeLa"),
        ("HCT116, RKO and SW480 cells", "RKO", "RKO"),
        ("U87 cells", "U87", "U-87MG ATCC"),
        ("rat H9c2 cells", "H9c2", "H9c2(2-1)"),
        ("mouse 4T1 cells", "4T1", "4T1"),
        ("in Jurkat T cells", "Jurkat", "Jurkat"),  # a cell kind letter between the name and "cells"
        ("Raji B-cells and Jurkat T-cells", "Raji", "Raji"),
        ("in RAW 264.7 preosteoclast cells", "RAW 264.7", "RAW 264.7"),  # a name with a space
        ("expressed in COS-7 transfectants", "COS-7", "COS-7"),
        ("in mouse LbetaT2 gonadotrophs", "LbetaT2", "LbetaT2"),
        ("in an MH134 hepatoma model", "MH134", "MH134-TC"),
        # a name in brackets after a description of cells, wherever it is used afterwards
        ("human proximal tubular epithelial cell (HK-2). HK-2 died", "HK-2", "HK-2 [Human kidney]"),
        ("mouse colon cancer (CMT-93) was injected", "CMT-93", "CMT93"),
        # a letter, a hyphen and digits: a line's own name, unless a nucleotide follows (below)
        ("observed with U-937 cells", "U-937", "U-937"),
        ("A-549 and H-460 cells", "A-549", "A-549"),
    ],
)
def test_cell_lines_in_text_and_lists(text: str, mention: str, name: str) -> None:
    assert any(m[0] == mention and m[1] == "CELL_LINE" and m[2] == name for m in _found(text)), _found(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the G118 mutations", "G118"),
        ("the D487_S488 deletion", "D487"),
        ("genotyped for rs1799998 (C-344T)", "C-344"),  # a nucleotide position, glued or spaced
        ("genotyped for rs1799998 (C-344 T)", "C-344"),
        ("the A-549/G site", "A-549"),
        ("levels of CCL4 and CCL5", "CCL4"),
        ("human soft tissue sarcoma (STS) cells", "STS"),
        ("prostate cancer (PC) cells", "PC"),
        ("towards Th2 cells", "Th2"),
        ("promoting Th2- and Tr1-biased T-cell immunity", "Th2-"),
        ("promoting Th2- and Tr1-biased T-cell immunity", "Th2"),  # a T helper subset, the cell type
        ("the selective inhibitor DDR1-IN-1", "IN-1"),  # the tail of a compound's code
        ("non-small cell lung cancer (NSCLC) cells", "NSCLC"),  # a disease defined: no digit, no cell line
        ("hepatocellular carcinoma (HCC) and HCC cells", "HCC"),
    ],
)
def test_no_cell_line(text: str, word: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = recognise(text, find_definition_spans(text))
    assert not [m for m in found if m.label == "CELL_LINE" and m.text == word], found


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("MΦ took up exosomes", "MΦ", "macrophage"),
        ("recruited MΦs", "MΦs", "macrophage"),
        ("M2a MΦs polarised", "M2a MΦs", "M2 macrophage"),
        ("M1 macrophages", "M1 macrophages", "M1 macrophage"),
        ("M2-TAMs secrete exosomes", "M2-TAMs", "tumor-associated macrophage"),
        ("CD163+ macrophages", "CD163+ macrophages", "macrophage"),
    ],
)
def test_cell_types_macrophage_forms(text: str, mention: str, name: str) -> None:
    assert any(m[0] == mention and m[1] == "CELL_TYPE" and m[2] == name for m in _found(text)), _found(text)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # symbol stems shared by HGNC genes of one group, as written or in protein case
        ("Akt phosphorylation was increased.", "Akt", "AKT"),
        ("activation of AKT and MAPK signalling", "AKT", "AKT"),
        ("activation of AKT and MAPK signalling", "MAPK", "MAPK"),
        ("Smad and Wnt signalling", "Smad", "SMAD"),
        ("Smad and Wnt signalling", "Wnt", "WNT"),
        ("BMPs regulate bone formation", "BMPs", "BMP"),
        # name stems: "caspase 3", "claudin 1", "nitric oxide synthase 1-3"
        ("the caspases were activated", "caspases", "caspase"),
        ("loss of claudin in tight junctions", "claudin", "claudin"),
        ("inhibitors of nitric oxide synthase", "nitric oxide synthase", "nitric oxide synthase"),
        # curated complexes and alias families
        ("PI3K inhibitors block it", "PI3K", "PI3K"),
        ("via the PI3K/AKT and JAK-STAT pathways", "PI3K", "PI3K"),  # a family, never a GENE
        ("NF-κB was activated", "NF-κB", "NF-kB"),
        ("activating the NF-κB signaling pathway", "NF-κB", "NF-kB"),
        ("NF-kappaB was activated", "NF-kappaB", "NF-kB"),
        ("phosphorylation of ERK and JNK", "ERK", "ERK"),
        ("phosphorylation of ERK and JNK", "JNK", "JNK"),
        ("p38 MAPK was phosphorylated", "p38 MAPK", "p38 MAPK"),
        ("the ESCRT-III machinery", "ESCRT-III", "ESCRT-III"),
        ("Ras mutations drive it", "Ras", "RAS"),
    ],
)
def test_gene_families(text: str, mention: str, name: str) -> None:
    found = [(m.text, m.label, m.concept.name) for m in recognise(text)]
    assert (mention, "GENE_FAMILY", name) in found, found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Six patients were enrolled.", "Six"),  # SIX1-6: a number
        ("Large tumours were resected.", "Large"),
        ("Cox regression was used.", "Cox"),  # Cox proportional hazards, not COX
        ("ATP levels fell.", "ATP"),  # a nucleotide, not ATP5/ATP8 genes
        ("transcription factors bind DNA", "transcription factors"),  # a class, no family
        ("a midline incision", "midline"),  # anatomy, not MID1/MID2
    ],
)
def test_gene_family_words_that_are_no_family(text: str, word: str) -> None:
    assert not [m for m in recognise(text) if m.text == word and m.label == "GENE_FAMILY"]


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        # a short form the paper defines with a protein's name: a protein head word ...
        ("C/EBP-homologous protein (CHOP) rose; CHOP was", "CHOP", "GENE", "DDIT3"),
        ("plasminogen activator (PA) and PA levels", "PA", "GENE", "plasminogen activator"),
        ("follicle-stimulating hormone (FSH) and FSH release", "FSH", "GENE", "follicle-stimulating hormone"),
        ("angiotensin-converting enzyme (ACE) and ACE activity", "ACE", "GENE", "ACE"),
        ("hepatocyte growth factor (HGF) and HGF levels", "HGF", "GENE", "HGF"),
        # ... and a family when HGNC has two or more symbols that add a letter to it
        ("platelet-derived growth factor (PDGF) and PDGF", "PDGF", "GENE_FAMILY", "PDGF"),
        # an alias HGNC gives to several genes is a gene of no single identifier
        ("the p65/p50 heterodimer", "p50", "GENE", "p50"),
    ],
)
def test_protein_short_forms_and_shared_aliases(text: str, mention: str, label: str, name: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = [(m.text, m.label, m.concept.name) for m in recognise(text, find_definition_spans(text))]
    assert (mention, label, name) in found, found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("total protein (TP) was measured; TP was low", "TP"),
        ("a risk factor (RF) for relapse; RF was", "RF"),
        ("thyroid hormone (TH) levels; TH was", "TH"),
    ],
)
def test_no_protein_short_form(text: str, word: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = recognise(text, find_definition_spans(text))
    assert not [m for m in found if m.text == word and m.label in ("GENE", "GENE_FAMILY")], found


def test_family_stem_never_shadows_a_gene() -> None:
    """A member's own symbol stays a GENE ("AKT1", "SMAD4"), the stem alone is the family."""
    found = {(m.text, m.label) for m in recognise("AKT1 and SMAD4 and CDK4/6")}
    assert ("AKT1", "GENE") in found and ("SMAD4", "GENE") in found


def _pattern_data(key: str) -> dict:
    import json

    from pipeline.annotate.patterns import patterns_file

    return json.loads(open(patterns_file(), encoding="utf-8").read())[key]


@pytest.mark.parametrize("phrase", _pattern_data("proteins")["examples"])
def test_protein_head_examples(phrase: str) -> None:
    from pipeline.annotate.patterns import is_protein_name

    assert is_protein_name(phrase)


@pytest.mark.parametrize("phrase", _pattern_data("proteins")["not_examples"])
def test_protein_head_not_examples(phrase: str) -> None:
    from pipeline.annotate.patterns import is_protein_name

    assert not is_protein_name(phrase)


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        # a short form defined by a protein name no lexicon has whole: a gene wherever the paper uses it
        ("the tryptophan hydroxylase (TPH) gene. TPH variants", "TPH", "GENE_FAMILY", "tryptophan hydroxylase"),
        ("cannabinoid receptor (CB) agonists. CB signalling", "CB", "GENE_FAMILY", "cannabinoid receptor"),
        ("the mu opiate receptor (MOR) gene; MOR binding", "MOR", "GENE", "mu opiate receptor"),
        # ... or by a gene name with a Greek letter or number after it: the short form keeps its own entry
        ("serum tumor necrosis factor-alpha (TNFalpha), and TNFalpha levels", "TNFalpha", "GENE", "TNF"),
        ("neuronal nitric oxide synthase (nNOS) activity; nNOS levels", "nNOS", "GENE", "NOS1"),
        ("Urotensin-II (U-II) receptors; injection of U-II", "U-II", "GENE", "UTS2"),
        ("Calbindin-D28k (CB), a calcium-binding protein; CB neurons", "CB", "GENE", "Calbindin-D28k"),
        (
            "angiotensin II subtype receptor 1a (AT1a) in mice; AT1a loss",
            "AT1a",
            "GENE",
            "angiotensin II subtype receptor 1a",
        ),
        # ... or by a head word and the capital letter of one member
        ("tropomyosin-related kinase B (TrkB) rose; TrkB-Fc", "TrkB", "GENE", "NTRK2"),
        ("activating phospholipase-C (PLC) by CCK; PLC activity", "PLC", "GENE", "phospholipase-C"),
        ("the Na-K-Cl cotransporter (NKCC) in the gut; NKCC activity", "NKCC", "GENE", "Na-K-Cl cotransporter"),
    ],
)
def test_protein_short_forms(text: str, mention: str, label: str, name: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = [(m.text, m.label, m.concept.name) for m in recognise(text, find_definition_spans(text))]
    assert found.count((mention, label, name)) == 2, found


@pytest.mark.parametrize(
    "text",
    [
        "Glycogen storage disease type V (GSD-V) patients; GSD-V is rare",  # a disease with its type
        "patients with breast cancer (BC); BC cells",
        "the mean fluorescence intensity (MFI) of MFI values",  # no protein head word, no gene at its end
    ],
)
def test_short_forms_of_no_protein_stay_out(text: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    found = [(m.text, m.label) for m in recognise(text, find_definition_spans(text))]
    assert not [f for f in found if f[1] in ("GENE", "GENE_FAMILY")], found


@pytest.mark.parametrize(("text", "phrase", "label"), _pattern_data("receptor_phrases")["examples"])
def test_receptor_phrases(text: str, phrase: str, label: str) -> None:
    assert (phrase, label) in [(m.text, m.label) for m in recognise(text)]


@pytest.mark.parametrize("text", _pattern_data("receptor_phrases")["not_examples"])
def test_receptor_phrase_not_examples(text: str) -> None:
    found = [m for m in recognise(text) if m.text.lower().endswith(("receptor", "receptors"))]
    assert not found, found


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("CD25 expression on regulatory cells", "CD25", "IL2RA"),  # the CD designation over an alias reusing it (ISG20)
        ("GnRH secretion", "GnRH", "GNRH1"),  # protein case of a previous symbol
        ("PrlR expression", "PrlR", "PRLR"),
        ("ApoE genotype", "ApoE", "APOE"),
        ("EpCAM-positive cells", "EpCAM", "EPCAM"),
        ("PS1 mutations", "PS1", "PSEN1"),  # a three-character alias with a digit
        ("EP4 signalling", "EP4", "PTGER4"),
    ],
)
def test_gene_spellings_from_nomenclature(text: str, mention: str, name: str) -> None:
    assert (mention, "GENE", name) in [(m.text, m.label, m.concept.name) for m in recognise(text)]


def test_gene_named_as_gene_where_the_paper_defines_the_disease() -> None:
    """ "multiple endocrine neoplasia type 1 (MEN1)" is the disease, but "the tumor suppressor gene MEN1" is the gene."""
    from pipeline.normalize.abbreviations import find_definition_spans

    text = (
        "multiple endocrine neoplasia type 1 (MEN1) is rare. Mutations of the tumor suppressor gene MEN1. MEN1 patients"
    )
    found = [(m.start, m.label) for m in recognise(text, find_definition_spans(text))]
    assert found == [(text.index("gene MEN1") + 5, "GENE")], found


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("invasion of PC-3 and C4-2B, but not LNCaP, cells", "LNCaP", "LNCaP"),  # "but not" in a list
        ("mineralization of MC3T3-E1 osteoblast-like cells", "MC3T3-E1", "MC3T3-E1"),  # a cell kind between
        ("In IEC-6 crypt cells and enteroids", "IEC-6", "IEC-6"),
        ("inhibited 253JB-V and KU7 bladder cancer cell growth", "KU7", "KU-7"),
        ("induced in the HCC cell line Huh7 exposed to sorafenib", "Huh7", "Huh-7"),  # after "cell line"
        ("Huh7 cells were transfected", "Huh7", "Huh-7"),  # over HGNC's Huh7 alias of an lncRNA
    ],
)
def test_cell_lines_in_context(text: str, mention: str, name: str) -> None:
    assert (mention, "CELL_LINE", name) in [(m.text, m.label, m.concept.name) for m in recognise(text)]


@pytest.mark.parametrize(
    "text", ["the resistant breast cancer cells", "in treated cells", "the cell line was", "in these cell lines"]
)
def test_no_cell_line_from_context_words(text: str) -> None:
    assert not [m for m in recognise(text) if m.label == "CELL_LINE"]


@pytest.mark.parametrize(
    ("text", "described", "kept"),
    [
        ("in human multiple myeloma cell lines .", "human multiple myeloma cell lines", []),
        ("Two other T cell lines , CEM and RPMI 8402 , have", "T cell lines", [("CEM", "CELL_LINE")]),
        ("a panel of B-cell lines representing", "B-cell lines", []),
        (
            "EBV-negative B-lymphoma cell lines BJAB and BL30",
            "EBV-negative B-lymphoma cell lines",
            [("BJAB", "CELL_LINE")],
        ),
        ("in CD4+ T-cell lines .", "CD4+ T-cell lines", []),
        ("HTLV-1 transformed human T cell lines", "HTLV-1 transformed human T cell lines", []),
        ("in stably transfected cells", "stably transfected cells", []),
        # the drug of a resistant line stays the drug: it is the relation's word
        ("in cisplatin-resistant gastric cancer cell lines", "gastric cancer cell lines", [("cisplatin", "DRUG")]),
    ],
)
def test_cell_lines_described_in_words(text: str, described: str, kept: list[tuple[str, str]]) -> None:
    found = [(m.text, m.label) for m in recognise(text)]
    assert (described, "CELL_LINE") in found and set(kept) <= set(found), found
    mention = next(m for m in recognise(text) if m.text == described)
    assert mention.concept.id is None and describes_cell_line("CELL_LINE", mention.concept.name, None)


@pytest.mark.parametrize("text", ["the A549 cell line", "MCF-7 cell lines", "in line with first-line therapy"])
def test_named_cell_line_is_no_description(text: str) -> None:
    assert not [m for m in recognise(text) if describes_cell_line(m.label, m.concept.name, m.concept.id)]


def test_described_cell_line_settings_are_checked(tmp_path: Path) -> None:
    data = json.loads(Path(patterns_file()).read_text(encoding="utf-8"))
    data["cell_line_descriptions"]["max_words"] = 40
    bad = tmp_path / "families.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="max_words"):
        load_patterns(str(bad))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The oncogene MET was packaged into exosomes.", [("MET", "GENE", "MET")]),
        ("MET amplification drives resistance to gefitinib.", [("MET", "GENE", "MET")]),
        ("Cells with high SET expression.", [("SET", "GENE", "SET")]),
        ("Patients who MET the criteria.", []),  # an ordinary word in capitals stays one
        ("A SET of ten genes.", []),
        ("MET cells.", []),  # no gene word next to it
    ],
)
def test_ambiguous_symbols_are_genes_where_a_gene_word_is_next_to_them(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = [(t, label, name) for t, label, name, _ in _found(text) if label == "GENE"]
    assert found == expected


def test_an_ambiguous_symbol_the_paper_defines_follows_its_definition() -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    text = "The serum excretion test (SET) was done. SET levels rose, and MET expression too."
    definitions = find_definition_spans(text)
    assert [d.short for d in definitions] == ["SET"]
    genes = [m.text for m in recognise(text, definitions) if m.label == "GENE"]
    assert genes == ["MET"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one sense per paper: a short approved symbol that once stands where only a gene stands
        ("The FH gene was mutated. Loss of FH raised fumarate.", [("FH", "FH"), ("FH", "FH")]),
        ("AR-binding sites were mapped; AR bound them.", [("AR", "AR"), ("AR", "AR")]),
        ("Mutations of TS were rare. TS was high in tumours.", [("TS", "TYMS"), ("TS", "TYMS")]),
        ("VIP-/- mice were used. VIP was absent.", [("VIP", "VIP"), ("VIP", "VIP")]),
        # an item of a list of genes
        ("genes of oxidative repair (CAT, SOD1, SOD2, GPX1) rose", [("CAT", "CAT"), ("SOD1", "SOD1")]),
        # another name of the gene written beside it
        ("the ETV6 (TEL) protein. TEL binds DNA.", [("ETV6", "ETV6"), ("TEL", "ETV6"), ("TEL", "ETV6")]),
    ],
)
def test_short_symbols_are_genes_once_the_paper_uses_them_as_genes(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(t, name) for t, label, name, _ in _found(text) if label == "GENE"]
    assert found[: len(expected)] == expected


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("FH levels were high. FH was found.", "FH"),  # no gene word next to it anywhere
        ("The AA genotype of the polymorphism was common.", "AA"),  # a genotype
        ("a group II mutation", "II"),  # a Roman numeral
        ("Atypical GH insensitivity syndrome was found.", "GH"),  # part of a disease's name
        ("Uterine luminal epithelium (LE). Expression in the LE rose.", "LE"),  # a place, not a gene
    ],
)
def test_short_symbols_without_gene_use_stay_out(text: str, word: str) -> None:
    assert word not in [t for t, label, _, _ in _found(text) if label == "GENE"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gastric cancer (GC) was studied. GC expression of the gene. The GC gene.", "GC"),
        # a phrase that names no protein: "HR-deficient" is no gene use
        ("Homologous recombination (HR) was lost. HR-deficient tumours respond to PARP inhibitors.", "HR"),
    ],
)
def test_a_short_form_defined_as_no_protein_never_becomes_a_gene_by_its_use(text: str, word: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    genes = [m.text for m in recognise(text, find_definition_spans(text)) if m.label == "GENE"]
    assert word not in genes


def test_a_cell_line_code_is_no_symbol_by_use() -> None:
    text = "PC-3 and C4-2B, but not LNCaP, cells. PC mutations were seen."
    found = [(t, label) for t, label, _, _ in _found(text)]
    assert ("PC-3", "CELL_LINE") in found and ("LNCaP", "CELL_LINE") in found


def test_a_short_form_of_several_words_is_found_through_its_definition() -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    text = "Aggregation of alpha-synuclein (alpha-syn) is central. The alpha-syn fibrils spread."
    found = [(m.text, m.concept.name) for m in recognise(text, find_definition_spans(text)) if m.label == "GENE"]
    assert found == [("alpha-synuclein", "SNCA"), ("alpha-syn", "SNCA"), ("alpha-syn", "SNCA")]


@pytest.mark.parametrize(
    "text",
    ["Exosomes triggered chemoresistance in the receptor cells.", "uptake by the receptor cell was fast"],
)
def test_receptor_cells_are_the_recipients_not_a_cell_type(text: str) -> None:
    """In papers on vesicles, "receptor cells" are the cells that take them up, not the Cell Ontology's sensory
    receptor cell (models/lexicons/ambiguous.tsv)."""
    assert not [m for m in recognise(text) if m.label == "CELL_TYPE"]


@pytest.mark.parametrize(
    ("text", "mention", "name", "identifier"),
    [
        # a resistant subline Cellosaurus does not list, named after its parent: the parent, the suffix left to
        # the relation reader ("PC9/GR" is a donor of its own)
        ("Exosomes from PC9/GR cells were used.", "PC9", "PC-9", "CVCL_B260"),
        ("HCC827-GR cells and parental cells", "HCC827", "HCC827", "CVCL_2063"),
        # a glued "R": the whole name, with the parent's identifier
        ("Exosomes from H1975R cells were used.", "H1975R", "H1975R", "CVCL_1511"),
    ],
)
def test_resistant_sublines_in_context(text: str, mention: str, name: str, identifier: str) -> None:
    found = [(m.text, m.concept.name, m.concept.id) for m in recognise(text) if m.label == "CELL_LINE"]
    assert (mention, name, identifier) in found


@pytest.mark.parametrize("text", ["Fibroblast-Derived exosomes", "PC-cells were used", "EVs from GR cells"])
def test_no_subline_without_a_parent_line(text: str) -> None:
    assert not [m for m in recognise(text) if m.label == "CELL_LINE"]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # codes no vocabulary lists, in apposition to "cell line(s)" or "subclones", or after "designated"
        ("In a fourth cell line, A1-VDR, the receptor was absent.", ["A1-VDR"]),
        ("In the fifth cell line, designated Ro-VDR, it was low.", ["Ro-VDR"]),
        ("three of its subclones, CEM-4R4, CEM-3R43, and ICR-27, were cultured", ["CEM-4R4", "CEM-3R43", "ICR-27"]),
        # text tokenized with a space before its commas, as some corpora print it
        ("In a fourth cell line , A1-VDR , the receptor was absent .", ["A1-VDR"]),
        ("the cell lines MCF-7 and T47D", ["MCF-7", "T47D"]),
    ],
)
def test_cell_lines_named_in_apposition(text: str, lines: list[str]) -> None:
    assert [m.text for m in recognise(text) if m.label == "CELL_LINE"] == lines


@pytest.mark.parametrize("text", ["the cell lines used", "cell lines, designated here", "the cell line, and others"])
def test_no_cell_line_from_apposition_words(text: str) -> None:
    assert not [m for m in recognise(text) if m.label == "CELL_LINE"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a marker with a space before its "+" (text converted from a superscript): one cell type
        ("dysfunction of CD8 + T cells", "CD8 + T cells", "CD8-positive, alpha-beta T cell"),
        ("CD4 + T-cell responses", "CD4 + T-cell", "CD4-positive, alpha-beta T cell"),
        ("CD8+ T cells", "CD8+ T cells", "CD8-positive, alpha-beta T cell"),
    ],
)
def test_marker_qualified_cell_types_with_a_space(text: str, mention: str, name: str) -> None:
    assert (mention, "CELL_TYPE", name) in [(t, label, n) for t, label, n, _ in _found(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("T cells activated with CD3/28 beads", set()),  # not SIGLEC7, whose alias is "CD328" (CD3: a complex)
        ("F4/80 positive macrophages", {"ADGRE1"}),  # a name with a slash stays one name
        ("CDK4/6 expression", {"CDK4", "CDK6"}),
    ],
)
def test_a_number_after_a_slash_is_a_further_member(text: str, names: set[str]) -> None:
    from pipeline.annotate import annotate
    from pipeline.ingest import parse_text

    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert {n for e in doc.entities if e.label == "GENE" for n in e.names} == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("resistance to BRAFi/MEKi in melanoma", "BRAF inhibitors"),
        ("benefit of MAPKi treatment", "BRAF inhibitors"),
        ("treated with MEK inhibitors", "MEK inhibitors"),
        ("resistance to CDK4/6 inhibitors", "CDK4/6 inhibitors"),
        ("ALK inhibitors such as alectinib", "ALK inhibitors"),
    ],
)
def test_kinase_inhibitor_classes(text: str, name: str) -> None:
    from pipeline.annotate import annotate
    from pipeline.ingest import parse_text

    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert name in {e.name for e in doc.entities if e.label == "DRUG_CLASS"}


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("Exosomes from resistant cells (R-Exo) were isolated.", "Exo", "VESICLE", "exosome"),
        ("ANXA6-exo increased resistance.", "exo", "VESICLE", "exosome"),
        ("Exos derived from CAFs were added.", "Exos", "VESICLE", "exosome"),
        ("MVs from resistant cells transferred P-gp.", "MVs", "VESICLE", "microvesicle"),
        ("Microparticles from resistant cells transferred P-gp.", "Microparticles", "VESICLE", "microvesicle"),
        ("M2-exo promoted resistance.", "M2", "CELL_TYPE", "M2 macrophage"),
        ("M1-derived EVs were added.", "M1", "CELL_TYPE", "M1 macrophage"),
    ],
)
def test_short_forms_of_exosomes_and_their_macrophages(text: str, mention: str, label: str, name: str) -> None:
    """ "Exo" in an EV paper is the vesicles, never HGNC's EXO1/EXO5 family; M1 and M2 before vesicles, the
    macrophages that released them."""
    assert (mention, label, name, None) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "EXO1 was upregulated.",
        "cells in the M2 phase",
        "the M1 receptor",
        "PLGA microparticles loaded with doxorubicin",
    ],
)
def test_exonucleases_and_other_m2s_stay_what_they_are(text: str) -> None:
    assert not [m for m in recognise(text) if m.label in ("VESICLE", "CELL_TYPE")]


@pytest.mark.parametrize(
    ("text", "mention", "drugs"),
    [
        ("patients treated with mFOLFOX6", "mFOLFOX6", ["fluorouracil", "oxaliplatin"]),
        ("resistance to FOLFOX-based chemotherapy", "FOLFOX", ["fluorouracil", "oxaliplatin"]),
        ("XELOX or FOLFIRI", "XELOX", ["capecitabine", "oxaliplatin"]),
        (
            "R-CHOP-treated lymphoma",
            "R-CHOP",
            ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone"],
        ),
    ],
)
def test_a_regimen_names_its_drugs(text: str, mention: str, drugs: list[str]) -> None:
    found = [m for m in recognise(text) if m.text == mention]
    assert [(m.label, [m.concept.name, *(c.name for c in m.also)]) for m in found] == [("DRUG", drugs)]


def test_chop_alone_is_the_gene() -> None:
    """CHOP (DDIT3) is an ER-stress gene far more often than the regimen without rituximab."""
    assert not [m for m in recognise("CHOP expression rose") if m.label == "DRUG"]


@pytest.mark.parametrize(
    ("text", "mention", "name", "identifier"),
    [
        ("resistance to androgen receptor inhibitors", "androgen receptor inhibitors", "anti-androgens", "ATC:L02BB"),
        ("after VEGFR-TKIs", "VEGFR-TKIs", "VEGFR tyrosine kinase inhibitors", "ATC:L01EK"),
        ("resistance to hypomethylating agents", "hypomethylating agents", "hypomethylating agents", "ATC:L01BC"),
        ("an anti-CD20 monoclonal antibody", "anti-CD20 monoclonal antibody", "anti-CD20 antibodies", "ATC:L01FA"),
        ("refractory to anti-CD38 antibodies", "anti-CD38 antibodies", "anti-CD38 antibodies", "ATC:L01FC"),
        ("resistance to IMiDs", "IMiDs", "immunomodulatory drugs", "ATC:L04AX"),
        ("HDAC inhibitors", "HDAC inhibitors", "HDAC inhibitors", "ATC:L01XH"),
        ("resistance to anti-PD-L1", "anti-PD-L1", "immune checkpoint inhibitors", "ATC:L01FF"),
        # an antibody class with "immunotherapy" is no checkpoint blockade
        ("resistance to anti-CD20 immunotherapy", "anti-CD20 immunotherapy", "anti-CD20 antibodies", "ATC:L01FA"),
        ("after anti-EGFR treatment", "anti-EGFR treatment", "anti-EGFR antibodies", "ATC:L01FE"),
    ],
)
def test_drug_classes_with_their_atc_codes(text: str, mention: str, name: str, identifier: str) -> None:
    assert [(m.label, m.concept.name, m.concept.id) for m in recognise(text) if m.text == mention] == [
        ("DRUG_CLASS", name, identifier)
    ]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("RAW264.7 macrophages were stimulated with LPS.", "RAW264.7", "RAW 264.7"),  # the kind of cell, no "cells"
        ("THP-1 monocytes were differentiated.", "THP-1", "THP-1"),
        ("MDA-MB 231 cells were used.", "MDA-MB 231", "MDA-MB-231"),  # a name with a space: the word before it
        ("Exosomes of MIA PaCa-2 and BxPC-3 cells.", "MIA PaCa-2", "MIA PaCa-2"),
        ("5637 cells and T24 cells were used.", "5637", "5637"),  # digits alone: a human cancer line's own name
        ("In B16-F10-bearing mice, tumours grew.", "B16-F10", "B16-F10"),  # not the gene F10 of its name
    ],
)
def test_cell_lines_named_before_a_kind_of_cell_or_with_a_space(text: str, mention: str, name: str) -> None:
    assert next((t, n) for t, label, n, _ in _found(text) if label == "CELL_LINE") == (mention, name)


@pytest.mark.parametrize(
    "text", ["CD68 macrophages infiltrated the tumour.", "The 231 cells grew.", "CD14 monocytes were counted."]
)
def test_no_cell_line_from_a_marker_or_a_bare_number(text: str) -> None:
    assert not [m for m in _found(text) if m[1] == "CELL_LINE"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("levels of GSK-3beta fell", "GSK-3beta", "GSK3B"),  # a symbol's last letter written as a Greek one
        ("TGF-beta2 was secreted", "TGF-beta2", "TGFB2"),
        ("TGF-β3 was secreted", "TGF-β3", "TGFB3"),
        ("levels of IL-1 beta rose", "IL-1 beta", "IL1B"),  # ... after a space
    ],
)
def test_greek_letter_at_the_end_of_a_symbol(text: str, mention: str, name: str) -> None:
    assert (mention, "GENE", name, None) in _found(text)


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        # a transcript variant of an approved symbol is that gene, even where the symbol alone is ambiguous
        ("exosomal AR-V7 was detected", "AR-V7", "GENE", "AR"),
        ("CD44v6 marks stem cells", "CD44v6", "GENE", "CD44"),
        ("the variant FLNBv4 rose", "FLNBv4", "GENE", "FLNB"),
    ],
)
def test_transcript_variants_name_their_gene(text: str, mention: str, label: str, name: str) -> None:
    assert [(m[0], m[1], m[2]) for m in _found(text) if m[0] == mention] == [(mention, label, name)]


def test_a_cell_type_abbreviation_in_lower_case_is_a_word() -> None:
    """ "at 1%" is no AT1 (alveolar type 1) cell: an abbreviation of a cell type matches in its own capitals."""
    assert not [m for m in _found("cells cultured at 1% or 21% oxygen") if m[1] == "CELL_TYPE"]


def test_a_virus_type_is_no_transcript_variant() -> None:
    """ "HPV16" is the virus, not a variant of HP (haptoglobin): a symbol of two letters needs the hyphen."""
    assert not [m for m in _found("HPV16 and HPV18 infection") if m[1] == "GENE"]


def test_cofactors_are_no_drugs() -> None:
    """NAD+ and NADH, which vesicular enzymes turn over, are metabolites, as lactate is (ambiguous.tsv)."""
    assert not [m for m in _found("CD38 generated adenosine from NAD+ and NADH.") if m[1] == "DRUG"]


@pytest.mark.parametrize(
    ("text", "short", "drugs"),
    [
        (  # a drug's other name in brackets inside the list is no item of it
            "Induction with vincristine, doxorubicin (adriamycin) and dexamethasone (VAD); response to VAD.",
            "VAD",
            ["vincristine", "doxorubicin", "dexamethasone"],
        ),
        (  # the paper's short form wins over a lexicon's other reading ("MAP" as a gene family)
            "Methotrexate, doxorubicin and cisplatin (MAP) were given; poor response to MAP.",
            "MAP",
            ["methotrexate", "doxorubicin", "cisplatin"],
        ),
    ],
)
def test_regimen_defined_by_the_paper(text: str, short: str, drugs: list[str]) -> None:
    found = [m for m in recognise(text) if m.text == short]
    assert len(found) == 2
    assert all(m.label == "DRUG" and [m.concept.name, *(c.name for c in m.also)] == drugs for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Patients received 5-fluorouracil and oxaliplatin (L-OHP). L-OHP was given.",  # the last drug's short form
        "Treated with cisplatin and paclitaxel (n = 24).",
    ],
)
def test_no_regimen_from_a_drug_list(text: str) -> None:
    assert all(not m.also for m in recognise(text) if m.label == "DRUG")


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        (  # the title's words are not the long form of a short form the abstract's first sentence defines
            "Vesicle miR-1246 mediates resistance to trastuzumab deruxtecan in HER2-low breast cancer\n\n"
            "Trastuzumab deruxtecan (T-DXd) has extended HER2-directed therapy. Progression on T-DXd was early.",
            "T-DXd",
            "trastuzumab deruxtecan",
        ),
        (
            "Exosomal miR-21 in cisplatin resistance of lung cancer\n\nCisplatin (DDP) is widely used. Exosomal "
            "miR-21 raised DDP resistance.",
            "DDP",
            "cisplatin",
        ),
    ],
)
def test_a_long_form_does_not_reach_over_a_line_break(text: str, short: str, name: str) -> None:
    from pipeline.annotate import annotate
    from pipeline.ingest import parse_text

    doc = annotate(parse_text(text, doc_id="t", source="t"))
    named = [e.name for e in doc.entities if e.text == short]
    assert len(named) == text.count(short) and set(named) == {name}


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Exosomes carried integrin β1.", "integrin β1", "ITGB1"),
        ("Exosomes carried integrin-αv.", "integrin-αv", "ITGAV"),
        ("Exosomes carried β4 integrin.", "β4 integrin", "ITGB4"),
        ("Exosomes carried integrin alpha 5.", "integrin alpha 5", "ITGA5"),
    ],
)
def test_integrin_subunits_as_papers_write_them(text: str, mention: str, name: str) -> None:
    assert (mention, "GENE", name, None) in _found(text)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Periprostatic adipose tissue (PPAT) expansion is common. PPAT-derived exosomes were studied.", "PPAT"),
        ("The overall response rate (ORR) was 40%. ORR was higher in responders.", "ORR"),
    ],
)
def test_a_short_form_of_a_tissue_or_measure_is_no_gene(text: str, short: str) -> None:
    from pipeline.normalize.abbreviations import find_definition_spans

    assert not [m for m in recognise(text, find_definition_spans(text)) if m.label == "GENE"]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Exosomal KRAS G12D mRNA persisted", "KRAS G12D mRNA", "KRAS"),  # a mutation between gene and "mRNA"
        ("ESR1 mutant mRNA in plasma EVs", "ESR1 mutant mRNA", "ESR1"),
        ("EGFR T790M transcripts were found", "EGFR T790M transcripts", "EGFR"),
        ("MDR-1 mRNA was high", "MDR-1 mRNA", "ABCB1"),
    ],
)
def test_mutant_mrna_is_the_genes_mrna(text: str, mention: str, name: str) -> None:
    assert (mention, "MRNA", name) in [(m.text, m.label, m.concept.name) for m in recognise(text)]


def test_fusion_transcript_is_no_mrna_of_one_gene() -> None:
    assert not [m for m in recognise("EWSR1-FLI1 fusion transcripts were detectable") if m.label == "MRNA"]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("serum exosomal tRF-30-JZOYJE22RR33 predicted", "tRF-30-JZOYJE22RR33"),  # a MINTbase license plate
        ("5′-tiRNA-Val was enriched", "5′-tiRNA-Val"),  # a half without its codon, a typographic prime
    ],
)
def test_trna_fragment_names(text: str, mention: str) -> None:
    assert (mention, "NCRNA") in [(m.text, m.label) for m in recognise(text)]
