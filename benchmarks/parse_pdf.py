"""PDF ingestion speed: pages/s and peak RSS per PDF for both character sources, side by side (each PDF and
engine in its own process, so RSS is its own). pages/s is the median of five reads in that process (the
first one pays for the imports, as a batch worker does once).

Usage: python benchmarks/parse_pdf.py [--engine pdfium|pdfplumber] [--dev] [PDF...]
(default: every PDF under tests/fixtures/pdfs/, both engines; --dev adds the development PDFs of
../shared/pdfs/dev/; --engine reads with that engine only: the pdfplumber engine takes minutes on 20 PDFs)
"whole Document" is parse_pdf (layout, tables, the text parser, pages of every span); "layout only" is
pdf_to_blocks. Goals: issue 3, >= 5 pages/s on one core and < 500 MB peak RSS for a 20-page review (pdfplumber
engine); issue 7, >= 30 pages/s and >= 5x the pdfplumber engine with the pdfium engine, RSS no higher; issue 13,
the pdfium rate beside PyMuPDF's plain get_text (printed only when PyMuPDF is installed: AGPL, never a
dependency of the package).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENGINES = ("pdfplumber", "pdfium")
CHILD = """
import resource, statistics, sys, time
from pipeline.ingest.pdf import parse_pdf, pdf_to_blocks
data = open(sys.argv[1], 'rb').read()
layout, whole = [], []
for _ in range(5):
    t = time.perf_counter(); blocks, pages, _ = pdf_to_blocks(data, sys.argv[1], sys.argv[2])
    layout.append(time.perf_counter() - t)
    t = time.perf_counter(); parse_pdf(data, doc_id='d', source=sys.argv[1], engine=sys.argv[2])
    whole.append(time.perf_counter() - t)
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(pages, statistics.median(layout), statistics.median(whole), rss)
"""


def _run(path: Path, engine: str) -> tuple[float, float, float, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), engine], capture_output=True, text=True, check=True)
    pages, layout, whole, rss = (float(x) for x in out.stdout.split())
    return pages, layout, whole, rss


PYMUPDF = """
import statistics, sys, time
try:
    import pymupdf
except ImportError:
    print(0); raise SystemExit
data = open(sys.argv[1], 'rb').read()
times = []
for _ in range(5):
    t = time.perf_counter()
    with pymupdf.open(stream=data, filetype='pdf') as pdf:
        pages = pdf.page_count
        text = [page.get_text() for page in pdf]
    times.append(time.perf_counter() - t)
print(pages / statistics.median(times))
"""


def _pymupdf_rate(path: Path) -> float:
    """PyMuPDF's plain get_text in pages/s (0 when it is not installed: AGPL, a benchmark-only comparison)."""
    out = subprocess.run([sys.executable, "-c", PYMUPDF, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--engine", choices=ENGINES, action="append", help="only this engine (repeatable)")
    parser.add_argument("--dev", action="store_true", help="add the development PDFs of ../shared/pdfs/dev/")
    args = parser.parse_args()
    engines = tuple(args.engine or ENGINES)
    files = list(args.pdfs) or sorted((ROOT / "tests" / "fixtures" / "pdfs").rglob("*.pdf"))
    if args.dev:
        files += sorted((ROOT.parent / "shared" / "pdfs" / "dev").glob("*.pdf"))
    totals = {engine: [0.0, 0.0, 0.0] for engine in engines}
    per_pdf: dict[str, list[float]] = {engine: [] for engine in engines}
    mupdf_seconds = 0.0
    for f in files:
        figures, rates = [], {}
        for engine in engines:
            pages, layout, whole, rss = _run(f, engine)
            totals[engine][0] += pages
            totals[engine][1] += layout
            totals[engine][2] += whole
            rates[engine] = pages / whole
            per_pdf[engine].append(pages / whole)
            figures.append(f"{engine} {pages / whole:.1f} pages/s ({pages / layout:.1f} layout only), {rss:.0f} MB")
        ratio = f"; pdfium/pdfplumber x{rates['pdfium'] / rates['pdfplumber']:.1f}" if len(engines) == 2 else ""
        mupdf = _pymupdf_rate(f) if "pdfium" in engines else 0.0
        mupdf_seconds += pages / mupdf if mupdf else 0.0
        beside = (
            f"; PyMuPDF get_text {mupdf:.0f} pages/s, pdfium/PyMuPDF {rates['pdfium'] / mupdf:.2f}" if mupdf else ""
        )
        print(f"{f.name}: {int(pages)} pages; " + "; ".join(figures) + ratio + beside)
    whole_rates = {engine: pages / whole for engine, (pages, _, whole) in totals.items()}
    layout_rates = {engine: pages / layout for engine, (pages, layout, _) in totals.items()}
    print(
        f"all {len(files)} PDFs, {int(totals[engines[0]][0])} pages, whole Document: "
        + ", ".join(
            f"{e} {whole_rates[e]:.1f} pages/s (median per PDF {statistics.median(per_pdf[e]):.1f}; layout only "
            f"{layout_rates[e]:.1f})"
            for e in engines
        )
        + (f", x{whole_rates['pdfium'] / whole_rates['pdfplumber']:.1f}" if len(engines) == 2 else "")
        + " (goals: 30 pages/s, x5)"
    )
    if mupdf_seconds and "pdfium" in whole_rates:
        rate = totals["pdfium"][0] / mupdf_seconds
        print(
            f"PyMuPDF plain get_text: {rate:.0f} pages/s; pdfium whole Document / PyMuPDF = {whole_rates['pdfium'] / rate:.2f}"
        )


if __name__ == "__main__":
    main()
