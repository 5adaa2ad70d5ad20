"""Start-up times of the command line: `evminer --help` (no model loaded: the goal is <= 0.3 s) and
`evminer extract` on one abstract (the whole chain, spaCy pipeline and lexicons loaded once).

    python benchmarks/startup.py [--runs 7]

Prints the median and the range of wall-clock times over the runs (this machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVMINER = Path(sys.executable).parent / "evminer"
SAMPLE = ROOT.parent / "shared" / "xml" / "pubmed-29768149.xml"
ABSTRACT = (
    "Exosomal miR-221/222 confers tamoxifen resistance in breast cancer.\n\n"
    "Exosomes released by tamoxifen-resistant MCF-7 cells transferred miR-221 and miR-222 to sensitive cells, "
    "where they reduced p27 and ERα and conferred tamoxifen resistance.\n"
)


def timed(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if SAMPLE.exists():
            abstract = SAMPLE
        else:
            abstract = Path(tmp) / "abstract.txt"
            abstract.write_text(ABSTRACT, encoding="utf-8")
        cases = {
            "evminer --help": [str(EVMINER), "--help"],
            f"evminer extract {abstract.name}": [str(EVMINER), "extract", str(abstract)],
        }
        for name, cmd in cases.items():
            times = timed(cmd, args.runs)
            print(
                f"{name}: median {statistics.median(times):.2f} s "
                f"(min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
            )


if __name__ == "__main__":
    main()
