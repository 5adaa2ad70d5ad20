"""A saved pipeline whose compiled lexicons predate a lexicon kind is recompiled on load, not refused."""

import marshal
import shutil

import spacy

from pipeline.annotate.components import EntityRecogniser
from pipeline.normalize.lexicon import LEXICON_KINDS
from tests.conftest import ROOT


def test_compiled_lexicons_missing_a_kind_are_compiled_again(tmp_path) -> None:
    saved = ROOT / "models" / "evminer_ner" / "evminer_entities"
    shutil.copy(saved / EntityRecogniser.PATTERN_FILE, tmp_path / EntityRecogniser.PATTERN_FILE)
    (tmp_path / EntityRecogniser.LEXICON_FILE).write_bytes(marshal.dumps({"genes": {}}))
    component = EntityRecogniser(spacy.blank("en"), "evminer_entities").from_disk(tmp_path)
    assert set(component.lexicons or {}) == set(LEXICON_KINDS)
    assert set(marshal.loads((tmp_path / EntityRecogniser.LEXICON_FILE).read_bytes())) == set(LEXICON_KINDS)
