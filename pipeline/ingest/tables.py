"""Tables of a text/markdown article: caption, tab-separated rows, "Cont." parts, footnote glossaries."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.ingest.blocks import CONTINUED_RE, parse_glossary
from pipeline.ingest.citations import parse_ref_cell
from pipeline.ingest.markup import clean_inline
from pipeline.models import Table

_REF_HEADER_RE = re.compile(r"^(?:refs?|references?|citations?)\.?s?$", re.IGNORECASE)


@dataclass
class TableDraft:
    """A table being assembled from a caption block and the row and footnote blocks after it."""

    label: str
    number: int
    caption: str
    continued: bool = False
    lines: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    start: int | None = None


def roman_or_int(token: str) -> int:
    if token.isdigit():
        return int(token)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for a, b in zip(token.upper(), token.upper()[1:] + " ", strict=False):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def new_draft(number_token: str, body: str) -> TableDraft:
    number = roman_or_int(number_token)
    caption = clean_inline(body, citations=False).text
    continued = bool(CONTINUED_RE.match(caption) or re.search(r"\((?:cont\.?|contd\.?|continued)\)\s*$", caption, re.I))
    return TableDraft(label=f"Table {number}", number=number, caption=caption, continued=continued)


def _split_row(line: str) -> list[str]:
    return [clean_inline(cell, citations=False).text for cell in line.rstrip("\n").split("\t")]


def ref_column(header: list[str]) -> int | None:
    for i, cell in enumerate(header):
        if _REF_HEADER_RE.match(cell.strip()):
            return i
    return None


def build_tables(drafts: list[TableDraft]) -> list[Table]:
    """Merge "Cont." parts into their table and turn drafts into Tables.

    A row whose first cell is empty continues the group of the row above (the first cell is filled down);
    a repeated header line at the top of a continued part is dropped.
    """
    merged: dict[int, TableDraft] = {}
    order: list[int] = []
    for draft in drafts:
        if draft.number in merged and (draft.continued or not draft.caption):
            target = merged[draft.number]
            lines = draft.lines
            if lines and target.lines and _split_row(lines[0]) == _split_row(target.lines[0]):
                lines = lines[1:]
            target.lines.extend(lines)
            target.footnotes.extend(draft.footnotes)
            continue
        if draft.number in merged:  # a second table with the same number: keep it apart
            draft.number = max(merged) + 1000
        merged[draft.number] = draft
        order.append(draft.number)
    tables = []
    for number in order:
        draft = merged[number]
        if not draft.lines:
            continue
        header = _split_row(draft.lines[0])
        width = len(header)
        rows: list[list[str]] = []
        for line in draft.lines[1:]:
            cells = _split_row(line)
            if len(cells) > width:  # stray tabs: fold the overflow into the last column
                cells = [*cells[: width - 1], " ".join(c for c in cells[width - 1 :] if c)]
            cells += [""] * (width - len(cells))
            if not any(cells):
                continue
            if rows and not cells[0] and any(cells[1:]):
                cells[0] = rows[-1][0]
            rows.append(cells)
        ref_i = ref_column(header)
        glossary: dict[str, str] = {}
        for note in draft.footnotes:
            glossary.update(parse_glossary(note) or {})
        tables.append(
            Table(
                label=draft.label,
                number=draft.number,
                caption=draft.caption,
                header=header,
                rows=rows,
                row_refs=[parse_ref_cell(r[ref_i]) if ref_i is not None else [] for r in rows],
                footnotes=draft.footnotes,
                glossary=glossary,
                start=draft.start,
            )
        )
    return tables
