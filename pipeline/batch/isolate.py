"""Crash isolation: every file is read in a worker process that the parent may lose, kill or replace.

The parent hands one file at a time to each worker over a pipe and waits on the pipes and on the processes
themselves. A result is stored; a worker that dies (a signal, the kernel's out-of-memory killer, an abort in a
C library such as pdfium) or that overruns the per-file time limit becomes an error Result naming its file,
and a fresh worker takes its place while the others go on. Workers hold an address-space limit (RLIMIT_AS)
over what the loaded pipeline needs, and they set PR_SET_PDEATHSIG, so they go when the parent goes (kill -9
included). The same worker process serves a Dask task (``run_isolated``), so a file that would kill a Dask
worker kills only its own child process.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.batch.worker import Limits, Result, Task, error_result, process_task, warm_up
from pipeline.errors import EVminerError

logger = logging.getLogger(__name__)

_CONTEXT = multiprocessing.get_context("spawn")  # a fresh interpreter: no threads or locks copied from the parent
_PR_SET_PDEATHSIG = 1
_DEPTH = 2  # files sent to a worker ahead: the one it reads and the next

Process = Callable[[Task, Limits], Result]


class WorkerStartError(EVminerError):
    """Worker processes die before they can take a file (the pipeline or models/ cannot be loaded)."""

    code = "E300"


def _die_with_parent(parent: int) -> None:
    """SIGKILL this process when its parent dies (Linux prctl), and a watchdog thread for other systems."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="evminer-parent-watch", daemon=True).start()


def _virtual_memory() -> int:
    """This process's address-space size in bytes (Linux /proc; 0 where unknown)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(megabytes: int | None) -> None:
    """An address-space limit of ``megabytes`` over what this process maps now (the loaded pipeline), so an
    allocation beyond it fails (MemoryError) instead of the machine swapping or the OOM killer choosing."""
    if not megabytes:
        return
    current = _virtual_memory()
    if not current:
        return
    limit = current + megabytes * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _worker_main(conn: Connection, parent: int, limits: Limits, process: Process, warm: bool) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if warm:
        warm_up()
    limit_memory(limits.memory_mb)
    conn.send(("ready", os.getpid()))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = process(task, limits)
        try:
            conn.send(result)
        except MemoryError:
            conn.send(
                error_result(
                    task,
                    f"{task.label}: over the memory limit ({limits.memory_mb} MB) while sending its result",
                    kind="memory",
                )
            )


def death_message(task: Task, exitcode: int | None, limits: Limits) -> str:
    """Why a worker went away while reading ``task``'s file."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        why = f"killed by signal {-exitcode} ({name})"
        if -exitcode == signal.SIGKILL:
            why += ": out of memory (the system's OOM killer) or killed from outside"
        elif -exitcode in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT, signal.SIGTRAP):
            why += ": crashed in native code"
            if limits.memory_mb:
                why += f" (out of memory: the limit is {limits.memory_mb} MB per file)"
    else:
        why = f"exited with status {exitcode}"
    return f"{task.label}: worker died while reading it: {why}"


@dataclass
class _Slot:
    """One worker process, the file it is reading (``tasks[0]``, since ``started``) and the one sent after it, so
    that the worker never waits for the parent to store a result before it starts on the next file."""

    process: Any
    conn: Connection
    ready: bool = False
    tasks: list[Task] = field(default_factory=list)
    started: float = 0.0

    @property
    def task(self) -> Task | None:
        return self.tasks[0] if self.tasks else None

    def deadline(self, limits: Limits) -> float | None:
        if not self.tasks or limits.seconds is None:
            return None
        return self.started + limits.seconds

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


def _start(limits: Limits, process: Process, warm: bool) -> _Slot:
    parent_end, child_end = _CONTEXT.Pipe(duplex=True)
    proc = _CONTEXT.Process(
        target=_worker_main, args=(child_end, os.getpid(), limits, process, warm), name="evminer-worker", daemon=True
    )
    # A Dask worker process is daemonic, and multiprocessing refuses children to daemons (they would be orphaned
    # on exit); ours die with their parent anyway (PR_SET_PDEATHSIG), so the flag is lifted while starting one.
    config = multiprocessing.current_process()._config  # type: ignore[attr-defined]
    daemonic = config.get("daemon")
    config["daemon"] = False
    try:
        proc.start()
    finally:
        if daemonic is not None:
            config["daemon"] = daemonic
        else:
            config.pop("daemon", None)
    child_end.close()
    return _Slot(proc, parent_end)


class WorkerPool:
    """``workers`` isolated worker processes; ``run`` yields one Result per task, whatever happens to them."""

    def __init__(self, workers: int, limits: Limits, process: Process = process_task, warm: bool = True) -> None:
        self.workers = max(1, workers)
        self.limits = limits
        self.process = process
        self.warm = warm
        self.slots: list[_Slot] = []
        self.restarts = 0
        self._early_deaths = 0

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(Exception):
                slot.conn.send(None)
        for slot in self.slots:
            slot.process.join(2)
            if slot.process.is_alive():
                slot.kill()
        self.slots = []

    def _replace(self, slot: _Slot, queue: deque[Task] | None = None, blamed: bool = True) -> None:
        """A new worker for ``slot``; the files sent to it after the one it was reading (``blamed``), or all of
        them, go back to ``queue``."""
        if queue is not None:
            queue.extendleft(reversed(slot.tasks[1:] if blamed else slot.tasks))
        slot.tasks = []
        slot.kill()
        self.slots.remove(slot)
        self.slots.append(_start(self.limits, self.process, self.warm))
        self.restarts += 1

    def run(self, tasks: Iterable[Task]) -> Iterator[Result]:
        queue: deque[Task] = deque()
        source = iter(tasks)
        exhausted = False

        def refill() -> None:
            nonlocal exhausted
            while not exhausted and len(queue) < _DEPTH * self.workers:
                nxt = next(source, None)
                if nxt is None:
                    exhausted = True
                else:
                    queue.append(nxt)

        refill()
        while len(self.slots) < min(self.workers, max(len(queue), 1)):
            self.slots.append(_start(self.limits, self.process, self.warm))
        while queue or any(s.tasks for s in self.slots):
            for slot in self.slots:  # hand out work
                while slot.ready and len(slot.tasks) < _DEPTH and queue:
                    task = queue.popleft()
                    try:
                        slot.conn.send(task)
                    except (OSError, ValueError):
                        queue.appendleft(task)
                        break
                    if not slot.tasks:
                        slot.started = time.monotonic()
                    slot.tasks.append(task)
                refill()
            deadlines = [d for s in self.slots if (d := s.deadline(self.limits)) is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            waitables: list[Any] = [s.conn for s in self.slots] + [s.process.sentinel for s in self.slots]
            ready = set(wait(waitables, timeout))
            for slot in list(self.slots):
                if slot.conn in ready:
                    message = self._receive(slot)
                    if isinstance(message, Result):
                        if message.kind == "memory":  # not trusted with the next file: a fresh worker takes it
                            self._replace(slot, queue, blamed=False)
                            yield message
                            continue
                        yield message
                if not slot.process.is_alive() or slot.process.sentinel in ready:
                    message = self._receive(slot) if slot.conn.poll() else None
                    if isinstance(message, Result):
                        yield message
                    yield from self._lost(slot, queue)
                    continue
                d = slot.deadline(self.limits)
                current = slot.task
                if d is not None and current is not None and time.monotonic() >= d:
                    self._replace(slot, queue)
                    yield error_result(
                        current,
                        f"{current.label}: over the time limit of {self.limits.seconds:g} s per file",
                        kind="timeout",
                    )

    def _receive(self, slot: _Slot) -> Result | None:
        """The worker's next message: its readiness (None returned) or a Result for its task."""
        try:
            message = slot.conn.recv()
        except (EOFError, OSError):
            return None
        if isinstance(message, tuple) and message and message[0] == "ready":
            slot.ready = True
            self._early_deaths = 0
            return None
        if isinstance(message, Result) and slot.tasks:
            slot.tasks.pop(0)
            slot.started = time.monotonic()  # the next file sent, if any, starts now
            return message
        return None

    def _lost(self, slot: _Slot, queue: deque[Task]) -> Iterator[Result]:
        slot.process.join(5)
        task, was_ready = slot.task, slot.ready
        self._replace(slot, queue)
        if task is not None:
            yield error_result(task, death_message(task, slot.process.exitcode, self.limits), kind="crash")
        elif not was_ready:
            self._early_deaths += 1
            if self._early_deaths >= 3 * self.workers:
                self.close()
                raise WorkerStartError(
                    "worker", f"worker processes die before taking a file (exit status {slot.process.exitcode})"
                )


_LOCAL: dict[int, WorkerPool] = {}
_LOCAL_LOCK = threading.Lock()


def run_isolated(task: Task, limits: Limits, process: Process = process_task) -> Result:
    """Read one file in a child process of this one (used by Dask tasks): a file that kills the child gives an
    error Result and a new child; the Dask worker itself lives on. One child per calling thread, kept."""
    ident = threading.get_ident()
    with _LOCAL_LOCK:
        pool = _LOCAL.get(ident)
        if pool is None:
            pool = _LOCAL[ident] = WorkerPool(1, limits, process)
    if pool.limits != limits or pool.process is not process:
        pool.close()
        pool = _LOCAL[ident] = WorkerPool(1, limits, process)
    return next(iter(pool.run([task])))


__all__ = ["WorkerPool", "WorkerStartError", "death_message", "limit_memory", "run_isolated"]
