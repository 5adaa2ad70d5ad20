"""Front matter read from PDFs of journals the reader was not written on (issue 13): author lines told from
headings, the paper's own year and DOI. The dev PDFs are read from ../shared/pdfs/dev/ (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest.metadata import is_author_line, year_from_first_page
from pipeline.ingest.pdf import parse_pdf
from pipeline.ingest.text import parse_text

DEV = Path(__file__).resolve().parents[3] / "shared" / "pdfs" / "dev"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jaime A. Espinoza<sup>1,</sup>*, Dimitris C. Kanellis^[1] and Mikael S. Lindström<sup>1,</sup>*", True),
        ("Ceylan Sonmez, Titia de Lange and Francisca Lottersberger", True),
        ("Kepin Wang<sup>1,2</sup>", True),
        ("Results", False),
        ("Data availability", False),
        ("Statistics & Reproducibility", False),
        ("Methods and Protocols", False),
        ("Materials and methods", False),
        ("School of Life Science and Technology, Jilin University", False),
    ],
)
def test_is_author_line(line: str, expected: bool) -> None:
    assert is_author_line(line) is expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Nucleic Acids Research, 2024, 52, 4234–4256 https://doi.org/10.1093/nar/gkae088", 2024),
        ("De Magis et al. BMC Biology (2024) 22:5 https://doi.org/10.1186/s12915-023-01805-w", 2024),
        ("Coté et al. eLife 2023;12:RP91357. Version of Record published 05 April 2024", 2023),
        ("Received: 12 August 2022 Accepted: 26 May 2023 Published online: 13 June 2023", 2023),
        ("Received: 12 August 2022 Accepted: 26 May 2023", 2023),
        ("© The Author(s) 2021", 2021),
        ("no year printed here", None),
    ],
)
def test_year_from_first_page(text: str, year: int | None) -> None:
    assert year_from_first_page(text) == year


@pytest.mark.parametrize(
    ("name", "authors", "year"),
    [  # NAR sets its author line in bold (it was read as a heading); Nature Communications puts the
        # "Received" margin column on the author lines' baselines
        ("10.1093_nar_gkae222.pdf", ["Rya Ero", "Margus Leppik", "Kaspar Reier", "Aivar Liiv", "Jaanus Remme"], 2024),
        (
            "10.1038_s41467-023-44148-4.pdf",
            ["Gabriela Casanova-Sepúlveda", "Joel A. Sexton", "Benjamin E. Turk", "Titus J. Boggon"],
            2023,
        ),
    ],
)
def test_pdf_author_lines_and_year_on_unseen_journals(name: str, authors: list[str], year: int) -> None:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    doc = parse_pdf(path.read_bytes(), doc_id=name, source=name)
    assert doc.metadata.authors == authors
    assert doc.metadata.year == year
    assert not any(s.title.startswith(authors[0]) for s in doc.sections)


def test_unnumbered_reference_list_one_entry_per_author_start() -> None:
    from pipeline.ingest.references import parse_reference_list

    refs = parse_reference_list(
        [
            "Aebi M, Weissman C. 1987. Precision and orderliness in splicing. Trends in Genetics 3:102–107.",
            "Carrillo Oesterreich F, Bieberstein N, Neugebauer KM. 2011. Pause locally, splice globally. Trends in Cell",
            "Biology 21:328–335.",
            "de la Mata M, Lafaille C, Kornblihtt AR. 2010. First come, first served revisited. RNA 16:904–912.",
        ]
    )
    assert [r.number for r in refs] == [1, 2, 3]
    assert refs[1].raw.endswith("Biology 21:328–335.")


@pytest.mark.parametrize(
    ("name", "count"),
    [  # author-year lists with a hanging indent, followed by back-matter headings
        ("10.7554_eLife.91357.3.pdf", 65),
        ("10.1038_s44320-024-00013-0.pdf", 46),
    ],
)
def test_pdf_unnumbered_reference_list_ends_at_the_next_heading(name: str, count: int) -> None:
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    doc = parse_pdf(path.read_bytes(), doc_id=name, source=name)
    assert abs(len(doc.references) - count) <= 0.05 * count
    assert not any("competing interests" in r.raw.lower() for r in doc.references)


@pytest.mark.parametrize(("printed", "warned"), [(40, False), (100, True), (0, False)])
def test_warning_when_most_printed_text_is_lost(printed: int, warned: bool) -> None:
    from pipeline.ingest.pdf import _with_coverage_warning
    from pipeline.ingest.text import parse_text

    doc = parse_text("Exosomal miR-21 confers resistance to docetaxel.", doc_id="d", source="d.pdf", fmt="pdf")
    out = _with_coverage_warning(doc, printed)
    assert any("reach the Document" in w for w in out.warnings) is warned


@pytest.mark.parametrize("side", ["left", "right"])
def test_pdf_margin_line_numbers_are_not_text(side: str) -> None:
    """A preprint with a line number beside every line: the numbers stay out of the sentences."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    sentence = "Exosomal miR-21 confers resistance to docetaxel in breast cancer cells and the effect is lasting"
    for i in range(20):
        y = 40 + 6 * i
        pdf.set_xy(8 if side == "left" else 196, y)
        pdf.set_font("Helvetica", size=9)
        pdf.cell(8, 6, str(i + 1), align="R" if side == "left" else "L")
        pdf.set_font("Helvetica", size=10)
        pdf.set_xy(25, y)
        pdf.cell(165, 6, sentence + ("." if i % 2 else ""))
    doc = parse_pdf(bytes(pdf.output()), doc_id="d", source="d.pdf")
    assert not any(ch.isdigit() for ch in doc.text.replace("miR-21", ""))
    assert not doc.citations
    assert doc.text.count("lasting") == 20


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (
            "# Exosomes in drug resistance\n\nAnna Li<sup>1</sup>, Ben Wu<sup>2</sup>\n\n<sup>1</sup>Department of Oncology, Fudan University, "
            "Shanghai, China\n\nAbstract: Exosomes carry microRNAs.\n\n## Introduction\n\nExosomes are vesicles.",
            ["Anna Li, Ben Wu", "Department of Oncology, Fudan University, Shanghai, China"],
        ),
        ("# Exosomes in drug resistance\n\nAbstract: Exosomes carry microRNAs.\n\n## Introduction\n\nText.", []),
        (  # a licence box at the end and a copyright line at a page's foot: kept apart, wherever printed
            "# Exosomes in drug resistance\n\nAbstract: Exosomes carry microRNAs.\n\n## Introduction\n\n"
            "Exosomes are vesicles.\n\n© The Author(s) 2024\n\nThey carry cargo.\n\n"
            "Open Access This article is licensed under a Creative Commons Attribution 4.0\nInternational License.",
            [
                "© The Author(s) 2024",
                "Open Access This article is licensed under a Creative Commons Attribution 4.0 International License.",
            ],
        ),
    ],
)
def test_front_matter_other_than_title_and_abstract_kept_apart(text: str, notes: list[str]) -> None:
    doc = parse_text(text, doc_id="d", source="d.md", fmt="markdown")
    assert doc.metadata.front_matter == notes
    assert "Fudan" not in doc.text
    assert "Author(s)" not in doc.text and "licensed" not in doc.text


@pytest.mark.skipif(not (DEV / "10.7554_eLife.91357.3.pdf").exists(), reason="../shared/pdfs/dev not here")
def test_notes_beside_the_text_are_read_apart_from_its_lines() -> None:
    """eLife's first page: a narrow column of notes (correspondence, dates, editor, licence) shares baselines
    with the abstract and the introduction; read as one block after the page's text, not into its lines."""
    doc = parse_pdf((DEV / "10.7554_eLife.91357.3.pdf").read_bytes(), doc_id="elife", source="elife.pdf")
    titles = [s.title for s in doc.sections]
    assert {"eLife assessment", "Introduction"} <= set(titles)
    assert not [t for t in titles if "Version of Record" in t or "Attribution License" in t]
    assert "The mRNA transcribed by many eukaryotic genes are spliced, a process in which the intronic RNA" in doc.text


def test_a_page_without_a_column_of_notes_has_no_margin() -> None:
    from pipeline.ingest.pdf import _margin_column

    # one column of text, its lines' numbers at the left edge: no column of notes
    words = [
        {"text": t, "x0": x, "x1": x + 30, "top": 100 + 12 * row, "bottom": 110 + 12 * row, "size": 9}
        for row in range(30)
        for t, x in ((f"{row + 1}.", 40), ("Smith", 70), ("J,", 110), ("Cell", 150), ("2020", 190))
    ]
    assert _margin_column(words, 612, 792) == set()


@pytest.mark.skipif(not (DEV / "10.7554_eLife.91357.3.pdf").exists(), reason="../shared/pdfs/dev not here")
def test_a_heading_may_be_a_sentence() -> None:
    doc = parse_pdf((DEV / "10.7554_eLife.91357.3.pdf").read_bytes(), doc_id="elife", source="elife.pdf")
    assert (
        "Transcripts are untethered to the transcription site and move through a slow-moving "
        "transcription-site-proximal zone where splicing occurs after transcription is completed"
    ) in [s.title for s in doc.sections]
