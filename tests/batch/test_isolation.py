"""Crash isolation: a file that kills, stops or overruns its worker is an error row and the batch goes on,
locally and with Dask; such a file is not retried unless asked; workers go when the parent goes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from pipeline.batch import Limits, run_batch
from pipeline.errors import printable
from tests.batch.hostile import bomb_pdf, good_abstracts, process_or_die

ROOT = Path(__file__).resolve().parents[2]
GOOD = {f"abstract-{i:02d}" for i in range(10)}
BAD = {"die-signal", "die-exit", "bomb"}
LIMITS = Limits(seconds=60, memory_mb=256)


def _hostile_batch(folder: Path) -> Path:
    good_abstracts(folder)
    (folder / "die-signal.txt").write_text("Exosomal miR-21 kills this worker.", encoding="utf-8")
    (folder / "die-exit.txt").write_text("Exosomal miR-21 stops this worker.", encoding="utf-8")
    (folder / "bomb.pdf").write_bytes(bomb_pdf(400))  # 400 MB of blanks in one page stream, ~0.4 MB on disk
    return folder


def _manifest(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["doc_id"]: r for r in rows}


def _check_outputs(out: Path) -> dict[str, dict]:
    rows = _manifest(out)
    assert {d for d, r in rows.items() if r["status"] == "ok"} == GOOD
    assert {d for d, r in rows.items() if r["status"] == "error"} == BAD
    jsonl = {json.loads(line)["doc_id"] for line in (out / "assertions.jsonl").read_text().splitlines()}
    assert jsonl == GOOD
    bioc = json.loads((out / "bioc.json").read_text())
    assert {d["id"] for d in bioc["documents"]} == GOOD
    assert {p.stem for p in (out / "documents").glob("*.json")} == GOOD
    for name in ("assertions.parquet", "entities.parquet", "report.html", "evminer.sqlite"):
        assert (out / name).stat().st_size > 0, name
    return rows


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    tmp = tmp_path_factory.mktemp("hostile")
    src = _hostile_batch(tmp / "papers")
    summary = run_batch([src], tmp / "out", workers=2, limits=LIMITS, process=process_or_die)
    return src, tmp / "out", summary


def test_isolation_dead_workers_become_error_rows_and_the_run_goes_on(local_run) -> None:  # type: ignore[no-untyped-def]
    _, out, summary = local_run
    assert (summary.ok, summary.error, summary.processed) == (10, 3, 13)
    rows = _check_outputs(out)
    assert "worker died while reading it: killed by signal 9 (SIGKILL)" in rows["die-signal"]["message"]
    assert "worker died while reading it: exited with status 3" in rows["die-exit"]["message"]
    bomb = rows["bomb"]["message"]
    assert bomb.startswith("papers/bomb.pdf: ") or "bomb.pdf" in bomb
    assert "memory" in bomb, bomb
    assert all(r["n_assertions"] > 0 for d, r in rows.items() if d in GOOD)


def test_isolation_a_file_that_killed_its_worker_is_skipped_then_retried_on_request(local_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import shutil

    src, out, _ = local_run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    again = run_batch([src], work, workers=2, limits=LIMITS, process=process_or_die, report=False)
    assert (again.cached, again.processed, again.not_retried, again.error) == (10, 0, 3, 3)
    rows = _check_outputs(work)
    assert all("--retry-failed" in rows[d]["message"] and "not tried again" in rows[d]["message"] for d in BAD)
    assert "killed by signal 9" in rows["die-signal"]["message"]
    retried = run_batch([src], work, workers=2, limits=LIMITS, process=process_or_die, retry_failed=True)
    assert (retried.processed, retried.not_retried, retried.error, retried.ok) == (3, 0, 3, 10)
    assert "not tried again" not in _manifest(work)["die-exit"]["message"]


def test_isolation_time_limit_stops_a_hanging_file(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 2)
    (src / "hang.txt").write_text("Exosomal miR-21.", encoding="utf-8")
    started = time.monotonic()
    summary = run_batch([src], tmp_path / "out", workers=1, limits=Limits(seconds=3), process=process_or_die)
    assert time.monotonic() - started < 60
    rows = _manifest(tmp_path / "out")
    assert (summary.ok, summary.error) == (2, 1)
    assert rows["hang"]["message"].endswith("over the time limit of 3 s per file")


def test_isolation_limits_on_characters_pages_and_inflated_streams(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 1)
    (src / "long.txt").write_text("Exosomal miR-21 confers resistance. " * 400, encoding="utf-8")
    (src / "bomb.pdf").write_bytes(bomb_pdf(80))
    pages = ROOT / "tests" / "fixtures" / "pdfs" / "corpus" / "schwarzenbach2020_cdr_exosome_drug_resistance.pdf"
    (src / "pages.pdf").write_bytes(pages.read_bytes())
    limits = Limits(max_chars=10_000, max_inflated_mb=64, max_pages=3)
    summary = run_batch([src], tmp_path / "out", workers=1, limits=limits, report=False)
    rows = _manifest(tmp_path / "out")
    assert summary.error == 3 and summary.ok == 1
    assert "over the limit of 10,000" in rows["long"]["message"]
    assert "inflates to more than the limit of 64 MB (a decompression bomb)" in rows["bomb"]["message"]
    assert "pages, over the limit of 3" in rows["pages"]["message"]


def test_isolation_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    src.mkdir()
    for i in range(4):
        (src / f"hang{i}.txt").write_text("Exosomal miR-21.", encoding="utf-8")
    code = (
        "from pipeline.batch import run_batch; from tests.batch.hostile import process_or_die; "
        f"run_batch([{str(src)!r}], __import__('pathlib').Path({str(tmp_path / 'out')!r}), workers=2, "
        "process=process_or_die)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    parent = psutil.Process(proc.pid)
    deadline = time.time() + 60
    children: list[psutil.Process] = []
    while time.time() < deadline and len(children) < 2:
        children = [c for c in parent.children() if "resource_tracker" not in " ".join(c.cmdline())]
        time.sleep(0.2)
    assert len(children) >= 2
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, [p.pid for p in alive]


def test_isolation_kill_parent_mid_run_then_resume(tmp_path: Path) -> None:
    src = _hostile_batch(tmp_path / "papers")
    out = tmp_path / "out"
    code = (
        "from pipeline.batch import run_batch, Limits; from tests.batch.hostile import process_or_die; "
        f"run_batch([{str(src)!r}], __import__('pathlib').Path({str(out)!r}), workers=2, "
        "limits=Limits(seconds=60, memory_mb=256), process=process_or_die)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once a few files are done: their manifest lines are already there
        manifest = out / "manifest.jsonl"
        if manifest.exists() and len(manifest.read_text(encoding="utf-8").splitlines()) >= 4:
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert len(_manifest(out)) >= 4
    summary = run_batch([src], out, workers=2, limits=LIMITS, process=process_or_die)
    assert summary.ok == 10 and summary.error == 3
    _check_outputs(out)


@pytest.mark.slow
def test_isolation_dask_marks_dead_tasks_failed_and_goes_on(tmp_path: Path) -> None:
    src = _hostile_batch(tmp_path / "papers")
    summary = run_batch([src], tmp_path / "out", workers=2, engine="dask", limits=LIMITS, process=process_or_die)
    assert (summary.ok, summary.error) == (10, 3)
    rows = _check_outputs(tmp_path / "out")
    assert "killed by signal 9" in rows["die-signal"]["message"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [("a\nb.txt", "a\\nb.txt"), ("\x1b[31mred.txt", "\\x1b[31mred.txt"), ("nul\x00.txt", "nul\\x00.txt")],
)
def test_isolation_names_printed_escaped(name: str, shown: str) -> None:
    assert printable(name) == shown and "\n" not in printable(name)


def test_isolation_pid_file_is_not_left_behind(local_run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = local_run
    assert not [p for p in os.listdir(out) if p.startswith(".manifest")]
