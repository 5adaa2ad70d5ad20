"""BioC out: every assertion a relation whose nodes point at annotations; read back by the ``bioc`` package,
valid against the BioC DTD."""

from __future__ import annotations

import io
import json

import pytest
from lxml import etree

from pipeline.api import process_file
from pipeline.export.bioc import bioc_document, write_bioc, write_bioc_pair
from tests.conftest import CORPUS, FIXTURES

bioc = pytest.importorskip("bioc")
from bioc import biocjson, biocxml  # noqa: E402
from bioc.validator import BioCValidator  # noqa: E402


@pytest.fixture(scope="module")
def processed() -> list[tuple]:
    return [process_file(p) for p in sorted(CORPUS.glob("*.txt")) if "attribution" not in p.name.lower()]


def _written(processed: list[tuple]) -> tuple[str, bytes]:
    js, xml = io.StringIO(), io.BytesIO()
    assert write_bioc_pair(processed, js, xml) == len(processed)
    return js.getvalue(), xml.getvalue()


def test_bioc_read_back_by_the_bioc_package_every_node_resolves(processed: list[tuple]) -> None:
    js, xml = _written(processed)
    for collection in (biocjson.loads(js), biocxml.loads(xml.decode("utf-8"))):
        BioCValidator().validate(collection)  # annotation texts at their offsets; every node an annotation
        assert len(collection.documents) == len(processed)
        for bdoc, (_doc, assertions) in zip(collection.documents, processed, strict=True):
            assert len(bdoc.relations) == len(assertions) > 0
            ids = {a.id for p in bdoc.passages for a in p.annotations}
            for relation, assertion in zip(bdoc.relations, assertions, strict=True):
                assert {n.refid for n in relation.nodes} <= ids
                assert relation.infons["relation"] == assertion.relation
                assert relation.infons["source"] == assertion.provenance.source
                roles = {n.role for n in relation.nodes}
                if assertion.cargo:
                    assert "cargo" in roles
                if assertion.drugs and assertion.provenance.source == "table":
                    assert "drug" in roles


def test_bioc_nodes_name_the_concepts(processed: list[tuple]) -> None:
    """A node's annotation carries the concept's canonical name (prose: the mention; table: the cell)."""
    for doc, assertions in processed:
        d = bioc_document(doc, assertions)
        annotations = {a["id"]: a for p in d["passages"] for a in p["annotations"]}
        for relation, assertion in zip(d["relations"], assertions, strict=True):
            assert "unresolved" not in relation["infons"]  # every concept of the corpus has its annotation
            for node in relation["nodes"]:
                infons = annotations[node["refid"]]["infons"]
                names = {infons["name"], *infons.get("other_names", "").split("; ")}
                field = {"drug": "drugs", "cargo": "cargo"}.get(node["role"], node["role"] + "s")
                assert names & {c.name for c in getattr(assertion, field)}


def test_bioc_xml_valid_against_the_dtd(processed: list[tuple]) -> None:
    _, xml = _written(processed)
    dtd = etree.DTD(str(FIXTURES / "bioc" / "BioC.dtd"))
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()


def test_bioc_json_without_assertions_keeps_the_old_shape(processed: list[tuple]) -> None:
    doc, _ = processed[0]
    fh = io.StringIO()
    write_bioc([doc], fh)
    data = json.loads(fh.getvalue())
    assert data["documents"][0]["relations"] == [] and data["source"] == "EVminer"
