"""The two PDF engines on one file: the same Document or not, and how fast (``evminer compare-engines``).

pdfium is the default character source, pdfminer through pdfplumber the reference; both feed one layout
reader, so whatever differs comes from the characters they read. Sentences are compared as sets of
whitespace-normalised strings, tables cell by cell, citations by (offset, reference numbers), references by
their raw text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from pipeline.models import Document
from pipeline.registry import PDF_ENGINES

ENGINES = PDF_ENGINES


@dataclass
class EngineComparison:
    source: str
    pages: int
    seconds: dict[str, float]
    sentences: int  # the reference engine's
    same_sentences: int
    tables: int
    same_tables: int
    same_citations: bool
    same_references: bool
    same_metadata: bool
    only_reference: list[str] = field(default_factory=list)  # sentences pdfplumber has and pdfium has not
    only_fast: list[str] = field(default_factory=list)

    @property
    def sentence_agreement(self) -> float:
        return self.same_sentences / self.sentences if self.sentences else 1.0

    @property
    def speedup(self) -> float:
        return self.seconds["pdfplumber"] / self.seconds["pdfium"] if self.seconds["pdfium"] else 0.0


def _sentences(doc: Document) -> list[str]:
    return [re.sub(r"\s+", " ", doc.span_text(s)).strip() for s in doc.sentences]


def compare_engines(data: bytes, source: str) -> EngineComparison:
    """Read one PDF with both engines (typed errors as parse_pdf raises them) and compare the Documents."""
    from pipeline.ingest.pdf import parse_pdf

    docs: dict[str, Document] = {}
    seconds: dict[str, float] = {}
    for engine in ENGINES:
        start = time.perf_counter()
        docs[engine] = parse_pdf(data, doc_id="compare", source=source, engine=engine)
        seconds[engine] = time.perf_counter() - start
    fast, reference = docs["pdfium"], docs["pdfplumber"]
    ours, theirs = _sentences(fast), _sentences(reference)
    ours_set, theirs_set = set(ours), set(theirs)

    def table(t):  # type: ignore[no-untyped-def]
        return (t.label, t.caption, t.header, t.rows)

    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    pages = len(document)
    document.close()
    return EngineComparison(
        source=source,
        pages=pages,
        seconds=seconds,
        sentences=len(theirs),
        same_sentences=sum(s in ours_set for s in theirs),
        tables=len(reference.tables),
        same_tables=sum(table(a) == table(b) for a, b in zip(fast.tables, reference.tables, strict=False)),
        same_citations=[(c.start, c.refs) for c in fast.citations] == [(c.start, c.refs) for c in reference.citations],
        same_references=[r.raw for r in fast.references] == [r.raw for r in reference.references],
        same_metadata=fast.metadata == reference.metadata,
        only_reference=[s for s in theirs if s not in ours_set],
        only_fast=[s for s in ours if s not in theirs_set],
    )
