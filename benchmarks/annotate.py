"""Entity annotation speed: pipeline load time, tokens/s on the corpus (median of runs), peak RSS.

Usage: python benchmarks/annotate.py [--repeat 7]
Goals (issue 4): >= 50,000 tokens/s on one core with the full lexicons, load < 2 s, peak RSS < 1 GB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    start = time.perf_counter()
    from pipeline.annotate import annotate, load_pipeline
    from pipeline.normalize.lexicon import LEXICON_KINDS, load_lexicon
    from pipeline.normalize.mentions import _index_keys

    nlp = load_pipeline()
    for kind in LEXICON_KINDS:
        load_lexicon(kind)
    _index_keys()
    load_s = time.perf_counter() - start

    from pipeline.ingest import ingest

    docs = [ingest(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    for d in docs:  # warm-up: first-time lookups fill the caches
        annotate(d)
    cold_start = time.perf_counter()
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        entities = sum(len(annotate(d).entities) for d in docs)
        times.append(time.perf_counter() - t)
    med = statistics.median(times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pipeline + lexicons load: {load_s:.2f} s (goal < 2 s)")
    print(f"corpus: {len(docs)} documents, {tokens} tokens, {entities} entities")
    print(
        f"annotate: median {med * 1000:.0f} ms over {args.repeat} runs -> {tokens / med:,.0f} tokens/s "
        f"(goal >= 50,000); min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"
    )
    print(f"peak RSS: {rss:.0f} MB (goal < 1024 MB)")
    del cold_start


if __name__ == "__main__":
    main()
