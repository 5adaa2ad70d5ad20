"""Batch runs: many papers through the whole chain, cached by content hash, in parallel, resumable.

Only this layer (and the CLI) touches the file system. Workers (local processes, or a Dask cluster) run the
pure per-document chain; the parent process is the single writer of the run database and the output folder.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from uuid import uuid4

from pipeline.batch.discover import Entry, scan
from pipeline.batch.isolate import Process, WorkerPool, run_isolated
from pipeline.batch.lock import RunLockedError, run_lock
from pipeline.batch.worker import Limits, Result, Task, cache_variant, content_hash, error_result, process_task
from pipeline.errors import printable
from pipeline.export import database as db
from pipeline.export.files import atomic_open, document_path, write_outputs
from pipeline.ingest import doc_id_for
from pipeline.ingest.readers import container_kind
from pipeline.registry import BATCH_ENGINES

logger = logging.getLogger(__name__)


@dataclass
class RunSummary:
    files: int = 0
    processed: int = 0
    cached: int = 0
    ok: int = 0
    warning: int = 0
    error: int = 0
    not_retried: int = 0  # files that killed or overran a worker in an earlier run, not tried again
    removed: int = 0  # files gone from an input folder since the last run: their rows removed
    left_out: int = 0  # folders, symlinks and special files not read (each a manifest row with the reason)
    seconds: float = 0.0
    outputs: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # the run's own costs: scan, store, outputs (seconds)

    @property
    def failed(self) -> bool:
        return self.error > 0


def discover(paths: Iterable[str | Path], follow_symlinks: bool = False) -> list[Path]:
    """Every file a reader takes (.pdf, .txt, .md, .nxml, .xml, .xml.gz, BioC .json) under ``paths``
    (recursively), hidden files and folders left out, in key order."""
    return [e.path for e in scan(paths, follow_symlinks).files]


def assign_doc_ids(files: list[Path]) -> dict[Path, str]:
    """doc_id from the file name; when two files share one, a short hash of the path tells them apart."""
    base = {f: doc_id_for(f) for f in files}
    counts: dict[str, int] = {}
    for d in base.values():
        counts[d] = counts.get(d, 0) + 1
    return {f: d if counts[d] == 1 else f"{d}-{_short_hash(str(f))}" for f, d in base.items()}


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()[:6]


def _doc_ids(entries: list[Entry], known: dict[str, str]) -> dict[str, str]:
    """doc_id per key: the one the run database already gives it; else from the file name, with a short hash of
    the key when another file (stored, or in this batch) has that name ("review" and "review-3f2a1c")."""
    taken = {d for d in known.values() if d}
    ids: dict[str, str] = {}
    fresh: dict[str, list[str]] = {}
    for e in entries:
        if known.get(e.key):
            ids[e.key] = known[e.key]
        else:
            fresh.setdefault(doc_id_for(e.path), []).append(e.key)
    for slug, keys in fresh.items():
        for key in keys:
            ids[key] = slug if len(keys) == 1 and slug not in taken else f"{slug}-{_short_hash(key)}"
    return ids


def _hash_file(path: Path, variant: str, max_bytes: int | None) -> tuple[str, int]:
    """The cache key of a file (read in chunks: memory stays flat) and its size; ("", size) when it is over
    ``max_bytes`` (not read at all) or cannot be read."""
    from pipeline.batch.worker import chain_version

    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:
        return "", size
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    digest.update(chain_version().encode() + variant.encode())
    return digest.hexdigest(), size


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
    follow_symlinks: bool = False,
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

    A file is known by its path relative to the parent of the input root (``papers/A/review.txt``) and its
    content: a file gone from an input folder has its rows removed (manifest status "removed"), a renamed one
    is moved. Folders that cannot be read and symlinks (followed out of the input root only with
    ``follow_symlinks``) get a manifest row saying so. One run at a time writes into ``out`` (``RunLockedError``).
    ``process`` is the per-file function the workers run (a module-level function; tests swap it).

    A PubMed/MEDLINE file or a BioC collection is streamed in the parent and each of its documents is one task
    (key ``papers/file.xml#pmid-N``, cached and stored on its own), so the citations of one file are read by all
    workers while the file never sits whole in memory. ``on_tasks(n)`` is told how many more documents will be
    processed (not those taken from the cache) as soon as that is known: once for the one-document files, then
    as the documents of each collection are streamed, for a progress bar's total.
    """
    started = time.perf_counter()
    if engine not in BATCH_ENGINES:
        raise ValueError(f"unknown batch engine {engine!r}: one of {', '.join(BATCH_ENGINES)}")
    limits = limits or Limits()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with run_lock(out):
        return _run_locked(
            paths,
            out,
            started,
            workers,
            engine,
            scheduler,
            db_url,
            report,
            progress,
            pdf_engine,
            limits,
            retry_failed,
            follow_symlinks,
            process,
            on_tasks,
        )


def _run_locked(  # type: ignore[no-untyped-def]
    paths,
    out: Path,
    started: float,
    workers,
    engine,
    scheduler,
    db_url,
    report,
    progress,
    pdf_engine,
    limits: Limits,
    retry_failed: bool,
    follow_symlinks: bool,
    process: Process,
    on_tasks,
) -> RunSummary:
    (out / "documents").mkdir(exist_ok=True)
    state = db.connect(f"sqlite:///{out / 'evminer.sqlite'}")
    mirror = db.connect(db_url) if db_url else None
    found = scan(paths, follow_symlinks, exclude=out)
    db.adopt_legacy_paths(state, {str(e.path.resolve()): e.key for e in found.files})
    known = db.known_files(state)
    ids = _doc_ids(found.files, known)
    summary = RunSummary(files=len(found.files))
    poison = db.poisoned(state)
    tasks: list[Task] = []
    sizes: dict[str, int] = {}  # bytes per task key: the largest files are sent first
    early: list[Result] = []  # rows decided here: not retried, left out, removed
    containers: list[Entry] = []
    for entry in found.files:
        if container_kind(entry.path):  # a PubMed file or a BioC collection: one task per document, streamed below
            containers.append(entry)
            continue
        task = Task(str(entry.path), ids[entry.key], key=entry.key, pdf_engine=pdf_engine)
        try:
            digest, size = _hash_file(entry.path, cache_variant(entry.path, pdf_engine), limits.max_bytes)
        except OSError:
            tasks.append(task)  # the worker says why it cannot be read
            continue
        if not digest:
            early.append(error_result(task, f"{task.label}: file too large ({size:,} bytes > {limits.max_bytes:,})"))
            continue
        task = replace(task, digest=digest)
        if db.cached(state, entry.key, digest) and document_path(out, ids[entry.key]).exists():
            summary.cached += 1
            if mirror is not None and not db.cached(mirror, entry.key, digest):
                _copy_to_mirror(out, state, mirror, entry.key)
            continue
        if digest in poison and not retry_failed:
            early.append(
                error_result(
                    task,
                    f"{task.label}: not tried again, it failed before ({_poison_reason(poison[digest], task.label)}); "
                    "--retry-failed tries it again",
                    kind="not_retried",
                )
            )
            continue
        tasks.append(task)
        sizes[task.key] = size
    # Largest files first (a stable sort: equal sizes keep the scan order), so that no long paper starts last
    # while the other workers wait with nothing left to do.
    tasks.sort(key=lambda t: -sizes.get(t.key, 0))
    for entry in found.left_out:
        early.append(_left_out_result(entry))
    present = {e.key for e in found.files} | {e.key for e in found.left_out}
    for key, doc_id in known.items():
        if key.split("#", 1)[0] not in present and any(key.startswith(root) for root in found.roots):
            early.append(_removed_result(key, doc_id))
    summary.timings["scan"] = round(time.perf_counter() - started, 3)
    if on_tasks:
        on_tasks(len(tasks) + len(early))
    member_errors: list[Result] = []
    all_tasks: Iterable[Task] = itertools.chain(
        tasks, _member_tasks(containers, out, state, summary, member_errors, pdf_engine, on_tasks)
    )
    workers = workers or os.cpu_count() or 1
    use_dask = engine == "dask" or bool(scheduler)
    manifest = _open_manifest(out, state)
    storing = 0.0
    try:
        results = itertools.chain(
            early,
            _dask_results(all_tasks, scheduler, workers, limits, process)
            if use_dask
            else _local_results(all_tasks, min(workers, max(len(tasks) + 2 * len(containers), 1)), limits, process),
            member_errors,  # a PubMed or BioC file that turned bad while streamed: an error row for the file
        )
        for result in results:
            t = time.perf_counter()
            _store(out, state, mirror, result)
            if result.poisonous:
                db.mark_poison(state, result.content_hash, result.path, result.kind, result.message)
            elif not result.kind and result.content_hash in poison:
                db.clear_poison(state, result.content_hash)
            manifest.write(json.dumps(db.manifest_row(result.rows["files"][0]), ensure_ascii=False) + "\n")
            manifest.flush()
            storing += time.perf_counter() - t
            summary.processed += not result.kind or result.poisonous
            summary.not_retried += result.kind == "not_retried"
            summary.removed += result.kind == "removed"
            summary.left_out += result.kind == "left_out"
            if progress:
                progress(result, summary)
    finally:
        summary.timings["store"] = round(storing, 3)
        manifest.close()
        wanted = {e.key for e in found.files} | {e.key for e in found.left_out}
        for row in db.iter_manifest_rows(state):
            if row["path"].split("#", 1)[0] in wanted and row["status"] in ("ok", "warning", "error"):
                setattr(summary, row["status"], getattr(summary, row["status"]) + 1)
        t = time.perf_counter()
        summary.seconds = round(t - started, 2)
        parts: dict[str, float] = {}
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
            parts,
        )
        summary.timings["outputs"] = round(time.perf_counter() - t, 3)
        summary.timings.update({f"outputs.{name}": seconds for name, seconds in parts.items()})
        summary.seconds = round(time.perf_counter() - started, 2)
    return summary


def _member_tasks(
    containers: list[Entry],
    out: Path,
    state: Any,
    summary: RunSummary,
    errors: list[Result],
    pdf_engine: str | None,
    on_tasks: Callable[[int], None] | None,
) -> Iterator[Task]:
    """The documents of PubMed and BioC files as tasks (keyed ``KEY#pmid-N``), streamed; cached ones counted,
    not yielded."""
    from pipeline.errors import EVminerError
    from pipeline.ingest.readers import members

    for entry in containers:
        f = entry.path
        known = db.cached_hashes(state, f"{entry.key}#")
        try:
            for member in members(f, doc_id_for(f)):
                key = f"{entry.key}#{member.key.rpartition('#')[2]}"
                digest = content_hash(member.data, cache_variant(f, pdf_engine))
                if known.get(key) == digest and document_path(out, member.doc_id).exists():
                    summary.cached += 1
                    continue
                if on_tasks:
                    on_tasks(1)
                yield Task(str(f), member.doc_id, key=key, pdf_engine=pdf_engine, digest=digest, data=member.data)
        except EVminerError as exc:
            if on_tasks:
                on_tasks(1)
            errors.append(error_result(Task(str(f), doc_id_for(f), key=entry.key), printable(str(exc))))


def _left_out_result(entry: Entry) -> Result:
    """The manifest row of an input that is not read: an unreadable folder, a symlink not followed, a FIFO."""
    task = Task(str(entry.path), "", key=entry.key)
    result = error_result(task, f"{task.label}: {entry.problem}", kind="left_out")
    result.status = entry.status or "error"
    result.rows["files"][0]["status"] = result.status
    return result


def _removed_result(key: str, doc_id: str) -> Result:
    """The manifest row of a file that was under an input folder in an earlier run and is gone now."""
    task = Task(key, doc_id, key=key)
    result = error_result(task, f"{task.label}: no longer in the input folder; its rows were removed", kind="removed")
    result.status = "removed"
    result.rows["files"][0]["status"] = "removed"
    return result


def _poison_reason(message: str, label: str) -> str:
    """A stored failure message without its file name in front."""
    return message[len(label) + 2 :] if message.startswith(label + ": ") else message


def _open_manifest(out: Path, state):  # type: ignore[no-untyped-def]
    """manifest.jsonl as the database has it now, then open for appending each file's row as it is done."""
    with atomic_open(out / "manifest.jsonl") as fh:
        for row in db.iter_manifest_rows(state):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return (out / "manifest.jsonl").open("a", encoding="utf-8")


def _store(out: Path, state, mirror, result: Result) -> None:  # type: ignore[no-untyped-def]
    if result.document_json:  # the document file first: a row in the database always has its file
        with atomic_open(document_path(out, result.doc_id)) as fh:
            fh.write(result.document_json)
    old = db.store(state, result.path, result.doc_id, result.rows, cleaned=True)  # document_rows cleaned them
    if mirror is not None:
        rows = {k: v for k, v in result.rows.items() if k not in db.RUN_ONLY}
        db.store(mirror, result.path, result.doc_id, rows, cleaned=True)
    for doc_id in old - ({result.doc_id} if result.document_json else set()):
        if doc_id:  # a document no row holds any more (a file that failed this time, or is gone)
            with contextlib.suppress(FileNotFoundError):
                document_path(out, doc_id).unlink()


def _copy_to_mirror(out: Path, state, mirror, path: str) -> None:  # type: ignore[no-untyped-def]
    """A file cached in the run's SQLite but not yet in the mirror database (first run with --db)."""
    from pipeline.export.files import load_document

    row = next(r for r in db.manifest_rows(state) if r["path"] == path)
    doc = load_document(out, row["doc_id"])
    items = [a for a in db.iter_assertions(state) if a.provenance.doc_id == doc.doc_id]
    result = Result(path, row["doc_id"], row["content_hash"], row["status"], row["message"] or "", row["timings"])
    db.store(mirror, path, row["doc_id"], db.document_rows(result, doc, items), cleaned=True)


__all__ = ["Limits", "RunLockedError", "RunSummary", "assign_doc_ids", "discover", "run_batch", "scan"]
