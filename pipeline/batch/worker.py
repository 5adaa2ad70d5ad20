"""The per-document chain, run in a worker: file -> Document -> entities -> assertions.

``process_task`` never raises: a file that fails, or goes over one of the per-file ``Limits``, gives an error
result with a message naming the file and the problem, and the batch goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import traceback
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.errors import EVminerError, printable

PIPELINE_VERSION = "0.3.0"  # part of the cache key: results of an older chain are not reused


@dataclass(frozen=True)
class Limits:
    """What one file may cost before it becomes an error row (None: no limit).

    Attributes:
        seconds: wall time per file; the parent kills a worker that overruns it.
        memory_mb: address space a worker may map over what its loaded pipeline maps (RLIMIT_AS).
        max_pages: pages of a PDF.
        max_chars: characters of a document's clean text.
        max_bytes: size of the file.
        max_inflated_mb: what one compressed PDF stream may inflate to (a decompression bomb is refused before
            the PDF library inflates it whole).
    """

    seconds: float | None = 120.0
    memory_mb: int | None = 2048
    max_pages: int | None = 2000
    max_chars: int | None = 20_000_000
    max_bytes: int | None = 200_000_000
    max_inflated_mb: int | None = 512

    def __post_init__(self) -> None:
        for name in ("seconds", "memory_mb", "max_pages", "max_chars", "max_bytes", "max_inflated_mb"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"Limit '{name}' must be positive (got {value!r}); leave it unset for no limit")


@dataclass(frozen=True)
class Task:
    """One file to read: ``path`` where to read it, ``key`` its identity in the run (manifest path)."""

    path: str
    doc_id: str
    key: str = ""
    pdf_engine: str | None = None
    digest: str = ""  # the cache key the parent computed (kept on the error row of a file that kills its worker)
    data: bytes | None = None  # the file's bytes sent with the task (Dask workers that do not share the disk)

    @property
    def label(self) -> str:
        """The file's name as messages show it (control characters escaped)."""
        return printable(self.key or self.path)


@dataclass
class Result:
    path: str
    doc_id: str
    content_hash: str
    status: str  # ok | warning | error
    message: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    document_json: str | None = None
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # database rows, by table
    kind: str = ""  # for errors: "crash", "timeout", "memory" (the file killed or overran its worker), or ""

    @property
    def poisonous(self) -> bool:
        """Whether the file cost its worker its life (or its time/memory): not retried unless asked."""
        return self.kind in ("crash", "timeout", "memory")


def content_hash(data: bytes, variant: str = "") -> str:
    """The cache key of a file's results: its content, the chain's version (``chain_version``) and ``variant``
    (how it was read: ``cache_variant``)."""
    return hashlib.sha256(data + chain_version().encode() + variant.encode()).hexdigest()


@cache
def chain_version() -> str:
    """``PIPELINE_VERSION`` and a fingerprint of what a file's results depend on besides the file: the package's
    code, the rule and pattern files and the lexicons under ``models/``. A run after any of them changed (an
    upgrade, an edited rule, ``evminer build-model`` over new vocabularies) reads every file again instead of
    keeping results the chain of today would not give (about 40 MB hashed once per process, 0.06 s)."""
    from pipeline.normalize.lexicon import models_dir

    digest = hashlib.sha256(PIPELINE_VERSION.encode())
    package = Path(__file__).resolve().parents[1]
    models = models_dir()
    files = sorted(package.rglob("*.py")) + sorted(
        p for folder in ("patterns", "lexicons") for p in (models / folder).rglob("*") if p.is_file()
    )
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.name.encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return f"{PIPELINE_VERSION}+{digest.hexdigest()[:16]}"


def cache_variant(path: str | Path, pdf_engine: str | None) -> str:
    """A PDF read by another engine is another result; a text file's results do not depend on it."""
    from pipeline.registry import DEFAULT_PDF_ENGINE

    return f"pdf-engine={pdf_engine or DEFAULT_PDF_ENGINE}" if str(path).lower().endswith(".pdf") else ""


def error_result(task: Task, message: str, digest: str = "", kind: str = "") -> Result:
    """An error Result for ``task``'s file, with its manifest row."""
    from pipeline.export.database import document_rows

    result = Result(task.key or task.path, task.doc_id, digest or task.digest, "error", message, kind=kind)
    result.rows = document_rows(result, None, [])
    return result


def process_path(path: str, doc_id: str, max_bytes: int = 200_000_000, pdf_engine: str | None = None) -> Result:
    """Run the whole chain on one file; any failure becomes an error Result."""
    return process_task(Task(path, doc_id, pdf_engine=pdf_engine), Limits(max_bytes=max_bytes))


def process_task(task: Task, limits: Limits) -> Result:
    """Run the whole chain on one file within ``limits``; any failure becomes an error Result."""
    result = _process(task, limits)
    if not result.rows:
        from pipeline.export.database import document_rows

        result.rows = document_rows(result, None, [])
    return result


def _pdf_pages(data: bytes) -> int | None:
    """The page count of a PDF from its page tree (no page is read); None when pdfium cannot open it."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:  # the reader proper reports what is wrong with the file
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _process(task: Task, limits: Limits) -> Result:
    from pipeline.export.database import document_rows
    from pipeline.recipe import Recipe

    path, doc_id, pdf_engine, label = task.path, task.doc_id, task.pdf_engine, task.label
    key = task.key or path
    seconds: dict[str, float] = {}
    max_bytes = limits.max_bytes
    if task.data is not None:
        data = task.data
    else:
        try:
            size = Path(path).stat().st_size
            if max_bytes is not None and size > max_bytes:
                return error_result(task, f"{label}: file too large ({size:,} bytes > {max_bytes:,})")
            data = Path(path).read_bytes()
        except OSError as exc:
            return error_result(task, f"{label}: cannot be read ({exc.strerror or exc})")
    digest = task.digest or content_hash(data, cache_variant(path, pdf_engine))  # the parent's when it has one
    try:
        t = time.perf_counter()
        if limits.max_inflated_mb is not None and path.lower().endswith(".pdf"):
            from pipeline.batch.guards import inflated_over

            bomb = inflated_over(data, limits.max_inflated_mb << 20)
            if bomb is not None:
                return error_result(
                    task,
                    f"{label}: the compressed stream at byte {bomb[0]:,} inflates to more than the limit of "
                    f"{limits.max_inflated_mb:,} MB (a decompression bomb)",
                    digest,
                )
        if limits.max_pages is not None and path.lower().endswith(".pdf"):
            pages = _pdf_pages(data)
            if pages is not None and pages > limits.max_pages:
                return error_result(task, f"{label}: {pages:,} pages, over the limit of {limits.max_pages:,}", digest)
        recipe = Recipe(pdf_engine=pdf_engine)  # the chain the CLI and the API run too: read, annotate, extract
        doc = recipe.read_bytes(data, source=key, suffix=Path(path).suffix, doc_id=doc_id)
        if limits.max_chars is not None and len(doc.text) > limits.max_chars:
            return error_result(
                task, f"{label}: {len(doc.text):,} characters of text, over the limit of {limits.max_chars:,}", digest
            )
        seconds["ingest"] = time.perf_counter() - t
        doc, assertions = recipe.run(doc)
        seconds.update(recipe.timings)
    except MemoryError:
        return error_result(task, f"{label}: over the memory limit of {limits.memory_mb} MB per file", digest, "memory")
    except EVminerError as exc:
        return Result(key, doc_id, digest, "error", str(exc), seconds)
    except RecursionError as exc:
        return Result(key, doc_id, digest, "error", f"{label}: too deeply nested to read ({exc})", seconds)
    except Exception as exc:  # a bug must not stop the batch: report it on this file and go on
        tail = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return Result(
            key,
            doc_id,
            digest,
            "error",
            printable(f"{label}: internal error ({type(exc).__name__}: {exc}) [{tail}]"),
            seconds,
        )
    status = "warning" if doc.warnings else "ok"
    t = time.perf_counter()
    try:
        result = Result(key, doc_id, digest, status, printable("; ".join(doc.warnings)), seconds, doc.model_dump_json())
    except MemoryError:
        return error_result(task, f"{label}: over the memory limit of {limits.memory_mb} MB per file", digest, "memory")
    fragments = {"bioc_documents": bioc_rows(doc, assertions), "report_documents": report_rows(doc, assertions)}
    # the document's own outputs (its JSON, BioC, report evidence, database rows) are part of what it costs
    seconds["outputs"] = time.perf_counter() - t
    result.rows = document_rows(result, doc, assertions)
    result.rows.update(fragments)
    return result


def bioc_rows(doc: Any, assertions: list[Any]) -> list[dict[str, Any]]:
    """The document's BioC (JSON and XML), made here where the document is in memory, so that the run's BioC
    files are put together from the database at the end instead of every document being read again."""
    from pipeline.export.bioc import bioc_fragments
    from pipeline.export.files import assertion_order

    as_json, as_xml = bioc_fragments(doc, sorted(assertions, key=assertion_order))
    return [{"doc_id": doc.doc_id, "json": as_json, "xml": as_xml}]


def report_rows(doc: Any, assertions: list[Any]) -> list[dict[str, Any]]:
    """What the run's report shows of the document (the reference numbers its prose cites, its assertions'
    evidence as HTML), made here where the document is in memory, so that the report reads no document again."""
    from pipeline.export.report import evidence_fragment

    cited = sorted({n for c in doc.citations for n in c.refs})
    evidence = evidence_fragment(doc, assertions)
    return [{"doc_id": doc.doc_id, "cited": json.dumps(cited), "evidence": json.dumps(evidence, ensure_ascii=False)}]


def warm_up() -> None:
    """Load the spaCy pipeline and lexicons in a worker process before its first file."""
    from pipeline.annotate import load_pipeline
    from pipeline.normalize.lexicon import LEXICON_KINDS, load_lexicon

    load_pipeline()
    for kind in LEXICON_KINDS:
        load_lexicon(kind)
