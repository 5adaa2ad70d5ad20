"""A batch over a PubMed file: one task (and one manifest row) per citation, cached per citation; a file that
turns bad midway keeps the citations before it and gets an error row of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from tests.ingest.test_xml_readers import SAMPLES, _pubmed_set

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/xml not present")


def test_batch_pubmed_file_one_document_per_citation(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "set.xml").write_bytes(_pubmed_set(4))
    out = tmp_path / "out"
    told: list[int] = []
    summary = run_batch([src], out, workers=1, report=False, on_tasks=told.append)
    assert summary.files == 1 and summary.processed == 4 and summary.ok == 4 and sum(told) == 4
    rows = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(r["doc_id"] for r in rows) == [f"pmid-{1000 + i}" for i in range(4)]
    assert all(r["path"].startswith("src/set.xml#pmid-") for r in rows)  # relative to the input folder's parent
    again = run_batch([src], out, workers=1, report=False)
    assert again.cached == 4 and again.processed == 0
    (src / "set.xml").write_bytes(_pubmed_set(5))  # one more citation: only it is read
    third = run_batch([src], out, workers=1, report=False)
    assert third.cached == 4 and third.processed == 1 and third.ok == 5


def test_batch_pubmed_file_turning_bad(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    good = _pubmed_set(2).decode()
    (src / "bad.xml").write_text(good.replace("</PubmedArticleSet>", "<PubmedArticle><oops></PubmedArticleSet>"))
    summary = run_batch([src], tmp_path / "out", workers=1, report=False)
    rows = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").read_text().splitlines()]
    errors = [r for r in rows if r["status"] == "error"]
    assert summary.error == 1 and errors[0]["path"] == "src/bad.xml" and "not well-formed" in errors[0]["message"]
