"""The flat row of an Assertion, derived once from the model: every sink takes its columns from here.

JSONL and TSV (``Assertion.to_row``), the run database's ``assertions`` table (SQLite, PostgreSQL), Parquet
(whose list columns are Arrow lists) and ``pipeline.api.load_run`` all use ``ASSERTION_COLUMNS``, computed from
the fields of ``Assertion`` and ``Provenance``: a field added to the model is a column everywhere.

The row: ``doc_id`` and ``source`` (the provenance keys), the assertion's scalar fields in model order
(relation, effect, confidence, method), the canonical names of each concept list (cargo, drugs, target_genes,
...; the cargo's types beside them as ``cargo_type``), the other fields (function, refs, study_keys), the rest
of the provenance (table, row, page, start, end, evidence), then the identifiers of each concept list in
parallel ``*_ids`` columns.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from pipeline.models import Assertion, Concept, Provenance

Kind = Literal["text", "int", "float", "text_list", "int_list"]

PROVENANCE_KEYS = ("doc_id", "source")  # first in the row: which document, and tables or prose
TYPED_CONCEPTS = ("cargo",)  # concept lists whose types are a column of their own (RNA, protein, payload, ...)


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind

    @property
    def is_list(self) -> bool:
        return self.kind.endswith("_list")


def _kind(annotation: Any) -> Kind | Literal["concepts"]:
    """The column kind of a field's type: Optional and Literal unwrapped, list[Concept] a concept list."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return _kind(inner)
    if origin is list:
        (item,) = get_args(annotation)
        if item is Concept:
            return "concepts"
        return "int_list" if _kind(item) == "int" else "text_list"
    if origin is Literal or annotation is str:
        return "text"
    if annotation is bool or annotation is int:
        return "int"
    if annotation is float:
        return "float"
    raise TypeError(f"no column kind for the field type {annotation!r}")


def _fields(model: type[Any]) -> dict[str, FieldInfo]:
    fields: dict[str, FieldInfo] = model.model_fields
    return fields


def _derive() -> tuple[tuple[Column, ...], tuple[str, ...]]:
    hints = typing.get_type_hints(Assertion)
    provenance_hints = typing.get_type_hints(Provenance)
    kinds = {n: _kind(hints[n]) for n in _fields(Assertion) if n != "provenance"}
    concepts = tuple(n for n, k in kinds.items() if k == "concepts")
    columns = [Column(n, _plain(_kind(provenance_hints[n]))) for n in PROVENANCE_KEYS]
    names_added = False
    after: list[Column] = []
    for name, kind in kinds.items():
        if kind != "concepts":
            (after if names_added else columns).append(Column(name, _plain(kind)))
            continue
        if not names_added:  # the canonical names of every concept list, together
            for concept in concepts:
                columns.append(Column(concept, "text_list"))
                if concept in TYPED_CONCEPTS:
                    columns.append(Column(f"{concept}_type", "text_list"))
            names_added = True
    columns += after
    columns += [Column(n, _plain(_kind(provenance_hints[n]))) for n in _fields(Provenance) if n not in PROVENANCE_KEYS]
    columns += [Column(f"{name}_ids", "text_list") for name in concepts]
    return tuple(columns), concepts


def _plain(kind: Kind | Literal["concepts"]) -> Kind:
    if kind == "concepts":
        raise TypeError("a concept list outside Assertion's own fields")
    return kind


ASSERTION_COLUMNS, CONCEPT_FIELDS = _derive()
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in ASSERTION_COLUMNS)
LIST_COLUMNS: dict[str, Kind] = {c.name: c.kind for c in ASSERTION_COLUMNS if c.is_list}


def assertion_row(a: Assertion) -> dict[str, Any]:
    """The flat row of ``a`` (lists as lists), in ``ASSERTION_COLUMNS`` order."""
    p = a.provenance
    row: dict[str, Any] = {}
    for column in ASSERTION_COLUMNS:
        name = column.name
        if name.endswith("_ids") and name[:-4] in CONCEPT_FIELDS:
            row[name] = [c.id for c in getattr(a, name[:-4])]
        elif name.endswith("_type") and name[:-5] in TYPED_CONCEPTS:
            row[name] = [c.type for c in getattr(a, name[:-5])]
        elif name in CONCEPT_FIELDS:
            row[name] = [c.name for c in getattr(a, name)]
        elif name in Assertion.model_fields:
            value = getattr(a, name)
            row[name] = list(value) if isinstance(value, list) else value
        else:
            row[name] = getattr(p, name)
    return row
