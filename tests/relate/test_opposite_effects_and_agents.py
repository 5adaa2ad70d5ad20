"""Failure classes read on the dev parts of the ar and as challenge batches and of the batches written after them
(au-ax): several drugs and agents in one sentence, each in its own part. Each case is written anew in the class's
general form, not copied from an item."""

from __future__ import annotations

import pytest

from tests.relate.test_failure_classes import _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a loss word after a gene is that gene's ("PTEN loss"): it turns no cargo named after the comma
            "Through PTEN loss, miR-21-bearing exosomes reduced cisplatin-induced apoptosis of SKOV3 cells.",
            {("miR-21", "cisplatin", "confers_resistance")},
        ),
        (  # a verb coordinated after an activity ("activity and raised") is the subject's second verb, no passive
            "Exosomal miR-34a impaired NHEJ reporter activity and raised cisplatin and carboplatin sensitivity "
            "twofold.",
            {("miR-34a", "cisplatin", "sensitizes"), ("miR-34a", "carboplatin", "sensitizes")},
        ),
        (  # a drug that, with another agent, abolishes the resistance is an agent, not the resisted drug
            "MCF-7/ADR exosomes transferred circPVT1 and induced doxorubicin resistance in MCF-7 cells. circPVT1 "
            "raised ABCB1 in recipient cells, and verapamil or an ABCB1 antibody abolished the acquired resistance.",
            {("circPVT1", "doxorubicin", "confers_resistance")},
        ),
        (  # "deepened the response" to a drug: more of its effect
            "CAF exosomes deepened responses to olaparib in OVCAR3 xenografts.",
            {("EV", "olaparib", "sensitizes")},
        ),
    ],
)
def test_several_drugs_and_agents(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "it" after a clause break is the first clause's cargo: the drug of its clause takes that clause's cue
            "Exosomal miR-21 increased resistance to cisplatin, while it sensitised cells to paclitaxel.",
            {("miR-21", "cisplatin", "confers_resistance"), ("miR-21", "paclitaxel", "sensitizes")},
        ),
        (  # ... and "they" every cargo before it
            "Exosomal miR-21 and miR-155 increased resistance to cisplatin, but they also sensitised cells to "
            "paclitaxel.",
            {
                ("miR-21", "cisplatin", "confers_resistance"),
                ("miR-155", "cisplatin", "confers_resistance"),
                ("miR-21", "paclitaxel", "sensitizes"),
                ("miR-155", "paclitaxel", "sensitizes"),
            },
        ),
        (  # a loss of the vesicles that undid the statement before it confirms it
            "Conditioned medium of CAFs protected PANC-1 cells from gemcitabine, an effect abolished after sEV "
            "depletion.",
            {("EV", "gemcitabine", "confers_resistance")},
        ),
        (  # "but not predictive of D": the cue's own word is denied
            "Plasma exosomal miR-141 is prognostic but not predictive of cabazitaxel benefit in prostate cancer.",
            set(),
        ),
        (  # a drug named only in a clause that leaves a question open resists nothing
            "Serum exosomal miR-451 has been linked with relapse, but whether it helps to choose between "
            "gemcitabine and other drugs is unknown.",
            set(),
        ),
        (  # cargos that "showed no relationship" with the outcome take no statement of the study (nor the drug of
            # a sentence that denies one)
            "Low exosomal miR-125b predicted early progression on sorafenib. Exosomal miR-122 and miR-221 showed no "
            "relationship with treatment outcome. In a cohort receiving lenvatinib, exosomal miR-125b was not related "
            "to response.",
            {("miR-125b", "sorafenib", "predicts_resistance")},
        ),
        (  # a difference that "was not replicated" is denied
            "Exosomal MALAT1 predicted primary resistance to pembrolizumab. Exosomal NEAT1 was higher in patients "
            "with primary resistance in the discovery cohort only, and this was not replicated.",
            {("MALAT1", "pembrolizumab", "predicts_resistance")},
        ),
        (  # the cargo of a sentence on earlier work is not the study's
            "Vesicles carrying miR-365 have each been studied in models of pancreatic cancer. Plasma EV-bound EphA2 "
            "predicted resistance to gemcitabine.",
            {("EPHA2", "gemcitabine", "predicts_resistance")},
        ),
    ],
)
def test_pronouns_denials_and_agents(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the drug that turns a cargo off is an agent; the cargo it switches off confers what it prevents
            "Metformin switches off the stromal lncRNA NEAT1 and prevents exosome-transmitted letrozole resistance.",
            {("NEAT1", "letrozole", "confers_resistance")},
        ),
        (  # cells "made resistant" that release vesicles are the donors, described: what their vesicles hold is a
            # measured difference, not a cargo that makes cells resistant
            "MKN-45 cells made 5-fluorouracil-resistant released exosomes with sixfold more miR-30a than the parental "
            "line.",
            {("miR-30a", "fluorouracil", "associated")},
        ),
        (  # a verb that "flags poor response" to a drug predicts
            "Plasma exosomal circSMARCA5 flags poor response to sorafenib in hepatocellular carcinoma.",
            {("circSMARCA5", "sorafenib", "predicts_resistance")},
        ),
        (  # "abolished the chemosensitising effect": the verb acts on an effect the adjective names
            "Stromal EVs increased apoptosis induced by cytarabine. Silencing miR-451a in the stromal cells abolished "
            "the chemosensitising effect of their EVs.",
            {("EV", "cytarabine", "sensitizes"), ("miR-451a", "cytarabine", "sensitizes")},
        ),
        (  # a reagent given before that abolishes the vesicles' effect is a tool, however the sentence repeats it
            "Exosomes carrying MGMT mRNA reduced temozolomide-induced apoptosis. Pre-treatment of recipient cells "
            "with O6-benzylguanine (O6-BG), a pseudosubstrate that inactivates MGMT, abolished the protective effect "
            "of the exosomes.",
            {("MGMT", "temozolomide", "confers_resistance")},
        ),
        (  # "abolished the sensitisation" after a knock-down that had no effect: the cargo sensitises
            "Stromal exosomes rich in miR-34a-5p lowered the etoposide IC50 of A673 cells. Exosomes from MSCs "
            "transfected with a miR-34a-5p inhibitor had no effect on etoposide responses, and SIRT1 overexpression "
            "abolished the sensitisation.",
            {("miR-34a-5p", "etoposide", "sensitizes")},
        ),
        (  # the cargo's name again as what an inhibitor inhibits, before the cue: inhibiting it undid the effect
            "Exosomal FABP4 was required for this effect, and the FABP4 inhibitor BMS309403 restored "
            "carboplatin-induced apoptosis of exosome-treated cells.",
            {("FABP4", "carboplatin", "confers_resistance")},
        ),
        (  # a claim the sentence cautions against is not stated
            "These results caution against assuming that exosomes of cisplatin-resistant cells transmit resistance.",
            set(),
        ),
    ],
)
def test_agents_donors_and_undone_effects(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a prediction of progression in a cohort named as receiving the drug
            "In plasma EVs from 61 patients receiving capecitabine, higher exosomal miR-200a before treatment "
            "predicted early progression.",
            {("miR-200a", "capecitabine", "predicts_resistance")},
        ),
        (  # the class written out in full with its short form
            "Poly(ADP-ribose) polymerase inhibitors (PARPi) are used as maintenance. In 40 patients receiving PARPi "
            "maintenance, high plasma exosomal miR-223 predicted early progression.",
            {("miR-223", "PARP inhibitors", "predicts_resistance")},
        ),
        (  # a level that rose between baseline and progression on the drug: a measured difference
            "In paired plasma EVs from 15 patients, EGFR rose between baseline and progression on osimertinib.",
            {("EGFR", "osimertinib", "associated")},
        ),
        (  # ... or that is higher at progression than at baseline
            "At progression on alectinib, EV transcripts of AXL were fourfold more abundant than at baseline.",
            {("AXL", "alectinib", "associated")},
        ),
        (  # vesicles of resistant cells enriched in a molecule: a measured difference
            "Exosomes of sorafenib-resistant cells were enriched in integrin β1.",
            {("ITGB1", "sorafenib", "associated")},
        ),
    ],
)
def test_predictions_and_levels_in_cohorts(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "abolished the loss of D sensitivity": the sensitivity kept, turned again by the inhibitor of the cargo
            "The exosomes transferred miR-222 to recipient cells, and an anti-miR-222 oligonucleotide in the donor "
            "cells abolished the loss of erlotinib sensitivity.",
            {("miR-222", "erlotinib", "confers_resistance")},
        ),
        (  # a level that rose before progression on the drug is a measured difference; one "with no such rebound"
            # is denied
            "In patients who progressed on venetoclax, exosomal miR-181a rose three months before clinical "
            "progression; exosomal miR-16 showed no such rebound.",
            {("miR-181a", "venetoclax", "associated")},
        ),
        (  # a level lower in patients without response (or disease control) to the drug: a measured difference
            "Exosomal miR-126 was lower in patients without disease control on sunitinib than in those with it.",
            {("miR-126", "sunitinib", "associated")},
        ),
        (
            "Exosomal miR-31 was lower in patients without response to panitumumab (P = 0.02).",
            {("miR-31", "panitumumab", "associated")},
        ),
        (  # vesicles from donors expressing a decoy of the cargo that "no longer protected": the cargo confers
            "Exosomal miR-155 lowered DCK, and exosomes from MSCs expressing a miR-155 decoy no longer protected "
            "leukaemic cells from cytarabine.",
            {("miR-155", "cytarabine", "confers_resistance")},
        ),
        (  # "twice as sensitive to" a drug
            "Cells that had received miR-1290-rich exosomes were twice as sensitive to everolimus.",
            {("miR-1290", "everolimus", "sensitizes")},
        ),
        (  # a tendency that did not reach significance is no measured difference
            "Exosomal miR-125b tended to be lower in poor responders to sorafenib, but the difference did not reach "
            "significance.",
            set(),
        ),
        (  # a viral miRNA is a cargo like any other
            "Exosomes of EBV-positive cells delivered ebv-miR-BART10-3p to recipient cells and conferred cisplatin "
            "resistance on them.",
            {("miR-BART10-3p", "cisplatin", "confers_resistance")},
        ),
    ],
)
def test_losses_and_rebounds(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a unit that measured the vesicles' proteins: the genes whose levels it reports are their cargo, and
            # a level correlated with tumour shrinkage after a drug predicts the response to it
            "Plasma EVs of 40 patients were profiled by proteomics, and EV protein changes were correlated with "
            "tumour shrinkage. FN1 and THBS1 levels correlated inversely with tumour shrinkage after docetaxel.",
            {("FN1", "docetaxel", "predicts_resistance"), ("THBS1", "docetaxel", "predicts_resistance")},
        ),
        (  # without the vesicles' proteins measured, genes named by their levels are no cargo
            "Plasma EVs of 40 patients were counted. FN1 levels correlated inversely with tumour shrinkage after "
            "docetaxel.",
            set(),
        ),
        (  # "predicted tumour regression" on a drug: a prediction
            "Baseline exosomal miR-155 predicted tumour regression on sunitinib.",
            {("miR-155", "sunitinib", "predicts_resistance")},
        ),
        (  # a miRNA list whose members leave the prefix out ("221-3p"): one row for each member
            "Serum exosomal miR-21-5p, 221-3p and 146a-5p predicted the response to neoadjuvant chemotherapy.",
            {
                ("miR-21-5p", "chemotherapy", "predicts_resistance"),
                ("miR-221-3p", "chemotherapy", "predicts_resistance"),
                ("miR-146a-5p", "chemotherapy", "predicts_resistance"),
            },
        ),
    ],
)
def test_fresh_real_abstract_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    """Classes the 2026-12-07 real batch's dev part showed (each written anew in its general form)."""
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the nearer verb governs the object: "-induced" before "... that lowers D sensitivity" turns nothing
            "Exosomal miR-210 acts as a stress-induced signal that lowers gemcitabine sensitivity of PANC-1 cells.",
            {("miR-210", "gemcitabine", "confers_resistance")},
        ),
        (  # "pass on" / "hand on" resistance
            "Resistant HepG2 cells handed on sorafenib tolerance through exosomal circRNA-100338.",
            {("circ100338", "sorafenib", "confers_resistance")},
        ),
        (  # residual disease after the drugs is a poor response
            "High serum exosomal miR-200c was associated with residual disease after docetaxel.",
            {("miR-200c", "docetaxel", "predicts_resistance")},
        ),
        (  # a drug that depletes cells in the experiment is a tool, not a resisted drug
            "Liposomal clodronate-mediated macrophage depletion improved docetaxel efficacy in mice. Exosomal miR-365 "
            "from macrophages reduced docetaxel sensitivity of LNCaP cells.",
            {("miR-365", "docetaxel", "confers_resistance")},
        ),
        (  # a marker that identifies patients likely to resist the drug predicts resistance
            "Plasma exosomal ITGB3 identified patients likely to resist sunitinib.",
            {("ITGB3", "sunitinib", "predicts_resistance")},
        ),
        (  # "signals response" is a prediction, not more of the drug's effect
            "In patients on nivolumab, a fall in exosomal CD274 at week 4 heralded response.",
            {("CD274", "nivolumab", "predicts_resistance")},
        ),
    ],
)
def test_fresh_challenge_batch_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    """Classes the ay-bb challenge batches' dev parts showed (each written anew in its general form)."""
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # what other reports propose is earlier work; the paper's own finding denies it
            "Several reports claim that exosomes transmit oxaliplatin resistance between colorectal cancer cells. "
            "In our hands, exosomes of HCT116/L-OHP cells did not alter oxaliplatin sensitivity of HCT116 cells.",
            set(),
        ),
        (  # a cargo denied any relation to the (pathological) response takes no statement of the unit
            "Neoadjuvant epirubicin improved pathological response in women whose tumours were ESR1-positive. "
            "Plasma exosomal ESR1 mRNA was detected in 30 women and was not associated with pathological response.",
            set(),
        ),
        (  # the free form of a protein and a vesicle-depleted fraction hold no vesicle cargo
            "Exosomes were separated from plasma of 80 patients on atezolizumab. In the exosome-depleted fraction, "
            "CXCL10 was higher in patients without benefit, and soluble PD-L1 was higher in non-responders.",
            set(),
        ),
        (  # a gene's promoter methylation is the tumour's state, and an assay's sensitivity is no drug's
            "MGMT promoter methylation may sensitise gliomas to temozolomide. MGMT was detected in plasma EV DNA of "
            "12 patients, but EV-DNA assays need gains in sensitivity before clinical use.",
            set(),
        ),
    ],
)
def test_denials_free_forms_and_assays(text: str, expected: set[tuple[str, str, str]]) -> None:
    """Look-alike classes of the ay-bb batches' dev parts (written anew): no row."""
    assert _pairs(text) == expected


def test_undoing_a_drug_named_sensitisation_turns_the_knocked_down_cargo() -> None:
    """A drug before the bare noun ("abolished the docetaxel sensitisation") names whose response it is, no subject
    of it, so the undoing verb keeps its cue and the cargo's sponge turns it back to sensitisation."""
    text = "A miR-1246 sponge in PANC-1 cells abolished the gemcitabine sensitisation by fibroblast exosomes."
    assert _pairs(text) == {("miR-1246", "gemcitabine", "sensitizes")}


def test_a_structured_abstracts_background_states_what_was_known() -> None:
    """The Background part of a structured abstract tells what was known before: its cues are no finding."""
    text = (
        "Serum exosomal miR-155 in breast cancer\n\n"
        "Background: Autophagy promotes paclitaxel resistance, and miR-155 targets the autophagy gene ATG3.\n"
        "Methods: Serum exosomes of 80 women were collected before paclitaxel.\n"
        "Results: High serum exosomal miR-155 predicted a poor response to paclitaxel."
    )
    assert _pairs(text) == {("miR-155", "paclitaxel", "predicts_resistance")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "AR inhibitors" is the class of drugs, not the gene AR with an inhibitor that turns a denial round
            "Androgen receptor (AR) signalling drives prostate cancer. EVs from enzalutamide-resistant LNCaP cells "
            "did not confer resistance to AR inhibitors.",
            set(),
        ),
        (  # a claim the paper calls unlikely is denied
            "We conclude that exosomal transfer of miR-100 is unlikely to contribute to acquired erlotinib resistance.",
            set(),
        ),
        (  # a cargo found at similar levels in the vesicles of resistant and parental cells differs in nothing
            "Exosomal miR-7 was detected in exosomes from erlotinib-resistant and parental cells at similar levels.",
            set(),
        ),
    ],
)
def test_negative_studies(text: str, expected: set[tuple[str, str, str]]) -> None:
    """Negative replication studies of the bb batch's dev part (written anew): no row."""
    assert _pairs(text) == expected


def test_its_restoration_undoes_the_loss() -> None:
    """A lost cargo and its restoration as the subject of a sensitising cue: the restored cargo sensitises."""
    text = (
        "Loss of exosomal miR-34a from docetaxel-resistant cells, and its re-expression, restores docetaxel response."
    )
    assert _pairs(text) == {("miR-34a", "docetaxel", "sensitizes")}
