"""PDF ingestion speed: pages/s and peak RSS per PDF for both character sources, side by side (each PDF and
engine in its own process, so RSS is its own). pages/s is the median of three reads in that process (the
first one pays for the imports, as a batch worker does once).

Usage: python benchmarks/parse_pdf.py [PDF...]   (default: every PDF under tests/fixtures/pdfs/)
Goals: issue 3, >= 5 pages/s on one core and < 500 MB peak RSS for a 20-page review (pdfplumber engine);
issue 7, >= 30 pages/s and >= 5x the pdfplumber engine with the pdfium engine, RSS no higher.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("pdfplumber", "pdfium")
CHILD = """
import resource, statistics, sys, time
from pipeline.ingest.pdf import pdf_to_blocks
data = open(sys.argv[1], 'rb').read()
times = []
for _ in range(3):
    t = time.perf_counter(); blocks, pages, _ = pdf_to_blocks(data, sys.argv[1], sys.argv[2])
    times.append(time.perf_counter() - t)
print(pages, statistics.median(times), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _run(path: Path, engine: str) -> tuple[float, float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), engine], capture_output=True, text=True, check=True)
    pages, seconds, rss = (float(x) for x in out.stdout.split())
    return pages, seconds, rss


def main() -> None:
    files = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "tests" / "fixtures" / "pdfs").rglob("*.pdf"))
    totals = {engine: [0.0, 0.0] for engine in ENGINES}
    for f in files:
        figures = []
        for engine in ENGINES:
            pages, seconds, rss = _run(f, engine)
            totals[engine][0] += pages
            totals[engine][1] += seconds
            figures.append(f"{engine} {pages / seconds:.1f} pages/s, {rss:.0f} MB")
        ratio = _ratio(figures)
        print(f"{f.name}: {int(pages)} pages; " + "; ".join(figures) + f"; pdfium/pdfplumber x{ratio:.1f}")
    rates = {engine: pages / seconds for engine, (pages, seconds) in totals.items()}
    print(
        f"all: pdfplumber {rates['pdfplumber']:.1f} pages/s, pdfium {rates['pdfium']:.1f} pages/s, "
        f"x{rates['pdfium'] / rates['pdfplumber']:.1f} (goals: 5 and 30 pages/s, x5)"
    )


def _ratio(figures: list[str]) -> float:
    a, b = (float(f.split()[1]) for f in figures)
    return b / a


if __name__ == "__main__":
    main()
