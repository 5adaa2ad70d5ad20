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
drug, a drug the patients or cells never had ("chemotherapy-naive"), vesicles as an engineered vehicle). ``background`` lists the phrases of a sentence that reports earlier
work ("has been shown", "previous studies"): its cues count for less than the study's own; ``prognosis`` the
phrases of a sentence that states a prognosis ("short progression-free survival", "a high death rate"): a cargo
named there, with no drug, does not take the study's drug statement; ``aim_before`` and ``aim_after`` the
phrases that make a cue the question a study asks ("to test whether", "... was explored"): no statement;
``design_labels`` the labels of a structured abstract's Methods part, whose sentences state no finding;
``background_labels`` those of its Background part, whose sentences state what was known before. An effect rule may name a ``hedged_effect``, taken when a word of
the class HEDGE comes just before it ("microRNAs ... may be involved in the resistance": associated). The patterns are compiled once into
token programs run by ``RuleEngine`` (a small dynamic-programming matcher over tokens whose word classes are looked
up once per distinct word; it gives the matches spaCy's ``Matcher`` gives for the same token patterns, which the
engine also keeps, ``token_patterns``, and the tests compare it with, but that an entity mention is read whole: no
match ends inside one, and in a gap a mention counts as one word, none of whose words may be one the gap
excludes (a gap may also stop before a vesicle mention's head noun: "small extracellular [vesicles]", and "but
not" is no clause break), a hyphen as none, and an appositive between commas (", as the specific mRNA of chemoresistance,") as
none); every rule carries examples that it must
match and counter-examples that it must not, checked by the tests (``[text](LABEL)`` marks an entity in an
example).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

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
    "untreated",
    "covariate",
    "vehicle",
    "restored",
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


class Phrase(BaseModel):
    """A regular expression over a sentence's text that a rule of the engine cannot say in tokens (what stands
    just before or after a cue, a denial, an insert between commas), kept in the rule file with its examples."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str
    pattern: str
    ignore_case: bool = True
    examples: list[str] = Field(min_length=1)  # each is matched (``search``)
    counter_examples: list[str] = []  # none is

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0)

    @model_validator(mode="after")
    def _examples_hold(self) -> Phrase:
        try:
            regex = self.compiled()
        except re.error as exc:
            raise ValueError(f"phrase pattern does not compile ({exc}): {self.pattern!r}") from exc
        for text in self.examples:
            if not regex.search(text):
                raise ValueError(f"phrase {self.pattern[:40]!r}...: example {text!r} does not match")
        for text in self.counter_examples:
            if regex.search(text):
                raise ValueError(f"phrase {self.pattern[:40]!r}...: counter-example {text!r} matches")
        return self


class RuleSet(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    clause_breaks: list[str]
    background: list[str] = []  # regular expressions of a sentence that reports earlier work ("has been shown")
    prognosis: list[str] = []  # ... of a sentence that states a prognosis (survival, death), no drug response
    # a cue that is the question a study asks, not its finding: after an inquiry ("to measure if [EVs protect
    # cells from rituximab]", "we asked whether"), or in the subject of a sentence ending in one ("[the use of sEV
    # as predictors of response] was explored")
    aim_before: list[str] = []
    aim_after: list[str] = []
    # the labels of a structured abstract's parts, and which of them describe what was done (Methods): a
    # sentence there says what was measured ("levels of CD73 were correlated with therapy response"), no finding
    abstract_labels: list[str] = []
    design_labels: list[str] = []
    background_labels: list[str] = []
    # HGNC symbols of the proteins that mark vesicles (CD63, TSG101): named where the vesicles are characterised,
    # they take no drug statement of the unit's from another sentence
    vesicle_markers: list[str] = []
    # canonical names of drugs given beside an anticancer drug to modulate it or to protect the patient (ATC
    # V03AF, detoxifying agents for antineoplastic treatment: folinic acid with 5-fluorouracil): never resisted
    supportive_drugs: list[str] = []
    # HGNC symbols of the cell's vesicle-release machinery (Rab27a, nSMase2): knocked down, they stop the release,
    # so a statement on their loss is one on the vesicles, and they are never a cargo
    secretion_machinery: list[str] = []
    # canonical names of analytes that are outside the vesicles by definition (cell-free DNA, circulating tumour
    # DNA): compared with EV cargo, never EV cargo themselves
    never_cargo: list[str] = []
    word_classes: dict[str, list[str]]
    entity_groups: dict[str, list[str]]
    # regular expressions the relation code applies around cues (pipeline/relate/resistance.py: ``_Phrase``)
    phrases: dict[str, Phrase] = {}
    rules: list[Rule]

    @field_validator("phrases")
    @classmethod
    def _phrase_names(cls, v: dict[str, Phrase]) -> dict[str, Phrase]:
        for name in v:
            if not re.fullmatch(r"[A-Z][A-Z_0-9]*", name):
                raise ValueError(f"phrase {name!r}: names are UPPER_CASE")
        return v

    @field_validator(
        "background", "prognosis", "aim_before", "aim_after", "abstract_labels", "design_labels", "background_labels"
    )
    @classmethod
    def _phrases_compile(cls, v: list[str], info: ValidationInfo) -> list[str]:
        _compile_all(str(info.field_name), v)
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


# Unicode hyphens ("5‐Fu‐loaded", "cell‑derived") split words as "-" does in the tokenizer
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2043": "-"})


@dataclass(frozen=True)
class _Element:
    """One element of a compiled rule: a word (``regex`` an id into the engine's regexes), an entity mention of
    one of ``labels`` (one or more tokens), or a gap of up to ``most`` tokens that are no clause break and, when
    ``regex`` is set, match no word of its excluded classes."""

    kind: Literal["word", "entity", "gap"]
    regex: int = -1
    labels: frozenset[str] = frozenset()
    most: int = 0
    optional: bool = False
    placeholder: bool = False


@dataclass
class _Tokens:
    """A sentence as the engine sees it: per token its lower-case form, the ids of the regexes it matches, its
    entity label ("" for none) and whether it is a clause break."""

    lower: list[str]
    hits: list[frozenset[int]]
    labels: list[str]
    breaks: list[bool]


class RuleEngine:
    """Every rule of a RuleSet, compiled into token programs over a blank English tokenizer."""

    def __init__(self, ruleset: RuleSet) -> None:
        import spacy

        self.ruleset = ruleset
        self.nlp = spacy.blank("en")
        # a closing bracket before a hyphen splits as well: "(5-Fu)-loaded" is "5-Fu", ")", "-", "loaded"
        infixes = [*(self.nlp.Defaults.infixes or ()), r"[\)\]](?=-)", r"(?<=[\)\]])-(?=[A-Za-z])"]
        tokenizer: Any = self.nlp.tokenizer
        tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        self.rules = {r.name: r for r in ruleset.rules}
        self.token_patterns: dict[str, list[dict[str, Any]]] = {}  # spaCy Matcher patterns of the same rules
        self._programs: dict[str, tuple[_Element, ...]] = {}
        # What a rule cannot match without: the word regexes and entity labels of its required elements. A
        # sentence is run only through the rules whose requirements it meets.
        self._regexes: list[re.Pattern[str]] = []
        self._regex_ids: dict[str, int] = {}
        self._needs: dict[str, tuple[frozenset[int], tuple[frozenset[str], ...]]] = {}
        self._word_hits: dict[str, frozenset[int]] = {}
        self._breaks = frozenset(ruleset.clause_breaks)
        breaks = sorted(self._breaks)
        for rule in ruleset.rules:
            tokens, program = self._compile(rule.pattern, breaks)
            self.token_patterns[rule.name] = tokens
            self._programs[rule.name] = program
            words = frozenset(e.regex for e in program if e.kind == "word" and not e.optional)
            labels = tuple(e.labels for e in program if e.kind == "entity")
            self._needs[rule.name] = (words, labels)
        # the word classes a hyphenated word the tokenizer cuts ("knock-down", "down-regulation") may belong to:
        # those of the loss-of-function words, which turn a statement round
        self._joinable = frozenset(
            self._regex_ids[key]
            for name in _JOINED_CLASSES
            if (key := f"^(?:{'|'.join(ruleset.word_classes.get(name, []))})$") in self._regex_ids
        )

    def _regex(self, pattern: str) -> int:
        if pattern not in self._regex_ids:
            self._regex_ids[pattern] = len(self._regexes)
            self._regexes.append(re.compile(pattern))
        return self._regex_ids[pattern]

    def _compile(self, pattern: str, breaks: list[str]) -> tuple[list[dict[str, Any]], tuple[_Element, ...]]:
        """A rule's pattern as spaCy Matcher token specs and as the engine's program (the same elements)."""
        out: list[dict[str, Any]] = []
        program: list[_Element] = []
        for element in pattern.split():
            m = _ELEMENT_RE.match(element)
            assert m  # validated by RuleSet
            gap, excluded, sigil, group, word_class, literal, optional = m.groups()
            spec: dict[str, Any]
            if gap is not None:
                spec = {"LOWER": {"NOT_IN": breaks}, "OP": f"{{0,{int(gap)}}}"}
                regex = -1
                if excluded:  # "~5!UP,DOWN": a gap that crosses no word of these classes
                    words = "|".join(w for name in excluded.split(",") for w in self.ruleset.word_classes[name])
                    spec["LOWER"]["REGEX"] = f"^(?!(?:{words})$)"
                    regex = self._regex(f"^(?:{words})$")
                program.append(_Element("gap", regex=regex, most=int(gap)))
            elif group is not None:
                labels = self.ruleset.entity_groups[group]
                spec = {"ENT_TYPE": {"IN": labels}, "OP": "+"}
                program.append(_Element("entity", labels=frozenset(labels), placeholder=sigil == "@"))
            else:
                alternatives = (
                    "|".join(self.ruleset.word_classes[word_class])
                    if word_class is not None
                    else self._alternation(literal)
                )
                spec = {"LOWER": {"REGEX": f"^(?:{alternatives})$"}}
                program.append(_Element("word", regex=self._regex(f"^(?:{alternatives})$"), optional=bool(optional)))
            if optional:  # entities ("+") and gaps keep their own quantifier, as in spaCy's patterns
                spec["OP"] = spec.get("OP", "?")
            out.append(spec)
        return out, tuple(program)

    def _alternation(self, literal: str) -> str:
        """``(RESISTANT|refractory)``: word class names inside an alternation stand for their words."""
        inner = literal[1:-1] if literal.startswith("(") and literal.endswith(")") else literal
        parts = inner.split("|")
        if not any(p in self.ruleset.word_classes for p in parts):
            return literal
        return "|".join("|".join(self.ruleset.word_classes[p]) if p in self.ruleset.word_classes else p for p in parts)

    def run(self, text: str, entities: Sequence[tuple[int, int, str]]) -> list[RuleMatch]:
        """The rules matched in ``text``, whose entity mentions are (start, end, label) character spans: for each
        rule in the file's order, every (start, end) it matches, by start, then end, then the entities under its
        placeholders."""
        from spacy.tokens import Span
        from spacy.util import filter_spans

        if len(text) >= self.nlp.max_length:  # one "sentence" of a million characters: the tokenizer has no
            self.nlp.max_length = len(text) + 1  # model to run out of memory in, so no E088 (the time limit holds)
        doc = self.nlp.make_doc(text.translate(_HYPHENS))  # same length: offsets hold
        spans: list[Span] = []
        span_entity: dict[tuple[int, int], int] = {}
        for i, (start, end, label) in enumerate(entities):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
                span_entity.setdefault((span.start, span.end), i)
        token_entity: dict[int, int] = {}
        labels = [""] * len(doc)
        for span in filter_spans(spans):
            for t in range(span.start, span.end):
                token_entity[t] = span_entity[(span.start, span.end)]
                labels[t] = span.label_
        lower = [t.lower_ for t in doc]
        hits = [self._hits(w) for w in lower]
        # a loss-of-function word the tokenizer cut at its hyphen ("knock-down", "down-regulation") is also the
        # hyphenated word its word class lists: its parts take that class
        for i in range(1, len(lower) - 1):
            if lower[i] == "-" and not labels[i - 1] and not labels[i + 1] and not doc[i].whitespace_:
                if doc[i - 1].whitespace_:
                    continue
                joined = self._hits(lower[i - 1] + "-" + lower[i + 1]) & self._joinable
                if joined:  # both parts: a rule may start on the word's first part or go on from its last
                    hits[i - 1] = hits[i - 1] | joined
                    hits[i + 1] = hits[i + 1] | joined
        # "but" before "not" coordinates ("cytarabine-induced but not daunorubicin-induced apoptosis"): no break
        breaks = [
            w in self._breaks and not (w == "but" and lower[i + 1 : i + 2] == ["not"]) for i, w in enumerate(lower)
        ]
        tokens = _Tokens(lower, hits, labels, breaks)
        out: list[RuleMatch] = []
        for name in self._candidates(tokens):
            rule = self.rules[name]
            found = _run_program(self._programs[name], tokens, token_entity)
            for start, end, ents in sorted(found):
                if rule.kind == "effect" and _drug_participle(doc, start, token_entity, entities):
                    continue
                out.append(RuleMatch(rule, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ents))
        return out

    def _hits(self, word: str) -> frozenset[int]:
        hits = self._word_hits.get(word)
        if hits is None:
            hits = frozenset(i for i, rx in enumerate(self._regexes) if rx.search(word))
            if len(self._word_hits) < 200_000:
                self._word_hits[word] = hits
        return hits

    def _candidates(self, tokens: _Tokens) -> list[str]:
        """The rules whose required words and entity labels the sentence has, in the rule file's order."""
        present = frozenset().union(*tokens.hits)
        labels = set(tokens.labels)
        return [
            name
            for name, (words, groups) in self._needs.items()
            if words <= present and all(group & labels for group in groups)
        ]


_APPOSITIVE_OPENERS = frozenset(["as", "a", "an"])


def _appositive_end(tokens: _Tokens, p: int, excluded: int) -> int | None:
    """After an appositive that starts at the comma ``p`` (", as the specific mRNA of chemoresistance,", ", a
    known oncomiR,"): the token after its closing comma, within ten tokens, none of them a clause break or a word
    the gap excludes; else None."""
    n = len(tokens.lower)
    if tokens.lower[p] != "," or p + 1 >= n or tokens.lower[p + 1] not in _APPOSITIVE_OPENERS:
        return None
    for q in range(p + 2, min(n, p + 12)):
        if tokens.breaks[q] or (excluded >= 0 and excluded in tokens.hits[q]):
            return None
        if tokens.lower[q] == ",":
            return q + 1
    return None


def _run_program(
    program: tuple[_Element, ...], tokens: _Tokens, token_entity: dict[int, int]
) -> set[tuple[int, int, tuple[int, ...]]]:
    """Every (start, end, entities under the placeholders) at which ``program`` matches ``tokens``: a dynamic
    programme over (element, token) whose answers are the (end, entities) the rest of the program reaches."""
    n = len(tokens.lower)
    memo: dict[tuple[int, int], frozenset[tuple[int, frozenset[int]]]] = {}

    def rest(i: int, pos: int) -> frozenset[tuple[int, frozenset[int]]]:
        if i == len(program):
            return frozenset([(pos, frozenset())])
        key = (i, pos)
        if key in memo:
            return memo[key]
        e = program[i]
        found: set[tuple[int, frozenset[int]]] = set()
        if e.kind == "word":
            if pos < n and e.regex in tokens.hits[pos]:
                found |= rest(i + 1, pos + 1)
            if e.optional:
                found |= rest(i + 1, pos)
        elif e.kind == "gap":
            found |= rest(i + 1, pos)
            p = pos
            words = 0
            while words < e.most:
                if p >= n or tokens.breaks[p] or (e.regex >= 0 and e.regex in tokens.hits[p]):
                    break
                close = _appositive_end(tokens, p, e.regex)
                if close is not None:  # ", as the specific mRNA of chemoresistance," counts as no word
                    p = close
                    found |= rest(i + 1, p)
                    continue
                entity = token_entity.get(p)
                if tokens.lower[p] != "-":
                    words += 1  # a hyphen joins words: "epithelial-to-mesenchymal" is one word of the gap
                first = p
                p += 1
                crossed = False
                while entity is not None and p < n and token_entity.get(p) == entity:
                    # an entity mention is one word of the gap however many tokens it has ("5-FU/L-OHP"), and
                    # none of them may be an excluded word ("cells" of "resistant breast cancer cells")
                    crossed = crossed or (e.regex >= 0 and e.regex in tokens.hits[p])
                    p += 1
                if crossed:
                    break
                if p - 1 > first and tokens.labels[p - 1] == "VESICLE":
                    # a vesicle mention's head noun may follow the gap: "AXL-enriched small extracellular
                    # [vesicles]", as "AXL-enriched [exosomes]"
                    found |= rest(i + 1, p - 1)
                found |= rest(i + 1, p)
        else:  # an entity element does not end inside a mention ("miR-6836" of "miR-6836-5p")
            p = pos
            under: set[int] = set()
            while p < n and tokens.labels[p] in e.labels:
                if e.placeholder and p in token_entity:
                    under.add(token_entity[p])
                p += 1
                if p < n and p in token_entity and token_entity.get(p - 1) == token_entity[p]:
                    continue
                for end, ents in rest(i + 1, p):
                    found.add((end, ents | under if under else ents))
        memo[key] = frozenset(found)
        return memo[key]

    has_placeholder = any(e.placeholder for e in program)
    matches: set[tuple[int, int, tuple[int, ...]]] = set()
    for start in range(n):
        for end, ents in rest(0, start):
            if end > start and (ents or not has_placeholder):
                matches.add((start, end, tuple(sorted(ents))))
    return matches


_JOINED_CLASSES = ("INVERTN", "INVERTV", "INVERTAFTER", "INVERTPREFIX")
_STATE_ADJECTIVES = frozenset(["resistant", "chemoresistant", "refractory", "insensitive", "tolerant", "sensitive"])
_DRUG_WORDS = frozenset(["drug", "drugs", "chemotherapy", "chemo", "agent", "treatment", "therapy", "radiation"])


def _drug_participle(
    doc: Any, start: int, token_entity: dict[int, int], entities: Sequence[tuple[int, int, str]]
) -> bool:
    """A participle hyphenated to a drug ("cisplatin-induced apoptosis", "drug-mediated death") names the drug's
    own effect; a cue that starts on it states nothing about a cargo."""
    if start < 2 or doc[start - 1].text != "-" or doc[start].lower_ in _STATE_ADJECTIVES:
        return False  # "tamoxifen-resistant cells contained more EGFR": the cells' state, no drug effect
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
