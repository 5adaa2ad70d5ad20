"""The pdfium character source (issue 7) against the pdfplumber-only path: the same Document from both, on the
corpus PDFs and on the real journal PDFs."""

import re
from functools import cache
from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline.errors import EmptyInputError, EncryptedPDFError, PDFError, ScannedPDFError
from pipeline.ingest.pdf import parse_pdf, pdf_to_blocks
from pipeline.ingest.pdf_words import group_words
from pipeline.models import Document

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdfs"
CORPUS = sorted((PDFS / "corpus").glob("*.pdf"))
REAL = sorted(PDFS.glob("*.pdf"))


@cache
def _both(path: Path) -> tuple[Document, Document]:
    data = path.read_bytes()
    return (
        parse_pdf(data, doc_id="d", source=path.name, engine="pdfplumber"),
        parse_pdf(data, doc_id="d", source=path.name, engine="pdfium"),
    )


def _sentences(doc: Document) -> list[str]:
    return [re.sub(r"\s+", " ", doc.span_text(s)).strip() for s in doc.sentences]


def _tables(doc: Document) -> list[tuple]:
    return [(t.label, t.caption, t.header, t.rows) for t in doc.tables]


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_pdfium_engine_gives_the_same_document_on_the_corpus_pdfs(path: Path) -> None:
    plumber, pdfium = _both(path)
    assert _tables(pdfium) == _tables(plumber)
    assert _sentences(pdfium) == _sentences(plumber)
    assert [(c.start, c.refs) for c in pdfium.citations] == [(c.start, c.refs) for c in plumber.citations]
    assert [r.raw for r in pdfium.references] == [r.raw for r in plumber.references]
    assert pdfium.metadata.title == plumber.metadata.title and pdfium.metadata.doi == plumber.metadata.doi


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_pdfium_engine_sentences_citations_references_on_real_pdfs(path: Path) -> None:
    """Four journals' typesetting (Times with overhanging "f", ligatures, symbol fonts, letter-spaced
    headings, /Rotate 90 pages, superscript citation ranges): at least 99.5% of sentences identical (all of
    them when this was written), the same citation spans and references, title and DOI."""
    plumber, pdfium = _both(path)
    ours, theirs = _sentences(pdfium), _sentences(plumber)
    same = sum(s in set(ours) for s in theirs)
    assert same >= 0.995 * len(theirs) and abs(len(ours) - len(theirs)) <= 0.005 * len(theirs) + 1
    assert [(c.start, c.refs) for c in pdfium.citations] == [(c.start, c.refs) for c in plumber.citations]
    assert [r.raw for r in pdfium.references] == [r.raw for r in plumber.references]
    assert pdfium.metadata.title == plumber.metadata.title and pdfium.metadata.doi == plumber.metadata.doi


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.stem)
def test_pdfium_engine_tables_cell_by_cell_on_real_pdfs(path: Path) -> None:
    """Identical, but for the bullets of bmchsr2014's Table 2: pdfium reads them ("•", as printed), pdfminer
    has no Unicode for that glyph and drops it."""
    plumber, pdfium = _both(path)
    ours = [
        (label, caption, header, [[re.sub(r"(^|\s)• ?", r"\1", c) for c in row] for row in rows])
        for label, caption, header, rows in _tables(pdfium)
    ]
    assert ours == _tables(plumber)


def test_pdfium_reads_the_bullets_pdfminer_cannot() -> None:
    plumber, pdfium = _both(PDFS / "bmchsr2014_quality_improvement_barriers.pdf")
    cells = [c for t in pdfium.tables for row in t.rows for c in row]
    assert any("as • ‘very good’ (1 view) • ‘good’ (2 views)" in c for c in cells)
    assert not any("•" in c for t in plumber.tables for row in t.rows for c in row)


def _encrypted() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Exosomal miR-21.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    return bytes(pdf.output())


def _image_only() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (b"", EmptyInputError, "empty"),
        (b"<html>not a pdf</html>", PDFError, "not a PDF"),
        (b"%PDF-1.4\n%%EOF", PDFError, "corrupt"),
        ((PDFS / "clinsci2014_ACE_Ndomain_inhibitors.pdf").read_bytes()[:4000], PDFError, "corrupt"),
        (_encrypted(), EncryptedPDFError, "password"),
        (_image_only(), ScannedPDFError, "scanned"),
    ],
    ids=["empty", "html", "no-objects", "truncated", "encrypted", "image-only"],
)
def test_bad_pdfs_give_the_same_typed_errors_on_both_engines(data: bytes, error: type[Exception], message: str) -> None:
    for engine in ("pdfplumber", "pdfium"):
        with pytest.raises(error, match=rf"bad\.pdf.*{message}"):
            parse_pdf(data, doc_id="bad", source="bad.pdf", engine=engine)


def test_unknown_pdf_engine_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        parse_pdf(b"%PDF-1.4", doc_id="x", source="x.pdf", engine="ocr")


def _char(text: str, x0: float, x1: float, size: float = 10.0, font: str = "Times", bottom: float = 100.0) -> tuple:
    return (text, x0, x1, bottom - size, bottom, size, font, 0)


@pytest.mark.parametrize(
    ("chars", "words"),
    [
        ([_char("o", 0, 5), _char("f", 5, 8.3), _char("t", 9.6, 12.4)], ["of", "t"]),  # gap 1.3 > 0.12 x 10
        ([_char("o", 0, 5), _char("f", 5, 8.3), _char("t", 9.0, 12.0)], ["oft"]),  # 0.7: kerning, not a space
        ([_char("fi", 0, 5.6), _char("n", 5.6, 10.6)], ["fin"]),  # a ligature, spelt out
        ([_char("a", 0, 5), _char("b", 5, 10, font="Times-Bold")], ["a", "b"]),  # a font change
        ([_char("x", 0, 5), _char("2", 5, 8, size=6.0, bottom=96.0)], ["x", "2"]),  # a raised, smaller number
        ([_char("a", 50, 55), _char("b", 10, 15)], ["a", "b"]),  # going back: the next line
        ([_char("a", 0, 5), _char("b", 5, 10, bottom=112.0)], ["a", "b"]),  # another baseline
        ([("x", 0, 5, 90, 100, 10.0, "Times", 1)], []),  # turned text is read by RotatedView, not here
    ],
)
def test_words_from_characters(chars: list[tuple], words: list[str]) -> None:
    assert [w["text"] for w in group_words(chars)] == words


@pytest.mark.parametrize(
    ("chars", "words"),
    [
        # TeX's "\\`e": the accent glyph drawn over the letter, before it (pdfminer) or after the word (pdfium)
        ([_char("Vall", 0, 15), _char("`", 15.5, 18), _char("e", 15, 19.5), _char("s", 19.5, 23)], ["Vallès"]),
        (
            [
                _char("Vall", 0, 15),
                _char("e", 15, 19.5),
                _char("s", 19.5, 23),
                _char("x", 30, 35),
                _char("`", 15.5, 18),
            ],
            ["Vallès", "x"],
        ),
        ([_char("(", 0, 3), _char("A", 3, 10), _char(")", 10, 13), _char("˚", 5, 8, bottom=97)], ["(Å)"]),
        ([_char("~", 0, 5), _char("5", 5, 10), _char("0", 10, 15)], ["~50"]),  # approximately: a glyph of its own
        ([_char("37", 0, 10), _char("°", 12, 16), _char("C", 16, 22)], ["37", "°C"]),
    ],
)
def test_accent_glyphs_join_their_letter(chars: list[tuple], words: list[str]) -> None:
    assert [w["text"] for w in group_words(chars)] == words


def _spaced(text: str, start: float, letter_gap: float, word_gap: float, advance: float = 7.0) -> list[tuple]:
    chars, x = [], start
    for ch in text:
        if ch == " ":
            x += word_gap
            continue
        chars.append(_char(ch, x, x + advance))
        x += advance + letter_gap
    return chars


@pytest.mark.parametrize(
    ("chars", "words"),
    [
        (_spaced("RESEARCH ARTICLE", 0, 1.6, 3.0), ["RESEARCH", "ARTICLE"]),  # tracked capitals: 0.16 em
        (_spaced("ABCD", 0, 20.0, 0), ["A", "B", "C", "D"]),  # one-letter table columns: not letter spacing
        (_spaced("a b", 0, 0, 3.0), ["a", "b"]),  # too short a run to tell
    ],
)
def test_letter_spaced_text_reads_as_words(chars: list[tuple], words: list[str]) -> None:
    assert [w["text"] for w in group_words(chars)] == words


def _typeset() -> bytes:
    """Superscripts and subscripts set with text rise (Ts), stretched (Tz) and letter-spaced (Tc) text."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_y(60)
    pdf.set_stretching(80)
    pdf.multi_cell(150, 6, "Stretched text: exosomes transfer resistance to tamoxifen.")
    pdf.set_stretching(100)
    pdf.set_char_spacing(1.5)
    pdf.multi_cell(150, 6, "Letter spaced text: vesicles carry cargo.")
    pdf.set_char_spacing(0)
    pdf.write(6, "Exosomal miR-222 transfers resistance")
    pdf.char_vpos = "SUP"
    pdf.write(6, "12")
    pdf.char_vpos = "LINE"
    pdf.write(6, " to tamoxifen in MCF-7 cells. CO")
    pdf.char_vpos = "SUB"
    pdf.write(6, "2")
    pdf.char_vpos = "LINE"
    pdf.write(6, " levels rose.")
    return bytes(pdf.output())


@pytest.mark.parametrize("engine", ["pdfplumber", "pdfium"])
def test_text_rise_stretching_and_letter_spacing(engine: str) -> None:
    blocks, _, _ = pdf_to_blocks(_typeset(), "t.pdf", engine)
    assert " ".join(text for _, text in blocks) == (
        "Stretched text: exosomes transfer resistance to tamoxifen. Letter spaced text: vesicles carry cargo. "
        "Exosomal miR-222 transfers resistance^[12] to tamoxifen in MCF-7 cells. CO2 levels rose."
    )


def _word_at(text: str, x0: float, x1: float, size: float = 10.0, bottom: float = 100.0) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": bottom - size, "bottom": bottom, "size": size}


def test_a_raised_citation_range_is_one_marker() -> None:
    from pipeline.ingest.pdf_words import join_words

    words = [
        _word_at("pursued", 0, 30),
        _word_at("9", 30.2, 33, 6.0, 96.0),
        _word_at("–", 33, 36, 6.0, 96.0),
        _word_at("12", 36, 41, 6.0, 96.0),
        _word_at(",", 41.2, 43),
        _word_at("Sipuleucel-T", 45, 90),
    ]
    assert join_words(words, 10.0) == "pursued^[9–12], Sipuleucel-T"


def test_pdfium_engine_from_several_threads_gives_the_same_documents() -> None:
    """pdfium is not thread-safe; the reader takes one PDF at a time per process, so threads are safe."""
    from concurrent.futures import ThreadPoolExecutor

    files = REAL[:2]
    expected = {f: parse_pdf(f.read_bytes(), doc_id="d", source=f.name).text for f in files}
    with ThreadPoolExecutor(4) as pool:
        texts = list(pool.map(lambda f: (f, parse_pdf(f.read_bytes(), doc_id="d", source=f.name).text), files * 2))
    assert all(expected[f] == text for f, text in texts)


def _turned_page(angle: int, rotate: int) -> bytes:
    """Text drawn turned by ``angle`` degrees on a page shown turned by ``rotate`` (/Rotate)."""
    import io

    import pypdfium2

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    with pdf.rotation(angle, x=105, y=148):
        pdf.set_xy(40, 120)
        pdf.multi_cell(130, 6, "Exosomal miR-21 confers resistance to docetaxel in MCF-7 cells. " * 4)
    document = pypdfium2.PdfDocument(bytes(pdf.output()))
    document[0].set_rotation(rotate)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("angle", "rotate"), [(90, 90), (-90, 270), (180, 180)])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pages_shown_turned_read_as_shown(angle: int, rotate: int, engine: str) -> None:
    """A landscape page drawn turned and shown upright through /Rotate (90, 180, 270) reads upright."""
    blocks, _, _ = pdf_to_blocks(_turned_page(angle, rotate), "t.pdf", engine)
    assert blocks[0][1].startswith("Exosomal miR-21 confers resistance to docetaxel in MCF-7 cells. Exosomal")


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_text_shown_sideways_is_a_clear_error_not_a_scan(engine: str) -> None:
    with pytest.raises(PDFError, match=r"t\.pdf.*sideways"):
        pdf_to_blocks(_turned_page(90, 270), "t.pdf", engine)
