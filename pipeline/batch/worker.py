"""The per-document chain, run in a worker: file -> Document -> entities -> assertions.

``process_path`` never raises: a file that fails gives an error result with a message naming the file and
the problem, and the batch goes on.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import EVminerError

PIPELINE_VERSION = "0.3.0"  # part of the cache key: results of an older chain are not reused


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


def content_hash(data: bytes, variant: str = "") -> str:
    """The cache key of a file's results: its content, the pipeline version and ``variant`` (how it was read:
    ``cache_variant``)."""
    return hashlib.sha256(data + PIPELINE_VERSION.encode() + variant.encode()).hexdigest()


def cache_variant(path: str | Path, pdf_engine: str | None) -> str:
    """A PDF read by another engine is another result; a text file's results do not depend on it."""
    from pipeline.ingest.pdf import DEFAULT_PDF_ENGINE

    return f"pdf-engine={pdf_engine or DEFAULT_PDF_ENGINE}" if str(path).lower().endswith(".pdf") else ""


def process_path(path: str, doc_id: str, max_bytes: int = 200_000_000, pdf_engine: str | None = None) -> Result:
    """Run the whole chain on one file; any failure becomes an error Result."""
    result = _process(path, doc_id, max_bytes, pdf_engine)
    if not result.rows:
        from pipeline.batch.db import document_rows

        result.rows = document_rows(result, None, [])
    return result


def _process(path: str, doc_id: str, max_bytes: int, pdf_engine: str | None) -> Result:
    from pipeline.annotate import annotate
    from pipeline.batch.db import document_rows
    from pipeline.ingest import ingest_bytes
    from pipeline.relate import relate
    from pipeline.tables import table_assertions

    seconds: dict[str, float] = {}
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            return Result(path, doc_id, "", "error", f"{path}: file too large ({size:,} bytes > {max_bytes:,})")
        data = Path(path).read_bytes()
    except OSError as exc:
        return Result(path, doc_id, "", "error", f"{path}: cannot be read ({exc.strerror or exc})")
    digest = content_hash(data, cache_variant(path, pdf_engine))
    try:
        t = time.perf_counter()
        doc = ingest_bytes(data, source=path, suffix=Path(path).suffix, doc_id=doc_id, pdf_engine=pdf_engine)
        seconds["ingest"] = time.perf_counter() - t
        t = time.perf_counter()
        doc = annotate(doc)
        seconds["annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        assertions = table_assertions(doc) + relate(doc)
        seconds["relate"] = time.perf_counter() - t
    except EVminerError as exc:
        return Result(path, doc_id, digest, "error", str(exc), seconds)
    except Exception as exc:  # a bug must not stop the batch: report it on this file and go on
        tail = traceback.format_exc(limit=3).strip().splitlines()[-1]
        return Result(
            path, doc_id, digest, "error", f"{path}: internal error ({type(exc).__name__}: {exc}) [{tail}]", seconds
        )
    status = "warning" if doc.warnings else "ok"
    result = Result(path, doc_id, digest, status, "; ".join(doc.warnings), seconds, doc.model_dump_json())
    result.rows = document_rows(result, doc, assertions)
    return result


def warm_up() -> None:
    """Load the spaCy pipeline and lexicons in a worker process before its first file."""
    from pipeline.annotate import load_pipeline
    from pipeline.normalize.lexicon import LEXICON_KINDS, load_lexicon

    load_pipeline()
    for kind in LEXICON_KINDS:
        load_lexicon(kind)
