"""Render the corpus reviews as journal-like PDFs: the test fixtures for PDF -> Document against text -> Document.

Usage: python benchmarks/make_corpus_pdfs.py [--fonts DIR] [--out tests/fixtures/pdfs/corpus]

The original PDFs of the two corpus reviews are not available, so each review's text -> Document is typeset the
way journals print it: A4, a full-width title, two columns of body text, a running header and a page number,
superscript (or bracketed, as the review has them) citation numbers, headings in bold, tables as full-width floats
at the top of the next page with only top / header / bottom rules, multi-line cells, and a table too long for
the space a float may take (70% of the page, LaTeX's \\topfraction) continued on the next page under
"Table N. Cont." with its header repeated. Table footnotes sit under the bottom rule. References close the
document as a numbered list with hanging indent. DejaVu fonts are embedded so that α, β, κ, µ survive.

The PDFs are committed (tests/fixtures/pdfs/corpus/); run this only when the layout or the corpus changes.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

from pipeline.ingest import ingest
from pipeline.models import Document, Table

ROOT = Path(__file__).resolve().parents[1]
PAGE_W, PAGE_H = 595.0, 842.0
MARGIN_X, TOP, BOTTOM = 50.0, 62.0, 780.0
GUTTER = 18.0
COL_W = (PAGE_W - 2 * MARGIN_X - GUTTER) / 2
BODY, LEAD = 9.0, 11.5
TABLE_SIZE, TABLE_LEAD = 7.5, 9.5
TOP_FRACTION = 0.7
SUP_SIZE = 6.0

HEADERS = {
    "schwarzenbach2020": "Schwarzenbach et al. Cancer Drug Resist 2020;3:63-82",
    "feng2022": "Feng et al. Int. J. Mol. Sci. 2022, 23, 15236",
}


@dataclass
class Run:
    text: str
    sup: bool = False


@dataclass
class Writer:
    pdf: FPDF
    header: str
    column: int = 0
    y: float = TOP
    body_top: float = TOP  # where the columns start on this page (below a title or a float)
    floats: list[tuple[Table, bool]] = field(default_factory=list)

    # -- pages and columns -------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_font("Sans", size=7)
        self.pdf.text(MARGIN_X, 38, self.header)
        self.pdf.text(PAGE_W - MARGIN_X - 40, 815, f"Page {self.pdf.page_no()}")
        self.column, self.y, self.body_top = 0, TOP, TOP
        pending, self.floats = self.floats, []
        for table, continued in pending:  # floats go to the top of the new page
            self.place_table(table, continued)

    def x(self) -> float:
        return MARGIN_X + self.column * (COL_W + GUTTER)

    def need(self, height: float) -> None:
        if self.y + height <= BOTTOM:
            return
        if self.column == 0:
            self.column, self.y = 1, self.body_top
        else:
            self.new_page()

    # -- text ----------------------------------------------------------------------------------------------------
    def width(self, run: Run, bold: bool, size: float) -> float:
        self.pdf.set_font("Serif", "B" if bold else "", SUP_SIZE if run.sup else size)
        return self.pdf.get_string_width(run.text)

    def paragraph(
        self,
        words: list[list[Run]],
        *,
        bold: bool = False,
        size: float = BODY,
        indent: float = 0.0,
        gap: float = 9.0,
        width: float = COL_W,
    ) -> None:
        """Words (each a list of runs printed without space between them) wrapped to the column."""
        space = self.width(Run(" "), bold, size)
        lines: list[list[list[Run]]] = [[]]
        used = 0.0
        for word in words:
            w = sum(self.width(r, bold, size) for r in word)
            limit = width - (indent if len(lines) > 1 else 0.0)
            if lines[-1] and used + space + w > limit:
                lines.append([])
                used = 0.0
            used += (space if lines[-1] else 0.0) + w
            lines[-1].append(word)
        lead = size * LEAD / BODY
        for i, line in enumerate(lines):
            self.need(lead)
            x = self.x() + (indent if i > 0 else 0.0)
            base = self.y + size
            for j, word in enumerate(line):
                if j:
                    x += space
                for run in word:
                    self.pdf.set_font("Serif", "B" if bold else "", SUP_SIZE if run.sup else size)
                    self.pdf.text(x, base - (3.2 if run.sup else 0.0), run.text)
                    x += self.pdf.get_string_width(run.text)
            self.y += lead
        self.y += gap

    # -- tables ------------------------------------------------------------------------------------------------
    def table_widths(self, table: Table) -> list[float]:
        self.pdf.set_font("Sans", "", TABLE_SIZE)
        n = len(table.header)
        natural = [
            max(self.pdf.get_string_width(row[i]) if i < len(row) else 0.0 for row in [table.header, *table.rows])
            for i in range(n)
        ]
        avail = PAGE_W - 2 * MARGIN_X - 12.0 * (n - 1)
        capped = [min(w, avail * 0.45) + 1 for w in natural]
        scale = min(1.0, avail / sum(capped))
        widths = [w * scale for w in capped]
        spare = avail - sum(widths)
        return [w + spare * w / sum(widths) for w in widths]

    def wrap(self, text: str, width: float, bold: bool) -> list[str]:
        self.pdf.set_font("Sans", "B" if bold else "", TABLE_SIZE)
        lines = [""]
        for word in text.split():
            trial = f"{lines[-1]} {word}".strip()
            if lines[-1] and self.pdf.get_string_width(trial) > width:
                lines.append(word)
            else:
                lines[-1] = trial
        return lines

    def place_table(self, table: Table, continued: bool) -> None:
        """The table (or what is left of it) full width from the top of this page, at most TOP_FRACTION of it;
        the rest is a "Cont." float on the next page."""
        widths = self.table_widths(table)
        pdf, y = self.pdf, self.y
        caption = f"Table {table.number}. Cont." if continued else f"Table {table.number}. {table.caption}"
        pdf.set_font("Sans", "B", 8)
        pdf.text(MARGIN_X, y + 8, caption)
        y += 16
        limit = TOP + TOP_FRACTION * (BOTTOM - TOP)

        def row_lines(row: list[str], bold: bool) -> list[list[str]]:
            return [self.wrap(row[i] if i < len(row) else "", widths[i], bold) for i in range(len(widths))]

        def draw(row: list[str], bold: bool, y: float) -> float:
            cells = row_lines(row, bold)
            pdf.set_font("Sans", "B" if bold else "", TABLE_SIZE)
            x = MARGIN_X
            for cell, w in zip(cells, widths, strict=True):
                for k, text in enumerate(cell):
                    pdf.text(x, y + TABLE_SIZE + k * TABLE_LEAD, text)
                x += w + 12.0
            return y + max(len(c) for c in cells) * TABLE_LEAD + 3.0

        pdf.set_line_width(0.6)
        pdf.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
        y = draw(table.header, True, y + 3.0)
        pdf.set_line_width(0.3)
        pdf.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
        y += 3.0
        rows = list(table.rows)
        done = 0
        for row in rows:
            height = max(len(c) for c in row_lines(row, False)) * TABLE_LEAD + 3.0
            if y + height > limit and done:
                break
            y = draw(row, False, y)
            done += 1
        pdf.set_line_width(0.6)
        pdf.line(MARGIN_X, y, PAGE_W - MARGIN_X, y)
        y += 4.0
        if done < len(rows):
            self.floats.append((table.model_copy(update={"rows": rows[done:]}), True))
        else:
            pdf.set_font("Sans", "", 6.5)
            for note in table.footnotes:
                for line in self.wrap(note, PAGE_W - 2 * MARGIN_X, False):
                    pdf.set_font("Sans", "", 6.5)
                    pdf.text(MARGIN_X, y + 7, line)
                    y += 8.5
        self.y = self.body_top = y + 14.0


def runs_of(doc: Document, start: int, end: int) -> list[list[Run]]:
    """The clean text of [start, end) as words; a citation is a superscript (or an inline bracket, as printed)."""
    pieces: list[Run] = []
    pos = start
    for cite in sorted((c for c in doc.citations if start <= c.start <= end), key=lambda c: c.start):
        pieces.append(Run(doc.text[pos : cite.start]))
        if cite.marker.startswith("^["):
            pieces.append(Run(cite.marker[2:-1], sup=True))
        else:
            pieces.append(Run(" " + cite.marker))
        pos = cite.start
    pieces.append(Run(doc.text[pos:end]))
    words: list[list[Run]] = [[]]
    for piece in pieces:
        if piece.sup:
            words[-1].append(piece)
            continue
        for k, part in enumerate(piece.text.split(" ")):
            if k:
                words.append([])
            if part:
                words[-1].append(Run(part))
    return [w for w in words if w]


def render(doc: Document, header: str, fonts: Path) -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("Serif", "", str(fonts / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(fonts / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("Sans", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    out = Writer(pdf, header)
    out.new_page()
    tables = {t.label: t for t in doc.tables}
    refs_start = min((s.start for s in doc.sections if s.title.lower().startswith("reference")), default=None)
    for i, par in enumerate(doc.paragraphs):
        if refs_start is not None and par.start >= refs_start:
            break
        text = doc.span_text(par)
        if i == 0:  # the title, full width
            out.column, out.y = 0, TOP
            out.paragraph(runs_of(doc, par.start, par.end), bold=True, size=15, gap=12, width=PAGE_W - 2 * MARGIN_X)
            out.body_top = out.y
            continue
        if par.kind == "caption" and (m := text.split(".")[0]) in tables:
            out.floats.append((tables[m], False))
            continue
        if par.kind == "caption":  # a figure legend: kept as a small paragraph in the column
            out.paragraph(runs_of(doc, par.start, par.end), size=8)
            continue
        heading = par.kind == "heading"
        out.paragraph(runs_of(doc, par.start, par.end), bold=heading, size=10.5 if heading else BODY)
    if doc.references:
        out.paragraph([[Run("References")]], bold=True, size=10.5)
        for ref in doc.references:
            words = [[Run(f"{ref.number}.")]] + [[Run(w)] for w in ref.raw.split()]
            out.paragraph(words, size=7.5, indent=10.0, gap=2.0)
    while out.floats:
        out.new_page()
    return bytes(pdf.output())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fonts", type=Path, default=Path("/usr/share/fonts/truetype/dejavu"))
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "pdfs" / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        doc = ingest(path)
        key = path.name.split("_")[0]
        data = render(doc, HEADERS.get(key, doc.metadata.title or key), args.fonts)
        target = args.out / f"{path.stem}.pdf"
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}: {len(data) / 1024:.0f} KB")


if __name__ == "__main__":
    main()
