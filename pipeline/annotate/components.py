"""spaCy components of the EVminer pipeline, registered once here.

``evminer_entities`` writes ``doc.ents`` (with ``kb_id_`` = identifier) and ``doc._.evminer_mentions`` (the
character-exact, normalised mentions) from :func:`pipeline.annotate.recognise.recognise`, using the
abbreviations scispaCy's ``abbreviation_detector`` found in the same doc.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from scispacy.abbreviation import AbbreviationDetector, filter_matches
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.annotate.patterns import install_patterns, patterns_file
from pipeline.annotate.recognise import recognise
from pipeline.errors import LexiconError
from pipeline.normalize.abbreviations import Definition, find_definition_spans
from pipeline.normalize.lexicon import LEXICON_KINDS, compile_lexicons, install_compiled, models_dir
from pipeline.normalize.mentions import Mention, _index_keys, lookup

logger = logging.getLogger(__name__)

if not Doc.has_extension("evminer_glossary"):
    Doc.set_extension("evminer_glossary", default=None)
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


def mentions_in(text: str, detected: list[Definition], glossary: dict[str, str] | None) -> list[Mention]:
    """The entity mentions of a whole text, given the definitions scispaCy's detector found in it (``detected``)
    and the regex finder's, for what its tokenization hides ("Adriamycin (ADM)-resistance")."""
    definitions = {(d.short, d.short_start): d for d in find_definition_spans(text)}
    definitions.update({(d.short, d.short_start): d for d in detected})
    return recognise(text, list(definitions.values()), glossary)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: processes loading the pipeline at the same time read the
    old file or the new one, never half of one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _source_sizes() -> dict[str, int]:
    """Sizes of the lexicon files under models/lexicons (a cheap fingerprint: a saved compiled form older than
    an edited lexicon is compiled again)."""
    folder = models_dir() / "lexicons"
    return {p.name: p.stat().st_size for p in sorted(folder.glob("*.tsv"))} if folder.exists() else {}


class EntityRecogniser:
    """Lexicon, pattern and abbreviation based entity recognition: a thin spaCy component around
    :func:`pipeline.annotate.recognise.recognise`.

    ``initialize()`` compiles the lexicons (``models/lexicons``, or ``lexicons``) and reads the pattern file;
    ``to_disk`` saves both into the pipeline's folder (``lexicons.marshal``, ``families.json``) and
    ``from_disk`` installs them, so a saved pipeline needs nothing beside itself. The paper's glossary (table and
    figure footnotes) comes in through ``doc._.evminer_glossary``.
    """

    LEXICON_FILE = "lexicons.marshal"
    PATTERN_FILE = "families.json"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicons: dict[str, dict[str, str]] | None = None
        self.patterns: str | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicons: str | None = None,
        patterns: str | None = None,
    ) -> None:
        """Compile the lexicons and read the pattern file (the committed ones under models/ by default)."""
        self.lexicons = compile_lexicons(lexicons)
        self.patterns = Path(patterns or patterns_file()).read_text(encoding="utf-8")
        self._install()

    def _install(self) -> None:
        if self.lexicons is not None:
            install_compiled(self.lexicons)
        lookup.cache_clear()
        _index_keys.cache_clear()

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_in(doc.text, doc_definitions(doc), doc._.evminer_glossary)
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.label, kb_id=m.concept.id or "", alignment_mode="expand")
            if span is not None:
                span._.canonical = m.concept.name
                spans.append(span)
        doc.ents = filter_spans(spans)
        doc._.evminer_mentions = mentions
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self.lexicons is None or self.patterns is None:
            raise LexiconError(self.name, "component not initialised: call nlp.get_pipe(name).initialize() first")
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(folder / self.LEXICON_FILE, marshal.dumps(self.lexicons))
        (folder / self.PATTERN_FILE).write_text(self.patterns, encoding="utf-8")
        srsly.write_json(
            folder / "meta.json",
            {"python": list(sys.version_info[:2]), "kinds": list(self.lexicons), "sources": _source_sizes()},
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRecogniser:
        folder = Path(path)
        try:
            meta = srsly.read_json(folder / "meta.json") if (folder / "meta.json").exists() else {}
            sources = _source_sizes()
            if sources and meta.get("sources") and meta["sources"] != sources:
                raise ValueError("the lexicon files changed since the pipeline was built")
            self.lexicons = marshal.loads((folder / self.LEXICON_FILE).read_bytes())
            if missing := set(LEXICON_KINDS) - set(self.lexicons or {}):  # built before a lexicon kind was added
                raise ValueError(f"kinds missing: {', '.join(sorted(missing))}")
        except (OSError, ValueError, EOFError, TypeError) as exc:
            # not built on this machine yet (the blob is not versioned), or written by another Python version
            # (marshal's format is the writer's): compile from the lexicon files and keep the result
            logger.info("compiled lexicons in %s not readable (%s); compiling them", folder, exc)
            self.lexicons = compile_lexicons()
            with contextlib.suppress(OSError):  # a read-only install: compile again next time
                _write_atomic(folder / self.LEXICON_FILE, marshal.dumps(self.lexicons))
        self.patterns = (folder / self.PATTERN_FILE).read_text(encoding="utf-8")
        install_patterns(str(folder / self.PATTERN_FILE))
        self._install()
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


@Language.factory(
    "evminer_entities",
    assigns=["doc.ents", "doc._.evminer_mentions"],
    requires=["doc._.abbreviations"],
    default_config={},
)
def make_entity_recogniser(nlp: Language, name: str) -> EntityRecogniser:
    return EntityRecogniser(nlp, name)
