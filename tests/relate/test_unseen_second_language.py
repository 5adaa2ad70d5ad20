"""Failure classes read on the dev part of the e batch of challenge abstracts (a literature-search mix, half of it in
the style of groups writing in a second language: long Background sentences, "Exo-" prefixes, results listed one
after another), written by a helper from the guidelines alone. Each case is written anew in the class's general
form, not copied; the pair cases fail on the code before them, the cue and entity cases pin what they rest on."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate
from pipeline.ingest import parse_text
from tests.relate.test_failure_classes import _cue_effects, _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Exo-miR-155" made with miR-155-5p mimics names the same mature miRNA: one cargo, not two
            "Results\n\nExosomes from HEK293T cells loaded with miR-155-5p mimics (Exo-miR-155) were taken up by "
            "resistant cells. Exo-miR-155 restored the sensitivity of A549/DDP cells to cisplatin.",
            {("miR-155-5p", "cisplatin", "sensitizes")},
        ),
        (  # an aim whose subject runs long ("We therefore asked whether [vesicles ... from ...] could transfer")
            "Methods and results\n\nWe therefore asked whether microvesicles released by the vincristine-selected "
            "K562/VCR line and by primary leukaemic blasts from patients with relapsed chronic myeloid leukaemia "
            "could transfer resistance to imatinib.",
            set(),
        ),
        (  # an infinitive of purpose is the statement: "transfer X to reverse D resistance" sensitises
            "Results\n\nExosomes from parental cells transfer miR-200c to reverse docetaxel resistance in prostate "
            "cancer cells.",
            {("miR-200c", "docetaxel", "sensitizes")},
        ),
        (  # a cargo in its own ", and" clause with a lexical verb of its own takes no statement of the other
            "Results\n\nHigh serum exosomal miR-1246 may predict early resistance to tamoxifen, and exosomal DNA "
            "provides a source for PIK3CA genotyping.",
            {("miR-1246", "tamoxifen", "predicts_resistance")},
        ),
        (  # a verb whose object is an activity named by what it does ("the pro-angiogenic effect") is no drug's
            "Results\n\nTreating leukaemia cells with nilotinib lowered exosomal miR-92a, thereby blunting the "
            "pro-angiogenic effect of the vesicles.",
            set(),
        ),
        (  # a level in a share of "patients who later developed" resistance is associated, not conferred
            "Results\n\nA rise of exosomal PD-L1 after two cycles was seen in 64% of patients who later developed "
            "resistance to pembrolizumab.",
            {("CD274", "pembrolizumab", "associated")},
        ),
    ],
)
def test_second_language_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("sentence", "effects"),
    [
        # (a guard) "cancer-associated fibroblasts" is a cell type: "-associated" is no verb of association
        ("Cancer-associated fibroblast exosomes help confer gemcitabine resistance.", {"confers_resistance"}),
        # (a guard) "their capacity to" is a faculty, no purpose: the outer cue stays, scoping the inner one
        (
            "Silencing Rab27a reduced their capacity to induce cisplatin resistance.",
            {"sensitizes", "confers_resistance"},
        ),
    ],
)
def test_cue_readings(sentence: str, effects: set[str]) -> None:
    assert _cue_effects(sentence) == effects


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("EVs carrying miR-21-5p mimics (EV-miR-21) were used; EV-miR-21 acted on PTEN.", {"miR-21-5p"}),
        # another arm is another mature miRNA: the bare name is not folded into it
        ("miR-21 was high, and miR-21-3p was low.", {"miR-21", "miR-21-3p"}),
    ],
)
def test_one_name_per_mature_mirna(text: str, names: set[str]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert {e.name for e in doc.entities if e.label == "MIRNA"} == names


def test_a_short_drug_form_is_one_word() -> None:
    """ "a DR-GFP reporter": the article and the reporter's letters are no "ADR" (Adriamycin)."""
    doc = annotate(parse_text("Repair was read with a DR-GFP reporter; ADR was given.", doc_id="t", source="t"))
    assert [e.text for e in doc.entities if e.label == "DRUG"] == ["ADR"]
