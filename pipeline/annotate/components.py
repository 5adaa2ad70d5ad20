"""spaCy components of the EVminer pipeline, registered once here.

``evminer_entities`` writes ``doc.ents`` (with ``kb_id_`` = identifier) and ``doc._.evminer_mentions`` (the
character-exact, normalised mentions) from :func:`pipeline.annotate.recognise.recognise`, using the
abbreviations scispaCy's ``abbreviation_detector`` found in the same doc.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy
import srsly
from scispacy.abbreviation import AbbreviationDetector, filter_matches, find_abbreviation
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry

from pipeline.annotate.patterns import install_patterns, patterns_file
from pipeline.annotate.recognise import recognise
from pipeline.errors import LexiconError
from pipeline.normalize.abbreviations import Definition, best_long_form, find_definition_spans
from pipeline.normalize.lexicon import (
    LEXICON_KINDS,
    CompiledLexicons,
    compile_lexicons,
    install_compiled,
    models_dir,
)
from pipeline.normalize.mentions import Mention, clear_caches

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
            text, start = long_form.text, long_form.start_char
            if "\n" in text:
                # a long form over a line break takes words of the title or heading before ("... in breast
                # cancer\n\nTrastuzumab deruxtecan (T-DXd)"): only its own line's words may define the short form
                tail = text[text.rindex("\n") + 1 :]
                cut = best_long_form(short.text, tail)
                if not cut or len(cut) <= len(short.text):
                    continue
                text, start = cut, long_form.end_char - len(cut)
            out.append(Definition(short.text, text, short.start_char, start, long_form.end_char))
    return out


def mentions_in(text: str, detected: list[Definition], glossary: dict[str, str] | None) -> list[Mention]:
    """The entity mentions of a whole text, given the definitions scispaCy's detector found in it (``detected``)
    and the regex finder's, for what its tokenization hides ("Adriamycin (ADM)-resistance")."""
    definitions = {(d.short, d.short_start): d for d in find_definition_spans(text)}
    definitions.update({(d.short, d.short_start): d for d in detected})
    return recognise(text, list(definitions.values()), glossary)


def _source_sizes() -> dict[str, int]:
    """Sizes of the lexicon files under models/lexicons (a cheap fingerprint: a saved compiled form older than
    an edited lexicon is compiled again)."""
    folder = models_dir() / "lexicons"
    return {p.name: p.stat().st_size for p in sorted(folder.glob("*.tsv"))} if folder.exists() else {}


# the compiled form's layout: a saved pipeline whose meta.json names another is compiled again on load
COMPILED_FORMAT = "marisa-1"


class EntityRecogniser:
    """Lexicon, pattern and abbreviation based entity recognition: a thin spaCy component around
    :func:`pipeline.annotate.recognise.recognise`.

    ``initialize()`` compiles the lexicons (``models/lexicons``, or ``lexicons``) and reads the pattern file;
    ``to_disk`` saves both into the pipeline's folder (the tries ``lexicons.marisa`` and ``index.marisa``,
    ``families.json``) and ``from_disk`` memory-maps and installs them, so a saved pipeline needs nothing beside
    itself. The paper's glossary (table and figure footnotes) comes in through ``doc._.evminer_glossary``.
    """

    LEXICON_FILE = CompiledLexicons.ENTRIES_FILE
    INDEX_FILE = CompiledLexicons.INDEX_FILE
    PATTERN_FILE = "families.json"
    OLD_FILES = ("lexicons.marshal",)  # the compiled form before marisa tries: removed when the new one is saved

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicons: CompiledLexicons | None = None
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
        self.lexicons = CompiledLexicons.build(compile_lexicons(lexicons))
        self.patterns = Path(patterns or patterns_file()).read_text(encoding="utf-8")
        self._install()

    def _install(self) -> None:
        if self.lexicons is not None:
            install_compiled(self.lexicons)
        clear_caches()

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

    def _save_lexicons(self, folder: Path) -> None:
        assert self.lexicons is not None
        self.lexicons.save(folder)
        srsly.write_json(
            folder / "meta.json",
            {"format": COMPILED_FORMAT, "kinds": list(self.lexicons.kinds), "sources": _source_sizes()},
        )
        for old in self.OLD_FILES:
            with contextlib.suppress(OSError):
                (folder / old).unlink()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self.lexicons is None or self.patterns is None:
            raise LexiconError(self.name, "component not initialised: call nlp.get_pipe(name).initialize() first")
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.PATTERN_FILE).write_text(self.patterns, encoding="utf-8")
        self._save_lexicons(folder)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRecogniser:
        folder = Path(path)
        try:
            meta = srsly.read_json(folder / "meta.json") if (folder / "meta.json").exists() else {}
            if meta.get("format") != COMPILED_FORMAT:
                raise ValueError(f"compiled form {meta.get('format')!r}, not {COMPILED_FORMAT!r}")
            sources = _source_sizes()
            if sources and meta.get("sources") and meta["sources"] != sources:
                raise ValueError("the lexicon files changed since the pipeline was built")
            if missing := set(LEXICON_KINDS) - set(meta.get("kinds") or ()):  # built before a kind was added
                raise ValueError(f"kinds missing: {', '.join(sorted(missing))}")
            self.lexicons = CompiledLexicons.mmap(folder, tuple(meta["kinds"]))
        except (OSError, ValueError, LexiconError) as exc:
            # not built on this machine yet (the tries are not versioned), built from other lexicon files or by
            # an older version: compile from the lexicon files and keep the result
            logger.info("compiled lexicons in %s not usable (%s); compiling them", folder, exc)
            self.lexicons = CompiledLexicons.build(compile_lexicons())
            with contextlib.suppress(OSError):  # a read-only install: compile again next time
                self._save_lexicons(folder)
        self.patterns = (folder / self.PATTERN_FILE).read_text(encoding="utf-8")
        install_patterns(str(folder / self.PATTERN_FILE))
        self._install()
        return self


class FastAbbreviationDetector(AbbreviationDetector):
    """scispaCy's AbbreviationDetector (Schwartz & Hearst 2003) with its two token Matchers replaced by array
    scans over the tokens' ORTH ids, which give the same matches in the same order: the parenthesised candidates
    (its ``( + )`` pattern) and every occurrence of each short form found (its "global matcher").

    The candidates are the same for unnested parentheses of up to ``max_tokens`` tokens (scispaCy's
    ``filter_matches`` drops longer ones anyway); the filtering, the long-form search (``find_abbreviation``) and
    the bookkeeping of :meth:`find_matches_for` are scispaCy's own.
    """

    def __init__(self, nlp: Language, name: str = "abbreviation_detector", max_tokens: int = 10) -> None:
        super().__init__(nlp, name=name)
        self.max_tokens = max_tokens
        self._open = nlp.vocab.strings.add("(")
        self._close = nlp.vocab.strings.add(")")

    def __call__(self, doc: Doc) -> Doc:
        orths = doc.to_array(ORTH)
        matches = []
        opened: int | None = None
        for i in numpy.flatnonzero((orths == self._open) | (orths == self._close)).tolist():
            if orths[i] == self._open:
                opened = i
            elif opened is not None:
                if 0 < i - opened - 1 <= self.max_tokens:
                    matches.append((0, opened + 1, i))
                opened = None
        for long_form, short_forms in self._find_matches_for(filter_matches(matches, doc), doc, orths):
            for short in short_forms:
                short._.long_form = long_form
                doc._.abbreviations.append(short)
        return doc

    def find_matches_for(self, filtered: list[tuple[Span, Span]], doc: Doc) -> list[tuple[Span, set[Span]]]:
        return self._find_matches_for(filtered, doc, doc.to_array(ORTH))

    def _find_matches_for(
        self, filtered: list[tuple[Span, Span]], doc: Doc, orths: numpy.ndarray
    ) -> list[tuple[Span, set[Span]]]:
        """scispaCy's ``find_matches_for``: each new (long form, short form) pair found, then every occurrence of
        its short form's tokens in ``doc``, in token order (as its global Matcher returns them)."""
        all_occurences: dict[Span, set[Span]] = defaultdict(set)
        already_seen_long: set[str] = set()
        already_seen_short: set[str] = set()
        rules: list[tuple[Span, list[int]]] = []
        for long_candidate, short_candidate in filtered:
            short, long = find_abbreviation(long_candidate, short_candidate)
            new_long = long.text not in already_seen_long if long else False
            new_short = short.text not in already_seen_short
            if long is not None and new_long and new_short:
                already_seen_long.add(long.text)
                already_seen_short.add(short.text)
                all_occurences[long].add(short)
                rules.append((long, [t.orth for t in short]))
        for long, pattern in rules:
            size = len(pattern)
            starts = numpy.flatnonzero(orths[: len(orths) - size + 1] == pattern[0])
            for k in range(1, size):
                starts = starts[orths[starts + k] == pattern[k]]
            occurrences = all_occurences[long]
            for start in starts.tolist():
                occurrences.add(doc[start : start + size])
        return list(all_occurences.items())


@registry.tokenizers("evminer.saved_tokenizer.v1")
def create_saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """The tokenizer of a saved pipeline: an empty spaCy Tokenizer whose rules (scispaCy's affixes, token match
    and special cases, as :func:`pipeline.annotate.build_pipeline` set them) ``from_disk`` reads from the
    pipeline's folder. The default ``spacy.Tokenizer.v1`` would first compile the language's own rules only for
    ``from_disk`` to replace them: a sixth of the load time."""

    def make_tokenizer(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make_tokenizer


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
