"""The pdfium character source (issue 7, first version) against the pdfplumber-only path."""

import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.errors import EmptyInputError, PDFError
from pipeline.ingest.pdf import parse_pdf
from pipeline.models import Document

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdfs"
CORPUS = sorted((PDFS / "corpus").glob("*.pdf"))


@cache
def _both(path: Path) -> tuple[Document, Document]:
    data = path.read_bytes()
    return (
        parse_pdf(data, doc_id="d", source=path.name, engine="pdfplumber"),
        parse_pdf(data, doc_id="d", source=path.name, engine="pdfium"),
    )


def _sentences(doc: Document) -> list[str]:
    return [re.sub(r"\s+", " ", doc.span_text(s)).strip() for s in doc.sentences]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_pdfium_engine_gives_the_same_document_on_the_corpus_pdfs(path: Path) -> None:
    plumber, pdfium = _both(path)
    assert [(t.label, t.caption, t.header, t.rows) for t in pdfium.tables] == [
        (t.label, t.caption, t.header, t.rows) for t in plumber.tables
    ]
    assert _sentences(pdfium) == _sentences(plumber)
    assert [(c.start, c.refs) for c in pdfium.citations] == [(c.start, c.refs) for c in plumber.citations]
    assert [r.raw for r in pdfium.references] == [r.raw for r in plumber.references]
    assert pdfium.metadata.title == plumber.metadata.title and pdfium.metadata.doi == plumber.metadata.doi


@pytest.mark.parametrize(
    ("data", "error"),
    [(b"", EmptyInputError), (b"<html>not a pdf</html>", PDFError), (b"%PDF-1.4\n%%EOF", PDFError)],
)
def test_pdfium_engine_bad_pdfs_give_the_same_typed_errors(data: bytes, error: type[Exception]) -> None:
    for engine in ("pdfplumber", "pdfium"):
        with pytest.raises(error, match=r"bad\.pdf"):
            parse_pdf(data, doc_id="bad", source="bad.pdf", engine=engine)


def test_unknown_pdf_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        parse_pdf(b"%PDF-1.4", doc_id="x", source="x.pdf", engine="ocr")
