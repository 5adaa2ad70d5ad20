"""BioC JSON (the format of PubTator and the BioC tools): documents as passages with entity annotations.

One passage per paragraph (infons: type = title / section_title / paragraph / caption, section); each entity is
an annotation with its label, canonical name and identifier (``infons.identifier``), located by offset and length
in the document's clean text, so the offsets are those of EVminer's JSON too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import IO, Any

from pipeline.models import Document

KEY = "evminer.key"


def _passage_type(doc: Document, index: int) -> str:
    par = doc.paragraphs[index]
    if par.kind == "heading":
        section = next((s for s in doc.sections if s.start == par.start), None)
        return "title" if section and section.level == 0 else "section_title"
    return "caption" if par.kind == "caption" else "paragraph"


def bioc_document(doc: Document) -> dict[str, Any]:
    passages = []
    n = 0
    for i, par in enumerate(doc.paragraphs):
        annotations = []
        for e in doc.entities:
            if par.start <= e.start < par.end:
                n += 1
                annotations.append(
                    {
                        "id": f"T{n}",
                        "infons": {
                            "type": e.label,
                            "identifier": e.id or "",
                            "name": e.name,
                            **({"other_names": "; ".join(e.other_names)} if e.other_names else {}),
                        },
                        "text": e.text,
                        "locations": [{"offset": e.start, "length": e.end - e.start}],
                    }
                )
        section = next((s.title for s in reversed(doc.sections) if s.start <= par.start), "")
        passages.append(
            {
                "offset": par.start,
                "infons": {"type": _passage_type(doc, i), "section": section},
                "text": doc.span_text(par),
                "sentences": [],
                "annotations": annotations,
                "relations": [],
            }
        )
    infons = {k: str(v) for k, v in doc.metadata.model_dump(exclude={"authors", "keywords"}).items() if v}
    return {"id": doc.doc_id, "infons": infons, "passages": passages, "relations": []}


def write_bioc(docs: Iterable[Document], fh: IO[str]) -> int:
    """Stream a BioC collection to ``fh``; returns the number of documents written."""
    head = {"source": "EVminer", "date": date.today().isoformat(), "key": KEY, "infons": {}}
    fh.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "documents": [')
    count = 0
    for doc in docs:
        fh.write(("," if count else "") + json.dumps(bioc_document(doc), ensure_ascii=False))
        count += 1
    fh.write("]}\n")
    return count
