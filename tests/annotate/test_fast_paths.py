"""The recogniser's fast paths give what the plain forms they replace give: the same regex matches, the same
lists before "cells", the same n-gram candidates. Checked on the corpus reviews and on random strings built from
the pieces that matter (separators, Greek letter names, words before "cells")."""

from __future__ import annotations

import random
import re

import pytest

import pipeline.normalize.mentions as mentions_module
from pipeline.annotate import load_pipeline
from pipeline.annotate.recognise import (
    _CELL_LIST_RE,
    _CELL_PAREN_RE,
    _CELLS_RE,
    _list_start_bound,
    _word_regex,
    cell_paren_matches,
    cells_matches,
)
from pipeline.models import Document
from pipeline.normalize.mentions import _EXTEND, _HIT, _index_keys, _key_hits, _key_state, find_mentions


def _random_texts(pieces: list[str], count: int, seed: int, longest: int = 20) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, longest))) for _ in range(count)]


def test_list_search_from_the_bound_finds_the_same_list(corpus_docs: dict[str, Document]) -> None:
    pieces = ["PC3", "a", ",", " ", "  ", "\n", "and", "or", "but", "not", "(", ")", ".", "-", ";", "x", "DU145",
              ", ", " and ", "\t", "é", "β"]  # fmt: skip
    rnd = random.Random(7)
    cases = [(t, 0, len(t)) for t in _random_texts(pieces, 20000, seed=7, longest=25)]
    cases = [(t, rnd.randrange(0, e), e) for t, _, e in cases]
    for doc in corpus_docs.values():
        cases += [(doc.text, max(0, m.start() - 160), m.start()) for m in _CELLS_RE.finditer(doc.text)]
    lists = 0
    for text, lo, end in cases:
        plain = _CELL_LIST_RE.search(text, lo, end)
        fast = _CELL_LIST_RE.search(text, _list_start_bound(text, lo, end), end)
        assert (fast.span(1) if fast else None) == (plain.span(1) if plain else None), (text, lo, end)
        lists += plain is not None and "," in plain[1]
    assert lists > 100


@pytest.mark.parametrize("word", ["CB", "TPH", "nNOS", "PI3K/AKT", "5-HT", "ABL"])
def test_word_regex_is_the_lookbehind_regex(word: str) -> None:
    plain = re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])")
    pieces = [word, word[:-1], word[1:], " ", "-", "/", "x", "(", word + word, "_", "."]
    for text in _random_texts(pieces, 5000, seed=len(word)):
        assert [m.span() for m in _word_regex(word).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_key_search_stops_only_where_no_longer_key_can_hit(corpus_docs: dict[str, Document]) -> None:
    """Mentions with the prefix pruning are those without it; and every key cut off has no hit below it."""
    load_pipeline()  # installs the compiled lexicons
    index = _index_keys()
    assert hasattr(index, "has_keys_with_prefix")  # the installed compiled lexicons' trie
    text = corpus_docs["schwarzenbach2020_cdr_exosome_drug_resistance.txt"].text[:40000]
    pruned = find_mentions(text)
    original = mentions_module._key_state
    try:
        mentions_module._key_state = lambda key: (_HIT if _key_hits(key, index) else 0) | _EXTEND  # type: ignore
        unpruned = find_mentions(text)
    finally:
        mentions_module._key_state = original
    assert pruned == unpruned and len(pruned) > 300
    # keys that stop the search, with the letters of Greek names, plurals and Latin-for-Greek letters after them
    for key in ["tnf", "nfk", "ppar", "interleukin", "bcaten", "caspas", "therapi", "therapie", "ilb", "tgfbet"]:
        if _key_state(key) & _EXTEND:
            continue
        for rest in ["a", "alpha", "beta", "s", "es", "ies", "kappab", "1", "1beta", "etas", "lpha"]:
            assert not _key_hits(key + rest, index), key + rest


def test_family_regexes_without_their_leading_boundary_find_the_same(corpus_docs: dict[str, Document]) -> None:
    from pipeline.annotate.patterns import load_patterns

    families = load_patterns().families
    assert sum(f.fast is not None for f in families) >= len(families) - 2
    assert sum(bool(f.anchors) for f in families) >= len(families) // 2  # the anchored search is the one tried
    pieces = ["EV", "EVs", "sEV", "exosome", "A-exosomes", "x", "1", " ", "-", "_", "circRNA", "circ", "HIPK3",
              "DNA", "mtDNA", "cf", "cells", "A549", "MCF7", "extracellular vesicles", "small", "hsa_circ_", "00123",
              "TEX", "é", "apoptotic bodies", "(", "microvesicle", "EXOSOMES", "AB-", "tumor-derived", "Tumour-derived",
              "Large", "oncosomes", "SMALL", "ssEVs", "lEV", "mEVs", "DEX", "TEVs", "mitochondrial DNA", "genomes",
              "cell-free DNA", "circulating tumour DNA", "genomic", "exosomal", "vesicular", "nuclear", "exoDNA",
              "EVDNA", "ectosome", "exophers", "İ", "\n", "  ", "MSTRG.", "292666", ".16", "XLOC_", "TCONS_",
              "NONHSAT", "ENST", "00000412345", "RP11-838N2.4", "RP", "012345", "lncRNA ", "LncRNA-", "lincRNA ",
              "non-coding RNA ", "RNA", "XYZ-AS7", "DNA", "hsa-circ", "Circ", "circRNA_"]  # fmt: skip
    texts = [d.text for d in corpus_docs.values()] + _random_texts(pieces, 6000, seed=11, longest=12)
    found = 0
    for family in families:
        for text in texts:
            plain = [(m.span(), m.groups()) for m in family.regex.finditer(text)]
            assert [(m.span(), m.groups()) for m in family.finditer(text)] == plain, (family.regex.pattern, text)
            lowered = text.lower()
            assert [(m.span(), m.groups()) for m in family.finditer(text, lowered)] == plain, family.regex.pattern
            found += len(plain)
    assert found > 1000


def test_cell_line_description_heads_from_anchors_find_the_same(corpus_docs: dict[str, Document]) -> None:
    from pipeline.annotate.patterns import load_patterns

    rules = load_patterns().cell_line_descriptions
    assert rules is not None and rules.anchors
    pieces = ["cell", "lines", "line", " ", "-", "T", "B-", "sub", "clonal", "transformed", "Transfected",
              "co-transfected", "immortalized", "human", "cells", "EBV", "\n", "İ", "CELL LINES", "virally"]  # fmt: skip
    texts = [d.text for d in corpus_docs.values()] + _random_texts(pieces, 3000, seed=5, longest=10)
    found = 0
    for text in texts:
        plain = [m.span() for m in rules.head.finditer(text)]
        assert [m.span() for m in rules.heads(text)] == plain, text
        found += len(plain)
    assert found > 300


@pytest.mark.parametrize(
    ("pattern", "fast"),
    [
        (r"\bA|\bB(?:c|d)", "(?:A|B(?:c|d))"),
        (r"\b[|(]x|\bq\|", r"(?:[|(]x|q\|)"),
        (r"\b(x)y", "(?:(x)y)"),
        (r"\bA|B", None),  # one branch without the boundary
        (r"A\b", None),
    ],
)
def test_boundary_free(pattern: str, fast: str | None) -> None:
    from pipeline.annotate.patterns import boundary_free

    found = boundary_free(re.compile(pattern))
    assert (found.pattern if found else None) == fast


def test_gap_set_is_the_gap_regex() -> None:
    import itertools

    from pipeline.normalize.mentions import _GAP_OK_RE, _GAPS_OK

    pieces = ["", " ", "\t", "-", "/", "(", ")", "x", "\n", "  ", ","]
    gaps = {"".join(p) for n in range(4) for p in itertools.product(pieces, repeat=n)}
    assert {g for g in gaps if _GAP_OK_RE.fullmatch(g)} == {g for g in gaps if g in _GAPS_OK}
    assert gaps >= _GAPS_OK


@pytest.mark.parametrize(
    ("text", "line"),
    [("The PC3 transfectants were grown.", "PC3"), ("HeLa sublines and LNCaP subclones", "LNCaP")],
)
def test_cell_words_other_than_cells_end_a_list(text: str, line: str) -> None:
    """Every word the 'cells' regex takes ends a list (no speed-up in front of it may require "cell")."""
    from pipeline.annotate.components import mentions_in

    load_pipeline()
    assert (line, "CELL_LINE") in [(m.text, m.label) for m in mentions_in(text, [], {})]


def test_cells_matches_are_the_regexs_matches(corpus_docs: dict[str, Document]) -> None:
    """Trying _CELLS_RE only at the runs of whitespace before a last word gives what finditer gives."""
    pieces = ["PC3", " ", "  ", "\n", "cells", "cell", "lines", "cell lines", "cancer", "breast", "T", "-", "NK",
              "myofibroblast-like", "osteoblast", "into", "and", ",", "models", "xenografts", "tumor", "giant", "x"]  # fmt: skip
    texts = [doc.text for doc in corpus_docs.values()] + _random_texts(pieces, 20000, seed=11, longest=30)
    found = 0
    for text in texts:
        plain = [(m.span(), m[0]) for m in _CELLS_RE.finditer(text)]
        assert [(m.span(), m[0]) for m in cells_matches(text)] == plain, text[:200]
        found += len(plain)
    assert found > 2000


def test_cell_paren_regex_from_a_word_boundary_is_the_plain_regex(corpus_docs: dict[str, Document]) -> None:
    plain = re.compile(_CELL_PAREN_RE.pattern.removeprefix("\\b"))
    assert plain.pattern != _CELL_PAREN_RE.pattern
    pieces = ["cells", " ", "(", ")", "HK-2", "in primary culture", "x", "ab", "_", "1", "(A1)", " (", "-", "in",
              "primary", "culture", "\n", "  ", "é"]  # fmt: skip
    texts = [doc.text for doc in corpus_docs.values()] + _random_texts(pieces, 30000, seed=5, longest=20)
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in _CELL_PAREN_RE.finditer(text)] == expected, text[:200]
        assert [(m.span(), m.groups()) for m in cell_paren_matches(text)] == expected, text[:200]
        found += len(expected)
    assert found > 200


def test_mirna_regexes_tried_at_their_anchors_find_the_same(corpus_docs: dict[str, Document]) -> None:
    """The miRNA regexes tried only where "mi"/"let" (after at most a species prefix) or "mir" starts give
    finditer's matches, groups included."""
    from pipeline.normalize.mirna import MIRNA_ANCHORS, MIRNA_LIST_ANCHORS, MIRNA_LIST_RE, MIRNA_RE, _finditer

    pieces = ["miR-21", "MiR", "mir", "-", "hsa-", "mmu-", "let-7a", "Let7", "microRNA", "micro RNA", "miRNA",
              "miRs-21, -378e, and -143", "/222", "/b", "-3p", "5p", " ", "x", "1", "family", " cluster", "A-",
              "İ", "_", ",", " and -", "mi", "let"]  # fmt: skip
    texts = [d.text for d in corpus_docs.values()] + _random_texts(pieces, 20000, seed=3, longest=14)
    found = 0
    for text in texts:
        for regex, anchors in ((MIRNA_RE, MIRNA_ANCHORS), (MIRNA_LIST_RE, MIRNA_LIST_ANCHORS)):
            plain = [(m.span(), m.groupdict()) for m in regex.finditer(text)]
            fast = [(m.span(), m.groupdict()) for m in _finditer(regex, text, text.lower(), anchors)]
            assert fast == plain, (regex.pattern[:40], text)
            found += len(plain)
    assert found > 3000


def test_tokens_are_the_regex_words_without_trailing_stops(corpus_docs: dict[str, Document]) -> None:
    from pipeline.normalize.mentions import _TOKEN_RE, _tokens

    def plain(text: str) -> list[tuple[int, int]]:
        out = []
        for m in _TOKEN_RE.finditer(text):
            word = m[0].rstrip(".'")
            if word:
                out.append((m.start(), m.start() + len(word)))
        return out

    pieces = ["A", "b", "1", ".", "'", "+", " ", "-", "α", "µ", "..", "ER+.", "Fig.", "x'", "é"]
    for text in [d.text for d in corpus_docs.values()] + _random_texts(pieces, 20000, seed=9, longest=16):
        assert _tokens(text) == plain(text), text
