"""Batch runs: many papers through the whole chain, cached by content hash, in parallel, resumable.

Only this layer (and the CLI) touches the file system. Workers (local processes, or a Dask cluster) run the
pure per-document chain; the parent process is the single writer of the run database and the output folder.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from uuid import uuid4

from pipeline.batch import db
from pipeline.batch.isolate import Process, WorkerPool, run_isolated
from pipeline.batch.outputs import atomic_open, document_path, write_outputs
from pipeline.batch.worker import Limits, Result, Task, cache_variant, content_hash, error_result, process_task
from pipeline.errors import printable
from pipeline.ingest import SUPPORTED_SUFFIXES, doc_id_for
from pipeline.ingest.readers import container_kind

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    files: int = 0
    processed: int = 0
    cached: int = 0
    ok: int = 0
    warning: int = 0
    error: int = 0
    skipped: int = 0  # files that killed or overran a worker in an earlier run, not tried again
    seconds: float = 0.0
    outputs: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.error > 0


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Every file a reader takes (.pdf, .txt, .md, .nxml, .xml, .xml.gz, BioC .json) under ``paths`` (recursively), hidden files and folders left out, sorted."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p).parts
                if f.is_file() and _readable(f) and not any(x.startswith(".") for x in rel):
                    found.add(f.resolve())
        elif p.exists():
            found.add(p.resolve())
        else:
            found.add(p.absolute())  # reported as an error row: no such file
    return sorted(found)


def _readable(path: Path) -> bool:
    """A file a reader takes: by extension, and a .json only when it is a BioC collection (not, say, the
    documents/*.json of an earlier run's output folder)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return False
    if suffix != ".json":
        return True
    from pipeline.ingest.xml import sniff

    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096)) == "bioc-json"
    except OSError:
        return False


def assign_doc_ids(files: list[Path]) -> dict[Path, str]:
    """doc_id from the file name; when two files share one, a short hash of the path tells them apart."""
    base = {f: doc_id_for(f) for f in files}
    counts: dict[str, int] = {}
    for d in base.values():
        counts[d] = counts.get(d, 0) + 1
    return {f: d if counts[d] == 1 else f"{d}-{hashlib.sha1(str(f).encode()).hexdigest()[:6]}" for f, d in base.items()}


def _attribution_like(path: Path) -> bool:
    return bool(re.search(r"attribution|licen[cs]e|readme|sources", path.name, re.IGNORECASE))


def _local_results(tasks: Iterable[Task], workers: int, limits: Limits, process: Process) -> Iterator[Result]:
    """Every task in isolated worker processes (even with one worker: a file that kills it must not kill the run)."""
    with WorkerPool(workers, limits, process) as pool:
        yield from pool.run(tasks)
        if pool.restarts:
            logger.warning("%d worker process(es) replaced during the run", pool.restarts)


def _dask_results(
    tasks: Iterable[Task], scheduler: str | None, workers: int, limits: Limits, process: Process
) -> Iterator[Result]:
    """The same chain on a Dask distributed cluster (``scheduler`` address, or a LocalCluster).

    Each task runs in a child process of its Dask worker (``run_isolated``) with the per-file limits, so a file
    that crashes the reader takes down only that child; a task whose Dask worker dies anyway (killed from
    outside, again and again) comes back as KilledWorker and becomes an error row. The files' bytes travel
    with the tasks, so the workers need not share the input folder.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout=30)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        batch = max(4 * max(workers, len(client.scheduler_info().get("workers", {}))), 8)
        queue = iter(tasks)
        while chunk := list(itertools.islice(queue, batch)):
            futures = {}
            for task in chunk:
                try:
                    sent = task if task.data is not None else replace(task, data=Path(task.path).read_bytes())
                except OSError:
                    sent = task  # the worker reports why it cannot be read
                futures[
                    client.submit(run_isolated, sent, limits, process, pure=False, key=f"evminer-{uuid4().hex}")
                ] = task
            for future in as_completed(list(futures)):
                task = futures[future]
                try:
                    yield future.result()
                except Exception as exc:  # KilledWorker, a lost connection: this file failed, the rest go on
                    yield error_result(
                        task, f"{task.label}: worker died while reading it ({type(exc).__name__}: {exc})", kind="crash"
                    )
                future.release()
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
    limits: Limits | None = None,
    retry_failed: bool = False,
    process: Process = process_task,
    on_tasks: Callable[[int], None] | None = None,
) -> RunSummary:
    """Run the whole chain on every file found under ``paths`` and write the run's outputs under ``out``.

    Unchanged files (same path, same content, same pipeline version) are not processed again; a changed one
    replaces its rows. The run database is ``out/evminer.sqlite``; ``db_url`` (e.g. ``postgresql://...``) gets
    the same rows too. Each file's rows, its document and its manifest line are written as soon as it is done,
    and the summary outputs are rebuilt from the database at the end (or by the next run), so a run killed at
    any moment loses only the files in flight, and started again finishes the job with every document's rows
    exactly once. ``pdf_engine``: where PDFs' characters come from (pdfium by default, or pdfplumber); a PDF
    read with another engine than last time is processed again.

    Every file is read in a worker process within ``limits`` (time, memory, pages, characters): a file that
    kills its worker or overruns a limit becomes an error row, a new worker takes over and the run goes on.
    Such a file is remembered (the ``poison`` table) and not tried again unless ``retry_failed``.
    ``process`` is the per-file function the workers run (a module-level function; tests swap it).

    A PubMed/MEDLINE file or a BioC collection is streamed in the parent and each of its documents is one task
    (key ``path#pmid-N``, cached and stored on its own), so the citations of one file are read by all workers
    while the file never sits whole in memory. ``on_tasks(n)`` is told how many more documents will be processed
    (not those taken from the cache) as soon as that is known: once for the one-document files, then as the
    documents of each collection are streamed, for a progress bar's total.
    """
    started = time.perf_counter()
    limits = limits or Limits()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "documents").mkdir(exist_ok=True)
    state = db.connect(f"sqlite:///{out / 'evminer.sqlite'}")
    mirror = db.connect(db_url) if db_url else None
    files = [f for f in discover(paths) if not _attribution_like(f) and out.resolve() not in f.parents]
    ids = assign_doc_ids(files)
    summary = RunSummary(files=len(files))
    poison = db.poisoned(state)
    tasks: list[Task] = []
    skipped: list[Result] = []
    containers: list[Path] = []
    for f in files:
        if container_kind(f):  # a PubMed file or a BioC collection: one task per document, streamed below
            containers.append(f)
            continue
        try:
            digest = content_hash(f.read_bytes(), cache_variant(f, pdf_engine))
        except OSError:
            digest = ""
        if digest and db.cached(state, str(f), digest) and document_path(out, ids[f]).exists():
            summary.cached += 1
            if mirror is not None and not db.cached(mirror, str(f), digest):
                _copy_to_mirror(out, state, mirror, str(f))
            continue
        task = Task(str(f), ids[f], key=str(f), pdf_engine=pdf_engine, digest=digest)
        if digest in poison and not retry_failed:
            skipped.append(
                error_result(
                    task,
                    f"{task.label}: not tried again, it failed before ({_poison_reason(poison[digest], task.label)}); "
                    "--retry-failed tries it again",
                    kind="skipped",
                )
            )
            continue
        tasks.append(task)
    if on_tasks:
        on_tasks(len(tasks) + len(skipped))
    member_errors: list[Result] = []
    all_tasks: Iterable[Task] = itertools.chain(
        tasks, _member_tasks(containers, out, state, mirror, summary, member_errors, pdf_engine, on_tasks)
    )
    workers = workers or os.cpu_count() or 1
    use_dask = engine == "dask" or bool(scheduler)
    manifest = _open_manifest(out, state)
    try:
        results = itertools.chain(
            skipped,
            _dask_results(all_tasks, scheduler, workers, limits, process)
            if use_dask
            else _local_results(all_tasks, min(workers, max(len(tasks) + 2 * len(containers), 1)), limits, process),
            member_errors,  # a PubMed or BioC file that turned bad while streamed: an error row for the file
        )
        for result in results:
            _store(out, state, mirror, result)
            if result.poisonous:
                db.mark_poison(state, result.content_hash, result.path, result.kind, result.message)
            elif result.kind != "skipped" and result.content_hash in poison:
                db.clear_poison(state, result.content_hash)
            manifest.write(json.dumps(db.manifest_row(result.rows["files"][0]), ensure_ascii=False) + "\n")
            manifest.flush()
            summary.processed += result.kind != "skipped"
            summary.skipped += result.kind == "skipped"
            if progress:
                progress(result, summary)
    finally:
        manifest.close()
        wanted = {str(f) for f in files}
        for row in db.manifest_rows(state):
            if (row["path"] in wanted or row["path"].split("#", 1)[0] in wanted) and row["status"] in (
                "ok",
                "warning",
                "error",
            ):
                setattr(summary, row["status"], getattr(summary, row["status"]) + 1)
        summary.seconds = round(time.perf_counter() - started, 2)
        summary.outputs = write_outputs(
            state,
            out,
            {
                "files": summary.files,
                "processed": summary.processed,
                "cached": summary.cached,
                "seconds": summary.seconds,
            },
            report,
        )
    return summary


def _member_tasks(
    containers: list[Path],
    out: Path,
    state: Any,
    mirror: Any,
    summary: RunSummary,
    errors: list[Result],
    pdf_engine: str | None,
    on_tasks: Callable[[int], None] | None,
) -> Iterator[Task]:
    """The documents of PubMed and BioC files as tasks, streamed; cached ones counted, not yielded."""
    from pipeline.errors import EVminerError
    from pipeline.ingest.readers import members

    for f in containers:
        known = db.cached_hashes(state, f"{f}#")
        try:
            for member in members(f, doc_id_for(f)):
                digest = content_hash(member.data, cache_variant(f, pdf_engine))
                if known.get(member.key) == digest and document_path(out, member.doc_id).exists():
                    summary.cached += 1
                    continue
                if on_tasks:
                    on_tasks(1)
                yield Task(
                    str(f), member.doc_id, key=member.key, pdf_engine=pdf_engine, digest=digest, data=member.data
                )
        except EVminerError as exc:
            if on_tasks:
                on_tasks(1)
            errors.append(error_result(Task(str(f), doc_id_for(f), key=str(f)), printable(str(exc))))


def _poison_reason(message: str, label: str) -> str:
    """A stored failure message without its file name in front."""
    return message[len(label) + 2 :] if message.startswith(label + ": ") else message


def _open_manifest(out: Path, state):  # type: ignore[no-untyped-def]
    """manifest.jsonl as the database has it now, then open for appending each file's row as it is done."""
    with atomic_open(out / "manifest.jsonl") as fh:
        for row in db.manifest_rows(state):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return (out / "manifest.jsonl").open("a", encoding="utf-8")


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


__all__ = ["Limits", "RunSummary", "assign_doc_ids", "discover", "run_batch"]
