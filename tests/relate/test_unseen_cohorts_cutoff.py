"""Failure classes read on the dev parts of the 2026-12-07 additions: twelve more real abstracts (tests/gold/relations/
docs) and the ai and aj batches of challenge abstracts (texts cut off as journal pages show them; effects hard to
tell apart in cohorts and mechanistic studies), written by helpers from the guidelines alone. Each case is written
anew in the class's general form, not copied; the pair cases fail on the code before them unless marked as pinning
what the new readings must keep."""

from __future__ import annotations

import pytest

from tests.relate.test_failure_classes import _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "poorly responding patients" are non-responders; "OS" the paper defines as osteosarcoma is no survival
            "Serum exosomal miRNAs in osteosarcoma (OS) treated with chemotherapy\n\nWe profiled serum exosomes of OS "
            "patients. miR-124 and miR-385 were reduced in poorly responding patients of an independent OS cohort.",
            {("miR-124", "chemotherapy", "associated"), ("miR-385", "chemotherapy", "associated")},
        ),
        (  # pinned: undefined, "OS" is overall survival, and a survival statement takes no drug's statement
            "Serum exosomal miRNAs in gastric cancer treated with chemotherapy\n\nWe profiled serum exosomes. High "
            "miR-124 was associated with shorter OS.",
            set(),
        ),
    ],
)
def test_cohort_and_cutoff_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected
