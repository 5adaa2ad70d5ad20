"""Short names -> normalised Concepts: genes (HGNC), drugs (INN, DrugBank), cells (Cell Ontology, Cellosaurus),
miRNAs (miRBase) and cargos of any type.

These functions resolve one name that is already known to be a name (a table cell item, a recognised mention);
finding names in running text is :mod:`pipeline.normalize.mentions`' job.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.models import Concept
from pipeline.normalize.lexicon import Entry, load_lexicon, models_dir
from pipeline.normalize.mirna import normalize_mirna

_PLURAL_RULES = ((r"ies$", "y"), (r"(?<=[^s])s$", ""))
_GENE_NOISE_RE = re.compile(r"\s+(?:protein|proteins|gene|genes|molecule|molecules)$", re.IGNORECASE)
_SPECIES_RE = re.compile(r"^(?:human|mouse|murine|rat)\s+", re.IGNORECASE)
_INTEGRIN_RE = re.compile(r"^integrins?\s+(.+)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def ambiguous_forms() -> dict[str, frozenset[str]]:
    """Forms (lower case) that must not stand alone as an entity of a lexicon (``models/lexicons/ambiguous.tsv``)."""
    path = models_dir() / "lexicons" / "ambiguous.tsv"
    out: dict[str, set[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 2 and not line.startswith("#"):
                out.setdefault(parts[1], set()).add(parts[0].lower())
    return {k: frozenset(v) for k, v in out.items()}


def singular(phrase: str) -> str:
    """Singular of a phrase's last word ("Endothelial cells" -> "Endothelial cell", "Tregs" -> "Treg")."""
    head, _, last = phrase.rpartition(" ")
    if (len(last) > 3 and not last.isupper()) or (len(last) == 3 and last[:2].isupper() and last[2] == "s"):
        for pattern, repl in _PLURAL_RULES:
            if re.search(pattern, last):
                last = re.sub(pattern, repl, last)
                break
    return f"{head} {last}" if head else last


def _concept(entry: Entry, type_: str) -> Concept:
    return Concept(name=entry.canonical, id=entry.identifier or None, type=type_)


def gene_category_type(entry: Entry) -> str:
    return {"lncRNA": "lncRNA", "miRNA": "miRNA", "circRNA": "circRNA", "ncRNA": "ncRNA"}.get(entry.category, "protein")


def normalize_gene(text: str, glossary: dict[str, str] | None = None) -> Concept | None:
    """HGNC gene for a gene or protein name ("p27" -> CDKN1B, "ER α" -> ESR1, "Stathmin 1" -> STMN1)."""
    text = _SPECIES_RE.sub("", _GENE_NOISE_RE.sub("", text.strip().strip(",;.")))
    if not text:
        return None
    genes = load_lexicon("genes")
    candidates = [text]
    m = re.match(r"^(.*?)\s*\(([^()]+)\)$", text)  # "Developmental endothelial Locus-1 (Del-1)"
    if m:
        candidates = [m[2], m[1]]
    if glossary and text in glossary:
        candidates.append(glossary[text])
    for cand in candidates:
        entry = genes.resolve(cand)
        if entry is not None and (entry.kind == "curated" or cand.lower() not in ambiguous_forms().get("genes", ())):
            return _concept(entry, gene_category_type(entry))
    return None


def normalize_drug(text: str) -> Concept | None:
    """INN-style drug ("Adriamycin" -> doxorubicin, "PTX" -> paclitaxel, "T-DM1" -> trastuzumab emtansine)."""
    text = text.strip().strip(",;.")
    m = re.match(r"^(.*?)\s*\(([^()]+)\)$", text)  # "Paclitaxel (PTX)"
    for cand in [m[1], m[2]] if m else [text]:
        entry = load_lexicon("drugs").resolve(cand)
        if entry is not None and (entry.kind == "curated" or cand.lower() not in ambiguous_forms().get("drugs", ())):
            return _concept(entry, "drug")
    return None


def normalize_drugs(text: str) -> list[Concept]:
    """One or more drugs in a short phrase with a missing comma ("epirubicin gemcitabine" -> two)."""
    one = normalize_drug(text)
    if one is not None:
        return [one]
    words = text.split()
    found: list[Concept] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            concept = normalize_drug(" ".join(words[i:j]))
            if concept is not None:
                found.append(concept)
                i = j
                break
        else:
            return []  # a word that is no drug: not a run of drug names
    return found


def normalize_cell(text: str) -> Concept | None:
    """Cell type (Cell Ontology) or cell line (Cellosaurus) for a name such as "Endothelial cells", "MCF7"."""
    text = text.strip().strip(",;.")
    if not text:
        return None
    forms = [text, singular(text)]
    for form in forms:
        entry = load_lexicon("cell_types").resolve(form)
        if entry is not None:
            return _concept(entry, "CELL_TYPE")
    entry = load_lexicon("cell_lines").resolve(text, max_rank=3)
    # a line of another species only by a name with letters and digits ("RAW 264.7"; Cellosaurus lists "DNA")
    plain = not (any(c.isdigit() for c in text) and any(c.isalpha() for c in text) and len(text) >= 4)
    if entry is not None and not (entry.category == "other_species" and plain):
        return _concept(entry, "CELL_LINE")
    return None


def normalize_cargo(text: str, cargo_type: str | None = None, glossary: dict[str, str] | None = None) -> list[Concept]:
    """Cargo item(s) of any type; ``cargo_type`` ("miRNA", "lncRNA", "protein", ...) is a hint from a table.

    A name no lexicon knows is kept as written (type from the hint, else "other"): curated tables hold cargos
    such as "Palmitoylated proteins" or "Integrins α6β4" that are still cargos.
    """
    text = text.strip().strip(",;.")
    if not text:
        return []
    mirnas = normalize_mirna(text)
    if mirnas:
        return [Concept(name=n, id=mirna_id(n), type="miRNA") for n in mirnas]
    m = re.match(r"^(lncRNA|LncRNA|lincRNA|circRNA)[-\s]+(\S.*)$", text)
    if m:
        kind = "circRNA" if m[1].lower().startswith("circ") else "lncRNA"
        gene = normalize_gene(m[2])
        return [Concept(name=gene.name if gene else m[2], id=gene.id if gene else None, type=kind)]
    if re.match(r"^circ[A-Z_0-9]", text):
        return [Concept(name=text, id=None, type="circRNA")]
    m = re.match(r"^(.+?)\s+(mRNA|DNA)$", text)
    if m:
        gene = normalize_gene(m[1])
        return [Concept(name=gene.name if gene else m[1], id=gene.id if gene else None, type=m[2])]
    m = _INTEGRIN_RE.match(text)
    if m:
        parts = re.split(r"\s+and\s+|,\s*", m[1])
        return [Concept(name=f"integrin {p.strip()}", id=None, type="protein") for p in parts if p.strip()]
    gene = normalize_gene(text, glossary)
    if gene is not None:
        if cargo_type in ("lncRNA", "circRNA", "miRNA") and gene.type == "protein":
            return [gene.model_copy(update={"type": cargo_type})]
        return [gene]
    drug = normalize_drug(text)
    if drug is not None:
        return [drug]
    if re.search(r"\bproteins?$", text, re.IGNORECASE):
        return [Concept(name=text, id=None, type="protein")]
    return [Concept(name=text, id=None, type=cargo_type or "other")]


def mirna_id(name: str) -> str | None:
    """miRBase accession of a canonical miRNA name ("miR-21" -> MIMAT0000076 through its previous name)."""
    if name.endswith(("family", "cluster")):
        return None
    entry = load_lexicon("mirnas").resolve(name, case_sensitive=True)
    return entry.identifier if entry else None
