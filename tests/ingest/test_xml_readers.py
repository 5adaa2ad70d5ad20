"""The structured readers (PMC JATS, PubMed/MEDLINE, BioC XML/JSON) on the real samples in ../shared/xml, and
their typed errors on bad XML."""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import pytest
from lxml import etree

from pipeline.errors import EmptyInputError, IngestError, XMLEntityError, XMLError, XMLRootError
from pipeline.ingest import ingest, read_documents
from pipeline.ingest.readers import members

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "xml"
JATS = ["1471-2180-11-174.nxml", "ehp-116-1694.nxml", "pntd.0002065.nxml", "pone.0046493.nxml"]
needs_samples = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/xml not present")


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _xml(name: str) -> etree._Element:
    return etree.parse(str(SAMPLES / name), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


@needs_samples
@pytest.mark.parametrize("name", JATS)
def test_jats_tables_cell_by_cell(name: str) -> None:
    doc = ingest(SAMPLES / name)
    wraps = [w for w in _xml(name).iter("table-wrap") if w.find(".//table") is not None]
    assert len(doc.tables) == len(wraps)
    for table, wrap in zip(doc.tables, wraps, strict=True):
        assert table.label == _text(wrap.find("label")).rstrip(".")
        has_head = wrap.find(".//thead") is not None
        body = [tr for tr in wrap.iter("tr") if tr.getparent().tag != "thead"]
        body = [tr for tr in body if any(_text(c) for c in tr)][0 if has_head else 1 :]
        assert len(table.rows) == len(body)
        for row, tr in zip(table.rows, body, strict=True):
            cells = iter(row)  # every cell of the XML row in order (spanned cells repeat on the grid)
            for cell in tr:
                assert _text(cell) in cells, (table.label, _text(cell), row)
        for th in wrap.iter("th") if has_head else ():
            if th.getparent().getparent().tag == "thead":
                assert any(_text(th) in h for h in table.header)
        notes = wrap.find("table-wrap-foot")
        if notes is not None:
            squeezed = _text(notes).replace(" ", "")
            assert table.footnotes and all(f.replace(" ", "") in squeezed for f in table.footnotes)
    assert doc.format == "jats"


@needs_samples
def test_jats_samples_hold_eleven_tables_and_212_references() -> None:
    docs = [ingest(SAMPLES / n) for n in JATS]
    assert sum(len(d.tables) for d in docs) == 11
    assert sum(len(d.references) for d in docs) == 212


@needs_samples
@pytest.mark.parametrize("name", JATS)
def test_jats_references_keep_doi_and_pmid(name: str) -> None:
    doc = ingest(SAMPLES / name)
    refs = list(_xml(name).iter("ref"))
    assert len(doc.references) == len(refs)
    for ref, xml_ref in zip(doc.references, refs, strict=True):
        ids = {p.get("pub-id-type"): _text(p) for p in xml_ref.iter("pub-id")}
        assert ref.doi == ids.get("doi", ref.doi) and (ids.get("doi") is None or ref.doi)
        assert ref.pmid == ids.get("pmid", ref.pmid)
        assert ref.raw and "<" not in ref.raw


@needs_samples
@pytest.mark.parametrize("name", JATS)
def test_jats_citations_resolved(name: str) -> None:
    doc = ingest(SAMPLES / name)
    root = _xml(name)
    number = {r.get("id"): doc.references[i].number for i, r in enumerate(root.iter("ref"))}
    xrefs = [x for x in root.iter("xref") if x.get("ref-type") == "bibr"]
    cited = {n for c in doc.citations for n in c.refs}
    resolved = [x for x in xrefs if all(number.get(r) in cited for r in x.get("rid", "").split())]
    assert len(resolved) / len(xrefs) >= 0.99
    for c in doc.citations:  # a cut numeric marker leaves no bracket and no double space behind
        if c.start == c.end:
            assert not re.match(r"\s*[\[\]]", doc.text[c.start : c.start + 2])
    assert "  " not in doc.text and "[" + "]" not in doc.text


@needs_samples
@pytest.mark.parametrize("name", JATS)
def test_jats_sections_as_in_the_xml(name: str) -> None:
    doc = ingest(SAMPLES / name)
    root = _xml(name)
    body = root.find("body")

    def depth(sec: etree._Element) -> int:
        return sum(1 for a in sec.iterancestors() if a.tag == "sec") + 1

    expected = [(_text(s.find("title")), depth(s)) for s in body.iter("sec") if _text(s.find("title"))]
    got = [(s.title, s.level) for s in doc.sections]
    assert any(got[i : i + len(expected)] == expected for i in range(len(got))), (expected[:5], got[:8])
    assert doc.sections[0].level == 0 and doc.sections[0].title == _text(root.find(".//article-title"))
    assert doc.metadata.doi and doc.metadata.pmid and doc.metadata.year
    assert not re.search(r"&#x?[0-9a-fA-F]+;|</?[a-z-]+>", doc.text)


@needs_samples
def test_jats_inline_formatting_and_entities() -> None:
    doc = ingest(SAMPLES / "pone.0046493.nxml")
    assert doc.metadata.title.startswith("MmPPOX Inhibits Mycobacterium tuberculosis")
    doc = ingest(SAMPLES / "1471-2180-11-174.nxml")
    assert doc.metadata.title == "Factors influencing lysis time stochasticity in bacteriophage λ"


@needs_samples
def test_pubmed_citation_structured_abstract_and_mesh(tmp_path: Path) -> None:
    doc = ingest(SAMPLES / "pubmed-29768149.xml")
    assert doc.doc_id == "pmid-29768149" and doc.format == "pubmed"
    assert [(s.title, s.level) for s in doc.sections][1:] == [
        ("Abstract", 1), ("Background", 2), ("Methods", 2), ("Results", 2), ("Conclusions", 2),
    ]  # fmt: skip
    assert "β2-agonist" in doc.text
    assert doc.metadata.doi == "10.1056/NEJMoa1715274" and doc.metadata.year == 2018
    assert "Budesonide" in doc.metadata.mesh_terms and len(doc.metadata.mesh_terms) == 23
    gz = tmp_path / "baseline.xml.gz"
    gz.write_bytes(gzip.compress((SAMPLES / "pubmed-29768149.xml").read_bytes()))
    assert [d.text for d in read_documents(gz)] == [doc.text]


def _pubmed_set(n: int) -> bytes:
    one = (SAMPLES / "pubmed-29768149.xml").read_text(encoding="utf-8")
    article = one[one.index("<PubmedArticle>") : one.index("</PubmedArticleSet>")]
    body = "".join(article.replace("29768149", str(1000 + i), 2) for i in range(n))
    return f'<?xml version="1.0"?>\n<PubmedArticleSet>{body}</PubmedArticleSet>'.encode()


@needs_samples
def test_pubmed_file_streamed_one_document_per_citation(tmp_path: Path) -> None:
    path = tmp_path / "set.xml"
    path.write_bytes(_pubmed_set(5))
    found = list(members(path, "set"))
    assert [m.doc_id for m in found] == [f"pmid-{1000 + i}" for i in range(5)]
    assert found[0].key == f"{path}#pmid-1000"
    docs = list(read_documents(path))
    assert len(docs) == 5 and docs[3].metadata.pmid == "1003"
    with pytest.raises(IngestError, match="several documents"):
        ingest(path)


@needs_samples
def test_bioc_xml_passages_and_annotations_kept() -> None:
    docs = list(read_documents(SAMPLES / "biored_dev.BioC.xml"))
    assert len(docs) == 100
    first = docs[0]
    assert first.doc_id == "bioc-14510914" and first.metadata.pmid == "14510914"
    assert first.sections[0].level == 0 and first.sections[1].title == "Abstract"
    n = 0
    for doc in docs:
        for a in doc.annotations:
            assert doc.text[a.start : a.end] == a.text
            assert a.annotator == "PubTator"
            n += 1
    assert n == len(re.findall(rb"<annotation ", (SAMPLES / "biored_dev.BioC.xml").read_bytes()))


@needs_samples
def test_bioc_json_reads_as_the_xml(tmp_path: Path) -> None:
    from pipeline.ingest.bioc import xml_document

    root = _xml("biored_dev.BioC.xml")
    docs = [xml_document(d) for d in root.iter("document")][:3]
    path = tmp_path / "pubtator.json"
    path.write_text(json.dumps({"source": "PubTator", "date": "", "key": "", "infons": {}, "documents": docs}))
    from_json = list(read_documents(path))
    from_xml = list(read_documents(SAMPLES / "biored_dev.BioC.xml"))[:3]
    assert [d.text for d in from_json] == [d.text for d in from_xml]
    assert [d.annotations for d in from_json] == [d.annotations for d in from_xml]


@needs_samples
@pytest.mark.parametrize(("name", "suffix", "fmt"), [
    ("pubmed-29768149.xml", ".txt", "pubmed"), ("pone.0046493.nxml", ".xml", "jats"),
    ("pone.0046493.nxml", ".dat", "jats"),
])  # fmt: skip
def test_reader_chosen_by_content(tmp_path: Path, name: str, suffix: str, fmt: str) -> None:
    path = tmp_path / f"paper{suffix}"
    path.write_bytes((SAMPLES / name).read_bytes())
    assert ingest(path).format == fmt


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<article><body><p>&lol4;</p></body></article>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<article><body><p>&xxe;</p></body></article>"""


@pytest.mark.parametrize(("name", "data", "error", "words"), [
    ("broken.nxml", b"<article><body><p>no end</body></article>", XMLError, "not well-formed"),
    ("wrong.xml", b"<?xml version='1.0'?><html><body>hi</body></html>", XMLRootError, "<html>"),
    ("notxml.xml", b"just some words", XMLError, "not XML"),
    ("empty.nxml", b"", EmptyInputError, "empty"),
    ("bare.nxml", b"<article><front/><body/></article>", EmptyInputError, "no title"),
    ("laughs.xml", LAUGHS, XMLEntityError, "entities"),
    ("xxe.nxml", EXTERNAL, XMLEntityError, "entities"),
    ("bad.json", b'{"not": "bioc"}', XMLRootError, "BioC"),
    ("cut.xml.gz", gzip.compress(b"<PubmedArticleSet><PubmedArticle>" * 50)[:60], XMLError, ""),
    ("nocitation.xml", b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation>"
     b"</PubmedArticle></PubmedArticleSet>", EmptyInputError, "neither a title"),
])  # fmt: skip
def test_bad_xml_is_a_typed_error_naming_the_file(
    tmp_path: Path, name: str, data: bytes, error: type[Exception], words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(error) as info:
        list(read_documents(path))
    assert name in str(info.value) and words in str(info.value)
    assert time.perf_counter() - started < 2  # never a hang


def test_pubmed_turning_bad_midway_keeps_the_citations_before(tmp_path: Path) -> None:
    good = (
        "<PubmedArticle><MedlineCitation><PMID>{}</PMID><Article><ArticleTitle>A title.</ArticleTitle>"
        "</Article></MedlineCitation></PubmedArticle>"
    )
    path = tmp_path / "half.xml"
    body = "".join(good.format(i) for i in range(1, 3001))
    path.write_text(f"<PubmedArticleSet>{body}<PubmedArticle><oops></PubmedArticle>")
    seen = []
    with pytest.raises(XMLError, match=r"half\.xml"):
        for m in members(path, "half"):
            seen.append(m.doc_id)
    assert 0 < len(seen) <= 3000 and seen == [f"pmid-{i}" for i in range(1, len(seen) + 1)]
