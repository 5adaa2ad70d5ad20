"""The evminer_entities spaCy component: initialize() compiles the lexicons, to_disk/from_disk round trip them
with the pattern file, the glossary comes in through a Doc extension."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
import srsly

from pipeline.annotate import build_pipeline
from pipeline.normalize.lexicon import LEXICON_KINDS, CompiledLexicons
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = build_pipeline()  # blank English, scispaCy's tokenizer, the two components (initialize() compiles)
    path = tmp_path_factory.mktemp("pipe") / "nlp"
    nlp.to_disk(path)
    return path


def test_component_saves_its_lexicons_and_patterns(saved: Path) -> None:
    folder = saved / "evminer_entities"
    compiled = CompiledLexicons.mmap(folder, tuple(srsly.read_json(folder / "meta.json")["kinds"]))
    assert set(compiled.kinds) == set(LEXICON_KINDS)
    assert "tamoxifen" in compiled.index and "hela" in compiled.index
    assert compiled.lexicon("cell_lines").folded("HeLa")[0].identifier == "CVCL_0030"
    assert (folder / "families.json").exists()


def test_saved_tokenizer_is_scispacys(saved: Path) -> None:
    """The saved pipeline's tokenizer (an empty one the folder's rules fill) splits text as scispaCy's does."""
    import warnings

    from scispacy.custom_tokenizer import combined_rule_tokenizer

    reference = spacy.blank("en")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        reference.tokenizer = combined_rule_tokenizer(reference)
    nlp = spacy.load(saved)
    text = (ROOT / "corpus" / "schwarzenbach2020_cdr_exosome_drug_resistance.txt").read_text(encoding="utf-8")
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in reference.make_doc(text)]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "evminer.saved_tokenizer.v1"


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
    (copy / "evminer_entities" / "lexicons.marisa").write_bytes(b"not a trie")
    nlp = spacy.load(copy)
    assert [m.text for m in nlp("PTX resistance")._.evminer_mentions] == ["PTX"]
    assert CompiledLexicons.mmap(copy / "evminer_entities", LEXICON_KINDS).lexicon("drugs").folded("paclitaxel")


def test_the_committed_pipeline_holds_the_current_pattern_file() -> None:
    """annotate reads the pattern file saved in models/evminer_ner: after an edit to models/patterns/families.json,
    `evminer build-model` must be run (else the edit silently does nothing)."""
    from pipeline.normalize.lexicon import models_dir

    saved = models_dir() / "evminer_ner" / "evminer_entities" / "families.json"
    source = models_dir() / "patterns" / "families.json"
    assert saved != source and saved.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
