"""PubTator format (the PubTator/BioRED tab format): a title line, an abstract line, one line per entity and one
per relation, a blank line after each document.

    PMID|t|Title
    PMID|a|the rest of the clean text (line breaks as spaces, so offsets are kept)
    PMID<TAB>start<TAB>end<TAB>mention<TAB>label<TAB>identifier (canonical name when there is none)
    PMID<TAB>relation<TAB>identifier 1<TAB>identifier 2

Offsets are those of EVminer's clean text (the title, one character, the rest). A relation line is written
for each (cargo, drug) and (cargo, target gene) pair of an assertion whose two concepts are among the
document's entity annotations (so that every relation resolves, as PubTator's readers check); its type is the
assertion's effect, else its relation. The document id is the PMID where known, else the doc_id.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.models import Assertion, Document

_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _title_end(doc: Document) -> int:
    first = doc.sections[0] if doc.sections else None
    if first is not None and first.level == 0 and first.start == 0:
        return doc.paragraphs[0].end if doc.paragraphs else first.end
    return 0


def pubtator(doc: Document, assertions: Iterable[Assertion] = ()) -> str:
    """One document (its entities and its assertions' pairs) in PubTator format."""
    pmid = doc.metadata.pmid or doc.doc_id
    end = _title_end(doc)
    title = doc.text[:end].translate(_SPACES)
    shift = 0 if end else 1  # no title: the text starts after the empty title's line break
    abstract = doc.text[end + 1 :] if end else doc.text
    lines = [f"{pmid}|t|{title}", f"{pmid}|a|{abstract.translate(_SPACES)}"]
    ids: set[str] = set()
    for e in doc.entities:
        ident = e.id or e.name
        ids.add(ident)
        lines.append(
            f"{pmid}\t{e.start + shift}\t{e.end + shift}\t{doc.text[e.start : e.end].translate(_SPACES)}\t{e.label}\t"
            f"{ident.translate(_SPACES)}"
        )
    seen: set[tuple[str, str, str]] = set()
    for a in assertions:
        kind = a.effect or a.relation
        for other in (a.drugs, a.target_genes):
            for c in a.cargo:
                for o in other:
                    pair = (kind, c.id or c.name, o.id or o.name)
                    if pair[1] in ids and pair[2] in ids and pair not in seen:
                        seen.add(pair)
                        lines.append(f"{pmid}\t{kind}\t{pair[1]}\t{pair[2]}")
    return "\n".join(lines) + "\n\n"
