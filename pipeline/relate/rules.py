"""Relation rules as validated data, run by one engine over tokens and entity spans.

``models/patterns/resistance.json`` holds word classes (lower-case regular expressions, one token each),
entity groups (labels an ``@PLACEHOLDER`` stands for) and rules. A rule's pattern is a line of elements:

- ``UP``: a token of word class UP;  ``of``, ``cell|cells``: a literal token (a regular expression, anchored);
- ``@CARGO``: one entity mention of a label in the group CARGO (one or more tokens), which the rule is about;
  ``&CARGO``: the same, as a condition only (an anchor: the role goes to the ``@`` mentions);
- ``~5``: up to five tokens that do not cross a clause break (";", "whereas", "but", ...); ``~5!UP,DOWN``: the
  same, crossing no word of the classes UP and DOWN either (no verb of another statement);
- ``-``: a hyphen token (spaCy splits "cisplatin-resistant" into three tokens);
- ``(RESISTANT|refractory)``: an alternation, in which word class names stand for their words;
- a trailing ``?`` makes an element optional.

Rules of kind ``effect`` say what a stretch of a sentence states (confers_resistance, sensitizes,
predicts_resistance, associated); rules of kind ``role`` give the entities under their placeholders a role
(cargo, target, donor, recipient, status, inverted, payload, resisted, exposure of the donor cells to a
drug, vesicles as an engineered vehicle). ``background`` lists the phrases of a sentence that reports earlier
work ("has been shown", "previous studies"): its cues count for less than the study's own. An effect rule may name a ``hedged_effect``, taken when a word of
the class HEDGE comes just before it ("microRNAs ... may be involved in the resistance": associated). The patterns are compiled once into
one spaCy ``Matcher``; every rule carries examples that it must match and counter-examples that it must not,
checked by the tests (``[text](LABEL)`` marks an entity in an example).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.errors import LexiconError
from pipeline.normalize.lexicon import models_dir

RuleKind = Literal["effect", "role"]
Role = Literal[
    "cargo",
    "target",
    "agent",
    "donor",
    "recipient",
    "status",
    "inverted",
    "payload",
    "resisted",
    "tool",
    "exposure",
    "vehicle",
]
EffectName = Literal["confers_resistance", "sensitizes", "predicts_resistance", "associated"]

_ELEMENT_RE = re.compile(
    r"^(?:~(\d+)(?:!([A-Z][A-Z_0-9]*(?:,[A-Z][A-Z_0-9]*)*))?|([@&])([A-Z_]+)|([A-Z][A-Z_0-9]*)|(\S+?))(\?)?$"
)


def _compile_all(where: str, alternatives: list[str]) -> None:
    """Every regular expression of a rules-file entry compiles, or a ValueError names the entry and the bad one."""
    for alt in alternatives:
        try:
            re.compile(alt)
        except re.error as exc:
            raise ValueError(f"{where}: bad regular expression {alt!r} ({exc})") from exc


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: RuleKind
    pattern: str
    effect: EffectName | None = None
    hedged_effect: EffectName | None = None  # the effect when a HEDGE word ("may", "might") comes just before
    role: Role | None = None
    confidence: float = Field(default=0.9, gt=0, le=1)
    examples: list[str] = []
    counter_examples: list[str] = []

    @model_validator(mode="after")
    def _kind_fields(self) -> Rule:
        if self.kind == "effect" and self.effect is None:
            raise ValueError(f"rule {self.name!r}: an effect rule needs 'effect'")
        if self.kind == "role" and (self.role is None or "@" not in self.pattern):
            raise ValueError(f"rule {self.name!r}: a role rule needs 'role' and an @placeholder")
        return self


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    clause_breaks: list[str]
    background: list[str] = []  # regular expressions of a sentence that reports earlier work ("has been shown")
    word_classes: dict[str, list[str]]
    entity_groups: dict[str, list[str]]
    rules: list[Rule]

    @field_validator("background")
    @classmethod
    def _background_compiles(cls, v: list[str]) -> list[str]:
        _compile_all("background", v)
        return v

    @field_validator("word_classes")
    @classmethod
    def _regexes_compile(cls, v: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, alternatives in v.items():
            if not re.fullmatch(r"[A-Z][A-Z_0-9]*", name):
                raise ValueError(f"word class {name!r}: names are UPPER_CASE")
            _compile_all(f"word class {name}", alternatives)
        return v

    @model_validator(mode="after")
    def _patterns_resolve(self) -> RuleSet:
        names = set()
        for rule in self.rules:
            if rule.name in names:
                raise ValueError(f"rule {rule.name!r} is defined twice")
            names.add(rule.name)
            for element in rule.pattern.split():
                m = _ELEMENT_RE.match(element)
                if not m:
                    raise ValueError(f"rule {rule.name!r}: cannot read element {element!r}")
                if m.group(4) and m.group(4) not in self.entity_groups:
                    raise ValueError(f"rule {rule.name!r}: unknown entity group {m.group(3)}{m.group(4)}")
                for name in [m.group(5), *(m.group(2) or "").split(",")]:
                    if name and name not in self.word_classes:
                        raise ValueError(f"rule {rule.name!r}: unknown word class {name}")
                if m.group(6):
                    try:
                        re.compile(m.group(6))
                    except re.error as exc:
                        raise ValueError(f"rule {rule.name!r}: bad regular expression {element!r} ({exc})") from exc
        return self


@dataclass(frozen=True)
class RuleMatch:
    """One rule matched in one sentence: its character span and the entities under its placeholder."""

    rule: Rule
    start: int  # character offsets into the text given to ``RuleEngine.run``
    end: int
    entities: tuple[int, ...]  # indices into the entity list given to ``run``


class RuleEngine:
    """Every rule of a RuleSet, compiled into one spaCy Matcher over a blank English tokenizer."""

    def __init__(self, ruleset: RuleSet) -> None:
        import spacy
        from spacy.matcher import Matcher

        self.ruleset = ruleset
        self.nlp = spacy.blank("en")
        self.matcher = Matcher(self.nlp.vocab)
        self.rules = {r.name: r for r in ruleset.rules}
        self._placeholders: dict[str, list[int]] = {}
        self._specs: dict[str, list[dict[str, Any]]] = {}
        # What a rule cannot match without: the word regexes and entity labels of its required elements. A
        # sentence is run only through the rules whose requirements it meets (the same matches, far fewer
        # partial matches for the Matcher to carry along every token).
        self._regexes: list[re.Pattern[str]] = []
        self._needs: dict[str, tuple[frozenset[int], tuple[frozenset[str], ...]]] = {}
        self._word_hits: dict[str, frozenset[int]] = {}
        self._matchers: OrderedDict[tuple[str, ...], Any] = OrderedDict()
        regex_ids: dict[str, int] = {}
        breaks = sorted(set(ruleset.clause_breaks))
        for rule in ruleset.rules:
            tokens, placeholder_positions = self._compile(rule.pattern, breaks)
            self._placeholders[rule.name] = placeholder_positions
            self._specs[rule.name] = tokens
            self.matcher.add(rule.name, [tokens])
            words: set[int] = set()
            labels: list[frozenset[str]] = []
            for spec in tokens:
                if spec.get("OP") not in (None, "+"):  # optional or a gap: not required
                    continue
                if "ENT_TYPE" in spec:
                    labels.append(frozenset(spec["ENT_TYPE"]["IN"]))
                elif "REGEX" in spec.get("LOWER", {}):
                    regex = spec["LOWER"]["REGEX"]
                    if regex not in regex_ids:
                        regex_ids[regex] = len(self._regexes)
                        self._regexes.append(re.compile(regex))
                    words.add(regex_ids[regex])
            self._needs[rule.name] = (frozenset(words), tuple(labels))

    def _compile(self, pattern: str, breaks: list[str]) -> tuple[list[dict[str, Any]], list[int]]:
        out: list[dict[str, Any]] = []
        placeholders: list[int] = []
        for element in pattern.split():
            m = _ELEMENT_RE.match(element)
            assert m  # validated by RuleSet
            gap, excluded, sigil, group, word_class, literal, optional = m.groups()
            spec: dict[str, Any]
            if gap is not None:
                spec = {"LOWER": {"NOT_IN": breaks}, "OP": f"{{0,{int(gap)}}}"}
                if excluded:  # "~5!UP,DOWN": a gap that crosses no word of these classes
                    words = "|".join(w for name in excluded.split(",") for w in self.ruleset.word_classes[name])
                    spec["LOWER"]["REGEX"] = f"^(?!(?:{words})$)"
            elif group is not None:
                if sigil == "@":
                    placeholders.append(len(out))
                spec = {"ENT_TYPE": {"IN": self.ruleset.entity_groups[group]}, "OP": "+"}
            elif word_class is not None:
                alternatives = "|".join(self.ruleset.word_classes[word_class])
                spec = {"LOWER": {"REGEX": f"^(?:{alternatives})$"}}
            else:
                spec = {"LOWER": {"REGEX": f"^(?:{self._alternation(literal)})$"}}
            if optional:
                spec["OP"] = spec.get("OP", "?")
            out.append(spec)
        return out, placeholders

    def _alternation(self, literal: str) -> str:
        """``(RESISTANT|refractory)``: word class names inside an alternation stand for their words."""
        inner = literal[1:-1] if literal.startswith("(") and literal.endswith(")") else literal
        parts = inner.split("|")
        if not any(p in self.ruleset.word_classes for p in parts):
            return literal
        return "|".join("|".join(self.ruleset.word_classes[p]) if p in self.ruleset.word_classes else p for p in parts)

    def run(self, text: str, entities: Sequence[tuple[int, int, str]]) -> list[RuleMatch]:
        """The rules matched in ``text``, whose entity mentions are (start, end, label) character spans."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        if len(text) >= self.nlp.max_length:  # one "sentence" of a million characters: the tokenizer has no
            self.nlp.max_length = len(text) + 1  # model to run out of memory in, so no E088 (the time limit holds)
        doc = self.nlp.make_doc(text)
        spans: list[Span] = []
        span_entity: dict[tuple[int, int], int] = {}
        for i, (start, end, label) in enumerate(entities):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
                span_entity.setdefault((span.start, span.end), i)
        kept = filter_spans(spans)
        doc.ents = kept
        token_entity: dict[int, int] = {}
        for span in kept:
            for t in range(span.start, span.end):
                token_entity[t] = span_entity[(span.start, span.end)]
        out: list[RuleMatch] = []
        seen: set[tuple[str, int, int, tuple[int, ...]]] = set()
        matcher = self._matcher_for(doc, {span.label_ for span in kept})
        if matcher is None:
            return out
        for match_id, start, end, alignments in matcher(doc, with_alignments=True):
            name = self.nlp.vocab.strings[match_id]
            positions = set(self._placeholders[name])
            ents = tuple(
                sorted(
                    {token_entity[start + k] for k, a in enumerate(alignments) if a in positions}
                    & set(token_entity.values())
                )
            )
            if positions and not ents:
                continue
            if self.rules[name].kind == "effect" and _drug_participle(doc, start, token_entity, entities):
                continue
            key = (name, start, end, ents)
            if key in seen:
                continue
            seen.add(key)
            out.append(RuleMatch(self.rules[name], doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ents))
        return out

    def _matcher_for(self, doc: Any, labels: set[str]) -> Any:
        """A Matcher holding only the rules ``doc`` meets the requirements of (None: no rule can match), in the
        rule file's order; the last 512 such rule sets are kept."""
        present: set[int] = set()
        for token in doc:
            hits = self._word_hits.get(token.lower_)
            if hits is None:
                hits = frozenset(i for i, rx in enumerate(self._regexes) if rx.search(token.lower_))
                if len(self._word_hits) < 200_000:
                    self._word_hits[token.lower_] = hits
            present |= hits
        names = tuple(
            name
            for name, (words, groups) in self._needs.items()
            if words <= present and all(group & labels for group in groups)
        )
        if not names:
            return None
        if len(names) == len(self._needs):
            return self.matcher
        matcher = self._matchers.get(names)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(self.nlp.vocab)
            for name in names:
                matcher.add(name, [self._specs[name]])
            self._matchers[names] = matcher
            if len(self._matchers) > 512:
                self._matchers.popitem(last=False)
        else:
            self._matchers.move_to_end(names)
        return matcher


_DRUG_WORDS = frozenset(["drug", "drugs", "chemotherapy", "chemo", "agent", "treatment", "therapy", "radiation"])


def _drug_participle(
    doc: Any, start: int, token_entity: dict[int, int], entities: Sequence[tuple[int, int, str]]
) -> bool:
    """A participle hyphenated to a drug ("cisplatin-induced apoptosis", "drug-mediated death") names the drug's
    own effect; a cue that starts on it states nothing about a cargo."""
    if start < 2 or doc[start - 1].text != "-":
        return False
    before = start - 2
    if before in token_entity and entities[token_entity[before]][2] in ("DRUG", "DRUG_CLASS"):
        return True
    return doc[before].lower_ in _DRUG_WORDS


def load_ruleset(path: Path | str | None = None) -> RuleSet:
    file = Path(path) if path else models_dir() / "patterns" / "resistance.json"
    try:
        return RuleSet.model_validate(json.loads(file.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise LexiconError(file, f"relation rules cannot be loaded ({exc})") from exc


@cache
def load_engine(path: str | None = None) -> RuleEngine:
    """The engine of ``models/patterns/resistance.json`` (or ``path``), built once per process."""
    return RuleEngine(load_ruleset(path))


def parse_example(example: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``"exosomes containing [miR-21](MIRNA)"`` -> the plain text and its entity spans."""
    text = ""
    entities: list[tuple[int, int, str]] = []
    pos = 0
    for m in re.finditer(r"\[([^\]]+)\]\(([A-Z_]+)\)", example):
        text += example[pos : m.start()]
        entities.append((len(text), len(text) + len(m.group(1)), m.group(2)))
        text += m.group(1)
        pos = m.end()
    return text + example[pos:], entities
