"""Pages from pdfium (C++, through pypdfium2): the fast character source of the PDF reader (issue 7).

pdfplumber reads a page through pdfminer's pure-Python content parser; pdfium reads the same characters many
times faster. A ``PdfiumPage`` gives what the layout reader takes from either engine (pdf_words.Char tuples,
table rules as edges, page number and size). Two calls into pdfium per character (its loose box and its text
object); everything else (font name, size, direction, descent, the clipping region) is read once per text
object: a character outside its object's clipping region is not shown, so not read. The ctypes
prototypes take plain addresses (``c_void_p``): pypdfium2's typed pointers cost as much again per call.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import os
from functools import cache
from typing import Any

from pipeline.errors import EncryptedPDFError, PDFError
from pipeline.ingest.pdf_settings import PDF_SETTINGS
from pipeline.ingest.pdf_words import DESCENT, Char, OpenPDF, char_text, font_name

MAP_SAMPLE = PDF_SETTINGS.map_sample  # every n-th character is asked whether it has a Unicode value
MIN_RULE = PDF_SETTINGS.min_rule  # a path smaller than this both ways is a mark, not a rule
MAX_PATH_SEGMENTS = PDF_SETTINGS.max_path_segments  # a path with more segments is a drawing, not rules
_SKIP = {0xA0, 0xFFFF}  # with the control characters and spaces: words come from the gaps
_HYPHENS = {0x02, 0xFFFE}  # pdfium's codes (per character, in the page text) for an end-of-line hyphen
_SPECIAL = _SKIP | _HYPHENS | set(range(0xD800, 0xE000))


@cache
def _lib() -> Any:
    """pdfium's functions with address-typed prototypes (the library pypdfium2 has already loaded)."""
    import pypdfium2_raw

    lib = ctypes.CDLL(os.path.join(os.path.dirname(pypdfium2_raw.__file__), _library_name()))
    v, i = ctypes.c_void_p, ctypes.c_int
    for name, res, args in (
        ("FPDFText_LoadPage", v, (v,)),
        ("FPDFText_ClosePage", None, (v,)),
        ("FPDFText_CountChars", i, (v,)),
        ("FPDFText_GetUnicode", ctypes.c_uint, (v, i)),
        ("FPDFText_GetText", i, (v, i, i, v)),
        ("FPDFText_GetTextObject", v, (v, i)),
        ("FPDFText_GetLooseCharBox", i, (v, i, v)),
        ("FPDFTextObj_GetFont", v, (v,)),
        ("FPDFTextObj_GetFontSize", i, (v, v)),
        ("FPDFFont_GetBaseFontName", ctypes.c_size_t, (v, v, ctypes.c_size_t)),
        ("FPDFText_GetCharOrigin", i, (v, i, v, v)),
        ("FPDFText_GetCharBox", i, (v, i, v, v, v, v)),
        ("FPDFText_IsHyphen", i, (v, i)),
        ("FPDFFont_GetGlyphWidth", i, (v, ctypes.c_uint, ctypes.c_float, v)),
        ("FPDFPageObj_GetMatrix", i, (v, v)),
        ("FPDFPage_CountObjects", i, (v,)),
        ("FPDFPage_GetObject", v, (v, i)),
        ("FPDFPageObj_GetType", i, (v,)),
        ("FPDFFormObj_CountObjects", i, (v,)),
        ("FPDFFormObj_GetObject", v, (v, ctypes.c_ulong)),
        ("FPDFPath_CountSegments", i, (v,)),
        ("FPDFPageObj_GetBounds", i, (v, v, v, v, v)),
        ("FPDFPath_GetPathSegment", v, (v, i)),
        ("FPDFPathSegment_GetPoint", i, (v, v, v)),
        ("FPDFPathSegment_GetType", i, (v,)),
        ("FPDFPathSegment_GetClose", i, (v,)),
        ("FPDFPageObj_GetClipPath", v, (v,)),
        ("FPDFClipPath_CountPaths", i, (v,)),
        ("FPDFClipPath_CountPathSegments", i, (v, i)),
        ("FPDFClipPath_GetPathSegment", v, (v, i, i)),
    ):
        try:
            fn = getattr(lib, name)
        except AttributeError as exc:
            raise RuntimeError(
                f"the pdfium that pypdfium2 ships has no {name}: install pypdfium2 >= 4.30, or read PDFs with "
                "--pdf-engine pdfplumber"
            ) from exc
        fn.restype, fn.argtypes = res, args
    return lib


@cache
def _hot() -> Any:
    """The per-character functions without argument types: ctypes then checks nothing (callers pass
    c_void_p objects for pointers and ints for indices), which saves a third of each call."""
    lib = ctypes.CDLL(_lib()._name)  # the same library handle, its own function objects
    for name, res in (
        ("FPDFText_GetTextObject", ctypes.c_void_p),
        ("FPDFText_GetLooseCharBox", ctypes.c_int),
        ("FPDFText_GetCharOrigin", ctypes.c_int),
    ):
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = res, None
    return lib


def _library_name() -> str:
    import pypdfium2_raw

    names = [
        n
        for n in os.listdir(os.path.dirname(pypdfium2_raw.__file__))
        if "pdfium" in n and n.split(".")[-1] in ("so", "dylib", "dll")
    ]
    return names[0] if names else "libpdfium.so"


_TEXT, _PATH, _FORM = 1, 2, 5  # FPDF_PAGEOBJ_*
_MOVETO = 2  # FPDF_SEGMENT_MOVETO


class PdfiumPage:
    """One page: ``chars`` (pdf_words.Char, content order), ``horizontal_edges`` / ``vertical_edges`` (rules:
    dicts with x0, x1, top, bottom), ``page_number``, ``width``, ``height`` (as the page is shown: a page with
    /Rotate 90 is read in its turned frame, as pdfminer reads it)."""

    def __init__(self, page: Any, number: int) -> None:
        self.page_number = number
        self.width, self.height = (float(v) for v in page.get_size())  # as shown, after /Rotate
        x0, y0, x1, y1 = (float(v) for v in page.get_mediabox())
        self.display = _display_matrix(page.get_rotation(), x0, y0, x1, y1)
        handle = ctypes.cast(page.raw, ctypes.c_void_p).value
        if handle is None:
            raise ValueError(f"page {number}: pdfium gave no page handle")
        unmapped: list[int] = []
        self.horizontal_edges, self.vertical_edges, clips = _objects(_lib(), handle, self.height, self.display)
        self.chars = _chars(_lib(), handle, self.height, self.display, unmapped, clips)
        self.unmapped, self.glyphs = unmapped or [0, 0]  # characters without a Unicode value, of all characters
        self._page = page

    def links(self) -> list[str]:
        """The URIs its link annotations open."""
        import pypdfium2.raw as raw

        out: list[str] = []
        pos, link = ctypes.c_int(0), raw.FPDF_LINK()
        while raw.FPDFLink_Enumerate(self._page.raw, ctypes.byref(pos), ctypes.byref(link)):
            action = raw.FPDFLink_GetAction(link)
            size = raw.FPDFAction_GetURIPath(self._page.pdf.raw, action, None, 0) if action else 0
            if size > 1:
                buffer = ctypes.create_string_buffer(size)
                raw.FPDFAction_GetURIPath(self._page.pdf.raw, action, buffer, size)
                out.append(buffer.value.decode("latin-1"))
        return out

    def close(self) -> None:
        self.chars = []


def _display_matrix(rotation: int, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...] | None:
    """User space -> the frame of the page as shown (pdfminer's matrices for /Rotate); None when no turn."""
    return {
        90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
        180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
        270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
    }.get(rotation % 360)


def _codes(lib: Any, textpage: int, count: int) -> list[int]:
    """The characters' Unicode values, one per index: one call for the page's text, unless that text is not
    index for index (pdfium leaves some control characters out of it): then one call per character."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = lib.FPDFText_GetText(textpage, 0, count, buffer)
    if written == count + 1:
        return memoryview(buffer.raw).cast("H")[:count].tolist()
    return [lib.FPDFText_GetUnicode(textpage, i) for i in range(count)]


def _chars(
    lib: Any,
    page: int,
    height: float,
    display: tuple[float, ...] | None,
    unmapped: list[int] | None = None,
    clips: dict[int, Clip] | None = None,
) -> list[Char]:
    """The page's characters in content order. An upright character's box runs from its origin over its
    advance width (the font's width of the character, as pdfminer measures it: pdfium's loose box takes in a
    glyph's overhang, an italic or Times "f", and word gaps are measured from the box), and from DESCENT under
    the baseline to ``size`` over it. The parts of a ligature (pdfium spells "ﬁ" out, at one origin) are one
    character, as in pdfminer. ``unmapped`` gets the number of characters pdfium could give no Unicode value
    (a Type3 or embedded font without a ToUnicode map: their "text" is glyph codes), estimated from every
    MAP_SAMPLE-th character. ``clips``: the text objects'
    clipping regions (_objects); a character outside its object's is not shown, so not read."""
    textpage = lib.FPDFText_LoadPage(page)
    if not textpage:
        return []
    try:
        count = lib.FPDFText_CountChars(textpage)
        if count <= 0:
            return []
        codes = _codes(lib, textpage, count)
        box = (ctypes.c_float * 4)()  # left, top, right, bottom
        origin = (ctypes.c_double * 2)()
        width = ctypes.c_float()
        width_at = ctypes.addressof(width)
        # the calls made per character, untyped (a third faster): pointers go as c_void_p objects
        hot = _hot()
        get_object, get_box, get_origin = (
            hot.FPDFText_GetTextObject,
            hot.FPDFText_GetLooseCharBox,
            hot.FPDFText_GetCharOrigin,
        )
        page_text = ctypes.c_void_p(textpage)
        box_at = ctypes.c_void_p(ctypes.addressof(box))
        x_at = ctypes.c_void_p(ctypes.addressof(origin))
        y_at = ctypes.c_void_p(ctypes.addressof(origin) + ctypes.sizeof(ctypes.c_double))
        get_width = lib.FPDFFont_GetGlyphWidth
        objects: dict[int, tuple[str, float, int, int, dict[int, float], float, Clip]] = {}
        fonts: dict[int, tuple[str, dict[int, float]]] = {}
        clips = clips if clips is not None else {}
        chars: list[Char] = []
        append = chars.append
        last, font, size, turn, handle, advance, clip = None, "", 0.0, 2, 0, 0.0, None
        widths: dict[int, float] = {}  # the current font's advance widths per point, by character
        # the last upright character (a ligature's next part may still join it)
        p_text, p_x0, p_x1, p_y, p_size, p_font = "", 0.0, 0.0, None, 0.0, ""
        map_error = getattr(hot, "FPDFText_HasUnicodeMapError", None)
        bad = 0
        for i, code in enumerate(codes):
            if map_error is not None and not i % MAP_SAMPLE and map_error(page_text, i) > 0:
                bad += MAP_SAMPLE
            if code <= 0x20 or code in _SPECIAL:
                if code in _HYPHENS and lib.FPDFText_IsHyphen(textpage, i):
                    code = 0x2D
                elif code <= 0x20 or code in _SKIP or 0xD800 <= code < 0xE000:
                    continue  # spaces, line breaks, control codes: words come from the gaps
            obj = get_object(page_text, i)
            if obj != last:
                last = obj
                info = objects.get(obj)
                if info is None:
                    info = objects[obj] = _object_info(lib, obj, display, fonts, clips)
                font, size, turn, handle, widths, advance, clip = info
            if not get_origin(page_text, i, x_at, y_at):
                continue
            x = origin[0]
            y = origin[1]
            if clip is not None and (
                x > clip[2] or x + size < clip[0] or y - size > clip[3] or y + size < clip[1]
            ):  # outside its clipping path: not shown (a draft page's text under a figure cut to its panel)
                continue
            if display is not None:
                x, y = display[0] * x + display[2] * y + display[4], display[1] * x + display[3] * y + display[5]
            text = chr(code) if code < 0xFB00 else char_text(chr(code))
            if turn == 0:
                if x == p_x0 and y == p_y:  # the next part of a ligature
                    p_text += text
                    if get_box(page_text, i, box_at):
                        right = box[2] if display is None else _turn_box(display, *box)[2]
                        p_x1 = right if right > p_x1 else p_x1
                    continue
                per_point = widths.get(code)
                if per_point is None:
                    ok = handle and get_width(handle, code, ctypes.c_float(1.0), width_at)
                    per_point = widths[code] = width.value if ok else -1.0
                if per_point > 0:
                    x1 = x + per_point * advance
                elif get_box(page_text, i, box_at):  # no width for it in the font: the loose box
                    x1 = box[2] if display is None else _turn_box(display, *box)[2]
                else:
                    continue
                if p_y is not None:
                    low = height - p_y + DESCENT * p_size
                    append((p_text, p_x0, p_x1, low - p_size, low, p_size, p_font, 0))
                p_text, p_x0, p_x1, p_y, p_size, p_font = text, x, x1 if x1 > x else x, y, size, font
                continue
            if not get_box(page_text, i, box_at):
                continue
            left, top, right, bottom = box if display is None else _turn_box(display, *box)
            if turn == 1:  # read bottom to top: the glyphs' "down" is +x
                x1 = x + DESCENT * size
                append((text, x1 - size, x1, height - top, height - bottom, size, font, 1))
            else:
                append((text, left, right, height - top, height - bottom, size, font, 2))
        if p_y is not None:
            low = height - p_y + DESCENT * p_size
            append((p_text, p_x0, p_x1, low - p_size, low, p_size, p_font, 0))
        if unmapped is not None:
            unmapped[:] = [min(bad, count), count]
        return chars
    finally:
        lib.FPDFText_ClosePage(textpage)


def _turn_box(m: tuple[float, ...], left: float, top: float, right: float, bottom: float) -> tuple[float, ...]:
    """A box (left, top, right, bottom; y up) in the shown frame of a turned page."""
    a, b, c, d, e, f = m
    xs = (a * left + c * bottom + e, a * right + c * top + e)
    ys = (b * left + d * bottom + f, b * right + d * top + f)
    return min(xs), max(ys), max(xs), min(ys)


_MATRIX = (ctypes.c_float * 6)()
_POINTS = ctypes.c_float()


Clip = tuple[float, float, float, float] | None  # a clipping region's bounds (left, bottom, right, top), page space
MAX_CLIP_SEGMENTS = PDF_SETTINGS.max_clip_segments  # a clipping path with more segments is not read


def _path_box(lib: Any, obj: int, matrix: tuple[float, ...], known: dict[tuple, Clip]) -> Clip:
    """The bounds of the region an object's clipping paths leave (the intersection of their bounds), in the
    space ``matrix`` maps its parent's space to; None when it has none or one too complex to bound cheaply."""
    path = lib.FPDFPageObj_GetClipPath(obj)
    if not path:
        return None
    key = (path, matrix)
    if key in known:
        return known[key]
    box: Clip = None
    point = (ctypes.c_float * 2)()
    at = ctypes.addressof(point)
    a, b, c, d, e, f = matrix
    for k in range(lib.FPDFClipPath_CountPaths(path)):
        count = lib.FPDFClipPath_CountPathSegments(path, k)
        if count > MAX_CLIP_SEGMENTS:
            box = None
            break
        xs, ys = [], []
        for j in range(count):
            segment = lib.FPDFClipPath_GetPathSegment(path, k, j)
            if segment and lib.FPDFPathSegment_GetPoint(segment, at, at + 4):
                x, y = point
                xs.append(a * x + c * y + e)
                ys.append(b * x + d * y + f)
        if xs:
            box = _meet(box, (min(xs), min(ys), max(xs), max(ys)))
    known[key] = box
    return box


def _meet(box: Clip, other: Clip) -> Clip:
    if box is None or other is None:
        return other if box is None else box
    return (max(box[0], other[0]), max(box[1], other[1]), min(box[2], other[2]), min(box[3], other[3]))


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _object_info(
    lib: Any,
    obj: int | None,
    display: tuple[float, ...] | None,
    fonts: dict[int, tuple[str, dict[int, float]]],
    clips: dict[int, Clip] | None = None,
) -> tuple[str, float, int, int, dict[int, float], float, Clip]:
    """(font name, size in points, direction as shown: 0 upright / 1 bottom to top / 2 other, the font's
    handle, the font's widths met so far, the advance of a glyph of width 1 in points, the bounds of its
    clipping path)."""
    if not obj:
        return ("", 0.0, 2, 0, {}, 0.0, None)
    lib.FPDFPageObj_GetMatrix(obj, ctypes.addressof(_MATRIX))
    lib.FPDFTextObj_GetFontSize(obj, ctypes.addressof(_POINTS))
    a, b, c, d = _MATRIX[0], _MATRIX[1], _MATRIX[2], _MATRIX[3]
    if display is not None:
        a, b, c, d = _multiply((a, b, c, d, 0.0, 0.0), display)[:4]
    points = _POINTS.value
    scale = math.hypot(c, d)
    if -0.01 * scale <= b <= 0.01 * scale and -0.01 * scale <= c <= 0.01 * scale and a > 0 and d > 0:
        turn = 0
    elif b > 0 and c < 0 and -0.01 * scale <= a <= 0.01 * scale and -0.01 * scale <= d <= 0.01 * scale:
        turn = 1
    else:
        turn = 2
    font = lib.FPDFTextObj_GetFont(obj)
    known = fonts.get(font)
    if known is None:
        buffer = ctypes.create_string_buffer(256)
        if font:
            lib.FPDFFont_GetBaseFontName(font, buffer, 256)
        known = fonts[font] = (font_name(buffer.value.decode("latin-1")), {})
    clip = clips.get(obj) if clips is not None else None
    return known[0], points * scale, turn, font or 0, known[1], points * math.hypot(a, b), clip


def _objects(
    lib: Any, page: int, height: float, display: tuple[float, ...] | None
) -> tuple[list[dict], list[dict], dict[int, Clip]]:
    """One walk over the page's objects (into form XObjects): the straight axis-parallel segments of its paths
    (lines, rectangles, and paths of a few segments), as pdfplumber makes edges of them (paths of many
    segments are drawings and skipped), and the clipping region (page space) of every text object that has
    one: its own clipping paths and those of the forms it is drawn in (a form's objects' paths are in the
    form's space)."""
    horizontal: list[dict] = []
    vertical: list[dict] = []
    point = (ctypes.c_float * 2)()
    address = ctypes.addressof(point)
    matrix = (ctypes.c_float * 6)()
    bounds = (ctypes.c_float * 4)()
    bounds_at = ctypes.addressof(bounds)

    def segments(path: int, outer: tuple[float, ...]) -> None:
        count = lib.FPDFPath_CountSegments(path)
        if count < 2 or count > MAX_PATH_SEGMENTS:
            return
        if lib.FPDFPageObj_GetBounds(path, bounds_at, bounds_at + 4, bounds_at + 8, bounds_at + 12):
            left, bottom, right, top = bounds
            if right - left < MIN_RULE and top - bottom < MIN_RULE:
                return  # a mark or a small shape: no rule
        lib.FPDFPageObj_GetMatrix(path, ctypes.addressof(matrix))
        m = _multiply(tuple(matrix), outer)
        subpath: list[tuple[float, float]] = []
        closed = False
        for k in range(count + 1):
            segment = lib.FPDFPath_GetPathSegment(path, k) if k < count else None
            if segment is None or lib.FPDFPathSegment_GetType(segment) == _MOVETO:
                if closed and subpath:
                    subpath.append(subpath[0])
                if len(subpath) <= 6:  # pdfplumber's figure-path rule: at most five points (a closed box)
                    for (x0, y0), (x1, y1) in itertools.pairwise(subpath):
                        _add_edge(x0, y0, x1, y1, height, horizontal, vertical)
                subpath = []
                if segment is None:
                    break
            lib.FPDFPathSegment_GetPoint(segment, address, address + 4)
            x, y = point
            subpath.append((m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]))
            closed = bool(lib.FPDFPathSegment_GetClose(segment))

    def walk(objects: list[int], space: tuple[float, ...], region: Clip, depth: int) -> None:
        for obj in objects:
            kind = lib.FPDFPageObj_GetType(obj)
            if kind == _TEXT:
                clip = _meet(region, _path_box(lib, obj, space, known))
                if clip is not None:
                    clips[obj] = clip
            elif kind == _PATH:
                segments(obj, space if display is None else _multiply(space, display))
            elif kind == _FORM and depth < 3:
                inner_region = _meet(region, _path_box(lib, obj, space, known))
                form = (ctypes.c_float * 6)()
                lib.FPDFPageObj_GetMatrix(obj, ctypes.addressof(form))
                inner = [lib.FPDFFormObj_GetObject(obj, j) for j in range(lib.FPDFFormObj_CountObjects(obj))]
                walk(inner, _multiply(tuple(form), space), inner_region, depth + 1)

    clips: dict[int, Clip] = {}
    known: dict[tuple, Clip] = {}
    objects = [lib.FPDFPage_GetObject(page, j) for j in range(lib.FPDFPage_CountObjects(page))]
    walk(objects, _IDENTITY, None, 0)
    return horizontal, vertical, clips


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix of m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _add_edge(x0: float, y0: float, x1: float, y1: float, height: float, horizontal: list, vertical: list) -> None:
    if abs(y1 - y0) < 0.01 and x0 != x1:
        horizontal.append({"x0": min(x0, x1), "x1": max(x0, x1), "top": height - y0, "bottom": height - y0})
    elif abs(x1 - x0) < 0.01 and y0 != y1:
        vertical.append({"x0": x0, "x1": x0, "top": height - max(y0, y1), "bottom": height - min(y0, y1)})


def open_pdfium(data: bytes, source: str) -> OpenPDF:
    """pdfium repairs what it can (a broken cross-reference table is rebuilt from the objects); a file it
    cannot load, or with no pages, is an error, as with pdfminer."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedPDFError(source, "the PDF is encrypted with a password") from exc
        raise PDFError(source, f"corrupt or truncated PDF ({exc})") from exc
    count = len(document)
    if count == 0:
        document.close()
        raise PDFError(source, "corrupt or truncated PDF (no page could be read)")

    def pages():  # type: ignore[no-untyped-def]
        for index in range(count):
            page = document[index]
            try:
                yield PdfiumPage(page, index + 1)
            finally:
                page.close()

    try:
        info = {k: str(v) for k, v in document.get_metadata_dict(skip_empty=True).items()}
    except Exception:  # a damaged information dictionary: the text is still read
        info = {}
    return OpenPDF(count, pages(), document.close, info)
