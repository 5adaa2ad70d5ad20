"""Table cells -> atomic items -> normalised Concepts.

"miR-221/222" -> miR-221, miR-222; "miR-16, miR-23a, miR-24, miR-26a, and miR-27a" -> five;
"Docetaxel, epirubicin gemcitabine" -> three drugs; "Doxorubicin, Adriamycin" -> one drug (doxorubicin);
"n.d." -> none; "p27, ER α" -> CDKN1B, ESR1. The entity recogniser reuses these functions.
"""

from __future__ import annotations

import re

from pipeline.models import Concept
from pipeline.normalize.concepts import normalize_cargo, normalize_cell, normalize_drugs, normalize_gene
from pipeline.normalize.mirna import normalize_mirna

NONE_VALUES = frozenset(
    ["", "n.d.", "nd", "n.d", "-", "–", "—", "na", "n/a", "n.a.", "none", "not determined", "unknown"]
)


def is_none_value(cell: str) -> bool:
    return cell.strip().lower() in NONE_VALUES


def split_items(cell: str) -> list[str]:
    """Split a cell at commas, semicolons and "and"/"&" outside parentheses; drop empty and n.d. items.

    A bare "-378e" after a miRNA ("miRs-21, -378e") takes the miRNA prefix.
    """
    items: list[str] = []
    depth = 0
    current = ""
    i = 0
    while i < len(cell):
        ch = cell[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        if depth == 0:
            sep = re.match(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|&|or)\s+", cell[i:])
            if sep:
                items.append(current)
                current = ""
                i += sep.end()
                continue
        current += ch
        i += 1
    items.append(current)
    out: list[str] = []
    for item in (x.strip().strip(".") for x in items):
        if is_none_value(item):
            continue
        if re.fullmatch(r"-\d+[a-z]?(?:-[35]p)?", item) and out and normalize_mirna(out[-1]):
            item = "miR" + item
        elif re.fullmatch(r"miR(?:NA)?s-\d+[a-z]?(?:-[35]p)?", item, re.IGNORECASE):
            item = re.sub(r"(?i)^miR(?:NA)?s", "miR", item)
        out.append(item)
    return out


def _dedupe(concepts: list[Concept]) -> list[Concept]:
    seen: set[str] = set()
    out = []
    for c in concepts:
        if c.name not in seen:
            seen.add(c.name)
            out.append(c)
    return out


def cargo_items(cell: str, cargo_type: str | None = None, glossary: dict[str, str] | None = None) -> list[Concept]:
    """Cargo Concepts of a cell ("miR-221/222" -> two; "Integrins α6β4 and α6β1" -> two integrins)."""
    if is_none_value(cell):
        return []
    if re.match(r"^integrins?\s", cell.strip(), re.IGNORECASE):  # the "and" joins two heterodimers
        return normalize_cargo(cell, cargo_type, glossary)
    return _dedupe([c for item in split_items(cell) for c in normalize_cargo(item, cargo_type, glossary)])


def drug_items(cell: str) -> list[Concept]:
    """Drug Concepts of a cell; an unknown name is kept in lower case without identifier."""
    out: list[Concept] = []
    for item in split_items(cell):
        found = normalize_drugs(item)
        out.extend(found or [Concept(name=item.lower(), id=None, type="drug")])
    return _dedupe(out)


def gene_items(cell: str, glossary: dict[str, str] | None = None) -> tuple[list[Concept], list[str]]:
    """Gene Concepts of a cell, and the items that are no gene (pathways, processes) as written.

    An item that is no gene name as a whole may still name one ("Cancer-associated ATG5", "human HER2").
    """
    from pipeline.normalize.mentions import find_mentions

    genes: list[Concept] = []
    other: list[str] = []
    if is_none_value(cell):
        return [], []
    for item in split_items(cell):
        mirnas = normalize_mirna(item)
        if mirnas:
            genes.extend(normalize_cargo(item))
            continue
        parts = item.split("/") if re.fullmatch(r"[^/\s]{3,}(?:/[^/\s]{3,})+", item) else [item]
        for part in parts:
            gene = normalize_gene(part, glossary)
            named = [m.concept for m in find_mentions(part, glossary) if m.label == "GENE"] if gene is None else []
            if gene is not None:
                genes.append(gene)
            elif named:
                genes.extend(named)
            else:
                other.append(part)
    return _dedupe(genes), other


def cell_items(cell: str) -> list[Concept]:
    """Cell type/line Concepts of a cell; an unknown cell kind is kept as written (singular, lower case)."""
    if is_none_value(cell):
        return []
    out: list[Concept] = []
    for item in split_items(cell):
        concept = normalize_cell(item)
        out.append(concept or Concept(name=item[0].lower() + item[1:], id=None, type="CELL_TYPE"))
    return _dedupe(out)
