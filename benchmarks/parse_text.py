"""Throughput of text ingestion on the corpus: documents/s and MB/s (median of repeated runs, one core).

Usage: python benchmarks/parse_text.py [--repeat 15] [FILES...]
Goal (issue 2): both corpus reviews parsed in under 0.2 s together.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from pipeline.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    files = args.files or sorted(p for p in (ROOT / "corpus").glob("*.txt") if "attribution" not in p.name.lower())
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    ingest(files[0])  # warm the regex caches
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for path in files:
            ingest(path)
        times.append(time.perf_counter() - start)
    med = statistics.median(times)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files: {len(files)} ({size_mb:.3f} MB); runs: {args.repeat}")
    print(f"all files, median {med * 1000:.1f} ms (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    print(f"documents/s: {len(files) / med:.1f}   MB/s: {size_mb / med:.2f}   peak RSS: {rss_mb:.0f} MB")
    print(f"goal < 200 ms for the corpus: {'met' if med < 0.2 else 'NOT met'}")


if __name__ == "__main__":
    main()
