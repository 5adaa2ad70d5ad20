"""Pages from pypdfium2 in the shape the layout reader takes from pdfplumber (issue 7, first version).

pdfplumber reads a page through pdfminer's pure-Python content parser; pdfium (C++, through pypdfium2, already a
pdfplumber dependency) reads the same characters many times faster. A ``PdfiumPage`` offers what the reader uses
of a pdfplumber page: ``chars`` (text, loose box, font size and name, upright, matrix), ``horizontal_edges`` and
``vertical_edges`` (thin path objects: table rules), ``extract_words`` (pdfplumber's own word grouping over
these characters), ``page_number``, ``width``, ``height``.
"""

from __future__ import annotations

import ctypes
import math
from typing import Any

RULE_THICKNESS = 2.0  # a path thinner than this and longer than MIN_RULE is a rule
MIN_RULE = 20.0


class PdfiumPage:
    def __init__(self, page: Any, number: int) -> None:
        import pypdfium2.raw as raw

        self.page_number = number
        self.width, self.height = (float(v) for v in page.get_size())
        textpage = page.get_textpage()
        try:
            self.chars = _chars(raw, textpage, self.height, number)
        finally:
            textpage.close()
        self.horizontal_edges, self.vertical_edges = _edges(raw, page, self.height)
        self.initial_doctop = 0.0

    def extract_words(self, **kwargs: Any) -> list[dict]:
        from pdfplumber.utils import extract_words

        return extract_words(self.chars, **kwargs)

    def flush_cache(self) -> None:
        """Nothing cached beyond the characters and edges read at construction."""

    def close(self) -> None:
        self.chars = []


def _chars(raw: Any, textpage: Any, height: float, number: int) -> list[dict]:
    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    box = raw.FS_RECTF()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    matrix = raw.FS_MATRIX()
    chars: list[dict] = []
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        if code in (0, 0x0A, 0x0D, 0xFFFE, 0xFFFF):
            continue  # line breaks pdfium puts between lines (the spaces it puts between words are kept)
        text = chr(code)
        if not raw.FPDFText_GetLooseCharBox(handle, i, box):
            continue
        raw.FPDFText_GetMatrix(handle, i, matrix)
        scale = math.hypot(matrix.c, matrix.d) or 1.0  # fonts set at size 1 and scaled by the text matrix
        size = float(raw.FPDFText_GetFontSize(handle, i)) * scale
        angle = float(raw.FPDFText_GetCharAngle(handle, i))
        raw.FPDFText_GetFontInfo(handle, i, name, 256, ctypes.byref(flags))
        font = name.value.decode("utf-8", "replace")
        if raw.FPDFText_GetFontWeight(handle, i) >= 600 and "bold" not in font.lower():
            font += "-Bold"
        cos, sin = math.cos(angle), math.sin(angle)
        upright = abs(sin) < 0.01 and cos > 0
        x0, x1, y0, y1 = float(box.left), float(box.right), float(box.bottom), float(box.top)
        chars.append(
            {
                "object_type": "char",
                "page_number": number,
                "text": text,
                "fontname": font,
                "size": size,
                "upright": upright,
                # pdfium measures the angle clockwise: text read bottom to top is at 270°, matrix (0, s, -s, 0)
                "matrix": (size * cos, -size * sin, size * sin, size * cos, x0, y0),
                "x0": x0,
                "x1": x1,
                "top": height - y1,
                "bottom": height - y0,
                "doctop": height - y1,
                "width": x1 - x0,
                "height": y1 - y0,
            }
        )
    return chars


def _edges(raw: Any, page: Any, height: float) -> tuple[list[dict], list[dict]]:
    horizontal: list[dict] = []
    vertical: list[dict] = []
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_PATH,), max_depth=2):
        x0, y0, x1, y1 = (float(v) for v in obj.get_bounds())
        if y1 - y0 <= RULE_THICKNESS and x1 - x0 >= MIN_RULE:
            horizontal.append({"x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0})
        elif x1 - x0 <= RULE_THICKNESS and y1 - y0 >= MIN_RULE:
            vertical.append({"x0": x0, "x1": x1, "top": height - y1, "bottom": height - y0})
    return horizontal, vertical
