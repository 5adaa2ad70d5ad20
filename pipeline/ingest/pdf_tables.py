"""Tables between horizontal rules on a PDF page -> tab-separated rows, as text input has them.

Most journal tables have only a few rules: one above the header, one under it, one at the bottom (sometimes one
under each row). The words between the first and the last rule of such a group are the table: they span the
page whatever its columns, so they are taken out of the column flow. Columns are the vertical whitespace
channels through all the table's words (the gaps no word covers); rows start at a rule, at a vertical gap
wider than the table's line spacing, or (when the rows are evenly spaced) at a line with a first cell; the
lines of a multi-line cell are joined.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

from pipeline.ingest.pdf_settings import PDF_SETTINGS
from pipeline.ingest.pdf_words import dehyphenate, join_words

MIN_RULE_WIDTH = (
    PDF_SETTINGS.min_rule_width
)  # fraction of the page width a table rule spans at least (a column-wide table's rules)
MAX_RULE_GAP = (
    PDF_SETTINGS.max_rule_gap
)  # fraction of the page height: rules further apart than this belong to different tables


@dataclass
class RuledTable:
    top: float
    bottom: float
    x0: float
    x1: float
    rules: list[float]  # the y of every rule, top to bottom


def is_caption_word(word: dict) -> bool:
    text = word["text"]
    return text[:5] in ("Table", "TABLE") and (len(text) == 5 or text[5:6].isdigit())


def rule_groups(page, words: list[dict]) -> list[RuledTable]:  # type: ignore[no-untyped-def]
    """Groups of horizontal rules of one width and place (at least two) on a page, each a table's extent; a
    "Table N" caption between two rules starts a new table."""
    width, height = float(page.width), float(page.height)
    edges = [(top, x0, x1) for top, x0, x1 in _joined(page.horizontal_edges) if x1 - x0 >= MIN_RULE_WIDTH * width]
    by_extent: list[list[tuple[float, float, float]]] = []
    for edge in edges:  # rules under one another with the same left and right ends
        for group in by_extent:
            if abs(group[0][1] - edge[1]) <= 10 and abs(group[0][2] - edge[2]) <= 10:
                if edge[0] - group[-1][0] > 1.5:  # a rect's two edges, or a double rule, are one rule
                    group.append(edge)
                break
        else:
            by_extent.append([edge])
    captions = [w for w in words if is_caption_word(w)]
    tables: list[RuledTable] = []
    for group in by_extent:
        x0, x1 = group[0][1], group[0][2]
        runs: list[list[float]] = []
        for y, _, _ in group:
            ours = [w for w in captions if x0 - 2 <= w["x0"] <= x1]
            caption_between = bool(runs) and any(
                runs[-1][-1] + 2 * w["size"] < w["top"] and w["bottom"] < y for w in ours
            )
            caption_under = any(0 <= w["top"] - y <= 2 * w["size"] for w in ours)  # a rule over a caption
            if runs and y - runs[-1][-1] <= MAX_RULE_GAP * height and not caption_between and not caption_under:
                runs[-1].append(y)
            else:
                runs.append([y])
        tables += [RuledTable(r[0], r[-1], x0, x1, r) for r in runs]
    return _with_body_rules(sorted(tables, key=lambda t: t.top), captions)


def _with_body_rules(groups: list[RuledTable], captions: list[dict]) -> list[RuledTable]:
    """Tables of at least two rules. A table whose rules enclose only its header (two rules a few lines apart)
    goes on under the rules that follow it inside its width: rules between row groups that leave out the
    first column ("Respondent group" spanning its rows), down to the next caption."""
    out: list[RuledTable] = []
    used: set[int] = set()
    for i, table in enumerate(groups):
        if i in used:
            continue
        if len(table.rules) == 2 and table.bottom - table.top <= 40:
            rules = list(table.rules)
            for j in range(i + 1, len(groups)):
                part = groups[j]
                inside = part.x0 >= table.x0 - 10 and part.x1 <= table.x1 + 10
                caption = any(rules[-1] < w["top"] < part.top and table.x0 - 2 <= w["x0"] <= table.x1 for w in captions)
                if j in used or not inside or caption or part.top < rules[-1]:
                    break
                rules += part.rules
                used.add(j)
            table = RuledTable(table.top, rules[-1], table.x0, table.x1, rules)
        if len(table.rules) >= 2:
            out.append(table)
    return out


def _joined(edges: list[dict]) -> list[tuple[float, float, float]]:
    """Horizontal edges as (y, x0, x1), the pieces of one rule joined: a grid table draws each cell's border on
    its own, so a row's rule comes as one segment per cell."""
    out: list[list[float]] = []
    for top, x0, x1 in sorted((float(e["top"]), float(e["x0"]), float(e["x1"])) for e in edges):
        for rule in reversed(out[-8:]):
            if abs(rule[0] - top) <= 0.5 and x0 <= rule[2] + 2 and x1 >= rule[1] - 2:
                rule[1], rule[2] = min(rule[1], x0), max(rule[2], x1)
                break
        else:
            out.append([top, x0, x1])
    return sorted((r[0], r[1], r[2]) for r in out)


def extend_to_cell_lines(table: RuledTable, words: list[dict]) -> RuledTable:
    """Rules only between rows (no rule over the header or under the last row): the lines of cells right
    above the first rule (up to the caption) and right under the last one are the table's too. A line of cells
    has a gap wider than 1.2 font sizes between two of its words; a note or the prose has none."""
    inside = [w for w in words if table.x0 - 2 <= (w["x0"] + w["x1"]) / 2 <= table.x1 + 2]
    lines = lines_of(inside)
    if not lines:
        return table
    above = [ln for ln in lines if max(w["bottom"] for w in ln) < table.top]
    below = [ln for ln in lines if min(w["top"] for w in ln) > table.bottom]
    top, bottom = table.top, table.bottom
    for ln in reversed(above):
        if not _has_cells(ln) or top - max(w["bottom"] for w in ln) > 1.5 * ln[0]["size"]:
            break
        top = min(w["top"] for w in ln) - 0.5
    for ln in below:
        if not _has_cells(ln) or min(w["top"] for w in ln) - bottom > 1.5 * ln[0]["size"]:
            break
        bottom = max(w["bottom"] for w in ln) + 0.5
    if (top, bottom) == (table.top, table.bottom):
        return table
    return RuledTable(top, bottom, table.x0, table.x1, table.rules)


def _has_cells(line: list[dict]) -> bool:
    size = statistics.median(w["size"] for w in line)
    return any(b["x0"] - a["x1"] > 1.2 * size for a, b in itertools.pairwise(line))


def unruled_tables(words: list[dict], ruled: list[RuledTable], body_size: float, width: float) -> list[RuledTable]:
    """Tables with no rules (or a single one under the header) under a "Table N" caption that no ruled table
    follows: the caption's lines, then a header line with cells (gaps wider than 1.2 font sizes) and the lines
    of its column band (``side``) that go on with cells, or with a single cell's wrapped line narrower than
    the table; the table ends at a wider gap, smaller print (its notes), a line across the cells (prose) or
    the next caption. ``rules`` is empty: rows come from the cells' vertical extents."""
    out: list[RuledTable] = []
    for caption in (w for w in words if is_caption_word(w)):
        if any(
            t.top - 6 * body_size <= caption["bottom"] <= t.top + 2 * body_size and t.x0 - 2 <= caption["x0"] <= t.x1
            for t in ruled + out
        ):
            continue
        below = [w for w in words if w["top"] >= caption["top"] - 1]
        side = caption.get("side", 0)  # a caption across the gutter: a table across the page
        if side != 2 and not _header_across(lines_of(below), caption, width / 2):
            below = [w for w in below if w.get("side", 0) in (side, 2)]  # a table in the caption's column
        lines = lines_of(below)
        at = next((i for i, ln in enumerate(lines) if any(w is caption for w in ln)), None)
        if at is None or lines[at][0] is not caption:
            continue  # "Table 1" inside a sentence
        start = next((i for i in range(at + 1, min(at + 5, len(lines))) if _has_cells(lines[i])), None)
        if start is None or _top(lines[start]) - _bottom(lines[start - 1]) > 2.5 * body_size:
            continue
        found = [lines[start]]
        size = statistics.median(w["size"] for w in lines[start])
        x0, x1 = min(w["x0"] for w in lines[start]), max(w["x1"] for w in lines[start])
        room = 1.2 * size  # the gap allowed between lines; rows set apart by padding: as under the header
        for ln in lines[start + 1 :]:
            ln_size = statistics.median(w["size"] for w in ln)
            gap = _top(ln) - max(_bottom(f) for f in found)
            if len(found) == 1 and gap <= 2.5 * size:
                room = max(room, 1.3 * gap)
            if gap > room or ln_size < 0.9 * size or is_caption_word(ln[0]) or ln[0]["text"][:3] in ("Fig", "FIG"):
                break
            if not _has_cells(ln) and ln[-1]["x1"] - ln[0]["x0"] > 0.6 * (x1 - x0):
                break  # a line across the cells: prose or a note
            found.append(ln)
            x0, x1 = min(x0, ln[0]["x0"]), max(x1, ln[-1]["x1"])
        if sum(_has_cells(ln) for ln in found) >= 2:
            top = _top(found[0]) - 0.5
            out.append(RuledTable(top, max(_bottom(ln) for ln in found) + 0.5, x0 - 1, x1 + 1, []))
    return out


def _header_across(lines: list[list[dict]], caption: dict, mid: float) -> bool:
    """The first line with cells under the caption reaches over the gutter with wide gaps on either side of
    it: a table across the page, whatever column the caption was put in."""
    at = next((i for i, ln in enumerate(lines) if any(w is caption for w in ln)), None)
    for ln in lines[at + 1 : at + 5] if at is not None else []:
        if _has_cells(ln):
            size = statistics.median(w["size"] for w in ln)
            wide = [(a, b) for a, b in itertools.pairwise(ln) if b["x0"] - a["x1"] > 1.2 * size]
            crosses = ln[0]["x0"] < mid < ln[-1]["x1"]
            return crosses and len([1 for a, b in wide if not a["x1"] <= mid <= b["x0"]]) >= 2
    return False


def _top(line: list[dict]) -> float:
    return min(w["top"] for w in line)


def _bottom(line: list[dict]) -> float:
    return max(w["bottom"] for w in line)


def in_table(word: dict, tables: list[RuledTable]) -> RuledTable | None:
    for table in tables:
        if (
            word["top"] >= table.top - 0.5
            and word["bottom"] <= table.bottom + 0.5
            and table.x0 - 2 <= (word["x0"] + word["x1"]) / 2 <= table.x1 + 2
        ):
            return table
    return None


def split_caption(table: RuledTable, words: list[dict]) -> tuple[list[dict], list[dict]]:
    """A caption printed inside the top rules (above the header): its words, and the table's other words."""
    lines = lines_of(words)
    if not lines or not is_caption_word(lines[0][0]):
        return [], words
    # down to the rule under the caption, or without one the caption's first line
    cut = table.rules[1] if len(table.rules) >= 3 else max(w["bottom"] for w in lines[0]) + 0.5
    return [w for w in words if w["bottom"] <= cut], [w for w in words if w["bottom"] > cut]


def split_notes(words: list[dict]) -> tuple[list[dict], list[list[dict]]]:
    """Notes in smaller print at the foot of a table, above its bottom rule ("* R = ..., where ..."): the
    table's words, and the notes' lines. They are not rows, and they run across the columns' channels."""
    lines = lines_of(words)
    if len(lines) < 3:
        return words, []
    size = statistics.median(max(w["size"] for w in ln) for ln in lines)
    cut = len(lines)
    while cut > 2 and max(w["size"] for w in lines[cut - 1]) < 0.9 * size:
        cut -= 1
    while cut < len(lines) and min(w["top"] for w in lines[cut]) < max(w["bottom"] for w in lines[cut - 1]):
        cut += 1  # a subscript line of the last row is not a note
    if cut == len(lines):
        return words, []
    return [w for ln in lines[:cut] for w in ln], lines[cut:]


def lines_of(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        if lines and abs(w["bottom"] - lines[-1][0]["bottom"]) <= 0.45 * w["size"]:
            lines[-1].append(w)
        elif lines and w["bottom"] < lines[-1][0]["bottom"] and w["size"] < 0.85 * lines[-1][0]["size"]:
            lines[-1].append(w)  # a superscript above its line's baseline
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _column_starts(lines: list[list[dict]], size: float) -> list[float]:
    """x where each column starts: the left edges of the runs of x that words cover, split at channels at least
    0.6 font size wide (a word space is about 0.25) that no line crosses; if there are none, channels that at
    most one line in ten crosses (a long label running into the next column's space)."""
    starts = _channels(lines, size, 0)
    return starts if len(starts) > 1 else _channels(lines, size, len(lines) // 10)


def _channels(lines: list[list[dict]], size: float, limit: int) -> list[float]:
    left = int(min(w["x0"] for ln in lines for w in ln))
    right = int(max(w["x1"] for ln in lines for w in ln)) + 1
    cover = [0] * (right - left + 1)
    for line in lines:
        seen = [False] * len(cover)
        for w in line:
            for x in range(int(w["x0"]) - left, int(w["x1"]) - left + 1):
                seen[x] = True
        for x, hit in enumerate(seen):
            cover[x] += hit
    starts = [float(left)]
    gap = 0
    for x, count in enumerate(cover):
        if count <= limit:
            gap += 1
        else:
            if gap >= 0.6 * size and x - gap > 0:
                starts.append(float(left + x) - 0.5)
            gap = 0
    return starts


def _cells(line: list[dict], starts: list[float], size: float) -> list[str]:
    cells: list[list[dict]] = [[] for _ in starts]
    for w in line:
        col = max(i for i, x in enumerate(starts) if x <= w["x0"] + 0.5) if w["x0"] + 0.5 >= starts[0] else 0
        cells[col].append(w)
    return [join_words(c, size) if c else "" for c in cells]


def read_table(table: RuledTable, words: list[dict]) -> list[list[str]]:
    """The table's rows (header first), cells joined over their lines."""
    if not words:
        return []
    size = statistics.median(w["size"] for w in words)
    lines = lines_of(words)
    starts = _column_starts(lines, size)
    tops = [min(w["top"] for w in ln) for ln in lines]
    inner = [y for y in table.rules[:-1] if y > tops[0] + 1]  # the first rule under the header's first line
    # a rule under every row (a grid, or rules between rows): rows are what the rules enclose, whatever their
    # lines' spacing; else (top, header and bottom rules, or none) rows come from the cells' vertical extents
    if len(inner) >= 3:
        return _rows_between_rules(table, lines, starts, size)
    header_rule = inner[0] if inner else None
    header = [ln for ln, top in zip(lines, tops, strict=True) if header_rule is not None and top < header_rule]
    body = lines[len(header) :]
    rows = [_join_row([f for ln in header for f in _fragments(ln, starts, size)], len(starts))] if header else []
    return rows + _rows_by_cells(body, starts, size, table.rules)


def _rows_between_rules(
    table: RuledTable, lines: list[list[dict]], starts: list[float], size: float
) -> list[list[str]]:
    rows: list[list[list[str]]] = []
    for i, line in enumerate(lines):
        cells = _cells(line, starts, size)
        top = min(w["top"] for w in line)
        if i == 0 or any(max(w["bottom"] for w in lines[i - 1]) <= y <= top for y in table.rules):
            rows.append([[c] if c else [] for c in cells])
        else:
            for part, cell in zip(rows[-1], cells, strict=True):
                if cell:
                    part.append(cell)
    return [[dehyphenate(part) if part else "" for part in row] for row in rows]


@dataclass(frozen=True)
class _Fragment:
    """The words of one line that fall in one column: a cell, or one line of a cell wrapped over several."""

    column: int
    top: float
    bottom: float
    x1: float
    first_width: float  # its first word's width: would it have fitted at the end of the fragment above?
    text: str
    line_columns: frozenset[int]  # the columns its line has words in


def _fragments(line: list[dict], starts: list[float], size: float) -> list[_Fragment]:
    cells: list[list[dict]] = [[] for _ in starts]
    for w in line:
        col = max(i for i, x in enumerate(starts) if x <= w["x0"] + 0.5) if w["x0"] + 0.5 >= starts[0] else 0
        cells[col].append(w)
    filled = frozenset(col for col, ws in enumerate(cells) if ws)
    return [
        _Fragment(
            col,
            min(w["top"] for w in ws),
            max(w["bottom"] for w in ws),
            max(w["x1"] for w in ws),
            ws[0]["x1"] - ws[0]["x0"],
            join_words(ws, size),
            filled,
        )
        for col, ws in enumerate(cells)
        if ws
    ]


_OPEN_END = (",", ";", "-", "–", "/", "(", " and", " or", " with", " of", " to", " in", " the", " by")
# a number, a reference number or a value (with its mark): a cell on its own
_COMPLETE_CELL = re.compile(r"[\[(]?[<>≤≥±~−–-]?\d[\d.,–\- %*†‡±]*[\])]?")


def _continues(above: _Fragment, below: _Fragment, right: float, size: float, columns: int) -> bool:
    """Is ``below`` the next line of the cell ``above`` ends (and not the next row's cell)? It goes on when
    the line above is left open (a comma, "and", a hyphen; not a lower-case start: "miR-100", "p27" begin
    cells); a number or a reference on its own is a cell, and so are two lines that fill the same columns;
    else it goes on when its first word would not have fitted on the line above
    (the line broke for want of room)."""
    if above.text.endswith(_OPEN_END):
        return True
    if _COMPLETE_CELL.fullmatch(above.text) or _COMPLETE_CELL.fullmatch(below.text):
        return False
    if len(below.line_columns) == len(above.line_columns) == columns >= 2:
        return False  # two lines that fill every column: rows of one line each
    return above.x1 + 0.25 * size + below.first_width > right + 0.5 * size


def _rows_by_cells(lines: list[list[dict]], starts: list[float], size: float, rules: list[float]) -> list[list[str]]:
    """Rows of a table with no rule between them, whose cells may wrap over several lines, aligned at their
    top or centred on their row: in each column the lines of one cell are joined (next to each other, with
    no rule between, not on a line where the first column starts a new cell, and, unless the rows are set
    apart by extra space, the line above broken for want of room); a row is then the cells whose vertical extents overlap, so that a cell of one line (a reference
    number) stays with the row it sits in, wherever in the row's height it is printed."""
    fragments = [f for ln in lines for f in _fragments(ln, starts, size)]
    if not fragments:
        return []
    by_column: dict[int, list[_Fragment]] = {}
    for f in sorted(fragments, key=lambda f: f.top):
        by_column.setdefault(f.column, []).append(f)
    gaps = [b.top - a.bottom for col in by_column.values() for a, b in itertools.pairwise(col)]
    tight = min(gaps) if gaps else 0.0
    # rows set apart by extra space: a gap between lines wider than the tightest (lines of cells centred on
    # their row overlap the lines beside them: no gap)
    line_gaps, low = [], -1e9
    for ln in lines:
        line_gaps.append(_top(ln) - low)
        low = max(low, _bottom(ln))
    apart = [g for g in line_gaps[1:] if g >= 0]
    spaced = bool(apart) and max(apart) > min(apart) + 0.2 * size
    rights = {col: max(f.x1 for f in fs) for col, fs in by_column.items()}
    cells: list[list[_Fragment]] = []
    first_column_starts: list[float] = []  # where the first column starts a new cell: so does every column
    for col, column in sorted(by_column.items()):
        for f in column:
            last = cells[-1][-1] if cells and cells[-1][-1].column == col else None
            if (
                last is not None
                and f.top - last.bottom <= tight + 0.2 * size
                and not any(last.bottom <= y <= f.top for y in rules)
                and not any(abs(f.top - y) < 0.3 * size for y in first_column_starts)
                and (spaced or _continues(last, f, rights[col], size, len(starts)))
            ):
                cells[-1].append(f)
            else:
                cells.append([f])
                if col == 0:
                    first_column_starts.append(f.top)
    bands: list[list[list[_Fragment]]] = []
    bottom = -1e9
    for cell in sorted(cells, key=lambda c: c[0].top):
        top = cell[0].top
        if bands and top < bottom - 0.3 * size:
            bands[-1].append(cell)
        else:
            bands.append([cell])
        bottom = max(bottom, cell[-1].bottom) if len(bands[-1]) > 1 else cell[-1].bottom
    return [_join_row([f for cell in band for f in cell], len(starts)) for band in bands]


def _join_row(fragments: list[_Fragment], columns: int) -> list[str]:
    parts: list[list[str]] = [[] for _ in range(columns)]
    for f in sorted(fragments, key=lambda f: f.top):
        parts[f.column].append(f.text)
    return [dehyphenate(p) if p else "" for p in parts]
