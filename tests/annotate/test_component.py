"""The evminer_entities spaCy component: initialize() compiles the lexicons, to_disk/from_disk round trip them
with the pattern file, the glossary comes in through a Doc extension."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
import spacy

import pipeline.annotate.components  # noqa: F401  (registers the factories)
from pipeline.normalize.lexicon import LEXICON_KINDS


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank("en")
    nlp.add_pipe("evminer_abbreviation_detector")
    nlp.add_pipe("evminer_entities").initialize()
    path = tmp_path_factory.mktemp("pipe") / "nlp"
    nlp.to_disk(path)
    return path


def test_component_saves_its_lexicons_and_patterns(saved: Path) -> None:
    folder = saved / "evminer_entities"
    data = marshal.loads((folder / "lexicons.marshal").read_bytes())
    assert set(data) == set(LEXICON_KINDS)
    assert (folder / "families.json").exists()


@pytest.mark.parametrize(
    ("text", "mention", "label", "name"),
    [
        ("MCF-7 cells resistant to ADM", "ADM", "DRUG", "doxorubicin"),
        ("exosomal miR-21 inhibitor", "miR-21", "MIRNA", "miR-21"),
        ("resistance to taxanes", "taxanes", "DRUG_CLASS", "taxanes"),
    ],
)
def test_reloaded_pipeline_recognises(saved: Path, text: str, mention: str, label: str, name: str) -> None:
    nlp = spacy.load(saved)
    doc = nlp(text)
    assert (mention, label, name) in [(m.text, m.label, m.concept.name) for m in doc._.evminer_mentions]
    assert any(e.text == mention and e.label_ == label for e in doc.ents)


def test_glossary_through_doc_extension(saved: Path) -> None:
    nlp = spacy.load(saved)
    doc = nlp.make_doc("Cells were treated with EPB for 48 h.")
    doc._.evminer_glossary = {"EPB": "epirubicin"}  # a table footnote's "EPB: epirubicin"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    found = {m.text: m for m in doc._.evminer_mentions}
    assert (found["EPB"].label, found["EPB"].concept.name) == ("DRUG", "epirubicin")


def test_unreadable_compiled_lexicons_are_compiled_again(saved: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "nlp"
    shutil.copytree(saved, copy)
    (copy / "evminer_entities" / "lexicons.marshal").write_bytes(b"not marshal")
    nlp = spacy.load(copy)
    assert [m.text for m in nlp("PTX resistance")._.evminer_mentions] == ["PTX"]
    assert marshal.loads((copy / "evminer_entities" / "lexicons.marshal").read_bytes())
