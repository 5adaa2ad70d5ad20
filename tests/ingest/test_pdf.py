"""PDF ingestion: typed errors for bad PDFs; title, DOI, reading order and pages on real journal PDFs."""

from functools import cache
from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline.errors import EmptyInputError, EncryptedPDFError, EVminerError, PDFError, ScannedPDFError
from pipeline.ingest import ingest, ingest_bytes
from pipeline.ingest.pdf import own_doi
from tests.pdf_objects import assemble_pdf

PDFS = Path(__file__).resolve().parents[1] / "fixtures" / "pdfs"


@cache
def _real(name: str):  # type: ignore[no-untyped-def]
    return ingest(PDFS / name)


def _pdf(pages: int = 1, text: str = "Exosomal miR-21 confers resistance to docetaxel in MCF-7 cells.") -> FPDF:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for i in range(pages):
        pdf.add_page()
        pdf.set_y(60)  # below the running-header band
        pdf.multi_cell(0, 6, f"{text} Page {i + 1}.")
    return pdf


def test_pdf_zero_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"")
    with pytest.raises(EmptyInputError, match=r"a\.pdf"):
        ingest(tmp_path / "a.pdf")


def test_pdf_not_a_pdf(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_text("<html>not a pdf</html>")
    with pytest.raises(PDFError, match="not a PDF"):
        ingest(tmp_path / "a.pdf")


def test_pdf_truncated(tmp_path: Path) -> None:
    data = (PDFS / "clinsci2014_ACE_Ndomain_inhibitors.pdf").read_bytes()[:4000]
    with pytest.raises(PDFError) as info:
        ingest_bytes(data, source="cut.pdf", suffix=".pdf", doc_id="cut")
    assert "cut.pdf" in str(info.value)


def test_pdf_encrypted() -> None:
    pdf = _pdf()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    with pytest.raises(EncryptedPDFError, match="password"):
        ingest_bytes(bytes(pdf.output()), source="locked.pdf", suffix=".pdf", doc_id="locked")


def test_pdf_image_only_is_scanned() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 100, 60, style="F")
    with pytest.raises(ScannedPDFError, match="scanned"):
        ingest_bytes(bytes(pdf.output()), source="scan.pdf", suffix=".pdf", doc_id="scan")


def test_pdf_long_document_pages_assigned() -> None:
    doc = ingest_bytes(bytes(_pdf(pages=60).output()), source="long.pdf", suffix=".pdf", doc_id="long")
    assert doc.format == "pdf"
    pages = {s.page for s in doc.sentences}
    assert len(pages) >= 55 and max(pages) == 60


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%%EOF", b"%PDF-" + bytes(range(256)) * 20])
def test_pdf_garbage_gives_a_typed_error(data: bytes) -> None:
    with pytest.raises(EVminerError):
        ingest_bytes(data, source="g.pdf", suffix=".pdf", doc_id="g")


@pytest.mark.parametrize(
    ("name", "title", "doi"),
    [
        (
            "clinsci2014_ACE_Ndomain_inhibitors.pdf",
            "Fragment-based design for the development of N-domain-selective angiotensin-1-converting enzyme "
            "inhibitors",
            "10.1042/CS20130403",
        ),
        (
            "emm2023_EPRS1_review_rotated_table.pdf",
            "Phosphocode-dependent glutamyl-prolyl-tRNA synthetase 1 signaling in immunity, metabolism, and disease",
            "10.1038/s12276-023-01094-x",
        ),
        (
            "natcommun2023_DC_vaccine_antitumor.pdf",
            "Metabolic glycan labeling immobilizes dendritic cell membrane and enhances antitumor efficacy of "
            "dendritic cell vaccine",
            "10.1038/s41467-023-40886-7",
        ),
        (
            "bmchsr2014_quality_improvement_barriers.pdf",
            "Understanding the barriers to setting up a healthcare quality improvement process in resource-limited "
            "settings: a situational analysis at the Medical Department of Kamuzu Central Hospital in Lilongwe, "
            "Malawi",
            "10.1186/1472-6963-14-1",  # printed only on its last page ("doi:10.1186/1472-6963-14-1 Cite this ...")
        ),
    ],
)
def test_pdf_real_titles_and_dois(name: str, title: str, doi: str | None) -> None:
    doc = _real(name)
    assert doc.metadata.title == title
    assert doc.metadata.doi == doi
    assert doc.sentences and all(s.page for s in doc.sentences)


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (
            "emm2023_EPRS1_review_rotated_table.pdf",
            "It is tempting to ask whether similar to EPRS1, these candidate proteins can confer metabolic and "
            "lifespan benefits to S6K1-deficient mice.",
        ),
        (
            "emm2023_EPRS1_review_rotated_table.pdf",
            "The Linker functions as a noncanonical functional constituent of EPRS1.",
        ),
        (
            "natcommun2023_DC_vaccine_antitumor.pdf",
            "FACS assay was performed to analyze the proliferation index of OT-1 cells.",
        ),
        (
            "natcommun2023_DC_vaccine_antitumor.pdf",
            "For DC activation analysis, cells were stained with fluorophore-conjugated anti-CD86 and anti-MHCII prior "
            "to FACS analysis.",
        ),
    ],
)
def test_pdf_reading_order_keeps_columns_apart(name: str, sentence: str) -> None:
    doc = _real(name)
    assert sentence in [doc.span_text(s) for s in doc.sentences]


def test_pdf_table_captions_found() -> None:
    doc = _real("clinsci2014_ACE_Ndomain_inhibitors.pdf")
    assert "Table 1" in [t.label for t in doc.tables]
    table = doc.table("Table 1")
    assert table.caption.startswith("A summary of relevant ACE substrates and inhibitors")
    assert table.pages == [2]


@pytest.mark.parametrize(
    ("name", "at_least"),
    [("emm2023_EPRS1_review_rotated_table.pdf", 100), ("bmchsr2014_quality_improvement_barriers.pdf", 30)],
)
def test_pdf_reference_list_parsed(name: str, at_least: int) -> None:
    doc = _real(name)
    numbers = [r.number for r in doc.references]
    assert len(numbers) >= at_least and numbers[:3] == [1, 2, 3]
    assert all(doc.reference(n) for c in doc.citations for n in c.refs)


def test_pdf_column_wide_ruled_table_read_cell_by_cell() -> None:
    table = _real("bmchsr2014_quality_improvement_barriers.pdf").table("Table 1")
    assert table.caption == "Patient-provider relationship during consultation"
    assert table.header == ["Item", "Yes (%)", "No (%)", "Respondents"]
    assert table.rows[:2] == [["Privacy given", "99", "1", "97"], ["Health conditions told", "88.7", "11.3", "97"]]


def test_pdf_caption_inside_the_rules_is_the_caption() -> None:
    table = _real("clinsci2014_ACE_Ndomain_inhibitors.pdf").table("Table 1")
    assert table.header[:3] == ["Domain contribution", "Substrate", "Biological action of substrate"]


def test_pdf_table_on_a_turned_page_is_read() -> None:
    """emm2023 prints Table 1 turned by 90° (text read bottom to top) beside the upright reference list."""
    doc = _real("emm2023_EPRS1_review_rotated_table.pdf")
    table = doc.table("Table 1")
    assert table.caption.startswith("Phosphocodes, interactors, and functions of EPRS1")
    assert table.header[:3] == ["Stimulus", "Functional domain", "Phosphorylation site"]
    assert table.header[-1] == "Refs." and table.pages == [9]
    assert len(doc.references) >= 100


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("clinsci2014_ACE_Ndomain_inhibitors.pdf", ["Table 1", "Table 2", "Table 3", "Table 4", "Table 5"]),
        ("emm2023_EPRS1_review_rotated_table.pdf", ["Table 1"]),
        ("bmchsr2014_quality_improvement_barriers.pdf", ["Table 1", "Table 2"]),  # Table 2 "(Continued)" merged
        ("natcommun2023_DC_vaccine_antitumor.pdf", []),  # figure legends only: none is a table
    ],
)
def test_pdf_every_ruled_captioned_table_found_with_rows(name: str, labels: list[str]) -> None:
    doc = _real(name)
    assert [t.label for t in doc.tables] == labels
    for table in doc.tables:
        assert table.caption and table.rows and table.pages
    if name.startswith("bmchsr"):  # the part printed on the next page is in the table
        assert any(cell.startswith("4.3 Treatment protocols") for row in doc.table("Table 2").rows for cell in row)


@pytest.mark.parametrize(
    ("name", "authors"),
    [
        (
            "bmchsr2014_quality_improvement_barriers.pdf",
            [
                "Josephine Nana Afrakoma Agyeman-Duah",
                "Antje Theurer",
                "Charles Munthali",
                "Noor Alide",
                "Florian Neuhann",
            ],
        ),
        (
            "clinsci2014_ACE_Ndomain_inhibitors.pdf",
            [
                "Ross G. DOUGLAS",
                "Rajni K. SHARMA",
                "Geoffrey MASUYER",
                "Lizelle LUBBE",
                "Ismael ZAMORA",
                "K. Ravi ACHARYA",
                "Kelly CHIBALE",
                "Edward D. STURROCK",
            ],
        ),
        # a mail icon and a copyright line beside the names; a "Received:" date in the margin before them
        ("emm2023_EPRS1_review_rotated_table.pdf", ["Eun-Young Lee", "Jungwon Hwang", "Myung Hee Kim"]),
        (
            "natcommun2023_DC_vaccine_antitumor.pdf",
            ["Joonsu Han", "Rimsha Bhatta", "Yusheng Liu", "Yang Bo", "Alberto Elosegui-Artola", "Hua Wang"],
        ),
    ],
)
def test_pdf_authors_with_affiliation_marks_raised(name: str, authors: list[str]) -> None:
    """Affiliation marks printed above the author line are superscripts of it, not lines of their own."""
    assert _real(name).metadata.authors == authors


def test_pdf_journal_and_year_from_the_papers_own_citation_line() -> None:
    meta = _real("emm2023_EPRS1_review_rotated_table.pdf").metadata
    assert (meta.journal, meta.year) == ("Experimental & Molecular Medicine", 2023)


def test_pdf_raised_residue_number_is_not_a_citation() -> None:
    doc = _real("emm2023_EPRS1_review_rotated_table.pdf")
    assert "cleavage site, 926DQVD" in doc.text  # the raised residue number kept as text
    assert all(doc.reference(n) for c in doc.citations for n in c.refs)


@pytest.mark.parametrize(
    ("path", "pages"),
    [
        ("corpus/feng2022_ijms_sev_breast_cancer.pdf", {"Table 1": [4, 5], "Table 2": [10], "Table 3": [11]}),
        ("bmchsr2014_quality_improvement_barriers.pdf", {"Table 1": [4], "Table 2": [5, 6]}),
    ],
)
def test_pdf_a_continued_table_lists_every_page_it_is_printed_on(path: str, pages: dict[str, list[int]]) -> None:
    doc = ingest(PDFS / path)
    assert {t.label: t.pages for t in doc.tables} == pages


def test_pdf_table_rules_that_leave_out_the_first_column_still_delimit_rows() -> None:
    """bmchsr2014 Table 2: full-width rules over and under the header, then rules between row groups that
    start after the first column (its cells span several lines): one row per respondent group."""
    rows = _real("bmchsr2014_quality_improvement_barriers.pdf").table("Table 2").rows
    assert [row[0] for row in rows[:3]] == [
        "1. Affiliate respondents (n = 5)",
        "2. Patient respondents (n = 4)",
        "3. Staff respondents (n = 4)",
    ]
    assert rows[1][1].startswith("In-patients described their overall satisfaction of the care they receive as")
    assert rows[0][3].endswith("(Additional file 1: Appendix 1, Section 1.3)")


def _page_with_a_heading() -> FPDF:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_y(20)
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 6, "1. Introduction", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    return pdf


def _caption_and_table(pdf: FPDF, rows: list[list[str]], widths: tuple[int, ...], layout: str) -> None:
    """A "Table 1." caption in bold and the rows as fpdf2 sets a table in the border style ``layout``."""
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, "Table 1. Exosomal cargo and the resistance it transfers.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8)
    with pdf.table(col_widths=widths, text_align="LEFT", borders_layout=layout, line_height=4.5) as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(cell)


TABLE_ROWS = [
    ["Cargo", "Target", "Resistance", "Donor cells", "Ref."],
    ["miR-221/222", "p27, ERa", "Tamoxifen", "MCF-7/TamR breast cancer cells", "[44]"],
    ["miR-100", "mTOR", "Docetaxel", "MCF-7/Doc cells", "[45]"],
    ["lncRNA H19", "ABCB1", "Doxorubicin", "MCF-7/ADR cells", "[46]"],
]
GRID_ROWS = [
    ["Cargo", "Target", "Resistance", "Donor cells", "Ref."],
    ["miR-221/222", "p27, ERa and cell-cycle genes", "Tamoxifen", "MCF-7/TamR breast cancer cells", "[44]"],
    ["miR-100", "mTOR", "Docetaxel", "MCF-7/Doc cells", "[45]"],
    ["lncRNA H19", "ABCB1", "Doxorubicin", "MCF-7/ADR cells from a doxorubicin-resistant culture", "[46]"],
]


def _grid_table_pdf() -> bytes:
    """A table with a border round every cell (each border drawn as its own segment) and cells wrapped over
    several lines, the single-line cells of a row centred on it."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.set_y(40)
    pdf.multi_cell(0, 5, "Exosomes transfer drug resistance between cancer cells (Table 1).")
    pdf.ln(3)
    _caption_and_table(pdf, GRID_ROWS, (28, 22, 22, 45, 12), "ALL")
    return bytes(pdf.output())


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_grid_table_with_wrapped_cells(engine: str) -> None:
    doc = ingest_bytes(_grid_table_pdf(), source="grid.pdf", suffix=".pdf", doc_id="grid", pdf_engine=engine)
    table = doc.table("Table 1")
    assert (table.header, table.rows) == (GRID_ROWS[0], GRID_ROWS[1:])


def _two_columns_with_an_unruled_table() -> bytes:
    """Two columns of text, then a table with no rules across the page (its fourth column starts where the
    right column does), then two columns again."""
    body = ("Exosomes released by resistant cells carry microRNAs that confer drug resistance. " * 6).strip()
    pdf = _page_with_a_heading()

    def columns() -> None:
        y = pdf.get_y()
        pdf.set_xy(10, y)
        pdf.multi_cell(90, 4.5, body)
        pdf.set_xy(110, y)
        pdf.multi_cell(90, 4.5, body)
        pdf.ln(4)

    pdf.set_y(30)
    columns()
    _caption_and_table(pdf, TABLE_ROWS[:3], (35, 30, 35, 70, 20), "NONE")
    pdf.ln(4)
    pdf.set_font("Helvetica", size=9)
    columns()
    return bytes(pdf.output())


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_unruled_table_across_two_columns_is_read_in_place(engine: str) -> None:
    data = _two_columns_with_an_unruled_table()
    doc = ingest_bytes(data, source="t.pdf", suffix=".pdf", doc_id="t", pdf_engine=engine)
    table = doc.table("Table 1")
    assert table.header == ["Cargo", "Target", "Resistance", "Donor cells", "Ref."]
    assert table.rows[0] == ["miR-221/222", "p27, ERa", "Tamoxifen", "MCF-7/TamR breast cancer cells", "[44]"]
    assert not any("Donor cells" in doc.span_text(s) for s in doc.sentences)


def test_pdf_nature_style_front_matter_and_headings() -> None:
    """natcommun2023: a bold abstract with no "Abstract" label (beside a "Check for updates" badge), an
    introduction with no heading, subheadings set in their own font at body size + 6%, affiliations in small
    print across the page under the columns, citation ranges printed raised ("9–12")."""
    doc = _real("natcommun2023_DC_vaccine_antitumor.pdf")
    abstract = next(s for s in doc.sections if s.title == "Abstract")
    assert doc.span_text(abstract).startswith(
        "Abstract\n\nDendritic cell (DC) vaccine was among the first FDA-approved cancer immunotherapies, but"
    )
    assert "Check for updates" not in doc.text
    titles = [s.title for s in doc.sections]
    assert {"Results", "Metabolic glycan labeling activates DCs", "Statistical analyses"} <= set(titles)
    assert "DCs during the blood circulation and tissue penetration" in doc.text  # affiliations not in between
    assert [9, 10, 11, 12] in [c.refs for c in doc.citations]
    # "50", "–", "52" raised after a line's last word: all three on that line, the paragraph goes on after it
    assert [50, 51, 52] in [c.refs for c in doc.citations]
    assert "(e.g., anti-DEC205) that cannot distinguish adoptively transferred DCs" in doc.text
    assert all(any(ch.isalpha() for ch in s.title) for s in doc.sections)
    assert "–," not in doc.text and "–." not in doc.text


def test_pdf_page_numbers_and_short_legend_lines_stay_out_of_the_prose() -> None:
    """emm2023: page numbers a little above the footer band; a figure legend across the page whose last line
    is short enough to sit in the left column; the paragraph cut at the column's end goes on after both."""
    doc = _real("emm2023_EPRS1_review_rotated_table.pdf")
    assert not [s for s in doc.sentences if doc.span_text(s).strip().isdigit()]
    assert "formation of the pre-GAIT complex, whereas phosphorylation of Ser999 directs" in doc.text
    assert "it is illustrated as a monomer for clarity." in doc.text


@pytest.mark.parametrize(
    "layout", ["ALL", "NONE", "HORIZONTAL_LINES", "SINGLE_TOP_LINE", "MINIMAL", "NO_HORIZONTAL_LINES", "INTERNAL"]
)
def test_pdf_table_rule_styles(layout: str) -> None:
    """One table in each of fpdf2's border styles: every cell boxed, no rules, rules between rows only (no
    rule over the header or under the last row), a rule under the header only, vertical rules only."""
    pdf = _page_with_a_heading()
    pdf.multi_cell(0, 4.5, "Exosomes released by resistant cells carry microRNAs that confer drug resistance. " * 4)
    pdf.ln(3)
    _caption_and_table(pdf, TABLE_ROWS, (35, 30, 35, 70, 20), layout)
    pdf.ln(3)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 4.5, "The prose goes on after the table about exosomal cargo and cells. " * 3)
    doc = ingest_bytes(bytes(pdf.output()), source="t.pdf", suffix=".pdf", doc_id="t")
    assert [(t.header, t.rows) for t in doc.tables] == [(TABLE_ROWS[0], TABLE_ROWS[1:])]
    assert doc.text.rstrip().endswith("about exosomal cargo and cells.")


def test_pdf_a_line_printed_on_every_page_is_not_text() -> None:
    """bmchsr2014 prints its URL under the running header band on every page."""
    doc = _real("bmchsr2014_quality_improvement_barriers.pdf")
    assert "biomedcentral.com/1472-6963/14/1" not in doc.text
    assert doc.table("Table 2").pages == [5, 6]  # a continued table's repeated header is not such a line


@pytest.mark.parametrize(
    ("path", "levels"),
    [
        ("natcommun2023_DC_vaccine_antitumor.pdf", {"Results": 1, "Metabolic glycan labeling activates DCs": 2}),
        (
            "emm2023_EPRS1_review_rotated_table.pdf",
            {"RESOLUTION OF INFLAMMATION": 1, "GAIT complex-mediated silencing of inflammatory genes": 2},
        ),
        (
            "corpus/schwarzenbach2020_cdr_exosome_drug_resistance.pdf",
            {"Abstract": 1, "INTRODUCTION": 1, "Exosomal DNA": 2, "EXOSOMES AS THERAPEUTICS": 1},
        ),
    ],
)
def test_pdf_heading_levels_from_the_papers_heading_styles(path: str, levels: dict[str, int]) -> None:
    doc = _real(path)
    assert {s.title: s.level for s in doc.sections if s.title in levels} == levels


WRAPPED_ROWS = [
    ["Cargo", "Target", "Resistance", "Donor cells", "Ref."],
    ["miR-221/222", "p27, ERa and cell-cycle genes", "Tamoxifen", "MCF-7/TamR breast cancer cells", "[44]"],
    ["miR-100", "mTOR", "Docetaxel", "MCF-7/Doc cells", "[45]"],
    [
        "lncRNA H19 and its sponged microRNA",
        "ABCB1",
        "Doxorubicin",
        "MCF-7/ADR cells from a doxorubicin-resistant culture",
        "[46]",
    ],
    ["miR-155", "FOXO3a", "Cisplatin and paclitaxel", "A549 lung cancer cells", "[47,48]"],
]


def _wrapped_table_pdf(layout: str, v_align: str, padding: float | None, rules: bool) -> bytes:
    """A table with no rules between its rows (fpdf2's border style ``layout``, with a rule drawn above and
    under it when ``rules``), cells wrapped over two lines in the first, second and fourth columns, the other
    cells aligned at the top or centred on their row, a note in small print under it, then prose."""
    pdf = _page_with_a_heading()
    pdf.multi_cell(0, 4.5, "Exosomes released by resistant cells carry microRNAs that confer drug resistance. " * 4)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 6, "Table 1. Exosomal cargo and the resistance it transfers.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8)
    top = pdf.get_y()
    options: dict = {"padding": padding} if padding is not None else {}
    with pdf.table(
        col_widths=(28, 22, 22, 45, 12),
        text_align="LEFT",
        borders_layout=layout,
        line_height=4,
        v_align=v_align,
        **options,
    ) as table:
        for cells in WRAPPED_ROWS:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    if rules:
        pdf.line(10, top, 200, top)
        pdf.line(10, pdf.get_y(), 200, pdf.get_y())
    pdf.set_font("Helvetica", size=7)
    pdf.multi_cell(0, 3.5, "ERa, estrogen receptor alpha; TamR, tamoxifen resistant; ADR, adriamycin resistant.")
    pdf.ln(3)
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 4.5, "The prose goes on after the table about exosomal cargo and cells. " * 3)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("layout", "v_align", "padding", "rules"),
    [
        ("NONE", "TOP", None, False),  # no rule at all, rows not set apart
        ("NONE", "MIDDLE", None, False),  # single-line cells (the reference) centred between wrapped lines
        ("NONE", "TOP", 2, False),  # rows set apart by padding
        ("NONE", "MIDDLE", 2, False),
        ("SINGLE_TOP_LINE", "TOP", None, False),  # one rule, under the header
        ("SINGLE_TOP_LINE", "MIDDLE", 2, True),  # top, header and bottom rules
        ("NONE", "TOP", None, True),  # rules above and under only
        ("NONE", "MIDDLE", None, True),
    ],
)
def test_pdf_table_without_row_rules_and_wrapped_cells(
    layout: str, v_align: str, padding: float | None, rules: bool
) -> None:
    """Rows from the cells' vertical extents: the lines of a wrapped cell joined, a reference number centred
    on its row kept with it; the note under the table is no table of its own, the prose after it is prose."""
    data = _wrapped_table_pdf(layout, v_align, padding, rules)
    doc = ingest_bytes(data, source="t.pdf", suffix=".pdf", doc_id="t")
    assert [(t.header, t.rows) for t in doc.tables] == [(WRAPPED_ROWS[0], WRAPPED_ROWS[1:])]
    assert "ERa, estrogen receptor alpha" in doc.text
    assert doc.text.rstrip().endswith("about exosomal cargo and cells.")


def _drop_cap_page(cap: str, first_line: str, x: float, width: float) -> bytes:
    """A title, then a first paragraph with no heading whose first letter ``cap`` is set three lines high (a
    drop cap) at ``x``, its first three lines indented beside it, in a column ``width`` mm wide, then a
    heading and more text."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_y(20)
    pdf.multi_cell(0, 8, "Exosomal microRNAs transfer drug resistance")
    pdf.ln(4)
    y = pdf.get_y()
    pdf.set_font("Times", "", 36)
    pdf.set_xy(x, y - 1)
    pdf.cell(10, 13, cap)
    pdf.set_font("Times", "", 10)
    beside = [
        first_line,
        "lipids that are taken up by sensitive recipient cells, where",
        "they confer resistance to chemotherapy. In breast cancer,",
    ]
    for i, line in enumerate(beside):
        pdf.set_xy(x + 11, y + 4.5 * i)
        pdf.cell(width - 11, 4.5, line)
    pdf.set_xy(x, y + 13.5)
    pdf.multi_cell(
        width, 4.5, "exosomal miR-221/222 from tamoxifen-resistant cells reduce p27 in recipient cells. " * 3
    )
    pdf.ln(3)
    pdf.set_x(x)
    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(width, 6, "Results", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Times", "", 10)
    pdf.set_x(x)
    pdf.multi_cell(width, 4.5, "We isolated exosomes from resistant cells and measured their cargo. " * 3)
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("cap", "first_line", "x", "width", "start"),
    [
        ("E", "xosomes released by drug-resistant cancer cells carry", 10, 190, "Exosomes released by drug-resistant"),
        ("E", "xosomes released by drug-resistant cancer cells carry", 10, 90, "Exosomes released by drug-resistant"),
        ("T", "HE exosomes released by drug-resistant cells carry", 10, 190, "THE exosomes released by drug-resistant"),
    ],
)
def test_pdf_drop_cap_joined_to_its_paragraph(cap: str, first_line: str, x: float, width: float, start: str) -> None:
    doc = ingest_bytes(_drop_cap_page(cap, first_line, x, width), source="d.pdf", suffix=".pdf", doc_id="d")
    paragraph = next(p for p in doc.paragraphs if doc.span_text(p).startswith(start))
    text = doc.span_text(paragraph)
    assert "where they confer resistance to chemotherapy. In breast cancer, exosomal miR-221/222" in text
    assert not any(doc.span_text(s).strip() == cap for s in doc.sentences)


OWN, CITED = "10.1186/s12915-024-01918-w", "10.1038/s41467-023-40886-7"


@pytest.mark.parametrize(
    ("front", "first_page", "last_page", "info", "links", "doi"),
    [
        # the first page cites a paper's DOI before printing its own; the information dictionary names its own
        (CITED, f"As shown (doi:{CITED}) ... https://doi.org/{OWN}", "", f"BMC Biology, doi:{OWN}", "", OWN),
        # the front matter's first DOI is a cited one; a CrossMark link names the paper
        (CITED, f"see {CITED}", "", "", f"http://crossmark.crossref.org/dialog/?doi={OWN}&domain=pdf", OWN),
        # printed only on the last page ("Cite this article as ... doi:...")
        (None, "Exosomes and resistance", f"Cite this article as: Li et al. BMC Biol. doi:{OWN}.", "", "", OWN),
        # the information dictionary only
        (None, "Exosomes and resistance", "", f"DOI: {OWN} , 52, 8", "", OWN),
        # doi.org links: the first is the paper's, later ones its preprint and versions
        (None, "eLife", "", "", f"https://doi.org/{OWN} https://doi.org/10.1101/2020.04.06.028092", OWN),
        # a DOI printed with no "doi" before it, and nothing else
        (None, f"Int. J. Mol. Sci. 2024, 25, 1660. {OWN}", "", "", "", OWN),
        (None, "no identifier anywhere", "", "", "", None),
    ],
)
def test_pdf_own_doi_preferred_over_cited_ones(
    front: str | None, first_page: str, last_page: str, info: str, links: str, doi: str | None
) -> None:
    assert own_doi(front, first_page, last_page, info, links) == doi


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_own_doi_from_the_information_dictionary_and_links(engine: str) -> None:
    """A first page that prints a cited DOI before its own: the paper's comes from its information dictionary
    and its doi.org link annotation."""
    pdf = FPDF()
    pdf.set_subject(f"BMC Biology, https://doi.org/{OWN}")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Exosomal microRNAs transfer drug resistance", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(
        0,
        4.5,
        f"A commentary on Li et al. (doi:{CITED}), whose exosomes we studied further. " * 2,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.cell(0, 5, f"https://doi.org/{OWN}", link=f"https://doi.org/{OWN}", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 4.5, "Exosomes released by resistant cells carry microRNAs that confer drug resistance. " * 6)
    doc = ingest_bytes(bytes(pdf.output()), source="d.pdf", suffix=".pdf", doc_id="d", pdf_engine=engine)
    assert doc.metadata.doi == OWN


def _paper(pdf: FPDF, title: str, study: int) -> None:
    """One paper as a journal sets it: a large bold title, authors, bold section headings, a numbered reference
    list at the end."""
    body = (
        "Extracellular vesicles released by resistant cells carry microRNAs to sensitive cells. "
        "Exosomal miR-21 confers resistance to docetaxel in MCF-7 cells by targeting PTEN. "
    ) * 4
    pdf.add_page()
    pdf.set_y(40)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, "Anna Smith, Bo Chen and Carl Jones", new_x="LMARGIN", new_y="NEXT")
    for head in ("Abstract", "Introduction", "Results"):
        pdf.ln(4)
        pdf.set_font("Helvetica", "B", 12)
        pdf.multi_cell(0, 7, head, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        for k in range(2):
            pdf.multi_cell(
                0, 5, f"{body} In study {study}, paragraph {k} of the {head.lower()}.", new_x="LMARGIN", new_y="NEXT"
            )
            pdf.ln(2)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "References", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    for r in range(1, 9):
        pdf.multi_cell(
            0,
            5,
            f"{r}. Author A, Writer B. Vesicles in study {study}, part {r}. J Extracell Vesicles. 2019;{r}:{100 + r}.",
            new_x="LMARGIN",
            new_y="NEXT",
        )


def test_pdf_two_papers_read_to_the_end_with_a_warning_naming_the_pages() -> None:
    pdf = FPDF()
    _paper(pdf, "Exosomal miR-21 transfers docetaxel resistance in breast cancer cells", 1)
    first_pages = pdf.page_no()
    _paper(pdf, "Circulating vesicles carrying lncRNA H19 predict gefitinib resistance", 2)
    doc = ingest_bytes(bytes(pdf.output()), source="two.pdf", suffix=".pdf", doc_id="two")
    assert doc.metadata.title == "Exosomal miR-21 transfers docetaxel resistance in breast cancer cells"
    assert "In study 2, paragraph 1 of the results." in doc.text  # the second paper read to its end
    assert "Circulating vesicles carrying lncRNA H19" in doc.text  # its title too, not taken for a reference
    assert "Vesicles in study 2" not in doc.text  # its reference list is no prose
    assert [r.number for r in doc.references] == list(range(1, 9))
    assert len(doc.warnings) == 1
    warning = doc.warnings[0]
    assert warning.startswith(f"pages {first_pages + 1}-{pdf.page_no()}: another article follows the reference list")
    assert "Circulating vesicles carrying lncRNA H19" in warning and "8 entries, left out" in warning


def test_pdf_back_matter_after_the_references_is_no_second_article() -> None:
    pdf = FPDF()
    _paper(pdf, "Exosomal miR-21 transfers docetaxel resistance in breast cancer cells", 1)
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, "Acknowledgements", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "We thank the core facility for the vesicle isolation.", new_x="LMARGIN", new_y="NEXT")
    doc = ingest_bytes(bytes(pdf.output()), source="one.pdf", suffix=".pdf", doc_id="one")
    assert "We thank the core facility" in doc.text
    assert not doc.warnings


def _type3_pdf(lines: int = 20) -> bytes:
    """One page of text set in a Type3 font whose glyphs (filled boxes named /g1.../g59) have no Unicode value:
    no ToUnicode map and no standard glyph names, as some typesetters and PDF printers leave them."""
    glyph = b"0 0 m 500 0 l 500 700 l 0 700 l f"
    codes = bytes(c for c in range(1, 60) if c not in b"()\\")
    content = b"BT /F1 11 Tf 72 720 Td 14 TL " + b" ".join(b"(" + codes + b") '" for _ in range(lines)) + b" ET"
    font = (
        "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        f"/CharProcs << {' '.join(f'/g{i} 5 0 R' for i in range(1, 60))} >> "
        f"/Encoding << /Type /Encoding /Differences [1 {' '.join(f'/g{i}' for i in range(1, 60))}] >> "
        f"/FirstChar 1 /LastChar 59 /Widths [{' '.join(['600'] * 59)}] >>"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 6 0 R >>",
        font,
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    return assemble_pdf(objects)


def test_pdf_of_unmapped_glyphs_has_no_readable_text_layer() -> None:
    from pipeline.errors import UnreadableTextPDFError

    with pytest.raises(UnreadableTextPDFError, match=r"t3\.pdf: no readable text layer: 9\d% of its") as info:
        ingest_bytes(_type3_pdf(), source="t3.pdf", suffix=".pdf", doc_id="t3")
    assert info.value.code == "E113"


def test_pdf_with_a_few_unmapped_glyphs_is_read() -> None:
    """Journal PDFs hold a few glyphs without a Unicode value (symbols): far from "mostly"."""
    doc = _real("clinsci2014_ACE_Ndomain_inhibitors.pdf")
    assert len(doc.text) > 20_000


@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("natcommun2023_DC_vaccine_antitumor.pdf", "Accepted: 14 August 2023"),
        (
            "natcommun2023_DC_vaccine_antitumor.pdf",
            "Department of Materials Science and Engineering, University of Illinois at Urbana-Champaign",
        ),
        ("emm2023_EPRS1_review_rotated_table.pdf", "Experimental & Molecular Medicine (2023) 55:2116–2126"),
        ("bmchsr2014_quality_improvement_barriers.pdf", "Antje Theurer, Charles Munthali"),
    ],
)
def test_pdf_front_matter_kept_apart(name: str, note: str) -> None:
    """Affiliations, dates and author lines are not the paper's text, but they are not lost: the metadata
    keeps them as printed (marks cut out)."""
    doc = _real(name)
    assert any(note in n for n in doc.metadata.front_matter)
    assert note not in doc.text
    assert all(any(ch.isalpha() for ch in n) for n in doc.metadata.front_matter)


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_pdf_spans_carry_the_box_of_their_block(engine: str) -> None:
    """A heading and a paragraph set at known places: each paragraph, sentence and section has the box its
    block is printed in, in points from the page's top-left corner (1 mm = 72 / 25.4 pt)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.set_xy(20, 30)
    pdf.cell(100, 6, "1. Introduction")
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(20, 50)
    pdf.multi_cell(120, 5, "Exosomes released by resistant cells carry microRNAs that confer drug resistance. " * 3)
    doc = ingest_bytes(bytes(pdf.output()), source="b.pdf", suffix=".pdf", doc_id="b", pdf_engine=engine)
    mm = 72 / 25.4
    text = next(p for p in doc.paragraphs if doc.span_text(p).startswith("Exosomes released"))
    assert text.box is not None and text.page == 1
    x0, top, x1, bottom = text.box
    assert abs(x0 - 20 * mm) < 3 and abs(top - 50 * mm) < 4 and x1 <= 140 * mm + 1 and bottom <= 70 * mm
    assert all(s.box == text.box for s in doc.sentences if s.paragraph == doc.paragraphs.index(text))
    section = next(s for s in doc.sections if s.title.endswith("Introduction"))
    assert section.box is not None and abs(section.box[1] - 30 * mm) < 4


@pytest.mark.parametrize(
    ("text", "residue"),
    [
        ("10 10 10 10 10 5 5 5 5 0 0 0 −5 −5", True),  # axis ticks
        ("1.00 1.00 0.75 0.75 0.50 0.50 0.25", True),
        ("- - + + - - - - + +", True),  # gel lane marks
        ("M - + - + - + - +", True),
        ("0 20 40", False),  # too short to tell
        ("Cells were counted 10 times in 3 wells", False),
        ("n = 70 cells n = 44 cells n = 83 cells", False),
    ],
)
def test_figure_residue_is_numbers_and_single_characters(text: str, residue: bool) -> None:
    from pipeline.ingest.pdf import _figure_residue

    assert _figure_residue(text) is residue


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        # BMC 2014: subheadings in a sans-serif face of their own at about the body size, in fonts whose names
        # ("AdvTT99c4c969") say nothing of their weight
        (
            "bmchsr2014_quality_improvement_barriers.pdf",
            {"Setting", "Ethical considerations", "Stakeholder view", "Documentation"},
        ),
        # Clinical Science: back-matter headings in a "Demi" (semibold) face
        ("clinsci2014_ACE_Ndomain_inhibitors.pdf", {"AUTHOR CONTRIBUTION", "ACKNOWLEDGEMENTS", "FUNDING"}),
    ],
)
def test_pdf_headings_from_their_face(name: str, headings: set[str]) -> None:
    assert headings <= {s.title for s in _real(name).sections}


def test_pdf_run_in_bold_heading_starts_its_paragraph() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_y(60)
    body = "HeLa cells were grown in medium with ten percent serum and passaged twice a week before use. " * 3
    pdf.multi_cell(0, 5, "**Cell culture.** " + body, markdown=True)
    pdf.ln(4)
    pdf.multi_cell(0, 5, "The exosomes were isolated by ultracentrifugation and counted by tracking. " * 3)
    doc = ingest_bytes(bytes(pdf.output()), source="runin.pdf", suffix=".pdf", doc_id="runin")
    section = next(s for s in doc.sections if s.title == "Cell culture")
    assert doc.span_text(section).split("\n\n")[1].startswith("HeLa cells were grown")


@pytest.mark.parametrize(
    ("blocks", "headings"),
    [
        # a heading over running text, and one over a heading over text, stay
        ([(1, "## Methods"), (1, "### Cell culture"), (1, "Cells were grown in medium and passaged.")], 2),
        # a figure's labels in a heading's look, over more labels or nothing, are text
        ([(1, "## A B Whole cell lysate"), (1, "## CTD pSer5 2 pSer5"), (1, "75 kD 37 kD")], 0),
        # the back matter: a short sentence under its heading
        ([(9, "## Conflict of interest statement"), (9, "None declared.")], 1),
    ],
)
def test_pdf_headings_stand_over_text(blocks: list[tuple[int, str]], headings: int) -> None:
    from pipeline.ingest.pdf import _headings_over_text

    assert sum(text.startswith("#") for _, text in _headings_over_text(blocks)) == headings


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("E F", True),
        ("OH OH OH O O O", True),
        ("75 kD 37 kD", True),
        ("Time (seconds) 1 2 3 4", True),
        ("1 Introduction", False),  # a section number is no label
        ("2.1 Cell culture", False),
        ("3’ cloud", False),  # a nucleic acid's end
        ("In vivo DC targeting study", False),
        ("Results", False),
    ],
)
def test_figure_labels_are_no_headings(title: str, label: bool) -> None:
    from pipeline.ingest.blocks import label_like

    assert label_like(title) is label


def test_headings_printed_twice_that_name_no_section_are_figure_text() -> None:
    from pipeline.ingest.blocks import figure_labels_as_text, split_blocks

    text = (
        "## Results\n\nCells grew.\n\n## CFTR Rosa26 EMX1\n\nlabels\n\n## CFTR Rosa26 EMX1\n\nmore labels\n\n"
        "## Background\n\nA paper may print a section name twice.\n\n## Background\n\nSo it stays."
    )
    titles = [b.title for b in figure_labels_as_text(split_blocks(text)) if b.kind == "heading"]
    assert titles == ["Results", "Background", "Background"]
