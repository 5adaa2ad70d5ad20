"""The data model: one immutable clean text per Document and spans into it; one Assertion schema.

Every model is frozen and forbids unknown fields, so a stage cannot edit its input and a typo in a field name
fails loudly. ``Document.model_validate_json(doc.model_dump_json()) == doc`` holds (tested).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.constants import Effect, EntityLabel, Reagent, Relation, Source


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Character offsets ``[start, end)`` into ``Document.text``; page where known (1-based) and, for text
    read from a PDF, the box it is printed in on that page: ``(x0, top, x1, bottom)`` in PDF points from the
    page's top-left corner (as the page is shown)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    page: int | None = None
    box: tuple[float, float, float, float] | None = None


class Section(Span):
    """A heading and the text under it, up to the next heading of the same or a higher level."""

    title: str
    level: int = Field(ge=0, description="0 = document title, 1 = top-level section, 2 = subsection, ...")
    number: str | None = None


ParagraphKind = Literal["heading", "text", "caption"]


class Paragraph(Span):
    kind: ParagraphKind = "text"


class Sentence(Span):
    paragraph: int = Field(ge=0, description="index into Document.paragraphs")


class Citation(Span):
    """A citation marker cut out of the text: ``start == end`` is where it stood."""

    refs: list[int]
    marker: str


class Entity(Span):
    """A recognised, normalised mention: ``name`` is canonical; ``other_names`` when a mention names several
    entities ("miR-221/222"); ``long_form`` when it is a short form resolved through the paper's definition."""

    label: EntityLabel
    text: str
    name: str
    id: str | None = None
    other_names: list[str] = []
    other_ids: list[str | None] = []
    sentence: int | None = Field(default=None, description="index into Document.sentences")
    long_form: str | None = None
    reagent: Reagent | None = Field(
        default=None,
        description='the molecule used as a reagent: "miR-21 inhibitor" -> inhibitor, "si-PTEN" -> silencing',
    )

    @property
    def names(self) -> list[str]:
        return [self.name, *self.other_names]


class Reference(Frozen):
    number: int
    raw: str
    authors: list[str] = []
    first_author: str | None = None
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    study_key: str | None = None


class Table(Frozen):
    """A table as printed, "Cont." parts merged; the first column of a grouped table filled down."""

    label: str
    number: int
    caption: str
    header: list[str]
    rows: list[list[str]]
    row_refs: list[list[int]] = []
    footnotes: list[str] = []
    glossary: dict[str, str] = {}
    start: int | None = Field(default=None, description="offset of the caption in Document.text")
    pages: list[int] = []


class Metadata(Frozen):
    title: str | None = None
    authors: list[str] = []
    journal: str | None = None
    year: int | None = None
    doi: str | None = None
    keywords: list[str] = []
    pmid: str | None = None
    pmcid: str | None = None
    mesh_terms: list[str] = Field(default=[], description="MeSH descriptor names (PubMed), major topics marked '*'")
    front_matter: list[str] = Field(
        default=[],
        description="the front matter's other blocks (author lines, affiliations, correspondence, dates, licences,"
        " notes) as printed, and licence and copyright notes printed further on, kept apart from the text",
    )


class Annotation(Span):
    """An annotation that came with the input (a PubTator/BioC export), kept beside EVminer's own entities:
    its offsets are into ``Document.text``."""

    label: str
    text: str
    id: str | None = None
    annotator: str = Field(default="", description="who made it: the BioC collection's source, e.g. PubTator")


class Document(Frozen):
    doc_id: str
    source: str
    format: Literal["text", "markdown", "pdf", "jats", "pubmed", "bioc"] = "text"
    text: str
    metadata: Metadata = Metadata()
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    citations: list[Citation] = []
    tables: list[Table] = []
    references: list[Reference] = []
    abbreviations: dict[str, str] = {}
    entities: list[Entity] = []
    annotations: list[Annotation] = []
    warnings: list[str] = []

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def reference(self, number: int) -> Reference | None:
        return next((r for r in self.references if r.number == number), None)

    def table(self, label: str) -> Table | None:
        return next((t for t in self.tables if t.label == label), None)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (a citation at a sentence's end belongs to it)."""
        for sent in self.sentences:
            if sent.start <= offset <= sent.end:
                return sent
        return None


class Concept(Frozen):
    """A normalised entity in an assertion: canonical name, identifier where known, and its type."""

    name: str
    id: str | None = None
    type: str | None = Field(
        default=None,
        description="cargo type for cargos; entity label otherwise; 'source' for a donor or recipient described in words",
    )


class Provenance(Frozen):
    doc_id: str
    source: Source
    table: str | None = None
    row: int | None = Field(default=None, description="0-based row index in the table")
    page: int | None = None
    start: int | None = None
    end: int | None = None
    evidence: str = ""


class Assertion(Frozen):
    """One relation, from a curated table row (gold) or from prose."""

    relation: Relation
    effect: Effect | None = None
    confidence: float | None = Field(default=None, description="how sure (tables 1.0); prose: the rule's or model's")
    method: str | None = Field(default=None, description="what made it: 'table', or 'rules:<rule names>'")
    cargo: list[Concept] = []
    drugs: list[Concept] = []
    target_genes: list[Concept] = []
    target_cells: list[Concept] = []
    donor_cells: list[Concept] = []
    recipient_cells: list[Concept] = []
    function: str | None = None
    refs: list[int] = []
    study_keys: list[str] = []
    provenance: Provenance

    def to_row(self) -> dict[str, Any]:
        """The flat JSONL/TSV form of design.md's CLI contract: the columns every sink shares, derived from this
        model once (``pipeline.export.schema``)."""
        from pipeline.export.schema import assertion_row

        return assertion_row(self)
