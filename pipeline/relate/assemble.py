"""Assertions from study units: which entities of a unit are cargo, drug, target, donor and recipient, and what
relation the unit's sentences state.

One Assertion per (unit, relation), carrying every cargo of the unit, so that no study yields duplicate
assertions for one cargo. Sentences that negate their cue ("their predictive role ... was not significant",
"did not find any association", "was unaffected") state nothing positive; their assertions are kept apart,
flagged (``effect`` None, ``function`` starting "NEGATED:") only when ``keep_negated`` is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.models import Assertion, Concept, Document, Entity, Provenance
from pipeline.relate.cues import Cues, load_cues
from pipeline.relate.resistance import CARGO_TYPES as RNA_CARGO_TYPES
from pipeline.relate.resistance import names_study_vesicles, unit_resistance
from pipeline.relate.units import StudyUnit, entities_in

CARGO_LABELS = frozenset(["MIRNA", "LNCRNA", "CIRCRNA", "NCRNA", "MRNA", "DNA"])
CELL_LABELS = frozenset(["CELL_LINE", "CELL_TYPE"])
CARGO_TYPES = {**RNA_CARGO_TYPES, "GENE": "protein", "DRUG": "drug"}


@dataclass
class _Roles:
    cargo: list[Concept] = field(default_factory=list)
    drugs: list[Concept] = field(default_factory=list)
    resistance_drugs: list[Concept] = field(default_factory=list)
    targets: list[Concept] = field(default_factory=list)
    donors: list[Concept] = field(default_factory=list)
    recipients: list[Concept] = field(default_factory=list)
    cells: list[Concept] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)  # sentence indices that state the relation
    effects: list[str] = field(default_factory=list)
    other: dict[str, list[int]] = field(default_factory=dict)


def _add(items: list[Concept], concept: Concept) -> None:
    if all(c.name != concept.name for c in items):
        items.append(concept)


def _concepts(e: Entity) -> list[Concept]:
    ids = [e.id, *e.other_ids] if e.other_ids else [e.id] * (1 + len(e.other_names))
    return [Concept(name=n, id=i, type=CARGO_TYPES.get(e.label, e.label)) for n, i in zip(e.names, ids, strict=False)]


def _negated(cues: Cues, text: str) -> bool:
    return bool(cues.negation.search(text))


def _classify(doc: Document, cues: Cues, entities: list[Entity], s_index: int, roles: _Roles) -> None:
    sentence = doc.sentences[s_index]
    text = doc.span_text(sentence)
    for e in entities:
        before = doc.text[max(sentence.start, e.start - 80) : e.start]
        after = doc.text[e.end : min(sentence.end, e.end + 80)]
        if e.label == "GENE" and cues.status_after.match(after):
            continue  # "HER2-positive patients": a receptor status, neither cargo nor target
        is_cargo_gene = e.label == "GENE" and (cues.cargo_before.search(before) or cues.cargo_after.search(after))
        if e.label in CARGO_LABELS or is_cargo_gene:
            # a miRNA is a target only where something targets or sponges it ("sponge of miR-330-5p"); a
            # protein in vesicles is cargo unless something targets it
            is_target = (e.label == "MIRNA" and cues.mirna_target_before.search(before)) or (
                e.label == "GENE" and (cues.target_before.search(before) or cues.target_after.search(after))
            )
            if is_target:
                for c in _concepts(e):
                    _add(roles.targets, c)
                continue
            for c in _concepts(e):
                _add(roles.cargo, c)
        elif e.label == "GENE":
            if cues.target_before.search(before) or cues.target_after.search(after):
                for c in _concepts(e):
                    _add(roles.targets, c)
        elif e.label == "DRUG":
            concept = _concepts(e)[0]
            _add(roles.drugs, concept)
            window = doc.text[max(sentence.start, e.start - 25) : min(sentence.end, e.end + 25)]
            if cues.resistance_window.search(window):
                _add(roles.resistance_drugs, concept)
        elif e.label in CELL_LABELS:
            concept = _concepts(e)[0]
            _add(roles.cells, concept)
            if cues.donor_before.search(before[-60:]) or cues.donor_after.search(after):
                _add(roles.donors, concept)
            elif cues.recipient_before.search(before[-40:]):
                _add(roles.recipients, concept)
    stated = False
    for effect, pattern in cues.effects:
        if pattern.search(text):
            roles.effects.append(effect)
            stated = True
            break
    for relation, pattern in cues.other.items():
        if pattern.search(text):
            roles.other.setdefault(relation, []).append(s_index)
    if stated:
        roles.evidence.append(s_index)


def unit_assertions(
    doc: Document, unit: StudyUnit, *, keep_negated: bool = False, vesicles: bool = True
) -> list[Assertion]:
    """The assertions one study unit states. ``vesicles`` False (the document never speaks of vesicles): no cargo
    relations but resistance ones the rule engine finds (it asks for vesicles in the unit itself), so that a gene
    or a "genomic DNA" of a paper on something else is never an EV cargo."""
    cues = load_cues()
    roles = _Roles()
    negated = _Roles()
    for s_index in unit.sentences:
        sentence = doc.sentences[s_index]
        entities = [doc.entities[i] for i in entities_in(doc, sentence.start, sentence.end)]
        target = negated if _negated(cues, doc.span_text(sentence)) else roles
        _classify(doc, cues, entities, s_index, target)
    # a review's study unit summarises one cited study, whose cargo and drugs the review's tables list together:
    # the unit-level reading keeps that; the pair-by-pair reading is for primary text and whatever it leaves
    # a unit that never names vesicles ("miR-21 confers cisplatin resistance on gastric cancer cells [731]", in a
    # review's paragraph on RNAs inside cells) states no EV cargo's resistance
    speaks = any(names_study_vesicles(doc.span_text(doc.sentences[i])) for i in unit.sentences)
    unit_level = _build(doc, unit, roles, False) if unit.refs and speaks else []
    ruled = unit_resistance(doc, unit)  # resistance: decided pair by pair by the rule engine
    out = _with_ruled_effects([a for a in unit_level if a.relation == "transfers_resistance"], ruled) or ruled
    if not out and vesicles:
        out = [a for a in _build(doc, unit, roles, False) if a.relation != "transfers_resistance"]
    if keep_negated:
        out += _build(doc, unit, negated, True)
    return out


def _with_ruled_effects(unit_level: list[Assertion], ruled: list[Assertion]) -> list[Assertion]:
    """The unit-level reading keeps a cited study's cargo and drugs together; its effect is the rule engine's
    where the engine states one for the same cargo ("raised the cisplatin IC50": confers_resistance, which the
    unit-level cues leave unstated; "an anti-miR-155 restored the sensitivity": confers_resistance, not
    sensitizes)."""
    effect_of: dict[str, str] = {}
    for a in ruled:
        for c in a.cargo:
            if a.effect and c.name not in effect_of:
                effect_of[c.name] = a.effect
    out = []
    for a in unit_level:
        effects = {effect_of[c.name] for c in a.cargo if c.name in effect_of}
        # the engine's causal reading (it knows inversions) or any reading where the cues state none; never its
        # "associated" over a statement the cues read as causal
        if len(effects) == 1 and (a.effect is None or effects & {"confers_resistance", "sensitizes"}):
            a = a.model_copy(update={"effect": effects.pop()})
        # the drugs the engine gives the same cargo and effect ("promoted resistance to cisplatin and
        # paclitaxel": both), which the unit-level cues may stop short of
        names = {c.name for c in a.cargo}
        drugs = list(a.drugs)
        for r in ruled:
            if r.effect == a.effect and names & {c.name for c in r.cargo}:
                drugs += [d for d in r.drugs if d.name not in {x.name for x in drugs}]
        out.append(a if len(drugs) == len(a.drugs) else a.model_copy(update={"drugs": drugs}))
    return out


def _provenance(doc: Document, unit: StudyUnit, sentence_ids: list[int]) -> Provenance:
    ids = sentence_ids or unit.sentences
    first, last = doc.sentences[min(ids)], doc.sentences[max(ids)]
    evidence = " ".join(doc.span_text(doc.sentences[i]) for i in sorted(set(ids)))
    return Provenance(
        doc_id=doc.doc_id, source="text", page=first.page, start=first.start, end=last.end, evidence=evidence
    )


def _covering(doc: Document, unit: StudyUnit, sentence_ids: list[int], concepts: list[Concept]) -> list[int]:
    """The evidence sentences, with the unit's first sentence naming each cargo or drug they do not name, so that
    the evidence shown for an assertion always holds its cargo and its drugs."""
    ids = list(sentence_ids or unit.sentences)

    def names_in(s_index: int) -> set[str]:
        sentence = doc.sentences[s_index]
        return {n for e in doc.entities if sentence.start <= e.start < sentence.end for n in (e.name, *e.names) if n}

    named = set().union(*(names_in(i) for i in ids)) if ids else set()
    for concept in concepts:
        if concept.name in named:
            continue
        for s_index in unit.sentences:
            found = names_in(s_index)
            if concept.name in found:
                ids.append(s_index)
                named |= found
                break
    return ids


def _build(doc: Document, unit: StudyUnit, r: _Roles, negated: bool) -> list[Assertion]:
    study_keys = [r.study_key for r in (doc.reference(n) for n in unit.refs) if r is not None and r.study_key]
    targets = [t for t in r.targets if t.name not in {c.name for c in r.cargo}]
    recipients = [c for c in r.recipients if c.name not in {d.name for d in r.donors}]
    out: list[Assertion] = []
    flag = "NEGATED: " if negated else ""
    # a resistance statement, or cargo found in vesicles of cells resistant to a named drug ("levels of 309
    # miRNAs were increased in adriamycin-resistant exosomes"): the association reviews tabulate
    if r.cargo and ((r.effects and r.drugs) or r.resistance_drugs):
        effect: str | None = None
        if "sensitizes" in r.effects and "confers_resistance" not in r.effects:
            effect = "sensitizes"
        elif "confers_resistance" in r.effects:
            effect = "confers_resistance"
        elif "predicts_resistance" in r.effects:
            effect = "predicts_resistance"
        out.append(
            Assertion(
                relation="transfers_resistance",
                effect=None if negated else effect,  # type: ignore[arg-type]
                confidence=None if negated else 0.6,
                method=None if negated else "rules:study-unit",
                cargo=r.cargo,
                drugs=r.resistance_drugs or r.drugs,
                target_genes=targets,
                donor_cells=r.donors,
                recipient_cells=recipients,
                function=flag + (effect or "association") if negated else None,
                refs=unit.refs,
                study_keys=study_keys,
                provenance=_provenance(
                    doc, unit, _covering(doc, unit, r.evidence, r.cargo + (r.resistance_drugs or r.drugs))
                ),
            )
        )
        return out

    def add(relation: str, cue: str, **fields: object) -> None:
        out.append(
            Assertion(
                relation=relation,  # type: ignore[arg-type]
                function=flag or None,
                refs=unit.refs,
                study_keys=study_keys,
                provenance=_provenance(doc, unit, r.other[cue]),
                **fields,  # type: ignore[arg-type]
            )
        )

    if r.cargo and "delivers_payload" in r.other and r.drugs:
        add(
            "delivers_payload",
            "delivers_payload",
            cargo=r.cargo + r.drugs,
            drugs=r.drugs,
            target_genes=targets,
            donor_cells=r.donors,
        )
    elif r.drugs and "delivers_payload" in r.other and r.donors:
        add("delivers_payload", "delivers_payload", cargo=r.drugs, drugs=r.drugs, donor_cells=r.donors)
    elif r.cargo and "biomarker" in r.other:
        add("biomarker", "biomarker", cargo=r.cargo, drugs=r.drugs, target_genes=targets)
    elif r.cargo and "cargo_function" in r.other:
        add(
            "cargo_function",
            "cargo_function",
            cargo=r.cargo,
            target_genes=targets,
            donor_cells=r.donors,
            target_cells=recipients or [c for c in r.cells if c not in r.donors] or r.cells,
        )
    return out
