"""End-of-line hyphens: one rule for text and PDF input, decided by the paper's own words."""

import pytest

from pipeline.ingest.hyphens import HYPHEN_MARK, keep_hyphen, resolve, vocabulary
from pipeline.ingest.pdf_words import dehyphenate

PAPER = "Compounds were tested. Drug-resistant cells and chemoresistance. The antigen-presenting DCs."


@pytest.mark.parametrize(
    ("head", "tail", "kept"),
    [
        ("chemo", "resistance", False),  # written joined elsewhere
        ("Drug", "resistant", True),  # written hyphenated elsewhere
        ("antigen", "presenting", True),
        ("Com", "pounds", False),  # a capital does not keep it when the word is known joined
        ("immuno", "precipitation", False),  # unknown: a word broken between lower-case letters
        ("IL", "6", True),  # capitals or digits: a name with a hyphen
        ("MDA", "MB", True),
    ],
)
def test_keep_hyphen(head: str, tail: str, kept: bool) -> None:
    assert keep_hyphen(head, tail, vocabulary(PAPER)) is kept


def test_pdf_lines_are_marked_then_resolved_by_the_paper() -> None:
    text = dehyphenate(["Exosomes from drug-", "resistant cells and chemo-", "resistance of MDA-MB-", "231 cells."])
    assert text.count(HYPHEN_MARK) == 2
    assert resolve([text, PAPER])[0] == "Exosomes from drug-resistant cells and chemoresistance of MDA-MB-231 cells."
