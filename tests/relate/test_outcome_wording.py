"""Failure classes of the bc- to bf-batches' dev part (2026-12-07): effects phrased through outcomes, drugs
coordinated in one phrase, vesicle abbreviations a paper coins, options a conclusion weighs, and response
yardsticks that are genes. Text in, (cargo, drug, effect) out."""

from __future__ import annotations

import pytest

from tests.relate.test_failure_classes import _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "growth-inhibitory effect" names the drug's effect: no lowering word before "effect"
            "Results\n\nExosomal miR-579-3p restored the growth-inhibitory effect of dabrafenib in resistant A375 "
            "cells.",
            {("miR-579-3p", "dabrafenib", "sensitizes")},
        ),
        (  # an appositive that says a loss undid the statement confirms it: the silenced cargo is not turned round
            "These exosomes promoted the survival of serum-starved and paclitaxel-treated SKBR3 cells, an effect that "
            "could be blocked when survivin was silenced by siRNA in these vesicles.",
            {("BIRC5", "paclitaxel", "confers_resistance")},
        ),
        (  # "patients who did not enter remission" names a group: no negation of the prediction after it
            "Results\n\nExosomal miR-125b-5p was higher in patients who did not enter remission, and it predicted "
            "failure to achieve complete remission with cytarabine.",
            {("miR-125b-5p", "cytarabine", "predicts_resistance")},
        ),
        (  # the options a marker may help choose between are no drugs of the finding
            "Conclusions\n\nPlasma exosomal miR-1290 predicts early progression on docetaxel and may help choose "
            "between taxane chemotherapy and alternative agents.",
            {("miR-1290", "docetaxel", "predicts_resistance")},
        ),
        (  # a second drug in the same phrase, with the same preposition, shares the first one's role
            "Results\n\nCo-culture with H446/EP exosomes reduced apoptosis of H446 cells after etoposide from 37% to "
            "16% and after cisplatin from 31% to 14%.",
            {("EV", "etoposide", "confers_resistance"), ("EV", "cisplatin", "confers_resistance")},
        ),
        (  # ... and "that of" repeats the first one's noun
            "Results\n\nExosomes from UWB1.289/OLA cells raised the olaparib IC50 of parental cells fivefold and that "
            "of niraparib 3.8-fold.",
            {("EV", "olaparib", "confers_resistance"), ("EV", "niraparib", "confers_resistance")},
        ),
        (  # a vesicle abbreviation whose definition the first-letter rule reads too far back ("Platelets ...")
            "Results\n\nPlatelets shed extracellular vesicles (PEVs). PEVs were internalised by KYSE150 cells and "
            "decreased cisplatin-induced apoptosis by 40%.",
            {("EV", "cisplatin", "confers_resistance")},
        ),
        (  # "PSA response" is the response's yardstick, no cargo
            "Results\n\nHigh plasma exosomal miR-1290 predicted a poor PSA response to docetaxel.",
            {("miR-1290", "docetaxel", "predicts_resistance")},
        ),
        (  # a cargo that "showed no relation" to the outcome takes no statement of the unit
            "Results\n\nHigh plasma exosomal miR-1290 predicted a poor response to docetaxel. Exosomal miR-21-5p "
            "showed no relation to either endpoint.",
            {("miR-1290", "docetaxel", "predicts_resistance")},
        ),
    ],
)
def test_outcome_wording(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected
