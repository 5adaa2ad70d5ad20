"""Failure classes read on the dev part of the aa batch of challenge abstracts (the mix of the last three years:
protein and DNA cargo, targeted and immune therapies, one cargo with several drugs), written by a helper from the
guidelines alone. Each case is written anew in the class's general form, not copied; the pair cases fail on the code
before them, the cue and entity cases pin what they rest on."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate
from pipeline.ingest import parse_text
from pipeline.relate.resistance import sentence_facts
from pipeline.relate.units import entities_in
from tests.relate.test_failure_classes import _cue_effects, _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a denial of the predictor itself after "but not as": no prediction, only the level
            "Results\n\nExosomal miR-19b was higher in patients with platinum-resistant relapse. Serum exosomal "
            "miR-19b may thus serve as a prognostic marker in ovarian cancer, but not as a predictor of platinum "
            "response.",
            {("miR-19b", "platinum compounds", "associated")},
        ),
        (  # a mechanism named with several words before it ("a hypoxia-driven decoy mechanism of")
            "Results\n\nThese data identify HER2-loaded exosomes as a stroma-driven decoy mechanism of trastuzumab "
            "resistance.",
            {("ERBB2", "trastuzumab", "confers_resistance")},
        ),
        (  # a level at progression on a drug is a measured difference
            "Results\n\nSerum exosomal miR-27a rose at progression on gefitinib in 9 of 12 patients.",
            {("miR-27a", "gefitinib", "associated")},
        ),
        (  # (a guard) a drug whose response "was not significantly affected" is no drug of the statement
            "Results\n\nExosomal miR-10b reduced the sensitivity of recipient cells to docetaxel, whereas the "
            "response to cabazitaxel was not significantly affected.",
            {("miR-10b", "docetaxel", "confers_resistance")},
        ),
        (  # patients with "less than a very good partial response" are the non-responders
            "Results\n\nExosomal miR-30d was lower in patients with less than a very good partial response to "
            "carfilzomib.",
            {("miR-30d", "carfilzomib", "associated")},
        ),
        (  # escape from a drug is resistance to it
            "Results\n\nStromal EVs delivered mtDNA to dormant cells and so allowed their escape from letrozole and "
            "fulvestrant.",
            {("mtDNA", "letrozole", "confers_resistance"), ("mtDNA", "fulvestrant", "confers_resistance")},
        ),
        (  # (a guard of the level at progression above) a level in tumour biopsies is the tissue's, whatever the
            # vesicles of the other sentences
            "Results\n\nExosomal LINC00460 promoted osimertinib resistance in vitro. In tumour biopsies from 20 "
            "patients, LINC00460 expression was higher at progression on gefitinib than before treatment.",
            {("LINC00460", "osimertinib", "confers_resistance")},
        ),
    ],
)
def test_recent_therapy_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("sentence", "effects"),
    [
        # "MEK blockade" names a therapy: resistance to it is not lowered
        ("Vesicular AXL marks resistance to MEK blockade in melanoma.", set()),
        # (a guard) "blockade of exosome release" still acts on what follows
        ("Blockade of exosome release with GW4869 reversed cisplatin resistance.", {"sensitizes"}),
    ],
)
def test_cue_readings(sentence: str, effects: set[str]) -> None:
    assert _cue_effects(sentence) == effects


@pytest.mark.parametrize(
    ("text", "drugs"),
    [
        # a substrate naming its transporter is part of a protein's name
        ("Ferroptosis is restrained by the cystine/glutamate antiporter SLC7A11.", []),
        # regimens of HER2-positive breast cancer and myeloma give their drugs
        (
            "Patients received TCHP or KRd.",
            ["docetaxel", "carboplatin", "trastuzumab", "pertuzumab", "carfilzomib", "lenalidomide", "dexamethasone"],
        ),
    ],
)
def test_drug_mentions(text: str, drugs: list[str]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert [n for e in doc.entities if e.label == "DRUG" for n in e.names] == drugs


# The dev part of the ab batch (dense high-impact abstracts: nested clauses, anaphora over sentences, numbers and
# look-alikes that share the positives' words), read after the aa batch.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a lncRNA HGNC leaves of unknown type (CRNDE) is still the cargo, not the vesicles alone
            "Results\n\nExosomal CRNDE conferred oxaliplatin resistance on gastric cancer cells.",
            {("CRNDE", "oxaliplatin", "confers_resistance")},
        ),
        (  # the vesicles named only as what does not do it: no cargo of theirs takes the statement
            "Results\n\nExosomal miR-21 was abundant in CAF EVs. In this model, cisplatin resistance is driven by "
            "soluble IL-6 rather than by EVs.",
            set(),
        ),
        (  # a rise "in progressing patients" is a measured difference
            "Results\n\nExosomal miR-574 rose during sunitinib treatment in progressing patients only.",
            {("miR-574", "sunitinib", "associated")},
        ),
    ],
)
def test_dense_abstract_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def test_the_same_in_both_groups_is_no_difference() -> None:
    """ "increased both in patients who did and in those who did not achieve a response": no level cue."""
    sentence = (
        "EV concentrations increased both in patients who did and in those who did not achieve a complete response "
        "to docetaxel."
    )
    doc = annotate(parse_text(sentence, doc_id="t", source="t"))
    span = doc.sentences[0]
    assert not sentence_facts(doc, 0, span, entities_in(doc, span.start, span.end)).cues
