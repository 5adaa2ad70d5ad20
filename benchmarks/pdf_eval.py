"""PDF reading against the hand-transcribed gold set (tests/gold/pdfs/*.json): front matter, headings,
reference counts, tables. Prints every paper, then dev and test apart (tests/gold/pdfs/SPLIT.md: the test
split is only scored, never looked at to fix a miss).

Usage: python benchmarks/pdf_eval.py [--engine pdfium|pdfplumber] [--verbose]
PDFs are read from ../shared/pdfs/ (the dev/ ones) and tests/fixtures/pdfs/ (the four real ones); a gold file
whose PDF is absent is skipped.

Measures (the issue 13 goals on the test split in brackets):
- title: the Document's title equals the gold title, compared on letters and digits only (>= 0.95)
- authors: share of the gold surnames that end one of the Document's author names, counted with repeats (>= 0.90)
- doi, year: equal (DOI case-insensitively) (DOI >= 0.98)
- refs: the Document's reference count within 5% of the printed one (>= 0.90 of papers)
- headings: share of the gold headings that are a section title of the Document (recall; the gold lists the
  publisher's bookmarks, so it can be incomplete and precision is not scored)
- tables: the count equals the printed one; cells: share of the transcribed cells found in the table of the
  same label (>= 0.90); spurious: tables beyond the printed count (none)
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest.pdf import parse_pdf  # noqa: E402
from pipeline.models import Document  # noqa: E402

GOLD = ROOT / "tests" / "gold" / "pdfs"
PLACES = (ROOT.parent / "shared" / "pdfs", ROOT / "tests" / "fixtures" / "pdfs", Path("/work/shared/pdfs"))


def norm(text: str) -> str:
    """Letters and digits only, lower case, accents and typographic variants folded."""
    text = unicodedata.normalize("NFKD", text)
    text = text.replace("−", "-").replace("–", "-").replace("×", "x").replace("ﬁ", "fi").replace("ﬂ", "fl")
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _pdf(gold: dict) -> Path | None:
    for place in PLACES:
        if (place / gold["file"]).exists():
            return place / gold["file"]
    return None


def score(doc: Document, gold: dict) -> dict[str, float | None]:
    meta = doc.metadata
    out: dict[str, float | None] = {}
    out["title"] = float(norm(meta.title or "") == norm(gold["title"]))
    names = [norm(n) for n in meta.authors]
    found = 0
    pool = Counter(names)
    for surname in gold["authors"]:
        s = norm(surname)
        hit = next((n for n in pool if pool[n] > 0 and n.endswith(s)), None)
        if hit is not None:
            pool[hit] -= 1
            found += 1
    out["authors"] = found / len(gold["authors"]) if gold["authors"] else None
    dois = {d.lower() for d in [gold["doi"], *gold.get("doi_also", [])]}
    out["doi"] = float((meta.doi or "").lower() in dois)
    out["year"] = None if gold.get("year") is None else float(meta.year == gold["year"])
    refs = gold.get("references")
    out["refs"] = None if refs is None else float(abs(len(doc.references) - refs) <= 0.05 * refs)
    headings = gold.get("headings") or []
    titles = {norm(s.title) for s in doc.sections}
    out["headings"] = sum(norm(h) in titles for h in headings) / len(headings) if headings else None
    count = gold.get("table_count")
    out["tables"] = None if count is None else float(len(doc.tables) == count)
    out["spurious"] = None if count is None else float(max(0, len(doc.tables) - count))
    cells = total = 0
    for table in gold.get("tables", []):
        if not table.get("cells"):
            continue
        got = next((t for t in doc.tables if t.label == table["label"]), None)
        have = Counter(norm(c) for row in ([got.header, *got.rows] if got else []) for c in row)
        for row in table["cells"]:
            for cell in row:
                total += 1
                if have[norm(cell)] > 0:
                    have[norm(cell)] -= 1
                    cells += 1
    out["cells"] = cells / total if total else None
    out["cell_count"] = float(total)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="pdfium")
    parser.add_argument("--verbose", action="store_true", help="print what was read where it differs")
    args = parser.parse_args()
    results: dict[str, list[dict]] = {"dev": [], "test": []}
    keys = ("title", "authors", "doi", "year", "refs", "headings", "tables", "cells", "spurious")
    print(f"{'paper':34} {'split':5} " + " ".join(f"{k[:8]:>8}" for k in keys))
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text())
        pdf = _pdf(gold)
        if pdf is None:
            print(f"{path.stem[:34]:34} skipped: {gold['file']} not found")
            continue
        doc = parse_pdf(pdf.read_bytes(), doc_id=path.stem, source=str(pdf), engine=args.engine)
        s = score(doc, gold)
        results[gold["split"]].append(s)
        print(
            f"{path.stem[:34]:34} {gold['split']:5} "
            + " ".join(f"{'-':>8}" if s[k] is None else f"{s[k]:8.2f}" for k in keys)
        )
        if args.verbose and gold["split"] == "dev":
            print(
                f"    title {doc.metadata.title!r}\n    authors {doc.metadata.authors}\n    doi {doc.metadata.doi} "
                f"year {doc.metadata.year} refs {len(doc.references)} tables {[t.label for t in doc.tables]}"
            )
    for split, rows in results.items():
        if not rows:
            continue
        print(f"\n{split}: {len(rows)} papers")
        for k in keys:
            values = [r[k] for r in rows if r[k] is not None]
            if not values:
                continue
            if k == "cells":  # pooled over all transcribed cells
                weights = [r["cell_count"] for r in rows if r[k] is not None]
                value = sum(v * w for v, w in zip(values, weights, strict=True)) / sum(weights)
                print(f"  {k:9} {value:.3f}  ({int(sum(weights))} cells in {len(values)} papers)")
            elif k == "spurious":
                print(f"  {k:9} {int(sum(values))} tables beyond the printed count ({len(values)} papers)")
            else:
                print(f"  {k:9} {statistics.mean(values):.3f}  (mean over {len(values)} papers)")


if __name__ == "__main__":
    main()
