"""One row schema for every sink, derived from the Assertion model: JSONL/TSV, the run database, Parquet."""

import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import create_engine, text

from pipeline.export.formats import assertions_tsv
from pipeline.export.schema import ASSERTION_COLUMNS, COLUMN_NAMES, CONCEPT_FIELDS, LIST_COLUMNS
from pipeline.models import Assertion, Concept, Provenance

ASSERTION = Assertion(
    relation="transfers_resistance",
    effect="confers_resistance",
    confidence=0.9,
    method="rules:up-resistance",
    cargo=[Concept(name="miR-21", id="MIMAT0000076", type="miRNA"), Concept(name="miR-155", type="miRNA")],
    drugs=[Concept(name="tamoxifen", id="DB00675", type="DRUG")],
    donor_cells=[Concept(name="MCF-7", id="CVCL_0031", type="CELL_LINE")],
    function="proliferation",
    refs=[12, 14],
    study_keys=["10.1000/x"],
    provenance=Provenance(doc_id="d1", source="text", page=2, start=10, end=90, evidence="Exosomal miR-21 ..."),
)


def test_every_field_of_the_model_is_a_column() -> None:
    fields = set(Assertion.model_fields) - {"provenance"}
    assert fields <= set(COLUMN_NAMES)
    assert set(Provenance.model_fields) <= set(COLUMN_NAMES)
    assert CONCEPT_FIELDS == ("cargo", "drugs", "target_genes", "target_cells", "donor_cells", "recipient_cells")
    assert {f"{c}_ids" for c in CONCEPT_FIELDS} <= set(COLUMN_NAMES)
    assert COLUMN_NAMES[:2] == ("doc_id", "source") and len(set(COLUMN_NAMES)) == len(COLUMN_NAMES)
    kinds = {c.name: c.kind for c in ASSERTION_COLUMNS}
    assert kinds["refs"] == "int_list" and kinds["confidence"] == "float" and kinds["row"] == "int"
    assert kinds["cargo"] == "text_list" and kinds["evidence"] == "text"


def test_row_values() -> None:
    row = ASSERTION.to_row()
    assert list(row) == list(COLUMN_NAMES)
    assert row["cargo"] == ["miR-21", "miR-155"] and row["cargo_ids"] == ["MIMAT0000076", None]
    assert row["cargo_type"] == ["miRNA", "miRNA"] and row["drugs_ids"] == ["DB00675"]
    assert row["confidence"] == 0.9 and row["method"] == "rules:up-resistance" and row["refs"] == [12, 14]
    assert row["doc_id"] == "d1" and row["page"] == 2 and row["table"] is None and row["target_genes"] == []


def test_tsv_header_and_cells_follow_the_schema() -> None:
    header, line = assertions_tsv([ASSERTION]).splitlines()
    assert tuple(header.split("\t")) == COLUMN_NAMES
    cells = dict(zip(COLUMN_NAMES, line.split("\t"), strict=True))
    assert cells["cargo"] == "miR-21; miR-155" and cells["cargo_ids"] == "MIMAT0000076; " and cells["method"]


def test_database_and_parquet_take_the_same_columns(tmp_path: Path) -> None:
    from pipeline.batch.worker import Result
    from pipeline.export import database as db
    from pipeline.export.files import write_parquet
    from pipeline.models import Document

    engine = db.connect(f"sqlite:///{tmp_path / 'run.sqlite'}")
    assert [c.name for c in db.assertions.columns] == ["assertion_id", *COLUMN_NAMES, "json"]
    doc = Document(doc_id="d1", source="d1.txt", format="text", text="Exosomal miR-21 ...")
    result = Result("d1.txt", "d1", "hash", "ok")
    db.store(engine, "d1.txt", "d1", db.document_rows(result, doc, [ASSERTION]))
    stored = next(db.iter_assertions(engine))
    assert stored == ASSERTION
    with engine.connect() as conn:
        row = conn.execute(text("SELECT cargo, confidence, method, cargo_ids FROM assertions")).one()
    assert json.loads(row.cargo) == ["miR-21", "miR-155"] and row.confidence == 0.9
    assert json.loads(row.cargo_ids) == ["MIMAT0000076", None] and row.method == "rules:up-resistance"
    write_parquet(engine, db.assertions, tmp_path / "a.parquet", exclude=("json",))
    schema = pq.read_schema(tmp_path / "a.parquet")
    assert schema.names == ["assertion_id", *COLUMN_NAMES]
    for name, kind in LIST_COLUMNS.items():
        assert schema.field(name).type == pa.list_(pa.int64() if kind == "int_list" else pa.string()), name
    assert pq.read_table(tmp_path / "a.parquet").to_pylist()[0]["cargo_ids"] == ["MIMAT0000076", None]


def test_a_database_of_an_older_schema_is_rebuilt_and_its_files_processed_again(tmp_path: Path) -> None:
    from pipeline.export import database as db

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    old = create_engine(url)
    with old.begin() as conn:  # the assertions table before confidence, method and the *_ids columns
        conn.execute(text("CREATE TABLE assertions (assertion_id VARCHAR(300) PRIMARY KEY, doc_id VARCHAR(255))"))
        conn.execute(text("INSERT INTO assertions VALUES ('d1:text:0', 'd1')"))
    old.dispose()
    db.connect(url)  # the files table did not exist: made
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO files (path, doc_id, content_hash, status) VALUES ('a.txt', 'a', 'h', 'ok')"))
        conn.execute(text("DROP TABLE assertions"))
        conn.execute(text("CREATE TABLE assertions (assertion_id VARCHAR(300) PRIMARY KEY, doc_id VARCHAR(255))"))
    engine = db.connect(url)
    with engine.connect() as conn:
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(assertions)"))]
        hashes = [r[0] for r in conn.execute(text("SELECT content_hash FROM files"))]
    assert columns == ["assertion_id", *COLUMN_NAMES, "json"]
    assert hashes == [None]  # not taken from the cache: processed again, its assertions stored again
    assert not db.cached(engine, "a.txt", "h")


def test_a_column_narrower_than_the_schema_is_rebuilt(tmp_path: Path) -> None:
    """A table whose identifier column was VARCHAR(64) (a gene family's ids are longer) is made again."""
    from pipeline.export import database as db

    url = f"sqlite:///{tmp_path / 'narrow.sqlite'}"
    engine = db.connect(url)
    with engine.begin() as conn:
        columns = [r[1] for r in conn.execute(text("PRAGMA table_info(entities)"))]
        conn.execute(text("DROP TABLE entities"))
        narrow = ", ".join(f'"{c}" VARCHAR(64)' if c == "identifier" else f'"{c}" TEXT' for c in columns)
        conn.execute(text(f"CREATE TABLE entities ({narrow})"))
    engine.dispose()
    engine = db.connect(url)
    with engine.connect() as conn:
        types = {r[1]: r[2] for r in conn.execute(text("PRAGMA table_info(entities)"))}
    assert types["identifier"] == "TEXT"


def test_the_database_module_does_not_import_the_worker() -> None:
    """The rows' schema lives with the sinks: the database sink imports nothing of the batch (no cycle with its worker)."""
    code = (
        "import sys, pipeline.export.database; print(sorted(m for m in sys.modules if m.startswith('pipeline.batch')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_parquet_columns_keep_their_types_whatever_the_first_chunk_holds(tmp_path: Path) -> None:
    """A chunk of rows whose page or long form is NULL throughout (text files, sorted before the PDFs) fixes no
    column type: integers stay int64 (not float for a NULL, not Arrow's null type), text stays string, and a later
    chunk with values is written (it raised 'Unsupported cast from string to null' before)."""
    from sqlalchemy import insert

    from pipeline.export import database as db
    from pipeline.export.files import write_parquet

    engine = db.connect(f"sqlite:///{tmp_path / 'run.sqlite'}")
    base = {"start": 0, "end": 6, "label": "MIRNA", "text": "miR-21", "name": "miR-21", "other_names": "[]"}
    with engine.begin() as conn:
        conn.execute(
            insert(db.entities),
            [
                {**base, "doc_id": "a.txt", "idx": 0, "sentence": None, "page": None, "long_form": None},
                {**base, "doc_id": "b.pdf", "idx": 0, "sentence": 2, "page": 3, "long_form": "microRNA-21"},
            ],
        )
    assert write_parquet(engine, db.entities, tmp_path / "e.parquet", chunk=1) == 2
    schema = pq.read_schema(tmp_path / "e.parquet")
    assert schema.field("page").type == pa.int64() and schema.field("sentence").type == pa.int64()
    assert schema.field("long_form").type == pa.string()
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [(r["page"], r["long_form"], r["other_names"]) for r in rows] == [(None, None, []), (3, "microRNA-21", [])]
