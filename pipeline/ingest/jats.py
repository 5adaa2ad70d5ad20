"""PubMed Central JATS (NLM) XML -> Document.

What the markup already says is taken as it is: ``<sec>``/``<title>`` nesting gives section levels,
``<xref ref-type="bibr">`` gives citations resolved to the ``<ref-list>`` entries (numeric markers such as
``[1]``, ``[<xref>1</xref>–<xref>3</xref>]`` or superscripts are cut out of the clean text, author-year
markers stay in it as spans), ``<table-wrap>`` gives tables (``rowspan``/``colspan`` expanded, ``<thead>`` rows
as the header, ``<table-wrap-foot>`` notes and their glossaries), ``<fig>`` gives captions and ``<front>`` the
metadata. Inline formatting (``<sup>``, ``<italic>``) and character references (``&#x003b1;``) become clean text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from pipeline.errors import EmptyInputError
from pipeline.ingest.blocks import parse_glossary
from pipeline.ingest.builder import CitationMark, DocumentBuilder
from pipeline.ingest.references import parse_reference, study_key
from pipeline.ingest.tables import roman_or_int
from pipeline.ingest.xml import local, parse_xml, text_of
from pipeline.models import Document, Metadata, Reference, Table

_FLOATS = frozenset(["table-wrap", "table-wrap-group", "fig", "fig-group", "boxed-text", "supplementary-material"])
_DROP = frozenset(["object-id", "graphic", "inline-graphic", "media", "alt-text", "long-desc"])
_NUMERIC_XREF_RE = re.compile(r"^[\s\[\](),;0-9\u2013\u2014-]*$")
_XREF_GROUP_RE = re.compile(
    r"(\s*[\[(]\s*)?(\ue000\d+\ue001(?:\s*(?:[,;]|[-\u2013\u2014])\s*\ue000\d+\ue001)*)(\s*[\])])?"
)
_XREF_RE = re.compile(r"\ue000(\d+)\ue001")
_CITATION_ELEMENTS = ("element-citation", "mixed-citation", "citation", "nlm-citation")


@dataclass
class _XRef:
    rids: list[str]
    text: str


class _Context:
    def __init__(self, ref_numbers: dict[str, int]) -> None:
        self.ref_numbers = ref_numbers

    def numbers(self, rids: list[str]) -> list[int]:
        return [self.ref_numbers[r] for r in rids if r in self.ref_numbers]


def _inline_tokens(el: etree._Element, out: list[str | _XRef], skip: frozenset[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = local(child.tag)
        if tag in skip or tag in _DROP or not tag:
            pass
        elif tag == "xref" and child.get("ref-type") == "bibr":
            out.append(_XRef(child.get("rid", "").split(), text_of(child)))
        elif tag == "break":
            out.append(" ")
        elif tag == "alternatives":  # the same formula as MathML, TeX and an image: keep one
            chosen = next((c for c in child if local(c.tag) == "math"), None)
            chosen = chosen if chosen is not None else next((c for c in child if local(c.tag) == "tex-math"), None)
            if chosen is not None:
                _inline_tokens(chosen, out, skip)
        else:
            _inline_tokens(child, out, skip)
        if child.tail:
            out.append(child.tail)


def render(el: etree._Element, ctx: _Context, skip: frozenset[str] = _FLOATS) -> tuple[str, list[CitationMark]]:
    """An element's clean text and its citations: numeric markers cut out, author-year markers kept as spans."""
    tokens: list[str | _XRef] = []
    _inline_tokens(el, tokens, skip)
    xrefs: list[_XRef] = []
    parts: list[str] = []
    for tok in tokens:
        if isinstance(tok, _XRef):
            parts.append(f"\ue000{len(xrefs)}\ue001")
            xrefs.append(tok)
        else:
            parts.append(tok)
    placeholder = " ".join("".join(parts).split())
    out: list[str] = []
    marks: list[CitationMark] = []
    pos = 0
    for m in _XREF_GROUP_RE.finditer(placeholder):
        out.append(placeholder[pos : m.start()])
        pos = m.end()
        group = [xrefs[int(i)] for i in _XREF_RE.findall(m[2])]
        bracketed = bool(m[1]) == bool(m[3])  # brackets on both sides, or on neither
        if all(_NUMERIC_XREF_RE.match(x.text) for x in group) and bracketed:
            refs = _group_numbers(m[2], group, ctx)
            after = placeholder[pos : pos + 1]
            if out and (not after or after in " .,;:)]"):  # "shown [1]." -> "shown."
                out[-1] = out[-1].rstrip(" ")
            at = len("".join(out))
            marker = "".join(x for x in (m[1], _XREF_RE.sub(lambda k: xrefs[int(k[1])].text, m[2]), m[3]) if x)
            marks.append(CitationMark(at, at, refs, marker.strip()))
            continue
        # author-year markers (or odd brackets): the marker text stays, each xref a citation span
        segment = m[0]
        seg_pos = 0
        for k in _XREF_RE.finditer(segment):
            out.append(segment[seg_pos : k.start()])
            x = xrefs[int(k[1])]
            at = len("".join(out))
            out.append(x.text)
            refs = ctx.numbers(x.rids)
            if refs:
                marks.append(CitationMark(at, at + len(x.text), refs, x.text))
            seg_pos = k.end()
        out.append(segment[seg_pos:])
    out.append(placeholder[pos:])
    text = "".join(out)
    return _tidy(text, marks)


def _group_numbers(group_text: str, group: list[_XRef], ctx: _Context) -> list[int]:
    """Reference numbers of a numeric marker group; a dash between two xrefs is a range ("1–3")."""
    numbers: list[int] = []
    pieces = re.split(r"(\ue000\d+\ue001)", group_text)
    pending_range = False
    i = 0
    for piece in pieces:
        if _XREF_RE.fullmatch(piece):
            nums = ctx.numbers(group[i].rids)
            i += 1
            if pending_range and numbers and nums and nums[0] > numbers[-1]:
                numbers.extend(range(numbers[-1] + 1, nums[0]))
            numbers.extend(n for n in nums if n not in numbers)
            pending_range = False
        elif re.search(r"[-\u2013\u2014]", piece):
            pending_range = True
    return numbers


def _tidy(text: str, marks: list[CitationMark]) -> tuple[str, list[CitationMark]]:
    """Drop the space a cut marker leaves before punctuation ("shown [1] ." -> "shown."), keeping offsets."""
    stripped = text.lstrip()
    shift = len(text) - len(stripped)
    text = stripped.rstrip()
    marks = [CitationMark(m.start - shift, m.end - shift, m.refs, m.marker) for m in marks]
    for m in sorted(marks, key=lambda c: -c.start):
        at_space = m.start == m.end and m.start < len(text) and text[m.start : m.start + 1] == " "
        if at_space and (m.start == 0 or text[m.start - 1] == " " or text[m.start + 1 : m.start + 2] in ".,;:)"):
            text = text[: m.start] + text[m.start + 1 :]
            for other in marks:
                if other.start > m.start:
                    other.start -= 1
                    other.end -= 1
    for m in marks:
        m.start = max(0, min(m.start, len(text)))
        m.end = max(m.start, min(m.end, len(text)))
    return text, marks


# ---------------------------------------------------------------------------------------------- references


def _reference(ref: etree._Element, number: int) -> Reference:
    cit = next((c for c in ref.iter() if local(c.tag) in _CITATION_ELEMENTS), None)
    if cit is None:
        return parse_reference(number, text_of(ref))
    if not any(local(c.tag) in ("name", "string-name", "person-group", "article-title", "source") for c in cit.iter()):
        ref_ = parse_reference(number, text_of(cit))  # an unstructured entry: parsed as printed text
        pmid = next(
            (text_of(p) for p in cit.iter() if local(p.tag) == "pub-id" and p.get("pub-id-type") == "pmid"), None
        )
        return ref_.model_copy(update={"pmid": pmid}) if pmid and not ref_.pmid else ref_
    names = [n for n in cit.iter() if local(n.tag) in ("name", "string-name")]
    groups = [g for g in cit.iter() if local(g.tag) == "person-group"]
    if groups:
        authors_group = next((g for g in groups if g.get("person-group-type") in (None, "author")), groups[0])
        names = [n for n in authors_group.iter() if local(n.tag) in ("name", "string-name")]
    authors = []
    for n in names:
        surname = text_of(n.find("surname"))
        given = text_of(n.find("given-names"))
        authors.append(f"{surname} {given}".strip() if surname else text_of(n))
    collab = text_of(cit.find("collab")) or text_of(cit.find("person-group/collab"))
    first_author = text_of(names[0].find("surname")) if names else (collab or None)
    if not authors and collab:
        authors = [collab]
    year_m = re.search(r"(1[89]\d\d|20\d\d)", text_of(cit.find("year")))
    year = int(year_m[1]) if year_m else None
    title = text_of(cit.find("article-title")) or text_of(cit.find("chapter-title")) or None
    journal = text_of(cit.find("source")) or None
    ids = {p.get("pub-id-type"): text_of(p) for p in cit.iter() if local(p.tag) == "pub-id"}
    doi = ids.get("doi") or None
    if doi is None:
        m = re.search(r"\b(10\.\d{4,9}/\S+[^\s.,;])", text_of(cit))
        doi = m[1] if m else None
    pmid = ids.get("pmid") or None
    page = text_of(cit.find("fpage")) or text_of(cit.find("elocation-id")) or None
    return Reference(
        number=number,
        raw=_raw_citation(cit, authors, year, title, journal),
        authors=authors,
        first_author=first_author,
        year=year,
        title=title,
        journal=journal,
        doi=doi,
        pmid=pmid,
        study_key=study_key(doi, first_author, year, journal, page.lower() if page else None),
    )


def _raw_citation(
    cit: etree._Element, authors: list[str], year: int | None, title: str | None, journal: str | None
) -> str:
    """The entry as printed: a mixed citation's own punctuation, or one laid out from an element citation."""
    loose = "".join((c.tail or "") for c in cit) + (cit.text or "")
    if re.search(r"[.,;:()]", loose):
        return " ".join(_printed(cit).split())
    volume, fpage, lpage = (text_of(cit.find(t)) for t in ("volume", "fpage", "lpage"))
    pages = f"{fpage}-{lpage}" if fpage and lpage else fpage
    parts = [", ".join(authors) + ("." if authors else ""), f"({year})." if year else "", f"{title}." if title else ""]
    tail = " ".join(x for x in (journal or "", f"{volume}:" if volume and pages else volume, pages) if x)
    raw = " ".join(p for p in (*parts, tail + ("." if tail else "")) if p)
    return " ".join(raw.split()) or text_of(cit)


def _printed(el: etree._Element) -> str:
    """A mixed citation as printed: names as "Surname GN", identifiers left out, a space between two
    elements that nothing separates."""
    parts = [el.text or ""]
    for child in el:
        tag = local(child.tag)
        if tag in ("name", "string-name"):
            parts.append(
                " ".join(x for x in (text_of(child.find("surname")), text_of(child.find("given-names"))) if x)
                or text_of(child)
            )
        elif tag in ("pub-id", "comment", "") or tag in _DROP:
            pass
        else:
            so_far = "".join(parts)
            if so_far and (so_far[-1].isalnum() or so_far[-1] in ".?!,;:") and child.getprevious() is not None:
                parts.append(" ")
            parts.append(_printed(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ref_number(ref: etree._Element, index: int) -> int:
    label = text_of(ref.find("label")).strip("[]().")
    return int(label) if label.isdigit() else index


def references(article: etree._Element) -> tuple[list[Reference], dict[str, int]]:
    refs: list[Reference] = []
    numbers: dict[str, int] = {}
    used: set[int] = set()
    for ref_list in article.iter("ref-list"):
        for ref in ref_list.iter("ref"):
            number = _ref_number(ref, len(refs) + 1)
            if number in used:
                number = max(used) + 1
            used.add(number)
            if ref.get("id"):
                numbers[ref.get("id", "")] = number
            refs.append(_reference(ref, number))
    return refs, numbers


# ------------------------------------------------------------------------------------------------- tables


def _grid(rows: list[etree._Element]) -> list[list[str]]:
    """Cells laid out on a grid, a cell spanning rows or columns repeated in every position it covers."""
    grid: list[list[str | None]] = []
    for r, tr in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for cell in tr:
            if local(cell.tag) not in ("td", "th"):
                continue
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            text = cell_text(cell)
            rowspan = _span(cell.get("rowspan"))
            colspan = _span(cell.get("colspan"))
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                row = grid[r + dr]
                while len(row) < c + colspan:
                    row.append(None)
                for dc in range(colspan):
                    row[c + dc] = text
            c += colspan
    width = max((len(r) for r in grid), default=0)
    return [[cell or "" for cell in row] + [""] * (width - len(row)) for row in grid]


def _span(value: str | None) -> int:
    return max(1, min(int(value), 1000)) if value and value.strip().isdigit() else 1


def cell_text(cell: etree._Element) -> str:
    tokens: list[str | _XRef] = []
    _inline_tokens(cell, tokens, frozenset())
    return " ".join("".join(t.text if isinstance(t, _XRef) else t for t in tokens).split())


def _header(rows: list[list[str]]) -> list[str]:
    """Several header rows (a spanning group title over its columns) joined per column: "Group / Column"."""
    if len(rows) == 1:
        return rows[0]
    out = []
    for column in zip(*rows, strict=True):
        seen: list[str] = []
        for value in column:
            if value and value not in seen:
                seen.append(value)
        out.append(" / ".join(seen))
    return out


def _row_refs(rows: list[etree._Element], ctx: _Context) -> list[list[int]]:
    out = []
    for tr in rows:
        refs: list[int] = []
        for x in tr.iter("xref"):
            if x.get("ref-type") == "bibr":
                refs += [n for n in ctx.numbers(x.get("rid", "").split()) if n not in refs]
        out.append(refs)
    return out


def table_from(wrap: etree._Element, ctx: _Context, index: int) -> tuple[Table | None, str]:
    """A ``<table-wrap>`` as a Table (None when it is only an image) and its caption paragraph."""
    label = text_of(wrap.find("label")).rstrip(".:") or f"Table {index}"
    m = re.search(r"(\d+|[IVX]+)\s*$", label)
    number = roman_or_int(m[1]) if m else index
    caption_el = wrap.find("caption")
    caption = render(caption_el, ctx)[0] if caption_el is not None else ""
    caption_par = f"{label}. {caption}".strip() if caption else label
    head_rows: list[etree._Element] = []
    body_rows: list[etree._Element] = []
    for table in wrap.iter("table"):
        for part in table:
            tag = local(part.tag)
            if tag == "thead":
                head_rows += [tr for tr in part if local(tr.tag) == "tr"]
            elif tag in ("tbody", "tfoot"):
                body_rows += [tr for tr in part if local(tr.tag) == "tr"]
            elif tag == "tr":
                body_rows.append(part)
    if not head_rows and not body_rows:
        return None, caption_par
    grid = _grid(head_rows + body_rows)
    header_grid, body_grid = grid[: len(head_rows)], grid[len(head_rows) :]
    body_refs = _row_refs(body_rows, ctx)
    if not header_grid:  # no <thead>: the first row is the header, as in a printed table
        header_grid, body_grid, body_refs = body_grid[:1], body_grid[1:], body_refs[1:]
    footnotes = []
    foot = wrap.find("table-wrap-foot")
    if foot is not None:
        notes = [el for el in foot.iter() if local(el.tag) in ("fn", "p") and el.find("p") is None]
        footnotes = [t for t in (cell_text(n) for n in notes) if t]  # markers such as "[50]" kept as printed
    glossary: dict[str, str] = {}
    for note in footnotes:
        glossary.update(parse_glossary(note) or {})
    keep = [i for i, row in enumerate(body_grid) if any(row)]
    table = Table(
        label=label,
        number=number,
        caption=caption,
        header=_header(header_grid) if header_grid else [],
        rows=[body_grid[i] for i in keep],
        row_refs=[body_refs[i] for i in keep],
        footnotes=footnotes,
        glossary=glossary,
    )
    return table, caption_par


# ----------------------------------------------------------------------------------------------- the body


class _Walker:
    def __init__(self, ctx: _Context, builder: DocumentBuilder) -> None:
        self.ctx = ctx
        self.b = builder
        self.n_tables = 0
        self.warnings: list[str] = []

    def floats(self, el: etree._Element) -> None:
        tag = local(el.tag)
        if tag == "table-wrap":
            self.n_tables += 1
            table, caption = table_from(el, self.ctx, self.n_tables)
            if table is None:
                self.warnings.append(f"{caption}: the table is an image only; its caption is kept")
            self.b.caption(caption, table)
        elif tag == "fig":
            label = text_of(el.find("label")).rstrip(".:")
            caption_el = el.find("caption")
            caption = render(caption_el, self.ctx)[0] if caption_el is not None else ""
            self.b.caption(f"{label}. {caption}".strip(". ") if label else caption)
        elif tag in ("table-wrap-group", "fig-group"):
            for child in el:
                if local(child.tag) in _FLOATS:
                    self.floats(child)
        elif tag == "boxed-text":
            self.content(el, 1)

    def content(self, el: etree._Element, level: int) -> None:
        """The children of a body, section or abstract: paragraphs, subsections, lists, floats."""
        for child in el:
            tag = local(child.tag)
            if tag in ("title", "label", "sec-meta", "") or tag in _DROP:
                continue
            if tag == "sec":
                title_el = child.find("title")
                title = render(title_el, self.ctx)[0] if title_el is not None else ""
                number = text_of(child.find("label")).rstrip(".") or None
                self.b.heading(title, level + 1, number)
                self.content(child, level + 1)
            elif tag in ("p", "disp-quote", "speech", "statement", "def-list"):
                self.paragraph(child)
            elif tag == "list":
                for item in child.iter("list-item"):
                    for p in item:
                        if local(p.tag) == "p":
                            self.paragraph(p)
            elif tag in _FLOATS:
                self.floats(child)
            elif tag == "ref-list":
                continue
            elif tag in ("app", "app-group", "ack", "glossary", "notes", "fn-group"):
                title = text_of(child.find("title"))
                if title:
                    self.b.heading(title, level + 1)
                self.content(child, level + 1 if title else level)

    def paragraph(self, p: etree._Element) -> None:
        text, marks = render(p, self.ctx)
        if local(p.tag) == "p" and p.find("p") is not None:  # a wrapper of paragraphs
            self.content(p, 1)
            return
        self.b.paragraph(text, marks)
        for inner in p.iter(*_FLOATS):
            if inner is not p and local(inner.getparent().tag) not in _FLOATS:
                self.floats(inner)


def _metadata(article: etree._Element) -> Metadata:
    meta = article.find("front/article-meta")
    journal_meta = article.find("front/journal-meta")
    if meta is None:
        return Metadata()
    ids = {a.get("pub-id-type"): text_of(a) for a in meta.findall("article-id")}
    authors = []
    for contrib in meta.iter("contrib"):
        if contrib.get("contrib-type", "author") != "author":
            continue
        name = contrib.find("name")
        if name is not None:
            authors.append(" ".join(x for x in (text_of(name.find("given-names")), text_of(name.find("surname"))) if x))
        elif contrib.find("collab") is not None:
            authors.append(text_of(contrib.find("collab")))
    year = None
    dates = meta.findall("pub-date")
    order = {"epub": 0, "ppub": 1, "collection": 2}
    for date in sorted(dates, key=lambda d: order.get(d.get("pub-type") or d.get("date-type") or "", 3)):
        y = text_of(date.find("year"))
        if y.isdigit():
            year = int(y)
            break
    journal = None
    if journal_meta is not None:
        journal = text_of(journal_meta.find(".//journal-title")) or text_of(journal_meta.find("journal-id")) or None
    title_el = meta.find("title-group/article-title")
    title = render(title_el, _Context({}))[0] if title_el is not None else None
    pmcid = ids.get("pmcid") or (f"PMC{ids['pmc']}" if ids.get("pmc") else None)
    return Metadata(
        title=title or None,
        authors=authors,
        journal=journal,
        year=year,
        doi=ids.get("doi") or None,
        keywords=[text_of(k) for k in meta.iter("kwd") if text_of(k)],
        pmid=ids.get("pmid") or None,
        pmcid=pmcid if pmcid is None or pmcid.startswith("PMC") else f"PMC{pmcid}",
    )


def parse_jats(data: bytes, *, source: str, doc_id: str) -> Document:
    """Read a PMC JATS article (``.nxml``/``.xml``) into a Document.

    Raises:
        XMLError: not well-formed, not a JATS ``<article>``, or declaring entities.
        EmptyInputError: the article has neither a title, an abstract nor body text.
    """
    root = parse_xml(data, source, "jats")
    article = root if local(root.tag) == "article" else root.find(".//article")
    if article is None:
        raise EmptyInputError(source, "the <pmc-articleset> holds no <article>")
    refs, numbers = references(article)
    ctx = _Context(numbers)
    builder = DocumentBuilder()
    walker = _Walker(ctx, builder)
    metadata = _metadata(article)
    if metadata.title:
        builder.heading(metadata.title, 0)
    meta = article.find("front/article-meta")
    for abstract in meta.findall("abstract") if meta is not None else []:
        kind = abstract.get("abstract-type")
        if kind in ("teaser", "web-summary", "toc"):
            continue
        title = text_of(abstract.find("title")) or ("Abstract" if kind is None else kind.replace("-", " ").title())
        builder.heading(title, 1)
        walker.content(abstract, 1)
    body = article.find("body")
    if body is not None:
        walker.content(body, 0)
    back = article.find("back")
    if back is not None:
        walker.content(back, 0)
    floats = article.find("floats-group")
    if floats is not None:
        for el in floats:
            walker.floats(el)
    if not any(p.kind != "heading" for p in builder.pieces) and not metadata.title:
        raise EmptyInputError(source, "the article has no title, abstract or body text")
    doc = builder.build(
        doc_id=doc_id, source=source, format="jats", metadata=metadata, references=refs, warnings=walker.warnings
    )
    glossary: dict[str, str] = {}
    for table in doc.tables:
        glossary.update(table.glossary)
    return doc.model_copy(update={"abbreviations": glossary}) if glossary else doc
