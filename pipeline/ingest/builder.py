"""Lay out clean paragraphs into one Document text and build its span layers (for structured inputs).

The XML readers (JATS, PubMed, BioC) know their headings, paragraphs, citations and tables from the markup, so
they hand over clean text directly; this module only fixes offsets, splits sentences and closes sections, as
``text.assemble`` does for the text reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.ingest.sentences import split_sentences
from pipeline.models import Annotation, Citation, Document, Paragraph, ParagraphKind, Section, Sentence, Table


@dataclass
class CitationMark:
    """A citation inside a paragraph: ``start == end`` where a numeric marker was cut out, or the span of an
    author-year marker kept in the text ("Smith et al. 2005")."""

    start: int
    end: int
    refs: list[int]
    marker: str


@dataclass
class Piece:
    kind: ParagraphKind
    text: str
    level: int = 1
    number: str | None = None
    citations: list[CitationMark] = field(default_factory=list)
    table: int | None = None  # index into the builder's tables when this is a table's caption
    annotations: list[Annotation] = field(default_factory=list)  # offsets relative to the piece


class DocumentBuilder:
    """Collect headings, paragraphs, captions and tables in reading order, then ``build`` the Document."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.tables: list[Table] = []

    def heading(
        self, title: str, level: int, number: str | None = None, annotations: list[Annotation] | None = None
    ) -> None:
        lead = len(title) - len(title.lstrip())
        title = title.strip()
        if title:
            shifted = [a.model_copy(update={"start": a.start - lead, "end": a.end - lead}) for a in annotations or []]
            self.pieces.append(Piece("heading", title, level=level, number=number, annotations=shifted))

    def paragraph(
        self, text: str, citations: list[CitationMark] | None = None, annotations: list[Annotation] | None = None
    ) -> None:
        if text.strip():
            self.pieces.append(Piece("text", text, citations=citations or [], annotations=annotations or []))

    def caption(self, text: str, table: Table | None = None) -> None:
        if not text.strip() and table is None:
            return
        index = None
        if table is not None:
            index = len(self.tables)
            self.tables.append(table)
        text = text.strip() or (table.label if table is not None else "")
        self.pieces.append(Piece("caption", text, table=index))

    def build(self, **fields: Any) -> Document:
        parts: list[str] = []
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        citations: list[Citation] = []
        annotations: list[Annotation] = []
        headings: list[tuple[int, Piece]] = []
        table_starts: dict[int, int] = {}
        offset = 0
        for piece in self.pieces:
            if parts:
                parts.append("\n\n")
                offset += 2
            start = offset
            parts.append(piece.text)
            offset += len(piece.text)
            p_index = len(paragraphs)
            paragraphs.append(Paragraph(start=start, end=offset, kind=piece.kind))
            if piece.table is not None:
                table_starts[piece.table] = start
            if piece.kind == "heading":
                headings.append((p_index, piece))
            else:
                for s, e in split_sentences(piece.text):
                    sentences.append(Sentence(start=start + s, end=start + e, paragraph=p_index))
            for c in piece.citations:
                citations.append(Citation(start=start + c.start, end=start + c.end, refs=c.refs, marker=c.marker))
            for a in piece.annotations:
                annotations.append(a.model_copy(update={"start": start + a.start, "end": start + a.end}))
        text = "".join(parts)
        sections: list[Section] = []
        levels = [(p_index, piece.level) for p_index, piece in headings]
        for k, (p_index, piece) in enumerate(headings):
            par = paragraphs[p_index]
            end = section_end(text, paragraphs, levels, k)
            sections.append(Section(start=par.start, end=end, title=piece.text, level=piece.level, number=piece.number))
        tables = [t.model_copy(update={"start": table_starts.get(i)}) for i, t in enumerate(self.tables)]
        return Document(
            text=text,
            paragraphs=paragraphs,
            sentences=sentences,
            citations=citations,
            sections=sections,
            tables=tables,
            annotations=annotations,
            **fields,
        )


def section_end(text: str, paragraphs: list[Paragraph], headings: list[tuple[int, int]], k: int) -> int:
    """Where the section of heading ``k`` ends: at the next heading of its level or above (its trailing newlines
    left out), else at the end of ``text``. ``headings`` are (paragraph index, level) in reading order."""
    p_index, level = headings[k]
    start = paragraphs[p_index].start
    for q_index, later in headings[k + 1 :]:
        if later <= level:
            end = paragraphs[q_index].start
            while end > start and text[end - 1] == "\n":
                end -= 1
            return end
    return len(text)
