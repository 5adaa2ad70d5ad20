"""Failure classes read on the dev part of the n batch of challenge abstracts (a literature-search mix written by a
helper from the guidelines alone) and of the real abstracts added on 2026-12-07: each case is written anew in the
class's general form, not copied."""

from __future__ import annotations

import json

import pytest

from pipeline.annotate import annotate
from pipeline.ingest import parse_text
from pipeline.relate import relate
from pipeline.relate.resistance import sentence_facts
from pipeline.relate.units import entities_in
from tests.conftest import ROOT
from tests.relate.test_failure_classes import _pairs

GOLD = ROOT / "tests" / "gold" / "relations" / "docs"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a cue right after "previously" is earlier work; the patients' drugs are no finding's
            "Results\n\nWe quantified five lncRNAs previously implicated in chemoresistance (H19, UCA1 and MALAT1) in "
            "serum exosomes collected from 94 women receiving epirubicin plus cyclophosphamide.",
            set(),
        ),
        (  # "has been widely reported": background, an adverb inside
            "Background: Horizontal transfer of cisplatin resistance by extracellular vesicles has been widely "
            "reported, but many studies used crude preparations.",
            set(),
        ),
        (  # a cargo "unrelated to treatment outcome" takes no drug statement of the unit
            "Results\n\nHigh plasma EV miR-1290 predicted resistance to enzalutamide. EV miR-210-3p was higher in "
            "patients with visceral metastases but was unrelated to treatment outcome.",
            {("miR-1290", "enzalutamide", "predicts_resistance")},
        ),
        (  # "patients not responding to X" are the non-responders: no negation
            "Results\n\nSerum exosomal miR-21-5p was elevated in patients not responding to enzalutamide.",
            {("miR-21-5p", "enzalutamide", "associated")},
        ),
        (  # a level higher in patients with residual disease after therapy
            "Results\n\nExosomal SNHG7 was higher in patients with residual disease after docetaxel.",
            {("SNHG7", "docetaxel", "associated")},
        ),
        (  # the response of cells to vesicles is no drug's response
            "Cisplatin-based chemoradiotherapy is the standard of care in cervical cancer. Exosomes from "
            "CASC15-knockdown cells were less pro-angiogenic, and an ETS1 siRNA abrogated the response of HUVECs to "
            "tumour exosomes.",
            set(),
        ),
        (  # an effect withdrawn in the same sentence
            "Results\n\nCrude EV pellets from resistant cells appeared to reduce the paclitaxel sensitivity of parental "
            "cells, but this apparent effect disappeared after density-gradient purification.",
            set(),
        ),
        (  # what a class of RNAs can do in general names none of the study's vesicles
            "Circular RNAs (circRNAs) are stable transcripts that can be detected in exosomes. Silencing circ-CLIP2 "
            "restored the temozolomide sensitivity of U251-TR cells.",
            set(),
        ),
        (  # "growth-promoting activity": a compound adjective, no verb; the patients' drug is no finding's
            "Patients with metastatic renal cancer are treated with sunitinib. Exosomal circ-DHX33 was abundant. "
            "Exosomes from circ-DHX33-knockdown cells lost their growth-promoting activity.",
            set(),
        ),
        (  # "blocked the effect of ... exosomes": the vesicles' effect, no drug's
            "Patients with metastatic renal cancer are treated with sunitinib. Exosomal circ-DHX33 was abundant. "
            "Exosomes from circ-DHX33-knockdown cells were less active, and the antagonist PT2385 blocked the effect "
            "of circ-DHX33-rich exosomes in vitro.",
            set(),
        ),
        (  # the topic of other studies
            "Conclusions: EVs from taxane-resistant cells do not transfer resistance, underscoring the need for "
            "controls in studies of vesicle-mediated drug resistance.",
            set(),
        ),
        (  # actinomycin D in an RNA stability assay is a tool
            "Results\n\nActinomycin D treatment confirmed that exosomal circ-DHX33 was more stable than its linear "
            "counterpart. Exosomal circ-DHX33 promoted the chemoresistance of recipient cells.",
            {("circDHX33", "chemotherapy", "confers_resistance")},
        ),
        (  # growth alone is no drug's response
            "Patients with metastatic renal cancer are treated with sunitinib. These results uncover an "
            "exosome-mediated circ-DHX33 circuit that sustains tumour growth.",
            set(),
        ),
        (  # the head of a list whose predicate denies a difference
            "Serum exosomes were collected from 94 women receiving docetaxel. High baseline exosomal H19 predicted "
            "resistance to docetaxel. Exosomal UCA1, HOTAIR and MALAT1 did not differ between groups.",
            {("H19", "docetaxel", "predicts_resistance")},
        ),
        (  # "patients who developed resistance" says who they are; a level in them is a measured difference
            "Results\n\nExosomal DNA allowed detecting the T790M mutation in the patients who developed resistance to "
            "gefitinib.",
            set(),
        ),
        (
            "Results\n\nPlasma exosomal miR-21 was higher in patients who developed resistance to gefitinib.",
            {("miR-21", "gefitinib", "associated")},
        ),
        (  # growth after vesicles of drug-treated donors: the donors' drug is no drug the statement names
            "Results\n\nEVs from cisplatin-treated medulloblastoma cells enhanced the clonogenic capacity of recipient "
            "cells. miR-449a was upregulated in EVs from cisplatin-treated cells.",
            set(),
        ),
        (  # an open question ('whether ... is poorly understood') is no finding
            "Background: Exosomes shuttle circular RNAs, but whether exosomal circRNAs spread cisplatin resistance in lung cancer is poorly understood.",
            set(),
        ),
        (  # 'patients with HER2-positive cancer' after vesicles: the patients' receptor status, no cargo
            "Results\n\nWe profiled small RNAs in serum exosomes collected from 64 patients with HER2-positive breast cancer before trastuzumab therapy. Exosomal miR-4734 was higher in trastuzumab-resistant than in sensitive patients.",
            {("miR-4734", "trastuzumab", "associated")},
        ),
        (  # patients grouped by a level whose response is lower: a prediction
            "Results\n\nPatients with high pretreatment exosomal PD-L1 had a lower objective response rate to pembrolizumab.",
            {("CD274", "pembrolizumab", "predicts_resistance")},
        ),
        (  # 'reduced drug-induced growth inhibition': more growth under the drug
            "Results\n\nExosomes carrying miR-4488 reduced vemurafenib-induced growth inhibition of parental A375 cells.",
            {("miR-4488", "vemurafenib", "confers_resistance")},
        ),
        (  # 'its depletion contributes to resistance': the molecule sensitizes
            "Results\n\nExosomal GAS5 is lost in gefitinib-resistant cells, and its depletion contributes to acquired gefitinib resistance.",
            {("GAS5", "gefitinib", "sensitizes")},
        ),
        (  # 'such as' introduces examples, no anaphor that borrows the title's cargo
            "Small extracellular vesicles carry miR-4488 and reduce BRAF inhibitor sensitivity\n\nBRAF inhibitors such as vemurafenib and dabrafenib induce rapid responses in melanoma.",
            {("miR-4488", "BRAF inhibitors", "confers_resistance")},
        ),
        (  # a cargo that 'did not discriminate refractory from responsive disease' takes no unit statement
            "Results\n\nHigh exosomal miR-99a-5p predicted resistance to R-CHOP. Exosomal miR-21-5p, by contrast, was higher in patients than in controls but did not discriminate refractory from responsive disease.",
            {
                ("miR-99a-5p", "doxorubicin", "predicts_resistance"),
                ("miR-99a-5p", "prednisone", "predicts_resistance"),
                ("miR-99a-5p", "rituximab", "predicts_resistance"),
                ("miR-99a-5p", "vincristine", "predicts_resistance"),
                ("miR-99a-5p", "cyclophosphamide", "predicts_resistance"),
            },
        ),
        (  # 'cisplatin, while killing the bulk of the tumour, may stimulate': a participle, no passive subject
            "Results\n\nExosomal POSTN was abundant in ascites. Cisplatin, while killing the bulk of the tumour, may stimulate the release of exosomes.",
            set(),
        ),
        (  # 'ER+' is a receptor status, no cargo
            "Results\n\nExosomal AGR2 mediates the horizontal transfer of tamoxifen resistance in ER+ breast cancer.",
            {("AGR2", "tamoxifen", "confers_resistance")},
        ),
        (  # a drug as the subject of its own efficacy ('checkpoint inhibitors have improved survival') is no cargo's statement
            "Exosomal PD-L1 predicts resistance to nivolumab\n\nBackground: Immune checkpoint inhibitors have improved survival in renal carcinoma, and tissue PD-L1 is a weak predictor.",
            {("CD274", "nivolumab", "predicts_resistance")},
        ),
        (  # 'depleting mtDNA in CAFs with ethidium bromide': a tool
            "Results\n\nEVs from CAFs carried mtDNA and promoted osimertinib resistance. Depleting mtDNA in CAFs with ethidium bromide abolished this effect.",
            {("mtDNA", "osimertinib", "confers_resistance")},
        ),
        (  # drugs joined by a hyphen ('anthracycline-taxane') share their role
            "Results\n\nExosomal miR-451a was lower in non-responders to anthracycline-taxane chemotherapy.",
            {("miR-451a", "taxanes", "associated"), ("miR-451a", "anthracyclines", "associated")},
        ),
        (  # 'concentrations, by contrast, were similar' denies a difference
            "Results\n\nHigh exosomal survivin predicted resistance to docetaxel. Exosomal miR-222 concentrations, by contrast, were similar in patients with and without pCR.",
            {("BIRC5", "docetaxel", "predicts_resistance")},
        ),
        (  # 'rose ... in non-responders': a measured difference
            "Results\n\nSerum exosomal miR-4734 rose during docetaxel treatment in non-responders.",
            {("miR-4734", "docetaxel", "associated")},
        ),
        (  # 'exosomal survivin with Ki-67': a combination, Ki-67 is no cargo
            "Results\n\nHigh exosomal survivin predicted resistance to docetaxel. Combining exosomal survivin with Ki-67 raised the area under the curve.",
            {("BIRC5", "docetaxel", "predicts_resistance")},
        ),
        (  # 'by about half' is no half-life: the drugs are resisted, no tools
            "Results\n\nsEV-transferred HOTTIP reduced the sensitivity of myeloma cells to bortezomib and carfilzomib, lowering caspase activity by about half.",
            {("HOTTIP", "bortezomib", "confers_resistance"), ("HOTTIP", "carfilzomib", "confers_resistance")},
        ),
        (  # 'an effect prevented by cycloheximide': a tool
            "Results\n\nAfter exposure to these exosomes, cells expressed P-gp, an effect prevented by cycloheximide. Exosomal ABCB1 mRNA reduced the sensitivity of U2OS cells to doxorubicin.",
            {("ABCB1", "doxorubicin", "confers_resistance")},
        ),
        (  # a proposal ('could be targeted to improve the efficacy') is no finding
            "Conclusions: Exosomal miR-21 could be targeted to improve the efficacy of gemcitabine.",
            set(),
        ),
        (  # 'barely detectable in the conditioned medium and in exosomes': the vesicles denied along the clause
            "Results\n\nmiR-4319 mimics increased the cisplatin IC50 of A549 cells. miR-4319 was barely detectable in the conditioned medium and in exosomes of either resistant or parental cells.",
            set(),
        ),
        (  # 'an anti-PD-L1 blocking antibody, used here to confirm the interaction': a tool; T-cell killing is no drug's
            "Background: Immune checkpoint inhibitors benefit few patients. Results\n\nPD-L1-positive exosomes impaired T-cell killing; an anti-PD-L1 blocking antibody, used here to confirm the interaction, reversed these effects.",
            set(),
        ),
        (  # vesicles that protect normal cells from a drug's toxicity, the tumour's sensitivity denied: no row
            "Results\n\nMSC-EVs reduced DOX-induced apoptosis of cardiomyocytes. MSC-EVs did not alter the DOX sensitivity of MDA-MB-231 cells. MSC-EV miR-486-5p mitigates doxorubicin cardiotoxicity.",
            set(),
        ),
        (  # 'MV-exposed cells': microvesicles in a compound
            "Results\n\nMV-exposed cells were less sensitive to gemcitabine.",
            {("EV", "gemcitabine", "confers_resistance")},
        ),
        (  # "leading to [decreased viability]": the inner cue is the statement
            "Results\n\nExosomal miR-567 reached the recipient cells, leading to decreased viability of the recipient "
            "cells under trastuzumab.",
            {("miR-567", "trastuzumab", "sensitizes")},
        ),
        (  # 'patients who did not respond' are non-responders, no negation
            "Results\n\nSerum exosomal miR-21 was higher in patients who did not respond to docetaxel than in responders.",
            {("miR-21", "docetaxel", "associated")},
        ),
        (  # a question 'could not be assessed': no finding; the cohort's drug is no statement's
            "Results\n\nExosomal miR-92b was measured in patients who all received adjuvant capecitabine. Its ability to predict benefit from adjuvant capecitabine could not be assessed in this single-arm cohort.",
            set(),
        ),
        (  # vesicles acting on normal cells (cardiomyocytes): no resistance
            "Results\n\nEV miR-1 was measured in women receiving doxorubicin. These EVs increased apoptosis of naive cardiomyocytes, an effect prevented by GW4869.",
            set(),
        ),
        (  # 'rather than gefitinib resistance': what the vesicles do not do
            "Results\n\nExosomes from resistant cells promote invasive behaviour rather than gefitinib resistance.",
            set(),
        ),
        (  # a prediction made in the vesicle-free fraction is no EV cargo's
            "Predictive circulating miR-222-3p in melanoma treated with pembrolizumab resides outside extracellular vesicles\n\nIn the vesicle-free fraction, higher miR-222-3p predicted resistance to pembrolizumab.",
            set(),
        ),
        (  # a one-verb cue's object names an immune activity ('blunt NK-cell cytotoxicity')
            "AML-derived exosomes carrying membrane TGF-β1 blunt NK-cell cytotoxicity\n\nExosomes were isolated from patients before any induction chemotherapy.",
            set(),
        ),
        (  # 'recipient cells became less sensitive': the vesicles' cargo named before
            "Results\n\nA2780/PTX cells shed microvesicles carrying P-gp. Recipient cells became less sensitive to paclitaxel and docetaxel.",
            {("ABCB1", "docetaxel", "confers_resistance"), ("ABCB1", "paclitaxel", "confers_resistance")},
        ),
        (  # 'sEV-delivered miR-425-5p lowered CASP8': a cue verb ends the cargo rule's gap
            "Results\n\nsEV-delivered miR-425-5p lowered CASP8 protein and reduced cytarabine-induced apoptosis.",
            {("miR-425-5p", "cytarabine", "confers_resistance")},
        ),
        (  # a cluster is the class of the statement's members, no cargo of its own
            "Fibroblasts release exosomes rich in miR-17-92 cluster miRNAs that protect pancreatic cancer cells\n\nTwo members of the cluster, miR-17-5p and miR-20a-5p, were abundant in these exosomes. Exosomal miR-17-5p and miR-20a-5p increased the gemcitabine resistance of the cancer cells.",
            {("miR-17-5p", "gemcitabine", "confers_resistance"), ("miR-20a-5p", "gemcitabine", "confers_resistance")},
        ),
        (  # tumour tissue's expression is no vesicle cargo's
            "Results\n\nM2 macrophage exosomes delivered lncRNA AFAP1-AS1 and promoted cisplatin resistance of CAL27 cells. Tumour AFAP1-AS1 expression was higher in patients with poor response to induction docetaxel.",
            {("AFAP1-AS1", "cisplatin", "confers_resistance")},
        ),
        (  # "neoadjuvant therapy" with no other kind named is chemotherapy
            "Results\n\nExosomes were isolated from the plasma of patients before neoadjuvant therapy. Exosomal miR-155 "
            "best predicted pathological complete response.",
            {("miR-155", "chemotherapy", "predicts_resistance")},
        ),
        (  # a drug "used to inhibit" a target, and "co-treatment with" it, is a tool of the experiment
            "Results\n\ncirc_0005576 acted as a sponge for miR-512-5p; linsitinib was used to inhibit IGF1R. Exosomal "
            "circ_0005576 raised the gefitinib IC50 of recipient cells, and co-treatment with linsitinib restored "
            "apoptosis.",
            {("hsa_circ_0005576", "gefitinib", "confers_resistance")},
        ),
        (  # "identifies patients who are unlikely to benefit" is a prediction; a capture marker is no cargo
            "Results\n\nWe measured PD-L1 after immunomagnetic capture of EpCAM-positive exosomes. An early rise in "
            "exosomal PD-L1 identifies patients who are unlikely to benefit from nivolumab.",
            {("CD274", "nivolumab", "predicts_resistance")},
        ),
    ],
)
def test_unseen_mix_failure_classes(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Despite cisplatin-based chemoradiotherapy, cervical cancer remains a leading cause of cancer death.",
        "Exosomes from circ-DHX33-knockdown cells lost their growth-promoting activity.",
        "An ETS1 siRNA abrogated the response of HUVECs to tumour exosomes.",
        "Crude EV pellets appeared to reduce the paclitaxel sensitivity of parental cells, but this apparent effect "
        "disappeared after purification.",
        "This underscores the need for controls in studies of vesicle-mediated drug resistance.",
    ],
)
def test_sentences_that_state_no_drug_response(sentence: str) -> None:
    doc = annotate(parse_text(sentence, doc_id="t", source="t"))
    span = doc.sentences[0]
    facts = sentence_facts(doc, 0, span, entities_in(doc, span.start, span.end))
    assert [doc.text[c.start : c.end] for c in facts.cues] == []


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        ("We measured exosomal PD-L1 (exoPD-L1) in plasma. Baseline exoPD-L1 was higher.", "exoPD-L1", "CD274"),
        ("Soluble PD-L1 (sPD-L1) did not differ. sPD-L1 was low.", "sPD-L1", "CD274"),
    ],
)
def test_short_forms_of_a_molecule_where_measured(text: str, short: str, name: str) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert {e.name for e in doc.entities if e.text == short} == {name}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("MIR4435-2HG and MIR17HG were measured.", [("MIR4435-2HG", "LNCRNA"), ("MIR17HG", "LNCRNA")]),
        # a lncRNA no lexicon lists: defined by a transcript's long form, or named after "lncRNA"
        (
            "A novel lncRNA, renal cancer angiogenesis transcript 1 (RCAT1), was found. RCAT1 rose.",
            [("RCAT1", "LNCRNA"), ("RCAT1", "LNCRNA"), ("RCAT1", "LNCRNA")],
        ),
        ("The long non-coding RNA XYZ-AS7 rose; long non-coding RNA (lncRNA) levels fell.", [("XYZ-AS7", "LNCRNA")]),
        # cells a paper defines ("GBM stem-like cells (GSCs)") are never the gene GSC, in the singular either
        (
            "We isolated GBM stem-like cells (GSCs). GSC-derived EVs carried MGMT.",
            [("EV", "VESICLE"), ("MGMT", "GENE")],
        ),
        # a miRNA cluster by its first and last members
        ("Exosomes rich in the miR-17-92 cluster.", [("exosome", "VESICLE"), ("miR-17-92 cluster", "MIRNA")]),
        # a name the paper uses for a cell line is that cell line, not a gene or RNA alias (Huh7 of MIR7-3HG)
        (
            "Huh7-SR Exos were transferred to parental cells. Huh7-SR cells were resistant.",
            [("HUH-7 SR", "CELL_LINE"), ("exosome", "VESICLE"), ("HUH-7 SR", "CELL_LINE")],
        ),
        # a regimen names its drugs
        ("Patients received VRd.", [("bortezomib", "DRUG")]),
    ],
)
def test_molecule_names_by_the_paper(text: str, names: list[tuple[str, str]]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    assert [(e.name, e.label) for e in doc.entities] == names


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        (  # "parental cells" are the lines the unit's sublines were derived from
            "Results\n\nExosomes from osimertinib-resistant PC9/OR cells reduced osimertinib-induced apoptosis in "
            "parental cells.",
            {"PC-9"},
        ),
    ],
)
def test_parental_cells_are_the_sublines_parents(text: str, recipients: set[str]) -> None:
    doc = annotate(parse_text(text, doc_id="t", source="t"))
    rows = [a for a in relate(doc) if a.relation == "transfers_resistance"]
    assert rows and all({c.name for c in a.recipient_cells} == recipients for a in rows)


def test_proteins_listed_on_vesicles_share_their_cargo_rule() -> None:
    """A real abstract of the gold set's dev part (tests/gold/relations/docs): "PD-1, CD80 and PD-L1 on circulating sEVs"
    are all cargo, although "PD-1/CD80+ I-sEVs" elsewhere reads as a status."""
    paper = json.loads((GOLD / "zhang2024_sev_pd1_cd80_antipd1.json").read_text(encoding="utf-8"))
    doc = annotate(parse_text(paper["text"], doc_id="t", source="t"))
    cargo = {c.name for a in relate(doc) if a.relation == "transfers_resistance" for c in a.cargo}
    assert {"PDCD1", "CD80", "CD274"} <= cargo


@pytest.mark.parametrize(
    ("text", "drug"),
    [
        (  # a drug that "mimicked" the vesicles' effect is a tool
            "Results\n\nM1-Exos decreased the viability of Huh7 cells exposed to sorafenib. miR-99b-5p bound the 3'UTR "
            "of MTOR; rapamycin mimicked, and the mTOR activator MHY1485 abolished, the effect of M1-Exos.",
            "sirolimus",
        ),
        (  # a covariate ("adjusted for bevacizumab use", "with or without bevacizumab") is no statement's drug
            "Results\n\nSerum was collected from patients starting FOLFOX with or without bevacizumab. Of the 12 miRNAs, "
            "exosomal miR-425-5p showed the strongest difference, and in multivariable analysis adjusted for RAS status "
            "and bevacizumab use, high levels independently predicted non-response.",
            "bevacizumab",
        ),
    ],
)
def test_drugs_that_are_no_statements_drug(text: str, drug: str) -> None:
    assert drug not in {d for _, d, _ in _pairs(text)}


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        # abolishing a protective effect is less resistance, not less drug effect
        ("Knock-down of the lncRNA abrogated the protective effect of the exosomes against bortezomib.", "sensitizes"),
        ("The exosomes abrogated the effect of bortezomib.", "confers_resistance"),
    ],
)
def test_cue_effects(sentence: str, effect: str) -> None:
    doc = annotate(parse_text(sentence, doc_id="t", source="t"))
    span = doc.sentences[0]
    facts = sentence_facts(doc, 0, span, entities_in(doc, span.start, span.end))
    assert {c.effect for c in facts.cues if doc.text[c.start : c.end].startswith("abrogated")} == {effect}
