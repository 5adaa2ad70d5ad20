"""A 1,000-page PDF: pages/s and peak RSS, to show that memory stays bounded (pages are read one at a time).

Usage: python benchmarks/long_pdf.py [PAGES] [ENGINE]   (default 1000 pages, engine pdfium; each page two
paragraphs of body text)
Prints the RSS after 10% of the pages and at the end: bounded memory means they stay close.
"""

from __future__ import annotations

import resource
import sys
import time

from fpdf import FPDF

TEXT = (
    "Exosomal miR-221/222 released by tamoxifen-resistant MCF-7 cells confers resistance to tamoxifen in "
    "recipient sensitive cells by targeting p27 and ERα. "
)


def make(pages: int) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for i in range(pages):
        pdf.add_page()
        pdf.set_y(40)
        pdf.multi_cell(0, 5, (TEXT * 8).replace("α", "a") + f"Page {i + 1}.")
        pdf.ln(4)
        pdf.multi_cell(0, 5, TEXT.replace("α", "a") * 6)
    return bytes(pdf.output())


def main() -> None:
    from pipeline.ingest.pdf import parse_pdf

    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    engine = sys.argv[2] if len(sys.argv) > 2 else "pdfium"
    t = time.perf_counter()
    data = make(pages)
    print(f"generated {pages} pages ({len(data) / 1e6:.1f} MB) in {time.perf_counter() - t:.1f} s")
    small = make(max(1, pages // 10))
    t = time.perf_counter()
    parse_pdf(small, doc_id="tenth", source="tenth.pdf", engine=engine)
    rss_small = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    doc = parse_pdf(data, doc_id="long", source="long.pdf", engine=engine)
    seconds = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{engine}: {pages} pages in {seconds:.1f} s -> {pages / seconds:.1f} pages/s; {len(doc.sentences)} sentences"
    )
    print(f"peak RSS after {pages // 10} pages: {rss_small:.0f} MB; after {pages} pages: {rss:.0f} MB")


if __name__ == "__main__":
    main()
