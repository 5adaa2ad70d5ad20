"""Entity recognition on public hand-annotated corpora: per label P/R/F1 (overlap and strict) and identifier
agreement, on the part of each corpus used while writing rules ("development") and on the part only scored.

Usage: python benchmarks/entities_external.py [--corpora ../shared/corpora] [--vocab ../shared/vocab]
                                              [--only biored,bc5cdr,scai,jnlpba] [--part dev|scored|both]
                                              [--errors LABEL] [--max-errors N]

Which part is which (see models/README.md):

| corpus | development (read while writing rules) | scored only |
|---|---|---|
| BioRED | Train.PubTator (400 abstracts) | Dev.PubTator (100) |
| BC5CDR | CDR_TrainingSet (500) | CDR_DevelopmentSet (500) |
| SCAI miRNA | train corpus, abstracts with an even PubMed id | train corpus, odd PubMed id |
| JNLPBA | devel.tsv, even-numbered documents | devel.tsv, odd-numbered documents |

Labels compared: BioRED GeneOrGeneProduct with GENE (and GENE_FAMILY, since BioRED annotates families and
complexes such as Akt, NF-kappaB or PI3K as gene products too, and the gene products MRNA, LNCRNA, MIRNA, CIRCRNA:
BioRED annotates miRNA and lncRNA genes as gene products), ChemicalEntity and BC5CDR Chemical with DRUG (DRUG is
narrower than "chemical": precision is the figure to hold, recall is of all chemicals), CellLine and JNLPBA
cell_line with CELL_LINE (BioRED annotates cell lines by name only, JNLPBA names and descriptions: a cell line
described in words, "human multiple myeloma cell lines", counts as a CELL_LINE for JNLPBA and is left out for
BioRED, whose figure with them counted is printed beside), SCAI Specific_miRNAs with MIRNA, JNLPBA cell_type with CELL_TYPE. Identifiers: cell
lines by Cellosaurus accession, genes by NCBI Gene id through HGNC's Entrez column (gold mentions of non-human
genes, whose NCBI ids HGNC does not list, are left out of the agreement).
"""

from __future__ import annotations

import argparse
import gzip
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate.external import (  # noqa: E402
    CorpusDoc,
    PredSpan,
    Score,
    format_scores,
    read_iob,
    read_pubtator,
    read_scai,
    score_corpus,
)

GENE_PRODUCTS = frozenset(["GENE", "GENE_FAMILY", "MRNA", "LNCRNA", "MIRNA", "CIRCRNA", "NCRNA"])


def _parity(docs: list[CorpusDoc], even: bool) -> list[CorpusDoc]:
    out = []
    for k, d in enumerate(docs):
        n = int(d.doc_id) if d.doc_id.isdigit() else k
        if (n % 2 == 0) == even:
            out.append(d)
    return out


def corpora(root: Path) -> dict[str, dict[str, list[CorpusDoc]]]:
    """corpus -> part ("dev", "scored") -> documents."""
    out: dict[str, dict[str, list[CorpusDoc]]] = {}
    if (root / "biored").exists():
        out["biored"] = {
            "dev": read_pubtator(root / "biored" / "Train.PubTator"),
            "scored": read_pubtator(root / "biored" / "Dev.PubTator"),
        }
    if (root / "bc5cdr").exists():
        out["bc5cdr"] = {
            "dev": read_pubtator(root / "bc5cdr" / "CDR_TrainingSet.PubTator.txt"),
            "scored": read_pubtator(root / "bc5cdr" / "CDR_DevelopmentSet.PubTator.txt"),
        }
    if (root / "scai_mirna").exists():
        docs = read_scai(root / "scai_mirna" / "miRNA-Train-Corpus.xml")
        out["scai"] = {"dev": _parity(docs, True), "scored": _parity(docs, False)}
    if (root / "jnlpba").exists():
        docs = read_iob(root / "jnlpba" / "devel.tsv")
        docs = [CorpusDoc(str(k), d.text, d.mentions) for k, d in enumerate(docs)]
        out["jnlpba"] = {"dev": _parity(docs, True), "scored": _parity(docs, False)}
    return out


DESCRIBED = "CELL_LINE (described)"  # a cell line described in words, not named
SETTINGS: dict[str, tuple[dict[str, str], dict[str, frozenset[str]]]] = {
    "biored": (
        {"GeneOrGeneProduct": "GENE", "ChemicalEntity": "DRUG", "CellLine": "CELL_LINE"},
        {"GENE": GENE_PRODUCTS, "DRUG": frozenset(["DRUG"]), "CELL_LINE": frozenset(["CELL_LINE"])},
    ),
    "bc5cdr": ({"Chemical": "DRUG"}, {"DRUG": frozenset(["DRUG"])}),
    "scai": ({"Specific_miRNAs": "MIRNA"}, {"MIRNA": frozenset(["MIRNA"])}),
    "jnlpba": (
        {"cell_line": "CELL_LINE", "cell_type": "CELL_TYPE"},
        {"CELL_LINE": frozenset(["CELL_LINE", DESCRIBED]), "CELL_TYPE": frozenset(["CELL_TYPE"])},
    ),
}


_WORD_RE = re.compile(r"[A-Za-z0-9][\w.\-/]*")


def named_cell_lines(docs: list[CorpusDoc]) -> list[CorpusDoc]:
    """The documents with only their cell_line spans that contain a Cellosaurus name as written (one to three
    words, three characters or more, a letter in it, not a Cell Ontology name such as "NK"): "Jurkat T cells",
    "U937 cells", "IM-9". JNLPBA's cell_line class is mostly descriptions ("T cell lines", "transfected cells",
    "human multiple myeloma cell lines") that no CELL_LINE names; this subset asks only for named lines. It is
    decided from the gold text and Cellosaurus alone, never from the predictions."""
    from pipeline.normalize.lexicon import load_lexicon

    lines, types = load_lexicon("cell_lines"), load_lexicon("cell_types")

    def names_a_line(span: str) -> bool:
        words = _WORD_RE.findall(span)
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                form = " ".join(words[i : i + n])
                if len(form) < 3 or not any(c.isalpha() for c in form) or types.folded(form):
                    continue
                if any(e.text == form for e in lines.folded(form)):
                    return True
        return False

    out = []
    for d in docs:
        kept = tuple(g for g in d.mentions if g.type == "cell_line" and names_a_line(d.text[g.start : g.end]))
        out.append(CorpusDoc(d.doc_id, d.text, kept))
    return out


def hgnc_to_entrez(vocab: Path) -> dict[str, str]:
    path = vocab / "hgnc" / "hgnc_complete_set.txt.gz"
    if not path.exists():
        return {}
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        hid, eid = header.index("hgnc_id"), header.index("entrez_id")
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) > eid and parts[eid]:
                out[parts[hid]] = parts[eid]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--vocab", type=Path, default=ROOT.parent / "shared" / "vocab")
    parser.add_argument("--only", default="biored,bc5cdr,scai,jnlpba")
    parser.add_argument("--part", choices=["dev", "scored", "both"], default="both")
    parser.add_argument("--errors", default="", help="print the errors of this label (development part only)")
    parser.add_argument("--max-errors", type=int, default=200)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    if not args.corpora.exists():
        sys.exit(f"no corpora at {args.corpora}")
    from pipeline.annotate import load_pipeline
    from pipeline.annotate.patterns import describes_cell_line

    nlp = load_pipeline()
    entrez = hgnc_to_entrez(args.vocab)

    def predict(texts: list[str]) -> list[list[PredSpan]]:
        out = []
        for doc in nlp.pipe(texts, batch_size=64):
            spans = []
            for m in doc._.evminer_mentions or []:
                ids = [m.concept.id] + [c.id for c in m.also]
                label = DESCRIBED if describes_cell_line(m.label, m.concept.name, m.concept.id) else m.label
                spans.append(PredSpan(m.start, m.end, label, "|".join(i for i in ids if i) or None))
            out.append(spans)
        return out

    def id_map(label: str, pred: str) -> str | None:
        for one in pred.split("|"):
            if label == "CELL_LINE" and one.startswith("CVCL_"):
                return one
            if label == "GENE" and one in entrez:
                return entrez[one]
        return None

    human_genes = set(entrez.values())

    def gold_id_ok(label: str, ids: frozenset[str]) -> bool:
        return label != "GENE" or bool(ids & human_genes)

    wanted = set(args.only.split(","))
    parts = ["dev", "scored"] if args.part == "both" else [args.part]
    for name, split in corpora(args.corpora).items():
        if name not in wanted:
            continue
        gold_types, pred_labels = SETTINGS[name]
        for part in parts:
            docs = split[part]
            t = time.perf_counter()
            scores: dict[str, Score] = score_corpus(docs, predict, gold_types, pred_labels, id_map, gold_id_ok)
            seconds = time.perf_counter() - t
            role = "development" if part == "dev" else "scored only"
            print(format_scores(f"{name} {role} ({len(docs)} documents, {seconds:.1f} s)", scores))
            if name == "biored":
                both = score_corpus(
                    docs, predict, {"CellLine": "CELL_LINE"}, {"CELL_LINE": frozenset(["CELL_LINE", DESCRIBED])}
                )
                print(
                    f"CELL_LINE with cell lines described in words counted too: P {both['CELL_LINE'].precision:.3f} "
                    f"R {both['CELL_LINE'].recall:.3f} ({both['CELL_LINE'].n_pred} predicted)"
                )
            if name == "jnlpba":
                named = named_cell_lines(docs)
                sub = score_corpus(named, predict, {"cell_line": "CELL_LINE"}, {"CELL_LINE": frozenset(["CELL_LINE"])})
                n = sum(len(d.mentions) for d in named)
                print(
                    f"CELL_LINE recall on the {n} cell_line spans that name a Cellosaurus line: "
                    f"{sub['CELL_LINE'].recall:.3f}"
                    if "CELL_LINE" in sub
                    else ""
                )
            if args.errors and part == "dev" and args.errors in scores:
                for line in scores[args.errors].errors[: args.max_errors]:
                    print("  ", line)
            print()


if __name__ == "__main__":
    main()
