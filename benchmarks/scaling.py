"""Linear time: parse time of texts and tables as their size doubles.

Usage: python benchmarks/scaling.py [--repeat 3] [--annotate]
Texts of 80, 160, 320 and 640 KB built from the corpus reviews' prose (as many paragraphs, as one paragraph,
and as one line with no line break at all), and tables of 1k, 2k, 4k and 8k rows (to Assertions). Prints the
median seconds of each size and the ratio to the size before it; each doubling should cost <= 2.5x (goal of
issue 15). ``--annotate`` times the entity annotation of the paragraph texts too.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (80, 160, 320, 640)
ROWS = (1000, 2000, 4000, 8000)


def _prose() -> list[str]:
    """The corpus reviews' prose paragraphs (no tables, headings or references)."""
    paragraphs = []
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if (
                len(block) > 300
                and "\t" not in block
                and not re.match(r"\d+\.\s|\*\*", block)
                and "Creative" not in block
            ):
                paragraphs.append(block)
    return paragraphs


def text_of(kb: int, joiner: str) -> str:
    """About ``kb`` KB of prose paragraphs joined by ``joiner``, with a title on top."""
    paragraphs = _prose()
    out, size, i = [], 0, 0
    while size < kb * 1024:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        size += len(p.encode("utf-8")) + len(joiner)
        i += 1
    return "Exosomes in drug resistance\n\n" + joiner.join(out) + "\n"


def table_of(rows: int) -> str:
    """A review with one curated table of ``rows`` rows (miRNA | Target | Resistance | Ref.)."""
    drugs = ["Doxorubicin", "Tamoxifen", "Cisplatin", "Paclitaxel", "Docetaxel"]
    genes = ["PTEN", "p27, ER α", "STAT5B", "n.d.", "CCND2, CCND3"]
    lines = ["miRNAs\tTarget\tResistance\tRef."]
    for i in range(rows):
        lines.append(f"miR-{100 + i % 900}, miR-{21 + i % 50}\t{genes[i % 5]}\t{drugs[i % 5]}\t[{1 + i % 60}]")
    refs = "\n".join(f"{n}. Author{n} A, Other B. Title {n}. J Test. 2020;{n}:1-10." for n in range(1, 61))
    return (
        "Exosomal miRNAs in resistance\n\nAbstract\n\nExosomal miR-21 confers resistance to doxorubicin [1].\n\n"
        "Table 1. Exosomal miRNAs in resistance\n\n" + "\n".join(lines) + "\n\nReferences\n\n" + refs + "\n"
    )


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def report(name: str, sizes: tuple[int, ...], unit: str, seconds: list[float]) -> bool:
    ok = True
    print(name)
    for i, (size, s) in enumerate(zip(sizes, seconds, strict=True)):
        ratio = f"x{s / seconds[i - 1]:.2f}" if i else ""
        if i and s / seconds[i - 1] > 2.5:
            ok = False
        print(f"  {size:>6} {unit}: {s:8.3f} s  {ratio}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--annotate", action="store_true", help="also time entity annotation of the texts")
    args = parser.parse_args()

    from pipeline.ingest import parse_text
    from pipeline.tables import table_assertions

    table_assertions(parse_text(table_of(100), doc_id="x", source="x"))  # lexicons loaded before any timing
    ok = True
    for label, joiner in (("paragraphs", "\n\n"), ("one paragraph", "\n"), ("one line", " ")):
        texts = [text_of(kb, joiner) for kb in SIZES_KB]
        seconds = [median_seconds(lambda t=t: parse_text(t, doc_id="x", source="x"), args.repeat) for t in texts]
        ok &= report(f"parse, text as {label}", SIZES_KB, "KB", seconds)
    tables = [table_of(n) for n in ROWS]
    seconds = [
        median_seconds(lambda t=t: table_assertions(parse_text(t, doc_id="x", source="x")), args.repeat) for t in tables
    ]
    ok &= report("parse + table assertions, one table", ROWS, "rows", seconds)
    if args.annotate:
        from pipeline.annotate import annotate, load_pipeline

        load_pipeline()
        docs = [parse_text(text_of(kb, "\n\n"), doc_id="x", source="x") for kb in SIZES_KB]
        seconds = [median_seconds(lambda d=d: annotate(d), 1) for d in docs]
        ok &= report("annotate, text as paragraphs", SIZES_KB, "KB", seconds)
    print("every doubling <= 2.5x" if ok else "SOME DOUBLING COSTS MORE THAN 2.5x")


if __name__ == "__main__":
    main()
