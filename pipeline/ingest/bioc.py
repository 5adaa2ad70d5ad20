"""BioC XML and BioC JSON (PubTator and PMC BioC exports) -> one Document per BioC document.

Passages become the Document's paragraphs and sections (a ``title`` passage the title, ``title_1``/``title_2``
passages headings of that level, ``abstract`` passages an "Abstract" section, ``*caption`` passages captions,
``ref`` passages references); the annotations that came with the file (PubTator's genes, diseases, chemicals,
...) are kept beside EVminer's own entities in ``Document.annotations``, their offsets moved onto the
Document's text. BioC XML is streamed document by document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from pipeline.errors import EmptyInputError, XMLError, XMLRootError
from pipeline.ingest.builder import DocumentBuilder
from pipeline.ingest.references import parse_reference
from pipeline.ingest.xml import iter_elements, local, parse_xml
from pipeline.models import Annotation, Document, Metadata, Reference

BiocDoc = dict[str, Any]


def _infons(el: etree._Element) -> dict[str, str]:
    return {i.get("key", ""): i.text or "" for i in el.findall("infon")}


def xml_document(el: etree._Element) -> BiocDoc:
    """A ``<document>`` element as the BioC JSON shape."""
    passages = []
    for p in el.findall("passage"):
        text = p.findtext("text")
        if text is None:  # sentence-level BioC: the passage's text is its sentences'
            text = " ".join(s.findtext("text") or "" for s in p.findall("sentence"))
        passages.append(
            {
                "offset": int(p.findtext("offset") or 0),
                "infons": _infons(p),
                "text": text,
                "annotations": [_xml_annotation(a) for a in p.iter("annotation")],
            }
        )
    return {"id": el.findtext("id") or "", "infons": _infons(el), "passages": passages}


def _xml_annotation(a: etree._Element) -> dict[str, Any]:
    return {
        "id": a.get("id", ""),
        "infons": _infons(a),
        "text": a.findtext("text") or "",
        "locations": [
            {"offset": int(loc.get("offset", 0)), "length": int(loc.get("length", 0))} for loc in a.findall("location")
        ],
    }


def _heading_level(kind: str) -> int | None:
    m = re.fullmatch(r"(?:abstract_)?title_(\d)", kind)
    return int(m[1]) if m else None


def bioc_to_document(bdoc: BiocDoc, *, source: str, annotator: str = "", doc_id: str | None = None) -> Document:
    """One BioC document (JSON shape) as a Document.

    Raises:
        EmptyInputError: no passage has text.
    """
    raw_id = str(bdoc.get("id") or "")
    doc_id = doc_id or "bioc-" + (re.sub(r"[^a-z0-9]+", "-", raw_id.lower()).strip("-") or "document")
    where = f"{source}#{raw_id}" if raw_id else source
    builder = DocumentBuilder()
    title: str | None = None
    abstract_open = False
    references: list[Reference] = []
    for passage in bdoc.get("passages") or []:
        text = str(passage.get("text") or "")
        if not text.strip():
            continue
        infons = {str(k): str(v) for k, v in (passage.get("infons") or {}).items()}
        kind = infons.get("type", "").lower()
        offset = int(passage.get("offset") or 0)
        annotations = list(_annotations(passage.get("annotations") or [], offset, text, annotator))
        level = _heading_level(kind)
        if kind in ("title", "front") and title is None:
            title = " ".join(text.split())
            builder.heading(text, 0, annotations=annotations)
        elif level is not None:
            builder.heading(text, level + (1 if kind.startswith("abstract") else 0), annotations=annotations)
        elif kind == "ref":
            references.append(_reference(len(references) + 1, text, infons))
        elif kind.endswith("caption") or kind in ("table", "fig"):
            builder.caption(text)
            builder.pieces[-1].annotations = annotations
        else:
            if kind == "abstract" and not abstract_open:
                builder.heading("Abstract", 1)
                abstract_open = True
            builder.paragraph(text, annotations=annotations)
    if not builder.pieces:
        raise EmptyInputError(where, "the BioC document has no passage with text")
    infons = {str(k): str(v) for k, v in (bdoc.get("infons") or {}).items()}
    year_m = re.search(r"(1[89]\d\d|20\d\d)", infons.get("year", ""))
    metadata = Metadata(
        title=title or infons.get("title") or None,
        journal=infons.get("journal") or None,
        year=int(year_m[1]) if year_m else None,
        doi=infons.get("doi") or None,
        pmid=raw_id if raw_id.isdigit() else infons.get("pmid") or None,
        pmcid=infons.get("pmcid") or (raw_id if raw_id.startswith("PMC") else None),
    )
    return builder.build(doc_id=doc_id, source=where, format="bioc", metadata=metadata, references=references)


def _annotations(items: list[dict[str, Any]], offset: int, text: str, annotator: str) -> Iterator[Annotation]:
    """Annotations with offsets relative to their passage (BioC offsets are the document's)."""
    for a in items:
        locations = a.get("locations") or []
        if not locations:
            continue
        infons = {str(k): str(v) for k, v in (a.get("infons") or {}).items()}
        start = int(locations[0].get("offset", 0)) - offset
        end = start + int(locations[0].get("length", 0))
        if not 0 <= start <= end <= len(text):
            continue
        identifier = infons.get("identifier") or infons.get("Identifier") or infons.get("MESH") or None
        yield Annotation(
            start=start,
            end=end,
            label=infons.get("type", ""),
            text=str(a.get("text") or text[start:end]),
            id=identifier,
            annotator=annotator,
        )


def _reference(number: int, text: str, infons: dict[str, str]) -> Reference:
    ref = parse_reference(number, text)
    update = {k: v for k, v in (("pmid", infons.get("pub-id_pmid")), ("doi", infons.get("pub-id_doi"))) if v}
    return ref.model_copy(update=update) if update else ref


def iter_xml_documents(stream: IO[bytes], source: str) -> Iterator[tuple[BiocDoc, str]]:
    """Stream a BioC XML collection: each document (JSON shape) with the collection's source."""
    collection_source: str | None = None
    for el in iter_elements(stream, {"document"}, source, "bioc"):
        if collection_source is None:  # read before the elements ahead of the first document are freed
            parent = el.getparent()
            collection_source = (parent.findtext("source") if parent is not None else "") or ""
        yield xml_document(el), collection_source


def load_json(data: bytes, source: str) -> dict[str, Any]:
    try:
        collection = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise XMLError(source, f"not valid BioC JSON ({exc})") from exc
    if not isinstance(collection, dict) or not isinstance(collection.get("documents"), list):
        raise XMLRootError(source, "the JSON is not a BioC collection (no 'documents' list)")
    return collection


def parse_bioc(data: bytes, *, source: str, doc_id: str | None = None) -> Document:
    """A BioC file (XML or JSON) holding exactly one document."""
    if data.lstrip()[:1] == b"{":
        collection = load_json(data, source)
        docs = [(d, str(collection.get("source") or "")) for d in collection["documents"]]
    else:
        root = parse_xml(data, source, "bioc")
        docs = [(xml_document(d), root.findtext("source") or "") for d in root if local(d.tag) == "document"]
    if len(docs) != 1:
        raise EmptyInputError(source, f"expected one BioC document, found {len(docs)}")
    bdoc, annotator = docs[0]
    return bioc_to_document(bdoc, source=source, annotator=annotator, doc_id=doc_id)
