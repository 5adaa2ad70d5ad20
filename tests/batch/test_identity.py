"""Identity of inputs (relative path + content), removed and renamed files, left-out folders and symlinks,
the run lock, control characters for every sink (PostgreSQL too) and decompression caps."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.batch import RunLockedError, run_batch, scan
from pipeline.batch.guards import inflated_over
from pipeline.batch.lock import run_lock
from tests.batch.hostile import bomb_pdf, good_abstracts

PG_URL = os.environ.get("EVMINER_TEST_PG_URL")


def _manifest(out: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["path"]: r for r in rows}


def _docs(out: Path) -> dict[str, int]:
    con = sqlite3.connect(out / "evminer.sqlite")
    return dict(
        con.execute(
            "select d.doc_id, count(a.assertion_id) from documents d left join assertions a "
            "on a.doc_id = d.doc_id group by d.doc_id"
        )
    )


def _abstract(folder: Path, name: str, cargo: str, n_sentences: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    body = " ".join(
        f"Exosomal {cargo} transferred resistance to doxorubicin in MCF-7 cells (set {i})." for i in range(n_sentences)
    )
    (folder / name).write_text(f"Exosomal {cargo} in resistance\n\nAbstract\n\n{body}\n", encoding="utf-8")


def test_identity_same_name_in_two_folders_are_two_documents(tmp_path: Path) -> None:
    _abstract(tmp_path / "A", "review.txt", "miR-21", 2)
    _abstract(tmp_path / "B", "review.txt", "miR-155", 3)
    out = tmp_path / "out"
    for folder in ("A", "B", "A"):
        run_batch([tmp_path / folder], out, workers=1, report=False)
    rows = _manifest(out)
    assert set(rows) == {"A/review.txt", "B/review.txt"}
    assert rows["A/review.txt"]["doc_id"] != rows["B/review.txt"]["doc_id"]
    docs = _docs(out)
    assert docs[rows["A/review.txt"]["doc_id"]] == rows["A/review.txt"]["n_assertions"]
    assert docs[rows["B/review.txt"]["doc_id"]] == rows["B/review.txt"]["n_assertions"]
    con = sqlite3.connect(out / "evminer.sqlite")
    names = {d: {n for (n,) in con.execute("select name from entities where doc_id = ?", (d,))} for d in docs}
    assert "miR-21" in names[rows["A/review.txt"]["doc_id"]] and "miR-155" not in names[rows["A/review.txt"]["doc_id"]]


def test_identity_deleted_file_is_removed_and_renamed_file_is_moved(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 3)
    out = tmp_path / "out"
    run_batch([src], out, workers=1, report=False)
    (src / "abstract_00.txt").unlink()
    (src / "abstract_01.txt").rename(src / "moved.txt")
    summary = run_batch([src], out, workers=1)
    assert summary.removed == 2 and summary.cached == 1 and summary.processed == 1
    rows = _manifest(out)
    assert rows["papers/abstract_00.txt"]["status"] == "removed"
    assert rows["papers/abstract_01.txt"]["status"] == "removed"
    assert rows["papers/moved.txt"]["status"] == "ok"
    assert set(_docs(out)) == {"abstract-02", "moved"}
    jsonl = {json.loads(line)["doc_id"] for line in (out / "assertions.jsonl").read_text().splitlines()}
    assert jsonl == {"abstract-02", "moved"}
    assert {p.stem for p in (out / "documents").glob("*.json")} == {"abstract-02", "moved"}
    assert {d["id"] for d in json.loads((out / "bioc.json").read_text())["documents"]} == {"abstract-02", "moved"}


def test_identity_symlinks_and_special_files_get_a_row(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 1)
    outside = tmp_path / "elsewhere"
    good_abstracts(outside, 2)
    (src / "linked.txt").symlink_to(outside / "abstract_01.txt")
    (src / "linked_dir").symlink_to(outside)
    (src / "inner.txt").symlink_to(src / "abstract_00.txt")
    (src / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(src / "fifo.txt")
    found = scan([src])
    assert [e.key for e in found.files] == ["papers/abstract_00.txt"]
    reasons = {e.key: e.problem for e in found.left_out}
    assert "outside the input folder" in reasons["papers/linked.txt"]
    assert "outside the input folder" in reasons["papers/linked_dir/"]
    assert "read under that name" in reasons["papers/inner.txt"]
    assert "broken symlink" in reasons["papers/broken.txt"]
    assert "FIFO" in reasons["papers/fifo.txt"]
    followed = scan([src], follow_symlinks=True)
    assert "papers/linked_dir/abstract_00.txt" in [e.key for e in followed.files]
    summary = run_batch([src], tmp_path / "out", workers=1, report=False)
    rows = _manifest(tmp_path / "out")
    assert rows["papers/linked.txt"]["status"] == "skipped" and rows["papers/fifo.txt"]["status"] == "error"
    assert summary.ok == 1 and summary.left_out == 5


def test_identity_unreadable_folder_gets_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 1)
    locked = src / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path) == locked:  # as chmod 000 does for anyone but root (the tests may run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = scan([src])
    assert [(e.key, e.status) for e in found.left_out] == [("papers/locked/", "error")]
    assert "Permission denied" in found.left_out[0].problem


def test_identity_lock_refuses_a_second_run(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    good_abstracts(src, 1)
    out = tmp_path / "out"
    out.mkdir()
    with run_lock(out), pytest.raises(RunLockedError, match="another evminer run is writing into this folder"):
        run_batch([src], out, workers=1)
    assert run_batch([src], out, workers=1, report=False).ok == 1  # released with its holder


def test_identity_cli_lock_message(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "a.txt").write_text("Exosomal miR-21 in MCF-7 cells.", encoding="utf-8")
    with run_lock(out):
        result = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(out)])
    assert result.exit_code == 2 and "another evminer run is writing" in result.output


def test_identity_nul_and_control_characters_in_every_sink(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    src.mkdir()
    text = "Exosomal miR-21 in resistance\n\nAbstract\n\n" + "Exosomes carry miR-21 to MCF-7 cells. " * 300
    text += "Exosomal miR-21 conferred\x00 resistance to doxorubicin\x1b[31m in MCF-7 cells.\n"
    (src / "nul.txt").write_bytes(text.encode())
    (src / "bad\nname\x1b[2J.txt").write_text("Exosomal miR-21 in MCF-7 cells.", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([src], out, workers=1, db_url=PG_URL)
    assert summary.error == 0, _manifest(out)
    rows = _manifest(out)
    assert "papers/bad\\nname\\x1b[2J.txt" in rows
    assert "read as spaces" in rows["papers/nul.txt"]["message"]
    for name in ("assertions.jsonl", "manifest.jsonl", "bioc.json", "report.html", "documents/nul.json"):
        data = (out / name).read_text(encoding="utf-8")
        assert "\x00" not in data and "\x1b" not in data and "\\u0000" not in data, name
    if PG_URL:
        with sa.create_engine(PG_URL).connect() as conn:
            n = conn.execute(sa.text("select count(*) from documents where doc_id = 'nul'")).scalar()
        assert n == 1


@pytest.mark.skipif(not PG_URL, reason="EVMINER_TEST_PG_URL not set (.ci/run starts PostgreSQL and sets it)")
def test_identity_postgresql_takes_nul_in_rows(tmp_path: Path) -> None:
    from pipeline.export import database as db

    engine = db.connect(PG_URL)
    row = {
        "path": "nul\x00.txt",
        "doc_id": "nul-row",
        "content_hash": "",
        "status": "error",
        "message": "a\x00b",
        "seconds": 0.0,
        "timings": "{}",
        "n_entities": 0,
        "n_assertions": 0,
        "processed_at": "now",
    }
    db.store(engine, "nul\x00.txt".replace("\x00", " "), "nul-row", {"files": [row]})
    with engine.connect() as conn:
        assert conn.execute(sa.text("select message from files where doc_id = 'nul-row'")).scalar() == "a b"


@pytest.mark.parametrize(("mb", "cap", "over"), [(8, 64, False), (80, 64, True)])
def test_identity_inflated_streams_counted_with_a_cap(mb: int, cap: int, over: bool) -> None:
    found = inflated_over(bomb_pdf(mb), cap << 20)
    assert (found is not None) is over


def test_identity_store_cleans_raw_rows_for_sqlite_too(tmp_path: Path) -> None:
    """store() cleans rows it is given raw (rows from document_rows come cleaned by the worker)."""
    from pipeline.export import database as db

    engine = db.connect(f"sqlite:///{tmp_path / 'run.sqlite'}")
    row = {"path": "x.txt", "doc_id": "x", "content_hash": "", "status": "error", "message": "a\x00b\x1bc"}
    db.store(engine, "x.txt", "x", {"files": [row]})
    with engine.connect() as conn:
        assert conn.execute(sa.text("select message from files where doc_id = 'x'")).scalar() == "a b c"
