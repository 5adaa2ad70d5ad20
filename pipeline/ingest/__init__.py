"""Ingest: a file (or a string) -> Document; ``read_documents`` for files that hold many (PubMed, BioC)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import IngestError
from pipeline.ingest.readers import SUPPORTED_SUFFIXES, TEXT_SUFFIXES, Member, members, read_member, suffix_of
from pipeline.ingest.text import parse_text
from pipeline.models import Document


def doc_id_for(path: Path) -> str:
    """A stable, file-system-safe id from the file name ("Feng 2022.txt" -> "feng-2022")."""
    name = Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "document"


def _one(found: Iterator[Member], source: str, pdf_engine: str | None, doc_id: str | None = None) -> Document:
    first = next(found, None)
    if first is None:
        raise IngestError(source, "the file holds no document")
    if next(found, None) is not None:
        raise IngestError(
            source, "the file holds several documents (a PubMed or BioC collection): read it with read_documents"
        )
    if doc_id is not None and first.doc_id != doc_id:
        first = Member(first.key, doc_id, first.kind, first.data)
    return read_member(first, pdf_engine)


def ingest_bytes(data: bytes, *, source: str, suffix: str, doc_id: str, pdf_engine: str | None = None) -> Document:
    """Parse an article's bytes. The reader is chosen by content (PDF, JATS, PubMed, BioC XML/JSON), then by
    ``suffix`` (".txt", ".md"); ``pdf_engine`` says where a PDF's characters come from ("pdfium", the default,
    or "pdfplumber")."""
    return _one(members(source, doc_id, data, suffix=suffix), source, pdf_engine, doc_id)


def ingest(path: str | Path, *, pdf_engine: str | None = None) -> Document:
    """Read one article (.txt, .md, .pdf, JATS .nxml/.xml, a one-citation PubMed file, a one-document BioC
    file) into a Document (``pdf_engine``: see ingest_bytes). doc_id comes from the file name, or for a PubMed
    citation from its PMID (``pmid-N``) and for a BioC document from its id (``bioc-ID``).

    Raises:
        IngestError: the file is missing, empty, binary, not decodable, malformed, of an unsupported type, or
            holds several documents (use ``read_documents``).
    """
    path = Path(path)
    return _one(members(path, doc_id_for(path)), str(path), pdf_engine)


def read_documents(path: str | Path, *, pdf_engine: str | None = None) -> Iterator[Document]:
    """Every document a file holds, one at a time (a PubMed file of 30,000 citations is streamed).

    Raises:
        IngestError: at the first document or file that cannot be read.
    """
    path = Path(path)
    for member in members(path, doc_id_for(path)):
        yield read_member(member, pdf_engine)


__all__ = [
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "doc_id_for",
    "ingest",
    "ingest_bytes",
    "parse_text",
    "read_documents",
    "suffix_of",
]
