"""The readers EVminer has, chosen by a file's content (and only then its extension), in one registry.

A file holds one document (text, markdown, PDF, a JATS article) or many (a PubMed/MEDLINE file of citations,
a BioC collection). ``members`` turns any file into the documents it holds, each a ``Member`` with the bytes
one reader needs (so that a batch can hand the 30,000 citations of one PubMed file to several workers while
the file is streamed); ``read_member`` reads one into a Document.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pipeline.errors import EmptyInputError, IngestError, UnsupportedFormatError, XMLError, XMLRootError
from pipeline.models import Document
from pipeline.registry import CONTAINER_READERS, DEFAULT_PDF_ENGINE
from pipeline.registry import READERS as READER_NAMES

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}
XML_SUFFIXES = (".xml", ".nxml", ".gz", ".json")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".pdf", *XML_SUFFIXES)
CONTAINER_KINDS = frozenset(CONTAINER_READERS)


class Reader(Protocol):
    """What every reader is: a file's bytes (and where they came from) -> one Document."""

    def __call__(self, data: bytes, *, source: str, doc_id: str) -> Document: ...


@dataclass(frozen=True)
class Member:
    """One document of a file: ``key`` names it in manifests (the path, or ``path#pmid-123`` for one citation
    of a PubMed file), ``kind`` says which reader reads ``data``."""

    key: str
    doc_id: str
    kind: str
    data: bytes


def _read_text(kind: str) -> Reader:
    def read(data: bytes, *, source: str, doc_id: str) -> Document:
        from pipeline.ingest.decode import decode_text
        from pipeline.ingest.text import parse_text

        text, warnings = decode_text(data, source)
        doc = parse_text(text, doc_id=doc_id, source=source, fmt=kind)
        return doc.model_copy(update={"warnings": warnings + doc.warnings}) if warnings else doc

    return read


def _read_jats(data: bytes, *, source: str, doc_id: str) -> Document:
    from pipeline.ingest.jats import parse_jats

    return parse_jats(data, source=source, doc_id=doc_id)


def _read_pubmed(data: bytes, *, source: str, doc_id: str) -> Document:
    from pipeline.ingest.pubmed import parse_pubmed_citation

    return parse_pubmed_citation(data, source=source, doc_id=doc_id)


def _read_bioc(data: bytes, *, source: str, doc_id: str) -> Document:
    from pipeline.ingest.bioc import parse_bioc

    return parse_bioc(data, source=source, doc_id=doc_id)


def pdf_reader(engine: str | None) -> Reader:
    def read(data: bytes, *, source: str, doc_id: str) -> Document:
        from pipeline.ingest.pdf import parse_pdf

        return parse_pdf(data, doc_id=doc_id, source=source, engine=engine or DEFAULT_PDF_ENGINE)

    return read


# The readers, by the names of pipeline.registry.READERS (a reader that takes a PDF engine gets it).
READERS: dict[str, Callable[[str | None], Reader]] = {
    "text": lambda _engine: _read_text("text"),
    "markdown": lambda _engine: _read_text("markdown"),
    "pdf": pdf_reader,
    "jats": lambda _engine: _read_jats,
    "pubmed": lambda _engine: _read_pubmed,
    "bioc": lambda _engine: _read_bioc,
    "bioc-json": lambda _engine: _read_bioc,
}
assert tuple(READERS) == READER_NAMES, "a reader without its name in pipeline.registry, or the other way round"


def _head(data: bytes) -> bytes:
    """The first 64 KB, gunzipped when the file is gzip."""
    from pipeline.ingest.xml import HEAD_BYTES, is_gzip

    if is_gzip(data):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[: 4 * HEAD_BYTES], HEAD_BYTES)
        except zlib.error:
            return b""
    return data[:HEAD_BYTES]


def detect(head: bytes, suffix: str, source: str) -> str:
    """Which reader a file needs, from its first bytes (gunzipped) and then its extension.

    Raises:
        EmptyInputError, XMLError, XMLRootError, UnsupportedFormatError: the file is none EVminer reads.
    """
    from pipeline.ingest.xml import root_name, sniff

    suffix = suffix.lower()
    if head.startswith(b"%PDF-"):
        return "pdf"
    kind = sniff(head)
    if kind:
        return kind
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if suffix == ".pdf":
        return "pdf"
    if suffix in XML_SUFFIXES:
        if not stripped:
            raise EmptyInputError(source, "the file is empty")
        if stripped[:1] == b"{":
            raise XMLRootError(source, "the JSON is not a BioC collection (no 'documents' list)")
        name = root_name(stripped)
        if name is None:
            raise XMLError(source, "not XML (no root element where the file starts)")
        raise XMLRootError(
            source,
            f"the root element is <{name}>: not a JATS <article>, a PubMed <PubmedArticleSet> or a BioC <collection>",
        )
    raise UnsupportedFormatError(
        source, f"unsupported file type {suffix!r}; expected one of {', '.join(SUPPORTED_SUFFIXES)}"
    )


def suffix_of(path: str | Path) -> str:
    """ ".xml" for "citations.xml.gz": the extension under a compression one."""
    p = Path(path)
    return Path(p.stem).suffix if p.suffix.lower() == ".gz" else p.suffix


def members(path: str | Path, doc_id: str, data: bytes | None = None, suffix: str | None = None) -> Iterator[Member]:
    """The documents a file holds, streamed; a one-document file is one Member with the whole file.

    Raises:
        IngestError: the file cannot be read, or is of no kind EVminer reads (raised while streaming when a
            PubMed file turns bad after some citations: those before it have been yielded).
    """
    source = str(path)
    if data is None:
        try:
            with open(path, "rb") as fh:
                head = fh.read(4 * 65536)
        except FileNotFoundError as exc:
            raise IngestError(path, "no such file") from exc
        except IsADirectoryError as exc:
            raise IngestError(path, "is a directory, not a file") from exc
        except OSError as exc:
            raise IngestError(path, f"cannot be read ({exc.strerror})") from exc
    else:
        head = data[: 4 * 65536]
    if not head:
        raise EmptyInputError(source, "the file is empty")
    kind = detect(_head(head), suffix if suffix is not None else suffix_of(path), source)
    if kind not in CONTAINER_KINDS:
        if data is None:
            data = Path(path).read_bytes()
        from pipeline.ingest.xml import gunzip, is_gzip

        if is_gzip(data) and kind != "pdf":
            data = gunzip(data, source)
        yield Member(source, doc_id, kind, data)
        return
    yield from _container_members(path, data, kind, source)


def container_kind(path: str | Path) -> str | None:
    """ "pubmed", "bioc" or "bioc-json" when the file holds many documents (read from its first bytes only),
    else None (one document, or not readable: its reader says why)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4 * 65536)
    except OSError:
        return None
    from pipeline.ingest.xml import sniff

    kind = sniff(_head(head))
    return kind if kind in CONTAINER_KINDS else None


def _container_members(path: str | Path, data: bytes | None, kind: str, source: str) -> Iterator[Member]:
    from lxml import etree

    from pipeline.ingest.xml import gunzip, is_gzip, open_stream

    if kind == "bioc-json":
        raw = data if data is not None else Path(path).read_bytes()
        from pipeline.ingest.bioc import load_json

        collection = load_json(gunzip(raw, source) if is_gzip(raw) else raw, source)
        head = {k: v for k, v in collection.items() if k != "documents"}
        for i, d in enumerate(collection["documents"]):
            ident = str(d.get("id") or i + 1) if isinstance(d, dict) else str(i + 1)
            body = json.dumps({**head, "documents": [d]}, ensure_ascii=False).encode()
            yield Member(f"{source}#{ident}", _bioc_id(ident), "bioc", body)
        return
    stream = open_stream(data if data is not None else str(path), source)
    try:
        if kind == "pubmed":
            from pipeline.ingest.pubmed import citation_id, iter_citations

            for n, el in enumerate(iter_citations(stream, source), 1):
                pmid = citation_id(el)
                ident = f"pmid-{pmid}" if pmid else f"citation-{n}"
                yield Member(f"{source}#{ident}", ident, "pubmed", etree.tostring(el, encoding="utf-8"))
        else:
            from pipeline.ingest.xml import iter_elements

            collection_source: str | None = None
            for n, el in enumerate(iter_elements(stream, {"document"}, source, "bioc"), 1):
                if collection_source is None:  # read before the elements ahead of the first document are freed
                    parent = el.getparent()
                    collection_source = (parent.findtext("source") if parent is not None else "") or ""
                ident = el.findtext("id") or str(n)
                wrapped = etree.Element("collection")
                etree.SubElement(wrapped, "source").text = collection_source or ""
                wrapped.append(etree.fromstring(etree.tostring(el)))
                yield Member(f"{source}#{ident}", _bioc_id(ident), "bioc", etree.tostring(wrapped, encoding="utf-8"))
    finally:
        stream.close()


def _bioc_id(ident: str) -> str:
    return "bioc-" + (re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or "document")


def read_member(member: Member, pdf_engine: str | None = None) -> Document:
    """Read one Member with the reader its kind names."""
    return READERS[member.kind](pdf_engine)(member.data, source=member.key, doc_id=member.doc_id)
