"""Failure classes read on the dev parts of the w, x, y and z batches of challenge abstracts (a literature-search mix,
one with methods-heavy abstracts full of tool compounds, and one full of contrast clauses and drug classes,
written by helpers from the guidelines alone): each
case is written anew in the class's general form, not copied. The pair cases fail on the code before them; the
cue cases pin the cue reading that the pair cases rest on."""

from __future__ import annotations

import pytest

from pipeline.annotate import annotate
from pipeline.ingest import parse_text
from tests.relate.test_failure_classes import _cue_effects, _pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an open question ("whether ... warrants further study") does not make the RNA a vesicle cargo
            "circ_0001946 drives oxaliplatin resistance of colorectal cancer cells by sponging miR-7-5p. Whether "
            "circ_0001946 is also packaged into circulating exosomes warrants further study.",
            set(),
        ),
        (  # ... nor does one after a comma ("..., and whether X is exported in exosomes was not examined")
            "Knockdown of miR-155 restored gemcitabine sensitivity in pancreatic cancer cells. No vesicles were "
            "isolated, and whether miR-155 is exported in exosomes was not examined.",
            set(),
        ),
        (  # a level in patients who progressed, words between "progressed" and "on"
            "Results\n\nExosomal miR-4443 was less abundant in plasma of patients who progressed at the first "
            "assessment on sunitinib than in those with stable disease.",
            {("miR-4443", "sunitinib", "associated")},
        ),
        (  # what other groups have suggested is earlier work, not the study's finding
            "Background: Several groups working on other cancers have suggested that exosomes transmit drug "
            "resistance, and we tested this for trastuzumab. Results: Exosomes from trastuzumab-resistant cells did "
            "not alter the trastuzumab sensitivity of parental cells.",
            set(),
        ),
        (  # the drug of another clause, whose own cue speaks of it, is not the drug of a cargo whose clause names one
            "Results\n\nExosomal miR-222 and miR-100 reduced the sensitivity of recipient cells to docetaxel and "
            "cisplatin, whereas exosomal miR-34a, by contrast, increased cisplatin-induced apoptosis.",
            {
                ("miR-222", "docetaxel", "confers_resistance"),
                ("miR-222", "cisplatin", "confers_resistance"),
                ("miR-100", "docetaxel", "confers_resistance"),
                ("miR-100", "cisplatin", "confers_resistance"),
                ("miR-34a", "cisplatin", "sensitizes"),
            },
        ),
        (  # a mention right before a cue is its subject: the outer "mediated ... cytotoxicity" is no cue
            "Results\n\nExosome-mediated transfer of functional ABCG2 reduces the cytotoxicity of mitoxantrone and "
            "topotecan in recipient cells.",
            {("ABCG2", "mitoxantrone", "confers_resistance"), ("ABCG2", "topotecan", "confers_resistance")},
        ),
        (  # the activity of a gene's product is no drug's activity
            "Results\n\nALDH1A1-carrying exosomes raised ALDH1A1 activity in recipient cells and decreased the "
            "cytotoxicity of cyclophosphamide.",
            {("ALDH1A1", "cyclophosphamide", "confers_resistance")},
        ),
        (  # a molecule before a vesicle mention of several words ("small extracellular vesicles") is its cargo
            "Results\n\nPDGFRB-enriched small extracellular vesicles from resistant cells spread resistance to "
            "vemurafenib.",
            {("PDGFRB", "vemurafenib", "confers_resistance")},
        ),
        (  # a class the finding names outranks the drugs another sentence names; the vesicles' general sentence goes
            "Results\n\nSerum exosomes were collected from 80 patients who then received carboplatin and paclitaxel. We "
            "evaluated exosomal miRNAs as predictors of this outcome. Exosomal miR-1290 discriminated platinum-resistant "
            "from platinum-sensitive disease with an AUC of 0.84.",
            {("miR-1290", "platinum compounds", "predicts_resistance")},
        ),
        (  # a cargo in a contrast clause of its own ("whereas X mainly reflects ...") takes no statement
            "Conclusions: Plasma exosomal miR-574 is an independent predictor of resistance to bortezomib, whereas "
            "miR-1180 mainly reflects tumour burden.",
            {("miR-574", "bortezomib", "predicts_resistance")},
        ),
        (  # a cargo the unit denies a relation to the response takes no statement of the unit
            "Results\n\nExosomal miR-1180 correlated with disease stage, but not with response. High exosomal miR-574 "
            "predicted resistance to bortezomib.",
            {("miR-574", "bortezomib", "predicts_resistance")},
        ),
        (  # "did not differ" after a coordination and an insert
            "Results\n\nHigh exosomal miR-574 predicted resistance to bortezomib. Exosomal miR-21 and miR-1180, the "
            "other two candidates, did not differ between the groups.",
            {("miR-574", "bortezomib", "predicts_resistance")},
        ),
        (  # a level in patients with treatment failure
            "Results\n\nExosomal miR-424 was higher in the 12 patients with treatment failure on imatinib.",
            {("miR-424", "imatinib", "associated")},
        ),
        (  # "[This transfer of resistance] was abolished": a subject sharing its last word with the cue after it
            "Results\n\nThis exosomal transfer of gemcitabine resistance was largely abolished when miR-155 was "
            "silenced in the donor cells.",
            {("miR-155", "gemcitabine", "confers_resistance")},
        ),
        (  # "X, whose antagomir ..." turns the statement round
            "Results\n\nCAF exosomes also carried miR-21, whose antagomir restored the response to paclitaxel.",
            {("miR-21", "paclitaxel", "confers_resistance")},
        ),
        (  # "increase of X and resistance to D" names two things; "the increase was [associated with ...]"
            "Increase of exosomal CD73 and resistance to pembrolizumab in melanoma\n\nResults: The early increase of "
            "exosomal CD73 was associated with resistance to pembrolizumab.",
            {("NT5E", "pembrolizumab", "predicts_resistance")},
        ),
        (  # "the loss of X might contribute to resistance": X sensitizes
            "Results\n\nThe loss of the stromal exosomal miR-1236-3p might contribute to lenvatinib resistance.",
            {("miR-1236-3p", "lenvatinib", "sensitizes")},
        ),
        (  # a cargo whose own predicate denies a difference takes no statement of the unit, nor one of a contrast
            "Serum exosomal HOTAIR and miR-221 in breast cancer\n\nResults: High exosomal HOTAIR predicted resistance "
            "to docetaxel. Exosomal miR-221, by contrast, did not differ between responders and non-responders. "
            "Conclusions: Exosomal HOTAIR may predict poor response to docetaxel, whereas exosomal miR-221 seems of "
            "little use.",
            {("HOTAIR", "docetaxel", "predicts_resistance")},
        ),
        (  # an RNA "scarcely detectable in their EVs", "intracellular X rather than vesicle-mediated transfer"
            "Results\n\nlncRNA HOXA-AS3 was highly expressed in resistant cells but was scarcely detectable in their "
            "EVs; its knock-down re-sensitised the cells to cisplatin. Resistance depends on intracellular HOXA-AS3 "
            "rather than on vesicle-mediated transfer, and we caution against generalising EV transfer models.",
            set(),
        ),
        (  # letters of a short form found across a clause make no definition: "Ara-C" stays cytarabine
            "Results\n\nPrimary AML blasts, which were then exposed to cytarabine (Ara-C), took up the exosomes. "
            "Stromal exosomes protected the blasts from Ara-C.",
            {("EV", "cytarabine", "confers_resistance")},
        ),
        (  # a molecule the vesicles of both kinds hold in similar amounts is no cargo of the finding
            "Results\n\nExosomal miR-4660 from resistant cells conferred resistance to doxorubicin. Exosomes from "
            "resistant and parental cells contained similar amounts of P-glycoprotein.",
            {("miR-4660", "doxorubicin", "confers_resistance")},
        ),
        (  # "abolished this effect" takes the drugs of the statement it refers to, not every drug of the unit
            "Results\n\nExosomes from resistant cells were enriched in miR-9-5p, which reduced tamoxifen-induced "
            "growth arrest in recipient cells but did not affect the response to fulvestrant. Treating the donors with "
            "an anti-miR-9-5p oligonucleotide abolished this effect. Recipient cells were also treated with "
            "fulvestrant and tamoxifen.",
            {("miR-9-5p", "tamoxifen", "confers_resistance")},
        ),
        (  # a target restored in the cue's clause: the cargo that represses it has the opposite effect
            "Results\n\nExosomal miR-155-5p from macrophages suppressed DCK in recipient cells, and ectopic DCK largely "
            "reversed the gemcitabine resistance.",
            {("miR-155-5p", "gemcitabine", "confers_resistance")},
        ),
        (  # a molecule whose knock-down "did not change drug response" takes no statement of the unit
            "Results\n\nExosomal miR-196b-5p reduced the sensitivity of recipient cells to oxaliplatin. The lncRNA H19 "
            "was also enriched in the exosomes, but its knock-down did not change drug response.",
            {("miR-196b-5p", "oxaliplatin", "confers_resistance")},
        ),
        (  # the singular of a short form the paper defines as cells ("TAMs") is those cells, not tamoxifen
            "Monocytes were polarised into tumour-associated macrophages (TAMs). Results\n\nTAM exosomes increased the "
            "survival of pancreatic cancer cells after gemcitabine exposure.",
            {("EV", "gemcitabine", "confers_resistance")},
        ),
        (  # "X-induced but not Y-induced apoptosis": "but not" is no clause break, and Y is denied
            "Results\n\nExosomal miR-155-3p, when delivered alone, reduced cytarabine-induced but not "
            "daunorubicin-induced apoptosis.",
            {("miR-155-3p", "cytarabine", "confers_resistance")},
        ),
        (  # "reduced the growth-inhibitory effect of D": less inhibition by the drug, more resistance
            "Results\n\nEVs from enzalutamide-resistant cells reduced the growth-inhibitory effect of enzalutamide and "
            "apalutamide on recipient cells.",
            {("EV", "enzalutamide", "confers_resistance"), ("EV", "apalutamide", "confers_resistance")},
        ),
        (  # a statement naming the drug itself outranks one that borrows it from another sentence
            "Results\n\nIn patients treated with gemcitabine plus cisplatin, exosomal miR-218-5p was lower in "
            "non-responders than in responders. Exosomes carrying miR-218-5p sensitised recipient cells.",
            {("miR-218-5p", "gemcitabine", "associated"), ("miR-218-5p", "cisplatin", "associated")},
        ),
        (  # "This sensitisation" refers back: its drugs are the earlier statement's, not the subline's ("CAL27/CDDP");
            # the donors' drug ("exosomes from cisplatin-resistant cells") is not the statement's named drug
            "Results\n\nExosomes from cisplatin-resistant cells made recipient cells more responsive to cetuximab. This "
            "sensitisation tracked with miR-107, which was enriched in CAL27/CDDP exosomes.",
            {("EV", "cetuximab", "sensitizes"), ("miR-107", "cetuximab", "sensitizes")},
        ),
        (  # "without altering cisplatin resistance": that drug is denied, whatever cue the clause has
            "Results\n\nInhibition of exosomal miR-107 in donor cells abolished the gain in cetuximab sensitivity "
            "without altering cisplatin resistance.",
            {("miR-107", "cetuximab", "sensitizes")},
        ),
        (  # vesicles a drug elicited, seeding metastases: no resistance (a guard: passes before too)
            "Gemcitabine-elicited EVs were enriched in ITGB4 compared with EVs from untreated cells and prepared a "
            "pre-metastatic niche in the liver. In patients, circulating ITGB4-positive EVs increased after the first "
            "cycle of gemcitabine-based chemotherapy. These chemotherapy-induced EVs may thus seed metastases, and "
            "targeting ITGB4 might counteract this unwanted effect of treatment.",
            set(),
        ),
    ],
)
def test_unseen_tool_heavy_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        (  # "inhibition with X", "included as a probe": a tool
            "Results\n\nExosomal LINC00152 from resistant cells conferred sorafenib resistance. LINC00152 sponged "
            "miR-139-5p, and ERK inhibition with trametinib, included as a pathway probe, abolished the acquired "
            "resistance.",
            "trametinib",
        ),
        (  # "Heparin, which blocks exosome uptake": a tool of the whole unit
            "Results\n\nStromal exosomes reduced the sensitivity of myeloma cells to bortezomib. Heparin, which blocks "
            "exosome uptake, abrogated this effect.",
            "heparin",
        ),
        (  # (a guard: passes before too)
            "Results\n\nStromal exosomes carrying miR-155 protected leukaemia cells from cytarabine. Pharmacological "
            "BCL-2 blockade with venetoclax, included as a mechanistic control, abrogated the survival gain.",
            "venetoclax",
        ),
    ],
)
def test_tools_of_the_experiment(text: str, drug: str) -> None:
    assert drug not in {d for _, d, _ in _pairs(text)}


@pytest.mark.parametrize(
    ("sentence", "effects"),
    [
        # "antibody-induced growth" is half a compound adjective under "reduced ... arrest"
        ("Exosomes reduced antibody-induced growth arrest of cells exposed to panitumumab.", {"confers_resistance"}),
        # a drug after a comma, then a verb, is that verb's subject: no passive "killing ... promote"
        ("These findings suggest that, beyond killing tumour cells, cisplatin might promote dissemination.", set()),
        # "inhibitor" is a noun, no verb of lowering: the response is enhanced
        (
            "Exosomes from sensitive cells enhanced the response to the selective small-molecule inhibitor trametinib.",
            {"sensitizes"},
        ),
    ],
)
def test_cue_readings(sentence: str, effects: set[str]) -> None:
    assert _cue_effects(sentence) == effects


@pytest.mark.parametrize(
    ("text", "molecule"),
    [
        (  # what the packaging depends on is the machinery, no cargo
            "Results\n\nExosomes from hypoxic cells conferred oxaliplatin resistance. circ_0067835 was the most "
            "enriched exosomal circRNA, its packaging depending on HIF-1α.",
            "HIF1A",
        ),
    ],
)
def test_molecules_that_are_no_cargo(text: str, molecule: str) -> None:
    assert molecule not in {c for c, _, _ in _pairs(text)}


def test_the_in_vitro_metabolite_of_tamoxifen_is_tamoxifen() -> None:
    """4-hydroxytamoxifen is what tamoxifen-resistance papers culture cells in: its resistance is tamoxifen's."""
    doc = annotate(
        parse_text("Cells were cultured in 4-hydroxytamoxifen (4-OHT); 4-OHT resistance.", doc_id="t", source="t")
    )
    assert {e.name for e in doc.entities if e.label == "DRUG"} == {"tamoxifen"}
