"""Text a clipping path hides is not read (pdfium): a draft page embedded as a figure and cut to its panel
keeps all its text in the file, but only the panel is shown. The clipping region of an object drawn inside a
form XObject is in the form's space (its /Matrix and the `cm` before it move it on the page)."""

from __future__ import annotations

import pytest

from pipeline.ingest.pdf import pdf_to_blocks
from tests.pdf_objects import assemble_pdf

BODY = b"(Exosomal miR-21 confers resistance to docetaxel in breast cancer cells.) Tj"


def _pdf(content: bytes, form: bytes) -> bytes:
    """A one-page PDF: ``content`` on the page, ``form`` in a form XObject /X1 (Helvetica /F1 in both)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Length %d >>\nstream\n%s\nendstream" % (len(form), form),
    ]
    return assemble_pdf(objects)


def _text(data: bytes) -> str:
    blocks, _, _ = pdf_to_blocks(data, "clip.pdf", engine="pdfium")
    return " ".join(t for _, t in blocks)


def _line(x: int, y: int, words: bytes) -> bytes:
    return b"BT /F1 10 Tf %d %d Td (%s) Tj ET\n" % (x, y, words)


@pytest.mark.parametrize(
    ("content", "form", "shown", "hidden"),
    [
        (  # a clipping rectangle on the page: the text right of it is cut
            b"BT /F1 10 Tf 60 700 Td " + BODY + b" ET\n"
            b"q 50 380 200 100 re W n\n"
            + _line(60, 420, b"Panel label inside")
            + _line(320, 420, b"Hidden draft words")
            + b"Q\n",
            b"",
            "Panel label inside",
            "Hidden",
        ),
        (  # inside a form moved up 300 pt: its clip (form space 50..250 x 80..180) lands on 380..480
            b"BT /F1 10 Tf 60 700 Td " + BODY + b" ET\nq 1 0 0 1 0 300 cm /X1 Do Q\n",
            b"q 50 80 200 100 re W n\n"
            + _line(60, 120, b"Panel label inside")
            + _line(60, 20, b"Hidden draft words")
            + b"Q\n",
            "Panel label inside",
            "Hidden",
        ),
    ],
)
def test_text_outside_its_clipping_path_is_not_read(content: bytes, form: bytes, shown: str, hidden: str) -> None:
    text = _text(_pdf(content, form))
    assert "Exosomal miR-21 confers resistance" in text
    assert shown in text
    assert hidden not in text


def test_text_inside_a_moved_form_is_read_where_it_is_shown() -> None:
    """The form's clip is compared in page space: text the moved clip shows is kept (a test that the form's
    matrix is applied, not the clip's own numbers)."""
    form = b"q 50 380 200 100 re W n\n" + _line(60, 400, b"Shown only when unmoved") + b"Q\n"
    moved = b"BT /F1 10 Tf 60 700 Td " + BODY + b" ET\nq 1 0 0 1 0 -300 cm /X1 Do Q\n"
    assert "Shown only when unmoved" in _text(_pdf(moved, form))  # both clip and text move: still inside
