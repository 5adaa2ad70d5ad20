"""Batch runs: exactly-once rows in every output, error rows for broken files, cache, change, kill and resume,
PostgreSQL and Dask."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from pipeline.api import load_run, process_file
from pipeline.batch import assign_doc_ids, discover, run_batch
from tests.conftest import CORPUS
from tests.gold.tables import FENG, SCHWARZENBACH

PG_URL = os.environ.get("EVMINER_TEST_PG_URL")


def _batch(tmp: Path) -> Path:
    """The corpus, a copy, a renamed copy in a subfolder, a changed copy and broken files."""
    src = tmp / "papers"
    (src / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / FENG, src / FENG)
    shutil.copy(CORPUS / SCHWARZENBACH, src / SCHWARZENBACH)
    shutil.copy(CORPUS / SCHWARZENBACH, src / "copy_of_review.txt")
    shutil.copy(CORPUS / FENG, src / "sub" / "renamed.md")
    changed = (CORPUS / SCHWARZENBACH).read_text(encoding="utf-8").replace("miR-770", "miR-771")
    (src / "changed.txt").write_text(changed, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (src / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    (src / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (src / "notes.docx").write_text("not a supported type: not discovered", encoding="utf-8")
    return src


GOOD = {
    "feng2022-ijms-sev-breast-cancer",
    "schwarzenbach2020-cdr-exosome-drug-resistance",
    "copy-of-review",
    "renamed",
    "changed",
}
BROKEN = {"empty", "binary", "broken"}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object]:
    tmp = tmp_path_factory.mktemp("batch")
    src = _batch(tmp)
    summary = run_batch([src], tmp / "out", workers=2, db_url=PG_URL)
    return src, tmp / "out", summary


def test_batch_discover_and_doc_ids(tmp_path: Path) -> None:
    src = _batch(tmp_path)
    files = discover([src])
    names = sorted(f.name for f in files)
    assert names == sorted(
        [
            FENG,
            SCHWARZENBACH,
            "copy_of_review.txt",
            "renamed.md",
            "changed.txt",
            "empty.txt",
            "binary.txt",
            "broken.pdf",
        ]
    )
    (src / "sub" / "empty.txt").write_bytes(b"")
    ids = assign_doc_ids(discover([src]))
    assert len(set(ids.values())) == len(ids)


def test_batch_every_good_document_once_everywhere(run) -> None:  # type: ignore[no-untyped-def]
    _src, out, summary = run
    assert summary.files == 8 and summary.error == 3 and summary.ok == 5 and summary.failed
    con = sqlite3.connect(out / "evminer.sqlite")
    docs = [r[0] for r in con.execute("select doc_id from documents")]
    assert sorted(docs) == sorted(GOOD)
    assert con.execute("select count(*) from assertions").fetchone()[0] == sum(
        1 for _ in (out / "assertions.jsonl").read_text().splitlines()
    )
    jsonl_docs = {json.loads(line)["doc_id"] for line in (out / "assertions.jsonl").read_text().splitlines()}
    assert jsonl_docs == GOOD
    ents = pd.read_parquet(out / "entities.parquet")
    assert set(ents["doc_id"]) == GOOD
    assert not ents.duplicated(["doc_id", "idx"]).any()
    asserts = pd.read_parquet(out / "assertions.parquet")
    assert set(asserts["doc_id"]) == GOOD and asserts["assertion_id"].is_unique
    assert sorted(p.stem for p in (out / "documents").glob("*.json")) == sorted(GOOD)
    bioc = json.loads((out / "bioc.json").read_text())
    assert sorted(d["id"] for d in bioc["documents"]) == sorted(GOOD)
    assert (out / "report.html").read_text().startswith("<!DOCTYPE html>")


def test_batch_broken_files_in_manifest_with_reason(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    errors = {r["doc_id"]: r["message"] for r in rows if r["status"] == "error"}
    assert set(errors) == BROKEN
    assert "the file is empty" in errors["empty"] and "empty.txt" in errors["empty"]
    assert "binary" in errors["binary"]
    assert "broken.pdf" in errors["broken"]
    assert all(r["timings"] is not None and r["processed_at"] for r in rows)


def test_batch_changed_copy_differs_and_copies_agree(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run
    data = load_run(out)
    names = data.entities.groupby("doc_id")["name"].apply(set)
    assert "miR-771" in names["changed"] and "miR-771" not in names["copy-of-review"]
    a = data.assertions
    count = a.groupby("doc_id").size()
    assert count["copy-of-review"] == count["schwarzenbach2020-cdr-exosome-drug-resistance"]


def test_batch_rerun_uses_cache_and_replaces_a_changed_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src, out, _ = run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    # the database remembers absolute paths of the sources: rerun on the same sources
    again = run_batch([src], work, workers=1)
    assert again.cached == 5 and again.processed == 3  # broken files are retried
    changed = src / "changed.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("miR-771", "miR-772"), encoding="utf-8")
    third = run_batch([src], work, workers=1)
    assert third.cached == 4
    data = load_run(work)
    names = set(data.entities[data.entities.doc_id == "changed"]["name"])
    assert "miR-772" in names and "miR-771" not in names
    assert data.documents.doc_id.is_unique and len(data.documents) == 5


@pytest.mark.skipif(not PG_URL, reason="EVMINER_TEST_PG_URL not set (.ci/run starts PostgreSQL and sets it)")
def test_batch_postgresql_has_the_same_rows(run) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run
    pg = sa.create_engine(PG_URL)
    lite = sa.create_engine(f"sqlite:///{out / 'evminer.sqlite'}")
    for table in ("documents", "references", "entities", "assertions", "assertion_entities", "files"):
        q = f'select count(*) from "{table}"'
        with pg.connect() as a, lite.connect() as b:
            assert a.execute(sa.text(q)).scalar() >= b.execute(sa.text(q)).scalar() > 0, table
    with pg.connect() as conn:
        docs = {r[0] for r in conn.execute(sa.text("select doc_id from documents"))}
    assert docs >= GOOD


def _rows(out: Path) -> dict[str, list]:
    con = sqlite3.connect(out / "evminer.sqlite")
    tables = {
        "documents": "doc_id",
        "entities": "doc_id, idx",
        "assertions": "assertion_id",
        "assertion_entities": "assertion_id, role, position",
        "references": "doc_id, number",
    }
    return {t: con.execute(f'select * from "{t}" order by {k}').fetchall() for t, k in tables.items()}


def _stable(out: Path) -> tuple:
    lines = sorted((out / "assertions.jsonl").read_text().splitlines())
    return lines, _rows(out)


@pytest.mark.slow
def test_batch_kill_and_resume_gives_identical_outputs(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    src.mkdir()
    for i in range(6):
        for name in (FENG, SCHWARZENBACH):
            shutil.copy(CORPUS / name, src / f"{i}_{name}")
    clean = tmp_path / "clean"
    run_batch([src], clean, workers=1, report=False)
    killed = tmp_path / "killed"
    cmd = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "run",
        str(src),
        "--out",
        str(killed),
        "--workers",
        "1",
        "--no-report",
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline:  # kill once a few documents are stored, mid-run
        db = killed / "evminer.sqlite"
        if db.exists():
            try:
                n = sqlite3.connect(db).execute("select count(*) from files").fetchone()[0]
            except sqlite3.Error:
                n = 0
            if n >= 3:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = sqlite3.connect(killed / "evminer.sqlite").execute("select count(*) from files").fetchone()[0]
    assert 3 <= partial < 12
    resumed = run_batch([src], killed, workers=1, report=False)
    assert resumed.cached == partial and resumed.processed == 12 - partial
    assert _stable(killed) == _stable(clean)
    assert not list((killed / "documents").glob(".*"))  # no half-written files left behind


@pytest.mark.slow
def test_batch_dask_gives_the_same_rows(tmp_path: Path) -> None:
    src = tmp_path / "papers"
    src.mkdir()
    for name in (FENG, SCHWARZENBACH):
        shutil.copy(CORPUS / name, src / name)
    local = run_batch([src], tmp_path / "local", workers=1, report=False)
    dask = run_batch([src], tmp_path / "dask", workers=2, engine="dask", report=False)
    assert local.ok == dask.ok == 2
    assert _stable(tmp_path / "local") == _stable(tmp_path / "dask")


def test_api_process_file() -> None:
    doc, assertions = process_file(CORPUS / SCHWARZENBACH)
    assert doc.entities and {a.provenance.source for a in assertions} == {"table", "text"}


def test_cli_run_exit_status(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import main

    (tmp_path / "a.txt").write_text("Exosomal miR-21 in MCF-7 cells.", encoding="utf-8")
    ok = CliRunner().invoke(main, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert ok.exit_code == 0, ok.output
    assert "1 ok" in ok.output
    (tmp_path / "b.txt").write_bytes(b"")
    bad = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "1"])
    assert bad.exit_code == 1 and "1 failed" in bad.output


def test_batch_pdf_engine_switch_reaches_the_workers_and_the_cache(tmp_path: Path) -> None:
    """`--pdf-engine`: a PDF read with the other engine is processed again (its results are another
    variant), a text file is taken from the cache; both engines give the same rows for the corpus PDF."""
    from click.testing import CliRunner

    from pipeline.cli import main

    src = tmp_path / "papers"
    src.mkdir()
    shutil.copy(
        Path(__file__).resolve().parents[1]
        / "fixtures"
        / "pdfs"
        / "corpus"
        / "schwarzenbach2020_cdr_exosome_drug_resistance.pdf",
        src / "s.pdf",
    )
    (src / "a.txt").write_text("Exosomal miR-21 in MCF-7 cells.", encoding="utf-8")
    out = tmp_path / "o"
    runs = {}
    for engine in ("pdfplumber", "pdfium", "pdfium"):
        result = CliRunner().invoke(
            main, ["run", str(src), "--out", str(out), "--workers", "1", "--no-report", "--pdf-engine", engine]
        )
        assert result.exit_code == 0, result.output
        runs.setdefault(engine, []).append(result.output)
        if engine == "pdfplumber":
            first = (out / "assertions.jsonl").read_text(encoding="utf-8")
    assert "2 processed, 0 cached" in runs["pdfplumber"][0]
    assert "1 processed, 1 cached" in runs["pdfium"][0]  # the PDF again, the text file from the cache
    assert "0 processed, 2 cached" in runs["pdfium"][1]
    assert (out / "assertions.jsonl").read_text(encoding="utf-8") == first


def test_batch_list_columns_are_lists(run) -> None:  # type: ignore[no-untyped-def]
    """Parquet list columns are Arrow lists, load_run gives Python lists, BioC XML sits beside BioC JSON."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    _, out, _ = run
    schema = pq.read_schema(out / "assertions.parquet")
    assert schema.field("cargo").type == pa.list_(pa.string())
    assert schema.field("refs").type == pa.list_(pa.int64())
    assert pq.read_schema(out / "entities.parquet").field("other_names").type == pa.list_(pa.string())
    data = load_run(out)
    row = data.assertions[data.assertions.source == "table"].iloc[0]
    assert (
        isinstance(row["cargo"], list)
        and isinstance(row["refs"], list)
        and all(isinstance(r, int) for r in row["refs"])
    )
    table = pq.read_table(out / "assertions.parquet").to_pylist()
    assert {tuple(r["cargo"]) for r in table} == {tuple(c) for c in data.assertions["cargo"]}
    assert isinstance(data.entities["other_names"].iloc[0], list)
    assert (out / "bioc.xml").read_bytes().startswith(b"<?xml")


def test_batch_report_index_and_document_pages(run) -> None:  # type: ignore[no-untyped-def]
    """report.html: a readable summary (no raw JSON, paths relative to the input folder), a link per document
    with tables; report/<doc_id>.html: its rows in numeric order, the roles marked in the evidence."""
    import re

    src, out, _ = run
    index = (out / "report.html").read_text()
    assert index.startswith("<!DOCTYPE html>") and "{" not in index.split("<body>", 1)[1].split("</p>", 1)[0]
    assert str(src) + "/" not in index.split("<h2>Files", 1)[1]
    links = re.findall(r"href='(report/[^']+\.html)'", index)
    assert links and all((out / link).exists() for link in links)
    page = (out / "report" / "schwarzenbach2020-cdr-exosome-drug-resistance.html").read_text()
    table2 = page.split("Table 2 (", 1)[1].split("</table>", 1)[0]
    rows = [int(x) for x in re.findall(r"<tr class='\w+'><td>(\d+)</td>", table2)]
    assert rows == sorted(rows) and len(rows) > 10
    assert "CARGO" in page and "run index" in page


def test_batch_sends_the_largest_files_first(tmp_path: Path) -> None:
    """A long paper started last keeps one worker busy while the others wait: files go out largest first."""
    src = tmp_path / "in"
    src.mkdir()
    sentence = "Exosomal miR-21 conferred cisplatin resistance in A549 cells. "
    for name, repeats in (("a_short.txt", 1), ("b_long.txt", 40), ("c_medium.txt", 8)):
        (src / name).write_text("Title\n\n" + sentence * repeats, encoding="utf-8")
    order: list[str] = []
    run_batch([src], tmp_path / "out", workers=1, report=False, progress=lambda r, s: order.append(r.path))
    assert [Path(k).name for k in order] == ["b_long.txt", "c_medium.txt", "a_short.txt"]


def _outputs_without_fragments(out: Path, copy: Path, table: str) -> None:
    """The run's outputs made again in ``copy`` as a run before the workers kept ``table``'s fragments makes
    them: from the documents and assertions."""
    from pipeline.export import database as db
    from pipeline.export.files import write_outputs

    shutil.copytree(out, copy)
    con = sqlite3.connect(copy / "evminer.sqlite")
    assert con.execute(f"select count(*) from {table}").fetchone()[0] == len(GOOD)
    con.execute(f"delete from {table}")
    con.commit()
    con.close()
    shutil.rmtree(copy / "report")
    write_outputs(db.connect(f"sqlite:///{copy / 'evminer.sqlite'}"), copy, {})


@pytest.mark.parametrize("table", ["bioc_documents", "report_documents"])
def test_batch_outputs_from_the_workers_fragments_equal_outputs_made_at_the_end(
    run, tmp_path: Path, table: str
) -> None:  # type: ignore[no-untyped-def]
    """Each worker keeps its document's BioC and what the report shows of it (cited references, evidence as
    HTML); the run's bioc.json/bioc.xml and report pages put together from those are the files made from the
    documents and assertions at the end (a run written before the fragments were kept)."""
    _, out, _ = run
    copy = tmp_path / "out"
    _outputs_without_fragments(out, copy, table)
    assert (copy / "bioc.json").read_bytes() == (out / "bioc.json").read_bytes()
    assert (copy / "bioc.xml").read_bytes() == (out / "bioc.xml").read_bytes()
    assert json.loads((out / "bioc.json").read_text())["documents"]
    pages = sorted(p.name for p in (out / "report").glob("*.html"))
    assert pages and pages == sorted(p.name for p in (copy / "report").glob("*.html"))
    for name in pages:
        assert (copy / "report" / name).read_bytes() == (out / "report" / name).read_bytes(), name
    assert "class='evidence'" in (out / "report" / pages[0]).read_text()


def test_batch_cache_key_follows_the_rules_and_lexicons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited rule file (or code, or lexicon) is another chain: its runs read every file again."""
    from pipeline.batch.worker import PIPELINE_VERSION, chain_version, content_hash

    (tmp_path / "patterns").mkdir()
    rules = tmp_path / "patterns" / "resistance.json"
    rules.write_text('{"rules": []}', encoding="utf-8")
    monkeypatch.setenv("EVMINER_MODELS", str(tmp_path))
    try:
        chain_version.cache_clear()
        before, key_before = chain_version(), content_hash(b"text")
        rules.write_text('{"rules": [{"name": "new"}]}', encoding="utf-8")
        chain_version.cache_clear()
        after, key_after = chain_version(), content_hash(b"text")
    finally:
        chain_version.cache_clear()
    assert before.startswith(PIPELINE_VERSION) and before != after and key_before != key_after
