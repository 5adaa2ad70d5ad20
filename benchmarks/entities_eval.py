"""Entity recognition against the hand-annotated gold set: precision, recall and F1 per label.

Usage: python benchmarks/entities_eval.py [--errors]
Prints the development set (44 paragraphs of both reviews, used while writing the rules) and the held-out set
(8 paragraphs annotated after development, never used to change the rules) apart, lenient and strict. Cell
lines described in words ("TNBC cell lines": CELL_LINE without an identifier) are no CELL_LINE in this gold set's
guidelines, so they are left out of the scores and counted apart.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.annotate import annotate
from pipeline.annotate.patterns import describes_cell_line
from pipeline.evaluate.entities import format_scores, gold_sets, merge_scores, score_entities
from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "entities"
SETS = {"development": ["feng2022.ann", "schwarzenbach2020.ann"], "held-out": ["heldout.ann"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every false positive and false negative")
    args = parser.parse_args()
    docs = [annotate(ingest(p)) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    described = sum(describes_cell_line(e.label, e.name, e.id) for d in docs for e in d.entities)
    print(f"cell lines described in words (left out: pipeline.evaluate.entities.score_entities): {described}\n")
    for name, files in SETS.items():
        for strict in (False, True):
            parts = []
            for f in files:
                sets = gold_sets((GOLD / f).read_text(encoding="utf-8"), docs, f)
                parts += [score_entities(sets[d.doc_id], d.entities, strict=strict) for d in docs if d.doc_id in sets]
            scores = merge_scores(parts)
            print(f"== {name} set, {'strict spans' if strict else 'overlapping spans'} ==")
            print(format_scores(scores))
            if args.errors and not strict:
                for label in sorted(scores):
                    for error in scores[label].errors:
                        print("  ", error)
            print()


if __name__ == "__main__":
    main()
