"""Text/markdown article -> Document (pure: a string in, a Document out)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.ingest.blocks import (
    Block,
    ends_sentence,
    figure_labels_as_text,
    parse_glossary,
    split_blocks,
    split_caption_glossary,
)
from pipeline.ingest.builder import section_end
from pipeline.ingest.hyphens import keep_hyphen
from pipeline.ingest.hyphens import vocabulary as hyphen_vocabulary
from pipeline.ingest.markup import clean_inline
from pipeline.ingest.metadata import extract_metadata, title_block_index, without_marks
from pipeline.ingest.references import fold, parse_reference_list
from pipeline.ingest.sentences import split_sentences
from pipeline.ingest.tables import TableDraft, build_tables, new_draft
from pipeline.models import Citation, Document, Paragraph, Section, Sentence

REFERENCE_HEADINGS = frozenset(["references", "reference list", "bibliography", "literature cited", "works cited"])
BODY_START_TITLES = frozenset(["introduction", "background", "main text", "main"])
_ABSTRACT_RE = re.compile(r"^\**\s*(?:abstract|summary)\s*\**\s*[:.]?\s*\**\s*(.*)$", re.IGNORECASE)


@dataclass
class Unit:
    """One paragraph of the clean text before offsets are fixed."""

    kind: str  # heading | text | caption
    raw: str
    level: int = 1
    number: str | None = None
    title: str = ""
    table: TableDraft | None = None
    glossary: dict[str, str] = field(default_factory=dict)


def _is_strong_heading(block: Block) -> bool:
    if block.kind != "heading":
        return False
    if block.number is not None or fold(block.title) in BODY_START_TITLES:
        return True
    letters = [c for c in block.title if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return True
    return block.raw.startswith("#") and block.level >= 1


def _join_raw(prev: str, nxt: str, vocabulary: set[str]) -> str:
    """Join a paragraph cut by a page break, a table or a figure; undo a hyphenation at the cut (hyphens)."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    m = re.search(r"(\w+)-$", prev)
    if m:
        tail = re.match(r"\w+", nxt)
        return prev + nxt if keep_hyphen(m[1], tail[0] if tail else "", vocabulary) else prev[:-1] + nxt
    return prev + " " + nxt


def _body_units(blocks: list[Block], vocabulary: set[str]) -> tuple[list[Unit], list[TableDraft], dict[str, str]]:
    units: list[Unit] = []
    drafts: list[TableDraft] = []
    glossary: dict[str, str] = {}
    open_table: TableDraft | None = None
    last_text: Unit | None = None  # a prose paragraph that a later block may continue
    strong_level = 0  # level of the last numbered, ALL-CAPS or markdown heading
    for block in blocks:
        if block.kind == "table_rows":
            if open_table is None:  # rows with no caption: an unlabelled table
                open_table = TableDraft(label=f"Table {len(drafts) + 1}", number=len(drafts) + 1, caption="")
                drafts.append(open_table)
            open_table.lines.extend(block.lines)
            continue
        if block.kind == "glossary":
            gloss_text = clean_inline(block.raw, citations=False).text
            if open_table is not None and open_table.lines:
                open_table.footnotes.append(gloss_text)
            glossary.update(parse_glossary(gloss_text) or {})
            continue
        if block.kind == "boilerplate":
            continue
        if block.kind == "table_caption":
            open_table = new_draft(block.number or "0", block.body)
            drafts.append(open_table)
            if not open_table.continued:
                units.append(Unit("caption", f"{block.title}. {block.body}".strip(), table=open_table))
            continue
        open_table = None
        if block.kind == "figure_caption":
            caption, gloss = split_caption_glossary(clean_inline(block.raw, citations=False).text)
            glossary.update(gloss)
            units.append(Unit("caption", block.raw if not gloss else caption, glossary=gloss))
            continue
        if block.kind in ("heading", "runin"):
            if block.kind == "heading" and _is_strong_heading(block):
                level = block.level if block.number is not None else max(block.level, 1)
                strong_level = level
            else:  # a short title-like line or a bold run-in label: one level below the last strong one
                level = strong_level + 1
            units.append(Unit("heading", block.title, level=level, number=block.number, title=block.title))
            last_text = None
            if block.kind == "runin":
                last_text = Unit("text", block.body)
                units.append(last_text)
            continue
        raw = block.raw
        if (
            last_text is not None
            and not ends_sentence(last_text.raw)
            and (raw[:1].islower() or last_text.raw.rstrip().endswith("-"))
        ):
            last_text.raw = _join_raw(last_text.raw, raw, vocabulary)
            continue
        last_text = Unit("text", raw)
        units.append(last_text)
    return units, drafts, glossary


def _front_units(front: list[Block], vocabulary: set[str]) -> list[Unit]:
    """Title and abstract: the only front matter kept in the clean text."""
    units: list[Unit] = []
    title_i = title_block_index(front)
    if title_i is not None:
        block = front[title_i]
        title = block.title if block.kind == "heading" else clean_inline(block.raw, citations=False).text
        units.append(Unit("heading", title, level=0, title=title))
    for i, block in enumerate(front):
        m = _ABSTRACT_RE.match(block.raw)
        if not m:
            continue
        body = m[1].strip()
        if not body and i + 1 < len(front):
            body = front[i + 1].raw
        if body:
            units.append(Unit("heading", "Abstract", level=1, title="Abstract"))
            units.append(Unit("text", body))
        break
    else:  # no "Abstract" label (Nature journals): the front matter's prose is the abstract and what follows it
        prose = _front_prose(front, title_i, vocabulary)
        if prose:
            units.append(Unit("heading", "Abstract", level=1, title="Abstract"))
            units += prose
    return units


# front-matter blocks that are not the paper's prose even when long: licences, dates, addresses, notes
_FRONT_NOISE_RE = re.compile(
    r"creative commons|licen[cs]e|©|copyright|permissions|reprints|@|"
    r"^(?:received|accepted|published|revised|correspondence|citation|academic editor|keywords?|edited by)\b",
    re.IGNORECASE,
)


def _front_notes(front: list[Block], units: list[Unit]) -> list[str]:
    """The front matter's blocks that are neither its title nor its abstract (author lines, affiliations,
    correspondence, dates, licences), each as one clean line: kept apart from the text, not lost."""
    kept = " ".join(" ".join(clean_inline(u.raw, citations=False).text.split()) for u in units)
    notes = []
    for block in front:
        if block.kind not in ("text", "heading", "boilerplate") or _ABSTRACT_RE.match(block.raw):
            continue
        text = without_marks(block.raw.lstrip("#").strip())
        text = " ".join(text.split())
        if re.search(r"[^\W\d_]{2}", text) and text[:80] not in kept:  # not a mark left alone
            notes.append(text)
    return notes


def _notes(blocks: list[Block]) -> list[str]:
    """Blocks as one clean line each (marks cut), for Metadata.front_matter."""
    lines = (" ".join(without_marks(b.raw.lstrip("#").strip()).split()) for b in blocks)
    return [line for line in lines if re.search(r"[^\W\d_]{2}", line)]


def _front_prose(front: list[Block], title_i: int | None, vocabulary: set[str]) -> list[Unit]:
    """Paragraphs of running prose before the first heading (at least 300 characters and two sentences),
    pieces cut by a margin note or a column end joined; affiliations, licences and dates left out."""
    units: list[Unit] = []
    last: Unit | None = None
    for i, block in enumerate(front):
        if i == title_i or block.kind != "text":
            last = None
            continue
        raw = block.raw.strip()
        if last is not None and not ends_sentence(last.raw) and (raw[:1].islower() or last.raw.endswith("-")):
            last.raw = _join_raw(last.raw, raw, vocabulary)
            continue
        last = Unit("text", raw)
        units.append(last)
    return [u for u in units if _is_prose(clean_inline(u.raw, citations=False).text)]


def _is_prose(text: str) -> bool:
    return (
        len(text) >= 300
        and len(re.findall(r"[a-z)\]][.!?]\s+[A-Z]", text)) >= 1
        and not text[:1].isdigit()
        and not _FRONT_NOISE_RE.search(text[:200])  # what a block starts with says what it is
    )


def parse_text(text: str, *, doc_id: str, source: str, fmt: str = "text") -> Document:
    """Parse a text/markdown review into a Document.

    Args:
        text: the whole article as decoded text.
        doc_id: the identifier the Document carries.
        source: where it came from (a path or a name), for messages and provenance.
        fmt: "text" or "markdown".
    """
    blocks = split_blocks(text)
    if fmt == "pdf":  # a figure's labels the PDF reader took for headings
        blocks = figure_labels_as_text(blocks)
    vocabulary = hyphen_vocabulary(text)
    ref_i = next(
        (
            i
            for i, b in enumerate(blocks)
            if b.kind in ("heading", "text") and len(b.raw) < 40 and fold(b.title or b.raw) in REFERENCE_HEADINGS
        ),
        len(blocks),
    )
    title_i = title_block_index(blocks[:ref_i])
    body_i = next(
        (i for i, b in enumerate(blocks[:ref_i]) if _is_strong_heading(b) and (title_i is None or i > title_i)),
        None,
    )
    if body_i is None:  # no headings at all: everything before the references is body
        body_i = 0 if title_i is None else title_i + 1
    # the reference list ends at the next heading: back matter after it (acknowledgements, author
    # contributions, competing interests) is text again, not references
    ref_end = next((i for i in range(ref_i + 1, len(blocks)) if blocks[i].kind == "heading"), len(blocks))
    after = blocks[ref_end:]
    later = _later_article(after)
    warnings: list[str] = []
    if later is not None:  # another paper after this one's references (two papers in one PDF): read it too
        title, lists = later
        dropped = {i for a, b in lists for i in range(a, b)}
        after = [b for i, b in enumerate(after) if i not in dropped]
        entries = sum(
            len(parse_reference_list([ln for b in blocks[ref_end + a + 1 : ref_end + b] for ln in b.lines]))
            for a, b in lists
        )
        warnings.append(
            f'{LATER_ARTICLE}: "{title[:120]}" (read into this document after it'
            + (f"; its reference list, {entries} entr{'y' if entries == 1 else 'ies'}, left out)" if lists else ")")
        )
    front, body = blocks[:body_i], blocks[body_i:ref_i] + after
    metadata = extract_metadata(front if front else blocks[:1])
    units = _front_units(front, vocabulary)
    # licences and copyright lines printed anywhere (a box at the end, a page's foot) are kept apart too
    notes = _front_notes(front, units) + _notes([b for b in body if b.kind == "boilerplate"])
    if notes:
        metadata = metadata.model_copy(update={"front_matter": notes})
    body_units, drafts, glossary = _body_units(body, vocabulary)
    units += body_units

    ref_lines = [line for b in blocks[ref_i + 1 : ref_end] for line in b.lines]
    references = parse_reference_list(ref_lines)
    return assemble(
        units,
        drafts,
        doc_id=doc_id,
        source=source,
        format=fmt,
        metadata=metadata,
        references=references,
        abbreviations=glossary,
        warnings=warnings,
    )


LATER_ARTICLE = "another article follows the reference list"
_ABSTRACT_LABEL_RE = re.compile(r"^\**\s*abstract\s*\**\s*(?:[:.]?\s*\**\s*$|[:.]\s*\**\s*\S)", re.IGNORECASE)


def _later_article(blocks: list[Block]) -> tuple[str, list[tuple[int, int]]] | None:
    """The title of another paper in the blocks after a reference list, and its own reference lists
    ((heading, end) block indices); None when they are back matter (acknowledgements, contributions, notes).

    Another paper is an abstract (an "Abstract" heading or label) after the reference list; it begins at the
    last title-level heading before that abstract, else right after the list."""
    abstract = next(
        (
            i
            for i, b in enumerate(blocks)
            if (b.kind == "heading" and fold(b.title) in ("abstract", "summary"))
            or (b.kind == "text" and _ABSTRACT_LABEL_RE.match(b.raw))
        ),
        None,
    )
    if abstract is None:
        return None
    start = next((i for i in range(abstract - 1, -1, -1) if blocks[i].kind == "heading" and blocks[i].level <= 1), 0)
    title = blocks[start].title or blocks[start].raw
    lists = []
    for i in range(abstract + 1, len(blocks)):
        b = blocks[i]
        if b.kind in ("heading", "text") and len(b.raw) < 40 and fold(b.title or b.raw) in REFERENCE_HEADINGS:
            end = next((j for j in range(i + 1, len(blocks)) if blocks[j].kind == "heading"), len(blocks))
            lists.append((i, end))
    return clean_inline(title, citations=False).text, lists


def assemble(units: list[Unit], drafts: list[TableDraft], **fields: object) -> Document:
    """Lay the units out as one clean text and build every span layer over it."""
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    citations: list[Citation] = []
    headings: list[tuple[int, Unit]] = []
    offset = 0
    for unit in units:
        clean = clean_inline(unit.raw, citations=unit.kind != "heading")
        if not clean.text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        start = offset
        parts.append(clean.text)
        offset += len(clean.text)
        p_index = len(paragraphs)
        paragraphs.append(Paragraph(start=start, end=offset, kind=unit.kind))  # type: ignore[arg-type]
        if unit.kind == "heading":
            headings.append((p_index, unit))
            continue
        if unit.table is not None:
            unit.table.start = start
        for s, e in split_sentences(clean.text, clean.breaks):
            sentences.append(Sentence(start=start + s, end=start + e, paragraph=p_index))
        for pos, refs, marker in clean.citations:
            citations.append(Citation(start=start + pos, end=start + pos, refs=refs, marker=marker))
    text = "".join(parts)
    sections: list[Section] = []
    levels = [(p_index, unit.level) for p_index, unit in headings]
    for k, (p_index, unit) in enumerate(headings):
        par = paragraphs[p_index]
        end = section_end(text, paragraphs, levels, k)
        sections.append(
            Section(start=par.start, end=end, title=text[par.start : par.end], level=unit.level, number=unit.number)
        )
    return Document(
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        citations=citations,
        sections=sections,
        tables=build_tables(drafts),
        **fields,  # type: ignore[arg-type]
    )
