"""The two corpus reviews parsed end to end: metadata, structure, citations, references, tables."""

import pytest

from pipeline.models import Document
from tests.gold.tables import FENG, SCHWARZENBACH, TABLES


def test_corpus_metadata(corpus_docs: dict[str, Document]) -> None:
    feng, schw = corpus_docs[FENG].metadata, corpus_docs[SCHWARZENBACH].metadata
    assert (
        feng.title
        == "Tumor-Derived Small Extracellular Vesicles Involved in Breast Cancer Progression and Drug Resistance"
    )
    assert feng.authors == ["Lingyun Feng", "Lijuan Guo", "Yoshimasa Tanaka", "Li Su"]
    assert (feng.journal, feng.year, feng.doi) == ("Int. J. Mol. Sci.", 2022, "10.3390/ijms232315236")
    assert (
        schw.title
        == "Predictive value of exosomes and their cargo in drug response/resistance of breast cancer patients"
    )
    assert schw.authors == ["Heidi Schwarzenbach", "Peter B. Gahan"]
    assert (schw.journal, schw.year, schw.doi) == ("Cancer Drug Resist", 2020, "10.20517/cdr.2019.90")
    assert "microRNAs" in schw.keywords


@pytest.mark.parametrize(("name", "count"), [(FENG, 236), (SCHWARZENBACH, 140)])
def test_corpus_reference_count(corpus_docs: dict[str, Document], name: str, count: int) -> None:
    refs = corpus_docs[name].references
    assert [r.number for r in refs] == list(range(1, count + 1))
    assert sum(1 for r in refs if r.first_author and r.year) / count >= 0.99


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_every_citation_resolves(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    numbers = [n for c in doc.citations for n in c.refs]
    assert len(doc.citations) > 100
    unresolved = [n for n in numbers if doc.reference(n) is None]
    assert unresolved == []


@pytest.mark.parametrize(("name", "expected"), [(FENG, 168), (SCHWARZENBACH, 130)])
def test_corpus_citation_markers_all_found(corpus_docs: dict[str, Document], name: str, expected: int) -> None:
    # Counted by hand-checked grep of the prose (table Ref. cells excluded): every marker becomes a span.
    assert len(corpus_docs[name].citations) == expected


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_clean_text_has_no_markup(corpus_docs: dict[str, Document], name: str) -> None:
    text = corpus_docs[name].text
    for junk in ("<sup>", "$", "\\alpha", "**", "^[", "[[", "\ue000", "\ue001"):
        assert junk not in text
    assert "NF-κB" in text


def test_corpus_sections(corpus_docs: dict[str, Document]) -> None:
    feng = [(s.number, s.title, s.level) for s in corpus_docs[FENG].sections]
    assert ("2.4", "Biomarkers of sEVs", 2) in feng
    assert ("4", "sEV-Based BC Diagnosis and Therapy", 1) in feng
    assert ("3.5", "sEVs Modulate BC Drug Resistance", 2) in feng
    schw = [(s.title, s.level) for s in corpus_docs[SCHWARZENBACH].sections]
    assert ("PREDICTIVE VALUE OF EXOSOMES AND THEIR CARGO", 1) in schw
    assert ("Exosomal microRNAs", 2) in schw
    assert ("Derived from mesenchymal stem cells", 2) in schw


def test_corpus_sections_nest(corpus_docs: dict[str, Document]) -> None:
    doc = corpus_docs[FENG]
    top = next(s for s in doc.sections if s.number == "3")
    sub = next(s for s in doc.sections if s.number == "3.5")
    assert top.start < sub.start and sub.end <= top.end
    assert "GSTP1 is a drug metabolic enzyme" in doc.span_text(sub)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # a paragraph cut by a page break, joined again
        (FENG, "Raposo et al. identified a variety proteins, lipids and nucleic acids in sEVs."),
        # a paragraph cut by Table 2 and its glossary
        (
            SCHWARZENBACH,
            "In co-culture experiments, exosomes derived from adriamycin-resistant BC cells were able to promote active sequestration of drugs and induce a drug resistance phenotype in sensitive MCF-7 cells by transferring the drug-resistance-related gene MDR-1 mRNA.",
        ),
        # hyphenation at a page break undone
        (
            FENG,
            "Protein transfer from CAFs to cancer cells through sEVs also plays an essential role in tumorigenesis.",
        ),
        # "et al." followed by a removed citation and the sentence's own stop
        (
            SCHWARZENBACH,
            "Lv et al. also investigated the cell-to-cell communication by exosomes containing P-glycoprotein.",
        ),
        (SCHWARZENBACH, "The ability of miR-222 to mediate chemoresistance was confirmed by Wei et al."),
    ],
)
def test_corpus_sentences(corpus_docs: dict[str, Document], name: str, sentence: str) -> None:
    doc = corpus_docs[name]
    assert sentence in [doc.span_text(s) for s in doc.sentences]


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_citation_spans_sit_in_sentences(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    assert all(doc.sentence_at(c.start) is not None for c in doc.citations)


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_tables_match_hand_transcription(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    gold = TABLES[name]
    assert [t.label for t in doc.tables] == [g["label"] for g in gold]
    for table, expected in zip(doc.tables, gold, strict=False):
        assert table.caption == expected["caption"]
        assert table.header == expected["header"]
        assert len(table.rows) == len(expected["rows"])
        for got, want in zip(table.rows, expected["rows"], strict=False):
            assert got == want
        if "glossary" in expected:
            assert table.glossary == expected["glossary"]


def test_corpus_table_row_counts(corpus_docs: dict[str, Document]) -> None:
    counts = [len(t.rows) for name in (FENG, SCHWARZENBACH) for t in corpus_docs[name].tables]
    assert counts == [16, 15, 16, 12, 15, 4]
    assert sum(counts) == 78


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_table_refs_resolve(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    for table in doc.tables:
        assert len(table.row_refs) == len(table.rows)
        assert all(refs and all(doc.reference(n) for n in refs) for refs in table.row_refs)


@pytest.mark.parametrize("name", [FENG, SCHWARZENBACH])
def test_corpus_round_trip(corpus_docs: dict[str, Document], name: str) -> None:
    doc = corpus_docs[name]
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_corpus_same_study_matches_across_reviews(corpus_docs: dict[str, Document]) -> None:
    feng = {r.study_key for r in corpus_docs[FENG].references if r.study_key}
    schw = {r.study_key for r in corpus_docs[SCHWARZENBACH].references if r.study_key}
    shared = feng & schw
    # e.g. Gao et al. 2020 (Feng [136]) and Keklikoglou et al. 2019 are cited by both reviews
    assert len(shared) >= 3
