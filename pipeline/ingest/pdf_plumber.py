"""Pages from pdfminer through pdfplumber, the reference character source (``--pdf-engine pdfplumber``).

pdfminer's characters become pdf_words.Char tuples with the geometry the pdfium reader gives (the baseline,
the advance, the text rise); edges are pdfplumber's (lines, rectangles, curves of at most five points).
"""

from __future__ import annotations

import io
from collections import Counter

from pipeline.errors import EncryptedPDFError, PDFError
from pipeline.ingest.pdf_words import DESCENT, Char, OpenPDF, char_text, font_name


class PlumberPage:
    """A pdfplumber page as the reader takes it: pdfminer's characters as pdf_words.Char tuples (read without
    pdfplumber's generic attribute resolution: half of the reading time on text pages), its edges (lines,
    rectangles and curves of at most five points; the paths of figures are skipped), number and size."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self._page = page
        self.page_number = page.page_number
        self.width, self.height = float(page.width), float(page.height)
        _char_tuples(page)
        self.chars: list[Char] = _with_rise([c for c in page.chars if c["c"][0]])
        # glyphs without a Unicode value: pdfminer writes their codes as "(cid:NN)"
        self.unmapped = sum(1 for c in self.chars if c[0].startswith("(cid:"))
        self.glyphs = len(self.chars)

    @property
    def horizontal_edges(self) -> list[dict]:
        return self._page.horizontal_edges

    @property
    def vertical_edges(self) -> list[dict]:
        return self._page.vertical_edges

    def links(self) -> list[str]:
        """The URIs its link annotations open."""
        return [str(link["uri"]) for link in self._page.hyperlinks if link.get("uri")]

    def close(self) -> None:
        self.chars = []
        self._page.flush_cache()
        self._page.close()


def _with_rise(chars: list[dict]) -> list[Char]:
    """pdfminer's character matrix leaves out the text rise (Ts: superscripts and subscripts set by raising
    the text), its box does not: the box's bottom is the baseline + the font's descent + the rise. The
    descent is what most characters of a font have (``drop``, in font sizes); the rest is rise, and the
    baseline moves with it, as pdfium reports it."""
    drops: dict[str, Counter[float]] = {}
    for c in chars:
        if "drop" in c:
            drops.setdefault(c["c"][6], Counter())[c["drop"]] += 1
    usual = {font: counts.most_common(1)[0][0] for font, counts in drops.items()}
    out: list[Char] = []
    for c in chars:
        char = c["c"]
        if "drop" in c and abs(c["drop"] - usual[char[6]]) > 0.02:
            rise = (c["drop"] - usual[char[6]]) * char[5]
            char = (*char[:3], char[3] - rise, char[4] - rise, *char[5:])
        out.append(char)
    return out


def _char_tuples(page) -> None:  # type: ignore[no-untyped-def]
    """Make pdfplumber's object reader give each character as a Char (see pdf_words) with the baseline-based
    box both engines share."""
    from pdfminer.layout import LTChar, LTCurve

    general = page.process_object
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])

    def process_object(obj):  # type: ignore[no-untyped-def]
        if type(obj) is LTCurve and len(obj.pts) > 5:
            return {"object_type": "figure_path"}  # drawing paths of figures: never a table rule
        if type(obj) is not LTChar:
            return general(obj)
        a, b, c, d, e, f = obj.matrix
        text = char_text(obj.get_text())
        font = font_name(obj.fontname)
        if abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0 and d > 0:
            size = obj.height
            low = height - f + DESCENT * size + mb_top
            char = (text, obj.x0 + mb_x0, obj.x1 + mb_x0, low - size, low, size, font, 0)
            if size:
                return {"object_type": "char", "c": char, "drop": round((obj.y0 - f) / size, 3)}
        elif b > 0 and c < 0 and abs(a) < 1e-6 and abs(d) < 1e-6:
            size = obj.width
            x1 = e + DESCENT * size + mb_x0
            char = (text, x1 - size, x1, height - obj.y1 + mb_top, height - obj.y0 + mb_top, size, font, 1)
        else:
            size = obj.size
            char = (
                text,
                obj.x0 + mb_x0,
                obj.x1 + mb_x0,
                height - obj.y1 + mb_top,
                height - obj.y0 + mb_top,
                size,
                font,
                2,
            )
        return {"object_type": "char", "c": char}

    page.process_object = process_object


def open_plumber(data: bytes, source: str) -> OpenPDF:
    """The PDF through pdfplumber (pdfminer): typed errors for files it cannot read."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the cross-reference table to be read
    except Exception as exc:  # pdfminer wraps its errors: look at the cause, not at str(exc)
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in repr(cause).lower():
            raise EncryptedPDFError(source, "the PDF is encrypted with a password") from exc
        if isinstance(cause, PDFSyntaxError | PSException) or isinstance(exc, PDFSyntaxError):
            raise PDFError(source, f"corrupt or truncated PDF ({cause})") from exc
        raise PDFError(source, f"cannot be read as a PDF ({type(cause).__name__}: {cause})") from exc
    info = {str(k): _info_text(v) for k, v in (pdf.metadata or {}).items()}
    return OpenPDF(len(pdf.pages), (PlumberPage(page) for page in pdf.pages), pdf.close, info)


def _info_text(value: object) -> str:
    """An information dictionary entry as text (pdfminer leaves some as bytes or PDF objects)."""
    if isinstance(value, bytes):
        return value.decode("utf-16" if value.startswith(b"\xfe\xff") else "latin-1", errors="replace")
    return str(value)
