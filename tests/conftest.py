from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest
from pipeline.models import Document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, Document]:
    """Both corpus reviews, parsed once per test session, keyed by file name."""
    return {p.name: ingest(p) for p in sorted(CORPUS.glob("*.txt")) if "attribution" not in p.name.lower()}
