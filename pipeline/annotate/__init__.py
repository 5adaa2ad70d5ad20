"""Annotate: Document -> Document with normalised entities, through the spaCy pipeline kept in models/.

The pipeline (``models/evminer_ner``, built by ``evminer build-model``) is spaCy's blank English with
scispaCy's rule tokenizer, scispaCy's abbreviation detector (``evminer_abbreviation_detector``: the same
algorithm with a faster candidate scan) and EVminer's ``evminer_entities``. Sentence
boundaries come from the Document, not from a model.
"""

from __future__ import annotations

import warnings
from bisect import bisect_right
from functools import cache
from pathlib import Path

from pipeline.errors import LexiconError
from pipeline.models import Document, Entity
from pipeline.normalize.lexicon import models_dir

PIPELINE_NAME = "evminer_ner"


def pipeline_path() -> Path:
    return models_dir() / PIPELINE_NAME


def build_pipeline():  # type: ignore[no-untyped-def]
    """A fresh pipeline: blank English, scispaCy tokenizer, abbreviation detector, entity recogniser."""
    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401  (registers the factory)
    from scispacy.custom_tokenizer import combined_rule_tokenizer

    import pipeline.annotate.components  # noqa: F401  (registers evminer_entities)

    # the saved config names the tokenizer that from_disk fills with scispaCy's rules (see create_saved_tokenizer)
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "evminer.saved_tokenizer.v1"}}})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # scispaCy's tokenizer regex
        nlp.tokenizer = combined_rule_tokenizer(nlp)
    nlp.add_pipe("evminer_abbreviation_detector")
    nlp.add_pipe("evminer_entities").initialize()  # compiles the lexicons, saved with the pipeline
    nlp.meta.update(
        name=PIPELINE_NAME,
        version="0.1.0",
        description="EVminer entity pipeline: scispaCy rule tokenizer, abbreviation detector, lexicon and "
        "pattern entity recogniser (MIRNA, LNCRNA, CIRCRNA, NCRNA, MRNA, DNA, GENE, DRUG, CELL_LINE, CELL_TYPE, VESICLE)",
        license="CC BY 4.0 (lexicons: see models/README.md)",
    )
    return nlp


def save_pipeline(path: Path | None = None) -> Path:
    """Build the pipeline and save it (``models/evminer_ner`` by default)."""
    path = path or pipeline_path()
    build_pipeline().to_disk(path)
    return path


@cache
def load_pipeline(path: str | None = None):  # type: ignore[no-untyped-def]
    """The saved pipeline, loaded once per process (``spacy.load`` on a folder: no network)."""
    import spacy
    from scispacy.abbreviation import AbbreviationDetector  # noqa: F401

    import pipeline.annotate.components  # noqa: F401

    folder = Path(path) if path else pipeline_path()
    if not (folder / "config.cfg").exists():  # pragma: no cover - a broken install
        raise LexiconError(folder, "no spaCy pipeline here; run 'evminer build-model'")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return spacy.load(folder)


# Unicode hyphens (U+2010, U+2011 non-breaking, as publishers print "miR‑21") read as "-": one character for
# one, so offsets and the Document's own text stay as they are
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


def _spacy_doc(nlp, text: str, sentence_starts: list[int], glossary: dict[str, str]):  # type: ignore[no-untyped-def]
    """``text`` tokenized, with the Document's sentence boundaries (character offsets into ``text``)."""
    import numpy
    from spacy.attrs import IDX, SENT_START

    sdoc = nlp.make_doc(text)
    if len(sdoc):
        idx = sdoc.to_array([IDX]).astype("int64").reshape(-1)
        flags = numpy.where(numpy.isin(idx, sentence_starts), 1, -1)
        flags[0] = 1
        sdoc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
    sdoc._.evminer_glossary = glossary  # table and figure footnotes count as definitions too
    return sdoc


def chunks(text: str, sentence_starts: list[int], size: int) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text`` of at most ``size`` characters that cover it, cut at sentence starts
    (a sentence longer than ``size`` at a space, else anywhere)."""
    out: list[tuple[int, int]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = pos + size
        if end >= n:
            out.append((pos, n))
            break
        k = bisect_right(sentence_starts, end) - 1
        cut = sentence_starts[k] if k >= 0 and sentence_starts[k] > pos else text.rfind(" ", pos + 1, end) + 1
        cut = cut if cut > pos else end
        out.append((pos, cut))
        pos = cut
    return out


def _mentions_in_chunks(doc: Document, nlp, size: int) -> list:  # type: ignore[no-untyped-def]
    """The mentions of a text longer than spaCy takes at once (``nlp.max_length``, E088): scispaCy's
    abbreviation detector runs on pieces cut at sentence starts (a definition never spans two sentences), one at a
    time so memory stays bounded, and the recogniser, plain string work, on the whole text with all the
    definitions found, so the result is the one a single pass would give."""
    from dataclasses import replace

    from pipeline.annotate.components import doc_definitions, mentions_in

    starts = [s.start for s in doc.sentences]
    text = doc.text.translate(_HYPHENS)
    detected = []
    for start, end in chunks(text, starts, size):
        lo, hi = bisect_right(starts, start - 1), bisect_right(starts, end - 1)
        sdoc = _spacy_doc(nlp, text[start:end], [x - start for x in starts[lo:hi]], doc.abbreviations)
        with warnings.catch_warnings():  # W036: a piece with no short form gives scispaCy's matcher no pattern
            warnings.simplefilter("ignore", UserWarning)
            for name, proc in nlp.pipeline:
                if name != "evminer_entities":
                    sdoc = proc(sdoc)
        detected += [
            replace(d, short_start=d.short_start + start, long_start=d.long_start + start, long_end=d.long_end + start)
            for d in doc_definitions(sdoc)
        ]
    return mentions_in(text, detected, doc.abbreviations)


def annotate(doc: Document, nlp=None, chunk_size: int | None = None) -> Document:  # type: ignore[no-untyped-def]
    """``doc`` with its entities: every mention of every label, normalised, with its sentence.

    A text longer than ``chunk_size`` (default: what spaCy takes at once, ``nlp.max_length``) is tokenized in
    pieces cut at sentence starts, with the same entities as a single pass."""
    nlp = nlp or load_pipeline()
    size = chunk_size or nlp.max_length
    if len(doc.text) > size:
        mentions = _mentions_in_chunks(doc, nlp, size)
    else:
        sdoc = _spacy_doc(nlp, doc.text.translate(_HYPHENS), [s.start for s in doc.sentences], doc.abbreviations)
        for _, proc in nlp.pipeline:
            sdoc = proc(sdoc)
        mentions = sdoc._.evminer_mentions or []
    sentence_starts = [s.start for s in doc.sentences]
    entities = []
    for m in mentions:
        k = bisect_right(sentence_starts, m.start) - 1
        sentence = k if k >= 0 and m.start < doc.sentences[k].end else None
        entities.append(
            Entity(
                start=m.start,
                end=m.end,
                label=m.label,  # type: ignore[arg-type]
                text=doc.text[m.start : m.end],
                name=m.concept.name,
                id=m.concept.id,
                sentence=sentence,
                page=doc.sentences[k].page if sentence is not None else None,
                long_form=m.long_form,
                other_names=[c.name for c in m.also],
                other_ids=[c.id for c in m.also],
                reagent=m.reagent,  # type: ignore[arg-type]
            )
        )
    return doc.model_copy(update={"entities": entities})
