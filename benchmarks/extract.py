"""The whole chain on the corpus: text review -> Document -> entities -> prose assertions (+ tables and diff).

Usage: python benchmarks/extract.py [--repeat 5]
Goal (issue 5): a text review to assertions in under 1 s per review on one core (pipeline loaded).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from pipeline.annotate import annotate, load_pipeline
    from pipeline.evaluate.diff import diff_documents
    from pipeline.ingest import ingest
    from pipeline.relate import relate
    from pipeline.tables import table_assertions

    start = time.perf_counter()
    load_pipeline()
    print(f"pipeline load: {time.perf_counter() - start:.2f} s")
    files = sorted((ROOT / "corpus").glob("*.txt"))
    per_doc: dict[str, list[float]] = {f.name: [] for f in files}
    for i in range(args.repeat + 1):
        docs = []
        for f in files:
            t = time.perf_counter()
            doc = annotate(ingest(f))
            assertions = relate(doc)
            if i:  # the first round fills the lookup caches
                per_doc[f.name].append(time.perf_counter() - t)
            docs.append(doc)
        t = time.perf_counter()
        diff_documents(docs, [a for d in docs for a in table_assertions(d)], [a for d in docs for a in relate(d)])
        diff_s = time.perf_counter() - t
    for name, times in per_doc.items():
        med = statistics.median(times)
        print(
            f"{name}: median {med * 1000:.0f} ms -> {1 / med:.1f} documents/s (goal < 1000 ms); "
            f"{len(assertions)} assertions in the last document"
        )
    print(f"tables + relate + diff of both: {diff_s * 1000:.0f} ms")


if __name__ == "__main__":
    main()
