"""Failure classes read on the dev parts of the ac, ad, ae and af batches of challenge abstracts (short plain
abstracts, findings in unusual places, rarer cargo and unusual donors, negations and cohorts), written by helpers from
the guidelines alone. Each case is written anew in the class's general form, not copied; most pair cases and
both cue cases fail on the code before them, the others pin what the new readings must keep."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate
from pipeline.ingest import parse_text
from tests.relate.test_failure_classes import _cue_effects, _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a second drug after a degree set off by commas and a repeated preposition is still resisted
            "Results\n\nExosomal miR-21 conferred resistance to cisplatin and, to a lesser extent, to etoposide on "
            "recipient cells.",
            {("miR-21", "cisplatin", "confers_resistance"), ("miR-21", "etoposide", "confers_resistance")},
        ),
        (  # a second drug named after its class, whose words hold a gene of their own ("oestrogen receptor")
            "Results\n\nExosomal miR-221 conferred resistance to the aromatase inhibitor anastrozole and the "
            "selective oestrogen receptor modulator tamoxifen.",
            {("miR-221", "anastrozole", "confers_resistance"), ("miR-221", "tamoxifen", "confers_resistance")},
        ),
        (  # "tolerated the drug better", "the IC50 increased", "apoptosis fell": resistance, said intransitively
            "Results\n\nExosomes of resistant cells delivered miR-1246 to parental cells. Cells receiving this miRNA "
            "tolerated gemcitabine much better: the IC50 increased threefold and gemcitabine-induced apoptosis fell.",
            {("miR-1246", "gemcitabine", "confers_resistance")},
        ),
        (  # "abrogated the effect," refers back like "this effect"; the knocked-down cargo is the subject of the
            # verb after it, not of the cue nearest the drug
            "Results\n\nExosomes from CAFs carried miR-92a and attenuated oxaliplatin-induced apoptosis of HCT116 "
            "cells, and antagomir-mediated depletion of miR-92a in the CAFs abrogated the effect.",
            {("miR-92a", "oxaliplatin", "confers_resistance")},
        ),
        (  # a claim the authors argue against, further before its cue than a plain "not"
            "Results\n\nExosomes of resistant cells were taken up by parental cells. Thus, our data argue against "
            "exosome-mediated transfer of miRNAs between cells as a relevant mechanism of acquired docetaxel "
            "resistance.",
            set(),
        ),
        (  # a relation that "could not be assessed" names no drug a finding resisted
            "Results\n\nTumour exosomes carrying galectin-9 induced apoptosis of CD8+ T cells. No patient had received "
            "therapy, so the relation with the response to immune checkpoint inhibitors could not be assessed.",
            set(),
        ),
        (  # the same in both kinds of cells, "without a significant difference": no measured difference
            "Results\n\nExosomal miR-135b was abundant in exosomes of both resistant and parental cells, without a "
            "significant difference between them, and did not change the IC50 of recipient cells to gemcitabine.",
            set(),
        ),
        (  # a level "irrespective of outcome" takes no prediction of the unit
            "Results\n\nEV miR-21 was elevated in patients with the germinal-centre subtype, irrespective of "
            "outcome. By contrast, EV miR-34a predicted failure of R-CHOP.",
            {
                ("miR-34a", drug, "predicts_resistance")
                for drug in ("rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone")
            },
        ),
        (  # a question the sentence leaves open ("Whether ... remains debated") is no finding
            "Whether exosomes transfer gemcitabine resistance between pancreatic cancer cells remains debated.",
            set(),
        ),
        (  # "killed more efficiently by" a drug: sensitised
            "Results\n\nExosomes of sensitive cells delivered miR-7 to resistant cells. These recipients were killed "
            "more efficiently by sorafenib.",
            {("miR-7", "sorafenib", "sensitizes")},
        ),
        (  # a gene that controls the cargo ("a miRNA controlled by SOX2") is no cargo of its own
            "Results\n\nmiR-302b, a stemness miRNA controlled by SOX2, was enriched in exosomes of resistant cells "
            "and conferred cisplatin resistance on recipient cells.",
            {("miR-302b", "cisplatin", "confers_resistance")},
        ),
        (  # an earlier cargo silenced in the donors of this sentence turns its statement
            "Results\n\nExosomes of sensitive cells carried lncRNA MEG3 and reduced the colony formation of resistant "
            "cells under cisplatin. When MEG3 was silenced in the donor cells, their exosomes rendered parental "
            "cells less responsive to cisplatin.",
            {("MEG3", "cisplatin", "sensitizes")},
        ),
        (  # a tRNA-derived fragment is a cargo of its own, not only the vesicles
            "Results\n\nStromal sEVs delivered tRF-5022B to leukaemic cells and conferred resistance to cytarabine.",
            {("tRF-5022B", "cytarabine", "confers_resistance")},
        ),
        (  # a Y RNA fragment by its HGNC alias ("hY4" of RNY4) predicts; drugs named for future work do not
            "Results\n\nHigh plasma EV hY4 fragments predicted failure of azacitidine. These fragments warrant "
            "evaluation in cohorts treated with decitabine.",
            {("RNY4", "azacitidine", "predicts_resistance")},
        ),
        (  # patients grouped by a level after a structured label: a prediction, no cause
            "Results: Men with high exosomal miR-375 had a lower PSA response rate on enzalutamide.",
            {("miR-375", "enzalutamide", "predicts_resistance")},
        ),
        (  # "these drugs" refers back to drugs, not to a cargo
            "Exosomal miR-7 restores gefitinib sensitivity\n\nAcquired resistance to EGFR tyrosine kinase "
            "inhibitors limits the benefit of these drugs. Exosomal miR-7 sensitised resistant cells to gefitinib.",
            {("miR-7", "gefitinib", "sensitizes")},
        ),
        (  # a drug that "reversed this effect" is a tool of the experiment, no drug resisted
            "Results\n\nExosomal circ-ABC1 accelerated tumour growth under gemcitabine, and 2-deoxyglucose reversed "
            "this effect.",
            {("circABC1", "gemcitabine", "confers_resistance")},
        ),
        (  # a molecule with "no significant effect on" the response keeps only its measured difference
            "Results\n\nmiR-221 and miR-222 were enriched in exosomes of resistant cells. Exosomal miR-222 had no "
            "significant effect on cisplatin response, whereas exosomal miR-221 reduced the sensitivity of recipient "
            "cells to cisplatin.",
            {("miR-221", "cisplatin", "confers_resistance"), ("miR-222", "cisplatin", "associated")},
        ),
        (  # "showed no significant difference by response": the measured molecules are denied a difference
            "Results\n\nCD38+ EVs predicted refractoriness to daratumumab. EV-associated PD-L1 and CD138 showed no "
            "significant difference by response.",
            {("CD38", "daratumumab", "predicts_resistance")},
        ),
        (  # "necessary for this effect" refers back and keeps it
            "Results\n\nExosomes of resistant cells raised the cisplatin IC50 of parental cells. Exosomal miR-21 was "
            "necessary for this effect.",
            {("EV", "cisplatin", "confers_resistance"), ("miR-21", "cisplatin", "confers_resistance")},
        ),
        # read on the dev parts of the ag and ah batches (less common cancers, drugs named many ways; second-language
        # and terse styles), scored once before
        (  # an RNA "barely detectable in exosomes" is no vesicle cargo: its effect is the cell's own
            "Results\n\nDANCR conferred paclitaxel resistance on endometrial cancer cells. DANCR was barely "
            "detectable in exosomes from resistant cells.",
            set(),
        ),
        (  # earlier studies "have nominated" candidates: background, no finding of this study
            "Results\n\nSeveral small studies have nominated exosomal miR-21 as a predictor of response to "
            "neoadjuvant chemotherapy. We measured exosomal miR-21 in 200 patients.",
            set(),
        ),
        (  # "MYCN-amplified" cells: a genotype, no cargo
            "Results\n\nNK cell exosomes delivered miR-186-5p and sensitised MYCN-amplified neuroblastoma cells to "
            "etoposide.",
            {("miR-186-5p", "etoposide", "sensitizes")},
        ),
        (  # "chimeric antigen receptor T (CAR-T)" names engineered cells, no gene and no cargo
            "Results\n\nChimeric antigen receptor T (CAR-T) cells were exhausted by exosomes carrying CD19, which "
            "contributed to the resistance of lymphoma to CAR-T cell therapy.",
            {("CD19", "cell therapy", "confers_resistance")},
        ),
        (  # endothelial cells' growth is no drug response of cancer cells
            "Results\n\nExosomes from cisplatin-treated cells carried miR-130a and promoted the proliferation and "
            "tube formation of human umbilical vein endothelial cells.",
            set(),
        ),
        (  # "resistance to BRAF/MEK inhibition" names a therapy by what it does: no lowering of resistance
            "Results\n\nEGFR was detectable in sEVs of resistant cells. Acquired resistance to BRAF/MEK inhibition "
            "is cell-autonomous.",
            set(),
        ),
        (  # "The effect extended to D": the earlier statement, for another drug
            "Results\n\nThese exosomes delivered 14-3-3ζ to Huh7 cells and raised the lenvatinib IC50 2.9-fold. The "
            "effect extended to sorafenib but not to doxorubicin.",
            {("YWHAZ", "lenvatinib", "confers_resistance"), ("YWHAZ", "sorafenib", "confers_resistance")},
        ),
        (  # a miRNA cluster beside the members the text names: the members are the cargo
            "Results\n\nExosomes from M2 microglia delivered the miR-17-92 cluster members miR-19b-3p and miR-92a-3p, "
            "which conferred temozolomide resistance on glioma cells.",
            {
                ("miR-19b-3p", "temozolomide", "confers_resistance"),
                ("miR-92a-3p", "temozolomide", "confers_resistance"),
            },
        ),
        (  # "only associated with it": the second cargo's own clause says what it is, not the first's prediction
            "Results\n\nIn conclusion, serum exosomal ANXA3 is a predictor of platinum resistance, while exosomal "
            "GST-π is only associated with it.",
            {("ANXA3", "platinum compounds", "predicts_resistance"), ("GSTP1", "platinum compounds", "associated")},
        ),
        (  # a level rising in the patients who benefit is a measured difference
            "Results\n\nDuring nivolumab treatment, EV miR-29c-3p rose in patients with clinical benefit but not in "
            "those without.",
            {("miR-29c-3p", "nivolumab", "associated")},
        ),
        (  # "underlies" states the resistance; "Exosome-mediated" is an adjective, no verb
            "Exosome-mediated transfer of lncRNA H19 underlies gefitinib resistance in lung cancer",
            {("H19", "gefitinib", "confers_resistance")},
        ),
    ],
)
def test_rarer_cargo_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("sentence", "effects"),
    [
        ("Vesicles transferred the inhibitor of apoptosis protein survivin to parental cells.", set()),
        ("The IC50 of the recipient cells decreased from 11 to 4 µM.", {"sensitizes"}),
    ],
)
def test_cue_readings(sentence: str, effects: set[str]) -> None:
    assert _cue_effects(sentence) == effects


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Exosomal piR-hsa-27620 and piR-823 rose.", [("piR-hsa-27620", "NCRNA"), ("piR-823", "NCRNA")]),
        ("tRF-3001b and 5'-tiRNA-Val-CAC were loaded.", [("tRF-3001b", "NCRNA"), ("5'-tiRNA-Val-CAC", "NCRNA")]),
        (
            "Fragments of RNY4 (hY4) and SNORD17 were abundant.",
            [("RNY4", "NCRNA"), ("RNY4", "NCRNA"), ("SNORD17", "NCRNA")],
        ),
        # the short aliases other things share ("E2" is oestradiol, "U1" a snRNP, "TR" a receptor) are no small RNA
        ("E2, U1 and TR were measured.", []),
        ("Exosomes delivered 14-3-3ζ.", []),  # a Greek letter glued to a name: the gene (YWHAZ), no small RNA
        # a gene named between where it was measured and what of it defines a short form: the gene
        ("Exosomal PD-L1 protein (exoPD-L1) was higher; exoPD-L1 predicted resistance.", []),
    ],
)
def test_small_noncoding_rnas(text: str, entities: list[tuple[str, str]]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert [(e.name, e.label) for e in doc.entities if e.label == "NCRNA"] == entities


def test_a_short_form_of_a_gene_measured_in_vesicles_is_the_gene() -> None:
    doc = annotate(parse_text("Exosomal PD-L1 protein (exoPD-L1) was higher; exoPD-L1 rose.", doc_id="t", source="t"))
    assert {(e.text, e.name) for e in doc.entities} == {("Exosomal PD-L1 protein", "CD274"), ("exoPD-L1", "CD274")}


@pytest.mark.parametrize(
    ("text", "name"),
    [("Exosomes delivered 14-3-3ζ to cells.", "YWHAZ"), ("Exosomes delivered 14-3-3 zeta to cells.", "YWHAZ")],
)
def test_greek_letter_glued_to_a_name(text: str, name: str) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert [e.name for e in doc.entities if e.label == "GENE"] == [name]
