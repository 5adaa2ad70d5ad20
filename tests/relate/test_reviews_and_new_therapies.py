"""Failure classes read on the dev parts of the aq and ar challenge batches (immune, cell and newer targeted
therapies; hormone- and DNA-repair-driven cancers) and of the older review paragraphs (am): each case is written
anew in the class's general form, not copied from an item."""

from __future__ import annotations

import pytest

from pipeline.models import Document
from tests.relate.test_failure_classes import _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a cargo whose contribution the sentence says was not told apart takes no anaphoric statement
            "Exosomes from gemcitabine-resistant PANC-1 cells carried more lncRNA HULC than exosomes of parental "
            "cells. These exosomes reduced gemcitabine-induced apoptosis of parental PANC-1 cells, but the study did "
            "not distinguish the contribution of HULC from that of other cargo.",
            {("EV", "gemcitabine", "confers_resistance"), ("HULC", "gemcitabine", "associated")},
        ),
        (  # an insert saying what the vesicles lack does not deny the cue after it
            "Exosomes from bone marrow stromal cells, without any identified cargo, raised the bortezomib IC50 of "
            "RPMI-8226 cells.",
            {("EV", "bortezomib", "confers_resistance")},
        ),
        (  # a knock-down that deprives vesicles of their ability to transmit resistance: the RNA (CYTOR) confers it
            "Knock-down of LINC00152 in resistant cells deprived their exosomes of the ability to transmit resistance "
            "to osimertinib.",
            {("CYTOR", "osimertinib", "confers_resistance")},
        ),
        (  # tumours of cells rich in the cargo that grow despite the drug: the cargo confers resistance
            "In mice, tumours of cells overexpressing miR-92a-3p, whose exosomes carried it, grew despite "
            "pembrolizumab.",
            {("miR-92a-3p", "pembrolizumab", "confers_resistance")},
        ),
        (  # the drug a therapy is switched to is not the resisted drug
            "Plasma exosomal miR-4443 predicted progression on palbociclib and could guide a switch to everolimus.",
            {("miR-4443", "palbociclib", "predicts_resistance")},
        ),
        (  # of two mentions of one cargo in a clause, the one nearer before the cue (knocked down) states it
            "Exosomal HOTTIP raised HMGB1 levels, and HOTTIP knockdown in donor cells abolished the transfer of "
            "cisplatin resistance.",
            {("HOTTIP", "cisplatin", "confers_resistance")},
        ),
        (  # a drug right before a noun of its effect names whose effect it is, not the subject of a verb
            "Docetaxel cytotoxicity was enhanced by exosomal miR-145-5p.",
            {("miR-145-5p", "docetaxel", "sensitizes")},
        ),
        (  # genes named as mutations or losses in vesicle DNA are its genotype, not cargo of their own
            "Plasma EV-DNA was sequenced during erlotinib. Failure to clear mutant EGFR from EV-DNA predicted "
            "early progression on erlotinib. Two patients showed concurrent RB1 and TP53 loss in EV-DNA.",
            {("DNA", "erlotinib", "predicts_resistance")},
        ),
        (  # ... but "mutant KRAS protein" is the protein the vesicles carry
            "Exosomes released by KRAS-mutant cells contained mutant KRAS protein and attenuated growth inhibition "
            "by cetuximab in wild-type cells.",
            {("KRAS", "cetuximab", "confers_resistance")},
        ),
        (  # "resistance" that modifies a noun ("resistance monitoring") is no object of the verb before it
            "EV-DNA increases the yield of liquid biopsy for resistance monitoring under osimertinib.",
            set(),
        ),
        (  # a knock-down that abrogated the vesicles' protection from a drug: the RNA confers resistance
            "NEAT1 silencing in stromal cells abrogated the exosome-mediated protection from bortezomib.",
            {("NEAT1", "bortezomib", "confers_resistance")},
        ),
        (  # a vesicle-release inhibitor as the subject: what it undid, the vesicles did
            "GW4869 reduced the exosome-mediated cisplatin resistance of recipient cells.",
            {("EV", "cisplatin", "confers_resistance")},
        ),
        (  # a question asks, it states nothing
            "Do exosomes transmit dasatinib resistance between leukaemia cells? A negative study\n\nExosomes were "
            "isolated from resistant and parental K562 cells.",
            set(),
        ),
        (  # "restrains resistance" lowers it
            "Exosomal miR-34a-5p from normal fibroblasts restrains oxaliplatin resistance through NOTCH1.",
            {("miR-34a-5p", "oxaliplatin", "sensitizes")},
        ),
        (  # raising the threshold for a drug's killing confers resistance
            "Stromal vesicles deliver miR-221-3p to leukaemia cells and raise the threshold for cytarabine killing.",
            {("miR-221-3p", "cytarabine", "confers_resistance")},
        ),
        (  # an effect that persisted after the vesicles were removed is not theirs
            "Conditioned medium of resistant cells raised the letrozole IC50 1.8-fold, an effect retained after sEV "
            "depletion.",
            set(),
        ),
        (  # the frame of future studies states no finding
            "The assay gives a basis for future studies of exosomal CD274 as a predictor of response to nivolumab.",
            set(),
        ),
    ],
)
def test_failure_classes_of_the_aq_and_ar_batches(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def _review(text: str) -> Document:
    from pipeline.annotate import annotate
    from pipeline.ingest import parse_text

    return annotate(parse_text(text, doc_id="review", source="review"))


def test_a_citation_before_a_comment_clause_cites_its_sentence() -> None:
    """ "... than in responders [12], although the study was not powered ...": the citation closes the statement,
    so the sentence is study 12's, not the previous study's."""
    from pipeline.relate.units import study_units

    doc = _review(
        "Exosomal miR-21 conferred cisplatin resistance on A549 cells [11]. Serum exosomal miR-21 was higher in "
        "patients who progressed on cisplatin than in responders [12], although the study was small."
    )
    assert [u.refs for u in study_units(doc)] == [[11], [12]]


def test_what_the_named_rna_induces_is_not_borrowed_as_a_second_cargo() -> None:
    """A gene the unit's RNA cargo induces or targets in its own sentence ("exosomal LINC01559 induces PD-L1 in
    macrophages") is not lent to the unit's drug statement as a cargo of its own, however a later sentence names
    it beside the vesicles."""
    from tests.relate.test_failure_classes import _pairs

    text = (
        "Gastric cancer exosomal LINC01559 induces PD-L1 in macrophages and limits nivolumab efficacy\n\n"
        "We examined how gastric cancer cells shape PD-L1 expression on macrophages through exosomes."
    )
    assert _pairs(text) == {("LINC01559", "nivolumab", "confers_resistance")}


def test_an_open_question_lends_the_study_no_cargo() -> None:
    """A sentence that leaves a question open ("It is not yet known whether ... CD20-bearing exosomes ...") gives
    the study's statement on the vesicles no cargo of its own."""
    from pipeline.relate import relate

    doc = _review(
        "EVs from ibrutinib-resistant Z-138 cells transferred ibrutinib resistance to sensitive JeKo-1 cells [86]. "
        "It is not yet known whether CD20-bearing exosomes also affect newer antibodies."
    )
    rows = {
        (c.name, d.name) for a in relate(doc) if a.relation == "transfers_resistance" for c in a.cargo for d in a.drugs
    }
    assert rows == {("EV", "ibrutinib")}
