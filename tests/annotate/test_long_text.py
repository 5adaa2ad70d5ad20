"""Texts longer than spaCy takes at once (nlp.max_length, error E088) are annotated in pieces cut at sentence
starts, with the entities a single pass gives."""

import pytest

from pipeline.annotate import annotate, chunks, load_pipeline
from pipeline.ingest import ingest
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def review():  # type: ignore[no-untyped-def]
    doc = ingest(CORPUS / "schwarzenbach2020_cdr_exosome_drug_resistance.txt")
    return doc, annotate(doc)


@pytest.mark.parametrize("size", [3_000, 20_000])
def test_pieces_give_the_single_pass_entities(review, size: int) -> None:  # type: ignore[no-untyped-def]
    doc, whole = review
    assert len(doc.text) > 2 * size
    assert annotate(doc, chunk_size=size).entities == whole.entities
    assert any(e.long_form for e in whole.entities)  # definitions ("long form (SHORT)") found in the pieces too


def test_text_over_spacys_limit_is_annotated(review) -> None:  # type: ignore[no-untyped-def]
    doc, whole = review
    nlp = load_pipeline()
    saved = nlp.max_length
    nlp.max_length = len(doc.text) // 5  # as a text five times spaCy's limit
    try:
        with pytest.raises(ValueError, match="E088"):
            nlp.make_doc(doc.text)
        assert annotate(doc).entities == whole.entities
    finally:
        nlp.max_length = saved


@pytest.mark.parametrize(
    ("text", "starts", "size", "expected"),
    [
        ("aaaa. bbbb. cccc.", [0, 6, 12], 12, [(0, 12), (12, 17)]),  # cut at the last sentence start that fits
        ("aaaa bbbb cccc dddd", [0], 10, [(0, 10), (10, 19)]),  # one long sentence: at a space
        ("abcdefghij", [0], 4, [(0, 4), (4, 8), (8, 10)]),  # no space: anywhere
        ("short", [0], 100, [(0, 5)]),
    ],
)
def test_chunks_cover_the_text(text: str, starts: list[int], size: int, expected: list[tuple[int, int]]) -> None:
    pieces = chunks(text, starts, size)
    assert pieces == expected
    assert all(end - start <= size for start, end in pieces)
    assert "".join(text[s:e] for s, e in pieces) == text
