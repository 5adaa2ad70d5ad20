import pytest

from pipeline.ingest.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Raposo et al. identified proteins. Then more.", ["Raposo et al. identified proteins.", "Then more."]),
        # a name with a digit opens a sentence in lower case
        (
            "It rose in A549 cells. circ_0001946 was detected. p53 was mutated.",
            ["It rose in A549 cells.", "circ_0001946 was detected.", "p53 was mutated."],
        ),
        ("Markers, e.g. CD151, are found. Next.", ["Markers, e.g. CD151, are found.", "Next."]),
        ("That is, i.e. the same. Yes.", ["That is, i.e. the same.", "Yes."]),
        ("It was 0.05 vs. 0.1 here. Then.", ["It was 0.05 vs. 0.1 here.", "Then."]),
        ("See Fig. 2 for details. Then.", ["See Fig. 2 for details.", "Then."]),
        ("It was shown in vitro. The mice.", ["It was shown in vitro.", "The mice."]),
        ("Levels rose (p < 0.0001). Next one.", ["Levels rose (p < 0.0001).", "Next one."]),
        ("It binds Hsp90. It also binds MICA*008.", ["It binds Hsp90.", "It also binds MICA*008."]),
        ("Cells took them up. sEVs bind to receptors.", ["Cells took them up.", "sEVs bind to receptors."]),
        ("It is high. miR-155 was described.", ["It is high.", "miR-155 was described."]),
        ("Table 2. Deregulation of miRNAs", ["Table 2. Deregulation of miRNAs"]),
        ("B. Smith showed it. Then.", ["B. Smith showed it.", "Then."]),
        (
            "It was protected from DNase I. In a cohort it rose.",
            ["It was protected from DNase I.", "In a cohort it rose."],
        ),
        ("as shown by Smith J. Brown later.", ["as shown by Smith J. Brown later."]),
        ("A value of 3.5 mg. Next.", ["A value of 3.5 mg.", "Next."]),
        ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
        ("(This is new.) Next one.", ["(This is new.)", "Next one."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


def test_split_sentences_forced_break() -> None:
    text = "It was shown by Wei et al. Although they tried"
    assert [text[s:e] for s, e in split_sentences(text, breaks=[len("It was shown by Wei et al.")])] == [
        "It was shown by Wei et al.",
        "Although they tried",
    ]
