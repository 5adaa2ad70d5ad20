"""Resistance relations on real text the rules were not written against, and on the corpus reviews.

Usage: python benchmarks/relations_eval.py [--show dev] [--gold tests/gold/relations/docs] [--public] [--named-cargo]

Prints, for the dev and the test split of the hand-annotated abstracts (tests/gold/relations) separately:
(cargo, drug) precision, recall and F1; effect accuracy on matched pairs; the share of look-alikes given a
resistance assertion; on matched pairs, how often the donor cells, the recipient cells and the target genes
agree with the gold rows (cells by their telling words: "cisplatin-resistant A549 cells" ~ "A549"). Then the corpus reviews against their curated tables (Schwarzenbach Tables 2-3 row
recall and (cargo, drug) precision). ``--show dev`` lists the dev split's misses; the test split's misses are
never listed (it is only scored). ``--public`` adds look-alikes at scale: the abstracts of the public corpora's
training and development splits (BioRED, BC5CDR in ../shared/corpora: 1,500 papers on genes, chemicals and
diseases, nearly none on vesicles), and how many of them EVminer gives any assertion (an EV cargo relation there is
a false positive by construction), with the rows listed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "relations" / "docs")
    parser.add_argument("--show", choices=["dev"], help="list the dev split's misses")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus reviews")
    parser.add_argument("--public", action="store_true", help="also the public corpora's non-EV abstracts")
    parser.add_argument(
        "--named-cargo",
        action="store_true",
        help="leave out the vesicles' own rows (cargo EV) of papers whose gold rows name a cargo molecule, in the gold "
        "and the output alike (annotators differ there: GUIDELINES.md)",
    )
    args = parser.parse_args()

    from pipeline.annotate import annotate, load_pipeline
    from pipeline.evaluate.relations import Score, drug_normaliser, load_gold, score_paper
    from pipeline.ingest import parse_text
    from pipeline.relate import relate

    load_pipeline()
    canon = drug_normaliser()
    papers = load_gold(args.gold)
    scores = {"dev": Score(), "test": Score()}
    start = time.perf_counter()
    for paper in papers:
        doc = annotate(parse_text(paper.text, doc_id=paper.id, source=paper.id))
        score_paper(paper, relate(doc), scores[paper.split], canon, named_cargo=args.named_cargo)
    seconds = time.perf_counter() - start
    print(f"{len(papers)} papers in {seconds:.1f} s ({len(papers) / seconds:.0f} documents/s, one core)")
    print("split  papers  primary  look-alikes   P      R      F1     effect right   look-alikes with resistance")
    for name, s in scores.items():
        effect = f"{s.effect_right}/{s.effect_total} = {s.effect_right / s.effect_total:.2f}" if s.effect_total else "-"
        flagged = f"{s.lookalikes_flagged}/{s.lookalikes}" if s.lookalikes else "-"
        print(
            f"{name:5}  {s.papers:6}  {s.papers - s.lookalikes:7}  {s.lookalikes:11}   {s.precision:.2f}   "
            f"{s.recall:.2f}   {s.f1:.2f}   {effect:14} {flagged}  (pairs: tp {s.tp}, fp {s.fp}, fn {s.fn})"
        )
    print("on matched pairs whose gold rows name them, right:")
    for name, s in scores.items():
        parts = [
            f"{role} {r}/{t} = {r / t:.2f} ({s.roles_wrong[role]} wrong names)" if t else f"{role} -"
            for role, (r, t) in s.roles.items()
        ]
        print(f"  {name:5}  " + ", ".join(parts))
    if args.show == "dev":
        print("\ndev misses:")
        for line in scores["dev"].misses:
            print("  " + line)
        print("\ndev role misses (a pair's donors, recipients or targets: none right, or a name not in the gold rows):")
        for line in scores["dev"].role_misses:
            print("  " + line)
    if not args.no_corpus:
        corpus_figures()
    if args.public:
        public_lookalikes()


def public_lookalikes() -> None:
    import re

    from pipeline.annotate import annotate
    from pipeline.evaluate.external import read_pubtator
    from pipeline.ingest import parse_text
    from pipeline.relate import relate

    corpora = ROOT.parent / "shared" / "corpora"
    files = [
        corpora / "biored" / "Train.PubTator",
        corpora / "biored" / "Dev.PubTator",
        corpora / "bc5cdr" / "CDR_TrainingSet.PubTator.txt",
        corpora / "bc5cdr" / "CDR_DevelopmentSet.PubTator.txt",
    ]
    vesicle = re.compile(r"exosom|vesicle|\bEVs?\b", re.I)
    print("\npublic abstracts not written for EVminer (training and development splits), any assertion:")
    for path in files:
        if not path.exists():
            print(f"  {path.parent.name}/{path.name}: not found")
            continue
        docs = read_pubtator(path)
        rows: list[str] = []
        flagged = resistance = 0
        for d in docs:
            found = relate(annotate(parse_text(d.text, doc_id=d.doc_id, source=d.doc_id)))
            flagged += bool(found)
            resistance += sum(a.relation == "transfers_resistance" for a in found)
            rows += [
                f"    {d.doc_id} (vesicles named: {bool(vesicle.search(d.text))}) {a.relation}: "
                f"{', '.join(c.name for c in a.cargo)} / {', '.join(c.name for c in a.drugs) or '-'}"
                for a in found
            ]
        print(
            f"  {path.parent.name}/{path.name}: {flagged} of {len(docs)} abstracts with an assertion, "
            f"{resistance} resistance assertions"
        )
        print("\n".join(rows[:20]) if rows else "", end="\n" if rows else "")


def corpus_figures() -> None:
    from pipeline.annotate import annotate
    from pipeline.evaluate.diff import diff_documents
    from pipeline.ingest import ingest
    from pipeline.relate import relate
    from pipeline.tables import table_assertions

    docs = [annotate(ingest(f)) for f in sorted((ROOT / "corpus").glob("*.txt"))]
    diffs = diff_documents(docs, [a for d in docs for a in table_assertions(d)], [a for d in docs for a in relate(d)])
    print("\ncorpus reviews against their curated tables:")
    for d in diffs:
        if d.relation != "transfers_resistance":
            continue
        pair = d.pairs["cargo-drug"]
        p = f"{pair.precision:.2f}" if pair.precision is not None else "-"
        matched = sum(r.status == "matched" for r in d.rows)
        print(f"  {d.doc_id[:24]:24} {d.table}: rows {matched}/{len(d.rows)} = {d.row_recall:.2f}, (cargo, drug) P {p}")


if __name__ == "__main__":
    main()
