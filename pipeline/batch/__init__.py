"""Batch runs: many papers through the whole chain, cached by content hash, in parallel, resumable.

Only this layer (and the CLI) touches the file system. Workers (local processes, or a Dask cluster) run the
pure per-document chain; the parent process is the single writer of the run database and the output folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.batch import db
from pipeline.batch.outputs import atomic_open, document_path, write_outputs
from pipeline.batch.worker import Result, cache_variant, content_hash, process_path, warm_up
from pipeline.ingest import SUPPORTED_SUFFIXES, doc_id_for

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    files: int = 0
    processed: int = 0
    cached: int = 0
    ok: int = 0
    warning: int = 0
    error: int = 0
    seconds: float = 0.0
    outputs: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.error > 0


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every .pdf/.txt/.md file under ``paths`` (recursively), hidden files and folders left out, sorted."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p).parts
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not any(x.startswith(".") for x in rel):
                    found.add(f.resolve())
        elif p.exists():
            found.add(p.resolve())
        else:
            found.add(p.absolute())  # reported as an error row: no such file
    return sorted(found)


def assign_doc_ids(files: list[Path]) -> dict[Path, str]:
    """doc_id from the file name; when two files share one, a short hash of the path tells them apart."""
    base = {f: doc_id_for(f) for f in files}
    counts: dict[str, int] = {}
    for d in base.values():
        counts[d] = counts.get(d, 0) + 1
    return {f: d if counts[d] == 1 else f"{d}-{hashlib.sha1(str(f).encode()).hexdigest()[:6]}" for f, d in base.items()}


def _attribution_like(path: Path) -> bool:
    return bool(re.search(r"attribution|licen[cs]e|readme|sources", path.name, re.IGNORECASE))


Task = tuple[str, str, str | None]  # path, doc_id, PDF engine


def _local_results(tasks: list[Task], workers: int) -> Iterator[Result]:
    if workers <= 1:
        warm_up()
        for path, doc_id, pdf_engine in tasks:
            yield process_path(path, doc_id, pdf_engine=pdf_engine)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        pending: set[Future[Result]] = set()
        queue = iter(tasks)
        for path, doc_id, pdf_engine in queue:  # at most 2 tasks per worker in flight: memory stays flat
            pending.add(pool.submit(process_path, path, doc_id, pdf_engine=pdf_engine))
            if len(pending) >= 2 * workers:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                nxt = next(queue, None)
                if nxt is not None:
                    pending.add(pool.submit(process_path, nxt[0], nxt[1], pdf_engine=nxt[2]))


def _dask_results(tasks: list[Task], scheduler: str | None, workers: int) -> Iterator[Result]:
    """The same chain on a Dask distributed cluster (``scheduler`` address, or a LocalCluster)."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(warm_up)
        batch = max(4 * max(workers, 1), 8)
        for i in range(0, len(tasks), batch):
            futures = [client.submit(process_path, p, d, pdf_engine=e, pure=False) for p, d, e in tasks[i : i + batch]]
            for future in as_completed(futures):
                yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batch(
    paths: Iterable[str | Path],
    out: Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    db_url: str | None = None,
    report: bool = True,
    progress: Callable[[Result, RunSummary], None] | None = None,
    pdf_engine: str | None = None,
) -> RunSummary:
    """Run the whole chain on every file found under ``paths`` and write the run's outputs under ``out``.

    Unchanged files (same path, same content, same pipeline version) are not processed again; a changed one
    replaces its rows. The run database is ``out/evminer.sqlite``; ``db_url`` (e.g. ``postgresql://...``) gets
    the same rows too. A run killed at any moment and started again finishes the job with every document's rows
    exactly once. ``pdf_engine``: where PDFs' characters come from (pdfium by default, or pdfplumber); a PDF
    read with another engine than last time is processed again.
    """
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    state = db.connect(f"sqlite:///{out / 'evminer.sqlite'}")
    mirror = db.connect(db_url) if db_url else None
    files = [f for f in discover(paths) if not _attribution_like(f)]
    ids = assign_doc_ids(files)
    summary = RunSummary(files=len(files))
    tasks: list[Task] = []
    for f in files:
        try:
            digest = content_hash(f.read_bytes(), cache_variant(f, pdf_engine))
        except OSError:
            digest = ""
        if digest and db.cached(state, str(f), digest) and document_path(out, ids[f]).exists():
            summary.cached += 1
            if mirror is not None and not db.cached(mirror, str(f), digest):
                _copy_to_mirror(out, state, mirror, str(f))
            continue
        tasks.append((str(f), ids[f], pdf_engine))
    workers = workers or os.cpu_count() or 1
    results = (
        _dask_results(tasks, scheduler, workers)
        if engine == "dask" or scheduler
        else _local_results(tasks, min(workers, max(len(tasks), 1)))
    )
    for result in results:
        _store(out, state, mirror, result)
        summary.processed += 1
        if progress:
            progress(result, summary)
    for row in db.manifest_rows(state):
        if row["path"] in {str(f) for f in files}:
            setattr(summary, row["status"], getattr(summary, row["status"]) + 1)
    summary.seconds = round(time.perf_counter() - started, 2)
    summary.outputs = write_outputs(
        state,
        out,
        {"files": summary.files, "processed": summary.processed, "cached": summary.cached, "seconds": summary.seconds},
        report,
    )
    return summary


def _store(out: Path, state, mirror, result: Result) -> None:  # type: ignore[no-untyped-def]
    if result.document_json:  # the document file first: a row in the database always has its file
        with atomic_open(document_path(out, result.doc_id)) as fh:
            fh.write(result.document_json)
    db.store(state, result.path, result.doc_id, result.rows)
    if mirror is not None:
        db.store(mirror, result.path, result.doc_id, result.rows)


def _copy_to_mirror(out: Path, state, mirror, path: str) -> None:  # type: ignore[no-untyped-def]
    """A file cached in the run's SQLite but not yet in the mirror database (first run with --db)."""
    from pipeline.batch.outputs import load_document

    row = next(r for r in db.manifest_rows(state) if r["path"] == path)
    doc = load_document(out, row["doc_id"])
    items = [a for a in db.iter_assertions(state) if a.provenance.doc_id == doc.doc_id]
    result = Result(path, row["doc_id"], row["content_hash"], row["status"], row["message"] or "", row["timings"])
    db.store(mirror, path, row["doc_id"], db.document_rows(result, doc, items))


__all__ = ["RunSummary", "assign_doc_ids", "discover", "run_batch"]
