"""PDF ingestion speed: pages/s and peak RSS per PDF (each PDF in its own process, so RSS is its own).

Usage: python benchmarks/parse_pdf.py [PDF...]   (default: every PDF under tests/fixtures/pdfs/)
Goal (issue 3): >= 5 pages/s on one core and < 500 MB peak RSS for a 20-page review.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import resource, sys, time
from pipeline.ingest.pdf import pdf_to_blocks
data = open(sys.argv[1], 'rb').read()
t = time.perf_counter(); blocks, pages, _ = pdf_to_blocks(data, sys.argv[1]); s = time.perf_counter() - t
print(pages, s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    files = [Path(p) for p in sys.argv[1:]] or sorted((ROOT / "tests" / "fixtures" / "pdfs").rglob("*.pdf"))
    total_pages = total_s = 0.0
    for f in files:
        out = subprocess.run([sys.executable, "-c", CHILD, str(f)], capture_output=True, text=True, check=True)
        pages, seconds, rss = (float(x) for x in out.stdout.split())
        total_pages += pages
        total_s += seconds
        print(
            f"{f.name}: {int(pages)} pages in {seconds:.2f} s -> {pages / seconds:.1f} pages/s; peak RSS {rss:.0f} MB"
        )
    print(f"all: {total_pages / total_s:.1f} pages/s (goal >= 5)")


if __name__ == "__main__":
    main()
