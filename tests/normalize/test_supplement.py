"""Every curated supplement entry resolves to its canonical form through the lexicon it extends."""

import csv

import pytest

from pipeline.normalize.lexicon import fold_key, load_lexicon, models_dir

with (models_dir() / "lexicons" / "supplement.tsv").open(encoding="utf-8", newline="") as fh:
    ENTRIES = [(r["text"], r["canonical"], r["identifier"], r["lexicon"]) for r in csv.DictReader(fh, delimiter="\t")]


@pytest.mark.parametrize(
    ("text", "canonical", "identifier", "lexicon"), ENTRIES, ids=[f"{e[3]}:{e[0]}" for e in ENTRIES]
)
def test_supplement_entry_resolves(text: str, canonical: str, identifier: str, lexicon: str) -> None:
    entry = load_lexicon(lexicon).resolve(text)
    assert entry is not None, f"{text!r} does not resolve (an entry of another lexicon shadows it?)"
    assert (entry.canonical, entry.identifier) == (canonical, identifier)


@pytest.mark.parametrize(("a", "b"), [("ER α", "ERα"), ("ER-α", "er α"), ("TGF-β", "TGFbeta"), ("P-gp", "PGP")])
def test_fold_key_equates_spellings(a: str, b: str) -> None:
    assert fold_key(a) == fold_key(b)
