"""Failure classes of the bg- and bh-batches' dev part (2026-12-08): what a primary paper cites is earlier work,
what it proposes for later is no finding, and a contrast or a kept effect denies the vesicles a part. Text in,
(cargo, drug, effect) out."""

from __future__ import annotations

import pytest

from tests.relate.test_failure_classes import _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # vesicles only in work proposed for later: an RNA's resistance inside cells is no EV cargo's
            "HOTTIP confers cisplatin resistance on gastric cancer cells\n\nSilencing HOTTIP reduced the cisplatin "
            "IC50 of resistant cells. Because lncRNAs are packaged into exosomes, future work should test whether "
            "circulating exosomal HOTTIP could help to select patients for platinum therapy.",
            set(),
        ),
        (  # ... "we plan to evaluate whether" as well
            "miR-26b-5p restores gemcitabine sensitivity in cholangiocarcinoma\n\nRestoring miR-26b-5p in resistant "
            "cells cut the gemcitabine IC50. Because bile is rich in extracellular vesicles, we plan to evaluate "
            "whether vesicular miR-26b-5p could guide the choice of chemotherapy.",
            set(),
        ),
        (  # ... but a finding before the proposal stands
            "Results\n\nPlasma exosomal miR-1290 predicted progression on docetaxel and deserves validation in "
            "larger cohorts.",
            {("miR-1290", "docetaxel", "predicts_resistance")},
        ),
        (  # a primary paper's cited sentences are earlier work, its own sentences its findings
            "Discussion\n\nSeveral exosomal miRNAs of stromal origin, including miR-522 and miR-21, have been linked "
            "to reduced sensitivity to oxaliplatin [18,19]. Our data add miR-181d-5p to this list: fibroblast "
            "exosomes enriched in it attenuated oxaliplatin-induced apoptosis of AGS cells.",
            {("miR-181d-5p", "oxaliplatin", "confers_resistance")},
        ),
        (  # ... by author and year too
            "Discussion\n\nWe found that exosomal miR-181d-5p attenuated oxaliplatin-induced apoptosis of AGS cells. "
            "Stromal vesicles have been studied in gastric cancer before [12]. Of note, Zhang et al. (2020) reported "
            "that CAF exosomes confer cisplatin resistance by suppressing ferroptosis.",
            {("miR-181d-5p", "oxaliplatin", "confers_resistance")},
        ),
        (  # a lost capacity turns the cue round: the silenced cargo confers the resistance
            "Results\n\nExosomes from cells transfected with SNHG12 shRNA lost most of their capacity to protect "
            "recipient cells from sunitinib.",
            {("SNHG12", "sunitinib", "confers_resistance")},
        ),
        (  # the role a study tests is its aim, no finding
            "Results\n\nWe next tested the role of vesicle transfer in sunitinib response.",
            set(),
        ),
        (  # "promote X but not D tolerance": the resistance is what the contrast denies
            "Cancer-associated fibroblast exosomes promote invasion but not gemcitabine tolerance of bladder cancer "
            "cells",
            set(),
        ),
        (  # ... but a contrast of drugs keeps the first one
            "Results\n\nExosomal miR-155-3p reduced cytarabine-induced but not daunorubicin-induced apoptosis.",
            {("miR-155-3p", "cytarabine", "confers_resistance")},
        ),
        (  # vesicles whose own predicate, further on, denies any effect: the RNA acts inside cells
            "miR-3173-5p drives docetaxel resistance in prostate cancer cells\n\nEnforced expression of miR-3173-5p "
            "raised docetaxel IC50 values. Small extracellular vesicles of DU145-DR cells contained barely "
            "detectable amounts of it and did not change the docetaxel response of parental cells.",
            set(),
        ),
        (  # a protection kept when vesicle release is blocked is not the vesicles'
            "Results\n\nDirect co-culture with stromal cells reduced imatinib-induced apoptosis, and this protection "
            "was preserved when EV release by the stromal cells was blocked with a Rab27a shRNA.",
            set(),
        ),
        (  # "counter" a resistance is to lower it
            "Results\n\nOsteoblast-derived exosomal miR-30a-5p could counter doxorubicin resistance in osteosarcoma "
            "cells.",
            {("miR-30a-5p", "doxorubicin", "sensitizes")},
        ),
        (  # an Introduction: what it cites is earlier work, its "Here we show" the paper's finding
            "Introduction\n\nCancer-associated fibroblasts secrete extracellular vesicles that remodel tumour cells "
            "[5-7]. Zhang et al. reported that stromal exosomal miR-21 blunts cisplatin cytotoxicity [11]. Here we "
            "show that exosomes released by fibroblasts deliver miR-3173-5p to gastric cancer cells and thereby "
            "confer resistance to cisplatin.",
            {("miR-3173-5p", "cisplatin", "confers_resistance")},
        ),
        (  # ... and an Introduction that ends on its aim states nothing
            "Introduction\n\nExosomal miR-500a-3p from resistant cells was shown to confer cisplatin resistance "
            "[8]. We therefore asked whether trastuzumab-resistant cells secrete exosomes that reduce the effect of "
            "trastuzumab.",
            set(),
        ),
        (  # "with the aim of identifying" is an aim
            "Results\n\nWe sequenced exosomes of resistant and parental cells with the aim of identifying vesicle "
            "miRNAs that predict resistance to letrozole.",
            set(),
        ),
        (  # a paper on another disease that names no cancer: its drugs are no cancer drugs
            "Plasma extracellular vesicle miR-124-3p and glucocorticoid response in sepsis\n\nPlasma EV miR-124-3p "
            "predicted non-response to dexamethasone in patients with septic shock.",
            set(),
        ),
    ],
)
def test_earlier_and_later_work(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


def test_own_work_with_a_citation_is_earlier_work() -> None:
    """A paragraph whose only "we showed" cites a number is a review's: its authors' earlier paper is one of the
    studies it cites, and the other cited studies keep their rows."""
    text = (
        "Exosomes from cisplatin-resistant SiHa cells transferred cisplatin resistance to parental cells in the "
        "experiments of Zhu et al. [31]. Building on this, we subsequently showed [32] that exosomal "
        "hsa_circ_0074269 reduced cisplatin-induced apoptosis of recipient cells."
    )
    assert ("hsa_circ_0074269", "cisplatin", "confers_resistance") in _pairs(text)
