"""Entity mentions in a short free text (a table's Functions or Payload cell, a caption, a sentence).

Longest match over word n-grams against the lexicons, with miRNA patterns first. Short forms that are also
ordinary words or lab shorthand are held to stricter rules (exact case, a digit or a curated entry) and the
forms in ``models/lexicons/ambiguous.tsv`` never stand alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.models import Concept
from pipeline.normalize.concepts import ambiguous_forms, gene_category_type, mirna_id, singular
from pipeline.normalize.lexicon import Entry, load_lexicon
from pipeline.normalize.mirna import find_mirnas

_TOKEN_RE = re.compile(r"[A-Za-z0-9\u0391-\u03c9][A-Za-z0-9\u0391-\u03c9+'.\-]*[A-Za-z0-9\u0391-\u03c9+]|[A-Za-z0-9]")
# "TSP1-enriched", "CAF-derived", "docetaxel-resistant": the entity is the part before the suffix.
_SUFFIX_RE = re.compile(
    r"-(?:derived|enriched|containing|loaded|mediated|positive|negative|resistant|sensitive|based|induced|"
    r"dependent|high|low|bearing|carrying|treated|specific|type|like|secreted|released|associated|targeted)$",
    re.IGNORECASE,
)
MAX_NGRAM = 6


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    concept: Concept


def _tokens(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        word = m[0].rstrip(".")
        end = start + len(word)
        suffix = _SUFFIX_RE.search(word)
        if suffix and suffix.start() > 0:
            end = start + suffix.start()
        out.append((start, end))
    return out


def _gene_ok(entry: Entry, form: str) -> bool:
    if entry.kind == "curated":
        return True
    if form.lower() in ambiguous_forms().get("genes", ()):
        return False
    if entry.kind == "symbol":
        return entry.text == form and (len(form) >= 3 or any(c.isdigit() for c in form))
    if entry.kind in ("previous", "alias"):
        return entry.text == form and len(form) >= 4
    return len(form.split()) >= 2  # a long name


def _drug_hit(form: str) -> Concept | None:
    drug = load_lexicon("drugs").resolve(form)
    if drug is None or form.lower() in ambiguous_forms().get("drugs", ()):
        return None
    if drug.kind == "curated" or (len(form) >= 4 and drug.text.lower() == form.lower()):
        return Concept(name=drug.canonical, id=drug.identifier or None, type="DRUG")
    return None


def _cell_type_hit(form: str) -> Concept | None:
    for cand in (form, singular(form)):
        cell = load_lexicon("cell_types").resolve(cand)
        if cell is None or cand.lower() == "cell" or (cell.kind != "curated" and len(cand) < 4):
            continue
        if cell.kind != "name" or len(cand.split()) > 1:  # a related synonym alone is too loose
            return Concept(name=cell.canonical, id=cell.identifier or None, type="CELL_TYPE")
    return None


def _cell_line_hit(form: str) -> Concept | None:
    lexicon = load_lexicon("cell_lines")
    line = lexicon.resolve(form, max_rank=3, case_sensitive=True)
    if line is None:
        line = next((e for e in lexicon.folded(form) if e.kind == "curated"), None)
    if line is not None and (any(c.isdigit() for c in form) or line.kind == "curated"):
        return Concept(name=line.canonical, id=line.identifier or None, type="CELL_LINE")
    return None


def _gene_hit(form: str) -> tuple[str, Concept] | None:
    genes = load_lexicon("genes")
    gene = genes.resolve(form, case_sensitive=True) or genes.resolve(form)
    if gene is None or not _gene_ok(gene, form):
        return None
    label = {"lncRNA": "LNCRNA", "miRNA": "MIRNA", "circRNA": "CIRCRNA"}.get(gene.category, "GENE")
    if label == "MIRNA":  # "MIR21" as a gene symbol: the miRNA patterns name it better
        return None
    return label, Concept(name=gene.canonical, id=gene.identifier or None, type=gene_category_type(gene))


def _lookup(form: str) -> tuple[str, Concept] | None:
    """The label and Concept of ``form`` if it is an entity name; drugs, cells, then genes."""
    if len(form) < 2:
        return None
    for label, hit in (("DRUG", _drug_hit), ("CELL_TYPE", _cell_type_hit), ("CELL_LINE", _cell_line_hit)):
        concept = hit(form)
        if concept is not None:
            return label, concept
    return _gene_hit(form)


def find_mentions(text: str, abbreviations: dict[str, str] | None = None) -> list[Mention]:
    """Entity mentions in ``text``, longest first, non-overlapping, in reading order.

    ``abbreviations`` (short -> long form) resolve a short form through its long form ("FA" -> folic acid).
    """
    abbreviations = abbreviations or {}
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for start, end, names in find_mirnas(text):
        for name in names:
            mentions.append(
                Mention(start, end, text[start:end], "MIRNA", Concept(name=name, id=mirna_id(name), type="miRNA"))
            )
        taken.append((start, end))
    tokens = _tokens(text)
    i = 0
    while i < len(tokens):
        if any(s <= tokens[i][0] < e for s, e in taken):
            i += 1
            continue
        for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            if any(s < end and start < e for s, e in taken):
                continue
            form = text[start:end]
            hit = _lookup(form)
            if hit is None and form in abbreviations:
                hit = _lookup(abbreviations[form])
            if hit is not None:
                mentions.append(Mention(start, end, text[start:end], hit[0], hit[1]))
                taken.append((start, end))
                i += n
                break
        else:
            i += 1
    return drop_long_form_mentions(text, sorted(mentions, key=lambda m: (m.start, m.end)))


_PAREN_RE = re.compile(r"\(([^()]{1,20})\)")


def drop_long_form_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside the long form of an abbreviation defined by a later mention of the same label.

    "FOS like antigen 1 (FOSL1)": FOS is part of FOSL1's long form, not a mention of its own. The long form
    is the window of Schwartz & Hearst (2003): at most min(|SF| + 5, 2|SF|) words before the parenthesis,
    starting at a word that begins with the short form's first letter.
    """
    drop: set[int] = set()
    for paren in _PAREN_RE.finditer(text):
        short = next((m for m in mentions if m.start == paren.start(1) and m.end == paren.end(1)), None)
        if short is None:
            continue
        words = list(re.finditer(r"\S+", text[: paren.start()]))
        window = words[-min(len(short.text) + 5, 2 * len(short.text)) :]
        first = short.text[0].lower()
        lf_start = next((w.start() for w in window if w[0][0].lower() == first), None)
        if lf_start is None:
            continue
        for i, m in enumerate(mentions):
            if lf_start <= m.start and m.end <= paren.start() and m.label == short.label and m.concept != short.concept:
                drop.add(i)
    return [m for i, m in enumerate(mentions) if i not in drop]
