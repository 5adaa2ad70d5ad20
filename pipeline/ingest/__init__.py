"""Ingest: a file (or a string) -> Document."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import IngestError, UnsupportedFormatError
from pipeline.ingest.decode import decode_text
from pipeline.ingest.text import parse_text
from pipeline.models import Document

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".pdf")


def doc_id_for(path: Path) -> str:
    """A stable, file-system-safe id from the file name ("Feng 2022.txt" -> "feng-2022")."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug or "document"


def ingest_bytes(data: bytes, *, source: str, suffix: str, doc_id: str, pdf_engine: str | None = None) -> Document:
    """Parse an article's bytes; ``suffix`` (".txt", ".md", ".pdf") says which reader to use, ``pdf_engine``
    where a PDF's characters come from ("pdfium", the default, or "pdfplumber")."""
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text, warnings = decode_text(data, source)
        doc = parse_text(text, doc_id=doc_id, source=source, fmt=TEXT_SUFFIXES[suffix])
        return doc.model_copy(update={"warnings": warnings + doc.warnings}) if warnings else doc
    if suffix == ".pdf":
        from pipeline.ingest.pdf import DEFAULT_PDF_ENGINE, parse_pdf

        return parse_pdf(data, doc_id=doc_id, source=source, engine=pdf_engine or DEFAULT_PDF_ENGINE)
    raise UnsupportedFormatError(
        source, f"unsupported file type {suffix!r}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


def ingest(path: str | Path, *, pdf_engine: str | None = None) -> Document:
    """Read a review (.txt, .md, .pdf) into a Document (``pdf_engine``: see ingest_bytes).

    Raises:
        IngestError: the file is missing, empty, binary, not decodable, or of an unsupported type.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise IngestError(path, "is a directory, not a file") from exc
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror})") from exc
    return ingest_bytes(data, source=str(path), suffix=path.suffix, doc_id=doc_id_for(path), pdf_engine=pdf_engine)


__all__ = ["doc_id_for", "ingest", "ingest_bytes", "parse_text"]
