"""The spaCy pipeline kept in models/: loads offline, saves and reloads, annotates Documents."""

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from pipeline.annotate import annotate, build_pipeline, load_pipeline, pipeline_path
from pipeline.cli import main
from pipeline.ingest import parse_text
from pipeline.models import Document
from tests.conftest import CORPUS
from tests.gold.tables import SCHWARZENBACH

TEXT = (
    "# Exosomes and resistance\n\n## 1. Introduction\n\nAdriamycin (ADM)-resistant MCF-7 cells secreted exosomes "
    "containing miR-222 [1]. These exosomes transferred ADM resistance to sensitive MCF7 cells by targeting p27 "
    "and ER α.\n\nCancer-associated fibroblasts (CAFs) released sEVs.\n\n## References\n\n"
    "1. Wei Y, Lai X. Exosomal miR-221/222. *Breast Cancer Res Treat* 2014;147:423-31.\n"
)


def test_pipeline_loads_with_spacy_load_offline() -> None:
    nlp = spacy.load(pipeline_path())
    assert nlp.pipe_names == ["evminer_abbreviation_detector", "evminer_entities"]
    assert [t.text for t in nlp.make_doc("hsa-miR-23a-3p in MDA-MB-231 and 5-FU")] == [
        "hsa-miR-23a-3p",
        "in",
        "MDA-MB-231",
        "and",
        "5-FU",
    ]


def test_pipeline_save_and_reload_round_trip(tmp_path: Path) -> None:
    nlp = build_pipeline()
    nlp.to_disk(tmp_path / "ner")
    again = spacy.load(tmp_path / "ner")
    text = "Exosomal miR-21 and Adriamycin (ADM) in MCF7 cells."
    assert [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents] == [
        (e.text, e.label_, e.kb_id_) for e in again(text).ents
    ]
    assert ("ADM", "DRUG", "DB00997") in [(e.text, e.label_, e.kb_id_) for e in again(text).ents]


def test_committed_pipeline_matches_a_fresh_build(tmp_path: Path) -> None:
    build_pipeline().to_disk(tmp_path / "ner")
    for name in ("config.cfg", "tokenizer"):
        assert (tmp_path / "ner" / name).read_bytes() == (pipeline_path() / name).read_bytes(), name


def test_annotate_document_entities() -> None:
    doc = annotate(parse_text(TEXT, doc_id="t", source="test"))
    got = {(e.text, e.label, e.name) for e in doc.entities}
    assert {
        ("ADM", "DRUG", "doxorubicin"),
        ("MCF-7", "CELL_LINE", "MCF-7"),
        ("MCF7", "CELL_LINE", "MCF-7"),
        ("miR-222", "MIRNA", "miR-222"),
        ("p27", "GENE", "CDKN1B"),
        ("ERα", "GENE", "ESR1"),
        ("CAFs", "CELL_TYPE", "cancer-associated fibroblast"),
        ("sEVs", "VESICLE", "sEV"),
    } <= got
    adm = [e for e in doc.entities if e.text == "ADM"]
    assert adm[-1].long_form == "Adriamycin"
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
        if e.sentence is not None:
            sentence = doc.sentences[e.sentence]
            assert sentence.start <= e.start < sentence.end
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_annotate_reuses_loaded_pipeline() -> None:
    assert load_pipeline() is load_pipeline()


@pytest.mark.parametrize("fmt", ["jsonl", "tsv"])
def test_cli_entities(fmt: str) -> None:
    result = CliRunner().invoke(main, ["entities", str(CORPUS / SCHWARZENBACH), "--format", fmt])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    if fmt == "jsonl":
        rows = [json.loads(line) for line in lines]
        wei = [r for r in rows if r["text"] == "miR-221" and r["label"] == "MIRNA"]
        assert wei and wei[0]["id"] == "MIMAT0000278" and wei[0]["sentence_text"]
    else:
        assert lines[0].split("\t")[:6] == ["doc_id", "start", "end", "text", "label", "name"]
        assert any("\tGSTP1\tGENE\tGSTP1\tHGNC:4638\t" in line for line in lines)


def test_cli_parse_json_has_entities() -> None:
    result = CliRunner().invoke(main, ["parse", str(CORPUS / SCHWARZENBACH), "--format", "json"])
    doc = Document.model_validate_json(result.output)
    assert len(doc.entities) > 500


def test_fast_abbreviation_detector_finds_what_scispacy_finds(corpus_docs: dict[str, Document]) -> None:
    from scispacy.abbreviation import AbbreviationDetector

    nlp = load_pipeline()
    slow = AbbreviationDetector(nlp)
    fast = nlp.get_pipe("evminer_abbreviation_detector")
    for doc in corpus_docs.values():
        a = {(s.text, s.start, str(s._.long_form)) for s in slow(nlp.make_doc(doc.text))._.abbreviations}
        b = {(s.text, s.start, str(s._.long_form)) for s in fast(nlp.make_doc(doc.text))._.abbreviations}
        assert len(a) > 100
        assert len(a ^ b) <= 0.02 * len(a), sorted(a ^ b)[:10]


def test_short_form_occurrences_are_scispacys_exactly(corpus_docs: dict[str, Document]) -> None:
    """The array scan for every occurrence of each short form gives what scispaCy's global Matcher gives, long
    forms in the same order."""
    from scispacy.abbreviation import AbbreviationDetector, filter_matches

    nlp = load_pipeline()
    slow = AbbreviationDetector(nlp)
    fast = nlp.get_pipe("evminer_abbreviation_detector")
    for doc in corpus_docs.values():
        sdoc = nlp.make_doc(doc.text)
        parens = [(0, s.start + 1, s.end - 1) for s in slow.matcher(sdoc, as_spans=True)]
        filtered = filter_matches(parens, sdoc)
        assert len(filtered) > 50

        def spans(found):  # type: ignore[no-untyped-def]
            return [((lf.start, lf.end), sorted((s.start, s.end) for s in shorts)) for lf, shorts in found]

        expected = spans(slow.find_matches_for(filtered, sdoc))
        assert sum(len(shorts) for _, shorts in expected) > 2 * len(expected)  # short forms used again
        assert spans(fast.find_matches_for(filtered, sdoc)) == expected
