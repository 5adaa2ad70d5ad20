"""Entity recognition over a whole text: lexicon mentions, pattern families, the paper's abbreviations.

The decisions, in order:

1. miRNA grammar and pattern families (vesicles, DNA, circRNAs) and lexicon mentions (drugs, cell types, cell
   lines, genes and lncRNAs), longest match first, no overlaps.
2. The paper's abbreviations decide short forms: a short form whose long form is an entity takes the long
   form's label and name everywhere in the paper ("Adriamycin (ADM)" -> ADM = doxorubicin); a short form whose
   long form is no entity ("breast cancer (BC)", "tumor microenvironment (TME)") is never an entity in that
   paper, unless it is itself a strong name (an approved symbol with a digit, a curated form).
3. Extensions: "lncRNA SNHG16" (prefix), "MDR-1 mRNA" (suffix, relabelled MRNA), "CD63+ CAFs" (modifier).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from pipeline.annotate.patterns import (
    Extension,
    ReagentPattern,
    family_matches,
    is_disease_name,
    is_protein_name,
    load_patterns,
)
from pipeline.errors import LexiconError
from pipeline.models import Concept
from pipeline.normalize.abbreviations import Definition
from pipeline.normalize.concepts import ambiguous_forms, gene_category_type, singular
from pipeline.normalize.lexicon import RANK, load_lexicon, models_dir
from pipeline.normalize.mentions import Mention, cell_line_in_context, find_mentions, lookup, numbered_cancer_line

STRONG_KINDS = frozenset(["curated", "symbol"])


# what a long form may say before the molecule it names: where the molecule was measured
_SOURCE_PREFIX = re.compile(
    r"(?:(?:exosomal|exosome|vesicular|vesicle|EV|sEV|extracellular\s+vesicle|circulating|plasma|serum|urinary|"
    r"salivary|soluble|tumou?r|cell-free)[-\s]+)+",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def _whole_entity(long_form: str) -> tuple[str, Concept] | None:
    """The entity a long form names: all of it ("Adriamycin", "cancer-associated fibroblasts") or its head,
    the mention that ends it ("DC-derived exosomes" -> exosome, "bone marrow-derived cells" is no head)."""
    long_form = long_form.strip(" ,;:-")
    for form in (long_form, singular(long_form)):
        hit = lookup(form)
        if hit is not None:
            return hit
    candidates = [(m.start, m.end, m.label, m.concept) for m in find_mentions(long_form)]
    candidates += [(a, b, label, Concept(name=c, type=label)) for a, b, label, c in family_matches(long_form)]
    for start, end, label, concept in sorted(candidates, key=lambda c: c[0] - c[1]):
        if label == "GENE_FAMILY" and end - start < len(long_form):
            continue  # "Glutathione S-transferase P1" is one member of the family, not the family
        if end - start >= 0.8 * len(long_form):
            return label, concept
        if end == len(long_form) and re.search(r"(?:^|[-\s])(?:derived|released|secreted)\s*$", long_form[:start]):
            return label, concept
        if end == len(long_form) and _SOURCE_PREFIX.fullmatch(long_form[:start]):
            return label, concept  # "exosomal PD-L1 (exoPD-L1)", "serum miR-21": the molecule, wherever measured
    return None


def _is_strong(short: str) -> bool:
    """Whether a short form names a gene on its own, whatever the paper's long form ("GSTP1", "LRP-4").

    Only genes and lncRNAs qualify: a cell line, drug or cell type name defined in the paper as something
    else ("activator protein-1 (AP-1)") is that something else.
    """
    hit = lookup(short)
    if hit is None or hit[0] not in ("GENE", "LNCRNA"):
        return False
    entries = load_lexicon("genes").folded(short)
    best = entries[0] if entries else None
    return best is not None and (best.kind in STRONG_KINDS or any(c.isdigit() for c in short))


def _extend(text: str, mention: Mention, extensions: tuple[Extension, ...], before: bool) -> Mention:
    for ext in extensions:
        if mention.label not in ext.applies_to:
            continue
        window = text[max(0, mention.start - 40) : mention.start] if before else text[mention.end : mention.end + 20]
        m = ext.regex.search(window)
        if not m:
            continue
        label = ext.label or mention.label
        concept = mention.concept if ext.label is None else mention.concept.model_copy(update={"type": label})
        if before:
            start = mention.start - (len(window) - m.start())
            return replace(mention, start=start, text=text[start : mention.end], label=label, concept=concept)
        end = mention.end + m.end()
        return replace(mention, end=end, text=text[mention.start : end], label=label, concept=concept)
    return mention


def _qualified_cell_type(mention: Mention, qualifier: str) -> Mention:
    """A cell type whose qualifier names a subtype of its own ("M2a MΦs" -> M2 macrophage): the subtype's
    concept where the lexicon has it, else the mention as it was ("CD163+ macrophages" stay macrophages)."""
    word = re.sub(r"(?:-type|-like|-polarized)?[\s-]*$", "", qualifier)
    for form in (word, re.sub(r"(?<=\d)[a-c]$", "", word)):
        hit = lookup(f"{form} {mention.concept.name}")
        if hit is not None and hit[0] == "CELL_TYPE":
            return replace(mention, concept=hit[1])
    return mention


def _mark_reagent(text: str, mention: Mention, reagents: tuple[ReagentPattern, ...]) -> Mention:
    """The reagent kind of a molecule mention from the words around it ("miR-21 inhibitor", "si-PTEN")."""
    for r in reagents:
        if mention.label not in r.applies_to:
            continue
        if r.position == "before":
            window = text[max(0, mention.start - 45) : mention.start]
        else:
            window = text[mention.end : mention.end + 40]
        if r.regex.search(window):
            return replace(mention, reagent=r.reagent)
    return mention


def _merge_families(text: str, mentions: list[Mention]) -> list[Mention]:
    """Add the pattern families' matches; where one overlaps lexicon mentions, the longer side stays."""
    mentions = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    dropped: set[int] = set()
    added: list[Mention] = []
    for start, end, label, canonical in family_matches(text):
        lo = max(bisect_left(starts, start) - 1, 0)
        overlapping = [k for k in range(lo, bisect_left(starts, end)) if mentions[k].end > start]
        if overlapping and all(end - start <= mentions[k].end - mentions[k].start for k in overlapping):
            continue
        dropped.update(overlapping)
        added.append(Mention(start, end, text[start:end], label, Concept(name=canonical, type=label)))
    return sorted([m for k, m in enumerate(mentions) if k not in dropped] + added, key=lambda m: (m.start, m.end))


def _resolve_short_forms(
    text: str, mentions: list[Mention], definitions: list[Definition], glossary: dict[str, str]
) -> list[Mention]:
    """Apply the paper's definitions to the mentions of their short forms.

    A short form defined twice ("progesterone receptor (PR)" ... "partial response (PR)") takes, at each
    mention, the nearest definition before it (or the first, before any). Glossary entries (table and figure
    footnotes) count as definitions at the start of the paper.
    """
    by_short: dict[str, list[Definition]] = {}
    for d in [Definition(k, v, -1, -1, -1) for k, v in glossary.items()] + definitions:
        by_short.setdefault(d.short, []).append(d)
    policy = {d.long: hit for ds in by_short.values() for d in ds for hit in [_long_form_policy(d.short, d.long)]}
    out = []
    for mention in mentions:
        defs = by_short.get(mention.text)
        plural = by_short.get(mention.text + "s", [])
        if not defs and any(policy[d.long] is not None and policy[d.long] is not _KEEP for d in plural):
            # "GBM stem-like cells (GSCs)" ... "GSC-derived EVs": no gene; "tumour-associated macrophages (TAMs)"
            # ... "TAM exosomes": the macrophages, not tamoxifen
            defs = plural
        if not defs or mention.label in ("MIRNA", "CIRCRNA", "NCRNA"):
            out.append(mention)  # an RNA's own name ("circ-XIAP" of "circRNA X-linked inhibitor of apoptosis")
            continue
        before = [d for d in defs if d.short_start <= mention.start]
        chosen = max(before, key=lambda d: d.short_start) if before else defs[0]
        hit = policy[chosen.long]
        if hit is _NEVER:
            if mention.label == "GENE" and _GENE_WORD_RE.search(_around(text, mention)):
                out.append(mention)
            continue
        if hit is _KEEP or (hit is None and _mention_is_strong(mention)):
            out.append(mention)
        elif hit is not None:
            out.append(Mention(mention.start, mention.end, mention.text, hit[0], hit[1], chosen.long))
    return out


# "the tumor suppressor gene MEN1", "the MEN1 gene": the gene, even where the paper defines the disease (MEN1)
_GENE_WORD_RE = re.compile(r"\bgenes?\s*\|\s*|\|\s*genes?\b")


def _around(text: str, mention: Mention) -> str:
    return text[max(0, mention.start - 8) : mention.start] + "|" + text[mention.end : mention.end + 8]


_KEEP = ("keep", Concept(name="keep"))
_NEVER = ("never", Concept(name="never"))  # a disease abbreviation the paper defines is never a gene


def _mention_is_strong(mention: Mention) -> bool:
    """A mention that names an entity on its own however the paper defines it: a miRNA, or a gene symbol
    with a digit ("CDK4/6", "GSTP1")."""
    if mention.label in ("MIRNA", "CIRCRNA", "DNA"):
        return True
    return mention.label in ("GENE", "LNCRNA", "NCRNA", "MRNA") and any(c.isdigit() for c in mention.text)


def _long_form_policy(short: str, long_form: str) -> tuple[str, Concept] | None:
    if is_disease_name(long_form):
        return _NEVER
    hit = _whole_entity(long_form) or _vesicle_tail(short, long_form)
    if hit is not None:
        return hit
    if _CELLS_LONG_FORM_RE.search(long_form.strip()):
        return _NEVER  # "GBM stem-like cells (GSCs)": cells, never the gene GSC
    if _NO_MOLECULE_LONG_FORM_RE.search(long_form.strip()):
        return _NEVER  # "periprostatic adipose tissue (PPAT)", "overall response rate (ORR)": never the gene PPAT
    protein = _protein_definition(short, long_form)
    if protein is not None:
        return protein
    lncrna = _lncrna_definition(short, long_form)
    if lncrna is not None:
        return lncrna
    return _KEEP if _is_strong(short) else None


_VESICLE_SHORT_RE = re.compile(r"[A-Za-z0-9-]*(?:EV|Exo|EXO|MV)s?")


def _vesicle_tail(short: str, long_form: str) -> tuple[str, Concept] | None:
    """A vesicle abbreviation whose definition reached too far back for its first letter ("Platelets shed large
    numbers of extracellular vesicles (PEVs)"): the vesicles that end the long form."""
    if not _VESICLE_SHORT_RE.fullmatch(short):
        return None
    long_form = long_form.rstrip(" ,;:-")
    for _, end, label, name in family_matches(long_form):
        if label == "VESICLE" and end == len(long_form):
            return label, Concept(name=name, type=label)
    return None


def _lncrna_definition(short: str, long_form: str) -> tuple[str, Concept] | None:
    """A short form the paper defines with a lncRNA's long form that no lexicon lists ("renal cancer angiogenesis
    transcript 1 (RCAT1)"): a lncRNA by its short form."""
    if _RNA_CLASS_RE.fullmatch(short):
        return None  # "long non-coding RNA (lncRNA)": the class, no molecule
    if _SHORT_FORM_RE.fullmatch(short) and _LNCRNA_LONG_FORM_RE.search(long_form.strip()):
        return "LNCRNA", Concept(name=short, type="lncRNA")
    return None


_RNA_CLASS_RE = re.compile(r"(?:lnc|linc|nc|circ|mi|sno|pi|m|t|r)?RNAs?|lncs?", re.IGNORECASE)


_CELLS_LONG_FORM_RE = re.compile(
    r"\bcells?$|\bcell\s+lines?$|\bblasts$|(?:macrophage|fibroblast|lymphocyte|monocyte|neutrophil|platelet)s?$"
    r"|\bchimeric\s+antigen\s+receptor\b",  # "chimeric antigen receptor T (CAR-T)": engineered cells, no gene
    re.IGNORECASE,
)
# a long form whose head word names a tissue, a sample, a treatment or a measure: what it defines is no molecule
_NO_MOLECULE_LONG_FORM_RE = re.compile(
    r"\b(?:tissues?|fat|stroma|microenvironment|niche|marrow|fluids?|lavage|ascites|effusions?|biops(?:y|ies)"
    r"|therapy|therapies|treatments?|surgery|resection|radiotherapy|chemotherapy|regimens?"
    r"|survival|rates?|ratios?|scores?|index|volumes?|grades?|stages?)$",
    re.IGNORECASE,
)
# the long form of a lncRNA no lexicon lists: "... transcript 1", "... antisense RNA 1", "long non-coding RNA ..."
_LNCRNA_LONG_FORM_RE = re.compile(
    r"(?:\btranscript|\bantisense\s+RNA|\bnon-?coding\s+RNA)(?:\s+\d{1,2})?$|^long\s+(?:intergenic\s+)?non-?coding\s+RNA\b",
    re.IGNORECASE,
)


_SHORT_FORM_RE = re.compile(r"(?=[^\s]*[A-Z])[A-Za-z0-9][A-Za-z0-9αβγδκ\-/]{1,11}")
# what may follow a gene name at the end of a long form: "tumor necrosis factor-alpha", "Urotensin-II"
_NAME_SUFFIX_RE = re.compile(
    r"[-\s]?(?:alpha|beta|gamma|delta|kappa|[αβγδκ]|I{1,3}|IV|V|[A-Z]?\d{1,2}[a-z]?)$", re.IGNORECASE
)
# a capital letter that names one member after a head word: "protein kinase C", "tropomyosin-related kinase B"
_MEMBER_LETTER_RE = re.compile(r"[-\s][A-Z]$")
_GENE_LABELS = frozenset(["GENE", "GENE_FAMILY"])
# a gene's name between the words of where it was measured and what of it: "exosomal PD-L1 protein", "serum EV
# HER2 levels"
_SAMPLE_WRAPPED_RE = re.compile(
    r"(?:(?:serum|plasma|circulating|urinary|salivary|exosomal|exosome|vesicular|EV|sEV|tumou?r-derived)[-\s]+)+"
    r"(?P<name>.+?)(?:[-\s]+(?:proteins?|mRNAs?|levels?|expression|content))?",
    re.IGNORECASE,
)


@lru_cache(maxsize=16384)
def _protein_definition(short: str, long_form: str) -> tuple[str, Concept] | None:
    """A short form the paper defines with a protein's name that no lexicon has as a whole ("tryptophan
    hydroxylase (TPH)", "Abelson kinase (ABL)", "neuronal nitric oxide synthase (nNOS)", "tumor necrosis
    factor-alpha (TNFalpha)"): a gene in that paper. The long form names a protein by its head word (see
    ``proteins`` in the pattern file) or ends in a gene name (a Greek letter or number after it aside).
    The short form's own lexicon entry names it where it has one, else the long form does."""
    long_form = long_form.strip()
    if not _SHORT_FORM_RE.fullmatch(short) or not _name_like(long_form):
        return None
    wrapped = _SAMPLE_WRAPPED_RE.fullmatch(long_form)
    if wrapped is not None:  # "exosomal PD-L1 protein (exoPD-L1)": the gene, measured in the vesicles
        hit = _whole_entity(wrapped.group("name"))
        if hit is not None and hit[0] in _GENE_LABELS:
            return hit
    core = _NAME_SUFFIX_RE.sub("", long_form).rstrip(" -")
    member = _MEMBER_LETTER_RE.sub("", long_form)
    if not any(is_protein_name(form) for form in (long_form, core, member)):
        ends = [m for m in find_mentions(core) if m.end == len(core) and m.label in _GENE_LABELS]
        ends += [m for m in find_mentions(long_form) if m.end == len(long_form) and m.label in _GENE_LABELS]
        if not ends:
            return None
    hit = lookup(short)
    if hit is not None and hit[0] in _GENE_LABELS:
        return hit
    if _symbol_stem(short):  # "platelet-derived growth factor (PDGF)": PDGFA-D, a family
        return "GENE_FAMILY", Concept(name=short, type="family")
    return "GENE", Concept(name=long_form, type="protein")


def _symbol_stem(short: str) -> bool:
    """Whether ``short`` is the stem of two or more approved HGNC symbols that add one letter or number to it
    ("PDGF" of PDGFA and PDGFB)."""
    genes = load_lexicon("genes")
    members = {e.canonical for tail in "ABCDEFGH123456789" for e in genes.exact(short + tail) if e.kind == "symbol"}
    return len(members) >= 2


@lru_cache(maxsize=4096)
def _word_regex(word: str) -> re.Pattern[str]:
    r"""``word`` standing alone (no letter, digit, "_" or "-" on either side). The check before it is a lookbehind
    after the literal, not before it, so that the regex starts with the literal and re's fast literal search
    runs (the same matches as ``(?<![\w-])word(?![\w-])``)."""
    literal = re.escape(word)
    return re.compile(literal + r"(?<![\w-]" + literal + r")(?![\w-])")


class _Overlaps:
    """Whether a span overlaps any of ``mentions`` (which do not change): a binary search over their starts and
    the greatest end among the mentions that start before a point, in place of a scan of them all."""

    def __init__(self, mentions: list[Mention]) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.max_end = list(itertools.accumulate((m.end for m in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # the mentions that start before ``end``
        return k > 0 and self.max_end[k - 1] > start


def _protein_short_forms(text: str, mentions: list[Mention], definitions: list[Definition]) -> list[Mention]:
    """Every use of a short form defined as a protein (:func:`_protein_definition`) or a lncRNA
    (:func:`_lncrna_definition`) that no lexicon knows ("cannabinoid receptor (CB)" ... "CB agonists", "renal
    cancer angiogenesis transcript 1 (RCAT1)" ... "exosomal RCAT1"), as that gene; each use read through the
    nearest definition before it ("progesterone receptor (PR)" ... "partial response (PR)")."""
    by_short: dict[str, list[Definition]] = {}
    for d in definitions:
        by_short.setdefault(d.short, []).append(d)
    added: list[Mention] = []
    overlaps = _Overlaps(mentions)
    for short, defs in by_short.items():
        if not any(_protein_definition(d.short, d.long) or _lncrna_definition(d.short, d.long) for d in defs):
            continue
        for m in _word_regex(short).finditer(text):
            before = [d for d in defs if d.short_start <= m.start()]
            chosen = max(before, key=lambda d: d.short_start) if before else defs[0]
            hit = _long_form_policy(short, chosen.long)
            if hit is None or hit is _KEEP or hit is _NEVER:
                continue
            if overlaps(m.start(), m.end()) or any(x.start < m.end() and m.start() < x.end for x in added):
                continue
            added.append(Mention(m.start(), m.end(), short, hit[0], hit[1], chosen.long))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: (x.start, x.end))


_NOT_A_NAME_RE = re.compile(r"[()\[\];,]|\.\s|\S{26,}")


def _name_like(text: str) -> bool:
    """Whether a long form reads like a name: at most 8 words, no brackets, clause punctuation or run-together
    words ("GAITcomplex,whichinhibits..." from a PDF without spaces)."""
    return len(text.split()) <= 8 and not _NOT_A_NAME_RE.search(text)


def _tag_long_forms(text: str, mentions: list[Mention], definitions: list[Definition]) -> list[Mention]:
    """A long form whose short form is an entity is that entity too: "Glutathione S-transferase P1 (GSTP1)",
    "urothelial carcinoma-associated 1 (UCA1)" - even when the long form is in no lexicon."""
    by_start = {m.start: m for m in mentions}
    added: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for d in definitions:
        short = by_start.get(d.short_start)
        if short is None or short.label == "VESICLE" or d.long_end > d.short_start:
            continue
        long_text = text[d.long_start : d.long_end]
        if not _name_like(long_text):
            continue
        inside = [m for m in mentions if d.long_start <= m.start and m.end <= d.long_end]
        if any(
            m.end - m.start >= 0.8 * (d.long_end - d.long_start)
            and (m.label != "GENE_FAMILY" or short.label == "GENE_FAMILY")  # "Glutathione S-transferase" P1
            for m in inside
        ):
            continue  # the long form is already a mention of its own
        if any(m.start < d.long_start < m.end or m.start < d.long_end < m.end for m in mentions):
            continue  # it would cut another mention
        added.append(Mention(d.long_start, d.long_end, text[d.long_start : d.long_end], short.label, short.concept))
        covered.append((d.long_start, d.long_end))
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in covered)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")


def _glued_after_hyphen(text: str, mention: Mention) -> bool:
    """Whether ``mention`` follows a hyphen that joins it to a code with a digit before ("DDR1-IN-1"); a word
    prefix leaves it standing ("SCID-HuH-7 mice")."""
    s = mention.start
    if s < 2 or text[s - 1] not in "-‐‑" or not text[s - 2].isalnum():
        return False
    head = re.search(r"[A-Za-z0-9]+$", text[max(0, s - 20) : s - 1])
    return head is not None and any(c.isdigit() for c in head.group())


def _line_over_hyphen(text: str, mention: Mention) -> Mention | None:
    """A cell line whose name ends, after a hyphen, in what was read as a gene ("B16-F10", "MC3T3-E1"): the line."""
    s = mention.start
    if s < 2 or text[s - 1] not in "-‐‑" or not text[s - 2].isalnum():
        return None
    head = re.search(r"[A-Za-z0-9]+$", text[max(0, s - 20) : s - 1])
    if head is None or not any(c.isdigit() for c in head.group()):
        return None
    start = max(0, s - 20) + head.start()
    concept = cell_line_in_context(text[start : mention.end])
    return None if concept is None else Mention(start, mention.end, text[start : mention.end], "CELL_LINE", concept)


def _capitalised_word(text: str, mention: Mention) -> bool:
    """A symbol read from a capitalised word at a sentence start ("Was", "Set"): the case variant that makes
    "Kras" or "Bax" a gene mid-sentence says nothing there."""
    return (
        mention.text.istitle()
        and mention.text.isalpha()
        and mention.text != mention.concept.name
        and mention.text.upper() == mention.concept.name.upper()
        and bool(_SENTENCE_START_RE.search(text[max(0, mention.start - 3) : mention.start]))
    )


# A list of names ended by "cells" or "cell line(s)": "PC3, DU145 and LNCaP cells", "HeLa and HEK293 cells".
# between the names and "cells": a tissue or cell kind ("MCF-7 breast cancer cells", "MC3T3-E1 osteoblast-like
# cells", "RAW 264.7 preosteoclast cells", "IEC-6 crypt cells"), at most three words
_CELL_KINDS = (
    r"macrophages?|monocytes?|fibroblasts?|keratinocytes?|cardiomyocytes?|hepatocytes?|adipocytes?|preadipocytes?"
    r"|myoblasts?|osteoblasts?|osteoclasts?|microglia|astrocytes?|neurons?|myotubes?"
)
_CELL_KIND_END_RE = re.compile(r"\s(?:" + _CELL_KINDS + r")$")
_CELLS_RE = re.compile(
    r"\s+(?:(?:[a-z]+\s+){0,2}(?:cancer|tumou?r|carcinoma|hepatoma|\w+blast(?:-like)?|\w+clast|\w*cyte(?:-like)?"
    r"|\w*phage(?:-like)?|crypt|epithelial|endothelial|stromal|\w+-like)\s+|(?:T|B|NK)[\s-])?"
    r"(?:cells?|cell\s+lines?|transfectants|gonadotrophs|sublines?|subclones?)\b"
    r"|\s+(?:cancer|tumou?r|carcinoma|hepatoma|lymphoma|melanoma|sarcoma|glioma)\s+(?:models?|xenografts?)\b"
    # the kind of cell right after the name, no "cells" ("RAW264.7 macrophages", "THP-1 monocytes")
    r"|\s+(?:" + _CELL_KINDS + r")\b"
)
# the words a _CELLS_RE match ends with (all its alternatives end so)
_CELLS_END_RE = re.compile(
    r"(?:cells?|cell\s+lines?|transfectants|gonadotrophs|sublines?|subclones?|models?|xenografts?|"
    + _CELL_KINDS
    + r")\b"
)
_CELLS_RUNS = 4  # a _CELLS_RE match crosses at most 4 runs of whitespace before its last word
_SPACE_RE = re.compile(r"\s+")


def cells_matches(text: str) -> Iterator[re.Match[str]]:
    """``_CELLS_RE.finditer(text)``, tried only at the runs of whitespace just before a word such a match can end
    with (tried at every whitespace of a paper, the regex cost more than the rest of the cell-line rules
    together). A match starts at a run and crosses at most ``_CELLS_RUNS`` runs before the word it ends with, so
    the first of those runs, left to right, that starts one is where ``finditer`` finds it too."""
    done = 0
    for last in _CELLS_END_RE.finditer(text):
        if last.end() <= done:
            continue
        lo = max(done, last.start() - 400)
        while lo > done and text[lo - 1].isspace():  # a run is tried from its first space
            lo -= 1
        for start in _last_runs(text, lo, last.start(), _CELLS_RUNS):
            m = _CELLS_RE.match(text, start)
            if m is not None:
                yield m
                done = m.end()
                break


def _last_runs(text: str, lo: int, end: int, count: int) -> list[int]:
    """The starts of the last ``count`` runs of whitespace in ``text[lo:end]`` (a run cut at ``lo`` starts there),
    looked for in the last 64 characters first: a paper's words are short."""
    near = max(lo, end - 64)
    if near > lo:
        runs = [run.start() for run in _SPACE_RE.finditer(text, near, end)]
        if len(runs) > count:  # the first run may be cut at ``near``, the last ``count`` are whole
            return runs[-count:]
    return [run.start() for run in _SPACE_RE.finditer(text, lo, end)][-count:]


_CELL_LIST_RE = re.compile(
    r"((?:[A-Za-z0-9][\w.\-/()]*(?:,\s+(?:and\s+|or\s+|but\s+not\s+)?|\s+(?:and|or|but\s+not)\s+)){0,8}"
    r"[A-Za-z0-9][\w.\-/()]*),?$"
)
_LIST_SEP_RE = re.compile(r",\s+(?:and\s+|or\s+|but\s+not\s+)?|\s+(?:and|or|but\s+not)\s+")
# labels a cell line in context wins over ("CCL4 cells", "Huh7 cells": HGNC lists Huh7 for MIR7-3HG)
_LINE_OVER = frozenset(["GENE", "GENE_FAMILY", "LNCRNA", "CELL_LINE"])
# a name after "cell line(s)": "the HCC cell line Huh7", "a cloned cell line, U1"
_AFTER_CELL_LINE_RE = re.compile(
    r"\b(?:cell\s+lines?|sub-?lines?|subclones?)(?:\s*\(\s*|\s?,?\s+(?:designated\s+|named\s+|termed\s+|called\s+|\(\s*)?)"
    r"((?:[A-Za-z0-9][\w.\-/]*[A-Za-z0-9])(?:(?:\s?,\s+(?:and\s+)?|\s+and\s+)[A-Za-z0-9][\w.\-/]*[A-Za-z0-9]){0,5})"
)
# a cell line's code that no vocabulary lists, named in apposition to "cell line(s)" or "subclones": letters and
# digits with a hyphen or a capital after the first letter ("A1-VDR", "CEM-4R4", "ICR-27", "U9-IIIB")
_LINE_CODE_RE = re.compile(r"(?=.*\d)[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Z]{2,}\d[A-Za-z0-9]*")
# after "designated", "named": any name with a capital after its first letter ("Ro-VDR")
_NAMED_CODE_RE = re.compile(r"[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?<=[A-Z0-9].)")


# a resistant subline's name: a cell line and a suffix for the drug or the resistance ("PC9/GR", "HCC827-GR",
# "SKOV3-DDP", "H1975R", "MCF7-TamR"): the cell line's length, then the suffix
_SUBLINE_RE = re.compile(r"(.{3,}?)(?:[/-](?=[A-Za-z0-9-]{1,8}$)(?=[^/]*[A-Z0-9])[A-Za-z0-9-]{1,8}|-?R\d?)$")


def _subline(name: str) -> tuple[int, Concept] | None:
    """A resistant subline Cellosaurus does not list, named after its parent line ("PC9/GR", "H1975R",
    "SKOV3-DDP"): the parent's length in ``name`` and the parent; a glued "R" ("H1975R") leaves the whole name
    (no word boundary to cut at), with the parent's identifier and the name as written."""
    m = _SUBLINE_RE.fullmatch(name)
    if m is None:
        return None
    parent = cell_line_in_context(m[1])
    if parent is None:
        return None
    if name[len(m[1]) : len(m[1]) + 1] in "/-":
        return len(m[1]), parent
    return len(name), Concept(name=name, id=parent.id, type="CELL_LINE")


def _list_start_bound(text: str, lo: int, end: int) -> int:
    """Where a list of names ending at ``end`` (``_CELL_LIST_RE``) may start at the earliest, ``lo`` or later:
    after the last whitespace in ``text[lo:end]`` that no list separator can hold (one after a comma, or before
    or after "and", "or", "but", "not"), since names hold none. Searching from there finds the same list as
    from ``lo``, without trying every position of the words before it."""
    near = max(lo, end - 48)  # the last 48 characters first; all of them where no separator-free space is there
    if near > lo:
        spaces = [space.span() for space in _SPACE_RE.finditer(text, near, end)]
        found = _separator_free_space(text, spaces[1:], end)  # the first run may be cut at ``near``
        if found is not None:
            return found
    found = _separator_free_space(text, [space.span() for space in _SPACE_RE.finditer(text, lo, end)], end)
    return lo if found is None else found


def _separator_free_space(text: str, spaces: list[tuple[int, int]], end: int) -> int | None:
    """The end of the last of ``spaces`` (runs of whitespace before ``end``) that no list separator holds."""
    for a, b in reversed(spaces):
        if b == end:
            continue  # the list's end ($ may match before a final newline)
        if (
            text[a - 1 : a] == ","
            or text.startswith(("and", "or", "but"), b)
            or text[max(0, a - 3) : a] in ("and", "but", "not")
            or text[max(0, a - 2) : a] == "or"
        ):
            continue
        return b  # the last whitespace no separator holds
    return None


def _cell_lines_in_lists(text: str, mentions: list[Mention], defined: frozenset[str] = frozenset()) -> list[Mention]:
    """Cell lines before "cells" and in lists ending so: each listed name that Cellosaurus knows becomes a
    CELL_LINE, also where a stricter reading left it out or took it for a gene ("CCL4 cells")."""
    added: list[Mention] = []
    blocking = _Overlaps([x for x in mentions if x.label not in _LINE_OVER])  # what a cell line in context may not cut
    # before a kind of cell alone ("THP-1 monocytes") a gene stays a gene ("CD68 macrophages")
    strict = _Overlaps([x for x in mentions if x.label != "CELL_LINE"])
    for cells in cells_matches(text):
        kind_only = _CELL_KIND_END_RE.search(cells[0]) is not None
        lo = _list_start_bound(text, max(0, cells.start() - 160), cells.start())
        m = _CELL_LIST_RE.search(text, lo, cells.start())
        if m is None:
            continue
        pos = m.start(1)
        for part in _LIST_SEP_RE.split(m[1]):
            start = text.find(part, pos)
            end = start + len(part)
            pos = end
            name = part.rstrip(".,;:()-")
            end = start + len(name)
            if not name or name in defined:  # "soft tissue sarcoma (STS) cells"
                continue
            # a name with a space ("RAW 264.7 cells", "MDA-MB 231 cells"): with the word before it, where that
            # names a line; a number alone only a human cancer line's own name ("5637 cells", not "231")
            before = re.search(r"([A-Za-z][\w\-]*) $", text[max(0, start - 20) : start])
            concept = cell_line_in_context(before[1] + " " + name) if before is not None else None
            if concept is not None and before is not None:
                start -= len(before[0])
                name = text[start:end]
            elif not name.isdigit() or numbered_cancer_line(name):
                concept = cell_line_in_context(name)
            if concept is None and (sub := _subline(name)) is not None:
                base_length, concept = sub  # "PC9/GR cells": PC9 (the subline's name is read by relate)
                name = name[:base_length]
                end = start + base_length
            if concept is None:
                continue
            if blocking(start, end) or (kind_only and strict(start, end)):
                continue
            added.append(Mention(start, end, name, "CELL_LINE", concept))
    for after in _AFTER_CELL_LINE_RE.finditer(text):
        pos = after.start(1)
        for part in _ITEM_SEP_RE.split(after[1]):
            start = text.find(part, pos)
            name, end = part, start + len(part)
            pos = end
            if name in defined or any(x.start < end and start < x.end for x in added):
                continue
            concept = cell_line_in_context(name)
            if concept is not None and not any(c.isdigit() or c.isupper() for c in name[1:]):
                concept = None
            named = re.search(
                r"(?:designated|named|termed|called)\s+$", text[max(0, after.start(1) - 12) : after.start(1)]
            )
            code = _LINE_CODE_RE.fullmatch(name) or (named and _NAMED_CODE_RE.fullmatch(name) and len(name) >= 3)
            if concept is None and code and lookup(name) is None:
                concept = Concept(name=name, id=None, type="CELL_LINE")  # "In a fourth cell line, A1-VDR, ..."
            if concept is None or blocking(start, end):
                continue
            added.append(Mention(start, end, name, "CELL_LINE", concept))
    if not added:
        return mentions
    replaced = _Overlaps(added)
    kept = [x for x in mentions if not replaced(x.start, x.end)]
    return sorted(kept + added, key=lambda x: (x.start, x.end))


# a long form that describes cells or a cell culture: "human proximal tubular epithelial cell (HK-2)", "mouse colon
# cancer (CMT-93)"
_CELL_LONG_FORM_RE = re.compile(
    r"(?:\bcells?|\bcell\s+lines?|\blines?|\bcultures?|cancer|carcinoma|tumou?r|hepatoma|lymphoma|melanoma|sarcoma"
    r"|glioma|leuka?emia)$",
    re.IGNORECASE,
)


# "\b" first: tried inside a word, the plain form costs a step per letter it backtracks over (the same matches:
# one found inside a word is found from the word's start)
_CELL_PAREN_RE = re.compile(r"\b(\w+(?:\s+in\s+primary\s+culture)?)\s+\(([A-Za-z][A-Za-z0-9.\-/]{1,12}[A-Za-z0-9])\)")


def _word_start(text: str, end: int, floor: int) -> int:
    """Where the run of word characters (re's ``\\w``) ending at ``end`` starts, not before ``floor``."""
    k = end
    while k > floor and (text[k - 1].isalnum() or text[k - 1] == "_"):
        k -= 1
    return k


def _space_start(text: str, end: int, floor: int) -> int:
    k = end
    while k > floor and text[k - 1].isspace():
        k -= 1
    return k


def cell_paren_matches(text: str) -> Iterator[re.Match[str]]:
    """``_CELL_PAREN_RE.finditer(text)``, tried only at the word before each "(" that follows a space (and at the
    word before "in primary culture" there): a match starts at one of those two, and only there."""
    done = 0
    at = text.find("(")
    while at >= 0:
        space = _space_start(text, at, done)
        if space < at:
            word = _word_start(text, space, done)
            starts = [word]
            if text[word:space] == "culture":  # "... cells in primary culture (X)": from "cells", if it is so
                k = _word_start(text, _space_start(text, word, done), done)
                if text[k:word].split() == ["primary"]:
                    k = _word_start(text, _space_start(text, k, done), done)
                    if text[k : k + 2] == "in":
                        k = _word_start(text, _space_start(text, k, done), done)
                        starts.insert(0, k)
            for start in starts:
                m = _CELL_PAREN_RE.match(text, start) if start < space else None
                if m is not None:
                    yield m
                    done = m.end()
                    break
        at = text.find("(", max(at + 1, done))


def _cell_lines_defined(text: str, mentions: list[Mention], definitions: list[Definition]) -> list[Mention]:
    """A Cellosaurus name the paper defines by a description of cells ("... epithelial cell (HK-2)") is that cell
    line wherever it is used; where the description is a disease ("mouse colon cancer (CMT-93)"), only a name
    with a digit (never "NSCLC", "HCC")."""
    added: list[Mention] = []
    # the detector's definitions, and any name in brackets right after such a description (its letters need not
    # spell the description: "HK-2")
    shorts = {d.short: d.long.strip() for d in definitions if _CELL_LONG_FORM_RE.search(d.long.strip())}
    for m in cell_paren_matches(text):
        shorts.setdefault(m[2], m[1])
    blocking = _Overlaps([x for x in mentions if x.label not in _LINE_OVER])  # what a cell line may not cut
    for short, long_form in shorts.items():
        if not _CELL_LONG_FORM_RE.search(long_form):
            continue
        if is_disease_name(long_form) and not any(c.isdigit() for c in short):
            continue
        concept = cell_line_in_context(short)
        if concept is None:
            continue
        for m in _word_regex(short).finditer(text):
            if blocking(m.start(), m.end()):
                continue
            added.append(Mention(m.start(), m.end(), short, "CELL_LINE", concept))
    if not added:
        return mentions
    replaced = _Overlaps(added)
    kept = [x for x in mentions if not replaced(x.start, x.end)]
    return sorted(kept + added, key=lambda x: (x.start, x.end))


_LIGAND_LABELS = frozenset(["DRUG"])


def _symbols_in_context(text: str, mentions: list[Mention], defined: frozenset[str]) -> list[Mention]:
    """Ambiguous gene symbols (``symbols_in_context`` in the pattern file: "MET") as the gene where a gene word
    is next to them ("the oncogene MET", "MET amplification"), written exactly as the symbol, overlapping no
    other mention and not defined by the paper (``defined``: its definitions' short forms say what they are)."""
    sic = load_patterns().symbols_in_context
    if sic is None or not any(symbol in text for symbol in sic.symbols):
        return mentions
    added: list[Mention] = []
    taken = _Overlaps(mentions)
    for symbol in sorted(sic.symbols - defined):
        for m in _word_regex(symbol).finditer(text):
            start, end = m.start(), m.end()
            if taken(start, end):
                continue
            if not (sic.before.search(text, max(0, start - 20), start) or sic.after.match(text[end : end + 40])):
                continue
            concept = _symbol_concept(symbol)
            if concept is not None:
                added.append(Mention(start, end, symbol, "GENE", concept))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda x: (x.start, x.end))


# a word written like an approved symbol: capitals and digits, two to seven characters, a capital first
_SYMBOL_SHAPE_RE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,6}(?![\w]|-\d|/\d)")


def _defined_otherwise(definitions: list[Definition], glossary: dict[str, str]) -> frozenset[str]:
    """The short forms the paper defines as something other than a gene: a disease ("gastric cancer (GC)"), an
    entity of another kind, or a phrase that names no protein ("homologous recombination (HR)", "hazard ratio
    (HR)"); not those whose long form names a protein no lexicon knows ("vasoactive intestinal polypeptide")."""
    pairs = [(d.short, d.long) for d in definitions] + list(glossary.items())
    out = set()
    for short, long_form in pairs:
        hit = _long_form_policy(short, long_form)
        if (
            hit is _NEVER
            or (hit is not None and hit is not _KEEP and hit[0] not in _GENE_LABELS)
            or (hit is None and not is_protein_name(long_form))
        ):
            out.add(short)
    return frozenset(out)


# "group II", "type IV": a Roman numeral is no symbol
_ROMAN_RE = re.compile(r"[IVX]+")
# "GH insensitivity", "FH deficiency": the symbol as part of a disease's name
_DISEASE_AFTER_RE = re.compile(r"\s+(?:deficiency|insensitivity|syndrome)\b")
# a list separator between two items: ", ", " and ", ", and ", "/" never (a complex, "SP7/OSX", is a name)
_ITEM_SEP_RE = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")
_ITEM_SEP_BEFORE_RE = re.compile(f"(?:{_ITEM_SEP_RE.pattern})$")  # the separator that ends a text


def _gene_neighbours(text: str, start: int, end: int, by_start: dict[int, Mention], by_end: dict[int, Mention]) -> int:
    """How many of the items next to ``text[start:end]`` in a list (two before, two after) are gene mentions
    (``by_start``, ``by_end``: the gene mentions by where they start and end): "(CAT, SOD1, SOD2, GPX1)",
    "lipolysis (ATGL, HSL, CGI-58)"."""
    count = 0
    pos = end
    for _ in range(2):  # after
        sep = _ITEM_SEP_RE.match(text, pos)
        if sep is None or sep.end() not in by_start:
            break
        count += 1
        pos = by_start[sep.end()].end
    pos = start
    for _ in range(2):  # before
        window = text[max(0, pos - 12) : pos]
        sep = _ITEM_SEP_BEFORE_RE.search(window)
        if sep is None:
            break
        at = pos - (len(window) - sep.start())
        if at not in by_end:
            break
        count += 1
        pos = by_end[at].start
    return count


def _symbols_by_discourse(text: str, mentions: list[Mention], defined: frozenset[str]) -> list[Mention]:
    """Approved gene symbols the lexicon alone does not take ("FH", "AR", "TS": two letters; "CAT", "VIP": an
    ordinary word), taken as the gene in the whole paper (one sense per discourse) once one of their mentions
    stands where only a gene stands: a gene word next to it ("the FH gene", "AR-binding sites", "mutations of
    TS"; ``discourse_before`` / ``discourse_after`` in the pattern file), or an item of a list whose neighbours
    are genes ("(CAT, SOD1, SOD2)"). Never a short form the paper defines as something else (``defined``)."""
    sic = load_patterns().symbols_in_context
    if sic is None or sic.discourse_after is None or sic.discourse_before is None:
        return mentions
    taken = _Overlaps(mentions)
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _SYMBOL_SHAPE_RE.finditer(text):
        if m.group() not in defined and not taken(m.start(), m.end()):
            spans.setdefault(m.group(), []).append(m.span())
    genes = [m for m in mentions if m.label == "GENE"]
    by_start, by_end = {m.start: m for m in genes}, {m.end: m for m in genes}
    added: list[Mention] = []
    for symbol, places in spans.items():
        concept = _discourse_concept(symbol)
        if concept is None or _ROMAN_RE.fullmatch(symbol):
            continue
        places = [(start, end) for start, end in places if not _DISEASE_AFTER_RE.match(text, end)]
        if not any(
            sic.discourse_before.search(text, max(0, start - 30), start)
            or sic.discourse_after.match(text[end : end + 40])
            or _gene_neighbours(text, start, end, by_start, by_end) >= 2
            for start, end in places
        ):
            continue
        added.extend(Mention(start, end, symbol, "GENE", concept) for start, end in places)
    added.extend(_aliases_beside_genes(text, genes, taken, defined))
    if not added:
        return mentions
    added = sorted(set(added), key=lambda x: (x.start, x.end))
    kept: list[Mention] = []
    for found in added:  # an alias and a symbol found at one place: the first
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return sorted(mentions + kept, key=lambda x: (x.start, x.end))


# "ETV6 (TEL)", "SP7/OSX", "TEL (ETV6)": another name of the gene beside it, in brackets or after a slash
_ALIAS_AFTER_RE = re.compile(r"\s?(?:\(\s?|/)([A-Za-z][A-Za-z0-9-]{1,9})(?=\s?[),;]|\s|$)")
_ALIAS_BEFORE_RE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9-]{1,9})\s?(?:\(\s?|/)$")


def _aliases_beside_genes(text: str, genes: list[Mention], taken: _Overlaps, defined: frozenset[str]) -> list[Mention]:
    """Another name of a gene written beside it ("ETV6 (TEL)", "SP7/OSX", "TEL (ETV6)": a previous symbol or an
    alias of the same gene that the lexicon alone does not take), taken as that gene in the whole paper."""
    lexicon = load_lexicon("genes")
    found: dict[str, Concept] = {}
    for g in genes:
        after = _ALIAS_AFTER_RE.match(text, g.end)
        before = _ALIAS_BEFORE_RE.search(text, max(0, g.start - 12), g.start)
        for m in (after, before):
            if m is None:
                continue
            alias = m.group(1)
            if alias in defined or alias in found or not any(c.isupper() for c in alias) or taken(*m.span(1)):
                continue
            if any(
                e.canonical == g.concept.name and e.rank <= RANK["alias"] and e.text == alias
                for e in lexicon.folded(alias)
            ):
                found[alias] = g.concept
    out: list[Mention] = []
    for alias, concept in found.items():
        for m in _word_regex(alias).finditer(text):
            if not taken(m.start(), m.end()):
                out.append(Mention(m.start(), m.end(), alias, "GENE", concept))
    return out


@lru_cache(maxsize=1024)
def _discourse_concept(symbol: str) -> Concept | None:
    """The one gene ``symbol`` names as written, as its approved symbol, a previous symbol or an alias (not an
    alias that ``models/lexicons/ambiguous.tsv`` keeps from standing alone)."""
    entry = load_lexicon("genes").resolve(symbol, max_rank=RANK["alias"], case_sensitive=True)
    if entry is None or entry.text != symbol:
        return None
    if entry.kind == "alias" and symbol.lower() in ambiguous_forms().get("genes", ()):
        return None  # "M6A": an alias of METTL3, but papers mean the mark N6-methyladenosine
    return Concept(name=entry.canonical, id=entry.identifier or None, type=gene_category_type(entry))


@lru_cache(maxsize=64)
def _symbol_concept(symbol: str) -> Concept | None:
    """The gene whose approved symbol ``symbol`` is, as written."""
    entry = next((e for e in load_lexicon("genes").folded(symbol) if e.text == symbol and e.kind == "symbol"), None)
    return (
        None
        if entry is None
        else Concept(name=entry.canonical, id=entry.identifier or None, type=gene_category_type(entry))
    )


def _receptor_phrases(text: str, mentions: list[Mention]) -> list[Mention]:
    """Receptors and transporters named by their ligand (``receptor_phrases`` in the pattern file): "serotonin
    transporter", "dopamine D2 receptor" (one gene), "muscarinic receptors" (a family). The ligand's own
    mention (a drug, or a gene such as GnRH in "GnRH receptor") becomes part of the receptor's."""
    rp = load_patterns().receptors
    if rp is None:
        return mentions
    by_end = {m.end: m for m in mentions}
    drop: set[int] = set()
    added: list[Mention] = []
    for head in rp.head.finditer(text):
        if any(m.start < head.end() and head.start() < m.end for m in mentions):
            continue  # already a name ("estrogen receptor", "T-cell receptor" excluded by its pattern)
        pos = head.start()
        ligand: Mention | None = None
        start = -1
        for _ in range(3):
            gap = len(text[:pos]) - len(text[:pos].rstrip(" -"))
            if gap > 2:
                break
            at = pos - gap
            if at in by_end:
                if by_end[at].label not in _LIGAND_LABELS:
                    break  # a gene's own name ("HER2 receptor" is HER2), a cell, a vesicle
                ligand = by_end[at]
                start = ligand.start
                break
            adjective = rp.ligand_adjective.search(text, max(0, at - 30), at)
            if adjective and gap and adjective.end() == at:
                start = adjective.start()
                break
            symbol = rp.ligand_symbol.search(text, max(0, at - 12), at)
            if symbol is not None and (
                symbol.end() != at or any(m.start < at and symbol.start() < m.end for m in mentions)
            ):
                symbol = None
            subtype = rp.subtype.search(text, max(0, at - 12), at)
            if subtype and subtype.end() == at and gap:
                if symbol is not None:  # "D2 receptor" unless a ligand precedes ("dopamine D2")
                    ligand = Mention(symbol.start(), at, symbol.group(), "GENE", Concept(name=symbol.group()))
                    start = symbol.start()
                pos = subtype.start()
                continue
            if symbol is not None:
                ligand = Mention(symbol.start(), at, symbol.group(), "GENE", Concept(name=symbol.group()))
                start = symbol.start()
            break
        if start < 0:
            continue
        prefix = rp.prefix.search(text, max(0, start - 8), start)
        if prefix:
            start = prefix.start()
        if any(m.start < start < m.end for m in mentions):
            continue  # the phrase would cut another mention
        phrase = text[start : head.end()]
        plural = head.group().lower().endswith("s")
        label = "GENE" if ligand is not None and not plural else "GENE_FAMILY"
        name = re.sub(r"\s+", " ", phrase if label == "GENE" else singular(phrase))
        concept = Concept(name=name, type="protein" if label == "GENE" else "family")
        drop.update(k for k, m in enumerate(mentions) if start <= m.start and m.end <= head.end())
        added.append(Mention(start, head.end(), phrase, label, concept))
    if not added:
        return mentions
    kept = [m for k, m in enumerate(mentions) if k not in drop]
    return sorted(kept + added, key=lambda x: (x.start, x.end))


@lru_cache(maxsize=1)
def _regimen_table() -> tuple[re.Pattern[str] | None, dict[str, tuple[Concept, ...]]]:
    """``models/lexicons/regimens.tsv``: a regimen's name ("FOLFOX", also "mFOLFOX6", "FOLFOX-4") and the
    drugs it gives, each normalised through the drug lexicon."""
    path = models_dir() / "lexicons" / "regimens.tsv"
    if not path.exists():
        return None, {}
    drugs: dict[str, tuple[Concept, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) < 2 or line.startswith("#"):
            continue
        concepts = []
        for name in parts[1].split("|"):
            hit = lookup(name)
            if hit is None or hit[0] != "DRUG":
                raise LexiconError("regimens", f"{parts[0]}: {name!r} is no drug of the drug lexicon")
            concepts.append(hit[1])
        drugs[parts[0]] = tuple(concepts)
    names = "|".join(re.escape(n) for n in sorted(drugs, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])m?({names})(?:-?\d{{1,2}})?(?!\w)"), drugs


def _regimens(text: str, mentions: list[Mention]) -> list[Mention]:
    """A regimen's name is a mention of all its drugs ("mFOLFOX6": leucovorin, fluorouracil, oxaliplatin)."""
    regex, drugs = _regimen_table()
    if regex is None:
        return mentions
    added: list[Mention] = []
    for m in regex.finditer(text):
        overlapping = [x for x in mentions if x.start < m.end() and m.start() < x.end]
        if any(x.start < m.start() or x.end > m.end() for x in overlapping):
            continue  # a longer name around it
        first, *rest = drugs[m.group(1)]
        added.append(Mention(m.start(), m.end(), m.group(), "DRUG", first, also=tuple(rest)))
    if not added:
        return mentions
    kept = [x for x in mentions if not any(a.start <= x.start and x.end <= a.end for a in added)]  # "CHOP" of R-CHOP
    return sorted(kept + added, key=lambda x: (x.start, x.end))


# a short form in brackets right after a list of drugs: the paper's own name for the regimen ("vincristine,
# doxorubicin (adriamycin) and dexamethasone (VAD)", "methotrexate, doxorubicin and cisplatin (MAP)")
_REGIMEN_SHORT_RE = re.compile(r"\s*\(([A-Z][A-Za-z0-9+/-]{1,9})\)")
_DRUG_LIST_GAP_RE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:,\s*(?:and\s+|plus\s+)?|\s+(?:and|plus|with|(?:in\s+)?combined\s+with|in\s+combination\s+with)\s+)$"
)


def _defined_regimens(text: str, mentions: list[Mention]) -> list[Mention]:
    """A short form the paper defines by a list of two or more drugs names them all, wherever it is used."""
    # a drug's other name in brackets right after it ("doxorubicin (adriamycin)") is no item of the list
    drugs = [
        m
        for k, m in enumerate(mentions)
        if m.label == "DRUG"
        and not (
            k and mentions[k - 1].label == "DRUG" and re.fullmatch(r"\s*\(\s*", text[mentions[k - 1].end : m.start])
        )
    ]
    defined: dict[str, tuple[Concept, ...]] = {}
    regimens, _ = _regimen_table()
    for k, last in enumerate(drugs):
        paren = _REGIMEN_SHORT_RE.match(text, last.end)
        if paren is None or paren[1] in defined:
            continue
        listed = [last]
        for before in reversed(drugs[:k]):  # the drugs before it, each joined to the next by a list separator
            if not _DRUG_LIST_GAP_RE.fullmatch(text, before.end, listed[0].start):
                break
            listed.insert(0, before)
        concepts = tuple(dict.fromkeys(c for m in listed for c in (m.concept, *m.also)))
        known = lookup(paren[1])
        if known is not None and known[0] in ("DRUG", "DRUG_CLASS"):
            continue  # "5-fluorouracil and oxaliplatin (L-OHP)": the last drug's own short form
        if regimens is not None and regimens.fullmatch(paren[1]):
            continue  # "(R-CHOP)": a regimen the lexicon knows keeps its own drugs
        if len(listed) >= 2 and len(concepts) >= 2:
            defined[paren[1]] = concepts
    if not defined:
        return mentions
    # the short form is the regimen wherever the paper uses it, also where a lexicon read it otherwise ("MAP")
    same = {(m.start, m.end) for m in mentions if m.text in defined}
    taken = _Overlaps([m for m in mentions if (m.start, m.end) not in same])
    added = [
        Mention(m.start(), m.end(), m.group(), "DRUG", defined[m.group()][0], also=defined[m.group()][1:])
        for m in re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w-])", text)
        if not taken(m.start(), m.end())
    ]
    if not added:
        return mentions
    replaced = {(a.start, a.end) for a in added}
    kept = [m for m in mentions if (m.start, m.end) not in replaced]
    return sorted(kept + added, key=lambda x: (x.start, x.end))


def recognise(
    text: str, definitions: list[Definition] | None = None, glossary: dict[str, str] | None = None
) -> list[Mention]:
    """Every entity mention in ``text`` (a whole paper), normalised, in reading order.

    Args:
        text: the clean text.
        definitions: the paper's "long form (SHORT)" definitions with their positions.
        glossary: short -> long forms from table and figure footnotes (no position).
    """
    definitions = sorted(definitions or [], key=lambda d: d.short_start)
    glossary = glossary or {}
    through = {d.short: d.long for d in definitions if _whole_entity(d.long) is not None}
    through.update({k: v for k, v in glossary.items() if k not in through and _whole_entity(v) is not None})
    mentions = _merge_families(text, find_mentions(text, through))
    mentions = _resolve_short_forms(text, mentions, definitions, glossary)
    mentions = _protein_short_forms(text, mentions, definitions)
    mentions = _receptor_phrases(text, mentions)
    mentions = _symbols_in_context(text, mentions, frozenset(d.short for d in definitions) | frozenset(glossary))
    mentions = _symbols_by_discourse(text, mentions, _defined_otherwise(definitions, glossary))
    mentions = _tag_long_forms(text, mentions, definitions)
    defined = frozenset(d.short for d in definitions if _whole_entity(d.long) is None or is_disease_name(d.long))
    mentions = _cell_lines_in_lists(text, mentions, defined | frozenset(glossary))
    mentions = _cell_lines_defined(text, mentions, definitions)
    mentions = _regimens(text, mentions)
    mentions = _defined_regimens(text, mentions)
    mentions = _described_cell_lines(text, mentions)
    patterns = load_patterns()
    out: list[Mention] = []
    for mention in mentions:
        following = text[mention.end : mention.end + 40]
        if any(mention.label in x.applies_to and x.following.match(following) for x in patterns.exclusions):
            continue
        if any(x.excludes(mention.label, mention.text, following) for x in patterns.text_exclusions):
            continue
        mention = _extend(text, mention, patterns.prefixes, before=True)
        mention = _extend(text, mention, patterns.suffixes, before=False)
        extended = _extend(text, mention, patterns.modifiers, before=True)
        if extended is not mention and extended.label == "CELL_TYPE":
            extended = _qualified_cell_type(extended, text[extended.start : mention.start])
        mention = extended
        mention = _mark_reagent(text, mention, patterns.reagents)
        if mention.label == "LNCRNA" or (mention.label == "GENE" and mention.concept.type == "lncRNA"):
            mention = replace(mention, label="LNCRNA")
        if mention.label == "GENE" and _capitalised_word(text, mention):
            continue
        if mention.label == "GENE" and (line := _line_over_hyphen(text, mention)) is not None:
            mention = line  # "B16-F10-bearing mice": the cell line, not the gene F10 of its name
        if mention.label == "CELL_LINE" and _glued_after_hyphen(text, mention):
            continue  # the tail of a compound's code ("DDR1-IN-1"), not a cell line of its own
        if mention.label == "GENE" and mention.text.endswith("+"):  # "HER2+": the status sign is no part of it
            mention = replace(mention, end=mention.end - 1, text=mention.text[:-1])
        # an extension may now cover mentions before it ("CD63" in "CD63+ CAFs")
        while out and out[-1].end > mention.start:
            if out[-1].end - out[-1].start > mention.end - mention.start:
                break
            out.pop()
        else:
            out.append(mention)
            continue
    return _one_mirna_name_per_id(_cell_lines_by_discourse(out))


_BARE_CELL_LINE = re.compile(r"cell[\s-]+lines?", re.IGNORECASE)
_TOKEN_BEFORE = re.compile(r"(\S+)([ \t]+)$")


def _described_cell_lines(text: str, mentions: list[Mention]) -> list[Mention]:
    """Cell lines described in words, not named ("in human multiple myeloma cell lines", "a cloned T cell
    line", "the mouse Th2 clone"): CELL_LINE mentions without an identifier, over the cell types inside them.
    The description stops before a stop word, punctuation, a number, a line break or another entity ("cisplatin-
    resistant gastric cancer cell lines": the drug stays the drug); a named line in it ("A549 cell line") keeps
    its name and no description is made (models/patterns/families.json: cell_line_descriptions)."""
    rules = load_patterns().cell_line_descriptions
    if rules is None:
        return mentions
    heads = [(m.start(), m.end()) for m in rules.heads(text)]
    for m in mentions:
        if m.label == "CELL_TYPE" and (h := rules.head_after_cell_type.match(text[m.end : m.end + 24])):
            heads.append((m.start, m.end + h.end()))
    if not heads:
        return mentions
    taken = sorted((m.start, m.end, m.label) for m in mentions)
    starts = [t[0] for t in taken]
    longest = max((e - s for s, e, _ in taken), default=0)

    def labels_over(start: int, end: int) -> set[str]:
        lo, hi = bisect_left(starts, start - longest), bisect_left(starts, end)
        return {label for s, e, label in taken[lo:hi] if e > start}

    made: list[Mention] = []
    for head_start, end in sorted(heads):
        start = head_start
        while start > 0 and not text[start - 1].isspace():  # "T-cell lines": the head's whole word
            start -= 1
        if made and made[-1].end > start:
            continue
        inside = labels_over(start, end)
        if "CELL_LINE" in inside or inside - {"CELL_TYPE"}:
            continue
        for _ in range(rules.max_words):
            before = _TOKEN_BEFORE.search(text, max(0, start - 60), start)
            if before is None:
                break
            word = before.group(1)
            if (
                rules.stop.match(word)
                or not any(c.isalpha() for c in word)
                or any(c in "()[],;:." for c in word)
                or word[0] in "\"'‘“"
            ):
                break
            over = labels_over(before.start(1), before.end(1))
            if "CELL_LINE" in over:
                start = -1
                break
            if over - {"CELL_TYPE"}:
                break
            start = before.start(1)
        if start < 0 or _BARE_CELL_LINE.fullmatch(text, start, end):
            continue  # a bare "cell line": nothing described
        phrase = text[start:end]
        made.append(Mention(start, end, phrase, "CELL_LINE", Concept(name=phrase, type="CELL_LINE")))
    if not made:
        return mentions
    kept = [m for m in mentions if not any(m.start < d.end and m.end > d.start for d in made)]
    return sorted(kept + made, key=lambda m: (m.start, -m.end))


def _one_mirna_name_per_id(mentions: list[Mention]) -> list[Mention]:
    """One name per mature miRNA in a paper: where it writes an arm ("miR-96-5p") and elsewhere the bare name
    miRBase gives the same mature accession ("Exo-miR-96"), every mention takes the arm's name."""
    named: dict[str, set[str]] = {}
    for m in mentions:
        for c in (m.concept, *m.also):
            if m.label == "MIRNA" and c.id:
                named.setdefault(c.id, set()).add(c.name)

    def fold(c: Concept) -> Concept:
        arms = {n for n in named.get(c.id or "", ()) if n != c.name and n.startswith(c.name + "-")}
        return c.model_copy(update={"name": arms.pop()}) if len(arms) == 1 else c

    return [
        replace(m, concept=fold(m.concept), also=tuple(fold(c) for c in m.also)) if m.label == "MIRNA" else m
        for m in mentions
    ]


def _cell_lines_by_discourse(mentions: list[Mention]) -> list[Mention]:
    """A name the paper uses for a cell line elsewhere ("Huh7 cells") is that cell line where a gene or RNA alias
    would read it otherwise ("Huh7-SR Exos": not the lncRNA MIR7-3HG, whose alias Huh7 is): one sense per paper."""
    lines = {m.text: m for m in mentions if m.label == "CELL_LINE"}
    for m in [m for m in mentions if m.label == "CELL_LINE"]:  # "Huh7" of the subline "Huh7-SR"
        parent = re.split(r"[-/]", m.text, maxsplit=1)[0]
        if parent != m.text and len(parent) >= 3 and any(c.isdigit() for c in parent):
            lines.setdefault(parent, m)
    if not lines:
        return mentions
    return [
        Mention(m.start, m.end, m.text, "CELL_LINE", lines[m.text].concept)
        if m.label in ("GENE", "LNCRNA") and m.text in lines
        else m
        for m in mentions
    ]
