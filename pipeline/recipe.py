"""One recipe for the chain, as papermage's recipes do it: reader -> annotate -> relate + tables -> evaluate.

The CLI, the Python API and the batch worker all run documents through ``Recipe.run``; each stage sits behind a
small protocol (a reader: ``pipeline.ingest.readers.Reader``; an ``Annotator``: Document -> Document; an
``Extractor``: Document -> assertions), so a stage can be swapped (another annotator, an extra extractor) in
one place.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pipeline.models import Assertion, Document

if TYPE_CHECKING:
    from pipeline.evaluate.diff import TableDiff


class Annotator(Protocol):
    def __call__(self, doc: Document) -> Document: ...


class Extractor(Protocol):
    def __call__(self, doc: Document) -> list[Assertion]: ...


def default_annotator(doc: Document) -> Document:
    from pipeline.annotate import annotate

    return annotate(doc)


def table_extractor(doc: Document) -> list[Assertion]:
    from pipeline.tables import table_assertions

    return table_assertions(doc)


def prose_extractor(doc: Document) -> list[Assertion]:
    from pipeline.relate import relate

    return relate(doc)


@dataclass
class Recipe:
    """annotate, then every extractor (curated tables, then prose); ``annotator=None`` skips entities (and the
    prose extractor, which needs them)."""

    annotator: Annotator | None = default_annotator
    extractors: Sequence[Extractor] = (table_extractor, prose_extractor)
    timings: dict[str, float] = field(default_factory=dict)

    def run(self, doc: Document) -> tuple[Document, list[Assertion]]:
        """One Document through the chain; ``timings`` gets the seconds of "annotate" and "relate"."""
        if self.annotator is None:
            t = time.perf_counter()
            items = table_extractor(doc)
            self.timings["relate"] = time.perf_counter() - t
            return doc, items
        t = time.perf_counter()
        doc = self.annotator(doc)
        self.timings["annotate"] = time.perf_counter() - t
        t = time.perf_counter()
        items = [a for extract in self.extractors for a in extract(doc)]
        self.timings["relate"] = time.perf_counter() - t
        return doc, items


def evaluate(docs: Iterable[Document], assertions: Iterable[Assertion]) -> list[TableDiff]:
    """The diff of the curated tables (source="table") against the prose (source="text") of all ``docs``."""
    from pipeline.evaluate.diff import diff_documents

    items = list(assertions)
    gold = [a for a in items if a.provenance.source == "table"]
    predicted = [a for a in items if a.provenance.source == "text"]
    return diff_documents(list(docs), gold, predicted)
