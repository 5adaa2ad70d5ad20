"""spaCy components of the EVminer pipeline, registered once here.

``evminer_entities`` writes ``doc.ents`` (with ``kb_id_`` = identifier) and ``doc._.evminer_mentions`` (the
character-exact, normalised mentions) from :func:`pipeline.annotate.recognise.recognise`, using the
abbreviations scispaCy's ``abbreviation_detector`` found in the same doc.
"""

from __future__ import annotations

from typing import Any

from scispacy.abbreviation import AbbreviationDetector, filter_matches
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.annotate.recognise import recognise
from pipeline.normalize.abbreviations import Definition, find_definition_spans

if not Doc.has_extension("evminer_mentions"):
    Doc.set_extension("evminer_mentions", default=None)
if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)


def doc_definitions(doc: Doc) -> list[Definition]:
    """The definitions scispaCy's AbbreviationDetector found (``doc._.abbreviations``), where they stand.

    The detector lists every occurrence of a short form; a definition is the occurrence right after its long
    form ("long form (SHORT)").
    """
    if not Doc.has_extension("abbreviations"):
        return []
    out: list[Definition] = []
    for short in doc._.abbreviations:
        long_form = short._.long_form
        if isinstance(long_form, Span) and 0 <= short.start_char - long_form.end_char <= 3:
            out.append(
                Definition(short.text, long_form.text, short.start_char, long_form.start_char, long_form.end_char)
            )
    return out


class EntityRecogniser:
    """Lexicon, pattern and abbreviation based entity recognition (see recognise.py for the rules)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc, glossary: dict[str, str] | None = None) -> Doc:
        # scispaCy's detector, and the regex finder for what its tokenization hides ("Adriamycin (ADM)-resistance")
        definitions = {(d.short, d.short_start): d for d in find_definition_spans(doc.text)}
        definitions.update({(d.short, d.short_start): d for d in doc_definitions(doc)})
        mentions = recognise(doc.text, list(definitions.values()), glossary)
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.label, kb_id=m.concept.id or "", alignment_mode="expand")
            if span is not None:
                span._.canonical = m.concept.name
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc._.evminer_mentions = mentions
        return doc

    # Stateless: nothing to save; the lexicons are read from models/ at run time.
    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:
        return None

    def from_disk(self, path: Any, *, exclude: Any = ()) -> EntityRecogniser:
        return self


class FastAbbreviationDetector(AbbreviationDetector):
    """scispaCy's AbbreviationDetector (Schwartz & Hearst 2003) with a linear scan for the parenthesised
    candidates in place of its ``( + )`` Matcher pattern, which is the slow part on whole papers.

    The candidates are the same for unnested parentheses of up to ``max_tokens`` tokens (scispaCy's
    ``filter_matches`` drops longer ones anyway); the filtering, the long-form search and the global matching of
    short forms are scispaCy's own code.
    """

    def __init__(self, nlp: Language, name: str = "abbreviation_detector", max_tokens: int = 10) -> None:
        super().__init__(nlp, name=name)
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        matches = []
        opened: int | None = None
        for token in doc:
            if token.text == "(":
                opened = token.i
            elif token.text == ")" and opened is not None:
                if 0 < token.i - opened - 1 <= self.max_tokens:
                    matches.append((0, opened + 1, token.i))
                opened = None
        for long_form, short_forms in self.find_matches_for(filter_matches(matches, doc), doc):
            for short in short_forms:
                short._.long_form = long_form
                doc._.abbreviations.append(short)
        return doc


@Language.factory("evminer_abbreviation_detector", assigns=["doc._.abbreviations"], default_config={"max_tokens": 10})
def make_abbreviation_detector(nlp: Language, name: str, max_tokens: int) -> FastAbbreviationDetector:
    return FastAbbreviationDetector(nlp, name=name, max_tokens=max_tokens)


@Language.factory("evminer_entities", assigns=["doc.ents", "doc._.evminer_mentions"], default_config={})
def make_entity_recogniser(nlp: Language, name: str) -> EntityRecogniser:
    return EntityRecogniser(nlp, name)
