"""The summary outputs of a finished run rebuilt from its database, stage by stage: seconds and peak RSS.

    python benchmarks/outputs.py OUT          # OUT: an `evminer run --out` folder (its evminer.sqlite, documents/)

Rewrites OUT's assertions.jsonl, the Parquet files, manifest.jsonl and the BioC files exactly as a run's end does
(``pipeline.export.files.write_outputs``, no report), sampling this process's resident memory every 20 ms, and
prints one line per stage: seconds, the highest RSS while it ran and the RSS at its end. Flat memory means the
peaks do not grow with the number of documents (compare a run of 3,000 with one of 30,000 citations made by
benchmarks/pubmed_batch.py); most of the level is pyarrow and pandas, imported for the Parquet files.
"""

from __future__ import annotations

import argparse
import threading
import time
from pathlib import Path


def _rss_mb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    if not (args.out / "evminer.sqlite").exists():
        raise SystemExit(f"{args.out}: no run database here (evminer.sqlite)")
    samples: list[tuple[float, int]] = []

    def sample() -> None:
        while True:
            samples.append((time.perf_counter(), _rss_mb()))
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    from pipeline.export import database as db
    from pipeline.export.files import write_outputs

    engine = db.connect(f"sqlite:///{args.out / 'evminer.sqlite'}")
    print(f"RSS before: {_rss_mb()} MB")
    timings: dict[str, float] = {}
    start = time.perf_counter()
    counts = write_outputs(engine, args.out, {}, report=False, timings=timings)
    at = start
    print(f"{'stage':9} {'seconds':>8} {'peak MB':>8} {'end MB':>7}")
    for name, seconds in timings.items():
        inside = [rss for t, rss in samples if at <= t < at + seconds] or [_rss_mb()]
        print(f"{name:9} {seconds:8.2f} {max(inside):8} {inside[-1]:7}")
        at += seconds
    print(f"total {time.perf_counter() - start:.2f} s; {counts}")


if __name__ == "__main__":
    main()
