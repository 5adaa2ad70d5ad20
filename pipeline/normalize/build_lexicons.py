"""Build the committed lexicons in ``models/lexicons/`` from the open vocabularies.

The sources (HGNC, miRBase v22, Cellosaurus, Cell Ontology, DrugBank open vocabulary, HMS LINCS) are described
with their licences in ``../shared/vocab/SOURCES.md``; a user's machine never needs them, only the TSV files this
module writes. Run ``evminer build-lexicons --vocab ../shared/vocab`` to rebuild.

Every lexicon file has the same columns::

    text  canonical  identifier  category  kind  source  key

``key`` is the form's :func:`~pipeline.normalize.lexicon.fold_key`, computed once here so that loading is
fast. ``kind`` says how trustworthy a surface form is (``symbol`` > ``previous``/``alias``/``name``), which the
normaliser uses to break ties and to decide whether a short, word-like form may stand alone.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.normalize.lexicon import fold_key

logger = logging.getLogger(__name__)

COLUMNS = ("text", "canonical", "identifier", "category", "kind", "source", "key")
Row = tuple[str, str, str, str, str, str]

_GENE_CATEGORY = {
    "gene with protein product": "protein",
    "RNA, long non-coding": "lncRNA",
    "RNA, micro": "miRNA",
    "RNA, circular": "circRNA",
    # the small non-coding RNAs vesicles carry beside miRNAs: snoRNAs (SNORD17), Y RNAs (RNY4, "hY4"), vault RNAs
    # (VTRNA1-1), snRNAs (RN7SK), 7SL RNAs, piRNA clusters and the rest HGNC files as "misc" (RMRP, RPPH1)
    "RNA, small nucleolar": "ncRNA",
    "RNA, Y": "ncRNA",
    "RNA, vault": "ncRNA",
    "RNA, small nuclear": "ncRNA",
    "RNA, small cytoplasmic": "ncRNA",
    "RNA, cluster": "ncRNA",
    "RNA, misc": "ncRNA",
}


_TRANSCRIPT_NAME_RE = re.compile(r"antisense|non-protein coding|non-coding|\btranscript\b|differentially expressed")


def _unknown_locus_category(name: str) -> str:
    """A locus HGNC (2018) left of unknown type: a non-coding transcript where its name says so ("BCL6 antisense 1",
    "colorectal neoplasia differentially expressed": CRNDE, a lncRNA studied in vesicles), else a gene named by its
    product ("chromosome 1 open reading frame 134", "double homeobox 1")."""
    return "lncRNA" if _TRANSCRIPT_NAME_RE.search(name) else "protein"


# the other names of a small non-coding RNA kept in the lexicon: those written only of it ("hY4" of RNY4, "vtRNA1-1",
# "nc886", "SNORD3A"-style symbols), not the short letters and numbers other things share ("E2", "U1", "TR")
_SMALL_RNA_FORM_RE = re.compile(r"^(?:h?Y\d|vtRNA\d|nc\d{3}|(?:SNOR[AD]|SCARNA|RNU|RN7S|RNY|VTRNA)[\dA-Z-]+$)")


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path), encoding="utf-8")
    return path.open(encoding="utf-8")


def _split_multi(value: str) -> list[str]:
    value = value.strip().strip('"')
    return [v.strip() for v in value.split("|") if v.strip()] if value else []


def gene_rows(hgnc_complete: Path) -> Iterator[Row]:
    """Approved HGNC genes (protein-coding, lncRNA, miRNA) with previous and alias symbols and names."""
    with _open_text(hgnc_complete) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["status"] != "Approved":
                continue
            category = _GENE_CATEGORY.get(rec["locus_type"])
            if category is None and rec["locus_type"] == "unknown":
                category = _unknown_locus_category(rec["name"])
            if category is None:
                continue
            symbol, hgnc_id = rec["symbol"], rec["hgnc_id"]
            yield (symbol, symbol, hgnc_id, category, "symbol", "HGNC")
            yield (rec["name"], symbol, hgnc_id, category, "name", "HGNC")
            small_rna = category == "ncRNA"  # "E2", "U1", "TR", "CHH": words of other things before these RNAs
            for prev in _split_multi(rec["prev_symbol"]):
                if not small_rna or _SMALL_RNA_FORM_RE.match(prev):
                    yield (prev, symbol, hgnc_id, category, "previous", "HGNC")
            for alias in _split_multi(rec["alias_symbol"]):
                if not small_rna or _SMALL_RNA_FORM_RE.match(alias):
                    yield (alias, symbol, hgnc_id, category, "alias", "HGNC")
            # the CD designation (CD25 -> IL2RA) is the nomenclature's own, above aliases that reuse it (ISG20)
            for cd in _split_multi(rec.get("cd", "")):
                yield (cd, symbol, hgnc_id, category, "previous", "HGNC-CD")
            for name in _split_multi(rec["alias_name"]) + _split_multi(rec["prev_name"]):
                yield (name, symbol, hgnc_id, category, "name", "HGNC")


def gene_table_rows(hgnc_complete: Path, hgnc_table: Path) -> Iterator[Row]:
    """Older and variant symbols of approved genes that HGNC's own file no longer lists (HGNChelper's table:
    "MNSOD" of SOD2, "TRBETA" of THRB, "TOP2ALPHA" of TOP2A), as aliases of the gene they map to."""
    known: set[str] = set()
    approved: dict[str, tuple[str, str]] = {}
    for row in gene_rows(hgnc_complete):
        known.add(fold_key(row[0]))
        if row[4] == "symbol":
            approved[row[0]] = (row[2], row[3])
    with _open_text(hgnc_table) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            form, symbol = rec["Symbol"], rec["Approved.Symbol"]
            key = fold_key(form)
            if symbol in approved and len(key) >= 3 and key not in known and approved[symbol][1] != "ncRNA":
                known.add(key)
                hgnc_id, category = approved[symbol]
                yield (form, symbol, hgnc_id, category, "alias", "HGNChelper")


# The one word a gene's name is known by: "fibronectin" of "fibronectin 1" (FN1) when no other gene's name is that
# word with a number; "nephrin" of "NPHS1, nephrin" and of "nephrosis 1, congenital, Finnish type (nephrin)".
_NAME_NUMBER_RE = re.compile(r"([a-z]{3,}(?:in|ase)) \d{1,2}")
_NAME_WORD_RE = re.compile(r"(?:^[A-Z0-9\-]+, |\()([a-z]{3,}(?:in|ase))\)?$")
_NOT_A_NAME_WORD = frozenset(
    [
        "protein",
        "factor",
        "member",
        "domain",
        "subunit",
        "family",
        "homolog",
        "receptor",
        "containing",
        "kinase",
        "antigen",
        "complex",
        "component",
        "molecule",
        "open",
        "proteinase",
        "protein",
        "phosphatase",
        "ligase",
        "transferase",
        "reductase",
        "oxidase",
        "synthase",
        "hydrolase",
        "peptidase",
        "protease",
        "lipase",
        "helicase",
        "nuclease",
        "oncoprotein",
        "phosphodiesterase",
        "deoxyribonuclease",
        "ribonuclease",
        "cyclooxygenase",
        "collagenase",
        "peroxin",
    ]
)


def gene_name_word_rows(hgnc_complete: Path) -> Iterator[Row]:
    """The single words that name one protein-coding gene (see _NAME_NUMBER_RE), as kind ``name``."""
    numbered: dict[str, set[tuple[str, str]]] = {}
    firsts: dict[str, set[tuple[str, str]]] = {}  # genes by their names' first word: "kinesin" names many
    whole: set[str] = set()  # names a gene has as they stand ("calreticulin" of CALR, not of CALR3)
    with _open_text(hgnc_complete) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["status"] != "Approved" or rec["locus_type"] != "gene with protein product":
                continue
            gene = (rec["symbol"], rec["hgnc_id"])
            for name in [rec["name"], *_split_multi(rec["prev_name"]), *_split_multi(rec["alias_name"])]:
                whole.add(name.lower())
                first = name.split(" ", 1)[0].lower()
                firsts.setdefault(first, set()).add(gene)
                for regex in (_NAME_NUMBER_RE, _NAME_WORD_RE):
                    m = regex.fullmatch(name) if regex is _NAME_NUMBER_RE else regex.search(name)
                    if m and m[1] not in _NOT_A_NAME_WORD:
                        numbered.setdefault(m[1], set()).add(gene)
    for word, genes in sorted(numbered.items()):
        if len(genes) == 1 and word not in whole and firsts.get(word, genes) <= genes:
            symbol, hgnc_id = next(iter(genes))
            yield (word, symbol, hgnc_id, "protein", "name", "HGNC")


# An integrin subunit as papers name it: HGNC's "integrin subunit beta 1" (ITGB1) is "integrin beta 1", "integrin
# β1", "β1 integrin" in text (the folded key makes the Greek letter and its name, spaces and hyphens one form).
_INTEGRIN_RE = re.compile(r"integrin subunit (alpha|beta) (\w{1,3})")


def integrin_rows(hgnc_complete: Path) -> Iterator[Row]:
    """The paper forms of the integrin subunits' names, as kind ``name``."""
    with _open_text(hgnc_complete) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["status"] != "Approved" or rec["locus_type"] != "gene with protein product":
                continue
            m = _INTEGRIN_RE.fullmatch(rec["name"])
            if m:
                chain, number = m.groups()
                # the number glued to the letter too, as "integrin β1" is written (two words, as the text has)
                for form in (f"integrin {chain} {number}", f"integrin {chain}{number}", f"{chain}{number} integrin"):
                    yield (form, rec["symbol"], rec["hgnc_id"], "protein", "name", "HGNC")


# A family named by the stem its members' symbols share ("AKT" of AKT1-3, "SMAD" of SMAD1-9, "ERK" of the aliases
# ERK1/ERK2) or by the words their names share ("caspase" of "caspase 3", "claudin" of "claudin 1", "NADPH
# oxidase" of "NADPH oxidase 1"): the stem followed by a number (and a letter) or a Greek letter. Stems of aliases
# ("HCC" of HCC1/HCC2, "CDG" of CDG1) name diseases and cell lines as often as families: the few common alias
# families (ERK, JNK, MEK) are curated in the supplement instead.
_SYMBOL_STEM_RE = re.compile(r"([A-Za-z][A-Za-z]*[A-Za-z])-?(\d{1,2}[A-Za-z]?)")
_NAME_STEM_RE = re.compile(
    r"(.+?)(?:\s+(?:\d{1,2}[A-Za-z]?|[A-Z]\d{0,2}[A-Za-z]?|alpha|beta|gamma|delta|epsilon|zeta|eta|theta|kappa))+"
)


def gene_family_rows(hgnc_complete: Path) -> Iterator[Row]:
    """Gene families named by a shared symbol stem or name stem (see _SYMBOL_STEM_RE): two or more approved
    protein-coding genes share the stem and either an HGNC gene group or the other stem too (NOS1-3 are
    "nitric oxide synthase 1-3"). The canonical name is the stem; the identifier lists the HGNC gene groups
    its members share."""
    stems: dict[tuple[str, str], list[tuple[set[str], str]]] = {}
    with _open_text(hgnc_complete) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["status"] != "Approved" or rec["locus_type"] != "gene with protein product":
                continue
            groups = set(_split_multi(rec["gene_family_id"]))
            sym = _SYMBOL_STEM_RE.fullmatch(rec["symbol"])
            sym_stem = sym[1] if sym and len(sym[1]) >= 3 and sym[1].isupper() else ""
            name = _NAME_STEM_RE.fullmatch(rec["name"])
            name_stem = name[1] if name and len(name[1]) >= 4 else ""
            if sym_stem:
                stems.setdefault((sym_stem, "symbol"), []).append((groups, name_stem))
            if name_stem:
                stems.setdefault((name_stem, "name"), []).append((groups, sym_stem))
    for (stem, kind), members in sorted(stems.items()):
        if len(members) < 2:
            continue
        shared: dict[str, int] = {}
        for groups, _ in members:
            for g in groups:
                shared[g] = shared.get(g, 0) + 1
        common = sorted(g for g, n in shared.items() if n >= 2)
        other: dict[str, int] = {}
        for _, o in members:
            if o:
                other[o] = other.get(o, 0) + 1
        if not common and not any(n >= 2 for n in other.values()):
            continue
        ident = "|".join(f"HGNC-group:{g}" for g in common)
        yield (stem, stem, ident, "family", kind, "HGNC")


def mirna_rows(mature_history: Path) -> Iterator[Row]:
    """Human mature miRNAs of miRBase v22 under their current and previous names, species prefix dropped."""
    with _open_text(mature_history) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            name = rec["name_v22"].removeprefix("hsa-")
            yield (name, name, rec["mimat_id"], "miRNA", "symbol", "miRBase22")
            for prev in _split_multi(rec["previous_names_v6_v21"]):
                prev = prev.removeprefix("hsa-")
                # An old arm-less name ("miR-21") stays as written: it names what the paper names.
                yield (prev, prev, rec["mimat_id"], "miRNA", "previous", "miRBase22")


_DRUG_SYNONYM_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,'()\-+./]{2,60}$")


def drug_category(rec: dict[str, str]) -> str:
    """small_molecule (a structure is given), biologic (an old DrugBank accession or a CAS number but no
    structure), or extract (none of these: allergenic extracts and foods such as "Date", "Apple", which must
    not match running text)."""
    if rec.get("Standard InChI Key", "").strip():
        return "small_molecule"
    if rec.get("Accession Numbers", "").strip().strip('"') or rec.get("CAS", "").strip():
        return "biologic"
    return "extract"


def drug_rows(drugbank_csv: Path, lincs_json: Path) -> Iterator[Row]:
    """DrugBank open-vocabulary names and synonyms; HMS LINCS names ("Adriamycin", "Taxol") joined by name."""
    by_name: dict[str, tuple[str, str]] = {}
    with drugbank_csv.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            canonical = rec["Common name"].strip().lower()
            db_id = rec["DrugBank ID"]
            if not canonical:
                continue
            names = [rec["Common name"].strip()] + [s.strip() for s in rec["Synonyms"].split(" | ")]
            category = drug_category(rec)
            for i, name in enumerate(n for n in names if n):
                if i and not _DRUG_SYNONYM_OK.match(name):
                    continue
                by_name.setdefault(name.lower(), (canonical, db_id))
                yield (name, canonical, db_id, category, "symbol" if i == 0 else "alias", "DrugBank")
    lincs = json.loads(lincs_json.read_text(encoding="utf-8"))
    for rec in lincs.values():
        names = [rec["Name"]] + [n.strip() for n in rec.get("Alternative Names", "").split(";")]
        names = [n for n in names if n and _DRUG_SYNONYM_OK.match(n)]
        hit = next((by_name[n.lower()] for n in names if n.lower() in by_name), None)
        canonical, ident = hit if hit else (rec["Name"].lower(), f"LINCS:{rec['LINCS ID']}")
        for name in names:
            if name.lower() not in by_name:
                yield (name, canonical, ident, "small_molecule", "alias", "LINCS")


def cell_line_rows(cellosaurus_names: Path) -> Iterator[Row]:
    """Cell lines of Cellosaurus under all their names: human ones (2020 human flag, or listed by DepMap/BHKLAB)
    and, as category ``other_species``, the rest (mouse RAW 264.7, rat H9c2, monkey COS-7 are common in papers)."""
    with _open_text(cellosaurus_names) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["name_type"] not in ("label", "synonym"):
                continue
            human = rec["human_2020"] == "Y" or rec["depmap_id"] or rec["disease_bhklab"]
            kind = "symbol" if rec["name_type"] == "label" else "alias"
            disease = rec["disease_bhklab"] or rec["depmap_primary_disease"]
            yield (
                rec["name"],
                rec["recommended_name"],
                rec["cvcl_id"],
                ("cancer" if disease else "cell_line") if human else "other_species",
                kind,
                "Cellosaurus",
            )


def cell_type_rows(cl_synonyms: Path) -> Iterator[Row]:
    """Cell Ontology labels with exact and related synonyms (broad/narrow ones name other kinds)."""
    with _open_text(cl_synonyms) as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["deprecated"] == "True" or not rec["cl_id"].startswith("CL:"):
                continue
            kind = {"LABEL": "symbol", "EXACT": "alias", "RELATED": "name"}.get(rec["text_type"])
            if kind is None or "_" in rec["text"]:
                continue
            yield (rec["text"], rec["label"], rec["cl_id"], "cell_type", kind, "CL")


def write_lexicon(rows: Iterable[Row], path: Path) -> int:
    """Write unique rows, sorted, as plain TSV; return the count."""
    # plain tab-separated lines (no quoting): a value with a tab, a quote or a line break is dropped
    unique = sorted({r for r in rows if r[0] and not re.search(r'[\t\n"]', "".join(r)) and fold_key(r[0])})
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        fh.writelines("\t".join((*r, fold_key(r[0]))) + "\n" for r in unique)
    logger.info("wrote %d rows to %s", len(unique), path)
    return len(unique)


def build_all(vocab: Path, out: Path) -> dict[str, int]:
    """Build every lexicon from the vocabulary folder ``vocab`` into ``out``; return row counts."""
    counts = {
        "genes": write_lexicon(
            itertools.chain(
                gene_rows(vocab / "hgnc/hgnc_complete_set.txt.gz"),
                gene_name_word_rows(vocab / "hgnc/hgnc_complete_set.txt.gz"),
                integrin_rows(vocab / "hgnc/hgnc_complete_set.txt.gz"),
                gene_table_rows(vocab / "hgnc/hgnc_complete_set.txt.gz", vocab / "hgnc/hgnc.table.tsv.gz"),
            ),
            out / "genes.tsv",
        ),
        "gene_families": write_lexicon(
            gene_family_rows(vocab / "hgnc/hgnc_complete_set.txt.gz"), out / "gene_families.tsv"
        ),
        "mirnas": write_lexicon(
            mirna_rows(vocab / "mirbase/hsa_mature_mirbase22_names_history.tsv.gz"), out / "mirnas.tsv"
        ),
        "drugs": write_lexicon(
            drug_rows(vocab / "drugs/drugbank_vocabulary.csv", vocab / "drugs/lincs_small_molecules.json"),
            out / "drugs.tsv",
        ),
        "cell_lines": write_lexicon(
            cell_line_rows(vocab / "cell_lines/cellosaurus_names_derived.tsv.gz"), out / "cell_lines.tsv"
        ),
        "cell_types": write_lexicon(
            cell_type_rows(vocab / "cell_ontology/cl_edit_terms_synonyms.tsv.gz"), out / "cell_types.tsv"
        ),
    }
    return counts
