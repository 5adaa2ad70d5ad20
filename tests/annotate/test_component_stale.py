"""A saved pipeline whose compiled lexicons predate a lexicon kind, or are in an older form (a marshal blob), is
compiled again on load, not refused."""

import marshal
import shutil

import spacy
import srsly

from pipeline.annotate.components import COMPILED_FORMAT, EntityRecogniser
from pipeline.normalize.lexicon import LEXICON_KINDS, CompiledLexicons
from tests.conftest import ROOT

SAVED = ROOT / "models" / "evminer_ner" / "evminer_entities"


def test_compiled_lexicons_missing_a_kind_are_compiled_again(tmp_path) -> None:
    shutil.copy(SAVED / EntityRecogniser.PATTERN_FILE, tmp_path / EntityRecogniser.PATTERN_FILE)
    CompiledLexicons.build({"genes": {}}).save(tmp_path)
    srsly.write_json(tmp_path / "meta.json", {"format": COMPILED_FORMAT, "kinds": ["genes"]})
    component = EntityRecogniser(spacy.blank("en"), "evminer_entities").from_disk(tmp_path)
    assert set(component.lexicons.kinds) == set(LEXICON_KINDS)  # type: ignore[union-attr]
    assert set(srsly.read_json(tmp_path / "meta.json")["kinds"]) == set(LEXICON_KINDS)
    assert CompiledLexicons.mmap(tmp_path, LEXICON_KINDS).lexicon("genes").folded("GSTP1")


def test_a_marshal_blob_of_an_older_build_is_replaced(tmp_path) -> None:
    shutil.copy(SAVED / EntityRecogniser.PATTERN_FILE, tmp_path / EntityRecogniser.PATTERN_FILE)
    (tmp_path / "lexicons.marshal").write_bytes(marshal.dumps({kind: {} for kind in LEXICON_KINDS}))
    srsly.write_json(tmp_path / "meta.json", {"python": [3, 11], "kinds": list(LEXICON_KINDS)})
    component = EntityRecogniser(spacy.blank("en"), "evminer_entities").from_disk(tmp_path)
    assert "paclitaxel" in component.lexicons.index  # type: ignore[union-attr]
    assert not (tmp_path / "lexicons.marshal").exists()
    assert srsly.read_json(tmp_path / "meta.json")["format"] == COMPILED_FORMAT
