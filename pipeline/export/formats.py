"""Text renderings of Documents and Assertions: JSON, Markdown, JSONL and TSV (pure: objects in, str out)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from pipeline.export.schema import COLUMN_NAMES
from pipeline.models import Assertion, Document

ASSERTION_COLUMNS = COLUMN_NAMES  # derived from the Assertion model (pipeline.export.schema)


def document_json(doc: Document) -> str:
    return doc.model_dump_json(indent=2)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def document_markdown(doc: Document) -> str:
    """A readable Markdown view: metadata, the clean text by section, tables, references."""
    meta = doc.metadata
    out = [f"# {meta.title or doc.doc_id}", ""]
    if meta.authors:
        out.append(f"**Authors:** {', '.join(meta.authors)}  ")
    if meta.journal or meta.year:
        out.append(f"**Journal:** {meta.journal or '?'} ({meta.year or '?'})  ")
    if meta.doi:
        out.append(f"**DOI:** {meta.doi}  ")
    out.append(
        f"**Counts:** {len(doc.sections)} sections, {len(doc.paragraphs)} paragraphs, {len(doc.sentences)} "
        f"sentences, {len(doc.citations)} citations, {len(doc.tables)} tables, {len(doc.references)} references"
    )
    out.append("")
    for par in doc.paragraphs:
        text = doc.span_text(par)
        if par.kind == "heading":
            section = next((s for s in doc.sections if s.start == par.start), None)
            level = min((section.level if section else 1) + 1, 6)
            if section and section.level == 0:
                continue
            number = f"{section.number}. " if section and section.number else ""
            out += ["#" * level + " " + number + text, ""]
        elif par.kind == "caption":
            out += [f"*{text}*", ""]
        else:
            out += [text, ""]
    for table in doc.tables:
        out += [f"## {table.label}. {table.caption}", ""]
        out.append("| " + " | ".join(_md_cell(h) for h in table.header) + " |")
        out.append("|" + "---|" * len(table.header))
        for row in table.rows:
            out.append("| " + " | ".join(_md_cell(c) for c in row) + " |")
        if table.glossary:
            out += ["", "; ".join(f"{k}: {v}" for k, v in table.glossary.items())]
        out.append("")
    if doc.references:
        out += ["## References", ""]
        out += [f"{r.number}. {r.raw}" for r in doc.references]
    return "\n".join(out).rstrip() + "\n"


ENTITY_COLUMNS = (
    "doc_id",
    "start",
    "end",
    "text",
    "label",
    "name",
    "id",
    "other_names",
    "other_ids",
    "long_form",
    "sentence",
    "page",
    "sentence_text",
)


def entity_rows(doc: Document) -> list[dict[str, Any]]:
    """One flat row per entity of ``doc``, with the sentence it stands in."""
    rows = []
    for e in doc.entities:
        sentence = doc.sentences[e.sentence] if e.sentence is not None else None
        rows.append(
            {
                "doc_id": doc.doc_id,
                **e.model_dump(include=set(ENTITY_COLUMNS) - {"doc_id", "sentence_text"}),
                "sentence_text": doc.span_text(sentence) if sentence else None,
            }
        )
    return [{k: row[k] for k in ENTITY_COLUMNS} for row in rows]


def _tsv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    """TSV with a header; list fields joined by "; " (positions kept, empty for none)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            "; ".join("" if v is None else str(v) for v in row[c])
            if isinstance(row[c], list)
            else ("" if row[c] is None else row[c])
            for c in columns
        )
    return buf.getvalue()


def entities_jsonl(doc: Document) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in entity_rows(doc))


def entities_tsv(doc: Document) -> str:
    return _tsv(ENTITY_COLUMNS, entity_rows(doc))


def assertion_rows(assertions: Iterable[Assertion]) -> list[dict[str, Any]]:
    return [a.to_row() for a in assertions]


def assertions_jsonl(assertions: Iterable[Assertion]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in assertion_rows(assertions))


def assertions_tsv(assertions: Iterable[Assertion]) -> str:
    """TSV with a header; list fields joined by "; " (identifiers keep their positions, empty for none)."""
    return _tsv(ASSERTION_COLUMNS, assertion_rows(assertions))
