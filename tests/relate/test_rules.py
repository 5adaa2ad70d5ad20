"""The relation rules of models/patterns/resistance.json: valid, and each matches its examples only."""

import json

import pytest
from pydantic import ValidationError

from pipeline.relate.rules import RuleSet, load_engine, load_ruleset, parse_example

RULES = load_ruleset().rules


def _matched(rule_name: str, example: str) -> bool:
    text, entities = parse_example(example)
    return any(m.rule.name == rule_name for m in load_engine().run(text, entities))


@pytest.mark.parametrize(
    ("rule", "example"), [(r.name, e) for r in RULES for e in r.examples], ids=lambda v: str(v)[:40]
)
def test_rule_matches_its_examples(rule: str, example: str) -> None:
    assert _matched(rule, example)


@pytest.mark.parametrize(
    ("rule", "example"), [(r.name, e) for r in RULES for e in r.counter_examples], ids=lambda v: str(v)[:40]
)
def test_rule_does_not_match_its_counter_examples(rule: str, example: str) -> None:
    assert not _matched(rule, example)


def test_role_rules_give_the_role_to_the_placeholder_not_the_anchor() -> None:
    text, entities = parse_example("[circ-X](CIRCRNA) sponges [miR-330](MIRNA)")
    targets = [m.entities for m in load_engine().run(text, entities) if m.rule.role == "target"]
    assert targets and all(e == (1,) for e in targets)


def test_a_gap_that_excludes_word_classes_crosses_none_of_their_words() -> None:
    """``~5!UP,DOWN``: "exosomes decreased the sensitivity of A549 cells" gives no donor; "exosomes from A549" does."""
    donors = [
        load_engine().run(*parse_example(t))
        for t in ["exosomes decreased the sensitivity of [A549](CELL_LINE) cells", "exosomes from [A549](CELL_LINE)"]
    ]
    assert [any(m.rule.name == "donor_vesicles_from" for m in ms) for ms in donors] == [False, True]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"rules": [{"name": "x", "kind": "effect", "pattern": "UP"}]}, "needs 'effect'"),
        ({"rules": [{"name": "x", "kind": "role", "role": "cargo", "pattern": "UP"}]}, "@placeholder"),
        ({"rules": [{"name": "x", "kind": "effect", "effect": "sensitizes", "pattern": "NOPE"}]}, "unknown word"),
        ({"rules": [{"name": "x", "kind": "role", "role": "cargo", "pattern": "@NOPE"}]}, "unknown entity"),
        ({"word_classes": {"UP": ["(unclosed"]}, "rules": []}, "bad regular expression"),
        ({"rules": [{"name": "x", "kind": "effect", "effect": "sensitizes", "pattern": "UP ~3!NOPE"}]}, "unknown word"),
        ({"phrases": {"X": {"about": "a", "pattern": "did not", "examples": ["it did"]}}}, "does not match"),
        (
            {"phrases": {"X": {"about": "a", "pattern": "not", "examples": ["not"], "counter_examples": ["not"]}}},
            "matches",
        ),
        ({"phrases": {"X": {"about": "a", "pattern": "(un", "examples": ["x"]}}}, "does not compile"),
        ({"phrases": {"lower": {"about": "a", "pattern": "x", "examples": ["x"]}}}, "UPPER_CASE"),
    ],
)
def test_bad_rules_are_refused_with_the_rule_named(change: dict, message: str) -> None:  # type: ignore[type-arg]
    base = json.loads(load_ruleset().model_dump_json())
    base.update(change)
    with pytest.raises(ValidationError, match=message):
        RuleSet.model_validate(base)


def test_the_phrases_the_relation_code_uses_are_in_the_rule_file() -> None:
    """Every ``_Phrase`` of pipeline/relate/resistance.py names a phrase of the rule file (validated there with
    its examples and counter-examples)."""
    from pipeline.relate import resistance

    used = {v.name for v in vars(resistance).values() if isinstance(v, resistance._Phrase)}
    assert used and used <= set(load_ruleset().phrases)
    assert all(p.regex.pattern for p in vars(resistance).values() if isinstance(p, resistance._Phrase))


def _examples() -> list[str]:
    examples = [e for r in RULES for e in (*r.examples, *r.counter_examples)]
    examples.append("Exosomal [miR-21](MIRNA) from [MCF-7](CELL_LINE) cells conferred [tamoxifen](DRUG) resistance.")
    return examples


def _key(matches):  # type: ignore[no-untyped-def]
    return [(m.rule.name, m.start, m.end, m.entities) for m in matches]


def test_rules_run_only_where_their_requirements_are_met_give_all_rules_matches(monkeypatch) -> None:
    """The engine runs a sentence through the rules whose required words and entity labels it has: on every
    example and counter-example of every rule, the same matches, in the same order, as all rules at once."""
    engine = load_engine()
    examples = _examples()
    pruned = [_key(engine.run(*parse_example(e))) for e in examples]
    monkeypatch.setattr(engine, "_candidates", lambda tokens: list(engine.rules))
    full = [_key(engine.run(*parse_example(e))) for e in examples]
    assert pruned == full
    assert sum(map(bool, full)) > len(RULES)  # the examples do match: the comparison is not vacuous


def test_the_engine_matches_what_spacys_matcher_matches_on_the_same_patterns() -> None:
    """The token programs give, on every example and counter-example, the (rule, start, end, entities) that
    spaCy's Matcher finds with the same rules as token patterns (its ``with_alignments`` telling which tokens
    stand under a placeholder), but for the engine's own reading of a mention as a whole: no match ends inside
    one, and in a gap it counts once however many tokens it has (the examples hold no such gap)."""
    from spacy.matcher import Matcher
    from spacy.tokens import Span
    from spacy.util import filter_spans

    engine = load_engine()
    matcher = Matcher(engine.nlp.vocab)
    for name, tokens in engine.token_patterns.items():
        matcher.add(name, [tokens])
    checked = 0
    for example in _examples():
        text, entities = parse_example(example)
        doc = engine.nlp.make_doc(text)
        spans = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in entities]
        doc.ents = filter_spans([s for s in spans if s is not None])
        owner = {t: i for i, s in enumerate(spans) if isinstance(s, Span) for t in range(s.start, s.end)}
        expected = set()
        for match_id, start, end, align in matcher(doc, with_alignments=True):
            name = engine.nlp.vocab.strings[match_id]
            slots = {k for k, e in enumerate(engine._programs[name]) if e.placeholder}
            ents = tuple(sorted({owner[start + k] for k, a in enumerate(align) if a in slots and start + k in owner}))
            if slots and not ents:
                continue
            if end < len(doc) and owner.get(end) is not None and owner.get(end - 1) == owner.get(end):
                continue  # the engine ends no match inside a mention; the Matcher does ("TGF-β" of "TGF-β1")
            expected.add((name, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ents))
        got = {
            (m.rule.name, m.start, m.end, m.entities)
            for m in engine.run(text, entities)
            if not (m.rule.kind == "effect" and m.start > 0 and text[m.start - 1] == "-")
        }
        expected = {
            k for k in expected if not (engine.rules[k[0]].kind == "effect" and k[1] > 0 and text[k[1] - 1] == "-")
        }
        assert got == expected, example
        checked += bool(expected)
    assert checked > len(RULES)
