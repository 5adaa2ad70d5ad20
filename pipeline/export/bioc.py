"""BioC (JSON and XML, the formats of PubTator and the BioC tools): documents, entity annotations and every
assertion as a relation.

One passage per paragraph (infons: type = title / section_title / paragraph / caption, section), each entity an
annotation (label, canonical name, identifier), located by offset and length in the document's clean text, so
the offsets are those of EVminer's JSON too. Each curated table is one more passage after the text (its header
and rows as ``cell | cell`` lines), so that a table assertion can point at the cells it came from.

Every assertion is a document-level relation (infons: relation, effect, confidence, method, source, table and
row, refs, evidence) whose nodes point at the annotations of its cargo, drugs, target genes and cells, donor and
recipient cells (roles ``cargo``, ``drug``, ``target_gene``, ``target_cell``, ``donor_cell``,
``recipient_cell``): for prose, the entity mentions in its evidence that carry the concept's name; for a table
row, an annotation of the cell the concept was read from. The output is valid against the BioC DTD and read by
the ``bioc`` package (tests/export/test_bioc.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

from pipeline.constants import CONCEPT_ROLES
from pipeline.models import Assertion, Concept, Document, Entity, Table

KEY = "evminer.key"
SOURCE = "EVminer"
ROLES = CONCEPT_ROLES
# which table columns a role's concepts are read from (tables/roles.py's column roles)
_COLUMNS = {
    "cargo": ("cargo", "payload"),
    "drugs": ("drugs", "payload", "function"),
    "target_genes": ("target_genes", "function"),
    "target_cells": ("target_cells",),
    "donor_cells": ("payload",),
    "recipient_cells": ("target_cells",),
}


def _passage_type(doc: Document, index: int) -> str:
    par = doc.paragraphs[index]
    if par.kind == "heading":
        section = next((s for s in doc.sections if s.start == par.start), None)
        return "title" if section and section.level == 0 else "section_title"
    return "caption" if par.kind == "caption" else "paragraph"


@dataclass
class _TableLayout:
    table: Table
    offset: int
    text: str
    cells: list[list[tuple[int, int]]]  # per row (header first), per column: (start, end) in document offsets


def _lay_out(table: Table, offset: int) -> _TableLayout:
    lines: list[str] = []
    cells: list[list[tuple[int, int]]] = []
    pos = offset
    for row in [table.header, *table.rows]:
        spans = []
        parts = []
        for i, cell in enumerate(row):
            if i:
                parts.append(" | ")
                pos += 3
            spans.append((pos, pos + len(cell)))
            parts.append(cell)
            pos += len(cell)
        lines.append("".join(parts))
        cells.append(spans)
        pos += 1  # the newline
    return _TableLayout(table, offset, "\n".join(lines), cells)


@dataclass
class _Annotations:
    """The annotations of one document, with ids, and a way to find the ones a concept names."""

    items: list[dict[str, Any]] = field(default_factory=list)
    by_entity: dict[int, str] = field(default_factory=dict)
    by_cell: dict[tuple[str, int, int, str], str] = field(default_factory=dict)

    by_name: dict[str, list[int]] | None = None  # lower-cased name -> the annotated entities bearing it
    by_id: dict[str, list[int]] = field(default_factory=dict)  # concept id -> the annotated entities bearing it

    def naming(self, doc: Document, name: str, ident: str | None) -> list[int]:
        """The annotated entities (indices into ``doc.entities``, in order) named ``name`` or with id ``ident``:
        one pass over the entities per document, not one per concept."""
        if self.by_name is None:
            self.by_name = {}
            for i, e in enumerate(doc.entities):
                if i not in self.by_entity:
                    continue
                for n in {n.lower() for n in e.names}:
                    self.by_name.setdefault(n, []).append(i)
                for x in dict.fromkeys([e.id, *e.other_ids]):
                    if x:
                        self.by_id.setdefault(x, []).append(i)
        found = self.by_name.get(name.lower(), [])
        if ident and ident in self.by_id:
            return sorted(set(found) | set(self.by_id[ident]))
        return found

    def add(self, infons: dict[str, str], text: str, start: int, end: int, prefix: str) -> str:
        ident = f"{prefix}{len(self.items) + 1}"
        self.items.append(
            {"id": ident, "infons": infons, "text": text, "locations": [{"offset": start, "length": end - start}]}
        )
        return ident


def _entity_infons(e: Entity) -> dict[str, str]:
    infons = {"type": e.label, "identifier": e.id or "", "name": e.name}
    if e.other_names:
        infons["other_names"] = "; ".join(e.other_names)
    return infons


def _text_nodes(a: Assertion, doc: Document, anns: _Annotations, role_field: str) -> Iterator[tuple[str, Concept]]:
    """The entity annotations of a prose assertion's concepts: mentions in its evidence span first, else the
    nearest mention of the same concept anywhere in the document."""
    p = a.provenance
    start, end = p.start or 0, p.end if p.end is not None else len(doc.text)
    for concept in getattr(a, role_field):
        candidates = anns.naming(doc, concept.name, concept.id)
        inside = [i for i in candidates if start <= doc.entities[i].start < max(end, start + 1)]
        nearest = sorted(candidates, key=lambda i: abs(doc.entities[i].start - start))[:1]
        for i in inside or nearest:
            yield anns.by_entity[i], concept


def _table_nodes(
    a: Assertion, layout: _TableLayout, roles: list[str], anns: _Annotations, role_field: str
) -> Iterator[tuple[str, Concept]]:
    """An annotation of the cell each concept of a table row was read from."""
    row = a.provenance.row
    if row is None or row + 1 >= len(layout.cells):
        return
    cells = layout.table.rows[row]
    spans = layout.cells[row + 1]
    columns = [i for i, r in enumerate(roles) if r in _COLUMNS[role_field] and i < len(cells) and cells[i]]
    for concept in getattr(a, role_field):
        name = concept.name.lower()
        col = next((i for i in columns if name in cells[i].lower()), columns[0] if columns else None)
        if col is None:
            col = next((i for i, c in enumerate(cells) if name in c.lower()), next(i for i, c in enumerate(cells) if c))
        key = (layout.table.label, row, col, concept.name)
        if key not in anns.by_cell:
            s, e = spans[col]
            infons = {
                "type": concept.type or ROLES[role_field],
                "identifier": concept.id or "",
                "name": concept.name,
                "table": layout.table.label,
                "row": str(row),
                "column": str(col),
            }
            anns.by_cell[key] = anns.add(infons, cells[col], s, e, "C")
        yield anns.by_cell[key], concept


def _relation_infons(a: Assertion) -> dict[str, str]:
    p = a.provenance
    infons: dict[str, str] = {
        "type": a.relation,
        "relation": a.relation,
        "effect": a.effect or "",
        "source": p.source,
    }
    for name in ("confidence", "method"):  # filled by the relation extractor where it gives them
        value = getattr(a, name, None)
        if value is not None:
            infons[name] = str(value)
    if p.source == "table":
        infons.setdefault("confidence", "1.0")
        infons.setdefault("method", "table")
    if p.table:
        infons["table"] = p.table
    if p.row is not None:
        infons["row"] = str(p.row)
    if a.refs:
        infons["refs"] = ",".join(map(str, a.refs))
    if a.study_keys:
        infons["study_keys"] = "; ".join(a.study_keys)
    if a.function:
        infons["function"] = a.function
    if p.evidence:
        infons["evidence"] = p.evidence
    return infons


def bioc_document(doc: Document, assertions: Iterable[Assertion] = ()) -> dict[str, Any]:
    """One Document (and its assertions) as a BioC document in the BioC JSON shape."""
    from pipeline.tables.roles import column_roles

    anns = _Annotations()
    passages = []
    entity_order = sorted(range(len(doc.entities)), key=lambda i: doc.entities[i].start)
    k = 0
    for i, par in enumerate(doc.paragraphs):
        first = len(anns.items)
        while k < len(entity_order) and doc.entities[entity_order[k]].start < par.end:
            j = entity_order[k]
            e = doc.entities[j]
            if e.start >= par.start:
                anns.by_entity[j] = anns.add(_entity_infons(e), doc.text[e.start : e.end], e.start, e.end, "T")
            k += 1
        section = next((s.title for s in reversed(doc.sections) if s.start <= par.start), "")
        passages.append(
            {
                "offset": par.start,
                "infons": {"type": _passage_type(doc, i), "section": section},
                "text": doc.span_text(par),
                "sentences": [],
                "annotations": anns.items[first:],
                "relations": [],
            }
        )
    offset = len(doc.text) + 1
    layouts: dict[str, _TableLayout] = {}
    table_passages = []
    for table in doc.tables:
        layout = _lay_out(table, offset)
        layouts[table.label] = layout
        offset += len(layout.text) + 2
        table_passages.append((layout, len(anns.items)))
    relations: list[dict[str, Any]] = []
    for a in assertions:
        nodes: list[dict[str, str]] = []
        unresolved: list[str] = []
        described: dict[str, str] = {}  # donors and recipients the text describes with no entity ("serum")
        table_layout = layouts.get(a.provenance.table or "") if a.provenance.source == "table" else None
        roles: list[str] = list(column_roles(table_layout.table.header)) if table_layout else []
        for role_field, role in ROLES.items():
            found = (
                list(_table_nodes(a, table_layout, roles, anns, role_field))
                if table_layout
                else list(_text_nodes(a, doc, anns, role_field))
            )
            seen = set()
            for refid, _concept in found:
                if (refid, role) not in seen:
                    seen.add((refid, role))
                    nodes.append({"refid": refid, "role": role})
            named = {c.name for _, c in found}
            unresolved += [c.name for c in getattr(a, role_field) if c.name not in named and c.type != "source"]
            phrases = [c.name for c in getattr(a, role_field) if c.type == "source"]
            if phrases:
                described[f"{role}_described"] = "; ".join(phrases)
        infons = _relation_infons(a) | described
        if unresolved:
            infons["unresolved"] = "; ".join(unresolved)
        relations.append({"id": f"R{len(relations) + 1}", "infons": infons, "nodes": nodes})
    for layout, _ in table_passages:
        t = layout.table
        passages.append(
            {
                "offset": layout.offset,
                "infons": {"type": "table", "section": t.label, "caption": t.caption},
                "text": layout.text,
                "sentences": [],
                "annotations": [
                    x for x in anns.items if x["id"].startswith("C") and _in(x, layout.offset, len(layout.text))
                ],
                "relations": [],
            }
        )
    meta = doc.metadata.model_dump(exclude={"authors", "keywords", "mesh_terms", "front_matter"})
    infons = {k: str(v) for k, v in meta.items() if v}
    if doc.metadata.authors:
        infons["authors"] = "; ".join(doc.metadata.authors)
    return {"id": doc.doc_id, "infons": infons, "passages": passages, "relations": relations}


def _in(annotation: dict[str, Any], offset: int, length: int) -> bool:
    start = annotation["locations"][0]["offset"]
    return bool(offset <= start <= offset + length)


def _head() -> dict[str, Any]:
    return {"source": SOURCE, "date": date.today().isoformat(), "key": KEY, "infons": {}}


def write_bioc(items: Iterable[Document | tuple[Document, list[Assertion]]], fh: IO[str]) -> int:
    """Stream a BioC JSON collection to ``fh`` (Documents, or (Document, assertions) pairs); returns the number
    of documents written."""
    fh.write(json.dumps(_head(), ensure_ascii=False)[:-1] + ', "documents": [')
    count = 0
    for item in items:
        doc, assertions = item if isinstance(item, tuple) else (item, [])
        fh.write(("," if count else "") + json.dumps(bioc_document(doc, assertions), ensure_ascii=False))
        count += 1
    fh.write("]}\n")
    return count


def bioc_fragments(doc: Document, assertions: Iterable[Assertion] = ()) -> tuple[str, str]:
    """One document of a BioC collection, converted once, as the text it takes in BioC JSON and in BioC XML:
    a batch worker makes them beside the document, and the run's BioC files are these fragments put together."""
    d = bioc_document(doc, assertions)
    return json.dumps(d, ensure_ascii=False), _xml_document(d)


def write_bioc_fragments(fragments: Iterable[tuple[str, str]], json_fh: IO[str], xml_fh: IO[bytes]) -> int:
    """A BioC collection as JSON and as XML (with the BioC DTD's doctype) from ``bioc_fragments``; returns the
    number of documents."""
    json_fh.write(json.dumps(_head(), ensure_ascii=False)[:-1] + ', "documents": [')
    xml_fh.write(_XML_HEAD + _collection_head())
    count = 0
    for as_json, as_xml in fragments:
        json_fh.write(("," if count else "") + as_json)
        xml_fh.write(as_xml.encode("utf-8"))
        count += 1
    json_fh.write("]}\n")
    xml_fh.write(b"</collection>")
    return count


def write_bioc_pair(items: Iterable[tuple[Document, list[Assertion]]], json_fh: IO[str], xml_fh: IO[bytes]) -> int:
    """The same collection as BioC JSON and BioC XML in one pass (each document converted once)."""
    return write_bioc_fragments((bioc_fragments(doc, assertions) for doc, assertions in items), json_fh, xml_fh)


def write_bioc_xml(items: Iterable[Document | tuple[Document, list[Assertion]]], fh: IO[bytes]) -> int:
    """Stream a BioC XML collection (with the BioC DTD's doctype) to the binary ``fh``; returns the count."""
    fh.write(_XML_HEAD + _collection_head())
    count = 0
    for item in items:
        doc, assertions = item if isinstance(item, tuple) else (item, [])
        fh.write(_xml_document(bioc_document(doc, assertions)).encode("utf-8"))
        count += 1
    fh.write(b"</collection>")
    return count


_XML_HEAD = b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE collection SYSTEM \"BioC.dtd\">\n<collection>"


def _collection_head() -> bytes:
    head = _head()
    return "".join(f"<{name}>{_text(head[name])}</{name}>" for name in ("source", "date", "key")).encode("utf-8")


_CONTROL_TO_SPACE = {c: " " for c in range(32) if chr(c) not in "\t\n\r"}


_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"} | _CONTROL_TO_SPACE)
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\t": "&#9;", "\r": "&#13;"}
    | _CONTROL_TO_SPACE
)


def _text(value: object) -> str:
    """Element text as XML: markup characters escaped, control characters as spaces (XML 1.0 forbids
    most of them; offsets unchanged)."""
    return str(value).translate(_TEXT_ESCAPES)


def _attr(value: object) -> str:
    return str(value).translate(_ATTR_ESCAPES)


def _infons(out: list[str], infons: dict[str, str]) -> None:
    out += [f'<infon key="{_attr(key)}">{_text(value)}</infon>' for key, value in infons.items()]


def _xml_document(d: dict[str, Any]) -> str:
    """One BioC document as XML text, written out directly (the serialisation lxml gives the same tree, about
    four times faster than building the tree: a run makes one for every document)."""
    out = [f"<document><id>{_text(d['id'])}</id>"]
    _infons(out, d["infons"])
    for p in d["passages"]:
        out.append("<passage>")
        _infons(out, p["infons"])
        out.append(f"<offset>{p['offset']}</offset><text>{_text(p['text'])}</text>")
        for a in p["annotations"]:
            out.append(f'<annotation id="{_attr(a["id"])}">')
            _infons(out, a["infons"])
            out += [f'<location offset="{loc["offset"]}" length="{loc["length"]}"/>' for loc in a["locations"]]
            out.append(f"<text>{_text(a['text'])}</text></annotation>")
        out.append("</passage>")
    for r in d["relations"]:
        out.append(f'<relation id="{_attr(r["id"])}">')
        _infons(out, r["infons"])
        out += [f'<node refid="{_attr(n["refid"])}" role="{_attr(n["role"])}"/>' for n in r["nodes"]]
        out.append("</relation>")
    out.append("</document>")
    return "".join(out)
