"""One case per failure class of issue 11, on sentences written for these tests (abstract-style input)."""

import pytest

from pipeline.annotate import annotate
from pipeline.evaluate.relations import load_gold, split_of
from pipeline.ingest import parse_text
from pipeline.models import Assertion, Document
from pipeline.relate import relate
from pipeline.relate.resistance import sentence_facts
from pipeline.relate.units import entities_in
from tests.conftest import ROOT


def _cue_effects(sentence: str) -> set[str]:
    """The effects of the cues the first sentence of ``sentence`` holds."""
    doc = annotate(parse_text(sentence, doc_id="t", source="t"))
    span = doc.sentences[0]
    return {c.effect for c in sentence_facts(doc, 0, span, entities_in(doc, span.start, span.end)).cues}


def _pairs(text: str) -> set[tuple[str, str, str | None]]:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    return {
        (c.name, d.name, a.effect)
        for a in relate(doc)
        if a.relation == "transfers_resistance"
        for c in a.cargo
        for d in a.drugs
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. protein cargo in vesicles
        (
            "Results\n\nGSTP1-containing exosomes transferred doxorubicin resistance to sensitive breast cancer cells.",
            ("GSTP1", "doxorubicin", "confers_resistance"),
        ),
        # 2. a drug class
        (
            "Results\n\nExosomal miR-21 promoted resistance to platinum compounds in ovarian cancer cells.",
            ("miR-21", "platinum compounds", "confers_resistance"),
        ),
        # 3. an abbreviation used without definition
        (
            "Results\n\nExosomal miR-21 from resistant cells promoted DDP resistance in gastric cancer cells.",
            ("miR-21", "cisplatin", "confers_resistance"),
        ),
        # 5. inversion by knock-down
        (
            "Results\n\nIn cells treated with exosomes, knockdown of exosomal miR-155 restored the sensitivity to "
            "gemcitabine.",
            ("miR-155", "gemcitabine", "confers_resistance"),
        ),
        (
            "Results\n\nExosomal miR-567 abolished the transfer of trastuzumab resistance to sensitive cells.",
            ("miR-567", "trastuzumab", "sensitizes"),
        ),
        # 5. sensitizes
        (
            "Results\n\nExosomal miR-567 enhanced the cytotoxic effect of trastuzumab in recipient cells.",
            ("miR-567", "trastuzumab", "sensitizes"),
        ),
        # 5. a measured difference only
        (
            "Results\n\nExosomal miR-222 was upregulated in exosomes derived from tamoxifen-resistant cells.",
            ("miR-222", "tamoxifen", "associated"),
        ),
        # 6. a title alone, with no full stop
        ("Exosomal lncRNA H19 confers cisplatin resistance in lung cancer", ("H19", "cisplatin", "confers_resistance")),
        # 5 (continued). effect words read in context
        # a causal verb inside an association is no causal claim
        (
            "Results\n\nThe downregulated exosomal miR-620 showed association with the chemotherapeutic effect of "
            "cisplatin.",
            ("miR-620", "cisplatin", "associated"),
        ),
        # "limited" as an adjective does not lower the resistance
        (
            "Extracellular vesicles of resistant cells conferred limited resistance to imatinib",
            ("EV", "imatinib", "confers_resistance"),
        ),
        # a level that goes with a poorer response is a prediction
        (
            "Results\n\nPatients with high serum exosomal miR-222 had a poorer response to tamoxifen than those with "
            "low levels.",
            ("miR-222", "tamoxifen", "predicts_resistance"),
        ),
        (
            "Results\n\nExosomal PD-L1 was linked to poor outcome after pembrolizumab.",
            ("CD274", "pembrolizumab", "predicts_resistance"),
        ),
        # "tumor-associated" is an adjective, no association
        (
            "Exosomal transfer of tumor-associated macrophage-derived miR-21 confers cisplatin resistance in gastric "
            "cancer cells",
            ("miR-21", "cisplatin", "confers_resistance"),
        ),
        # levels that rose after resistance set in are a measured difference
        (
            "Results\n\nExosome-derived miR-184 expression levels increased significantly after the onset of "
            "osimertinib resistance.",
            ("miR-184", "osimertinib", "associated"),
        ),
        # hyphenated compounds are one word of a cue's gap
        (
            "Results\n\nResistant cells promote epithelial-to-mesenchymal transition and chemoresistance in "
            "paclitaxel-sensitive cells via exosomal delivery of miR-155-5p.",
            ("miR-155-5p", "paclitaxel", "confers_resistance"),
        ),
        # a cue that is the object of another: the outer verb decides, turned round by the inhibited cargo
        (
            "Results\n\nInhibition of exosomal miR-21 abolished the transfer of cisplatin resistance to recipient "
            "cells.",
            ("miR-21", "cisplatin", "confers_resistance"),
        ),
        (
            "Results\n\nGW4869 blocked the exosome-mediated transmission of gemcitabine resistance by miR-155.",
            ("miR-155", "gemcitabine", "confers_resistance"),
        ),
        # drugs written with hyphens and a slash are one word of a cue's gap, however many tokens they have
        (
            "Results\n\nCAF-derived exosomes carrying miR-92a-3p promote 5-FU/L-OHP chemoresistance in colorectal "
            "cancer.",
            ("miR-92a-3p", "oxaliplatin", "confers_resistance"),
        ),
    ],
)
def test_failure_class(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _pairs(text)


def test_sponged_rna_is_a_target_not_a_cargo() -> None:
    pairs = _pairs("Results\n\nExosomal circHIPK3 promoted oxaliplatin resistance by sponging miR-637.")
    assert ("circHIPK3", "oxaliplatin", "confers_resistance") in pairs
    assert not any(c == "miR-637" for c, _, _ in pairs)


def test_no_vesicle_no_resistance_row() -> None:
    assert _pairs("Results\n\nmiR-21 promoted cisplatin resistance by targeting PTEN in gastric cancer cells.") == set()


def test_receptor_status_is_no_cargo() -> None:
    pairs = _pairs("Results\n\nIn HER2-positive patients, serum exosomal miR-21 predicted resistance to trastuzumab.")
    assert not any(c == "ERBB2" for c, _, _ in pairs)


def test_gold_relation_files_are_well_formed() -> None:
    papers = load_gold(ROOT / "tests" / "gold" / "relations" / "docs")
    assert len(papers) >= 90 and len({p.doi.lower() for p in papers}) == len(papers)
    for p in papers:
        assert p.kind in {"primary", "lookalike"} and p.licence and p.source_url, p.id
        assert p.kind == "primary" or not p.assertions, p.id
        for row in p.assertions:
            assert row.effect in {"confers_resistance", "sensitizes", "predicts_resistance", "associated"}, p.id
            assert row.quote in p.text, p.id
    assert {split_of(p.doi) for p in papers} == {"dev", "test"}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # a generic "chemoresistance" beside the drug the study names: the drug only
        (
            "Exosomal miR-31 promotes chemoresistance of bladder cancer\n\nExosomal miR-31 from resistant cells "
            "increased the resistance of bladder cancer cells to gemcitabine.",
            ("miR-31", "chemotherapy"),
            ("miR-31", "gemcitabine", "confers_resistance"),
        ),
        # "chemoresistance" of a statement beside another one that names the cargo's drugs: those drugs (one
        # assertion per cargo and drug, with the effect ranked first)
        (
            "Exosomal miR-64 promotes chemoresistance\n\nResults\nExosomal miR-64 is closely related to the "
            "chemotherapy response and exosomes produced by BC cells after stimulation with DOX deliver miR-64 to "
            "neighboring cells to induce drug resistance.",
            ("miR-64", "chemotherapy"),
            ("miR-64", "doxorubicin", "confers_resistance"),
        ),
        # multidrug resistance is a resistance to chemotherapy; the gene MDR1 is no resistance
        (
            "Results\n\nExosomal miR-21 conferred multidrug resistance to recipient cells.",
            ("miR-21", "MDR1"),
            ("miR-21", "chemotherapy", "confers_resistance"),
        ),
        # the vesicles' weak, hedged statement beside a named cargo of the same drug
        (
            "Results\n\nExosomes may play a role in drug resistance. Exosomal miR-92 from resistant cells promoted "
            "paclitaxel resistance in recipient cells.",
            ("EV", "paclitaxel"),
            ("miR-92", "paclitaxel", "confers_resistance"),
        ),
        # the drug the donor cells were treated with is not the resisted drug
        (
            "Results\n\nExosomes derived from erlotinib-treated HCC827 cells decreased the cytotoxic effect of "
            "carboplatin.",
            ("EV", "erlotinib"),
            ("EV", "carboplatin", "confers_resistance"),
        ),
        # a drug of a clause whose effect is negated is not paired with the other clause's effect
        (
            "Results\n\nExosomal miR-10 decreased the sensitivity to docetaxel, whereas it did not change the "
            "response to vincristine.",
            ("miR-10", "vincristine"),
            ("miR-10", "docetaxel", "confers_resistance"),
        ),
        # a gene the cargo targets shares no cargo role by coordination with it
        (
            "Results\n\nExosomal miR-17 targets PTEN and promoted doxorubicin resistance. The axis of exo-miR-17 and "
            "PTEN mediates resistance to doxorubicin.",
            ("PTEN", "doxorubicin"),
            ("miR-17", "doxorubicin", "confers_resistance"),
        ),
    ],
)
def test_subsumed_and_misread_pairs(text: str, absent: tuple[str, str], present: tuple[str, str, str]) -> None:
    pairs = _pairs(text)
    assert present in pairs
    assert not any((c, d) == absent for c, d, _ in pairs)


def test_hedged_involvement_is_an_association() -> None:
    text = "Results\n\nExosomal miR-381 may be involved in the resistance of glioma cells to temozolomide."
    assert _pairs(text) == {("miR-381", "temozolomide", "associated")}


def test_engineered_vesicles_carrying_an_sirna_are_a_therapy() -> None:
    text = (
        "Results\n\nPeptide-modified exosomes delivered ABCB1 siRNA to colon cancer cells and reversed oxaliplatin "
        "resistance."
    )
    assert _pairs(text) == set()


def test_evidence_names_the_cargo_and_the_drugs(corpus_docs: dict[str, Document]) -> None:
    """Class 7: the evidence shown for a resistance assertion of a review holds its cargo and its drugs."""
    for raw in corpus_docs.values():
        doc = annotate(raw)
        rows = [a for a in relate(doc) if a.relation == "transfers_resistance"]
        assert len(rows) > 10
        for a in rows:
            start, end = a.provenance.start, a.provenance.end
            inside = [
                e for e in doc.entities if start <= e.start < end and doc.text[e.start : e.end] in a.provenance.evidence
            ]
            names = {n for e in inside for n in (e.name, *e.names) if n}
            for concept in a.cargo + a.drugs:
                assert concept.name in names or concept.name in {"EV", "chemotherapy"}, (doc.doc_id, concept.name)


def test_protein_transfer_without_vesicles_is_no_ev_cargo() -> None:
    text = (
        "Results\n\nThe intercellular transfer of P-gp from resistant to sensitive cells conferred doxorubicin "
        "resistance through tunnelling nanotubes."
    )
    assert _pairs(text) == set()


def test_a_target_of_the_unit_is_no_cargo_elsewhere_in_it() -> None:
    """An RNA the unit names as its cargo's target ("through the miR-217/NAP1L1 axis") stays a target in the
    unit's other sentences."""
    text = (
        "Exosomal circDCAF8 induces regorafenib resistance through the miR-217/NAP1L1 axis\n\nThe relationship "
        "between circDCAF8, miR-217 and NAP1L1 was predicted by bioinformatics. Exosomal circDCAF8 "
        "promoted regorafenib resistance."
    )
    pairs = _pairs(text)
    assert ("circDCAF8", "regorafenib", "confers_resistance") in pairs
    assert not [p for p in pairs if p[0] == "miR-217"]


def test_vesicles_that_carry_the_drug_resist_nothing() -> None:
    """Vesicles loaded with a drug deliver it: what they do to the cells is no resistance statement, even in a
    sentence that names the loaded vesicles by a compound ("5-Fu-Exos") rather than the loading."""
    text = (
        "Exosomes loaded with 5‑Fu against cholangiocarcinoma\n\nBoth methods loaded 5‑fluorouracil (5‑Fu) into "
        "the exosomes (5‑Fu‑Exos). Compared with free 5‑Fu, the 5‑Fu‑Exos significantly inhibited the viability "
        "of cholangiocarcinoma cells."
    )
    assert _pairs(text) == set()


def test_vesicles_in_another_clause_state_no_resistance() -> None:
    text = (
        "Results\n\nTumour-derived exosomes induced M2 polarization, while cisplatin resistance was mediated by "
        "ABCB1 overexpression in the cells."
    )
    assert _pairs(text) == set()


@pytest.fixture(scope="module")
def review_rows(corpus_docs: dict[str, Document]) -> dict[str, set[tuple[str, str, str | None]]]:
    out = {}
    for name, raw in corpus_docs.items():
        doc = annotate(raw)
        out[name.split("_")[0]] = {
            (c.name, d.name, a.effect)
            for a in relate(doc)
            if a.relation == "transfers_resistance"
            for c in a.cargo
            for d in a.drugs
        }
    return out


@pytest.mark.parametrize(
    ("review", "row"),
    [
        ("schwarzenbach2020", ("GSTP1", "anthracyclines", "confers_resistance")),
        ("schwarzenbach2020", ("TRPC5", "anthracyclines", "predicts_resistance")),
        ("schwarzenbach2020", ("ABCB1", "docetaxel", "confers_resistance")),
        ("schwarzenbach2020", ("ERBB2", "trastuzumab", "confers_resistance")),
        ("schwarzenbach2020", ("TGFB1", "trastuzumab", "confers_resistance")),
        ("schwarzenbach2020", ("BIRC5", "paclitaxel", "confers_resistance")),
        ("schwarzenbach2020", ("mtDNA", "endocrine therapy", "confers_resistance")),
        ("feng2022", ("ABCB1", "docetaxel", "confers_resistance")),
        ("feng2022", ("ERBB2", "trastuzumab", "confers_resistance")),
        ("feng2022", ("TGFB1", "trastuzumab", "confers_resistance")),
    ],
)
def test_protein_and_dna_statements_of_the_reviews(
    review_rows: dict[str, set[tuple[str, str, str | None]]], review: str, row: tuple[str, str, str]
) -> None:
    """Class 1 on the corpus reviews: protein and DNA cargo gives rows with the right effect."""
    assert row in review_rows[review]


def test_earlier_work_counts_less_than_the_finding() -> None:
    text = (
        "Results\n\nExosomal miR-7 has been reported to promote gefitinib resistance. Here, exosomal miR-7 was "
        "higher in exosomes of gefitinib-resistant cells than in those of parental cells."
    )
    assert _pairs(text) == {("miR-7", "gefitinib", "associated")}


def test_unicode_hyphens_in_cargo_names() -> None:
    """Publishers print "circ‑G004213", "miR‑21" with U+2011 / U+2010: the same cargo as with "-"."""
    pairs = _pairs("Results\n\nExosomal circ\u2011G004213 increased the cisplatin sensitivity of HepG2 cells.")
    assert ("circG004213", "cisplatin", "sensitizes") in pairs


_REFS = (
    "\n\nReferences\n\n1. A B. Title one. J 2019;1:1.\n2. C D. Title two. J 2019;1:2.\n"
    "3. E F. Title three. J 2020;1:3.\n"
)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Chen et al. [1] showed that exosomal miR-21 conferred cisplatin resistance in gastric cancer cells. In "
            "contrast, Wang et al. [2] found that exosomal miR-155 sensitized breast cancer cells to paclitaxel.",
            {((1,), "miR-21", "cisplatin", "confers_resistance"), ((2,), "miR-155", "paclitaxel", "sensitizes")},
        ),
        (
            "Exosomal miR-21 conferred cisplatin resistance in gastric cancer cells [1]. Exosomal miR-155 sensitized "
            "breast cancer cells to paclitaxel [2]. Moreover, exosomal lncRNA H19 promoted gefitinib resistance [3].",
            {
                ((1,), "miR-21", "cisplatin", "confers_resistance"),
                ((2,), "miR-155", "paclitaxel", "sensitizes"),
                ((3,), "H19", "gefitinib", "confers_resistance"),
            },
        ),
        (
            "Li et al. studied exosomes from resistant cells [1]. These exosomes carried miR-222, which promoted "
            "tamoxifen resistance in recipient MCF-7 cells. Another study showed that exosomal miR-155 conferred "
            "doxorubicin resistance [2].",
            {
                ((1,), "miR-222", "tamoxifen", "confers_resistance"),
                ((2,), "miR-155", "doxorubicin", "confers_resistance"),
            },
        ),
    ],
)
def test_review_statements_go_to_their_citation(paragraph: str, expected: set[tuple[object, ...]]) -> None:
    """Class 7: a paragraph walking through several studies gives each statement to its own citation."""
    doc = annotate(parse_text("Introduction\n\n" + paragraph + _REFS, doc_id="r", source="r"))
    rows = {
        (tuple(a.refs), c.name, d.name, a.effect)
        for a in relate(doc)
        if a.relation == "transfers_resistance"
        for c in a.cargo
        for d in a.drugs
    }
    assert rows == expected


def _rows(text: str) -> list[Assertion]:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    return [a for a in relate(doc) if a.relation == "transfers_resistance"]


@pytest.mark.parametrize(
    ("text", "donors", "recipients"),
    [
        (
            "Results\n\nExosomes from cisplatin-resistant cells transferred cisplatin resistance to sensitive "
            "gastric cancer cells.",
            {"cisplatin-resistant cells"},
            {"sensitive gastric cancer cells"},
        ),
        (
            "Results\n\nHigh serum exosomal miR-21 predicted resistance to trastuzumab in breast cancer patients.",
            {"serum"},
            set(),
        ),
        (
            "Results\n\nCirculating exosomes carrying miR-155 predicted poor response to gemcitabine.",
            {"blood"},
            set(),
        ),
        # recipients described in words, by class (issue 11, roles)
        (  # "... to / taken up by Y cells"
            "Results\n\nExosomes secreted by cisplatin-resistant cells were taken up by gastric cancer cells and "
            "transferred cisplatin resistance.",
            {"cisplatin-resistant cells"},
            {"gastric cancer cells"},
        ),
        (  # "Y cells co-cultured with exosomes from X"
            "Results\n\nHCC cells were co-cultured with exosomes from sorafenib-resistant cells, which promoted "
            "sorafenib resistance.",
            {"sorafenib-resistant cells"},
            {"HCC cells"},
        ),
        (  # "the resistance / sensitivity of Y cells"
            "Results\n\nExosomal circABC1 from TMZ-resistant cells increased the TMZ resistance of recipient glioma "
            "cells.",
            {"TMZ-resistant cells"},
            {"recipient glioma cells"},
        ),
        (  # "endowed Y cells with resistance"
            "Results\n\nThese vesicles endowed naive leukemia cells with resistance to imatinib.",
            set(),
            {"naive leukemia cells"},
        ),
        (  # "treatment of Y cells with exosomes", coordinated cell lines
            "Results\n\nTreatment of HepG2 and Huh7 cells with exosomal miR-214 from endothelial cells sensitized them "
            "to oxaliplatin.",
            {"endothelial cell"},
            {"Hep-G2", "Huh-7"},
        ),
        (  # "sensitizing Y cells to D"
            "Results\n\nExosomal miR-567 was able to sensitize breast cancer cells to trastuzumab.",
            set(),
            {"breast cancer cells"},
        ),
        (  # "the effect of D on Y cells", the less specific "cancer cells" dropped
            "Results\n\nExosomal miR-1 enhanced the cytotoxic effect of cisplatin on lung cancer cells and on cancer "
            "cells.",
            set(),
            {"lung cancer cells"},
        ),
        (  # generic "tumor cells" beside "ovarian cancer cells": the specific description
            "Results\n\nCAF-derived EVs carrying miR-296 were transferred to tumor cells and promoted the cisplatin "
            "resistance of ovarian cancer cells.",
            {"cancer-associated fibroblast"},
            {"ovarian cancer cells"},
        ),
        (  # a resistant subline "A549/DDP" gives the vesicles, its parental line takes them up
            "Results\n\nA549/DDP derived exosomes decreased the cisplatin sensitivity of A549 cells. A549/DDP derived "
            "exosomes promoted cisplatin resistance.",
            {"A549/DDP"},
            {"A-549"},
        ),
        (  # "exosomes from X to Y": Y takes them up, it does not give them
            "Results\n\nDelivery of exosomes from resistant cells to the recipient sensitive cells conferred "
            "cisplatin resistance.",
            {"resistant cells"},
            {"recipient sensitive cells"},
        ),
        (  # "X cells and their exosomes"
            "Results\n\nMiR-21 was upregulated in gefitinib-resistant PC9 cells and their exosomes, and exosomal "
            "miR-21 promoted gefitinib resistance of parental cells.",
            {"PC-9"},
            {"parental cells"},
        ),
        (  # "sensitive Y cells acquired resistance"
            "Results\n\nAfter uptake of exosomal miR-21, sensitive colon cancer cells acquired resistance to "
            "oxaliplatin.",
            set(),
            {"sensitive colon cancer cells"},
        ),
        (  # "Y cells were exposed to vesicles"
            "Results\n\nWhen normoxic ovarian cancer cells were exposed to sEVs from hypoxic cells, their platinum "
            "resistance increased.",
            {"hypoxic cells"},
            {"normoxic ovarian cancer cells"},
        ),
        (  # "X cell-derived exosomes": the donor in the singular before "-derived"
            "Results\n\nGastric cancer cell-derived exosomal miR-21 promoted cisplatin resistance of recipient cells.",
            {"Gastric cancer cell"},
            {"recipient cells"},
        ),
    ],
)
def test_donors_and_recipients_without_a_cell_line(text: str, donors: set[str], recipients: set[str]) -> None:
    """Class 4: donors and recipients a text describes without naming a cell line or cell type."""
    rows = _rows(text)
    assert rows
    assert {c.name for a in rows for c in a.donor_cells} == donors
    assert {c.name for a in rows for c in a.recipient_cells} == recipients


def test_targets_from_the_units_other_sentences() -> None:
    text = (
        "Results\n\nExosomal circABC1 promoted temozolomide resistance of glioma cells. Mechanistically, circABC1 "
        "regulated the expression of OLFML3 by sponging miR-637."
    )
    rows = _rows(text)
    assert {"OLFML3", "miR-637"} <= {t.name for a in rows for t in a.target_genes}


@pytest.mark.parametrize(
    ("text", "relations"),
    [
        # a paper that never speaks of vesicles has no EV cargo, whatever its genes and DNA do
        ("Results\n\nGenomic DNA was sequenced and miR-150 promoted the proliferation of pancreatic cells.", set()),
        ("Results\n\nmiR-501 might serve as a novel serum biomarker of muscle regeneration in patients.", set()),
        # the same statements in a paper on vesicles are cargo relations
        (
            "Results\n\nExosomal miR-150 promoted the proliferation of pancreatic cells.",
            {("cargo_function", "miR-150")},
        ),
        (
            "Results\n\nExosomal miR-501 might serve as a novel serum biomarker of muscle regeneration in patients.",
            {("biomarker", "miR-501")},
        ),
    ],
)
def test_cargo_relations_need_vesicles_in_the_paper(text: str, relations: set[tuple[str, str]]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert {(a.relation, c.name) for a in relate(doc) for c in a.cargo} == relations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cargo of a survival statement, with no drug or treatment named there, takes no drug statement
        (
            "Results\n\nThe presence of exosomal PTEN mRNA was associated with poor response to rituximab. The "
            "presence of exosomal BCL6 mRNA was associated with short overall survival.",
            {("PTEN", "rituximab", "predicts_resistance")},
        ),
        # ... while survival under the treatment is the treatment's response
        (
            "Results\n\nThe presence of exosomal PTEN mRNA was associated with poor response to rituximab. Patients "
            "treated with this regimen who showed higher exosomal BCL6 mRNA had a shorter progression-free survival.",
            {("PTEN", "rituximab", "predicts_resistance"), ("BCL6", "rituximab", "predicts_resistance")},
        ),
    ],
)
def test_prognosis_is_no_drug_response(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the drugs listed after a class word are the resisted drugs
        (
            "Results\n\nExosomes from stromal cells increased the chemoresistance of leukemia cells to several "
            "drugs, including fludarabine, ibrutinib and venetoclax.",
            {("EV", "fludarabine"), ("EV", "ibrutinib"), ("EV", "venetoclax")},
        ),
        (
            "Results\n\nExosomal miR-21 conferred resistance to anticancer agents such as cisplatin and paclitaxel.",
            {("miR-21", "cisplatin"), ("miR-21", "paclitaxel")},
        ),
        # a drug and its short form in brackets coordinate as one word
        (
            "Results\n\nExosomes derived from CAFs promoted resistance to 5-fluorouracil (5-Fu) or oxaliplatin (OXA).",
            {("EV", "fluorouracil"), ("EV", "oxaliplatin")},
        ),
    ],
)
def test_listed_drugs_are_all_resisted(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(c, d) for c, d, _ in _pairs(text)} == expected


@pytest.mark.parametrize(
    "text",
    [
        # the cell's own vesicles are no extracellular vesicles
        "Results\n\nGenes of vesicle trafficking were found. Loss of SNCA increased the sensitivity to cisplatin.",
        "Results\n\nSynaptic vesicles were counted. miR-21 conferred resistance to cisplatin in neurons.",
        "Results\n\nSNCA moved into cytoplasmic vesicular structures and miR-21 conferred resistance to cisplatin.",
    ],
)
def test_intracellular_vesicles_make_no_ev_paper(text: str) -> None:
    assert _pairs(text) == set()


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Results\n\nCarcinoma-associated fibroblasts promote the chemoresistance of colorectal cancer by "
            "transferring exosomal lncRNA H19.",
            "cancer-associated fibroblast",
        ),
        (  # the vesicles' donor, not the cells named after another cell phrase
            "Results\n\nEVs from tamoxifen-resistant breast cancer cells in sensitive cells conferred resistance to "
            "tamoxifen.",
            "tamoxifen-resistant breast cancer cells",
        ),
    ],
)
def test_donor_cells_of_the_vesicles(text: str, donor: str) -> None:
    rows = _rows(text)
    assert rows
    assert {c.name for a in rows for c in a.donor_cells} == {donor}


@pytest.mark.parametrize(
    ("text", "donor", "recipient"),
    [
        (
            "Results\n\nExosomes from gefitinib-resistant HCC827-GR cells conferred gefitinib resistance to HCC827 "
            "cells.",
            "HCC827-GR",
            "HCC827",
        ),
        (
            "Results\n\nExosomes derived from PC9/GR cells transferred gefitinib resistance to parental PC9 cells.",
            "PC9/GR",
            "PC-9",
        ),
        (
            "Results\n\nExosomes from H1975R cells transferred osimertinib resistance to H1975 cells.",
            "H1975R",
            "NCI-H1975",
        ),
    ],
)
def test_a_resistant_subline_is_a_donor_apart_from_its_parent(text: str, donor: str, recipient: str) -> None:
    rows = _rows(text)
    assert {c.name for a in rows for c in a.donor_cells} == {donor}
    assert {c.name for a in rows for c in a.recipient_cells} == {recipient}


def test_an_inventory_the_statement_chose_from_takes_no_statement() -> None:
    """The unit's statement names its own cargo; the others listed beside them were only found."""
    text = (
        "Elevated ANXA5 and ANXA6 in urinary exosomes predict poor response to platinum-based chemotherapy\n\n"
        "Results\n\nProteomic analysis identified five annexins (ANXA3, ANXA4, ANXA5, ANXA6 and ANXA7) in urinary "
        "exosomes of patients."
    )
    assert {c for c, _, _ in _pairs(text)} == {"ANXA5", "ANXA6"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appositive between a cargo and its verb counts as no word of a rule's gap
        (
            "Transfer of exosomal microRNAs confers doxorubicin resistance in osteosarcoma cells\n\nMDR-1, as the "
            "specific mRNA of chemoresistance, can be transferred by exosomes from resistant cells to sensitive cells.",
            ("ABCB1", "doxorubicin"),
        ),
    ],
)
def test_an_appositive_is_no_word_of_a_gap(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(c, d) for c, d, _ in _pairs(text)}


def test_a_relative_clause_is_read_word_by_word() -> None:
    """ ", which can bind its targets, ERα and PTEN," is no appositive: its targets stay targets."""
    text = (
        "Results\n\nCAFs secrete exosomes rich in miR-22, which can bind its targets, ERα and PTEN, to confer "
        "tamoxifen resistance on breast cancer cells."
    )
    assert {c for c, _, _ in _pairs(text)} == {"miR-22"}


def test_a_biofluid_after_its_adjectives_is_the_donor() -> None:
    text = (
        "Results\n\nPatients with low exosomal PD-L1 in peripheral blood plasma before treatment had a better "
        "response to nivolumab; high exosomal PD-L1 predicted resistance to nivolumab."
    )
    rows = _rows(text)
    assert rows
    assert {c.name for a in rows for c in a.donor_cells} == {"blood"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the question a study asks is no finding: after an inquiry in its clause ...
        (
            "Vesicles in lymphoma\n\nLymphoma cells were treated with exosomes from patients in the presence of "
            "rituximab to test whether exosomal CD20 protects the cells from rituximab cytotoxicity.",
            set(),
        ),
        # ... or in the subject of a sentence that ends in one
        (
            "Vesicles in lung cancer\n\nThe use of plasma exosomal miR-21 as a predictor of response to cisplatin "
            "was investigated.",
            set(),
        ),
        # the finding itself stays
        (
            "Vesicles in lung cancer\n\nWe tested whether exosomes matter. Exosomal miR-21 conferred cisplatin "
            "resistance on A549 cells.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
    ],
)
def test_an_aim_is_no_finding(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a structured abstract's Methods part says what was measured, not what was found, label on its own line
        # or run into the text
        (
            "Exosomes in melanoma\n\nMethods\nLevels of exosomal PD-L1 were correlated with response to nivolumab.\n"
            "Results\nExosomal CD73 was associated with resistance to nivolumab.",
            {("NT5E", "nivolumab", "predicts_resistance")},
        ),
        (
            "Exosomes in melanoma\n\nBackground Exosomes matter in melanoma. Methods Levels of exosomal PD-L1 were "
            "correlated with response to nivolumab. Results Exosomal CD73 was associated with resistance to "
            "nivolumab.",
            {("NT5E", "nivolumab", "predicts_resistance")},
        ),
    ],
)
def test_the_methods_part_states_no_finding(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_drug_the_patients_never_had_is_not_resisted() -> None:
    text = (
        "Vesicles in lung cancer\n\nHigh plasma exosomal miR-21 predicted poor response in chemotherapy-naive "
        "patients receiving gefitinib."
    )
    assert {d for _, d, _ in _pairs(text)} == {"gefitinib"}


def test_anti_checkpoint_agents_are_a_drug_class() -> None:
    text = "Vesicles in melanoma\n\nExosomal CD73 was associated with resistance to anti-PD-1 agents."
    assert _pairs(text) == {("NT5E", "immune checkpoint inhibitors", "predicts_resistance")}


@pytest.mark.parametrize(
    ("text", "expected", "donor"),
    [
        (  # "Exo" before a cargo: the vesicles, not HGNC's exonuclease family
            "Results\n\nExo-miR-21 from CAFs conferred cisplatin resistance to gastric cancer cells.",
            ("miR-21", "cisplatin", "confers_resistance"),
            "cancer-associated fibroblast",
        ),
        (  # "M2-exo": the macrophages' vesicles
            "Results\n\nM2-exo promoted cisplatin resistance in GC cells.",
            ("EV", "cisplatin", "confers_resistance"),
            "M2 macrophage",
        ),
        (
            "Results\n\nM1-derived EVs reversed cisplatin resistance of A549 cells.",
            ("EV", "cisplatin", "sensitizes"),
            "M1 macrophage",
        ),
        (
            "Results\n\nExos derived from CAFs promoted gemcitabine resistance.",
            ("EV", "gemcitabine", "confers_resistance"),
            "cancer-associated fibroblast",
        ),
        (  # cells that release the vesicles are their donors; "-Exos" is no part of the subline's name
            "Results\n\nPC9-GR cells released exosomes that promoted gefitinib resistance.",
            ("EV", "gefitinib", "confers_resistance"),
            "PC9-GR",
        ),
        (
            "Results\n\nA549/DDP-Exos promoted cisplatin resistance.",
            ("EV", "cisplatin", "confers_resistance"),
            "A549/DDP",
        ),
    ],
)
def test_short_forms_of_vesicles_and_their_donors(text: str, expected: tuple[str, str, str], donor: str) -> None:
    assert expected in _pairs(text)
    assert {c.name for a in _rows(text) for c in a.donor_cells} == {donor}


def test_the_drug_in_a_sublines_name_is_not_the_statements_drug() -> None:
    """ "SKOV3-DDP-exo" names the cells; what the vesicles do to endothelial cells is no cisplatin response."""
    text = (
        "Results\n\nWe found that SKOV3-DDP-exo and SKOV3-exo are absorbed by endothelial cells and promote the "
        "proliferation of endothelial cells."
    )
    assert _pairs(text) == set()


@pytest.mark.parametrize(
    ("text", "expected", "recipient"),
    [
        (  # "miR-21-enriched" names the vesicles: no level statement beside the causal one
            "Results\n\nmiR-21-enriched exosomes rendered gastric cancer cells resistant to cisplatin.",
            ("miR-21", "cisplatin", "confers_resistance"),
            "gastric cancer cells",
        ),
        (
            "Results\n\nUptake of exosomal miR-21 protected HCT116 cells against oxaliplatin.",
            ("miR-21", "oxaliplatin", "confers_resistance"),
            "HCT 116",
        ),
        (
            "Results\n\nExosomal miR-21 attenuated oxaliplatin-induced apoptosis of HCT116 cells.",
            ("miR-21", "oxaliplatin", "confers_resistance"),
            "HCT 116",
        ),
        (
            "Results\n\nExosomal miR-21 raised the IC50 of oxaliplatin in HCT116 cells.",
            ("miR-21", "oxaliplatin", "confers_resistance"),
            "HCT 116",
        ),
        (
            "Results\n\nExosomal miR-21 blunted the cytotoxicity of 5-FU in SW480 cells.",
            ("miR-21", "fluorouracil", "confers_resistance"),
            "SW480",
        ),
        (  # the cells named after "exposure to these EVs"
            "Results\n\nEVs from T98G cells carried MGMT mRNA. After 48 h of exposure to these EVs, U87 cells "
            "formed more colonies under TMZ, and EV MGMT conferred temozolomide resistance.",
            ("MGMT", "temozolomide", "confers_resistance"),
            "U-87MG ATCC",
        ),
    ],
)
def test_effect_verbs_and_the_cells_they_act_on(text: str, expected: tuple[str, str, str], recipient: str) -> None:
    assert _pairs(text) == {expected}
    assert recipient in {c.name for a in _rows(text) for c in a.recipient_cells}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a causal verb whose object is a weak response: resistance
            "Results\n\nExosomal PD-L1 contributed to the low response rate to anti-PD-1 therapy.",
            ("CD274", "immune checkpoint inhibitors", "confers_resistance"),
        ),
        (  # a verb that mends a weak response: sensitizes
            "Results\n\nExosomal miR-21 improved the poor response to cisplatin.",
            ("miR-21", "cisplatin", "sensitizes"),
        ),
        (  # telling responders from non-responders is a prediction
            "Results\n\nExosomal PD-L1 on circulating sEVs distinguished responders from patients who poorly "
            "responded to nivolumab.",
            ("CD274", "nivolumab", "predicts_resistance"),
        ),
        (  # a nominal transmission of resistance
            "Results\n\nExtracellular vesicle transmission of cisplatin resistance to ovarian cancer cells was "
            "observed.",
            ("EV", "cisplatin", "confers_resistance"),
        ),
    ],
)
def test_weak_responses_and_predictions(text: str, expected: tuple[str, str, str]) -> None:
    assert _pairs(text) == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a knock-down that takes the vesicles' ability away: the cargo confers it
            "Results\n\nExosomes with lncRNA H19 knockdown lost the ability to induce gefitinib resistance.",
            {("H19", "gefitinib", "confers_resistance")},
        ),
        (
            "Results\n\nExosomes from H19-silenced cells failed to induce gefitinib resistance.",
            {("H19", "gefitinib", "confers_resistance")},
        ),
        (  # without a knock-down, a null result
            "Results\n\nExosomes from sensitive cells failed to induce gefitinib resistance.",
            set(),
        ),
    ],
)
def test_a_lost_ability_after_a_knockdown(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def test_the_head_of_an_exosomal_axis_is_the_cargo() -> None:
    """ "The exosomal circ-X/miR-Y axis": circ-X is in the vesicles, miR-Y its target."""
    rows = _rows("Results\n\nThe exosomal circ_0005963/miR-122 axis promoted oxaliplatin resistance.")
    assert [(c.name, [t.name for t in a.target_genes]) for a in rows for c in a.cargo] == [
        ("hsa_circ_0005963", ["miR-122"])
    ]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Results\n\nEVs derived from both new cases and relapsed AML patients reduced idarubicin-induced "
            "apoptosis in U937 cells.",
            "relapsed AML patients",
        ),
        (
            "Results\n\nExosomes from NSCLC patients with progressive disease promoted erlotinib resistance.",
            "NSCLC patients",
        ),
    ],
)
def test_patients_whose_vesicles_were_taken_are_the_donors(text: str, donor: str) -> None:
    assert {c.name for a in _rows(text) for c in a.donor_cells} == {donor}


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        (  # a prediction in patients: the vesicles came from their plasma, not from the subline of the experiment
            "Plasma exosomal miRNAs and gefitinib\n\nPlasma exosomes were isolated from 96 patients before gefitinib. "
            "High exosomal miR-200c-3p predicted a durable response to gefitinib. Exosomes from gefitinib-resistant "
            "PC9/GR cells were enriched in miR-3173-5p and raised the gefitinib IC50 of PC9 cells.",
            {"predicts_resistance": {"plasma"}, "confers_resistance": {"PC9/GR"}},
        ),
        (  # ... unless the prediction's own sentence names the cells the vesicles came from
            "Serum exosomes and ipilimumab\n\nPatients receiving ipilimumab who showed longer survival had more "
            "CD80 on dendritic cell-derived exosomes in serum, which predicted a better response to ipilimumab.",
            {"predicts_resistance": {"dendritic cell"}},
        ),
    ],
)
def test_a_prediction_in_patients_has_their_fluid_as_donor(text: str, donors: dict[str, set[str]]) -> None:
    got: dict[str, set[str]] = {}
    for a in _rows(text):
        got.setdefault(a.effect or "", set()).update(c.name for c in a.donor_cells)
    assert got == donors


def test_cells_a_transfer_goes_to_are_no_donor() -> None:
    rows = _rows(
        "Results\n\nExosomal transfer of circ-PVT1 from resistant to sensitive cells increased cisplatin resistance."
    )
    assert {c.name for a in rows for c in a.donor_cells} == set()
    assert {c.name for a in rows for c in a.recipient_cells} == {"sensitive cells"}


def test_a_regimen_is_resisted_drug_by_drug() -> None:
    assert _pairs(
        "Results\n\nHigh plasma exosomal miR-125b predicted resistance to mFOLFOX6 in colorectal cancer patients."
    ) == {
        ("miR-125b", "fluorouracil", "predicts_resistance"),
        ("miR-125b", "oxaliplatin", "predicts_resistance"),
    }


def test_folinic_acid_beside_fluorouracil_is_not_resisted() -> None:
    """Folinic acid (leucovorin) modulates 5-fluorouracil (ATC V03AF): no resistance is to it."""
    assert _pairs(
        "Results\n\nPlasma exosomal miR-125b predicted resistance to fluorouracil, leucovorin and oxaliplatin."
    ) == {
        ("miR-125b", "fluorouracil", "predicts_resistance"),
        ("miR-125b", "oxaliplatin", "predicts_resistance"),
    }


def test_a_noun_inside_an_insert_is_no_subject_of_the_verb_after_it() -> None:
    """ ", as the specific mRNA of chemoresistance," describes MDR-1: what is transferred is MDR-1, no resistance."""
    assert (
        _pairs(
            "Results\n\nMDR-1, as the specific mRNA of chemoresistance, can be transferred by exosomes from MG63/DXR "
            "cells to MG63 cells."
        )
        == set()
    )


def test_a_disease_sentence_gives_no_cargo_a_statement() -> None:
    """ "Drug resistance limits the efficacy of chemotherapy" names no molecule and no vesicles."""
    text = (
        "Background\n\nDrug resistance is one of the main factors limiting the efficacy of rituximab in lymphoma. "
        "Exosomal BCL2L1 mRNA was measured in plasma of 80 patients."
    )
    assert _pairs(text) == set()


def test_challenge_items_are_well_formed() -> None:
    import json

    effects = {"confers_resistance", "sensitizes", "predicts_resistance", "associated"}
    path = ROOT / "tests" / "gold" / "relations" / "challenge.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len({i["id"] for i in items}) == len(items) >= 100
    for item in items:
        assert item["text"] and item["construction"]
        assert item.get("ev_rows", True) in (True, False)
        if item.get("ev_rows") is False:  # those annotators gave the vesicles no row beside a named cargo
            assert not any(r["cargo"] == "EV" for r in item["rows"]) or all(r["cargo"] == "EV" for r in item["rows"])
        for row in item["rows"]:
            assert row["cargo"] and row["drugs"] and row["effect"] in effects


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # drugs given together are all resisted
            "Results\n\nHigh serum exosomal miR-1246 predicted a poor response to docetaxel plus epirubicin.",
            {("miR-1246", "docetaxel", "predicts_resistance"), ("miR-1246", "epirubicin", "predicts_resistance")},
        ),
        (  # a question states no finding
            "Could exosomal circRNAs mediate sorafenib resistance in hepatocellular carcinoma?",
            set(),
        ),
        (  # apoptosis that radiation induces is no drug response
            "Results\n\nExosomes from radioresistant cells carried miR-93-5p and reduced radiation-induced apoptosis "
            "of parental cells.",
            set(),
        ),
        (  # the RNA exosome is a ribonuclease complex in the cell, no vesicle
            "Results\n\nLoss of the RNA exosome subunit EXOSC10 sensitised colorectal cancer cells to 5-fluorouracil.",
            set(),
        ),
        (  # Rab27a releases the vesicles: its knock-down is the vesicles' loss
            "Results\n\nKnock-down of Rab27a reduced exosome release and restored lenvatinib sensitivity of Huh7 cells.",
            {("EV", "lenvatinib", "confers_resistance")},
        ),
        (  # the word that inverts the exosomes is no verb of its own
            "Blocking exosome release restores tamoxifen sensitivity in breast cancer",
            {("EV", "tamoxifen", "confers_resistance")},
        ),
        (  # a sponged miRNA, named as what the cargo competes for, is its target
            "Results\n\nBy acting as a competing endogenous RNA for miR-34b, exosomal HNF1A-AS1 promoted cisplatin "
            "resistance of recipient cells.",
            {("HNF1A-AS1", "cisplatin", "confers_resistance")},
        ),
        (  # a cargo whose own predicate denies a difference
            "Results\n\nmiR-16-5p was lower in exosomes of patients refractory to bortezomib than in those of "
            "sensitive patients, whereas miR-17-5p did not differ.",
            {("miR-16-5p", "bortezomib", "associated")},
        ),
        (  # "were not able to" after a deletion: the deleted cargo confers
            "Results\n\nExosomes from T24/GEM cells after deletion of HOTAIR were not able to protect parental T24 "
            "cells against gemcitabine.",
            {("HOTAIR", "gemcitabine", "confers_resistance")},
        ),
        (  # an activity named by what it does is no drug's
            "Results\n\nPaclitaxel and doxorubicin elicit tumour-derived extracellular vesicles with pro-metastatic "
            "activity.",
            set(),
        ),
    ],
)
def test_second_challenge_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def _review_rows(text: str) -> set[tuple[str, str, str | None, tuple[int, ...]]]:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    return {
        (c.name, d.name, a.effect, tuple(a.refs))
        for a in relate(doc)
        if a.relation == "transfers_resistance"
        for c in a.cargo
        for d in a.drugs
    }


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (  # the study unit's effect is the rule engine's where the unit-level cues state none
            "Exosomal miR-100-5p from cisplatin-resistant A549 cells decreased the sensitivity of parental cells to "
            "cisplatin by targeting mTOR [31]. Exosomal circ_0014235 from cisplatin-resistant NSCLC cells raised "
            "the cisplatin IC50 of recipient cells [33].",
            {
                ("miR-100-5p", "cisplatin", "confers_resistance", (31,)),
                ("hsa_circ_0014235", "cisplatin", "confers_resistance", (33,)),
            },
        ),
        (  # every drug the study's statement names
            "CAF-derived exosomal miR-522 suppressed ferroptosis in gastric cancer cells and promoted resistance "
            "to cisplatin and paclitaxel [52].",
            {
                ("miR-522", "cisplatin", "confers_resistance", (52,)),
                ("miR-522", "paclitaxel", "confers_resistance", (52,)),
            },
        ),
        (  # an inhibitor that restores sensitivity: the cargo confers the resistance
            "In neuroblastoma xenografts, an anti-miR-155 restored the cisplatin sensitivity that tumour cells had "
            "acquired after taking up monocyte-derived exosomal miR-155 [371].",
            {("miR-155", "cisplatin", "confers_resistance", (371,))},
        ),
        (  # a sentence-final citation after an "et al." study opens the next study where it states a drug's
            # finding of its own
            "Takahashi et al. [34] found linc-ROR enriched in extracellular vesicles of HCC cells and showed that it "
            "reduced sorafenib-induced cell death. Loading miR-744 into exosomes restored the sensitivity of HepG2 "
            "cells to sorafenib [35].",
            {
                ("LINC-ROR", "sorafenib", "confers_resistance", (34,)),
                ("miR-744", "sorafenib", "sensitizes", (35,)),
            },
        ),
        (  # the review's authors' own study, cited in mid-sentence, is a study of its own
            "Endocrine resistance has been linked to several vesicle cargos. We have reported [7] that exosomes from "
            "tamoxifen-resistant MCF-7 cells deliver miR-221 to parental cells and blunt the effect of tamoxifen. "
            "Xu et al. [8] later showed that exosomal UCA1 transferred tamoxifen resistance.",
            {
                ("miR-221", "tamoxifen", "confers_resistance", (7,)),
                ("UCA1", "tamoxifen", "confers_resistance", (8,)),
            },
        ),
        (  # a review paragraph on RNAs inside cells states no EV cargo's resistance
            "Exosomes carry RNAs between cells [10].\n\nMany non-coding RNAs act within the cancer cell itself. "
            "miR-21 confers cisplatin resistance on gastric cancer cells by targeting PTEN [731].",
            set(),
        ),
    ],
)
def test_review_study_units(paragraph: str, expected: set[tuple[str, str, str | None, tuple[int, ...]]]) -> None:
    assert _review_rows(paragraph) == expected


def test_a_prediction_on_a_class_beside_a_causal_statement_on_a_drug() -> None:
    """In a primary abstract both stand: "conferred gefitinib resistance" and "associated with poor response to
    EGFR-TKIs" are two statements."""
    text = (
        "Results\n\nExosomal miR-214 released by gefitinib-resistant HCC827 cells conferred gefitinib resistance on "
        "parental cells. High plasma exosomal miR-214 was associated with poor response to EGFR-TKIs in patients."
    )
    assert _pairs(text) == {
        ("miR-214", "gefitinib", "confers_resistance"),
        ("miR-214", "EGFR tyrosine kinase inhibitors", "predicts_resistance"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a loss-of-function word the tokenizer cuts at its hyphen still turns the statement round
            "Results\n\nKnock-down of miR-21 in exosomes restored sensitivity to cisplatin.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
        (
            "Results\n\nDown-regulation of exosomal miR-21 restored sensitivity to cisplatin.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
        (  # "inhibitor" after the miRNA names the reagent: no verb of a cue of its own
            "Results\n\nA miR-211 inhibitor restored the sensitivity of melanoma cells to vemurafenib after they had "
            "taken up exosomal miR-211.",
            {("miR-211", "vemurafenib", "confers_resistance")},
        ),
        (  # an antibody against the cargo, and blocking its transfer, invert it
            "Results\n\nTreatment with an anti-CD44 antibody blocked the transfer of exosomal CD44 and reversed "
            "doxorubicin resistance in breast cancer cells.",
            {("CD44", "doxorubicin", "confers_resistance")},
        ),
    ],
)
def test_hyphenated_inversions_reagents_and_antibodies(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "abrogated this effect" turns the earlier statement round; the silencing turns it back
            "Results\n\nExosomes from CAFs induced gemcitabine resistance in PANC-1 cells. Silencing miR-106b in the "
            "CAFs abrogated this effect of their exosomes.",
            {("EV", "gemcitabine", "confers_resistance"), ("miR-106b", "gemcitabine", "confers_resistance")},
        ),
        (  # "mediated this effect" keeps it
            "Results\n\nA2780 cells co-cultured with exosomes of A2780/DDP cells became resistant to cisplatin. "
            "Exosomal miR-1246 mediated this effect by targeting CAV1.",
            {("EV", "cisplatin", "confers_resistance"), ("miR-1246", "cisplatin", "confers_resistance")},
        ),
        (  # a knock-down in another clause turns no statement of this one
            "Results\n\nH1975-OR cells package the lncRNA FGD5-AS1 into exosomes. Intratumoral injection of these "
            "exosomes impaired the response of H1975 xenografts to osimertinib, whereas exosomes from "
            "FGD5-AS1-depleted H1975-OR cells had no effect.",
            {("FGD5-AS1", "osimertinib", "confers_resistance")},
        ),
        (  # "The transferred miR-21" is a subject, not a verb over the statement
            "Results\n\nMacrophages transferred miR-21 to MFC cells through exosomes. The transferred miR-21 "
            "suppressed cisplatin-induced apoptosis of MFC cells by downregulating PTEN.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
        (  # vesicles of named donors that delivered a molecule carry it
            "Results\n\nExosomes derived from human umbilical cord MSCs (hucMSC-Ex) delivered miR-451a to "
            "paclitaxel-resistant Hep3B/PTX cells and reversed their resistance to paclitaxel.",
            {("miR-451a", "paclitaxel", "sensitizes")},
        ),
        (  # "X was silenced" inverts X
            "Results\n\nExosomes secreted by lung fibroblasts delivered miR-148a-3p to A549 cells. When miR-148a-3p "
            "was silenced in the fibroblasts, their exosomes made A549 cells resistant to cisplatin.",
            {("miR-148a-3p", "cisplatin", "sensitizes")},
        ),
    ],
)
def test_roles_challenge_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a drug named as the inhibitor of a molecule is a tool of the experiment
            "Results\n\nExosomal ABCB1 conferred paclitaxel resistance on recipient cells, and the effect was abolished "
            "by the P-gp inhibitor verapamil.",
            {("ABCB1", "paclitaxel", "confers_resistance")},
        ),
        (  # ... unless the paper states resistance to it
            "Results\n\nExosomal miR-21 reduced the sensitivity of lung cancer cells to the EGFR inhibitor gefitinib.",
            {("miR-21", "gefitinib", "confers_resistance")},
        ),
        (  # a class that names the drug after it: the statement is the drug's
            "Results\n\nExosomal miR-214 reduced the response of lung cancer cells to the EGFR-TKI gefitinib.",
            {("miR-214", "gefitinib", "confers_resistance")},
        ),
        (  # "none of" denies
            "Results\n\nNone of the exosomal miRNAs, including miR-155, differed between responders and "
            "non-responders to nivolumab.",
            set(),
        ),
        (  # survival after radiation is no drug response, and a negated statement's drugs go to no other sentence
            "Results\n\nExosomal miR-24 increased the survival of recipient cells after 4 Gy of irradiation. "
            "By contrast, the exosomes did not change the sensitivity of the cells to cisplatin.",
            set(),
        ),
        (  # of two mentions of a cargo, the one in the statement's clause says what it is (inhibited)
            "Results\n\nExosomal miR-92a targeted BTG2 in recipient cells; when miR-92a was inhibited in CAFs, their "
            "exosomes no longer protected cervical cancer cells from cisplatin.",
            {("miR-92a", "cisplatin", "confers_resistance")},
        ),
        (  # "had been silenced" inverts; "not only ... but also" is one clause
            "Results\n\nExosomes from DU145 cells in which miR-145 had been silenced not only lost this activity but "
            "also induced docetaxel resistance in parental cells.",
            {("miR-145", "docetaxel", "sensitizes")},
        ),
        (  # a drug in a negated clause with no statement of its own
            "Results\n\nExosomal miR-221 conferred imatinib resistance on K562 cells, while the same exosomes had no "
            "effect on the response to nilotinib.",
            {("miR-221", "imatinib", "confers_resistance")},
        ),
        (  # "lost most of their protective activity" after a silencing: the cargo protects
            "Results\n\nExosomal CLU protected recipient cells from docetaxel. Exosomes from cells in which CLU had "
            "been silenced lost most of their protective activity against docetaxel.",
            {("CLU", "docetaxel", "confers_resistance")},
        ),
        (  # a gene's mutation in vesicle DNA is the DNA's genotype: the DNA is the cargo; cell-free DNA is none
            "Results\n\nESR1 mutations in plasma EV-DNA predicted resistance to aromatase inhibitors, more often than "
            "in cfDNA.",
            {("DNA", "aromatase inhibitors", "predicts_resistance")},
        ),
        (  # what an enzyme does to the vesicles' contents is no drug response
            "Results\n\nMost mutant DNA resided in the lumen of small EVs and was protected from DNase I. In patients "
            "receiving gefitinib, T790M in EV-DNA predicted resistance to gefitinib.",
            {("DNA", "gefitinib", "predicts_resistance")},
        ),
        (  # a cue in an insert that reports earlier work, beside a denied association
            "Results\n\nsEV miR-200b, previously linked to ovarian cancer outcome, was not associated with platinum "
            "response.",
            set(),
        ),
        (  # chemotherapy named only to deny it is no drug of the study
            "Serum exosomal CRNDE predicts early recurrence of hepatocellular carcinoma after resection\n\nNone of the "
            "patients received adjuvant chemotherapy. High exosomal CRNDE predicted early recurrence.",
            set(),
        ),
        (  # "pro-metastatic effects" are no drug's
            "Results\n\nKnockdown of SNHG17 in CAFs abolished the pro-metastatic effects of CAF-Exos. Patients had "
            "received doxorubicin and cisplatin chemotherapy.",
            set(),
        ),
        (  # a drug used as a reagent is a tool
            "Results\n\nEVs from PD-L1-knockout cells were much less suppressive, and the effect of wild-type EVs was "
            "reversed by an anti-PD-L1 antibody used as an experimental reagent.",
            set(),
        ),
        (  # a genotype of the recipient cells is no cargo; a molecule found absent from the vesicles neither
            "Results\n\nEndothelial sEVs delivered GAS6 to FLT3-ITD leukaemia cells and blunted the response to "
            "gilteritinib. HER2 and EGFR were not detectable in the sEVs.",
            {("GAS6", "gilteritinib", "confers_resistance")},
        ),
        (  # a list of processes is no statement on them
            "Results\n\nExosomes play roles in angiogenesis, immune suppression, tumor metastasis, and "
            "chemoresistance.",
            set(),
        ),
        (  # a response to radiation named by an adjective
            "Results\n\nInhibiting exosomal miR-7 in donor cells abolished the radioprotective effect of the exosomes.",
            set(),
        ),
        (  # vesicles that shield normal tissue from a drug's injury state no resistance
            "Stem cell vesicles protect the heart\n\nExosomes from bone marrow MSCs carried miR-30a into "
            "cardiomyocytes and reduced doxorubicin-induced apoptosis. Exosomal miR-30a thus relieved "
            "doxorubicin-induced cardiotoxicity.",
            set(),
        ),
        (  # ... but a paper on the cancer cells' resistance beside it still states its rows
            "Results\n\nExosomal miR-30a reduced doxorubicin-induced apoptosis of breast cancer cells and conferred "
            "doxorubicin resistance, while it did not add to doxorubicin-induced cardiotoxicity in mice.",
            {("miR-30a", "doxorubicin", "confers_resistance")},
        ),
        (  # nanoparticles wrapped by vesicles: a carrier, whose delivered drug's effect is no vesicles' statement
            "HepG2 exosomes coated luteolin nanoparticles and sorafenib for liver cancer\n\nThe nanoparticles "
            "enhanced the therapeutic effects of sorafenib on HCC in combination with exosomes.",
            set(),
        ),
        (  # a regimen names its drugs (regimens.tsv): ABVD
            "Results\n\nHigh plasma exosomal miR-127-3p predicted poor response to ABVD.",
            {
                ("miR-127-3p", d, "predicts_resistance")
                for d in ("doxorubicin", "bleomycin", "vinblastine", "dacarbazine")
            },
        ),
        (  # drugs that block a step of the experiment are tools (heparin, ethidium bromide, etomoxir); the vesicles that
            # lost their protection when mtDNA was depleted ('to deplete mtDNA') say mtDNA confers it
            "Exosomes transfer vemurafenib resistance\n\nExosomes from vemurafenib-resistant A375 cells conferred "
            "vemurafenib resistance on parental cells. The transfer was prevented by heparin. EVs from cells treated "
            "with ethidium bromide to deplete mtDNA lost this protective capacity, and etomoxir abolished the "
            "EV-induced resistance.",
            {("EV", "vemurafenib", "confers_resistance"), ("mtDNA", "vemurafenib", "confers_resistance")},
        ),
        (  # a drug named only where the question is left open is no resisted drug of the study
            "Tumour-derived exosomes in oral cancer\n\nTEXs from patients with active disease reduced NKG2D expression "
            "and the cytotoxicity of NK cells. Exosomal PD-L1 correlated with the tumour PD-L1 score but not with "
            "stage. Their relevance to the response to immunotherapy remains to be determined.",
            set(),
        ),
        (  # what has no vesicles names none ("exosome-depleted FBS", "the EV-depleted fraction", "non-vesicular")
            "miR-21 promotes cisplatin resistance of lung cancer cells\n\nCells were cultured in medium with "
            "exosome-depleted FBS. Knockdown of miR-21 restored cisplatin sensitivity of A549/DDP cells.",
            set(),
        ),
        (  # a gene set named after the vesicles, measured in tumour tissue, names no vesicles
            "An exosome-related gene signature predicts response to atezolizumab\n\nWe scored 121 exosome-related "
            "genes in tumour transcriptomes of 348 patients treated with atezolizumab.",
            set(),
        ),
        (  # a survival prognosis borrows no drug: "shorter recurrence-free survival" after resection
            "Serum exosomal CRNDE after hepatectomy\n\nPatients with high serum exosomal CRNDE had shorter "
            "recurrence-free survival (HR 2.34). In the subgroup later treated with sorafenib for recurrence, "
            "exosomal CRNDE showed no relation to the response.",
            set(),
        ),
        (  # an RNA acting in the cells, whose vesicles are denied ("barely detectable in exosomes"), is no cargo
            "LncRNA HOTTIP promotes cisplatin resistance through a cell-autonomous mechanism\n\nSilencing HOTTIP "
            "restored cisplatin sensitivity of A549/DDP cells. HOTTIP was barely detectable in exosomes, and neither "
            "these exosomes nor conditioned medium altered the cisplatin sensitivity of parental cells. HOTTIP thus "
            "drives cisplatin resistance and does not act through exosomal transfer.",
            set(),
        ),
        (  # an RNA acting in the cells, whose vesicles serve only to diagnose, is no vesicle cargo
            "circ_0001946 promotes cisplatin resistance of gastric cancer cells\n\nKnockdown of circ_0001946 restored "
            "cisplatin sensitivity of SGC-7901/DDP cells. circ_0001946 was also detectable in serum exosomes, where it "
            "distinguished patients from healthy donors.",
            set(),
        ),
        (  # ... while a response prediction with an AUC is a row (no diagnosis: no healthy people in it)
            "Exosomal miRNAs and neoadjuvant chemotherapy\n\nExosomes were isolated from patients undergoing "
            "neoadjuvant chemotherapy. Exosomal miR-4448 could discriminate between responders and non-responders "
            "with an area under the curve of 0.77.",
            {("miR-4448", "chemotherapy", "predicts_resistance")},
        ),
        (  # growth with no drug in its sentence is no drug's effect: it borrows none (phrase CELL_FATE_END)
            "Exosomes of resistant ovarian cancer cells and angiogenesis\n\nCisplatin resistance limits therapy of "
            "ovarian cancer. Exosomes of SKOV3 cells were co-cultured with HUVECs. These exosomes promoted the "
            "proliferation and tube formation of HUVECs.",
            set(),
        ),
        (  # proteins named after "proteins on sEVs" are the vesicles' cargo
            "Plasma sEVs and anti-PD-1 therapy\n\nPlasma sEVs were isolated from 30 melanoma patients treated with anti-PD-1 "
            "therapy. Analysis of individual proteins on tumour-derived sEVs showed that high PD-L1 was associated "
            "with poor response.",
            {("CD274", "immune checkpoint inhibitors", "predicts_resistance")},
        ),
        (  # a cargo named apart from a radiation response takes no drug of a background sentence through the unit
            "Exosomal circ-ABC1 in radioresistance\n\nRadiotherapy with cisplatin-based chemotherapy is standard. "
            "Exosomes from hypoxic cells increased the survival of normoxic cells after 4 Gy irradiation. Sequencing "
            "identified circ-ABC1 in these exosomes.",
            set(),
        ),
        (  # heat is no drug: a response to hyperthermia borrows none from a sentence on chemotherapy
            "Exosomal HSP90 and thermotolerance\n\nHyperthermia is combined with chemotherapy in sarcoma. Exosomal "
            "HSP90 from heated cells induced thermotolerance in recipient cells, and blocking it may improve the "
            "efficacy of hyperthermia.",
            set(),
        ),
        (  # vesicles loaded with a drug are its carrier: a gene of the cells' own resistance is no cargo of theirs
            "Exosomes loaded with paclitaxel overcome the P-gp barrier\n\nResistance mediated by P-gp limits the "
            "efficacy of paclitaxel. Milk exosomes were loaded with paclitaxel by sonication and killed resistant "
            "ovarian cancer cells.",
            set(),
        ),
        (  # a sentence on earlier work states no finding of an abstract: the miRNA here promotes invasion only
            "Exosomes of resistant cells and invasion\n\nExosomes have been proposed to spread resistance to "
            "sorafenib. We isolated exosomes from sorafenib-resistant Huh7 cells. Exosomal miR-4454 promoted "
            "invasion of recipient cells.",
            set(),
        ),
        (  # ... while the abstract's own finding still counts
            "Exosomes of resistant cells\n\nExosomes have been proposed to spread resistance to sorafenib. "
            "Exosomal miR-4454 from sorafenib-resistant Huh7 cells conferred sorafenib resistance on parental cells.",
            {("miR-4454", "sorafenib", "confers_resistance")},
        ),
    ],
)
def test_full_abstract_challenge_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # vesicles named after "rather than" / "independently of" have no part in the statement
            "Metformin restores gefitinib sensitivity independently of exosome secretion\n\nMetformin overcame gefitinib "
            "resistance in PC9/GR cells through AMPK rather than through effects on vesicle secretion.",
            set(),
        ),
        (  # vesicles conceded in an opening clause, then denied, also where coordinated after the denial
            "Cellular circABC1 and oxaliplatin resistance\n\nAlthough circRNAs are often exported in exosomes, circABC1 "
            "was barely detectable in exosomes secreted by HCT116 cells or in plasma exosomes. circABC1 silencing "
            "restored the oxaliplatin sensitivity of HCT116 cells.",
            set(),
        ),
        (  # the vesicles only in a clause that diagnoses, through a short form the paper defines
            "miR-77 promotes docetaxel resistance, and its serum exosomal level discriminates prostate cancer from benign "
            "prostatic hyperplasia\n\nmiR-77 mimics reduced docetaxel-induced apoptosis of PC3 cells. Serum exosomal "
            "miR-77 was higher in 50 men with prostate cancer than in 40 men with benign prostatic hyperplasia (BPH). "
            "Exosomal miR-77 was also higher in prostate cancer than in BPH in a second cohort.",
            set(),
        ),
        (  # the cytotoxicity of NK cells is no drug's: it borrows no drug from a sentence on immunotherapy
            "Exosomal TGF-β1 impairs NK cells\n\nFew patients with breast cancer benefit from immune checkpoint "
            "blockade. Tumour exosomes reduced the cytotoxicity of NK cells against tumour cells through surface TGF-β1.",
            set(),
        ),
        (  # ... nor an effect on metastasis abolished by a drug used to deplete cells
            "Exosomal miR-9 educates Kupffer cells\n\nOxaliplatin is standard for metastatic colorectal cancer. Mice "
            "given exosomal miR-9 developed more liver metastases, an effect abolished by Kupffer cell depletion with "
            "clodronate liposomes.",
            set(),
        ),
        (  # RNAs earlier work proposed, named at the end of an insert whose predicate denies their enrichment
            "EVs of resistant cells transfer no resistance\n\nEVs from oxaliplatin-resistant HCT116 cells did not change "
            "the oxaliplatin IC50 of recipient cells, and miRNAs previously proposed to mediate EV-transferred "
            "resistance, including miR-21 and miR-1246, were not enriched in these EVs. Conditioned medium reduced "
            "oxaliplatin sensitivity, but this activity remained in the EV-depleted fraction.",
            set(),
        ),
        (  # patients "classified as" resistant are labelled, not told apart: no discrimination of responders
            "A serum exosomal panel for ovarian cancer\n\nExosomal miR-200b did not differ between patients whose "
            "disease was later classified as platinum-sensitive or platinum-resistant.",
            set(),
        ),
        (  # a contrast after the vesicles leaves their statement standing
            "Exosomal miR-21 and cisplatin resistance\n\nExosomal miR-21 from cisplatin-resistant A549 cells conferred "
            "cisplatin resistance on parental A549 cells, rather than soluble factors of the medium.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
        (  # a sentence on T cells that names resistance to a drug keeps its statement
            "Exosomal PD-L1 and immunotherapy\n\nExosomal PD-L1 from melanoma cells conferred resistance to anti-PD-1 "
            "therapy by suppressing CD8+ T cells in mice.",
            {("CD274", "immune checkpoint inhibitors", "confers_resistance")},
        ),
    ],
)
def test_vesicles_denied_diagnosing_or_beside_another_phenotype(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # refractoriness is resistance, to each drug of a regimen
            "Exosomal miR-7 and R-CHOP\n\nHigh plasma exosomal miR-7 predicted primary refractoriness to R-CHOP in "
            "patients with diffuse large B-cell lymphoma.",
            {
                ("miR-7", d, "predicts_resistance")
                for d in ("rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone")
            },
        ),
        (  # a survival statement whose treatment response is denied is a prognosis: its cargo takes no statement
            "Exosomal miR-7 and R-CHOP\n\nHigh plasma exosomal miR-7 predicted primary refractoriness to R-CHOP. "
            "Exosomal miR-9 correlated with shorter overall survival but was not related to treatment response.",
            {
                ("miR-7", d, "predicts_resistance")
                for d in ("rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone")
            },
        ),
        (  # "this drug" refers back to the drug the paper named before
            "Exosomal LINC00473 in lung adenocarcinoma\n\nOsimertinib is the preferred first-line treatment for "
            "EGFR-mutant lung adenocarcinoma. Here we report that resistance to this drug is transmitted between "
            "tumour cells by exosomes carrying LINC00473.",
            {("LINC00473", "osimertinib", "confers_resistance")},
        ),
        (  # what drives a cargo's packaging ("HIF-1α-dependent") and what loads it (NDFIP1) are no cargo
            "Hypoxic cells transmit cisplatin resistance\n\nA HIF-1α-dependent increase in exosomal miR-210 "
            "transferred cisplatin resistance to normoxic CAL27 cells, and the effect was lost when NDFIP1 was "
            "silenced in the donor cells.",
            {("miR-210", "cisplatin", "confers_resistance")},
        ),
        (  # "acquired resistance" after "primary and" or "mechanisms of" is a noun phrase: the prediction decides
            "Exosomal miR-21 in colorectal cancer\n\nHigh plasma exosomal miR-21 predicts primary and acquired "
            "resistance to cetuximab in patients with colorectal cancer.",
            {("miR-21", "cetuximab", "predicts_resistance")},
        ),
    ],
)
def test_refractoriness_drug_anaphora_and_what_is_no_cargo(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a radioactive isotope given as treatment is radiation, no drug
            "Plasma EV thyroglobulin and radioiodine\n\nA high EV thyroglobulin level predicted radioiodine-refractory "
            "disease in differentiated thyroid cancer.",
            set(),
        ),
        (  # every drug of a denied list is denied; a radioprotective effect is the radiation's
            "CSF EVs transfer radioresistance via miR-4521\n\nCSF-EVs from relapsed patients increased clonogenic "
            "survival of DAOY cells after 4 Gy. miR-4521 inhibitors abrogated the radioprotective effect and mimics "
            "reproduced it. In contrast, the same EVs did not change the sensitivity of recipient cells to cisplatin, "
            "vincristine or lomustine, the agents used in maintenance chemotherapy.",
            set(),
        ),
        (  # vesicles that drive a drug's nerve injury state no resistance
            "Exosomal miR-34c-5p from paclitaxel-exposed Schwann cells drives axonal injury\n\nExosomes from "
            "paclitaxel-exposed Schwann cells reduced the neurite length of sensory neurons. miR-34c-5p was required for "
            "this effect; an antagomir preserved axons.",
            set(),
        ),
        (  # an effect on vessels or on activated fibroblasts borrows no drug
            "Hypoxic exosomal circ-ZNF148 and angiogenesis\n\nHypoxia drives resistance to chemotherapy in gastric "
            "cancer. Hypoxic exosomes increased microvessel density, an effect reversed by silencing circ-ZNF148.",
            set(),
        ),
        (  # "an effect that required ...", "a response that may favour ...": active relative clauses, no cue
            "Cisplatin-treated cells release more EVs\n\nA549 cells treated with cisplatin released 2.5 times more EVs "
            "enriched in miR-92a, an effect that required p53-dependent TSAP6 induction. Cisplatin thus increases the "
            "release of pro-stromal EVs, a response that may favour regrowth.",
            set(),
        ),
        (  # resistance shared by parasites' vesicles in a paper naming no cancer
            "Extracellular vesicles from antimony-resistant Leishmania donovani transfer drug resistance\n\nEVs from "
            "antimony-resistant parasites conferred resistance to sodium stibogluconate on sensitive parasites.",
            set(),
        ),
        (  # a drug that blocks the vesicles' release is a tool of the study in all its sentences
            "Sulfisoxazole inhibits sEV secretion in lung cancer\n\nWe identified sulfisoxazole (SFX) as an inhibitor of "
            "sEV secretion. Oral SFX decreased plasma sEV levels in mice and reduced primary tumour growth. SFX also "
            "lowered the number of PD-L1-positive sEVs.",
            set(),
        ),
    ],
)
def test_radiation_toxicity_other_phenotypes_microbes_and_vesicle_tools(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _pairs(text) == expected


_CHOP = ("rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # each cargo takes the cue of its own clause: a level, or a prediction
            "Plasma exosomal miRNAs and R-CHOP\n\nBaseline exosomal miR-125b-5p was higher in patients refractory to "
            "R-CHOP, whereas exosomal miR-99a-5p independently predicted refractoriness to R-CHOP.",
            {("miR-125b-5p", d, "associated") for d in _CHOP}
            | {("miR-99a-5p", d, "predicts_resistance") for d in _CHOP},
        ),
        (  # a cargo in a coordinate clause with a verb of its own takes no statement of the other clause
            "Exosomal miRNAs and gefitinib\n\nHigh exosomal miR-200c-3p predicted a durable response to gefitinib. "
            "Exosomal miR-3173-5p appears to be a mediator of gefitinib resistance, and miR-200c-3p may help to select "
            "patients.",
            {("miR-200c-3p", "gefitinib", "predicts_resistance"), ("miR-3173-5p", "gefitinib", "confers_resistance")},
        ),
        (  # ... or the other clause names no cargo of its own: its statement is about these
            "A two-miRNA signature in plasma sEVs\n\nHigh sEV miR-1290 and low sEV miR-200b-3p were each associated with "
            "a short platinum-free interval, and a combined score predicted platinum resistance.",
            {
                ("miR-1290", "platinum compounds", "predicts_resistance"),
                ("miR-200b-3p", "platinum compounds", "predicts_resistance"),
            },
        ),
        (  # ... unless it refers back to it
            "Exosomal miR-21-5p and osimertinib\n\nHCC827/GR exosomes reduced the response of recipient cells to "
            "osimertinib, and this was mediated by miR-21-5p.",
            {("miR-21-5p", "osimertinib", "confers_resistance")},
        ),
        (  # less transfer of a cargo contributing to resistance: the cargo sensitises
            "Exosomal miR-342-3p and tamoxifen\n\nOur data suggest that reduced exosomal transfer of miR-342-3p could "
            "contribute to tamoxifen resistance of MCF-7 cells.",
            {("miR-342-3p", "tamoxifen", "sensitizes")},
        ),
    ],
)
def test_each_cargo_takes_the_statement_of_its_own_clause(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "this sensitising effect disappeared when ... inhibitor": the inhibited cargo sensitises
            "Exosomal miR-338-5p and docetaxel\n\nExosomes from KYSE-150 cells increased docetaxel-induced apoptosis of "
            "KYSE-150/DTX cells; this sensitising effect disappeared when the donor cells were transfected with a "
            "miR-338-5p inhibitor.",
            {("miR-338-5p", "docetaxel", "sensitizes")},
        ),
        (  # "delay resistance" lowers resistance; a gerund subject before a modal is no cue of its own
            "Exosomal miR-29c-3p and vemurafenib\n\nExosomal miR-29c-3p from parental A375 cells is lost during "
            "treatment, and restoring miR-29c-3p transfer might delay resistance to vemurafenib.",
            {("miR-29c-3p", "vemurafenib", "sensitizes")},
        ),
        (  # drugs named after "inhibitors", or that abolish a survival advantage, are tools of the experiment
            "Exosomal LINC00958 and autophagy\n\nLINC00958-rich exosomes protected bladder cancer cells from "
            "gemcitabine, whereas the autophagy inhibitors chloroquine or bafilomycin A1 abolished their survival "
            "advantage.",
            {("LINC00958", "gemcitabine", "confers_resistance")},
        ),
    ],
)
def test_an_effect_lost_after_its_cue_and_a_delayed_resistance(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an RNA whose vesicles are denied, also by their own predicate ("exosomes ... did not change"), is no cargo
            "LncRNA KCNQ1OT1 promotes cisplatin resistance\n\nSilencing KCNQ1OT1 lowered the IC50 of cisplatin in "
            "A549/DDP cells. KCNQ1OT1 was barely detectable in exosomes of resistant cells, and exosomes from A549/DDP "
            "cells did not change the cisplatin sensitivity of parental A549 cells.",
            set(),
        ),
        (  # what vesicles in general can do ("MVs can ... favor tumor resistance") borrows no drug of the paper
            "Cetuximab modifies the release of tumor microvesicles\n\nMVs can interact with surrounding cells to "
            "favor tumor resistance. HNSCC cells exposed to cetuximab modulated EGFR expression of MVs.",
            set(),
        ),
    ],
)
def test_vesicles_denied_by_their_own_predicate(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def test_an_unchanged_response_and_a_blocking_antibody() -> None:
    """A drug whose response "was unchanged" is in no statement; a "P-gp-blocking antibody" inverts P-gp, so that
    preventing the acquisition of resistance says P-gp confers it (never that it sensitises)."""
    text = (
        "Microvesicles transfer P-glycoprotein\n\nMicrovesicles of DU145-DR cells carried abundant P-gp. Parental DU145 cells that took up DU145-DR microvesicles acquired "
        "P-gp and had a higher docetaxel IC50. Pre-incubation of the microvesicles with a P-gp-blocking antibody "
        "prevented the acquisition of resistance. Sensitivity to enzalutamide was unchanged."
    )
    assert not {p for p in _pairs(text) if p[1] == "enzalutamide" or p[2] == "sensitizes"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an insert set off by commas ("X, but not Y,") neither denies nor cuts the clause around it
            "Stromal vesicles and paclitaxel\n\nEVs from senescent fibroblasts, but not those of proliferating "
            "fibroblasts, reduced paclitaxel-induced apoptosis of MDA-MB-231 cells.",
            {("EV", "paclitaxel", "confers_resistance")},
        ),
        (  # ... and a drug that "but not" sets apart, in an insert or at the end, is no resisted drug
            "Vesicles of resistant renal cancer cells\n\nExosomes of 786-O/SR cells increased the viability of recipient "
            "cells under sunitinib and pazopanib, but not under everolimus or cabozantinib, and parental exosomes were "
            "without effect.",
            {("EV", "sunitinib", "confers_resistance"), ("EV", "pazopanib", "confers_resistance")},
        ),
        (  # "with no change in D sensitivity": D is set apart too
            "Cervical cancer exosomes\n\nSiHa/DDP exosomes increased the cisplatin IC50 of SiHa cells 2.5-fold, with "
            "no change in paclitaxel sensitivity.",
            {("EV", "cisplatin", "confers_resistance")},
        ),
        (  # ", yet" opens a clause of its own
            "Head and neck cancer exosomes\n\nFaDu-CR exosomes reduced the growth inhibition produced by cetuximab in "
            "parental FaDu cells, yet did not affect the cytotoxicity of cisplatin or docetaxel.",
            {("EV", "cetuximab", "confers_resistance")},
        ),
        (  # normal cells a drug injures are the cue's object: no resistance, even where tumour EVs act
            "Tumour vesicles and the heart\n\nTumour EVs increased doxorubicin-induced cardiomyocyte apoptosis in "
            "co-culture.",
            set(),
        ),
        (  # an organ's injury by chemotherapy: no resistance
            "Stem cell exosomes protect against chemotherapy-induced testicular cytotoxicity\n\nWe tested whether "
            "exosomes protect against testicular damage caused by cyclophosphamide and busulfan in mice.",
            set(),
        ),
        (  # "lack of association with response" denies the prediction
            "Plasma exosomal miR-1246: lack of association with response to gemcitabine\n\nExosomal miR-1246 was "
            "elevated in pancreatic cancer.",
            set(),
        ),
        (  # "only X" singles out the cargo of the cue after it among those listed
            "Macrophage exosomes\n\nOf the three miRNAs tested (miR-155-5p, miR-21-5p and miR-223-3p), all were "
            "abundant in M2 exosomes, but only miR-155-5p inhibition in macrophages abolished the gemcitabine "
            "resistance induced by the exosomes.",
            {("miR-155-5p", "gemcitabine", "confers_resistance")},
        ),
        (  # a reference RNA is the yardstick of a measurement, no cargo
            "Plasma exosomal miRNAs and ibrutinib\n\nWe measured miR-155-5p and the reference miR-103a-3p in plasma "
            "exosomes. Exosomes loaded with miR-155-5p reduced ibrutinib-induced apoptosis of CLL cells.",
            {("miR-155-5p", "ibrutinib", "confers_resistance")},
        ),
        (  # a study named by "and colleagues [n]" is a cited study in a primary paper's Discussion
            "Discussion\n\nIn the present study, we found that fibroblast exosomal miR-625-3p conferred oxaliplatin "
            "resistance on colorectal cancer cells. Hu and colleagues [21] showed that exosomes carrying miR-92a-3p "
            "promote resistance to 5-fluorouracil.",
            {("miR-625-3p", "oxaliplatin", "confers_resistance")},
        ),
        (  # "X et al. reported" without a number is earlier work too
            "Discussion\n\nIn this work, we found that stromal exosomal miR-425-5p shields AML blasts from cytarabine. "
            "Hong et al. reported that exosomes from AML patients carry TGF-beta1 and protect blasts from cytarabine.",
            {("miR-425-5p", "cytarabine", "confers_resistance")},
        ),
        (  # a field that "has attracted attention" is background
            "Exosomal microRNAs have attracted attention as mediators of metastasis and as determinants of therapy "
            "response in pancreatic cancer. Exosomes of glucose-deprived cells carried miR-1246 and promoted migration.",
            set(),
        ),
        (  # survival words: more colonies, fewer apoptotic cells, caspase activity, a drug-mediated lysis
            "Hypoxic glioblastoma vesicles\n\nNormoxic cells that had taken up sEVs from hypoxic cells formed 2.3-fold "
            "more colonies after temozolomide exposure than cells given sEVs of normoxic cells.",
            {("EV", "temozolomide", "confers_resistance")},
        ),
        (
            "Stromal exosomes in AML\n\nExosomes from AML-derived stromal cells lowered the fraction of apoptotic cells "
            "after exposure to cytarabine by 40%.",
            {("EV", "cytarabine", "confers_resistance")},
        ),
        (
            "Fibroblast exosomes in pancreatic organoids\n\nPurified CAF exosomes lowered gemcitabine-induced "
            "caspase-3/7 activity in organoids by 45%.",
            {("EV", "gemcitabine", "confers_resistance")},
        ),
        (
            "Lymphoma exosomes\n\nLymphoma exosomes bound rituximab and reduced rituximab-mediated CDC of SU-DHL-4 "
            "cells from 64% to 22%.",
            {("EV", "rituximab", "confers_resistance")},
        ),
        (  # resistance conveyed, and recipients cross-resistant
            "Colorectal cancer exosomes\n\nExosomes from cetuximab-resistant Caco-2 cells conveyed resistance to "
            "sensitive SW48 cells.",
            {("EV", "cetuximab", "confers_resistance")},
        ),
        (
            "Breast cancer EVs and CDK4/6 inhibitors\n\nRecipients of MCF-7-PR EVs were also cross-resistant to "
            "ribociclib and abemaciclib.",
            {("EV", "ribociclib", "confers_resistance"), ("EV", "abemaciclib", "confers_resistance")},
        ),
        (  # colonies after a dose range of radiation are the radiation's response
            "Glioblastoma EVs\n\nEV circ-PTK2B enhances DNA repair in recipient U87 cells. Recipient cells form more "
            "colonies after 4–8 Gy irradiation. EV circ-PTK2B does not alter the sensitivity of recipient cells to "
            "temozolomide.",
            set(),
        ),
        (  # an organ as the object of a sensitising cue
            "Tumour exosomes and the heart\n\nTumour exosomes carrying miR-155-5p sensitise the heart to doxorubicin "
            "injury, while leaving the tumour response to the drug unchanged.",
            set(),
        ),
        (  # "..., effects that X prevented": what the verbs before did, no drug's effect; an assumption is background
            "Exosomes of resistant lung cancer cells\n\nExosomes secreted by drug-resistant cancer cells are often "
            "assumed to spread resistance. Exosomes of gefitinib-resistant HCC827 cells induced vimentin and reduced "
            "E-cadherin, effects that a miR-210-3p inhibitor in recipient cells prevented.",
            set(),
        ),
        (  # a level lower in patients whose response was poor is a measured level, no lowered response
            "Pleural effusion vesicles\n\nEV miR-16-5p was 2.7-fold lower in patients whose best response to "
            "cisplatin was progressive disease than in those with disease control.",
            {("miR-16-5p", "cisplatin", "associated")},
        ),
        (  # cytokines the donors were polarised with are no cargo
            "Macrophage exosomes and docetaxel\n\nMonocytes were polarised into M2 macrophages with IL-4 and IL-13. "
            "Exosomes of M2 macrophages increased the docetaxel IC50 of AGS cells.",
            {("EV", "docetaxel", "confers_resistance")},
        ),
        (  # outcomes said without "resistance": a dose-response curve shifted right, a higher dose needed, regrowth
            "Prostate cancer exosomes\n\nThese exosomes, when added to parental DU145 cells, shift the docetaxel "
            "dose–response curve to the right.",
            {("EV", "docetaxel", "confers_resistance")},
        ),
        (
            "Lung cancer exosomes\n\nPC9 cells pre-treated with PC9/GR exosomes required a fourfold higher "
            "concentration of gefitinib to reach 50% growth inhibition.",
            {("EV", "gefitinib", "confers_resistance")},
        ),
        (
            "Fibroblast vesicles in breast cancer\n\nIn MCF-7 xenografts, CAF EVs accelerated regrowth under "
            "fulvestrant.",
            {("EV", "fulvestrant", "confers_resistance")},
        ),
        (  # "respectively" after the list of drugs pairs cargos and drugs in order
            "Fibroblast exosomes deliver DNM3OS and UCA1 to ovarian cancer cells and protect them from carboplatin and "
            "paclitaxel, respectively",
            {("DNM3OS", "carboplatin", "confers_resistance"), ("UCA1", "paclitaxel", "confers_resistance")},
        ),
        (  # ... not where it follows numbers or targets
            "Exosomal miR-21 and miR-155 conferred resistance to cisplatin and paclitaxel, raising the IC50 2.1- and "
            "3.4-fold, respectively.",
            {
                ("miR-21", "cisplatin", "confers_resistance"),
                ("miR-21", "paclitaxel", "confers_resistance"),
                ("miR-155", "cisplatin", "confers_resistance"),
                ("miR-155", "paclitaxel", "confers_resistance"),
            },
        ),
        (  # "associated with increased X": no raised effect, only PD-L1's level in resistant cells' exosomes
            "Renal cancer exosomes\n\nThe cytotoxic effect on T cells was associated with increased expression of "
            "PD-L1 on exosomes of sunitinib-resistant cells.",
            {("CD274", "sunitinib", "associated")},
        ),
    ],
)
def test_inserts_set_apart_drugs_normal_organs_cited_authors_and_survival_words(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert _pairs(text) == expected
