"""Resistance relations on real text the rules were not written against, and on the corpus reviews.

Usage: python benchmarks/relations_eval.py [--show dev] [--gold tests/gold/relations/docs]

Prints, for the dev and the test split of the hand-annotated abstracts (tests/gold/relations) separately:
(cargo, drug) precision, recall and F1; effect accuracy on matched pairs; the share of look-alikes given a
resistance assertion; on matched pairs, how often the donor cells, the recipient cells and the target genes
agree with the gold rows (cells by their telling words: "cisplatin-resistant A549 cells" ~ "A549"). Then the corpus reviews against their curated tables (Schwarzenbach Tables 2-3 row
recall and (cargo, drug) precision). ``--show dev`` lists the dev split's misses; the test split's misses are
never listed (it is only scored).
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
        score_paper(paper, relate(doc), scores[paper.split], canon)
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
