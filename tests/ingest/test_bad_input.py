"""Bad input: a clear, typed error naming the file, or an empty-but-valid Document — never a traceback."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    EVminerError,
    IngestError,
    UnsupportedFormatError,
)
from pipeline.ingest import ingest, ingest_bytes, parse_text
from pipeline.models import Document


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("empty.txt", b"", EmptyInputError),
        ("blank.txt", b"  \n\n \t\n", EmptyInputError),
        ("binary.txt", bytes(range(256)) * 4, BinaryInputError),
        ("zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), BinaryInputError),
        ("image.md", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 8)) * 50, BinaryInputError),
        ("bad-utf16.txt", b"\xff\xfe\x00\xd8", EncodingError),
        ("paper.docx", b"hello", UnsupportedFormatError),
    ],
)
def test_bad_input_typed_error_names_file(tmp_path: Path, name: str, data: bytes, error: type[Exception]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as info:
        ingest(path)
    assert str(path) in str(info.value)
    assert isinstance(info.value, EVminerError)


def test_bad_input_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        ingest(tmp_path / "nope.txt")


def test_bad_input_directory(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IngestError, match="directory"):
        ingest(tmp_path / "dir.txt")


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "# Exosomes in café research\n\n## 1. Introduction\n\nMiR-21 in Köln cells [1].\n\n## References\n\n1. Müller A. Title. *Cell* 2020;1:1.\n".encode(
            "latin-1"
        )
    )
    doc = ingest(path)
    assert doc.warnings and "Latin-1" in doc.warnings[0]
    assert "Köln" in doc.text and doc.metadata.title == "Exosomes in café research"
    assert doc.references[0].first_author == "Müller"


def test_no_tables_no_references_gives_valid_document(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Exosomes carry miR-21.\n\nThey transfer resistance to docetaxel.\n", encoding="utf-8")
    doc = ingest(path)
    assert doc.tables == [] and doc.references == [] and doc.citations == []
    assert [doc.span_text(s) for s in doc.sentences] == [
        "Exosomes carry miR-21.",
        "They transfer resistance to docetaxel.",
    ]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Exosomes carry miR-21.\n".encode("utf-16"))
    assert "miR-21" in ingest(path).text


_FRAGMENTS = st.sampled_from(
    [
        "# Title\n",
        "## 1. Introduction\n",
        "### 2.1. Sub\n",
        "INTRODUCTION\n",
        "**Abstract:** Text here.\n",
        "**Table 1.** Caption.\n",
        "**Table 1.** Cont.\n",
        "Table 2. Plain caption\n",
        "a\tb\tc\n",
        "\tx\ty\n",
        "miR-21\tp27, ER α\tTamoxifen\t[44]\n",
        "A: b; C: d\n",
        "**Figure 1.** Legend. X: y.\n",
        "## References\n",
        "1. Smith J. Title. *Cell* 2020;1:1.\n",
        "2. Doe, A.; Roe, B. T. *J. X.* **2021**, *1*, 2.\n",
        "Text [1,2]. More^[3-5] text.\n",
        "$\\alpha$ and $\\text{Ca}^{2+}$ and NF- κ B\n",
        "<sup>+</sup>\n",
        "Lv *et al.*^[95]\n",
        "also investigated.\n",
        "tumorigene-\n",
        "sis. Done.\n",
        "\n",
        "\n\n",
        " \n",
        "© 2020 licence\n",
        "[[CrossRef](#)]\n",
        "Keywords: a, b\n",
        "[",
        "]",
        "$",
        "*",
        "**",
        "<sup>",
        "^[",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=30))
def test_random_markdown_never_crashes(parts: list[str]) -> None:
    text = "".join(parts)
    doc = parse_text(text, doc_id="x", source="hypothesis")
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    for span in [*doc.paragraphs, *doc.sentences, *doc.sections]:
        assert 0 <= span.start <= span.end <= len(doc.text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_document_or_typed_error(data: bytes) -> None:
    try:
        doc = ingest_bytes(data, source="random.txt", suffix=".txt", doc_id="r")
    except IngestError:
        return
    assert isinstance(doc, Document)
