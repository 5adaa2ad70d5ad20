"""Relate: an annotated Document -> Assertions from its prose (source="text")."""

from __future__ import annotations

from pipeline.annotate.patterns import describes_cell_line
from pipeline.models import Assertion, Concept, Document
from pipeline.relate.assemble import unit_assertions
from pipeline.relate.resistance import (
    EFFECT_BONUS,
    names_no_vesicles,
    reads_as_primary,
    states_own_work,
    vesicle_words,
)
from pipeline.relate.units import study_units


def relate(doc: Document, *, keep_negated: bool = False) -> list[Assertion]:
    """Every assertion the prose of ``doc`` states, one per study and relation, each with its evidence.

    ``doc`` must carry its entities (``pipeline.annotate.annotate``). Negated statements are left out unless
    ``keep_negated``, in which case they come flagged ("NEGATED: ..." in ``function``, no effect).
    """
    # cell lines described in words ("gastric cancer cell lines") are the relation rules' own business: they
    # read cells described in words from the sentence, where no named cell line or cell type has the role
    doc = doc.model_copy(
        update={"entities": [e for e in doc.entities if not describes_cell_line(e.label, e.name, e.id)]}
    )
    merged: dict[tuple[str, tuple[int, ...], str | None, bool], Assertion] = {}
    order: list[tuple[str, tuple[int, ...], str | None, bool]] = []
    vesicles = speaks_of_vesicles(doc)
    for unit in study_units(doc, own_finding=states_own_work if reads_as_primary(doc) else None):
        for a in unit_assertions(doc, unit, keep_negated=keep_negated, vesicles=vesicles):
            key = (a.relation, tuple(sorted(a.refs)), a.effect, (a.function or "").startswith("NEGATED"))
            if key in merged and a.refs:  # one study described in two places: one assertion
                merged[key] = merge_assertions(merged[key], a)
            else:
                if key in merged:
                    key = (*key[:3], len(order))  # type: ignore[assignment]
                merged[key] = a
                order.append(key)
    return _one_effect_per_study_cargo([merged[k] for k in order])


def _one_effect_per_study_cargo(assertions: list[Assertion]) -> list[Assertion]:
    """A cited study's cargo takes one effect: where two places of a review give it two ("reducing its effects"
    here, "a biomarker for predicting drug resistance" there), the stronger claim (EFFECT_BONUS, then confidence)
    keeps it and the other assertion loses it (and goes when it has no cargo left)."""
    best: dict[tuple[str, tuple[int, ...], str], tuple[float, float, int]] = {}
    for n, a in enumerate(assertions):
        if not a.refs or a.effect is None:
            continue
        rank = (EFFECT_BONUS.get(a.effect, 0.0), a.confidence or 0.0, -n)
        for c in a.cargo:
            key = (a.relation, tuple(sorted(a.refs)), c.name)
            if key not in best or rank > best[key]:
                best[key] = rank
    out = []
    for n, a in enumerate(assertions):
        if not a.refs or a.effect is None:
            out.append(a)
            continue
        rank = (EFFECT_BONUS.get(a.effect, 0.0), a.confidence or 0.0, -n)
        kept = [c for c in a.cargo if best[(a.relation, tuple(sorted(a.refs)), c.name)] == rank]
        if kept:
            out.append(a if len(kept) == len(a.cargo) else a.model_copy(update={"cargo": kept}))
    return out


def speaks_of_vesicles(doc: Document) -> bool:
    """Whether ``doc`` names extracellular vesicles anywhere (an entity or a vesicle word): without them there is
    no EV cargo to relate."""
    return any(e.label == "VESICLE" and not names_no_vesicles(doc.text, e.start, e.end) for e in doc.entities) or any(
        vesicle_words(doc.text)
    )


def merge_assertions(a: Assertion, b: Assertion) -> Assertion:
    """One assertion with the entities of both (same study, same relation)."""

    def union(x: list[Concept], y: list[Concept]) -> list[Concept]:
        names = {c.name for c in x}
        return x + [c for c in y if c.name not in names]

    pa, pb = a.provenance, b.provenance
    first, second = (pa, pb) if (pa.start or 0) <= (pb.start or 0) else (pb, pa)
    evidence = pa.evidence if pb.evidence in pa.evidence else (first.evidence + " ... " + second.evidence)
    starts = [p.start for p in (pa, pb) if p.start is not None]
    ends = [p.end for p in (pa, pb) if p.end is not None]
    return a.model_copy(
        update={
            "cargo": union(a.cargo, b.cargo),
            "drugs": union(a.drugs, b.drugs),
            "target_genes": union(a.target_genes, b.target_genes),
            "target_cells": union(a.target_cells, b.target_cells),
            "donor_cells": union(a.donor_cells, b.donor_cells),
            "recipient_cells": union(a.recipient_cells, b.recipient_cells),
            "effect": a.effect or b.effect,
            "confidence": max((c for c in (a.confidence, b.confidence) if c is not None), default=None),
            "method": _merge_methods(a.method, b.method),
            "provenance": pa.model_copy(
                update={
                    "evidence": evidence,
                    "start": min(starts, default=None),
                    "end": max(ends, default=None),
                    "page": first.page,
                }
            ),
        }
    )


def _merge_methods(a: str | None, b: str | None) -> str | None:
    """ "rules:x,y" + "rules:y,z" -> "rules:x,y,z"."""
    if not a or not b:
        return a or b
    names = sorted({n for m in (a, b) for n in m.split(":", 1)[-1].split(",")})
    return "rules:" + ",".join(names)


__all__ = ["relate"]
