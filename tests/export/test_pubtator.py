"""PubTator out: read back by the ``bioc`` package's PubTator reader, every mention at its offset and every
relation between annotated concepts."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.api import process_file
from pipeline.cli import main
from pipeline.export.pubtator import pubtator
from tests.conftest import CORPUS
from tests.ingest.test_xml_readers import SAMPLES

pytest.importorskip("bioc")
from bioc.pubtator import loads
from bioc.pubtator.validator import validate

SCHWARZENBACH = CORPUS / "schwarzenbach2020_cdr_exosome_drug_resistance.txt"


def test_pubtator_read_back_offsets_and_relations() -> None:
    doc, assertions = process_file(SCHWARZENBACH)
    text = [a for a in assertions if a.provenance.source == "text"]
    (parsed,) = loads(pubtator(doc, text))
    validate(parsed)  # raises on a mention not at its offset or a relation to no annotation
    assert len(parsed.annotations) == len(doc.entities) > 100
    assert parsed.relations and parsed.title == doc.metadata.title
    assert {r.type for r in parsed.relations} <= {a.effect or a.relation for a in text}


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/xml not present")
def test_cli_entities_pubtator_uses_the_pmid() -> None:
    result = CliRunner().invoke(main, ["entities", str(SAMPLES / "pubmed-29768149.xml"), "--format", "pubtator"])
    assert result.exit_code == 0, result.output
    (parsed,) = loads(result.output)
    validate(parsed)
    assert parsed.pmid == "29768149" and parsed.title.startswith("Inhaled Combined Budesonide")
