"""The files a run leaves in its output folder, rebuilt from the run database at the end of every run.

Each file is written to a temporary name and renamed into place, so a reader (or a killed run) never sees a
half file; rebuilding from the database makes every document appear exactly once whatever happened before.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from pipeline.export import database as db
from pipeline.export.schema import LIST_COLUMNS as ASSERTION_LISTS
from pipeline.models import Assertion, Citation, Document


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to ``path`` through a temporary file in the same folder, renamed when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600 files
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def document_path(out: Path, doc_id: str) -> Path:
    return out / "documents" / f"{doc_id}.json"


def load_document(out: Path, doc_id: str) -> Document:
    return Document.model_validate_json(document_path(out, doc_id).read_text(encoding="utf-8"))


class LazyDocuments(Mapping[str, Document]):
    """doc_id -> Document, read from ``documents/`` when asked for; the last ``keep`` stay in memory."""

    def __init__(self, out: Path, keep: int = 16) -> None:
        self.out = out
        self.keep = keep
        self._recent: OrderedDict[str, Document] = OrderedDict()

    def __getitem__(self, doc_id: str) -> Document:
        if doc_id in self._recent:
            self._recent.move_to_end(doc_id)
            return self._recent[doc_id]
        path = document_path(self.out, doc_id)
        if not path.exists():
            raise KeyError(doc_id)
        doc = load_document(self.out, doc_id)
        self._recent[doc_id] = doc
        if len(self._recent) > self.keep:
            self._recent.popitem(last=False)
        return doc

    def __iter__(self) -> Iterator[str]:
        return (p.stem for p in (self.out / "documents").glob("*.json"))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Recent(OrderedDict):  # type: ignore[type-arg]
    """A dict that keeps its last ``size`` entries (memory stays bounded on big runs)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        if len(self) > self.size:
            self.popitem(last=False)


# Columns the run database keeps as JSON lists, written to Parquet as Arrow lists (and given back as lists by
# pipeline.api.load_run).
LIST_COLUMNS: dict[str, dict[str, str]] = {
    "assertions": {name: "int64" if kind == "int_list" else "string" for name, kind in ASSERTION_LISTS.items()},
    "entities": {"other_names": "string"},
    "documents": {"authors": "string"},
}


def arrow_schema(table: Any, exclude: tuple[str, ...] = ()) -> Any:
    """A table's Parquet schema from its column types, the same for every chunk and every run: integers int64
    (null where the database has NULL; never floats because a chunk holds a NULL), floats float64, JSON list
    columns Arrow lists, the rest strings (never Arrow's null type because a chunk holds no value)."""
    import pyarrow as pa
    from sqlalchemy import Boolean, Float, Integer

    lists = LIST_COLUMNS.get(table.name, {})
    fields = []
    for c in table.columns:
        if c.name in exclude:
            continue
        if c.name in lists:
            kind = pa.list_(getattr(pa, lists[c.name])())
        elif isinstance(c.type, Integer):
            kind = pa.int64()
        elif isinstance(c.type, Float):
            kind = pa.float64()
        elif isinstance(c.type, Boolean):
            kind = pa.bool_()
        else:
            kind = pa.string()
        fields.append(pa.field(c.name, kind))
    return pa.schema(fields)


def write_parquet(engine: Engine, table: Any, path: Path, exclude: tuple[str, ...] = (), chunk: int = 5000) -> int:
    """Stream a table into a Parquet file, ``chunk`` rows at a time straight from the database cursor (memory stays
    flat, and neither pandas nor a DataFrame per chunk is needed); returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table, exclude)
    lists = [f.name in LIST_COLUMNS.get(table.name, {}) for f in schema]
    columns = [table.c[name] for name in schema.names]
    rows = 0
    with atomic_open(path, "wb") as fh, pq.ParquetWriter(fh, schema) as writer, engine.connect() as conn:
        result = conn.execution_options(yield_per=chunk).execute(select(*columns).order_by(*table.primary_key.columns))
        for part in result.partitions():
            arrays = [
                pa.array(
                    [json.loads(v) if v and v != "[]" else [] for v in values] if is_list else values,
                    type=field.type,
                )
                for values, field, is_list in zip(zip(*part, strict=True), schema, lists, strict=True)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            rows += len(part)
    return rows


def write_outputs(
    engine: Engine, out: Path, summary: dict[str, Any], report: bool = True, timings: dict[str, float] | None = None
) -> dict[str, int]:
    """assertions.jsonl/.parquet, entities.parquet, manifest.jsonl, bioc.json and report.html; ``timings`` gets
    the seconds each took (jsonl, parquet, manifest, bioc, report)."""
    import time

    timings = {} if timings is None else timings
    counts: dict[str, int] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = round(now - t, 3)
        t = now

    with atomic_open(out / "assertions.jsonl") as fh:
        n = 0
        for a in db.iter_assertions(engine):
            fh.write(json.dumps(a.to_row(), ensure_ascii=False) + "\n")
            n += 1
        counts["assertions"] = n
    lap("jsonl")
    counts["assertions.parquet"] = write_parquet(engine, db.assertions, out / "assertions.parquet", exclude=("json",))
    counts["entities"] = write_parquet(engine, db.entities, out / "entities.parquet")
    lap("parquet")
    with atomic_open(out / "manifest.jsonl") as fh:  # streamed: memory stays flat however many files
        n = 0
        for row in db.iter_manifest_rows(engine):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        counts["manifest"] = n
    lap("manifest")
    from pipeline.export.bioc import write_bioc_fragments

    with atomic_open(out / "bioc.json") as fh, atomic_open(out / "bioc.xml", "wb") as xml_fh:
        counts["bioc"] = write_bioc_fragments(_bioc_fragments(engine, out), fh, xml_fh)
    lap("bioc")
    if report:
        with atomic_open(out / "report.html") as fh:
            fh.write(report_html(engine, out, db.manifest_rows(engine), summary))
        lap("report")
    return counts


def assertion_order(a: Assertion) -> tuple[int, int, str, int, int]:
    """Tables first, by table number and row number (row 10 after row 9), then prose by position."""
    import re

    p = a.provenance
    number = re.search(r"\d+", p.table or "")
    return (
        0 if p.source == "table" else 1,
        int(number[0]) if number else 0,
        p.table or "",
        p.row if p.row is not None else -1,
        p.start if p.start is not None else -1,
    )


def document_assertions(engine: Engine, doc_id: str) -> list[Assertion]:
    """One document's assertions in reading order (numeric rows, not the text order of their ids)."""
    with engine.connect() as conn:
        rows = conn.execute(select(db.assertions.c.json).where(db.assertions.c.doc_id == doc_id))
        items = [Assertion.model_validate_json(payload) for (payload,) in rows]
    return sorted(items, key=assertion_order)


def _bioc_fragments(engine: Engine, out: Path, chunk: int = 50) -> Iterator[tuple[str, str]]:
    """Each read document's BioC (files ok or with a warning, in the manifest's path order) as its worker made it,
    streamed by one query ``chunk`` documents at a time (a document's BioC is some 30 KB); a document of a run
    before they were kept is made from its file and assertions now."""
    from pipeline.export.bioc import bioc_fragments

    query = (
        select(db.files.c.doc_id, db.bioc_documents.c.json, db.bioc_documents.c.xml)
        .select_from(db.files.outerjoin(db.bioc_documents, db.bioc_documents.c.doc_id == db.files.c.doc_id))
        .where(db.files.c.status.in_(("ok", "warning")))
        .order_by(db.files.c.path)
    )
    with engine.connect() as conn:
        for doc_id, as_json, as_xml in conn.execution_options(yield_per=chunk).execute(query):
            if not document_path(out, doc_id).exists():
                continue
            yield (
                (as_json, as_xml)
                if as_json is not None
                else bioc_fragments(load_document(out, doc_id), document_assertions(engine, doc_id))
            )


def report_html(engine: Engine, out: Path, manifest: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    """The run's index page (report.html): a readable run summary, every document with its tables' figures and
    a link to its own page (``report/<doc_id>.html``: the diff of its curated tables against the prose, rows in
    numeric order, evidence with the entity roles marked), then every file with its status. One page per
    document keeps the report usable at 10,000 documents; each page is written here, one at a time."""
    import html
    import os

    from pipeline.evaluate.diff import RefIndex, TableDiff, diff_documents
    from pipeline.export.report import EvidenceKeys, diff_assertions, diff_html, render_evidence

    refs = RefIndex(keys=db.study_keys(engine))
    predicted = list(db.iter_assertions(engine, "text"))
    gold_by_doc: dict[str, list[Assertion]] = {}
    for a in db.iter_assertions(engine, "table"):
        gold_by_doc.setdefault(a.provenance.doc_id, []).append(a)
    lazy = LazyDocuments(out)
    pages = out / "report"
    pages.mkdir(exist_ok=True)
    index_rows = []
    rendered = _Recent(20_000)  # evidence blocks shared by the pages (reviews citing one study show its evidence)
    key_of = EvidenceKeys()
    made = _Recent(lazy.keep)  # doc_id -> what its worker made for the report (None: a run before it was kept)

    def fragment(doc_id: str) -> tuple[list[int], dict[str, str]] | None:
        if doc_id not in made:
            made[doc_id] = db.report_fragment(engine, doc_id)
        return made[doc_id]  # type: ignore[no-any-return]

    def evidence_of(doc_id: str) -> dict[str, str] | None:
        kept = fragment(doc_id)
        return kept[1] if kept is not None else None

    def cites(doc_id: str) -> Document:
        """What the diff needs of a document (its id and the references its prose cites), read from its
        worker's fragment rather than from the whole document."""
        kept = fragment(doc_id)
        if kept is None:
            return lazy[doc_id]
        return Document(
            doc_id=doc_id, source="", text="", citations=[Citation(start=0, end=0, refs=kept[0], marker="")]
        )

    def write_pages(batch: list[tuple[str, list[TableDiff]]]) -> None:
        # the evidence of the batch's pages rendered document by document: each document read once per batch, not
        # once per page that shows one of its sentences
        render_evidence([a for _, diffs in batch for a in diff_assertions(diffs)], lazy, rendered, evidence_of, key_of)
        for doc_id, diffs in batch:
            page_name = f"{_safe_name(doc_id)}.html"
            with atomic_open(pages / page_name) as fh:
                fh.write(
                    diff_html(diffs, lazy, rendered, evidence_of, key_of).replace(
                        "<body>", "<body><p><a href='../report.html'>← run index</a></p>", 1
                    )
                )
            for d in diffs:
                index_rows.append(
                    f"<tr><td><a href='report/{html.escape(page_name)}'>{html.escape(doc_id)}</a></td>"
                    f"<td>{html.escape(d.table)}</td><td>{d.relation}</td><td>{len(d.rows)}</td>"
                    f"<td>{'' if d.row_recall is None else f'{d.row_recall:.2f}'}</td></tr>"
                )

    batch: list[tuple[str, list[TableDiff]]] = []
    for doc_id in sorted(gold_by_doc):  # as many pages at a time as documents stay in memory: each read once
        gold = sorted(gold_by_doc[doc_id], key=assertion_order)  # row 10 after row 9
        batch.append((doc_id, diff_documents([cites(doc_id)], gold, predicted, refs)))
        if len(batch) == lazy.keep:
            write_pages(batch)
            batch = []
    write_pages(batch)
    paths = [r["path"].split("#", 1)[0] for r in manifest]
    base = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""

    def rel(path: str) -> str:
        return os.path.relpath(path, base) if base and path.startswith(base) else path

    status = {s: sum(r["status"] == s for r in manifest) for s in ("ok", "warning", "error")}
    files = "".join(
        f"<tr class='{'missing' if r['status'] == 'error' else ''}'><td>{html.escape(rel(r['path']))}</td>"
        f"<td>{html.escape(r['doc_id'])}</td><td>{r['status']}</td><td>{html.escape(rel_message(r['message'] or '', base))}</td>"
        f"<td>{r['n_entities']}</td><td>{r['n_assertions']}</td><td>{r['seconds']}</td></tr>"
        for r in manifest
    )
    seconds = summary.get("seconds")
    sentence = (
        f"{len(manifest):,} documents from {html.escape(base or '.')}: {status['ok']:,} ok, "
        f"{status['warning']:,} with warnings, {status['error']:,} failed. This run processed "
        f"{summary.get('processed', 0):,} and took {summary.get('cached', 0):,} from the cache"
        + (f", in {seconds} s." if seconds is not None else ".")
    )
    style = (
        "body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:90%}.missing{background:#f8d7da}"
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>EVminer run</title>"
        f"<style>{style}</style></head><body><h1>EVminer run</h1><p>{sentence}</p>"
        "<h2>Curated tables vs prose, per document</h2><table><tr><th>document</th><th>table</th><th>relation</th>"
        f"<th>rows</th><th>row recall</th></tr>{''.join(index_rows)}</table>"
        "<h2>Files</h2><table><tr><th>file</th><th>doc_id</th><th>status</th><th>message</th><th>entities</th>"
        f"<th>assertions</th><th>seconds</th></tr>{files}</table></body></html>\n"
    )


def rel_message(message: str, base: str) -> str:
    """A manifest message with the input folder cut off the paths it names."""
    return message.replace(base.rstrip("/") + "/", "") if base else message


def _safe_name(doc_id: str) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id) or "document"
