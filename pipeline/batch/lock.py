"""One run at a time per output folder: an exclusive lock on ``OUT/.evminer.lock``.

The lock is the kernel's (``flock``), so it goes with the process that holds it, kill -9 included: a killed
run never leaves a stale lock behind. A second run into the same folder is refused with a message naming the
process that holds it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from pipeline.errors import EVminerError


class RunLockedError(EVminerError):
    """Another run is writing into the same output folder."""

    code = "E301"


@contextlib.contextmanager
def run_lock(out: Path, wait: bool = False) -> Iterator[None]:
    """Hold ``out``'s run lock while the block runs; raise RunLockedError (or, with ``wait``, wait) when another
    process holds it."""
    path = out / ".evminer.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError as exc:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise RunLockedError(
                out, f"another evminer run is writing into this folder ({holder}); wait for it or use another --out"
            ) from exc
        os.ftruncate(fd, 0)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        os.pwrite(fd, f"pid {os.getpid()}, started {stamp}".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
