"""The corpus reviews typeset as journal PDFs (benchmarks/make_corpus_pdfs.py) read back into the Document that
their text gives: tables cell by cell, references, sentences and citation spans."""

import re
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from pipeline.ingest import ingest
from pipeline.models import Document

ROOT = Path(__file__).resolve().parents[2]
STEMS = ["schwarzenbach2020_cdr_exosome_drug_resistance", "feng2022_ijms_sev_breast_cancer"]


@cache
def _pair(stem: str) -> tuple[Document, Document]:
    return ingest(ROOT / "corpus" / f"{stem}.txt"), ingest(
        ROOT / "tests" / "fixtures" / "pdfs" / "corpus" / f"{stem}.pdf"
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _citations_by_sentence(doc: Document) -> dict[str, list[tuple[int, ...]]]:
    out: dict[str, list[tuple[int, ...]]] = {}
    for cite in doc.citations:
        sentence = next((s for s in doc.sentences if s.start <= cite.start <= s.end), None)
        if sentence is not None:
            out.setdefault(_norm(doc.span_text(sentence)), []).append(tuple(cite.refs))
    return out


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_tables_equal_text_tables_cell_by_cell(stem: str) -> None:
    text, pdf = _pair(stem)
    assert [t.label for t in pdf.tables] == [t.label for t in text.tables]
    for a, b in zip(text.tables, pdf.tables, strict=True):
        assert (b.caption, b.header, b.rows, b.row_refs) == (a.caption, a.header, a.rows, a.row_refs)
        assert b.glossary == a.glossary


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_references_equal_text_references(stem: str) -> None:
    text, pdf = _pair(stem)
    assert len(pdf.references) == len(text.references)
    assert [r.number for r in pdf.references] == [r.number for r in text.references]


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_sentences_match_text_sentences(stem: str) -> None:
    text, pdf = _pair(stem)
    found = {_norm(pdf.span_text(s)) for s in pdf.sentences}
    wanted = [_norm(text.span_text(s)) for s in text.sentences]
    assert sum(s in found for s in wanted) / len(wanted) >= 0.98


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_citation_spans_carry_the_same_references(stem: str) -> None:
    text, pdf = _pair(stem)
    want, got = _citations_by_sentence(text), _citations_by_sentence(pdf)
    total = sum(len(v) for v in want.values())
    same = sum(len(v) for k, v in want.items() if got.get(k) == v)
    assert same / total >= 0.98


def test_pdf_fixture_is_laid_out_like_a_journal() -> None:
    """The fixture has what the reader must undo: two columns, superscripts, a running header, a split table."""
    path = ROOT / "tests" / "fixtures" / "pdfs" / "corpus" / f"{STEMS[1]}.pdf"
    with pdfplumber.open(path) as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        assert any(re.search(r"^Table \d\. Cont\.$", t, re.M) for t in texts)
        assert all("Int. J. Mol. Sci." in t.splitlines()[0] for t in texts)
    path = ROOT / "tests" / "fixtures" / "pdfs" / "corpus" / f"{STEMS[0]}.pdf"
    with pdfplumber.open(path) as pdf:
        sizes = {round(c["size"], 1) for c in pdf.pages[1].chars}
        assert min(sizes) < 7 < 9 in sizes  # superscript citation numbers beside 9-pt body text
