"""PubMed/MEDLINE XML (``PubmedArticleSet``, ``MedlineCitationSet``, ``.xml.gz`` too) -> one Document per citation.

The file is streamed (``iterparse``, each citation cleared once read), so a baseline file of 30,000 citations
never sits whole in memory. doc_id is ``pmid-<PMID>``; a structured abstract's labels (BACKGROUND, METHODS, ...)
become sections under "Abstract"; MeSH descriptors, keywords, PMID, PMC id and DOI go into the metadata; the
reference list PubMed holds for some citations becomes the Document's references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from lxml import etree

from pipeline.errors import EmptyInputError
from pipeline.ingest.builder import DocumentBuilder
from pipeline.ingest.references import parse_reference
from pipeline.ingest.xml import iter_elements, local, parse_xml, text_of
from pipeline.models import Document, Metadata, Reference

CITATION_TAGS = frozenset(["PubmedArticle", "MedlineCitation", "PubmedBookArticle"])


def citation_id(el: etree._Element) -> str | None:
    """The PMID of a ``PubmedArticle``/``MedlineCitation`` element."""
    pmid = el.find(".//PMID")
    return text_of(pmid) or None


def _year(article: etree._Element | None, citation: etree._Element) -> int | None:
    for path in (".//JournalIssue/PubDate/Year", ".//ArticleDate/Year", ".//PubDate/MedlineDate", "DateCompleted/Year"):
        for base in (article, citation):
            if base is None:
                continue
            m = re.search(r"(1[89]\d\d|20\d\d)", text_of(base.find(path)))
            if m:
                return int(m[1])
    return None


def citation_document(el: etree._Element, *, source: str, doc_id: str | None = None) -> Document:
    """One ``PubmedArticle`` (or ``MedlineCitation``) element as a Document.

    Raises:
        EmptyInputError: the citation has neither a title nor an abstract.
    """
    citation = el if local(el.tag) == "MedlineCitation" else el.find(".//MedlineCitation")
    if citation is None:
        citation = el.find(".//BookDocument")
    if citation is None:
        raise EmptyInputError(source, f"a <{local(el.tag)}> without a <MedlineCitation>")
    pmid = citation_id(citation) or ""
    doc_id = doc_id or (f"pmid-{pmid}" if pmid else "pubmed-citation")
    where = f"{source}#pmid-{pmid}" if pmid else source
    article = citation.find("Article")
    base = article if article is not None else citation
    title = (
        text_of(base.find("ArticleTitle")) or text_of(base.find("BookTitle")) or text_of(base.find("VernacularTitle"))
    )
    builder = DocumentBuilder()
    if title:
        builder.heading(title, 0)
    abstract = base.find("Abstract")
    parts = abstract.findall("AbstractText") if abstract is not None else []
    if parts:
        builder.heading("Abstract", 1)
        for part in parts:
            label = part.get("Label")
            if label and len(parts) > 1:
                builder.heading(label.strip().capitalize() if label.isupper() else label.strip(), 2)
            builder.paragraph(_abstract_text(part))
    if not title and not parts:
        raise EmptyInputError(where, "the citation has neither a title nor an abstract")
    authors = []
    for author in base.findall("AuthorList/Author"):
        name = " ".join(x for x in (text_of(author.find("ForeName")), text_of(author.find("LastName"))) if x)
        authors.append(name or text_of(author.find("CollectiveName")))
    ids = {a.get("IdType"): text_of(a) for a in el.findall(".//PubmedData/ArticleIdList/ArticleId")}
    doi = next((text_of(e) for e in base.findall("ELocationID") if e.get("EIdType") == "doi"), None) or ids.get("doi")
    journal = text_of(base.find("Journal/Title")) or text_of(base.find("Journal/ISOAbbreviation")) or None
    metadata = Metadata(
        title=title or None,
        authors=[a for a in authors if a],
        journal=journal,
        year=_year(article, citation),
        doi=doi or None,
        keywords=[text_of(k) for k in citation.findall("KeywordList/Keyword") if text_of(k)],
        pmid=pmid or None,
        pmcid=ids.get("pmc") or None,
        mesh_terms=[text_of(d) for d in citation.findall("MeshHeadingList/MeshHeading/DescriptorName")],
    )
    return builder.build(doc_id=doc_id, source=where, format="pubmed", metadata=metadata, references=_references(el))


def _abstract_text(part: etree._Element) -> str:
    """An AbstractText's clean text; the line break PubMed's pretty printing puts before a ``<sub>``/``<sup>``
    is dropped ("β<sub>2</sub>-agonist" -> "β2-agonist")."""
    pieces = [part.text or ""]
    for child in part:
        if local(child.tag) in ("sub", "sup", "inf") and "\n" in pieces[-1][-40:]:
            pieces[-1] = pieces[-1].rstrip(" \t\r\n")
        pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return " ".join("".join(pieces).split())


def _references(el: etree._Element) -> list[Reference]:
    refs = []
    for i, ref in enumerate(el.findall(".//PubmedData/ReferenceList/Reference"), 1):
        parsed = parse_reference(i, text_of(ref.find("Citation")))
        ids = {a.get("IdType"): text_of(a) for a in ref.findall("ArticleIdList/ArticleId")}
        update = {k: v for k, v in (("pmid", ids.get("pubmed")), ("doi", ids.get("doi"))) if v}
        refs.append(parsed.model_copy(update=update) if update else parsed)
    return refs


def iter_citations(stream: IO[bytes], source: str) -> Iterator[etree._Element]:
    """Stream the citation elements of a PubMed/MEDLINE file (each valid until the next is read)."""
    yield from iter_elements(stream, set(CITATION_TAGS), source, "pubmed")


def parse_pubmed_citation(data: bytes, *, source: str, doc_id: str | None = None) -> Document:
    """A file or fragment holding one citation (a ``PubmedArticleSet`` of one, or a bare ``PubmedArticle``)."""
    root = parse_xml(data, source, "pubmed")
    el = root if local(root.tag) in CITATION_TAGS else next((c for c in root if local(c.tag) in CITATION_TAGS), None)
    if el is None:
        raise EmptyInputError(source, "the PubMed file holds no citation")
    return citation_document(el, source=source, doc_id=doc_id)
