"""Text coverage of the PDF reader against PyMuPDF's plain text (issue 13): the share of PyMuPDF's body words
found in the Document (its text, table cells, reference entries, citation markers and metadata: title,
authors, journal, DOI, keywords and the front matter kept apart: affiliations, dates, licences), and the share
of the Document's words absent from all of PyMuPDF's text (garbage). Words: runs of letters and digits of two characters or more,
lower case, counted with repeats; end-of-line hyphens joined on both sides first. Body words: PyMuPDF's
horizontal lines outside the top and bottom 6% of the page (running headers, footers, page numbers) and not
printed on three pages or more (numbers aside: running headers set lower, "Int. J. Mol. Sci. 2024, 25, 1660") in spans
at least 0.7 times the body size (figure panels' axis labels and letters are smaller; table notes are not).

PyMuPDF is AGPL: this benchmark imports it only when installed (``pip install pymupdf`` in your own venv) and
skips otherwise; it is never a dependency of the package.

Usage: python benchmarks/pdf_coverage.py [PDF...]   (default: the 20 development PDFs: tests/fixtures/pdfs/,
its corpus/ and ../shared/pdfs/dev/). Goals: coverage >= 0.97 on every PDF, garbage <= 0.01. A Document word of four characters or more that
PyMuPDF prints cut by spaces (wide kerning) is no garbage (split_apart).
"""

from __future__ import annotations

import re
import statistics
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.pdf import parse_pdf  # noqa: E402
from pipeline.models import Document  # noqa: E402

_WORD_RE = re.compile(r"[^\W_]{2,}")


def words(text: str) -> Counter[str]:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"(\w)[-\u00ad]\s*\n\s*(\w)", r"\1\2", text)  # end-of-line hyphens, as the reader undoes them
    return Counter(w.casefold() for w in _WORD_RE.findall(text))


def with_marks_apart(found: Counter[str]) -> Counter[str]:
    """PyMuPDF's plain text glues a raised mark to the word before it ("Bhatta1", "cells12"): the word and the
    mark apart count as printed too (for garbage: a word of the Document is absent only when absent both ways;
    the Document keeps a citation's number as its marker)."""
    out = Counter(found)
    for word, n in found.items():
        if m := _MARKED_RE.fullmatch(word):
            out[m[1]] += n
            if len(m[2]) >= 2:
                out[m[2]] += n
    return out


_MARKED_RE = re.compile(r"([^\W\d_]{2,})(\d{1,3})")


def split_apart(absent: Counter[str], plain: str, printed: Counter[str]) -> Counter[str]:
    """The words of ``absent`` that PyMuPDF's text holds with spaces inside ("Lineag e-det ermining",
    "A T AC-seq": it cuts words at wide kerning, as in NAR's fonts) are printed, not garbage: a word of four
    characters or more counts as printed as often as it occurs in that text with its spaces taken out, beyond
    the times it is one of its words (``printed``)."""
    spaceless = re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", plain)).casefold()
    out = Counter()
    for word, n in absent.items():
        left = n - (spaceless.count(word) - printed[word] if len(word) >= 4 else 0)
        if left > 0:
            out[word] = left
    return out


def document_words(doc: Document) -> Counter[str]:
    meta = doc.metadata
    # the title is printed once: counted from the metadata only when the text does not open with it
    title = meta.title if meta.title and meta.title not in doc.text[: 2 * len(meta.title) + 200] else ""
    parts = [doc.text, title, " ".join(meta.authors), meta.journal or "", meta.doi or ""]
    parts += [*meta.keywords, *meta.front_matter]
    parts += [c.marker for c in doc.citations]  # citation numbers are cut out of the text, kept as spans
    parts += [
        " ".join([t.label, t.caption, *t.header, *(c for row in t.rows for c in row), *t.footnotes]) for t in doc.tables
    ]
    parts += [r.raw for r in doc.references]
    return words("\n".join(parts))


def body_text(pdf) -> str:  # type: ignore[no-untyped-def]
    """PyMuPDF's body text (see the module docstring)."""
    pages = [page.get_text("dict") | {"height": page.rect.height} for page in pdf]
    sizes: Counter[float] = Counter()
    for page in pages:
        for block in page["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    sizes[round(span["size"], 1)] += len(span["text"])
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    kept: list[list[str]] = []
    for page in pages:
        band = 0.06 * page["height"]
        kept.append([])
        for block in page["blocks"]:
            for line in block.get("lines", []):
                y0, y1 = line["bbox"][1], line["bbox"][3]
                if abs(line["dir"][1]) > 0.01 or y1 < band or y0 > page["height"] - band:
                    continue
                kept[-1].append("".join(s["text"] if s["size"] >= 0.7 * body else " " for s in line["spans"]))
    # running headers and footers set lower than the band: a line printed on 3 pages or more, numbers aside
    seen = Counter(key for lines in kept for key in {_running_key(line) for line in lines})
    repeated = {key for key, n in seen.items() if n >= 3 and key}
    return "\n".join(line for lines in kept for line in lines if _running_key(line) not in repeated)


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())) if len(line) < 120 else ""


def default_pdfs() -> list[Path]:
    fixtures = ROOT / "tests" / "fixtures" / "pdfs"
    found = sorted(fixtures.glob("*.pdf")) + sorted((fixtures / "corpus").glob("*.pdf"))
    for place in (ROOT.parent / "shared" / "pdfs" / "dev", Path("/work/shared/pdfs/dev")):
        if place.is_dir():
            return found + sorted(place.glob("*.pdf"))
    return found


def main() -> None:
    try:
        import pymupdf  # type: ignore[import-not-found,import-untyped]  # benchmark only (AGPL)
    except ImportError:
        print("PyMuPDF is not installed: skipped (pip install pymupdf in your own venv to run this benchmark)")
        return
    paths = [Path(p) for p in sys.argv[1:]] or default_pdfs()
    coverage, garbage = [], []
    print(f"{'PDF':48} {'pages':>5} {'coverage':>8} {'garbage':>8}")
    for path in paths:
        data = path.read_bytes()
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            plain = "\n".join(page.get_text() for page in pdf)
            everything = with_marks_apart(words(plain))
            reference = words(body_text(pdf))
            pages = pdf.page_count
        doc = parse_pdf(data, doc_id=path.stem, source=str(path))
        ours = document_words(doc)
        found = sum((reference & ours).values()) / max(1, sum(reference.values()))
        extra = sum(split_apart(ours - everything, plain, everything).values()) / max(1, sum(ours.values()))
        coverage.append(found)
        garbage.append(extra)
        print(f"{path.name[:48]:48} {pages:5d} {found:8.3f} {extra:8.3f}")
    print(
        f"\n{len(paths)} PDFs: coverage median {statistics.median(coverage):.3f}, min {min(coverage):.3f}, "
        f">= 0.97 on {sum(c >= 0.97 for c in coverage)}; garbage median {statistics.median(garbage):.3f}, "
        f"max {max(garbage):.3f}"
    )


if __name__ == "__main__":
    main()
