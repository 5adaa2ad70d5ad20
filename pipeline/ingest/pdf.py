"""PDF -> the block text the text parser reads -> Document (a first layout reader on pdfplumber).

Per page: words with their font size, grouped into lines; running headers and footers (the top and bottom
bands of the page) and "Downloaded from" lines dropped; superscript numbers turned into citation markers; one
or two columns found from the gutter, full-width lines (titles, wide tables) read in place; blocks split at
vertical gaps and font changes; larger or bold short lines marked as headings; end-of-line hyphenation undone
("chemo-\\nresistance" -> "chemoresistance", "MDA-MB-\\n231" -> "MDA-MB-231"). The result goes through the same
parser as text input, and every paragraph, sentence, section and table gets its page.

Not yet (issue 3): table structure without ruling lines across multi-line cells, rotated pages, figure legend
versus table decisions beyond the caption; and the fast character source of issue 7.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from pipeline.errors import EmptyInputError, EncryptedPDFError, PDFError, ScannedPDFError
from pipeline.models import Document

logger = logging.getLogger(__name__)

HEADER_BAND = 0.06  # fraction of the page height read as running header / footer
_CITE_SUP_RE = re.compile(r"^\[?\d{1,3}(?:[,–-]\s?\d{1,3})*\]?$")
_DOWNLOADED_RE = re.compile(r"^(?:downloaded from|this article is protected by copyright)", re.IGNORECASE)
_CAPTION_RE = re.compile(r"^(?:Table|TABLE)\s+(\d{1,3}|[IVX]{1,5})\b")


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


def _is_bold(fontname: str) -> bool:
    return bool(re.search(r"bold|heavy|black|semibold|\.B\b", fontname, re.IGNORECASE))


def _sides(words: list[dict], width: float) -> list[int]:
    """0 = left column (or the only one), 1 = right column, 2 = across the gutter (titles, wide tables)."""
    mid = width / 2
    crossing = [w["x0"] < mid - 3 and w["x1"] > mid + 3 for w in words]
    left = sum(w["x1"] <= mid + 3 for w in words)
    right = sum(w["x0"] >= mid - 3 for w in words)
    two_column = sum(crossing) < 0.04 * max(len(words), 1) and min(left, right) >= 0.2 * max(len(words), 1)
    if not two_column:
        return [0] * len(words)
    return [2 if c else (0 if w["x1"] <= mid + 3 else 1) for w, c in zip(words, crossing, strict=True)]


def _page_lines(page, body_size: float) -> list[Line]:  # type: ignore[no-untyped-def]
    words = page.extract_words(
        x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, extra_attrs=["size", "fontname", "upright"]
    )
    words = [w for w in words if w["upright"]]  # vertical margin text: "Downloaded from ..." watermarks
    height = float(page.height)
    sides = _sides(words, float(page.width))
    for w, side in zip(words, sides, strict=True):
        w["side"] = 2 if w["size"] >= 1.5 * body_size else side  # title lines span the page
    wide_baselines = [w["bottom"] for w in words if w["side"] == 2]
    for w in words:  # a word on the baseline of a line that crosses the gutter belongs to that line
        if w["side"] != 2 and any(abs(w["bottom"] - b) <= 0.45 * w["size"] for b in wide_baselines):
            w["side"] = 2
    lines: list[list[dict]] = []
    open_lines: dict[int, list[list[dict]]] = {0: [], 1: [], 2: []}
    for w in sorted(words, key=lambda w: (w["bottom"], w["x0"])):
        small = w["size"] < 0.85 * body_size
        for line in reversed(open_lines[w["side"]][-3:]):
            ref = max(line, key=lambda x: x["size"])
            if small:  # a superscript sits within the line's height, above its baseline
                if ref["top"] - 2 <= w["top"] <= ref["bottom"] and w["bottom"] <= ref["bottom"] + 1:
                    line.append(w)
                    break
            elif abs(w["bottom"] - ref["bottom"]) <= 0.45 * max(w["size"], ref["size"]):
                line.append(w)
                break
        else:
            lines.append([w])
            open_lines[w["side"]].append(lines[-1])
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
        text = _join_words(words_of_line, size)
        if _DOWNLOADED_RE.match(text):
            continue
        out.append(
            Line(
                page.page_number,
                top,
                bottom,
                min(w["x0"] for w in words_of_line),
                max(w["x1"] for w in words_of_line),
                size,
                all(_is_bold(w["fontname"]) for w in main),
                text,
                _cell_text(words_of_line, size),
                max(w["side"] for w in words_of_line),
            )
        )
    return out


def _merge_across_gutter(lines: list[list[dict]]) -> list[list[dict]]:
    """A left-column line and a right-column line on one baseline with an ordinary word gap between them are
    one line across the page (a title, a caption, a wide table row), not two columns."""
    left = [ln for ln in lines if ln[0]["side"] == 0]
    right = [ln for ln in lines if ln[0]["side"] == 1]
    merged: set[int] = set()
    for a in left:
        a_end = max(w["x1"] for w in a)
        a_bottom = max(w["bottom"] for w in a)
        size = max(w["size"] for w in a)
        for b in right:
            if id(b) in merged:
                continue
            gap = min(w["x0"] for w in b) - a_end
            if abs(max(w["bottom"] for w in b) - a_bottom) <= 0.45 * size and gap < 1.2 * size:
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
    return "\t".join(_join_words(c, size) for c in cells)


def _join_words(words: list[dict], size: float) -> str:
    parts: list[str] = []
    prev = None
    for w in words:
        text = w["text"]
        sup = w["size"] < 0.85 * size and prev is not None and w["bottom"] < prev["bottom"] - 0.5
        if sup and _CITE_SUP_RE.match(text):
            parts.append(f"^[{text.strip('[]')}]")
        elif sup:
            parts.append(f"<sup>{text}</sup>")
        else:
            gap = w["x0"] - prev["x1"] if prev is not None else 0
            parts.append((" " if parts and gap > 0.12 * size else "") + text)
        prev = w if not sup else prev
    return "".join(parts).strip()


def _columns(lines: list[Line], width: float) -> list[list[Line]]:
    """Reading order: lines across the gutter where they stand; between them, the left column before the right."""
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
    for ln in sorted(lines, key=lambda ln: ln.top):
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
    return regions


_REFERENCES_RE = re.compile(r"^(?:#+\s*)?(?:references?|bibliography|literature cited|references and notes)$", re.I)


def _blocks(regions: list[list[Line]], body_size: float, state: dict[str, bool] | None = None) -> list[tuple[int, str]]:
    """(page, block text) in reading order: a block ends at a vertical gap, a size change or a caption. In the
    reference list (``state["refs"]``, kept across pages) lines stay lines: one entry may span several, and the
    reference parser joins them."""
    state = {} if state is None else state
    blocks: list[tuple[int, list[Line]]] = []
    for region in regions:
        current: list[Line] = []
        gaps = [b.top - a.bottom for a, b in itertools.pairwise(region) if b.top > a.bottom]
        typical = statistics.median(gaps) if gaps else body_size * 0.3
        for ln in region:
            if current:
                prev = current[-1]
                gap = ln.top - prev.bottom
                new = (
                    gap > typical + 0.6 * body_size
                    or abs(ln.size - prev.size) > 0.6
                    or ln.bold != prev.bold
                    or _CAPTION_RE.match(ln.text)
                )
                if new:
                    blocks.append((current[0].page, current))
                    current = []
            current.append(ln)
        if current:
            blocks.append((current[0].page, current))
    out = []
    in_table = False
    for page, lines in blocks:
        if in_table and _looks_tabular(lines, body_size):
            out.append((page, "\n".join(_cells(ln, body_size) for ln in lines)))
            continue
        in_table = bool(_CAPTION_RE.match(lines[0].text))
        if _REFERENCES_RE.match(lines[0].text.strip()):
            state["refs"] = True
            out.append((page, "## References"))
            lines = lines[1:]
            if not lines:
                continue
        if state.get("refs"):
            out.append((page, "\n".join(ln.text for ln in lines)))
            continue
        text = _dehyphenate([ln.text for ln in lines])
        first = lines[0]
        heading = (first.size >= 1.15 * body_size or (first.bold and len(text) < 120)) and len(text.split()) <= 20
        caption = _CAPTION_RE.match(text)
        if caption:  # the caption form the text parser reads: "**Table 2.** Overview ..."
            text = f"**Table {caption[1]}.** {text[caption.end() :].lstrip(' .:')}"
        elif heading and not text.endswith("."):
            level = "#" if first.size >= 1.6 * body_size else "##"
            text = f"{level} {text}"
        out.append((page, text))
    return out


def _looks_tabular(lines: list[Line], body_size: float) -> bool:
    """Rows of a table: most lines have wide gaps between their words (cells)."""
    return sum(ln.cells is not None for ln in lines) >= max(1, len(lines) // 2)


def _cells(line: Line, body_size: float) -> str:
    """A line's words split into cells at gaps wider than 1.2 body-size, tab-separated; a line of one cell
    keeps a tab so that it stays a row of its table."""
    return line.cells if line.cells is not None else line.text + "\t"


def _dehyphenate(lines: list[str]) -> str:
    text = lines[0] if lines else ""
    for nxt in lines[1:]:
        m = re.search(r"(\S*?)-$", text)
        if m and nxt[:1].islower() and m[1][-1:].islower() and not re.search(r"[A-Z0-9]", m[1][-3:]):
            text = text[:-1] + nxt  # "chemo-" + "resistance"
        elif m:
            text += nxt  # "MDA-MB-" + "231", "IL-" + "6": the hyphen stays
        else:
            text += " " + nxt
    return text


def _open(data: bytes, source: str):  # type: ignore[no-untyped-def]
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data:
        raise EmptyInputError(source, "the file is empty")
    if not data.lstrip()[:5] == b"%PDF-":
        raise PDFError(source, f"not a PDF (the file starts with {data[:8]!r})")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages  # forces the cross-reference table to be read
    except Exception as exc:  # pdfminer wraps its errors: look at the cause, not at str(exc)
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in repr(cause).lower():
            raise EncryptedPDFError(source, "the PDF is encrypted with a password") from exc
        if isinstance(cause, PDFSyntaxError) or isinstance(exc, PDFSyntaxError):
            raise PDFError(source, f"corrupt or truncated PDF ({cause})") from exc
        raise PDFError(source, f"cannot be read as a PDF ({type(cause).__name__}: {cause})") from exc
    return pdf


def first_page_text(pdf) -> str:  # type: ignore[no-untyped-def]
    """All words of page 1, running header included (journals print the DOI there)."""
    if not pdf.pages:
        return ""
    return " ".join(w["text"] for w in pdf.pages[0].extract_words(x_tolerance=1.5))


def pdf_to_blocks(data: bytes, source: str) -> tuple[list[tuple[int, str]], int, str]:
    """The PDF's blocks in reading order as (page, text), its page count and its first page's full text;
    typed errors for bad files."""
    pdf = _open(data, source)
    try:
        sizes: Counter[float] = Counter()
        for page in pdf.pages[:3]:
            for ch in page.chars[:5000]:
                sizes[round(ch["size"], 1)] += 1
            page.flush_cache()
        if not sizes:
            raise ScannedPDFError(source, f"no text layer in the first pages ({len(pdf.pages)} pages): a scanned PDF")
        body = sizes.most_common(1)[0][0]
        head = first_page_text(pdf)
        blocks: list[tuple[int, str]] = []
        state: dict[str, bool] = {}
        for page in pdf.pages:  # one page at a time: memory stays bounded on long PDFs
            lines = _page_lines(page, body)
            blocks += _blocks(_columns(lines, float(page.width)), body, state)
            page.flush_cache()
            page.close()
        if not any(text for _, text in blocks):
            raise ScannedPDFError(source, "no text layer: a scanned PDF")
        return blocks, len(pdf.pages), head
    except EVminerPDFErrors:
        raise
    except Exception as exc:
        raise PDFError(source, f"cannot be read as a PDF ({type(exc).__name__}: {exc})") from exc
    finally:
        pdf.close()


EVminerPDFErrors = (PDFError, EmptyInputError)


def parse_pdf(data: bytes, *, doc_id: str, source: str) -> Document:
    """A PDF's bytes -> Document, with the page of every paragraph, sentence, section and table."""
    from pipeline.ingest.metadata import DOI_RE
    from pipeline.ingest.text import parse_text

    blocks, _, head = pdf_to_blocks(data, source)
    text = "\n\n".join(t for _, t in blocks)
    doc = parse_text(text, doc_id=doc_id, source=source, fmt="pdf")
    if doc.metadata.doi is None and (m := DOI_RE.search(head)):
        doc = doc.model_copy(update={"metadata": doc.metadata.model_copy(update={"doi": m[1].rstrip(".")})})
    return assign_pages(doc, blocks)


def assign_pages(doc: Document, blocks: list[tuple[int, str]]) -> Document:
    """Give each span the page of the block its text comes from (found by its first words, in order)."""
    from pipeline.ingest.markup import clean_inline

    keys = [(page, clean_inline(text.lstrip("# ")).text[:40]) for page, text in blocks]
    par_pages: list[int | None] = []
    k = 0
    for par in doc.paragraphs:
        head = doc.span_text(par)[:25]
        page = None
        for j in range(k, min(k + 40, len(keys))):
            if head and head[:15] in keys[j][1]:
                page, k = keys[j][0], j + 1
                break
        par_pages.append(page if page is not None else (par_pages[-1] if par_pages else 1))
    paragraphs = [p.model_copy(update={"page": pg}) for p, pg in zip(doc.paragraphs, par_pages, strict=True)]
    sentences = [s.model_copy(update={"page": par_pages[s.paragraph]}) for s in doc.sentences]

    def page_at(offset: int) -> int | None:
        for p in paragraphs:
            if p.start <= offset <= p.end:
                return p.page
        return None

    return doc.model_copy(
        update={
            "paragraphs": paragraphs,
            "sentences": sentences,
            "sections": [s.model_copy(update={"page": page_at(s.start)}) for s in doc.sections],
            "citations": [c.model_copy(update={"page": page_at(c.start)}) for c in doc.citations],
            "tables": [
                t.model_copy(update={"pages": [pg] if (pg := page_at(t.start or 0)) else []}) for t in doc.tables
            ],
        }
    )
