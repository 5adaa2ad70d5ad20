import json
import re
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.models import Document
from tests.conftest import CORPUS
from tests.gold.tables import SCHWARZENBACH


def test_cli_parse_json_round_trips() -> None:
    result = CliRunner().invoke(main, ["parse", str(CORPUS / SCHWARZENBACH), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = Document.model_validate_json(result.output)
    assert len(doc.references) == 140


def test_cli_parse_markdown() -> None:
    result = CliRunner().invoke(main, ["parse", str(CORPUS / SCHWARZENBACH), "--format", "md"])
    assert result.exit_code == 0
    assert result.output.startswith("# Predictive value of exosomes")
    assert "| miR-221/222 | p27, ERα | Tamoxifen | [44] |" in result.output


def test_cli_tables_jsonl_fields() -> None:
    result = CliRunner().invoke(main, ["tables", str(CORPUS / SCHWARZENBACH), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 12 + 15 + 4
    wei = next(r for r in rows if r["table"] == "Table 2" and r["refs"] == [44])
    assert wei["cargo"] == ["miR-221", "miR-222"] and wei["target_genes"] == ["CDKN1B", "ESR1"]
    assert wei["drugs"] == ["tamoxifen"] and wei["drugs_ids"] == ["DB00675"] and wei["source"] == "table"
    for key in (
        "doc_id",
        "relation",
        "effect",
        "cargo_type",
        "target_cells",
        "donor_cells",
        "recipient_cells",
        "function",
        "row",
        "page",
        "evidence",
        "start",
        "end",
        "cargo_ids",
    ):
        assert key in wei


def test_cli_tables_jsonl_is_the_committed_example() -> None:
    """outputs/example/ (which README points newcomers to) is what `evminer tables --format jsonl` writes today."""
    result = CliRunner().invoke(main, ["tables", str(CORPUS / SCHWARZENBACH), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    example = Path(__file__).resolve().parents[1] / "outputs" / "example" / "schwarzenbach2020_tables.jsonl"
    assert result.output == example.read_text(encoding="utf-8")


def test_cli_tables_tsv_header_and_rows() -> None:
    result = CliRunner().invoke(main, ["tables", str(CORPUS / SCHWARZENBACH), "--format", "tsv"])
    lines = result.output.splitlines()
    assert lines[0].startswith("doc_id\tsource\trelation")
    assert len(lines) == 1 + 31


def test_cli_bad_file_clear_error_and_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(empty), str(CORPUS / SCHWARZENBACH)])
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.output
    assert "Predictive value" in result.output  # the good file is still printed


def test_cli_pdf_engine_option_gives_the_same_document() -> None:
    pdf = Path(__file__).resolve().parent / "fixtures" / "pdfs" / "corpus" / "feng2022_ijms_sev_breast_cancer.pdf"
    docs = {}
    for engine in ("pdfium", "pdfplumber"):
        result = CliRunner().invoke(main, ["parse", str(pdf), "--no-entities", "--pdf-engine", engine])
        assert result.exit_code == 0, result.output
        docs[engine] = Document.model_validate_json(result.output)
    assert docs["pdfium"].text == docs["pdfplumber"].text
    bad = CliRunner().invoke(main, ["parse", str(pdf), "--pdf-engine", "ocr"])
    assert bad.exit_code == 2 and "ocr" in bad.output


def test_cli_compare_engines_on_a_pdf_and_a_bad_file(tmp_path: Path) -> None:
    pdf = Path(__file__).resolve().parent / "fixtures" / "pdfs" / "clinsci2014_ACE_Ndomain_inhibitors.pdf"
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = CliRunner().invoke(main, ["compare-engines", str(pdf), str(tmp_path / "bad.pdf")])
    assert result.exit_code == 1
    assert "13 pages" in result.output and re.search(
        r"sentences (\d+)/\1 identical \(100\.0%\); tables 5/5", result.output
    )
    assert "citations same; references same; metadata same" in result.output
    assert "bad.pdf" in result.output and "corrupt" in result.output
