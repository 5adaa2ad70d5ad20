"""Batch throughput: a synthetic batch built from the corpus with perturbations, run with 1 and 2 workers.

Usage: python benchmarks/batch.py [--sizes 200 1000] [--workers 1 2]
Prints documents/s per run, the 2-worker speed-up, and the parent's peak RSS with each batch size (it should
stay flat: results are streamed into the database, not held). Goals (issue 6): speed-up >= 1.8x with 2
workers, flat RSS, cost linear in the number of documents.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_batch(folder: Path, size: int, seed: int = 7) -> None:
    """``size`` documents: the corpus reviews with shuffled paragraphs and renamed miRNAs, so none is cached."""
    rng = random.Random(seed)
    sources = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        text = sources[i % len(sources)]
        head, sep, rest = text.partition("\n\n## ")
        parts = rest.split("\n\n")
        body = parts[:]
        rng.shuffle(body[5:40])
        text = head + sep + "\n\n".join(body) + f"\n\nmiR-{1000 + i} was studied in copy {i}.\n"
        (folder / f"paper_{i:05d}.txt").write_text(text, encoding="utf-8")


def run(folder: Path, out: Path, workers: int) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of the parent `evminer run` process."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import resource, sys; from pipeline.batch import run_batch; "
                f"run_batch([{str(folder)!r}], __import__('pathlib').Path({str(out)!r}), workers={workers}, report=False); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(proc.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results: dict[tuple[int, int], float] = {}
        for size in args.sizes:
            folder = Path(tmp) / f"batch{size}"
            make_batch(folder, size)
            for workers in args.workers:
                seconds, rss = run(folder, Path(tmp) / f"out{size}_{workers}", workers)
                results[(size, workers)] = seconds
                print(
                    f"{size} documents, {workers} worker(s): {seconds:.1f} s -> {size / seconds:.1f} documents/s; "
                    f"parent peak RSS {rss:.0f} MB",
                    flush=True,
                )
            if 1 in args.workers and 2 in args.workers:
                print(f"  speed-up with 2 workers: {results[(size, 1)] / results[(size, 2)]:.2f}x (goal >= 1.8x)")
        if len(args.sizes) > 1 and 1 in args.workers:
            a, b = args.sizes[0], args.sizes[-1]
            print(
                f"cost per document, {a} vs {b}: {results[(a, 1)] / a * 1000:.0f} ms vs "
                f"{results[(b, 1)] / b * 1000:.0f} ms (linear when about equal)"
            )


if __name__ == "__main__":
    main()
