"""One recipe for the chain, as papermage's recipes do it: reader -> annotate -> relate + tables -> evaluate.

The CLI (parse, entities, tables, extract, diff), the Python API and the batch worker all run documents
through a ``Recipe``; each stage sits behind a small protocol (a reader: ``pipeline.ingest.readers.Reader``,
chosen by content; an ``Annotator``: Document -> Document; an ``Extractor``: Document -> assertions), so a stage
can be swapped (another annotator, an extra extractor) in one place. Stages go by the names of
``pipeline.registry`` (``Recipe.from_names``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pipeline.models import Assertion, Document
from pipeline.registry import ANNOTATORS, EXTRACTORS

if TYPE_CHECKING:
    from pipeline.evaluate.diff import TableDiff
    from pipeline.ingest.readers import Member


class Annotator(Protocol):
    def __call__(self, doc: Document) -> Document: ...


class Extractor(Protocol):
    def __call__(self, doc: Document) -> list[Assertion]: ...


def default_annotator(doc: Document) -> Document:
    """Entities recognised and normalised by the spaCy pipeline of models/evminer_ner."""
    from pipeline.annotate import annotate

    return annotate(doc)


@dataclass(frozen=True)
class TableExtractor:
    """The curated tables as assertions (source="table"); needs no entities."""

    needs_entities = False

    def __call__(self, doc: Document) -> list[Assertion]:
        from pipeline.tables import table_assertions

        return table_assertions(doc)


@dataclass(frozen=True)
class ProseExtractor:
    """What the prose states (source="text"); reads the entities, so it runs only after an annotator."""

    keep_negated: bool = False
    needs_entities = True

    def __call__(self, doc: Document) -> list[Assertion]:
        from pipeline.relate import relate

        return relate(doc, keep_negated=self.keep_negated)


table_extractor = TableExtractor()
prose_extractor = ProseExtractor()

_ANNOTATORS: dict[str, Annotator] = {"entities": default_annotator}
_EXTRACTORS: dict[str, Extractor] = {"tables": table_extractor, "prose": prose_extractor}
assert tuple(_ANNOTATORS) == ANNOTATORS and tuple(_EXTRACTORS) == EXTRACTORS, "pipeline.registry is the list"


@dataclass
class Recipe:
    """Read, annotate, then every extractor (curated tables, then prose). ``annotator=None`` skips entities,
    and with them the extractors that need them (the prose); ``pdf_engine``: where a PDF's characters come from
    (``pipeline.registry.PDF_ENGINES``)."""

    annotator: Annotator | None = default_annotator
    extractors: Sequence[Extractor] = (table_extractor, prose_extractor)
    pdf_engine: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_names(
        cls,
        annotator: str | None = "entities",
        extractors: Sequence[str] = EXTRACTORS,
        *,
        pdf_engine: str | None = None,
        keep_negated: bool = False,
    ) -> Recipe:
        """The recipe of the stages named in ``pipeline.registry`` (ValueError for an unknown name)."""
        for name in ([annotator] if annotator else []) + list(extractors):
            if name not in ANNOTATORS + EXTRACTORS:
                raise ValueError(f"unknown stage {name!r}: annotators {ANNOTATORS}, extractors {EXTRACTORS}")
        chosen = [ProseExtractor(keep_negated) if n == "prose" else _EXTRACTORS[n] for n in extractors]
        return cls(_ANNOTATORS[annotator] if annotator else None, tuple(chosen), pdf_engine)

    def read(self, path: str | Path, doc_id: str | None = None) -> Iterator[Member]:
        """The documents of one file (a PubMed or BioC file holds many), each read by ``read_member``.

        Raises:
            IngestError: the file cannot be read or is of no kind EVminer reads.
        """
        from pipeline.ingest import doc_id_for
        from pipeline.ingest.readers import members

        return members(path, doc_id or doc_id_for(Path(path)))

    def read_bytes(self, data: bytes, *, source: str, suffix: str, doc_id: str) -> Document:
        """One document from a file's bytes (the batch worker's way in: it has read and hashed them), by the
        reader their content names, then ``suffix``.

        Raises:
            IngestError: the bytes are no document EVminer reads, or hold several.
        """
        from pipeline.ingest import ingest_bytes

        return ingest_bytes(data, source=source, suffix=suffix, doc_id=doc_id, pdf_engine=self.pdf_engine)

    def read_member(self, member: Member) -> Document:
        """One document of a file, read by the reader its content names (``pipeline.registry.READERS``)."""
        from pipeline.ingest.readers import read_member

        return read_member(member, self.pdf_engine)

    def run(self, doc: Document) -> tuple[Document, list[Assertion]]:
        """One Document through the chain; ``timings`` gets the seconds of "annotate" and "relate"."""
        if self.annotator is not None:
            t = time.perf_counter()
            doc = self.annotator(doc)
            self.timings["annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        items = [
            a
            for extract in self.extractors
            if self.annotator is not None or not getattr(extract, "needs_entities", False)
            for a in extract(doc)
        ]
        self.timings["relate"] = time.perf_counter() - t
        return doc, items


def evaluate(docs: Iterable[Document], assertions: Iterable[Assertion]) -> list[TableDiff]:
    """The diff of the curated tables (source="table") against the prose (source="text") of all ``docs``."""
    from pipeline.evaluate.diff import diff_documents

    items = list(assertions)
    gold = [a for a in items if a.provenance.source == "table"]
    predicted = [a for a in items if a.provenance.source == "text"]
    return diff_documents(list(docs), gold, predicted)
