"""The distributed path for real: a Dask scheduler and two Dask workers in processes of their own (started by
.ci/run through .ci/dask.sh, address in EVMINER_TEST_DASK_SCHEDULER). One worker is killed with SIGKILL in the
middle of the run; the batch still gives the same rows as a local run, and the hostile files are error rows."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
from pathlib import Path

import pytest

from pipeline.batch import Limits, run_batch
from tests.batch.hostile import process_or_die
from tests.batch.test_isolation import BAD, GOOD, _hostile_batch

SCHEDULER = os.environ.get("EVMINER_TEST_DASK_SCHEDULER")
pytestmark = pytest.mark.skipif(not SCHEDULER, reason="EVMINER_TEST_DASK_SCHEDULER not set (.ci/run starts a cluster)")
LIMITS = Limits(seconds=120, memory_mb=256)


def _rows(out: Path) -> tuple:
    con = sqlite3.connect(out / "evminer.sqlite")
    lines = sorted((out / "assertions.jsonl").read_text(encoding="utf-8").splitlines())
    tables = {"documents": "doc_id", "entities": "doc_id, idx", "assertions": "assertion_id"}
    return lines, {t: con.execute(f'select * from "{t}" order by {k}').fetchall() for t, k in tables.items()}


def test_dask_cluster_worker_killed_mid_run_gives_the_local_rows(tmp_path: Path) -> None:
    from distributed import Client

    src = _hostile_batch(tmp_path / "papers")
    local = run_batch([src], tmp_path / "local", workers=2, limits=LIMITS, process=process_or_die, report=False)
    client = Client(SCHEDULER, timeout=30)
    client.wait_for_workers(2, timeout=120)
    pids = client.run(os.getpid)  # worker address -> pid of the Dask worker process
    client.close()
    killed: list[int] = []

    def kill_one(result, summary) -> None:  # type: ignore[no-untyped-def]
        if summary.processed == 3 and not killed:
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)  # its nanny starts a new one; its tasks go to the other worker
            killed.append(pid)

    cluster = run_batch(
        [src], tmp_path / "dask", scheduler=SCHEDULER, limits=LIMITS, process=process_or_die, progress=kill_one
    )
    assert killed
    assert (cluster.ok, cluster.error) == (local.ok, local.error) == (10, 3)
    assert _rows(tmp_path / "dask") == _rows(tmp_path / "local")
    rows = {json.loads(x)["doc_id"]: x for x in (tmp_path / "dask" / "manifest.jsonl").read_text().splitlines()}
    assert {d for d, x in rows.items() if '"status": "error"' in x} == BAD
    assert {d for d, x in rows.items() if '"status": "ok"' in x} == GOOD
    assert (tmp_path / "dask" / "report.html").exists()
