"""The run database: documents, references, entities, assertions, assertion_entities and the file manifest.

The same schema on SQLite (the embedded default, ``DIR/evminer.sqlite``) and PostgreSQL (``--db
postgresql://...``), through SQLAlchemy Core. Keys make re-runs upserts: a document's rows are replaced in one
transaction, so a run killed at any moment leaves every document either fully stored or not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Protocol

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import Engine

from pipeline.constants import CONCEPT_ROLES
from pipeline.export.schema import ASSERTION_COLUMNS, assertion_row
from pipeline.models import Assertion, Document

metadata = MetaData()

files = Table(
    "files",
    metadata,
    Column("path", String(1024), primary_key=True),
    Column("doc_id", String(255), nullable=False, index=True),
    Column("content_hash", String(64)),
    Column("status", String(16), nullable=False),
    Column("message", Text),
    Column("seconds", Float),
    Column("timings", Text),  # JSON
    Column("n_entities", Integer),
    Column("n_assertions", Integer),
    Column("processed_at", String(32)),
)
documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("path", String(1024)),
    Column("content_hash", String(64)),
    Column("format", String(16)),
    Column("title", Text),
    Column("authors", Text),  # JSON list
    Column("journal", Text),
    Column("year", Integer),
    Column("doi", String(255)),
    Column("n_sentences", Integer),
    Column("n_citations", Integer),
    Column("n_tables", Integer),
    Column("n_references", Integer),
)
references = Table(
    "references",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("first_author", Text),
    Column("year", Integer),
    Column("title", Text),
    Column("journal", Text),
    Column("doi", String(255)),
    Column("study_key", String(512), index=True),
    Column("raw", Text),
)
entities = Table(
    "entities",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer),
    Column("end", Integer),
    Column("label", String(16), index=True),
    Column("text", Text),
    Column("name", Text, index=False),
    Column("identifier", Text),  # several ids for a family or a complex
    Column("other_names", Text),  # JSON list
    Column("sentence", Integer),
    Column("page", Integer),
    Column("long_form", Text),
)
_SQL_TYPES = {"text": Text, "int": Integer, "float": Float, "text_list": Text, "int_list": Text}  # lists: JSON
assertions = Table(  # the columns of the flat Assertion row (pipeline.export.schema), and the whole Assertion
    "assertions",
    metadata,
    Column("assertion_id", String(300), primary_key=True),
    *(
        Column(c.name, String(255), index=True, nullable=False)
        if c.name == "doc_id"
        else Column(c.name, _SQL_TYPES[c.kind](), index=c.name == "relation")
        for c in ASSERTION_COLUMNS
    ),
    Column("json", Text),  # the whole Assertion, for lossless reloading
)
assertion_entities = Table(
    "assertion_entities",
    metadata,
    Column("assertion_id", String(300), primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("doc_id", String(255), index=True),
    Column("name", Text),
    Column("identifier", Text),  # several ids for a family or a complex
    Column("type", String(32)),
    Column("provenance", String(8)),
)
poison = Table(  # files that killed or overran their worker: not retried unless asked (--retry-failed)
    "poison",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("path", String(1024)),
    Column("kind", String(16)),
    Column("message", Text),
    Column("at", String(32)),
)
bioc_documents = Table(  # the run's own database only: each document's BioC, made by the worker that read it
    "bioc_documents",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("json", Text),  # the document as BioC JSON
    Column("xml", Text),  # ... and as BioC XML (pipeline.export.bioc.bioc_fragments)
)
report_documents = Table(  # the run's own database only: what the report shows of each document, made by its worker
    "report_documents",
    metadata,
    Column("doc_id", String(255), primary_key=True),
    Column("cited", Text),  # JSON list: the reference numbers its prose cites
    Column("evidence", Text),  # JSON object: evidence_id -> its prose assertions' evidence as HTML
)
CHILD_TABLES = (references, entities, assertions, assertion_entities)
FRAGMENT_TABLES = (bioc_documents, report_documents)  # one row per document, made by the worker that read it
RUN_ONLY = frozenset(t.name for t in FRAGMENT_TABLES)  # rows a mirror database (--db) is not given
ROLES = CONCEPT_ROLES


def _older(table: Table, reflected: list[Any]) -> bool:
    """The table in the database has other columns, or a column narrower than the schema's (a VARCHAR(64) that
    is text now)."""
    if {c["name"] for c in reflected} != set(table.columns.keys()):
        return True
    for c in reflected:
        theirs, ours = getattr(c["type"], "length", None), getattr(table.c[c["name"]].type, "length", None)
        if theirs is not None and (ours is None or ours > theirs):
            return True
    return False


def connect(url: str) -> Engine:
    """An engine with the schema created (``CREATE TABLE IF NOT EXISTS``).

    A table of an older schema (a database written before a column was added to the Assertion model, or with a
    column narrower than today's) is
    dropped and made again, and every file's cache key cleared, so that the run processes every file again and
    fills it; the manifest keeps its rows until then."""
    engine = create_engine(url, future=True)
    existing = inspect(engine)
    stale = [
        t for t in metadata.sorted_tables if existing.has_table(t.name) and _older(t, existing.get_columns(t.name))
    ]
    for table in stale:
        table.drop(engine)
    metadata.create_all(engine)
    if stale:
        with engine.begin() as conn:
            conn.execute(files.update().values(content_hash=None))
    return engine


class FileOutcome(Protocol):
    """What ``document_rows`` needs to know of one processed file (``pipeline.batch.worker.Result``)."""

    path: str
    doc_id: str
    content_hash: str
    status: str
    message: str
    seconds: dict[str, float]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json_list(value: list[Any]) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "[]"


def _rows(doc: Document, items: list[Assertion]) -> dict[Table, list[dict[str, Any]]]:
    out: dict[Table, list[dict[str, Any]]] = {t: [] for t in CHILD_TABLES}
    for r in doc.references:
        out[references].append(
            {
                "doc_id": doc.doc_id,
                "number": r.number,
                "first_author": r.first_author,
                "year": r.year,
                "title": r.title,
                "journal": r.journal,
                "doi": r.doi,
                "study_key": r.study_key,
                "raw": r.raw,
            }
        )
    for i, e in enumerate(doc.entities):
        out[entities].append(
            {
                "doc_id": doc.doc_id,
                "idx": i,
                "start": e.start,
                "end": e.end,
                "label": e.label,
                "text": e.text,
                "name": e.name,
                "identifier": e.id,
                "other_names": json.dumps(e.other_names) if e.other_names else "[]",
                "sentence": e.sentence,
                "page": e.page,
                "long_form": e.long_form,
            }
        )
    counters: dict[str, int] = {}
    for a in items:
        row = assertion_row(a)
        n = counters.get(a.provenance.source, 0)
        counters[a.provenance.source] = n + 1
        aid = f"{doc.doc_id}:{a.provenance.source}:{n}"
        out[assertions].append(
            {
                "assertion_id": aid,
                **{k: _json_list(v) if isinstance(v, list) else v for k, v in row.items()},
                "doc_id": doc.doc_id,
                "json": a.model_dump_json(),
            }
        )
        for field_name, role in ROLES.items():
            for pos, c in enumerate(getattr(a, field_name)):
                out[assertion_entities].append(
                    {
                        "assertion_id": aid,
                        "role": role,
                        "position": pos,
                        "doc_id": doc.doc_id,
                        "name": c.name,
                        "identifier": c.id,
                        "type": c.type,
                        "provenance": a.provenance.source,
                    }
                )
    return out


def document_rows(result: FileOutcome, doc: Document | None, items: list[Assertion]) -> dict[str, list[dict[str, Any]]]:
    """Every row one file gives, by table name, its text cleaned for every database alike (``clean_row``);
    computed in the worker, so that the writer only inserts."""
    rows: dict[str, list[dict[str, Any]]] = {
        "files": [
            {
                "path": result.path,
                "doc_id": result.doc_id,
                "content_hash": result.content_hash,
                "status": result.status,
                "message": result.message,
                "seconds": round(sum(result.seconds.values()), 4),
                "timings": json.dumps({k: round(v, 4) for k, v in result.seconds.items()}),
                "n_entities": len(doc.entities) if doc else 0,
                "n_assertions": len(items),
                "processed_at": _now(),
            }
        ]
    }
    if doc is None:
        return _cleaned(rows)
    m = doc.metadata
    rows["documents"] = [
        {
            "doc_id": doc.doc_id,
            "path": result.path,
            "content_hash": result.content_hash,
            "format": doc.format,
            "title": m.title,
            "authors": json.dumps(m.authors, ensure_ascii=False),
            "journal": m.journal,
            "year": m.year,
            "doi": m.doi,
            "n_sentences": len(doc.sentences),
            "n_citations": len(doc.citations),
            "n_tables": len(doc.tables),
            "n_references": len(doc.references),
        }
    ]
    rows.update({table.name: r for table, r in _rows(doc, items).items()})
    return _cleaned(rows)


def _cleaned(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    # one search over all the text first: most documents have no control character, and a row by row, field
    # by field cleaning of a review's 30,000 values costs a tenth of its reading
    if not _CONTROL_RE.search(
        "".join(v for r in (x for t in rows.values() for x in t) for v in r.values() if type(v) is str)
    ):
        return rows
    return {name: [clean_row(r) for r in table_rows] for name, table_rows in rows.items()}


TABLES = {t.name: t for t in (files, documents, *CHILD_TABLES, *FRAGMENT_TABLES)}


def bioc_fragment(engine: Engine, doc_id: str) -> tuple[str, str] | None:
    """The BioC JSON and XML a worker made of ``doc_id`` (None: a run before they were kept)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(bioc_documents.c.json, bioc_documents.c.xml).where(bioc_documents.c.doc_id == doc_id)
        ).first()
    return (row[0], row[1]) if row is not None else None


def report_fragment(engine: Engine, doc_id: str) -> tuple[list[int], dict[str, str]] | None:
    """The reference numbers ``doc_id``'s prose cites and its assertions' evidence as HTML (by
    ``pipeline.export.report.evidence_id``), as its worker made them (None: a run before they were kept)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(report_documents.c.cited, report_documents.c.evidence).where(report_documents.c.doc_id == doc_id)
        ).first()
    return (json.loads(row[0]), json.loads(row[1])) if row is not None else None


def _insert(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` ``rows``; into SQLite (the run's own database, written while the workers read) straight through
    the driver's ``executemany``, which costs a third of SQLAlchemy's per-row parameter handling."""
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = [c.name for c in table.columns]
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" * len(names))
    conn.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', [tuple([r.get(n) for n in names]) for r in rows]
    )


def store(
    engine: Engine, path: str, doc_id: str, rows: dict[str, list[dict[str, Any]]], *, cleaned: bool = False
) -> set[str]:
    """Replace one file's rows (and its document's) in one transaction; returns the doc_ids it replaced.

    Text is cleaned for every database alike (NUL, which PostgreSQL refuses in text, and other control
    characters but tab and newlines become spaces, so offsets into a document's text stay right), here unless
    ``cleaned``: rows from ``document_rows`` were cleaned in the worker that read the file, so the run's writer
    does not do it again.
    """
    if not cleaned:
        rows = _cleaned(rows)
    with engine.begin() as conn:
        old = conn.execute(select(files.c.doc_id).where(files.c.path == path)).scalar()
        replaced = {old, doc_id} - {None, ""}
        for old_id in replaced:
            for t in (*CHILD_TABLES, documents, *FRAGMENT_TABLES):
                conn.execute(delete(t).where(t.c.doc_id == old_id))
        conn.execute(delete(files).where(files.c.path == path))
        for name in ("files", "documents", *(t.name for t in (*CHILD_TABLES, *FRAGMENT_TABLES))):
            if rows.get(name):
                _insert(conn, TABLES[name], rows[name])
    return {d for d in replaced if d}


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """``value`` with NUL and other control characters (not tab, newline, carriage return, form feed) as spaces."""
    return _CONTROL_RE.sub(" ", value) if _CONTROL_RE.search(value) else value


def clean_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in row.items()}


def known_files(engine: Engine) -> dict[str, str]:
    """key (the files table's path) -> doc_id, for every input the database holds and has not removed."""
    with engine.connect() as conn:
        return {p: d for p, d in conn.execute(select(files.c.path, files.c.doc_id).where(files.c.status != "removed"))}


def adopt_legacy_paths(engine: Engine, keys: dict[str, str]) -> None:
    """Rows of runs before files were keyed relative to their input root carry an absolute path: re-key those of
    the files found now (``keys``: absolute path -> key) so that their results stay cached."""
    with engine.begin() as conn:
        legacy = [p for (p,) in conn.execute(select(files.c.path).where(files.c.path.like("/%")))]
        for path in legacy:
            if path in keys:
                conn.execute(delete(files).where(files.c.path == keys[path]))
                conn.execute(files.update().where(files.c.path == path).values(path=keys[path]))


def cached(engine: Engine, path: str, digest: str) -> bool:
    """Whether this file, with this content, is already stored (ok or warning)."""
    with engine.connect() as conn:
        row = conn.execute(
            select(files.c.content_hash, files.c.status, files.c.doc_id).where(files.c.path == path)
        ).first()
        if row is None or row.content_hash != digest or row.status not in ("ok", "warning"):
            return False
        return conn.execute(select(documents.c.doc_id).where(documents.c.doc_id == row.doc_id)).first() is not None


def poisoned(engine: Engine) -> dict[str, str]:
    """content hash -> the message of the failure, for every file that killed or overran its worker."""
    with engine.connect() as conn:
        return {h: m for h, m in conn.execute(select(poison.c.content_hash, poison.c.message))}


def mark_poison(engine: Engine, digest: str, path: str, kind: str, message: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(poison).where(poison.c.content_hash == digest))
        conn.execute(
            insert(poison), [{"content_hash": digest, "path": path, "kind": kind, "message": message, "at": _now()}]
        )


def clear_poison(engine: Engine, digest: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(poison).where(poison.c.content_hash == digest))


def cached_hashes(engine: Engine, prefix: str) -> dict[str, str]:
    """path -> content hash of the stored (ok or warning) rows whose path starts with ``prefix`` (the documents
    of one PubMed or BioC file: ``file#pmid-N``), in one query."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(files.c.path, files.c.content_hash).where(
                files.c.path.startswith(prefix, autoescape=True), files.c.status.in_(("ok", "warning"))
            )
        )
        return {p: h for p, h in rows}


def iter_assertions(engine: Engine, source: str | None = None) -> Iterator[Assertion]:
    query = select(assertions.c.json).order_by(assertions.c.doc_id, assertions.c.assertion_id)
    if source:
        query = query.where(assertions.c.source == source)
    with engine.connect() as conn:
        for (payload,) in conn.execute(query):
            yield Assertion.model_validate_json(payload)


def study_keys(engine: Engine) -> dict[tuple[str, int], str]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(references.c.doc_id, references.c.number, references.c.study_key).where(
                references.c.study_key.is_not(None)
            )
        )
        return {(d, n): k for d, n, k in rows}


def docs_with_tables(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(select(assertions.c.doc_id).where(assertions.c.source == "table").distinct())
        return sorted(r[0] for r in rows)


def manifest_row(row: Any) -> dict[str, Any]:
    """A files row as manifest.jsonl shows it (timings as an object)."""
    out = dict(row)
    out["timings"] = json.loads(out["timings"] or "{}") if isinstance(out["timings"], str) else out["timings"]
    return out


def iter_manifest_rows(engine: Engine, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every files row in path order, as manifest.jsonl shows it, fetched ``chunk`` rows at a time (a run of
    30,000 citations does not hold its manifest in memory)."""
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=chunk).execute(select(files).order_by(files.c.path)).mappings()
        for row in result:
            yield manifest_row(row)


def manifest_rows(engine: Engine) -> list[dict[str, Any]]:
    return list(iter_manifest_rows(engine))
