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
