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
