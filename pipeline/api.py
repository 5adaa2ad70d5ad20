"""The Python API for notebooks: one file to a Document and Assertions; a run's outputs as pandas DataFrames.

>>> from pipeline.api import process_file, load_run
>>> doc, assertions = process_file("corpus/schwarzenbach2020_cdr_exosome_drug_resistance.txt")
>>> run = load_run("outputs/corpus")          # after `evminer run corpus/ --out outputs/corpus`
>>> run.assertions.query("relation == 'transfers_resistance' and source == 'text'")
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine

from pipeline.models import Assertion, Document


def process_file(path: str | Path, *, entities: bool = True) -> tuple[Document, list[Assertion]]:
    """Read one review and return its Document (with entities) and its assertions: the curated tables'
    (source="table") and the prose's (source="text")."""
    from pipeline.ingest import ingest
    from pipeline.recipe import Recipe

    return (Recipe() if entities else Recipe(annotator=None)).run(ingest(path))


@dataclass
class RunData:
    documents: pd.DataFrame
    references: pd.DataFrame
    entities: pd.DataFrame
    assertions: pd.DataFrame
    assertion_entities: pd.DataFrame
    manifest: pd.DataFrame


def load_run(out: str | Path) -> RunData:
    """The tables of a run's database (``OUT/evminer.sqlite``) as DataFrames; list columns (cargo, drugs,
    target_genes, ..., refs, study_keys; entities' other_names; documents' authors) hold Python lists."""
    path = Path(out) / "evminer.sqlite"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no run database here (run 'evminer run PATH --out {out}' first)")
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        frames = {
            t: pd.read_sql_table(t, conn)
            for t in ("documents", "references", "entities", "assertions", "assertion_entities", "files")
        }
    engine.dispose()
    from pipeline.export.files import LIST_COLUMNS

    for table, columns in LIST_COLUMNS.items():  # JSON lists in the database, Python lists here
        frame = frames[table]
        for column in columns:
            if column in frame:
                frame[column] = [json.loads(v) if isinstance(v, str) and v else [] for v in frame[column]]
    return RunData(
        frames["documents"],
        frames["references"],
        frames["entities"],
        frames["assertions"],
        frames["assertion_entities"],
        frames["files"],
    )
