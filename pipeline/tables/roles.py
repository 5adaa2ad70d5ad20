"""Column roles and the relation of a curated table, chosen from its header words (never its number)."""

from __future__ import annotations

import re

from pipeline.constants import ColumnRole, Relation
from pipeline.models import Table

# Checked in order: the first rule whose pattern matches a header cell gives its role.
ROLE_RULES: tuple[tuple[ColumnRole, re.Pattern[str]], ...] = (
    ("refs", re.compile(r"^\s*(?:refs?|references?|citations?)\b\.?", re.I)),
    ("target_cells", re.compile(r"\b(?:target|recipient)\s+cells?\b|^\s*cells?\b|\bcell\s+types?\b", re.I)),
    ("cargo_type", re.compile(r"\b(?:contents?|cargo\s+types?|types?\s+of\s+cargo|classes?)\b", re.I)),
    ("payload", re.compile(r"\bpayloads?\b|\bdrug\s+names?\b|\bloaded\b", re.I)),
    (
        "cargo",
        re.compile(
            r"\b(?:mi|lnc|circ|m|nc|si)?rnas?\b|\bmicrornas?\b|\bmolecules?\b|\bcargos?\b|"
            r"\bbiomarkers?\b|\bproteins?\b|\bmarkers?\b|\bgenes?\b",
            re.I,
        ),
    ),
    ("drugs", re.compile(r"\bresistan(?:ce|t)\b|\bdrugs?\b|\btherap(?:y|ies|eutics?)\b|\bagents?\b", re.I)),
    ("target_genes", re.compile(r"\btargets?\b|\btarget\s+genes?\b", re.I)),
    ("function", re.compile(r"\bfunctions?\b|\busage\b|\bmechanisms?\b|\broles?\b|\beffects?\b", re.I)),
)

_TYPE_WORDS = {
    "mirna": "miRNA",
    "microrna": "miRNA",
    "lncrna": "lncRNA",
    "circrna": "circRNA",
    "mrna": "mRNA",
    "protein": "protein",
    "dna": "DNA",
}


def column_roles(header: list[str]) -> list[ColumnRole]:
    """The role of each column; each role goes to the first column that claims it."""
    roles: list[ColumnRole] = []
    for cell in header:
        role: ColumnRole = next((r for r, pat in ROLE_RULES if pat.search(cell)), "other")
        roles.append(role if role not in roles else "other")
    return roles


def cargo_type_hint(text: str) -> str | None:
    """ "miRNAs" -> "miRNA", "lncRNAs" -> "lncRNA", "Protein" -> "protein" (a header or a type cell)."""
    for word in re.findall(r"[A-Za-z]+", text):
        hint = _TYPE_WORDS.get(word.lower().rstrip("s"))
        if hint:
            return hint
    return None


def table_relation(table: Table, roles: list[ColumnRole]) -> Relation | None:
    """The relation family a table's rows assert, or None when it is no curated cargo/drug table."""
    words = " ".join([*table.header, table.caption]).lower()
    if "payload" in roles:
        return "delivers_payload"
    if "cargo" in roles and "drugs" in roles:
        return "transfers_resistance"
    if "cargo" in roles and re.search(r"biomarker|diagnos|prognos|predict", words):
        return "biomarker"
    if "cargo" in roles:
        return "cargo_function"
    if "drugs" in roles and "function" in roles:
        return "drug_function"
    return None
