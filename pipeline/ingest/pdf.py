"""PDF -> the block text the text parser reads -> Document.

Characters come from pdfium (pdf_pdfium.PdfiumPage, the default: fast) or from pdfminer through pdfplumber
(pdf_plumber.PlumberPage, the reference); both give pdf_words.Char tuples with the same geometry, and all that follows is
one code path. Per page: words with their font size, grouped into lines; running headers and footers (the top and bottom
bands of the page) and "Downloaded from" lines dropped; superscript numbers turned into citation markers; one
or two columns found from the gutter, full-width lines (titles, wide tables) read in place; blocks split at
vertical gaps and font changes; larger or bold short lines marked as headings; end-of-line hyphenation undone
("chemo-\\nresistance" -> "chemoresistance", "MDA-MB-\\n231" -> "MDA-MB-231"). The result goes through the same
parser as text input, and every paragraph, sentence, section and table gets its page.

Tables between horizontal rules (under or around a "Table N" caption) are read by pdf_tables; a paragraph cut
at a column's or page's end is joined to its continuation after any float; a table printed turned by 90° is
read upright (RotatedView). Not yet: tables without any rules (only a caption and wide gaps).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import logging
import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pipeline.errors import EmptyInputError, PDFError, ScannedPDFError, UnreadableTextPDFError
from pipeline.ingest.blocks import ends_sentence
from pipeline.ingest.hyphens import resolve as resolve_hyphens
from pipeline.ingest.metadata import is_author_line, looks_like_authors
from pipeline.ingest.pdf_pdfium import open_pdfium
from pipeline.ingest.pdf_plumber import open_plumber
from pipeline.ingest.pdf_settings import PDF_SETTINGS
from pipeline.ingest.pdf_tables import (
    RuledTable,
    extend_to_cell_lines,
    in_table,
    is_caption_word,
    lines_of,
    read_table,
    rule_groups,
    split_caption,
    split_notes,
    unruled_tables,
)
from pipeline.ingest.pdf_words import Char, OpenPDF, dehyphenate, group_words, join_words
from pipeline.models import Document, Paragraph
from pipeline.registry import DEFAULT_PDF_ENGINE, PDF_ENGINES  # pdfium by default (issue 7: same Document, faster)

logger = logging.getLogger(__name__)

HEADER_BAND = PDF_SETTINGS.header_band  # fraction of the page height read as running header / footer
# lines that are not the paper's text: download stamps, the "Check for updates" badge
_DOWNLOADED_RE = re.compile(
    r"^(?:downloaded from|this article is protected by copyright|check for updates$)", re.IGNORECASE
)
Box = tuple[float, float, float, float]  # (x0, top, x1, bottom) in points from the page's top-left corner
_RawBlock = tuple[int, str, bool, bool, Box | None]  # page, text, ends its column, set apart, box

_CAPTION_RE = re.compile(r"^(?:Table|TABLE)\s*(\d{1,3}|[IVX]{1,5})\b")  # "Table 2", "Table2" (no space in the PDF)


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    text: str
    cells: str | None = None  # the words joined with tabs at wide gaps (table rows)
    side: int = 0  # 0 left column (or the only one), 1 right column, 2 across the gutter
    table: bool = False  # a ruled table: text is its rows, tab-separated
    styled: bool = False  # set in another font than the body text's, and not smaller: a heading's look
    lead: str | None = None  # the bold words a line starts with, when roman ones follow: a run-in heading
    font: str = ""  # the font most of its words are set in
    one_font: bool = False  # all its words are set in that font


@functools.cache
def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|heavy|black|semibold|demi|\.B\b", fontname, re.IGNORECASE))


def _sides(words: list[dict], width: float, height: float = 0.0) -> list[int]:
    """0 = left column (or the only one), 1 = right column, 2 = across the gutter (titles, wide tables), 3 = a
    narrow column of notes beside the text (MARGIN)."""
    mid = width / 2
    crossing = [w["x0"] < mid - 3 and w["x1"] > mid + 3 for w in words]
    left = sum(w["x1"] <= mid + 3 for w in words)
    right = sum(w["x0"] >= mid - 3 for w in words)
    two_column = sum(crossing) < 0.04 * max(len(words), 1) and min(left, right) >= 0.2 * max(len(words), 1)
    if not two_column:
        margin = _margin_column(words, width, height)
        return [MARGIN if k in margin else 0 for k in range(len(words))]
    return [2 if c else (0 if w["x1"] <= mid + 3 else 1) for w, c in zip(words, crossing, strict=True)]


MARGIN = 3  # the side of a narrow column of notes beside the text, read after the page's text


def _margin_column(words: list[dict], width: float, height: float) -> set[int]:
    """The words of a narrow column of notes beside a page's text (eLife's first pages: the correspondence,
    dates, editor and licence to the left of the abstract and the introduction), which share
    baselines with the text but are no part of its lines: the words on one side of a vertical band that no word
    crosses, that band a fifth to two fifths into the page (or as far from its other edge), the notes a column
    of their own (an eighth of the page wide or more, words of letters, several to a line) and far fewer than
    the text's words. Empty when there is no such column."""
    if len(words) < 40:
        return set()
    covered = bytearray(int(width) + 2)
    for w in words:
        if height and not HEADER_BAND * height <= w["top"] <= (1 - HEADER_BAND) * height:
            continue  # a running header or footer may cross it
        covered[max(0, int(w["x0"])) : min(len(covered), int(w["x1"]) + 1)] = b"\x01" * (
            min(len(covered), int(w["x1"]) + 1) - max(0, int(w["x0"]))
        )
    for lo, hi, left_side in ((0.18, 0.42, True), (0.58, 0.82, False)):
        x, end = int(lo * width), int(hi * width)
        while x < end:
            if covered[x]:
                x += 1
                continue
            start = x
            while x < len(covered) and not covered[x]:
                x += 1
            if x - start < 8:
                continue
            notes = [k for k, w in enumerate(words) if (w["x1"] <= start if left_side else w["x0"] >= x)]
            text = len(words) - len(notes)
            if not 8 <= len(notes) <= text / 3:
                continue
            span = max(words[k]["x1"] for k in notes) - min(words[k]["x0"] for k in notes)
            rows = {round(words[k]["bottom"]) for k in notes}
            letters = sum(any(c.isalpha() for c in words[k]["text"]) for k in notes)
            if span >= width / 8 and len(rows) >= 3 and len(notes) >= 1.5 * len(rows) and letters >= 0.7 * len(notes):
                return set(notes)
    return set()


@dataclass
class RotatedView:
    """The text of a page printed turned by 90° (a landscape table on a portrait page), seen upright: its
    characters and rules turned back so that the same reader can read them."""

    page_number: int
    width: float
    height: float
    chars: list[Char]
    horizontal_edges: list[dict]

    @classmethod
    def of(cls, page) -> RotatedView | None:  # type: ignore[no-untyped-def]
        """The page's turned text, if it has some (read bottom to top, as landscape tables are printed)."""
        turned = [c for c in page.chars if c[7] == 1]
        if len(turned) < 200:  # a vertical watermark or margin line, not a turned table
            return None
        height = float(page.height)
        chars = [
            (text, height - bottom, height - top, x0, x1, size, font, 0)
            for text, x0, x1, top, bottom, size, font, _ in turned
        ]
        edges = [
            {
                "x0": height - float(e["bottom"]),
                "x1": height - float(e["top"]),
                "top": float(e["x0"]),
                "bottom": float(e["x0"]),
            }
            for e in page.vertical_edges
        ]
        return cls(page.page_number, height, float(page.width), chars, edges)


def _page_lines(page, body_size: float, body_font: str = "") -> list[Line]:  # type: ignore[no-untyped-def]
    words = group_words(page.chars)  # upright words only: vertical margin text ("Downloaded from ...") goes
    words = _without_line_numbers(words)
    words = _with_drop_caps_joined(words, body_size)
    height = float(page.height)
    tables = [extend_to_cell_lines(t, words) for t in rule_groups(page, words) if _captioned(t, words, body_size)]
    table_words: dict[int, list[dict]] = {id(t): [] for t in tables}
    if tables:
        rest = []
        for w in words:
            table = in_table(w, tables)
            if table is None:
                rest.append(w)
            else:
                table_words[id(table)].append(w)
        words = rest
    sides = _sides(words, float(page.width), float(page.height))
    for w, side in zip(words, sides, strict=True):
        w["side"] = 2 if w["size"] >= 1.5 * body_size and side != MARGIN else side  # title lines span the page
    wide_baselines = sorted(w["bottom"] for w in words if w["side"] == 2)
    for w in words:  # a word on the baseline of a line that crosses the gutter belongs to that line
        if w["side"] not in (2, MARGIN) and wide_baselines:
            k = bisect.bisect_left(wide_baselines, w["bottom"] - 0.45 * w["size"])
            if k < len(wide_baselines) and wide_baselines[k] <= w["bottom"] + 0.45 * w["size"]:
                w["side"] = 2
    _widen_unruled_tables(words, float(page.width) / 2, body_size)
    unruled = unruled_tables(words, tables, body_size, float(page.width))
    if unruled:
        table_words.update({id(t): [] for t in unruled})
        rest = []
        for w in words:
            table = in_table(w, unruled)
            if table is None:
                rest.append(w)
            else:
                table_words[id(table)].append(w)
        words = rest
        tables += unruled
    lines: list[list[dict]] = []
    open_lines: dict[int, list[list[dict]]] = {0: [], 1: [], 2: [], MARGIN: []}
    refs: dict[int, dict] = {}  # each line's largest word (its baseline)
    small_words: list[dict] = []
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if w["size"] < 0.85 * body_size:
            small_words.append(w)  # placed once the lines of body text are known
            continue
        _place(w, open_lines[w["side"]][-3:], lines, open_lines, refs)
    body_lines = [[ln, refs[id(ln)], min(x["x0"] for x in ln), max(x["x1"] for x in ln)] for ln in lines]
    for w in small_words:  # a superscript or subscript joins the body line it sits in, else small print
        for entry in body_lines:
            line, ref, x0, x1 = entry
            if (
                ref["top"] - 2 <= w["top"] <= ref["bottom"]
                and w["bottom"] <= ref["bottom"] + 0.5 * ref["size"]
                and x0 - 2 * ref["size"] <= w["x0"] <= x1 + ref["size"]
            ):
                line.append(w)
                w["side"] = line[0]["side"]
                entry[3] = max(x1, w["x1"])  # "50", "–", "52" after the line's last word: each reaches further
                break
        else:
            _place(w, open_lines[w["side"]][-3:], lines, open_lines, refs)
    lines = _merge_across_gutter(lines)
    out = []
    for words_of_line in lines:
        words_of_line.sort(key=lambda w: w["x0"])
        main = [w for w in words_of_line if w["size"] >= 0.85 * body_size] or words_of_line
        size = statistics.median(w["size"] for w in main)
        top = min(w["top"] for w in words_of_line)
        bottom = max(w["bottom"] for w in words_of_line)
        if bottom < HEADER_BAND * height or top > (1 - HEADER_BAND) * height:
            continue  # running header, footer, page number
        text = join_words(words_of_line, size)
        if _DOWNLOADED_RE.match(text):
            continue
        if text.isdigit() and len(text) <= 4 and (bottom < 0.12 * height or top > 0.88 * height):
            continue  # a page number a little further in than the header band
        bold_lead = next((k for k, w in enumerate(main) if not _is_bold(w["fontname"])), len(main))
        out.append(
            Line(
                page.page_number,
                top,
                bottom,
                min(w["x0"] for w in words_of_line),
                max(w["x1"] for w in words_of_line),
                size,
                bold_lead == len(main),
                text,
                _cell_text(words_of_line, size),
                max(w["side"] for w in words_of_line),
                styled=bool(body_font) and size >= 1.04 * body_size and all(w["fontname"] != body_font for w in main),
                lead=join_words(main[:bold_lead], size) if 0 < bold_lead < len(main) else None,
                font=Counter(w["fontname"] for w in main).most_common(1)[0][0],
                one_font=all(w["fontname"] == main[0]["fontname"] for w in main),
            )
        )
    _own_font_headings(out, body_size, body_font)
    _wide_paragraph_ends(out, body_size)
    mid = float(page.width) / 2
    for table in tables:
        caption_words, cell_words = split_caption(table, table_words[id(table)])
        cell_words, notes = split_notes(cell_words)
        rows = read_table(table, cell_words)
        if not rows:
            continue
        side = 2 if table.x0 < mid - 3 < mid + 3 < table.x1 else (0 if table.x1 <= mid + 3 else 1)
        for note in notes:  # small print under the rows: stands with the table, after it
            size = statistics.median(w["size"] for w in note)
            out.append(
                Line(
                    page.page_number,
                    min(w["top"] for w in note),
                    max(w["bottom"] for w in note),
                    note[0]["x0"],
                    max(w["x1"] for w in note),
                    size,
                    False,
                    join_words(note, size),
                    None,
                    side,
                )
            )
        for ln in out:  # the caption right above the table stands with it
            if _CAPTION_RE.match(ln.text) and 0 <= table.top - ln.bottom <= 3 * ln.size and ln.x0 >= table.x0 - 2:
                ln.side = side
        below = table.bottom
        for ln in sorted(out, key=lambda ln: ln.top):  # the table's notes in small print under it stand with it
            if 0 <= ln.top - below <= 2.5 * ln.size and ln.size < 0.9 * body_size and ln.x0 >= table.x0 - 2:
                ln.side, below = side, ln.bottom
        if caption_words:
            text = " ".join(join_words(ws, statistics.median(w["size"] for w in ws)) for ws in lines_of(caption_words))
            out.append(
                Line(page.page_number, table.top, table.top, table.x0, table.x1, body_size, False, text, None, side)
            )
        text = "\n".join("\t".join(row) for row in rows)
        out.append(
            Line(
                page.page_number,
                table.top + 0.1,
                table.bottom,
                table.x0,
                table.x1,
                body_size,
                False,
                text,
                text,
                side,
                table=True,
            )
        )
    return out


def _own_font_headings(lines: list[Line], body_size: float, body_font: str) -> None:
    """A short line set wholly in a face of its own at about the body size ("Setting", "Competing interests" in
    a sans-serif among serif text, in a font whose name says nothing of its weight), right above a line of body
    text, has a heading's look: ``styled``. Figure labels and table cells in another face are followed by more
    of their kind, not by body text."""
    if not body_font:
        return
    by_side: dict[int, list[Line]] = {}
    for ln in sorted(lines, key=lambda ln: ln.top):
        by_side.setdefault(ln.side, []).append(ln)
    for column in by_side.values():
        for ln, nxt in itertools.pairwise(column):
            if (
                ln.styled
                or ln.bold
                or not ln.one_font
                or ln.font == body_font
                or not 0.88 * body_size <= ln.size < 1.04 * body_size
                or not ln.text[:1].isupper()
                or len(ln.text.split()) > 10
                or ln.text.endswith((".", ",", ";", ":"))
            ):
                continue
            if nxt.font == body_font and abs(nxt.size - body_size) < 0.3 and 0 <= nxt.top - ln.bottom <= 2 * ln.size:
                ln.styled = True


def _without_line_numbers(words: list[dict]) -> list[dict]:
    """Line numbers in the margin (preprints, manuscripts): a column of eight or more small whole numbers,
    right- or left-aligned on one edge, increasing down the page, with no other word reaching into it."""
    numbers = [w for w in words if w["text"].isdigit() and len(w["text"]) <= 4]
    if len(numbers) < 8:
        return words
    for edge in ("x1", "x0"):
        columns: dict[int, list[dict]] = {}
        for w in numbers:
            columns.setdefault(round(w[edge] / 3), []).append(w)
        for column in columns.values():
            if len(column) < 8:
                continue
            x0 = min(w["x0"] for w in column)
            x1 = max(w["x1"] for w in column)
            ids = {id(w) for w in column}
            if any(w["x0"] < x1 + 1 and w["x1"] > x0 - 1 for w in words if id(w) not in ids):
                continue  # other text in the same band: a table's column of numbers, not the margin
            column.sort(key=lambda w: w["top"])
            values = [int(w["text"]) for w in column]
            if sum(b > a for a, b in itertools.pairwise(values)) < 0.8 * (len(values) - 1):
                continue
            return [w for w in words if id(w) not in ids]
    return words


def _with_drop_caps_joined(words: list[dict], body_size: float) -> list[dict]:
    """A drop cap (a paragraph's first letter set two or more lines high, the lines beside it indented) is
    the first letter of the word that starts the top line beside it: joined to that word, which takes its
    left edge, so that the paragraph starts where the letter does."""
    out = words
    for cap in [w for w in words if w["size"] >= 2.2 * body_size and len(w["text"]) <= 2 and w["text"][-1:].isupper()]:
        height = cap["bottom"] - cap["top"]
        beside = [
            w
            for w in words
            if w is not cap
            and 0 <= w["x0"] - cap["x1"] <= 2 * body_size
            and cap["top"] - 0.5 * body_size <= w["top"] <= cap["top"] + max(0.6 * height, body_size)
            and abs(w["size"] - body_size) <= 0.2 * body_size
        ]
        if not beside:
            continue
        first = min(beside, key=lambda w: (w["bottom"], w["x0"]))
        if not first["text"][:1].isalpha() or (first["text"][:1].isupper() and not first["text"].isupper()):
            continue  # "E" beside "Exosomes": a letter of a figure; "T" + "HE" (small capitals) is a word
        first.update(text=cap["text"] + first["text"], x0=cap["x0"])
        out = [w for w in out if w is not cap]
    return out


def _wide_paragraph_ends(lines: list[Line], body_size: float) -> None:
    """The last line of a paragraph across the page (a figure legend in its own size) is short enough to sit
    in the left column: right under a line across the page, in its size and at its left edge, it is that
    paragraph's, not the column's."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    for above, ln in itertools.pairwise(ordered):
        if (
            above.side == 2
            and ln.side != 2
            and abs(ln.size - above.size) <= 0.2
            and abs(ln.size - body_size) > 0.3
            and abs(ln.x0 - above.x0) <= 2
            and 0 <= ln.top - above.bottom <= 0.6 * ln.size
        ):
            ln.side = 2


def _widen_unruled_tables(words: list[dict], mid: float, body_size: float) -> None:
    """A table with no rules printed across both columns: under a "Table N" caption, lines that reach over
    the gutter and have wide gaps (cells) on top of the gutter's are rows across the page, not two columns'
    lines; they and the caption are read in place (side 2). Two columns' lines on one baseline have only the
    gutter between them."""
    captions = [w for w in words if is_caption_word(w) and w["side"] != 2]
    if not captions:
        return
    rows: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if rows and abs(w["bottom"] - rows[-1][0]["bottom"]) <= 0.45 * max(w["size"], rows[-1][0]["size"]):
            rows[-1].append(w)
        else:
            rows.append([w])

    def cells_across(line: list[dict]) -> bool:
        line = sorted(line, key=lambda w: w["x0"])
        if line[0]["x0"] >= mid or line[-1]["x1"] <= mid:
            return False
        size = statistics.median(w["size"] for w in line)
        wide = [(a, b) for a, b in itertools.pairwise(line) if b["x0"] - a["x1"] > 1.2 * size]
        return len([1 for a, b in wide if not a["x1"] <= mid <= b["x0"]]) >= 2

    for caption in captions:
        start = next((i for i, row in enumerate(rows) if any(w is caption for w in row)), None)
        if start is None:
            continue
        end = start + 1
        while end < len(rows) and end - start <= 3 and not cells_across(rows[end]):
            end += 1  # the caption's own further lines
        first = end
        while end < len(rows) and cells_across(rows[end]):
            if rows[end][0]["top"] - max(w["bottom"] for w in rows[end - 1]) > 2.5 * body_size:
                break
            end += 1
        if end - first >= 2:  # a header and a row at least
            for row in rows[start:end]:
                for w in row:
                    w["side"] = 2


def _captioned(table: RuledTable, words: list[dict], body_size: float) -> bool:
    """Rules make a table only under (or around) a "Table N" caption: title boxes and banners have rules too."""
    return any(
        is_caption_word(w)
        and table.top - 6 * body_size <= w["bottom"] <= table.top + 2 * body_size
        and table.x0 - 2 <= w["x0"] <= table.x1
        for w in words
    )


def _place(
    w: dict,
    recent: list[list[dict]],
    lines: list[list[dict]],
    open_lines: dict[int, list[list[dict]]],
    refs: dict[int, dict],
) -> None:
    """Put a word on one of the recent lines of its column that shares its baseline (that of the line's
    largest word, ``refs``), or start a line."""
    size = w["size"]
    for line in reversed(recent):
        ref = refs[id(line)]
        if abs(w["bottom"] - ref["bottom"]) <= 0.45 * (size if size > ref["size"] else ref["size"]):
            line.append(w)
            if size > ref["size"]:
                refs[id(line)] = w
            return
    lines.append([w])
    refs[id(lines[-1])] = w
    open_lines[w["side"]].append(lines[-1])


def _merge_across_gutter(lines: list[list[dict]]) -> list[list[dict]]:
    """A left-column line and a right-column line on one baseline with an ordinary word gap between them are
    one line across the page (a title, a caption, a wide table row), not two columns."""
    right = [(min(w["x0"] for w in ln), max(w["bottom"] for w in ln), ln) for ln in lines if ln[0]["side"] == 1]
    right.sort(key=lambda r: r[1])
    bottoms = [r[1] for r in right]
    merged: set[int] = set()
    for a in lines:
        if a[0]["side"] != 0:
            continue
        a_end = max(w["x1"] for w in a)
        a_bottom = max(w["bottom"] for w in a)
        tolerance = 0.45 * max(w["size"] for w in a)
        start = bisect.bisect_left(bottoms, a_bottom - tolerance)
        for b_x0, b_bottom, b in right[start:]:
            if b_bottom > a_bottom + tolerance:
                break
            if id(b) not in merged and b_x0 - a_end < 1.2 * tolerance / 0.45:
                a.extend(b)
                for w in a:
                    w["side"] = 2
                merged.add(id(b))
                break
    return [ln for ln in lines if id(ln) not in merged]


def _cell_text(words: list[dict], size: float) -> str | None:
    """Words split into cells at gaps wider than 1.2 size, joined with tabs; None when the line has no such gap."""
    cells: list[list[dict]] = [[words[0]]] if words else []
    for prev, w in itertools.pairwise(words):
        if w["x0"] - prev["x1"] > 1.2 * size:
            cells.append([w])
        else:
            cells[-1].append(w)
    if len(cells) < 2:
        return None
    return "\t".join(join_words(c, size) for c in cells)


def _columns(lines: list[Line], width: float) -> list[list[Line]]:
    """Reading order: lines across the gutter where they stand; between them, the left column before the right;
    a narrow column of notes beside the text (``MARGIN``) after the page's text."""
    del width
    regions: list[list[Line]] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        for column in (left, right):
            if column:
                regions.append(sorted(column, key=lambda ln: ln.top))
                column.clear()

    wide: list[Line] = []
    margin = sorted((ln for ln in lines if ln.side == MARGIN), key=lambda ln: ln.top)
    for ln in sorted((ln for ln in lines if ln.side != MARGIN), key=lambda ln: ln.top):
        if ln.side == 2:
            flush()
            wide.append(ln)  # consecutive lines across the page (a title over two lines) stay one region
        else:
            if wide:
                regions.append(wide)
                wide = []
            (left if ln.side == 0 else right).append(ln)
    if wide:
        regions.append(wide)
    flush()
    if margin:  # the notes beside the text: after it
        regions.append(margin)
    return regions


_MARKS_ONLY_RE = re.compile(r"[\d,\s*†‡§¶#–-]+")
_REFERENCES_RE = re.compile(r"^(?:#+\s*)?(?:references?|bibliography|literature cited|references and notes)$", re.I)


def _blocks(regions: list[list[Line]], body_size: float, state: dict[str, Any] | None = None) -> list[_RawBlock]:
    """(page, block text, ends its column, set apart: a table, a caption or small print) in reading order: a block ends at a vertical gap, a size change or a
    caption. In the reference list (``state["refs"]``, kept across pages) lines stay lines: one entry may span several, and the
    reference parser joins them."""
    state = {} if state is None else state
    blocks: list[tuple[int, list[Line]]] = []
    region_ends: set[int] = set()
    footnotes: set[int] = set()  # blocks of small print across the page under the columns (affiliations)
    seen_columns = False
    for region in regions:
        seen_columns = seen_columns or region[0].side != 2
        first_block = len(blocks)
        current: list[Line] = []
        if region[0].side == MARGIN:  # the notes beside the text: one block of small print, after the text
            blocks.append((region[0].page, list(region)))
            continue
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(region) if b.top > a.bottom]
        typical = statistics.median(gaps) if gaps else body_size * 0.3
        for ln in region:
            if ln.table:
                if current:
                    blocks.append((current[0].page, current))
                blocks.append((ln.page, [ln]))
                current = []
                continue
            if current:
                prev = current[-1]
                gap = ln.top - prev.bottom
                legend = bool(_FLOAT_RE.match(current[0].text))  # a bold legend title goes on in roman
                new = (
                    gap > typical + 0.6 * body_size
                    or abs(ln.size - prev.size) > 0.6
                    or (ln.bold != prev.bold and not legend)
                    or (ln.styled != prev.styled and not legend)
                    or _CAPTION_RE.match(ln.text)
                )
                if new:
                    blocks.append((current[0].page, current))
                    current = []
            current.append(ln)
        if current:
            blocks.append((current[0].page, current))
            if region[0].side != 2:  # a column's last block (title and author lines across the page are not)
                region_ends.add(len(blocks) - 1)
        if region[0].side == 2 and seen_columns:
            footnotes.update(k for k in range(first_block, len(blocks)) if blocks[k][1][0].size < 0.97 * body_size)
    out: list[_RawBlock] = []
    in_table = False
    for index, (page, lines) in enumerate(blocks):
        end = index in region_ends
        box = _box_of(lines)
        if lines[0].table:
            out.append((page, lines[0].text, False, True, box))
            in_table = False
            continue
        if in_table and _looks_tabular(lines, body_size):
            out.append((page, "\n".join(_cells(ln, body_size) for ln in lines), False, True, box))
            continue
        in_table = bool(_CAPTION_RE.match(lines[0].text))
        if _REFERENCES_RE.match(lines[0].text.strip()):
            state["refs"] = True
            out.append((page, "## References", False, False, _box_of(lines[:1])))
            lines = lines[1:]
            if not lines:
                continue
        if state.get("refs") and _ends_reference_list(lines, body_size):
            state["refs"] = False  # a heading after the list: acknowledgements, author contributions
        if state.get("refs"):
            out.append((page, "\n".join(_reference_entries(lines)), False, False, _box_of(lines)))
            continue
        text = dehyphenate([ln.text for ln in lines])
        first = lines[0]
        run_in = _run_in_heading(first, text)
        if run_in is not None:  # "Setting The Medical Department ...": the bold words are the heading
            out.append((page, f"## {run_in}", False, False, _box_of(lines[:1])))
            state.setdefault("styles", []).append(
                (f"## {run_in}", (round(first.size * 2) / 2 - 0.25, run_in.isupper(), True, False))
            )
            text = text[len(first.lead or "") :].lstrip()
        if first.size < 0.9 * body_size and _MARKS_ONLY_RE.fullmatch(text):
            continue  # affiliation marks or a raised number left alone on a line: no text of their own
        if first.size < 0.9 * body_size and _figure_residue(text):
            continue  # a figure's axis ticks and panel numbers in small print ("10 10 10 10", "0 20 40 60")
        heading = (
            # a heading may be a sentence ("Transcripts are untethered to the transcription site and move through
            # a slow-moving zone ..."): up to 32 words in bold or its own face, never a full stop at its end
            (first.size >= 1.15 * body_size or ((first.bold or first.styled) and len(text) < 240))
            and len(text.split()) <= (20 if not (first.bold or first.styled) else 32)
            and not text.endswith("-")  # a line broken in a word: the first line of a bold abstract
            and re.search(r"[A-Za-z]{2}", text) is not None  # a raised number left on a line of its own
            and not _FLOAT_RE.match(text)  # a figure legend's bold title
            and not (first.styled and not first.bold and looks_like_authors(text))  # the author line's font
            and not (page == 1 and is_author_line(text))  # an author line set in bold (NAR) is no heading
            and first.side != MARGIN  # a label of the notes beside the text ("*For correspondence:")
        )
        caption = _CAPTION_RE.match(text)
        if caption:  # the caption form the text parser reads: "**Table 2.** Overview ..."
            text = f"**Table {caption[1]}.** {text[caption.end() :].lstrip(' .:')}"
        elif heading and not text.endswith("."):
            level = "#" if first.size >= 1.6 * body_size else "##"
            text = f"{level} {text}"
            if level == "##":  # its look, to rank the paper's heading styles once every page is read
                state.setdefault("styles", []).append(
                    (text, (round(first.size * 2) / 2, text[3:].isupper(), first.bold, first.styled))
                )
        small = lines[0].size < 0.9 * body_size or index in footnotes or first.side == MARGIN
        end = end and not heading and not caption and len(text) > 80
        out.append((page, text, end, bool(caption) or small, _box_of(lines)))
    return out


_RUN_IN_END_RE = re.compile(r"[.:;,]$")


def _run_in_heading(first: Line, text: str) -> str | None:
    """The run-in heading a paragraph starts with: the bold words of its first line before roman ones, short,
    capitalised, no float's label ("Figure 1") and no label with a colon ("Background:" of a structured
    abstract, "Correspondence:"), a full stop after it dropped ("Cell culture. HeLa cells were ...")."""
    lead = first.lead
    if lead is None or not text.startswith(lead) or len(text) <= len(lead) + 1:
        return None
    title = lead.rstrip(" .")
    words = title.split()
    if not 1 <= len(words) <= 12 or not title[:1].isupper() or _FLOAT_RE.match(title) or _CAPTION_RE.match(title):
        return None
    if lead.rstrip().endswith(":") or _RUN_IN_END_RE.search(title) or re.search(r"\d", title[:1]):
        return None
    return title


_TICK_RE = re.compile(r"[−+\-]?\d+(?:[.,]\d+)?%?|\S")


def _figure_residue(text: str) -> bool:
    """Four or more tokens, nearly all of them numbers or single characters: what a figure's axes leave."""
    tokens = text.split()
    return len(tokens) >= 4 and sum(bool(_TICK_RE.fullmatch(t)) for t in tokens) >= 0.9 * len(tokens)


def _box_of(lines: list[Line]) -> Box | None:
    """The box round a block's lines on its first line's page."""
    on_page = [ln for ln in lines if ln.page == lines[0].page] if lines else []
    if not on_page:
        return None
    return (
        round(min(ln.x0 for ln in on_page), 1),
        round(min(ln.top for ln in on_page), 1),
        round(max(ln.x1 for ln in on_page), 1),
        round(max(ln.bottom for ln in on_page), 1),
    )


def _ends_reference_list(lines: list[Line], body_size: float) -> bool:
    """A heading after the reference list: one short line set larger, bold or in the headings' own font,
    without the digits every entry has; or a title (set far larger than any entry: another article begins)."""
    first = lines[0]
    if first.size >= 1.4 * body_size and re.search(r"[A-Za-z]{3}", first.text):
        return True
    return (
        len(lines) == 1
        and (first.size >= 1.15 * body_size or first.bold or first.styled)
        and len(first.text.split()) <= 8
        and not re.search(r"\d", first.text)
        and not first.text.endswith(".")
    )


_ENTRY_NUMBER_RE = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}[.)]?\s)")


def _reference_entries(lines: list[Line]) -> list[str]:
    """A reference list's lines, one entry a line where the list sets its entries with a hanging indent (the
    first line at the column's edge, the others further in): an indented line that does not start with an
    entry number goes on the entry above (hyphenation undone). Lines stay as they are otherwise."""
    if len(lines) < 2:
        return [ln.text for ln in lines]
    left = min(ln.x0 for ln in lines)
    indent = [ln.x0 > left + 0.6 * ln.size and not _ENTRY_NUMBER_RE.match(ln.text) for ln in lines]
    if not any(indent):
        return [ln.text for ln in lines]
    entries: list[list[str]] = []
    for ln, inside in zip(lines, indent, strict=True):
        if inside and entries:
            entries[-1].append(ln.text)
        else:
            entries.append([ln.text])
    return [dehyphenate(e) for e in entries]


_TOP_LEVEL_RE = re.compile(r"(?:abstract|summary|introduction|background|references|acknowledge?ments?)\b", re.I)


def _heading_levels(blocks: list[tuple[int, str]], styles: list[tuple[str, tuple]]) -> list[tuple[int, str]]:
    """Section headings and subheadings by their look: of the heading styles used twice or more, the most
    prominent (larger, then capitals, then bold) marks sections ("##"); headings in a less prominent style
    set no larger are subsections ("###"). One style only: all sections."""
    counts = Counter(style for _, style in styles)
    used = [style for style, n in counts.items() if n >= 2]
    if len(counts) < 2 or not used:
        return blocks
    top = max(used)  # (size, capitals, bold, own font): tuples order by prominence
    lower = {
        text
        for text, style in styles
        if style < top and style[0] <= top[0] and not _TOP_LEVEL_RE.match(text[3:])  # "Abstract" is a section
    }
    return [(page, "#" + text if text in lower else text) for page, text in blocks]


def _prose(text: str) -> bool:
    """Whether a block reads as running text: words mostly in lower case, or a sentence ("None declared.")."""
    words = text.split()
    if len(words) >= 5 and sum(w[:1].islower() for w in words) >= 0.4 * len(words):
        return True
    return len(words) >= 2 and text[:1].isupper() and text.rstrip().endswith(".")


def _headings_over_text(blocks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A heading stands over text: one followed by neither running text nor a heading that is, is a figure's
    label set in a heading's look ("A B Whole cell lysate Nuclear soluble", "CTD pSer5 2 pSer5") and is read as
    text. The title ("# ...") and the reference list's heading stay."""
    out = list(blocks)
    over_text = False  # whether the block after the one looked at is running text or a heading over text
    for k in range(len(out) - 1, -1, -1):
        page, text = out[k]
        if not text.startswith("## ") and not text.startswith("### "):
            over_text = _prose(text) or text.startswith(("# ", "**", "## References"))
            continue
        if over_text or _REFERENCES_RE.match(text):
            over_text = True
            continue
        out[k] = (page, text.lstrip("#").strip())
        over_text = False
    return out


def _without_running_lines(blocks: list[_RawBlock]) -> list[_RawBlock]:
    """A short line printed on three pages or more (a journal's URL or running title set further in than the
    header band, a "Page N of M" line) is not the paper's text: dropped everywhere. Sentences (ending in a
    full stop), headings, captions and table rows are kept (a continued table repeats its header)."""

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.strip().lower())

    pages: dict[str, set[int]] = {}
    for page, text, *_ in blocks:
        if len(text) < 100 and "\t" not in text and not text.startswith(("#", "**Table")) and not text.endswith("."):
            pages.setdefault(key(text), set()).add(page)
    running = {k for k, found in pages.items() if len(found) >= 3}
    if not running:
        return blocks
    return [b for b in blocks if not (len(b[1]) < 100 and key(b[1]) in running and "\t" not in b[1])]


def _rows_after_caption(blocks: list[_RawBlock]) -> list[_RawBlock]:
    """A table's rows right after its caption: notes printed between the caption and the rules go after them."""
    out = list(blocks)
    for i, (_, text, *_) in enumerate(out):
        if not text.startswith("**Table"):
            continue
        for j in range(i + 1, min(i + 6, len(out))):
            if "\t" in out[j][1]:
                out.insert(i + 1, out.pop(j))
                break
            if (not out[j][3] and len(out[j][1]) > 20) or out[j][1].startswith("**Table"):
                break  # body text or the next caption: this caption has no ruled rows here
    return out


_FLOAT_RE = re.compile(r"^(?:\*\*)?(?:Table|TABLE|Figure|FIGURE|Fig\.)\s+\d")


def _join_across_columns(blocks: list[_RawBlock]) -> list[tuple[int, str, Box | None]]:
    """A paragraph that ends a column without ending its sentence goes on in the next column or page, after
    any table, figure legend or table note in between: the two blocks are one paragraph. A figure legend cut
    at a column's end goes on in the next block when that starts in lower case or with a digit."""
    out: list[tuple[int, str, Box | None]] = []
    open_at: int | None = None  # index in out of a paragraph cut at a column's end
    legend_at: int | None = None  # a figure legend cut at a column's end, the block before this one
    for page, text, ends_column, aside, box in blocks:
        is_float = aside or bool(_FLOAT_RE.match(text))
        if legend_at is not None and (text[:1].islower() or text[:1].isdigit()):  # the legend goes on
            prev_page, prev, prev_box = out[legend_at]
            out[legend_at] = (prev_page, dehyphenate([prev, text]), prev_box)
            legend_at = legend_at if ends_column and not ends_sentence(text) else None
            continue
        legend_at = None
        if open_at is not None and not is_float:
            if not text.startswith("#"):
                prev_page, prev, prev_box = out[open_at]
                out[open_at] = (prev_page, dehyphenate([prev, text]), prev_box)
                open_at = open_at if ends_column and not ends_sentence(text) else None
                continue
            open_at = None
        out.append((page, text, box))
        if ends_column and not is_float and not ends_sentence(text):
            open_at = len(out) - 1
        elif ends_column and _FLOAT_RE.match(text) and not ends_sentence(text):
            legend_at = len(out) - 1
    return out


def _looks_tabular(lines: list[Line], body_size: float) -> bool:
    """Rows of a table: most lines have wide gaps between their words (cells)."""
    return sum(ln.cells is not None for ln in lines) >= max(1, len(lines) // 2)


def _cells(line: Line, body_size: float) -> str:
    """A line's words split into cells at gaps wider than 1.2 body-size, tab-separated; a line of one cell
    keeps a tab so that it stays a row of its table."""
    return line.cells if line.cells is not None else line.text + "\t"


def _check_bytes(data: bytes, source: str) -> None:
    if not data:
        raise EmptyInputError(source, "the file is empty")
    if not data.lstrip()[:5] == b"%PDF-":
        raise PDFError(source, f"not a PDF (the file starts with {data[:8]!r})")


def _open(data: bytes, source: str, engine: str) -> OpenPDF:
    _check_bytes(data, source)
    return open_pdfium(data, source) if engine == "pdfium" else open_plumber(data, source)


def pdf_to_blocks(data: bytes, source: str, engine: str = DEFAULT_PDF_ENGINE) -> tuple[list[tuple[int, str]], int, str]:
    """The PDF's blocks in reading order as (page, text), its page count and its first page's full text (then
    a form feed and the last page's lines);
    typed errors for bad files. ``engine``: where the characters come from (PDF_ENGINES)."""
    blocks, count, head, _, _ = _pdf_to_blocks(data, source, engine)
    return blocks, count, head


def _pdf_to_blocks(
    data: bytes, source: str, engine: str
) -> tuple[list[tuple[int, str]], int, str, int, list[Box | None]]:
    """pdf_to_blocks, the number of characters the pages print (to tell how much reaches the Document) and
    each block's box on its page."""
    if engine not in PDF_ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: one of {', '.join(PDF_ENGINES)}")
    if engine == "pdfium":  # pdfium is not thread-safe: one reader at a time per process (workers are processes)
        with _PDFIUM_LOCK:
            return _read_blocks(data, source, engine)
    return _read_blocks(data, source, engine)


_PDFIUM_LOCK = threading.Lock()


def _read_blocks(
    data: bytes, source: str, engine: str
) -> tuple[list[tuple[int, str]], int, str, int, list[Box | None]]:
    pdf = _open(data, source, engine)
    try:
        sizes: Counter[float] = Counter()
        sideways = 0  # characters not upright as the page is shown
        first: list = []  # the first pages, read once: the size scan and the loop below share them
        pages = pdf.pages
        for page in itertools.islice(pages, 3):
            first.append(page)
            for ch in page.chars[:5000]:
                sizes[round(ch[5], 1)] += 1
                sideways += ch[7] != 0
        if not sizes:
            raise ScannedPDFError(source, f"no text layer in the first pages ({pdf.count} pages): a scanned PDF")
        body = sizes.most_common(1)[0][0]
        fonts = Counter(ch[6] for page in first for ch in page.chars[:5000] if round(ch[5], 1) == body)
        body_font = fonts.most_common(1)[0][0] if fonts else ""
        head = " ".join(w["text"] for w in group_words(first[0].chars))  # journals print the DOI here
        own = _INFO + " ".join(pdf.info.values()) + _INFO + " ".join(first[0].links())  # and name it here
        found: list[_RawBlock] = []
        state: dict[str, Any] = {}
        printed = 0  # characters on the pages, to warn when most of them do not reach the Document
        unmapped = glyphs = 0  # characters without a Unicode value, of all the characters the pages hold
        for page in itertools.chain(first, pages):  # one page at a time: memory stays bounded on long PDFs
            printed += len(page.chars)
            unmapped += getattr(page, "unmapped", 0)
            glyphs += getattr(page, "glyphs", 0)
            if turned := RotatedView.of(page):  # a landscape table: read before the page's upright text
                turned_blocks = _blocks(_columns(_page_lines(turned, body, body_font), turned.width), body, {})
                found += [(*b[:4], None) for b in turned_blocks]  # boxes in the turned frame: not the page's
            lines = _page_lines(page, body, body_font)
            found += _blocks(_columns(lines, float(page.width)), body, state)
            if page.page_number == pdf.count and pdf.count > 1:  # the last page: where some print their DOI
                head += _LAST_PAGE + " ".join(ln.text for ln in lines)
            page.close()
        if glyphs and unmapped > PDF_SETTINGS.lost_text_share * glyphs:
            raise UnreadableTextPDFError(
                source,
                f"no readable text layer: {unmapped / glyphs:.0%} of its {glyphs:,} characters have no Unicode value "
                "(fonts without a ToUnicode map, such as Type3 fonts): its text would be glyph codes, not words",
            )
        joined = _join_across_columns(_rows_after_caption(_without_running_lines(found)))
        boxes = [box for _, _, box in joined]
        blocks = _heading_levels([(page, text) for page, text, _ in joined], state.get("styles", []))
        blocks = _headings_over_text(blocks)
        blocks = list(zip([p for p, _ in blocks], resolve_hyphens([t for _, t in blocks]), strict=True))
        if not any(text for _, text in blocks):
            if sideways > 0.5 * sum(sizes.values()):
                raise PDFError(source, "its text is printed sideways or upside down as the pages are shown")
            raise ScannedPDFError(source, "no text layer: a scanned PDF")
        if _LAST_PAGE not in head:
            head += _LAST_PAGE
        return blocks, pdf.count, head + own, printed, boxes
    except EVminerPDFErrors:
        raise
    except Exception as exc:
        raise PDFError(source, f"cannot be read as a PDF ({type(exc).__name__}: {exc})") from exc
    finally:
        pdf.close()


EVminerPDFErrors = (PDFError, EmptyInputError)


def parse_pdf(data: bytes, *, doc_id: str, source: str, engine: str = DEFAULT_PDF_ENGINE) -> Document:
    """A PDF's bytes -> Document, with the page of every paragraph, sentence, section and table."""
    from pipeline.ingest.metadata import year_from_first_page
    from pipeline.ingest.text import parse_text

    blocks, _, head, printed, boxes = _pdf_to_blocks(data, source, engine)
    text = "\n\n".join(t for _, t in blocks)
    doc = parse_text(text, doc_id=doc_id, source=source, fmt="pdf")
    first_page, _, rest = head.partition(_LAST_PAGE)
    last_page, _, rest = rest.partition(_INFO)
    info, _, links = rest.partition(_INFO)
    update: dict[str, object] = {}
    doi = own_doi(doc.metadata.doi, first_page, last_page, info, links)
    if doi is not None and doi != doc.metadata.doi:
        update["doi"] = doi
    if doc.metadata.year is None and (year := year_from_first_page(first_page)):
        update["year"] = year
    if update:
        doc = doc.model_copy(update={"metadata": doc.metadata.model_copy(update=update)})
    return _later_article_pages(
        assign_pages(_with_coverage_warning(_resolvable_citations(doc), printed), blocks, boxes), blocks
    )


def _later_article_pages(doc: Document, blocks: list[tuple[int, str]]) -> Document:
    """The pages another article after the reference list is printed on, in its warning ("pages 5-8")."""
    from pipeline.ingest.markup import clean_inline
    from pipeline.ingest.text import LATER_ARTICLE

    warnings = list(doc.warnings)
    for k, warning in enumerate(warnings):
        if not warning.startswith(LATER_ARTICLE):
            continue
        title = warning.split('"', 2)[1][:30] if warning.count('"') >= 2 else ""
        refs = next((i for i, (_, t) in enumerate(blocks) if t == "## References"), 0)
        first = next(
            (p for p, t in blocks[refs:] if title and title in clean_inline(t.lstrip("# "), citations=False).text),
            None,
        )
        if first is not None:
            last = max(p for p, _ in blocks)
            where = f"page {first}" if last == first else f"pages {first}-{last}"
            warnings[k] = f"{where}: {warning}"
    return doc.model_copy(update={"warnings": warnings}) if warnings != doc.warnings else doc


def _with_coverage_warning(doc: Document, printed: int) -> Document:
    """A warning when less than half of the characters the pages print reach the Document (its text, table
    cells, reference entries): whole pages or columns lost, text the reader could not place. Figures' own
    labels and running headers are a few percent of a paper's characters; journal PDFs read here keep 90%+."""
    kept = len(re.sub(r"\s", "", doc.text))
    kept += sum(len(re.sub(r"\s", "", c)) for t in doc.tables for row in [t.header, *t.rows] for c in row)
    kept += sum(len(re.sub(r"\s", "", r.raw)) for r in doc.references)
    if printed == 0 or kept >= PDF_SETTINGS.lost_text_share * printed:
        return doc
    warning = (
        f"only {kept / printed:.0%} of the {printed} characters printed on the pages reach the Document: "
        "pages or columns may be lost"
    )
    logger.warning("%s: %s", doc.source, warning)
    return doc.model_copy(update={"warnings": [*doc.warnings, warning]})


_LAST_PAGE = "\f"  # between the first and the last page's text in pdf_to_blocks' third value
# the paper's own DOI as printed: "doi:10.1186/...", "DOI 10.1038/...", "https://doi.org/10.1186/..."
_OWN_DOI_RE = re.compile(r"(?:^|\s)(?:doi:?\s*|\S*doi\.org/)(10\.\d{4,9}/\S+[^\s.,;)\]])", re.IGNORECASE)
_INFO = "\v"  # before the information dictionary's text, then before the first page's link targets
_CROSSMARK_RE = re.compile(r"crossmark\S*[?&]doi=(10\.\d{4,9}/[^\s&#]+)", re.IGNORECASE)
_DOI_LINK_RE = re.compile(r"doi\.org/(10\.\d{4,9}/[^\s&#?]+)", re.IGNORECASE)


def own_doi(front: str | None, first_page: str, last_page: str, info: str, links: str) -> str | None:
    """The paper's own DOI, not one it cites: each place that names the paper votes for its DOI (the PDF's
    information dictionary and a CrossMark link name the paper itself: two votes each; a DOI printed with
    "doi" or "doi.org/" on the first page, the first doi.org link of the first page, the front matter's
    first DOI, one printed with "doi" on the last page: one each); the most votes win, ties going to the
    place listed first. Without any, the first DOI printed on the first page."""
    from pipeline.ingest.metadata import DOI_RE

    votes: Counter[str] = Counter()
    order: dict[str, int] = {}
    places = [
        (DOI_RE.search(info), 2),
        (_CROSSMARK_RE.search(links), 2),
        (_OWN_DOI_RE.search(first_page), 1),
        (_DOI_LINK_RE.search(links), 1),
        (DOI_RE.search(front or ""), 1),
        (_OWN_DOI_RE.search(last_page), 1),
    ]
    for m, weight in places:
        if m is None:
            continue
        doi = _clean_doi(m[1])
        key = doi.lower()
        votes[key] += weight
        order.setdefault(key, len(order))
    if not votes:
        m = DOI_RE.search(first_page)
        return _clean_doi(m[1]) if m else front
    best = max(votes, key=lambda k: (votes[k], -order[k]))
    for m, _ in places:  # as printed (case kept)
        if m is not None and _clean_doi(m[1]).lower() == best:
            return _clean_doi(m[1])
    return best


def _clean_doi(doi: str) -> str:
    return doi.rstrip(".,;")


def _resolvable_citations(doc: Document) -> Document:
    """A raised number that names no reference of the list ("DQVD^929", a residue) is not a citation."""
    if not doc.references:
        return doc
    numbers = {r.number for r in doc.references}
    kept = [c for c in doc.citations if all(n in numbers for n in c.refs)]
    if len(kept) == len(doc.citations):
        return doc
    dropped = len(doc.citations) - len(kept)
    warning = f"{dropped} raised number(s) name no reference of the list: not read as citations"
    return doc.model_copy(update={"citations": kept, "warnings": [*doc.warnings, warning]})


_TABLE_CAPTION_RE = re.compile(r"^\*\*Table (\d+)\.\*\*")


def _table_pages(blocks: list[tuple[int, str]]) -> dict[int, list[int]]:
    """Every page a table is printed on: its caption's, a "Cont." caption's, and those of the rows after them."""
    pages: dict[int, set[int]] = {}
    current: int | None = None
    for page, text in blocks:
        if m := _TABLE_CAPTION_RE.match(text):
            current = int(m[1])
            pages.setdefault(current, set()).add(page)
        elif current is not None and "\t" in text:
            pages[current].add(page)
        else:
            current = None
    return {number: sorted(found) for number, found in pages.items()}


def assign_pages(doc: Document, blocks: list[tuple[int, str]], boxes: list[Box | None] | None = None) -> Document:
    """Give each span the page of the block its text comes from (found by its first words, in order), and
    with ``boxes`` (one per block) the box it is printed in: a paragraph's block's box (for a paragraph that
    goes on in the next column or page, that of its first part); a sentence, section or citation has its
    paragraph's."""
    from pipeline.ingest.markup import clean_inline

    keys = [(page, clean_inline(text.lstrip("# ")).text[:40]) for page, text in blocks]
    par_pages: list[int | None] = []
    par_boxes: list[Box | None] = []
    k = 0
    for par in doc.paragraphs:
        head = doc.span_text(par)[:25]
        page, box = None, None
        for j in range(k, min(k + 40, len(keys))):
            if head and head[:15] in keys[j][1]:
                page, k = keys[j][0], j + 1
                box = boxes[j] if boxes is not None and j < len(boxes) else None
                break
        par_pages.append(page if page is not None else (par_pages[-1] if par_pages else 1))
        par_boxes.append(box)
    paragraphs = [
        p.model_copy(update={"page": pg, "box": bx})
        for p, pg, bx in zip(doc.paragraphs, par_pages, par_boxes, strict=True)
    ]
    sentences = [
        s.model_copy(update={"page": par_pages[s.paragraph], "box": par_boxes[s.paragraph]}) for s in doc.sentences
    ]

    table_pages = _table_pages(blocks)

    def paragraph_at(offset: int) -> Paragraph | None:
        for p in paragraphs:
            if p.start <= offset <= p.end:
                return p
        return None

    def page_at(offset: int) -> int | None:
        p = paragraph_at(offset)
        return p.page if p is not None else None

    def where(offset: int) -> dict[str, object]:
        p = paragraph_at(offset)
        return {"page": p.page, "box": p.box} if p is not None else {"page": None}

    return doc.model_copy(
        update={
            "paragraphs": paragraphs,
            "sentences": sentences,
            "sections": [s.model_copy(update=where(s.start)) for s in doc.sections],
            "citations": [c.model_copy(update=where(c.start)) for c in doc.citations],
            "tables": [
                t.model_copy(
                    update={"pages": table_pages.get(t.number) or ([pg] if (pg := page_at(t.start or 0)) else [])}
                )
                for t in doc.tables
            ],
        }
    )
