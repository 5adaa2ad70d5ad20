"""Entity annotation speed beside the scispaCy tokenizer alone, in one run: load time (median of fresh
processes, wall and CPU: on a shared machine the CPU seconds are the steadier figure), tokens/s on the corpus
(median of runs), peak RSS, the load average.

Usage: python benchmarks/annotate.py [--repeat 7] [--loads 5]
Goals (issue 12): the pipeline and its lexicons load in <= 0.8 s (compiled lexicons, built by
`evminer build-model`); annotation keeps >= 1/4 of the tokenizer's tokens/s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LOAD = """
import time, warnings
t, cpu = time.perf_counter(), time.process_time()
from pipeline.annotate import load_pipeline
from pipeline.normalize.lexicon import LEXICON_KINDS, load_lexicon
from pipeline.normalize.mentions import _index_keys
load_pipeline()
for kind in LEXICON_KINDS:
    load_lexicon(kind)
_index_keys()
print(time.perf_counter() - t, time.process_time() - cpu)
"""

TOKENIZER_LOAD = """
import time, warnings
t, cpu = time.perf_counter(), time.process_time()
import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
print(time.perf_counter() - t, time.process_time() - cpu)
"""


def _load_seconds(code: str, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``runs`` fresh processes (the pipeline's and the tokenizer's taken in turns, so that
    both see the same load on a shared machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        w, c = res.stdout.strip().splitlines()[-1].split()
        wall.append(float(w))
        cpu.append(float(c))
    return wall, cpu


def _median_time(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()

    loads, cpus, tok_loads, tok_cpus = [], [], [], []
    for _ in range(args.loads):
        for code, wall, cpu in ((LOAD, loads, cpus), (TOKENIZER_LOAD, tok_loads, tok_cpus)):
            w, c = _load_seconds(code, 1)
            wall += w
            cpu += c

    from pipeline.annotate import annotate, load_pipeline
    from pipeline.ingest import ingest

    nlp = load_pipeline()
    docs = [ingest(p) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    tokens = sum(len(nlp.make_doc(d.text)) for d in docs)
    for d in docs:  # warm-up: first-time lookups fill the caches
        annotate(d)
    tok_times = _median_time(lambda: [nlp.make_doc(d.text) for d in docs], args.repeat)
    ann_times = _median_time(lambda: [annotate(d) for d in docs], args.repeat)
    entities = sum(len(annotate(d).entities) for d in docs)
    tok_rate = tokens / statistics.median(tok_times)
    ann_rate = tokens / statistics.median(ann_times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {len(docs)} documents, {tokens} tokens, {entities} entities")
    print(
        f"load, median of {args.loads} fresh processes: pipeline + lexicons {statistics.median(loads):.2f} s "
        f"(min {min(loads):.2f}, max {max(loads):.2f}; goal <= 0.8 s), CPU {statistics.median(cpus):.2f} s; "
        f"scispaCy tokenizer alone {statistics.median(tok_loads):.2f} s, CPU {statistics.median(tok_cpus):.2f} s"
    )
    print(f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"scispaCy tokenizer alone: {tok_rate:,.0f} tokens/s (median of {args.repeat} runs)")
    print(
        f"annotate (tokenizer + abbreviations + entities): {ann_rate:,.0f} tokens/s = {ann_rate / tok_rate:.2f} of "
        f"the tokenizer's speed (goal >= 0.25)"
    )
    print(f"peak RSS: {rss:.0f} MB")


if __name__ == "__main__":
    main()
