"""Entity mentions in a short free text (a table's Functions or Payload cell, a caption, a sentence).

Longest match over word n-grams against the lexicons, with miRNA patterns first. Short forms that are also
ordinary words or lab shorthand are held to stricter rules (exact case, a digit or a curated entry) and the
forms in ``models/lexicons/ambiguous.tsv`` never stand alone.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Container
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.models import Concept
from pipeline.normalize.abbreviations import best_long_form
from pipeline.normalize.concepts import ambiguous_forms, gene_category_type, mirna_id, singular
from pipeline.normalize.lexicon import INDEX_KINDS, Entry, fold_key, installed_index, load_lexicon, models_dir
from pipeline.normalize.mirna import find_mirnas

# Words: letters, digits, Greek, with "+" (CD8+), "'" and "." inside; hyphens, slashes and brackets split them,
# and a name may run over such a gap ("MDA-MB-231", "C/EBP-β", "Hs578Ts(i)8") but not over a space-bracket or
# punctuation (see _GAP_OK_RE), so "docetaxel-resistant" yields "docetaxel" and "TSP1-enriched" yields "TSP1".
_TOKEN_RE = re.compile(r"[A-Za-z0-9\u0391-\u03c9\u00b5][A-Za-z0-9\u0391-\u03c9\u00b5+'.]*")
# a token without its trailing full stops and apostrophes ("Fig." -> "Fig"), found by the regex itself
_TOKEN_STRIPPED_RE = re.compile(_TOKEN_RE.pattern + r"(?<![.'])")
MAX_NGRAM = 10
_GAP_OK_RE = re.compile(r"[ \t]{1,2}|-|/|\(|\)|")
# every gap _GAP_OK_RE takes whole, for a set lookup in the n-gram search
_GAPS_OK = frozenset(["", "-", "/", "(", ")", " ", "\t", "  ", " \t", "\t ", "\t\t"])
# "ER+", "PR-positive", "HER2-negative", "ER status": a receptor status names the gene whatever else it could be.
_STATUS_RE = re.compile(r"(?:\+|-?\s?(?:positive|negative)\b|\s+status\b|−)")
_SLASH_NUMBER_RE = re.compile(r"/(\d{1,2}[a-z]?)\b")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str
    concept: Concept
    long_form: str | None = None  # set when a short form was resolved through the paper's definition
    also: tuple[Concept, ...] = ()  # further entities one mention names ("CDK4/6" -> CDK6)
    reagent: str | None = None  # "miR-21 inhibitor" -> "inhibitor" (see models/patterns/families.json)


def _tokens(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every word of ``text``: a _TOKEN_RE match without its trailing "." and "'"."""
    return [m.span() for m in _TOKEN_STRIPPED_RE.finditer(text)]


# a number glued to a word of a name ("Jagged1"), not to a Greek letter's name ("alpha4" is an integrin subunit)
_GLUED_NUMBER_RE = re.compile(
    r"\b(?!(?i:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|sigma|omega)\d)([A-Za-z][a-z]{3,})(\d{1,2}[A-Za-z]?)$"
)
_GLUED_GREEK_RE = re.compile(r"([0-9])([\u0391-\u03c9])")


def _gene_ok(entry: Entry, form: str) -> bool:
    """Whether a gene lexicon entry may stand for ``form`` in running text (see the module docstring)."""
    if entry.kind == "curated":
        return True
    if form.lower() in ambiguous_forms().get("genes", ()):
        return False
    # case and punctuation variants of alphanumeric symbols: OCT4/Oct4, BCL-2/BCL2, FOXO-3a/FOXO3A, IFN-γ/IFN-gamma;
    # never across a space the entry lacks ("the M1" is not THEM1) and with some Latin letters ("β5" is no symbol)
    greek = any("\u0391" <= c <= "\u03c9" for c in form) or bool(_SPELLED_GREEK_RE.search(form))
    variant = (
        (any(c.isdigit() for c in form) or "-" in form or greek)
        and len(fold_key(form)) >= 4
        # a Greek letter glued to a name is a word of its own there ("14-3-3ζ" of "14-3-3 zeta")
        and len(entry.text.split()) in (len(form.split()), len(_GLUED_GREEK_RE.sub(r"\1 \2", form).split()))
        and (sum(c.isascii() and c.isalpha() for c in form) >= 2 or (greek and len(form) >= 5))
    )
    # an approved symbol in mouse or protein case ("Kras", "Bax", "Myc") or with a small prefix letter ("mTOR")
    case_variant = (
        len(form) >= 3
        and entry.text.isupper()
        and bool(
            (form.istitle() and form.isalpha())
            or re.fullmatch(r"[a-z][A-Z0-9]{2,}", form)
            or _LATIN_GREEK_AFTER_RE.match(form)
        )
    )
    # a short symbol with a digit in protein case ("Sp1", "Id3", "Mx1"), never an element with a charge ("Ca2+")
    title = _TITLE_DIGIT_RE.fullmatch(form)
    title_digit = title is not None and form.upper() == entry.text and title[1].lower() not in _ELEMENTS
    # protein case with capitals inside ("GnRH" for GNRH, "PrlR", "ApoE", "AChE", "EpCAM")
    mixed_case = (
        len(form) >= 4
        and form[0].isupper()
        and form.upper() == entry.text
        and any(c.islower() for c in form)
        and sum(c.isupper() for c in form) >= 2
        and form.isalnum()
    )
    if entry.kind == "symbol":
        return (
            (entry.text == form and (len(form) >= 3 or any(c.isdigit() for c in form)))
            or variant
            or case_variant
            or mixed_case
            or title_digit
        )
    if entry.kind in ("previous", "alias"):
        if entry.text == form:
            # a three-letter alias in mixed case with a capital inside ("tPA") or with a digit ("PS1", "EP4"),
            # never a capitalised word ("Yes"); or a protein named by its mass ("p53", "p16", "p65")
            return (
                len(form) >= 4
                or (len(form) == 3 and any(c.isupper() for c in form[1:]) and not form.isupper())
                or (len(form) == 3 and form[:2].isalpha() and form[:2].isupper() and form[2].isdigit())
                or bool(re.fullmatch(r"p\d{2,3}", form))
            )
        return variant or mixed_case
    # a long name, with as many words as the name ("caspase 3", "annexin A6"; "agrin"; not "proteins" for
    # "protein S"), and one word only when long ("agrin", "caspase-3"); never a disease ("hemochromatosis")
    from pipeline.annotate.patterns import is_disease_name  # the pattern file lives with the annotator's

    # a Greek letter glued to a digit is a word of its own ("14-3-3η" of "14-3-3 eta"), and so is a number glued to
    # a word ("Jagged1" of "jagged 1")
    words = re.split(r"[\s-]+", _GLUED_NUMBER_RE.sub(r"\1 \2", _GLUED_GREEK_RE.sub(r"\1 \2", form)).strip())
    if is_disease_name(form):
        return False
    if len(words) != len(re.split(r"[\s-]+", entry.text.strip())):
        return False
    return len(words) >= 2 or len(form) >= 5


_TITLE_DIGIT_RE = re.compile(r"([A-Z][a-z]{1,3})\d{1,2}")
# chemical elements written like a protein-case symbol with a digit ("Ca2", "Mg2", "Fe3" of "Ca2+", "Fe3+")
_ELEMENTS = frozenset(
    re.findall(
        r"[a-z]{2}",
        "helibenenamgalsiclarcascticrmnfeconicuzngageassebrkrrbsrzrnbmotcrurhpdagcdinsnsbtexecsbalaceprndsmeu"
        "gdtbdyhoertmybluhftareosirptauhgtlpbbipoatrnfrraacthpanppuam",
    )
)
_BIOLOGIC_INN_RE = re.compile(r"(?:mab|cept|ase|kin|tide|cel|parin|irudin)\b", re.IGNORECASE)


# Endings of chemical and non-proprietary drug names ("paracetamol", "desferrioxamine", "cyclosporin",
# "valproate", "suxamethonium"); brand and agrochemical trade names are ordinary words ("Balance", "Merlin").
_CHEMICAL_ENDING_RE = re.compile(
    r"(?:ol|ine|in|ide|ate|one|ium|um|ene|ane|yl|il|an|am|ic|ex|ox|ac|ast|pine|pam|lam|fen|cin|mycin)$"
)


def _lower_case_name(form: str, alias: str) -> bool:
    """A capitalised synonym written in lower case in running text, as chemical names are ("paracetamol" of
    "Paracetamol"), when it is spelled like a chemical name rather than an ordinary word."""
    return (
        len(form) >= 6
        and form == alias.lower()
        and alias[:1].isupper()
        and alias[1:].islower()
        and _CHEMICAL_ENDING_RE.search(form) is not None
    )


def _drug_hit(form: str) -> Concept | None:
    """A drug for running text: no allergen extracts; of the biologics only INN-named ones (-mab, -cept, ...),
    so that "fibronectin", "NK cells" or "IL-6" are not drugs; an all-capitals brand synonym only in capitals."""
    lexicon = load_lexicon("drugs")
    drug = lexicon.resolve(form)
    if drug is None or form.lower() in ambiguous_forms().get("drugs", ()):
        return None
    if " " in form and " " not in drug.text and len(drug.text) <= 5:
        return None  # a short form is one word: "a DR-GFP reporter" holds no "ADR"
    if drug.text != form:  # of the same drug's spellings, the one written ("Noradrenaline", not "Nor-adrenaline")
        lower = form.lower()
        drug = next(
            (e for e in lexicon.folded(form) if e.canonical == drug.canonical and e.text.lower() == lower), drug
        )
    if drug.kind != "curated":
        same_words = drug.text.lower().replace("-", " ") == form.lower().replace("-", " ")
        if len(form) < 4 or not same_words or drug.category == "extract":
            return None
        if drug.category == "biologic" and not _BIOLOGIC_INN_RE.search(drug.canonical):
            return None
        if drug.category == "biologic" and _gene_hit(form) is not None:
            return None  # the protein itself ("IL-7", "VIP", "tyrosinase", "BChE"): a gene product, read as one
        own_name = drug.canonical.lower().split()[0] == drug.text.lower()  # "Lithium" of "lithium cation"
        brand_like = drug.kind == "alias" and form != drug.text and (drug.text.isupper() or " " not in form)
        if brand_like and not own_name and not _lower_case_name(form, drug.text):
            return None  # brand-name synonyms ("BALANCE", "Capture") count only as written
        if drug.kind == "alias" and load_lexicon("genes").folded(form):
            return None  # a trade name that is also a protein's name ("Merlin" of NF2) is the protein
    return Concept(name=drug.canonical, id=drug.identifier or None, type="DRUG")


def _drug_class_hit(form: str) -> Concept | None:
    """A class of drugs ("taxanes", "EGFR-TKIs", "immune checkpoint inhibitors") with its ATC code."""
    lexicon = load_lexicon("drug_classes")
    for cand in (form, singular(form)):
        entry = lexicon.resolve(cand)
        # short forms ("TKI", "ICIs", "SERM") only in capitals as listed
        if entry is not None and (len(fold_key(cand)) > 4 or cand.rstrip("s") == entry.text.rstrip("s")):
            return Concept(name=entry.canonical, id=entry.identifier or None, type="drug_class")
    return None


def _cell_type_hit(form: str) -> Concept | None:
    if form.lower() in ambiguous_forms().get("cell_types", ()):
        return None
    for cand in (form, singular(form)):
        cell = load_lexicon("cell_types").resolve(cand)
        if cell is None or cand.lower() == "cell" or (cell.kind != "curated" and len(cand) < 4):
            continue
        if cell.text.isupper() and len(cell.text) <= 5 and cand.upper() != cand:
            continue  # an abbreviation ("AT1") in lower case is a word ("cultured at 1% oxygen")
        if cell.kind != "name" or len(cand.split()) > 1:  # a related synonym alone is too loose
            return Concept(name=cell.canonical, id=cell.identifier or None, type="CELL_TYPE")
    return None


def _resolve_line(form: str, *, case_sensitive: bool = True, other_species: bool = False) -> Entry | None:
    """The cell line ``form`` names: a human line first ("HK2" is HK-2, not a mouse line of that name), other
    species' lines only when ``other_species``; where Cellosaurus gives the form to several lines ("PC3": PC-3,
    PaCa-3, SK-PC-3), the line whose own name it spells ("PC-3")."""
    lexicon = load_lexicon("cell_lines")
    entries = [e for e in lexicon.folded(form) if e.rank <= 3 and (not case_sensitive or e.text == form)]
    for human in (True, False) if other_species else (True,):
        found = [e for e in entries if (e.category != "other_species") == human]
        if not found:
            continue
        best = min(e.rank for e in found)
        top = {e.canonical: e for e in found if e.rank == best}
        if len(top) == 1:
            return next(iter(top.values()))
        key = fold_key(form)
        own = {e.canonical: e for e in found if fold_key(e.canonical) == key}
        if len(own) == 1:
            return next(iter(own.values()))
        return None
    return None


def _cell_line_hit(form: str) -> Concept | None:
    lexicon = load_lexicon("cell_lines")
    line = _resolve_line(form)
    if line is None:
        line = next((e for e in lexicon.folded(form) if e.kind == "curated"), None)
    if line is None:
        return None
    # A cell line name in running text needs a letter and a digit and four characters ("MCF7", "A549"), or a
    # capital inside a word ("HeLa", "LNCaP", "HaCaT"), or a curated entry: Cellosaurus also lists "42", "A2" and
    # "N2" as names. A name that is also a gene symbol ("CCL4", "NOS2", "TMC1") is a cell line only before
    # "cells" (see cell_line_context).
    if line.kind == "curated":
        return Concept(name=line.canonical, id=line.identifier or None, type="CELL_LINE")
    has_both = any(c.isdigit() for c in form) and any(c.isalpha() for c in form)
    if (has_both and len(form) >= 4) or _INNER_CAPITAL_RE.fullmatch(form):
        if _is_gene_symbol(form):
            return None
        return Concept(name=line.canonical, id=line.identifier or None, type="CELL_LINE")
    return None


_INNER_CAPITAL_RE = re.compile(r"[A-Z][a-z]+[A-Z][A-Za-z]*")


def _is_gene_symbol(form: str) -> bool:
    """Whether ``form`` is written exactly as an HGNC symbol, previous symbol or alias."""
    return any(e.text == form and e.kind in ("symbol", "previous", "alias") for e in load_lexicon("genes").folded(form))


def numbered_cancer_line(name: str) -> bool:
    """Whether a name of digits alone is a human cancer line's own name ("5637"), not another line's synonym or
    a hybridoma's ("231" of "Hybridoma 231")."""
    line = _resolve_line(name)
    return line is not None and line.category == "cancer" and line.canonical == name


@lru_cache(maxsize=65536)
def cell_line_in_context(form: str) -> Concept | None:
    """A cell line name right before "cells" or "cell line(s)" or in a list that ends so ("in PC3, DU145 and
    LNCaP cells", "HEK cells"): any Cellosaurus name of two characters or more, as written."""
    if len(form) < 3 or form.lower() in ambiguous_forms().get("cell_lines", ()) or _cell_type_hit(form):
        return None  # "PC cells" (prostate cancer), "Th2 cells" (a cell type)
    lexicon = load_lexicon("cell_lines")
    line = next((e for e in lexicon.folded(form) if e.kind == "curated"), None) or _resolve_line(
        form, other_species=True
    )
    if line is None and (any(c.isdigit() for c in form) or _INNER_CAPITAL_RE.fullmatch(form)):
        line = _resolve_line(form, case_sensitive=False, other_species=True)  # "Pc3" for PC-3
    if line is None:
        return None
    return Concept(name=line.canonical, id=line.identifier or None, type="CELL_LINE")


# A Latin letter written for a Greek one after a symbol ("PPARa", "TNFa", "NF-kB", "IL-1b") or before a name
# ("b-catenin"); a species prefix before a symbol ("hOGG1", "hTERT").
_LATIN_GREEK = {"a": "alpha", "b": "beta", "g": "gamma", "d": "delta", "k": "kappa"}
_LATIN_GREEK_AFTER_RE = re.compile(r"^((?=(?:.*[A-Z]){2})[A-Za-z0-9-]*[A-Z0-9]-?)([abgdk])([A-Z]?)$")
_LATIN_GREEK_BEFORE_RE = re.compile(r"^([abgk])-([a-z]{4,})$")
_SPECIES_PREFIX_RE = re.compile(r"^[hmr]([A-Z][A-Z0-9-]{2,})$")
# a Greek letter's name in front of a name: in a fold key ("alphaenac") and as written ("alpha-ENaC")
_GREEK_FIRST_RE = re.compile(r"^(alpha|beta|gamma|delta|kappa)([a-z][a-z0-9]{2,})$")
_GREEK_FIRST_FORM_RE = re.compile(r"(alpha|beta|gamma|delta|kappa)[- ]?([A-Za-z][A-Za-z0-9]{2,})$")
# a Greek letter (spelled or printed) at the end of a symbol, before at most a number: "TGF-beta2", "GSK-3β"
_GREEK_SUFFIX_RE = re.compile(
    # the symbol part written as symbols are: a capital, then another capital or a digit ("TGF", "IL-1"; not "The")
    r"((?=[^A-Z]*[A-Z][^A-Z0-9]*[A-Z0-9])[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)"
    r"[- ]?(alpha|beta|gamma|delta|kappa|α|β|γ|δ|κ)(\d{0,2})"
)
_GREEK_LATIN = {
    "alpha": "A",
    "beta": "B",
    "gamma": "G",
    "delta": "D",
    "kappa": "K",
    "α": "A",
    "β": "B",
    "γ": "G",
    "δ": "D",
    "κ": "K",
}
_SPELLED_GREEK_RE = re.compile(r"(?:alpha|beta|gamma|delta|kappa|epsilon)(?![a-z])", re.IGNORECASE)


# a symbol of three characters or more, or any symbol with a hyphen before the variant ("AR-V7"; "HPV16" is no "HP")
_TRANSCRIPT_VARIANT_RE = re.compile(
    r"([A-Z][A-Z0-9]{2,9})[vV]\d{1,3}[a-z]{0,3}|([A-Z][A-Z0-9]{1,9})-[vV]\d{1,3}[a-z]{0,3}"
)


def gene_variants(form: str) -> list[str]:
    """Spellings to try for a gene form the lexicon lacks as written: Latin letters for Greek ones, a species
    prefix dropped."""
    out = []
    m = _LATIN_GREEK_AFTER_RE.match(form)
    if m:
        out.append(m[1] + _LATIN_GREEK[m[2]] + m[3])
    m = _LATIN_GREEK_BEFORE_RE.match(form)
    if m:
        out.append(_LATIN_GREEK[m[1]] + "-" + m[2])
    m = _SPECIES_PREFIX_RE.match(form)
    if m:
        out.append(m[1])
    for one in (form, m[1] if m else None):  # "PPAR-alpha" -> "PPARA", "LHbeta" -> "LHB", "hGRalpha" -> "GRA"
        if one and re.match(r"[A-Za-z][A-Za-z0-9]{1,}-?(?:alpha|beta|gamma|delta|kappa)$", one):
            out.append(_SPELLED_GREEK_RE.sub(lambda g: g[0][0].upper(), one.replace("-", "")))
    m = _GREEK_FIRST_FORM_RE.match(form)
    if m:  # the Greek letter written before the name: "alpha-ENaC" as "ENaCalpha"
        out.append(m[2] + m[1])
    m = _GREEK_SUFFIX_RE.fullmatch(form)
    if m:  # a symbol's last letter written as a Greek one, with its number: "TGF-beta2" TGFB2, "GSK-3beta" GSK3B
        out.append(m[1].replace("-", "") + _GREEK_LATIN[m[2].lower()] + m[3])
    return out


def _gene_hit(form: str) -> tuple[str, Concept] | None:
    genes = load_lexicon("genes")
    gene = genes.resolve(form, case_sensitive=True) or genes.resolve(form)
    if gene is not None and not _gene_ok(gene, form):
        # another spelling of the same gene's name under the key may stand for the form ("integrin β1": "integrin
        # beta1", not "integrin beta 1")
        gene = next((e for e in genes.folded(form) if e.canonical == gene.canonical and _gene_ok(e, form)), None)
    if gene is None:
        for variant in gene_variants(form):
            if variant.lower() in ambiguous_forms().get("genes", ()):
                continue
            hit = genes.resolve(variant, case_sensitive=True) or genes.resolve(variant)
            if hit is not None and _gene_ok(hit, variant):
                gene = hit
                break
    if gene is None:
        # a transcript variant of an approved symbol ("AR-V7", "CD44v6", "FLNBv4"): that gene, even where the symbol
        # alone is ambiguous ("AR")
        m = _TRANSCRIPT_VARIANT_RE.fullmatch(form)
        if m:
            stem = [e for e in genes.exact(m[1] or m[2]) if e.kind == "symbol"]
            if stem:
                gene = stem[0]
    if gene is None:
        # an alias HGNC gives to several genes ("p50": NFKB1, CD40; "RIP1"): a gene all the same, of no one id
        shared = [e for e in genes.exact(form) if e.kind in ("previous", "alias") and _gene_ok(e, form)]
        if len({e.canonical for e in shared}) >= 2 and all(e.category == "protein" for e in shared):
            return "GENE", Concept(name=form, type="protein")
        return None
    label = {"lncRNA": "LNCRNA", "miRNA": "MIRNA", "circRNA": "CIRCRNA", "ncRNA": "NCRNA"}.get(gene.category, "GENE")
    if label == "MIRNA":  # "MIR21" as a gene symbol: the miRNA patterns name it better
        return None
    return label, Concept(name=gene.canonical, id=gene.identifier or None, type=gene_category_type(gene))


def _family_ok(entry: Entry, form: str) -> bool:
    """Whether a gene family entry may stand for ``form`` in running text: a curated form; a symbol stem as
    written ("AKT", "MAPK") or in protein case ("Akt", "Smad", "Wnt"); a name stem in full ("caspase", "NADPH
    oxidase"), one word only when long."""
    from pipeline.annotate.patterns import is_disease_name  # the pattern file lives with the annotator's

    if entry.kind == "curated":
        return True
    if form.lower() in ambiguous_forms().get("genes", ()) or form.lower() in ambiguous_forms().get("gene_families", ()):
        return False
    if entry.kind in ("symbol", "alias"):
        return form == entry.text or (entry.kind == "symbol" and len(form) >= 3 and form == entry.text.title())
    words = re.split(r"[\s-]+", form.strip())
    return (
        not is_disease_name(form)
        and len(words) == len(re.split(r"[\s-]+", entry.text.strip()))
        and (len(words) >= 2 or len(form) >= 5)
    )


def _family_hit(form: str) -> Concept | None:
    """A gene family or complex ("Akt", "MAPKs", "caspases", "NF-κB"), from HGNC's shared symbol and name
    stems (``gene_families.tsv``) and the curated supplement."""
    families = load_lexicon("gene_families")
    for cand in (form, form[:-1] if form.endswith("s") and len(form) > 3 else None):
        if cand is None:
            continue
        entry = families.resolve(cand, case_sensitive=True) or families.resolve(cand)
        if entry is not None and _family_ok(entry, cand):
            return Concept(name=entry.canonical, id=entry.identifier or None, type="family")
    return None


def _lookup(form: str) -> tuple[str, Concept] | None:
    """The label and Concept of ``form`` if it is an entity name; drugs, cells, then genes."""
    if len(form) < 2 or form.lower() in ambiguous_forms().get("any", ()):
        return None
    hits = (
        ("DRUG_CLASS", _drug_class_hit),
        ("DRUG", _drug_hit),
        ("CELL_TYPE", _cell_type_hit),
        ("CELL_LINE", _cell_line_hit),
    )
    for label, hit in hits:
        concept = hit(form)
        if concept is not None:
            return label, concept
    gene = _gene_hit(form)
    if gene is not None:
        return gene
    family = _family_hit(form)
    return ("GENE_FAMILY", family) if family is not None else None


@lru_cache(maxsize=262144)
def lookup(form: str) -> tuple[str, Concept] | None:
    """The label and Concept of ``form`` if it is an entity name (memoised: lexicons do not change)."""
    return _lookup(form)


@cache
def _index_keys() -> Container[str]:
    """Every folded key of the lexicons that running text is matched against: the installed compiled lexicons'
    trie, else a set built from the lexicon files."""
    index = installed_index()
    if index is not None:
        return index  # type: ignore[no-any-return]
    return frozenset().union(*(load_lexicon(kind).keys() for kind in INDEX_KINDS))


_GREEK_KEY_RE = re.compile(r"(alpha|beta|gamma|delta|kappa)")


def _key_hits(key: str, index: Container[str]) -> bool:
    """Whether ``key`` or its singular ("fibroblasts", "DCs", "therapies") is a lexicon key, or a Greek letter
    spelled out or written as a Latin one makes it one ("pparalpha" -> "ppara", "bcatenin" -> "betacatenin")."""
    if key in index:
        return True
    if ("alpha" in key or "beta" in key or "kappa" in key or "gamma" in key or "delta" in key) and (
        _GREEK_KEY_RE.sub(lambda m: m[1][0], key) in index
    ):
        return True
    if key[:1] in _LATIN_GREEK and _LATIN_GREEK[key[0]] + key[1:] in index:
        return True
    if key[:1] in "hmr" and len(key) > 3 and key[1:] in index:  # a species prefix ("hPER2", "mTert")
        return True
    head = _GREEK_FIRST_RE.match(key)  # a Greek letter's name in front: "alpha-ENaC" of "ENaCalpha"
    if head and head[2] + head[1] in index:
        return True
    if key.endswith("s") and len(key) > 3:
        return key[:-1] in index or (key.endswith("ies") and key[:-3] + "y" in index)
    return False


# proper prefixes of two letters or more of the Greek letters' names _key_hits reads in a key ("al" of "alpha")
_GREEK_HEADS = frozenset(w[:n] for w in ("alpha", "beta", "gamma", "delta", "kappa") for n in range(2, len(w)))
_HIT, _EXTEND = 1, 2


@lru_cache(maxsize=262144)
def _key_state(key: str) -> int:
    """``_HIT`` if ``key`` is a hit (:func:`_key_hits`), ``_EXTEND`` unless no longer key (``key`` followed by
    the keys of further tokens) can be one: the n-gram search stops there. Without a prefix-searchable index
    (lexicons read from their files, not compiled) every key may extend."""
    index = _index_keys()
    hit = _key_hits(key, index)
    iterkeys = getattr(index, "iterkeys", None)  # a marisa trie's keys that start with a prefix
    if hit or iterkeys is None:
        return (_HIT if hit else 0) | _EXTEND

    def has_prefix(prefix: str) -> bool:
        return next(iterkeys(prefix), None) is not None

    return _EXTEND if _may_extend(key, index, has_prefix) else 0


def _may_extend(key: str, index: Container[str], has_prefix: Callable[[str], bool]) -> bool:
    """Whether ``key + rest`` may be a hit of :func:`_key_hits` for some non-empty ``rest``, case by case:

    - itself in the index, or its singular (``[:-1]``, or "ies" -> "y" where ``rest`` is longer than two
      letters): some index key starts with ``key``;
    - its Greek letters' names replaced: where ``key`` holds none, the replaced key starts with ``key``, or, where
      a name begins in ``key`` and ends in ``rest`` ("...alph" + "a..."), with ``key`` up to the name's first
      letter; a name inside ``key``: no pruning;
    - a Latin letter for a Greek one in front ("b" -> "beta"): some index key starts with ``key`` so changed;
    - "ies" -> "y" where ``rest`` is "s" or "es": that singular itself.
    """
    if has_prefix(key):
        return True
    if "alpha" in key or "beta" in key or "kappa" in key or "gamma" in key or "delta" in key:
        return True
    for n in (2, 3, 4):
        if key[-n:] in _GREEK_HEADS and has_prefix(key[: len(key) - n + 1]):
            return True
    if key[:1] in _LATIN_GREEK and has_prefix(_LATIN_GREEK[key[0]] + key[1:]):
        return True
    return (key.endswith("i") and key[:-1] + "y" in index) or (key.endswith("ie") and key[:-2] + "y" in index)


def clear_caches() -> None:
    """Forget what was looked up (new lexicons were installed)."""
    lookup.cache_clear()
    cell_line_in_context.cache_clear()
    _index_keys.cache_clear()
    _key_state.cache_clear()


def _status_hit(form: str, following: str) -> tuple[str, Concept] | None:
    """ "ER" in "ER+"/"ER-positive"/"ER status": a receptor status marker (``models/lexicons/status_markers.tsv``)."""
    marker = status_markers().get(form)
    if marker is not None and _STATUS_RE.match(following):
        return "GENE", marker
    return None


@cache
def status_markers() -> dict[str, Concept]:
    path = models_dir() / "lexicons" / "status_markers.tsv"
    out: dict[str, Concept] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#"):
                out[parts[0]] = Concept(name=parts[1], id=parts[2] or None, type="protein")
    return out


_SLASH_MEMBER_RE = re.compile(r"^(.*?)[\s-]?\d{1,2}[a-z]?/(\d{1,2}[a-z]?)$")


def _slash_members(form: str) -> bool:
    """Whether "X3/28" names two genes (X3, X28): the number after the slash completes a gene name."""
    m = _SLASH_MEMBER_RE.match(form)
    if not m or not m[1]:
        return False
    hit = lookup(m[1] + m[2]) or lookup(m[1] + "-" + m[2])
    return hit is not None and hit[0] == "GENE"


_NUMBERED_NAME_RE = re.compile(r"^(.*?)[\s-]?(\d{1,2}[a-z]?)$")


def _slash_numbers(text: str, mention: Mention) -> Mention:
    """ "CDK4/6", "caspase 3/7": the numbers after a slash name further members of the same family."""
    m = _SLASH_NUMBER_RE.match(text, mention.end)
    if not m:
        return mention
    base = _NUMBERED_NAME_RE.match(mention.text)
    if not base:
        return mention
    sep = mention.text[len(base[1]) : len(mention.text) - len(base[2])]
    hit = lookup(base[1] + sep + m[1])
    if hit is None or hit[0] != mention.label or hit[1].name == mention.concept.name:
        return mention
    return Mention(
        mention.start,
        m.end(),
        text[mention.start : m.end()],
        mention.label,
        mention.concept,
        mention.long_form,
        (*mention.also, hit[1]),
    )


def find_mentions(text: str, abbreviations: dict[str, str] | None = None) -> list[Mention]:
    """Entity mentions in ``text``, longest first, non-overlapping, in reading order.

    ``abbreviations`` (short -> long form) resolve a short form through its long form ("FA" -> folic acid).
    An n-gram is looked up only when its folded key (the concatenation of its tokens' keys) is a key of some
    lexicon, so the cost per token is a few set probes.
    """
    abbreviations = abbreviations or {}
    mentions: list[Mention] = []
    mirna_spans = find_mirnas(text)
    for start, end, names in mirna_spans:
        concepts = [Concept(name=name, id=mirna_id(name), type="miRNA") for name in names]
        mentions.append(Mention(start, end, text[start:end], "MIRNA", concepts[0], also=tuple(concepts[1:])))
    tokens = _tokens(text)
    # usable[i]: token i overlaps no miRNA mention; joins[i]: tokens i and i+1 may belong to one name
    usable = [True] * len(tokens)
    if mirna_spans:  # one sweep over both lists, each in reading order
        k, spans = 0, len(mirna_spans)
        for t, (s, e) in enumerate(tokens):
            while k < spans and mirna_spans[k][1] <= s:
                k += 1
            usable[t] = k >= spans or mirna_spans[k][0] >= e
    joins = [text[a[1] : b[0]] in _GAPS_OK for a, b in itertools.pairwise(tokens)] + [False]
    keys = [fold_key(text[s:e]) for s, e in tokens]
    has_v = ["v" in key for key in keys]  # fold_key lower-cases
    markers = status_markers()
    # short forms of more than one token ("alpha-syn", "TNF-a"): by their first token, with their token count
    multi: dict[str, list[tuple[str, int]]] = {}
    for short in abbreviations:
        parts = _tokens(short)
        if len(parts) > 1:
            multi.setdefault(short[parts[0][0] : parts[0][1]], []).append((short, len(parts)))
    i = 0
    count = len(tokens)
    while i < count:
        if not usable[i]:
            i += 1
            continue
        key = ""
        candidates: list[int] = []
        j = i
        while True:
            key += keys[j]
            state = _key_state(key) if key else _EXTEND
            if state & _HIT:
                candidates.append(j - i + 1)
            if j - i + 1 >= MAX_NGRAM or not joins[j] or j + 1 >= count or not usable[j + 1]:
                break
            if not state & _EXTEND:
                break  # no longer n-gram from here is a lexicon key
            j += 1
        form0 = text[tokens[i][0] : tokens[i][1]]
        if 1 not in candidates and (form0 in abbreviations or form0.rstrip("+") in markers):
            candidates.append(1)
        for short, n in multi.get(form0, ()):
            if n not in candidates and i + n <= count and text[tokens[i][0] : tokens[i + n - 1][1]] == short:
                candidates.append(n)
        # a transcript variant ("AR-V7", "CD44v6"): no lexicon key, found by its stem; it holds a "v" or "V"
        if form0[:1].isupper() and (has_v[i] or (i + 1 < count and has_v[i + 1])):
            for n in (2, 1):
                if (
                    n not in candidates
                    and i + n <= count
                    and (n == 1 or joins[i])
                    and _TRANSCRIPT_VARIANT_RE.fullmatch(text[tokens[i][0] : tokens[i + n - 1][1]])
                ):
                    candidates.append(n)
        if not candidates:
            i += 1
            continue
        for n in sorted(candidates, reverse=True):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            form = text[start:end]
            hit = lookup(form)
            if hit is not None and hit[0] == "GENE" and _slash_members(form):
                hit = None  # "CD3/28" is CD3 and CD28 (below), not the alias "CD328" of SIGLEC7 ("F4/80" stays)
            if hit is None and form in abbreviations:
                hit = lookup(abbreviations[form])
            if hit is None and n == 1 and form.rstrip("+") in markers:
                end -= len(form) - len(form.rstrip("+"))
                form = text[start:end]
                hit = _status_hit(form, text[end : end + 12])
            if hit is not None:
                mention = _slash_numbers(text, Mention(start, end, form, hit[0], hit[1]))
                mentions.append(mention)
                while i < count and tokens[i][0] < mention.end:
                    i += 1
                break
        else:
            i += 1
    return drop_long_form_mentions(text, sorted(mentions, key=lambda m: (m.start, m.end)))


_PAREN_RE = re.compile(r"\(([^()]{1,20})\)")


def drop_long_form_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop mentions inside the long form of an abbreviation defined by a later mention of the same label.

    "FOS like antigen 1 (FOSL1)": FOS is part of FOSL1's long form, not a mention of its own. The long form is
    found as Schwartz & Hearst (2003) do (``pipeline.normalize.abbreviations``). ``mentions`` are sorted by start.
    """
    by_span = {(m.start, m.end): m for m in mentions}
    starts = [m.start for m in mentions]
    drop: set[int] = set()
    for paren in _PAREN_RE.finditer(text):
        short = by_span.get((paren.start(1), paren.end(1)))
        if short is None:
            continue
        window_start = max(0, paren.start() - 300)
        words = text[window_start : paren.start()].split()
        window = " ".join(words[-min(len(short.text) + 5, 2 * len(short.text)) :])
        long_form = best_long_form(short.text, window)
        lf_start = text.rfind(long_form, window_start, paren.start()) if long_form else -1
        if lf_start < 0:
            # no character alignment ("FOS such as antigen 1 (FOSL1)", a garbled name): within the clause, from
            # the first word that starts with the short form's first letter
            clause_start = max(text.rfind(c, window_start, paren.start()) for c in "();,.") + 1
            first = short.text[0].lower()
            word = next(
                (w for w in re.finditer(r"\S+", text[clause_start : paren.start()]) if w[0][0].lower() == first), None
            )
            if word is None:
                continue
            lf_start = clause_start + word.start()
        for i in range(bisect_left(starts, lf_start), bisect_left(starts, paren.start())):
            m = mentions[i]
            if m.end <= paren.start() and m.label == short.label and m.concept != short.concept:
                drop.add(i)
    return [m for i, m in enumerate(mentions) if i not in drop]
