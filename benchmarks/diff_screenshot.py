"""Render the HTML diff of the corpus and take a screenshot of it in headless Chromium (Debian's chromium).

Usage: python benchmarks/diff_screenshot.py [--out outputs/diff_screenshot.png]
Checks that the page renders (a non-blank PNG of the expected size) and prints the timings; the PNG can be
looked at. Needs /usr/bin/chromium (apt-get install chromium); no network.
"""

from __future__ import annotations

import argparse
import shutil
import struct
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path} is not a PNG")
    return struct.unpack(">II", data[16:24])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "outputs" / "diff_screenshot.png")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    from pipeline.annotate import annotate
    from pipeline.evaluate.diff import diff_documents
    from pipeline.export.report import diff_html
    from pipeline.ingest import ingest
    from pipeline.relate import relate
    from pipeline.tables import table_assertions

    t = time.perf_counter()
    docs = [annotate(ingest(p)) for p in sorted((ROOT / "corpus").glob("*.txt"))]
    page = diff_html(
        diff_documents(docs, [a for d in docs for a in table_assertions(d)], [a for d in docs for a in relate(d)]), docs
    )
    build_s = time.perf_counter() - t
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "diff.html"
        html_path.write_text(page, encoding="utf-8")
        t = time.perf_counter()
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                f"--screenshot={args.out}",
                "--window-size=1400,2000",
                html_path.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        shot_s = time.perf_counter() - t
    width, height = png_size(args.out)
    size = args.out.stat().st_size
    print(
        f"page: {len(page):,} bytes, built in {build_s:.2f} s; screenshot {width}x{height}, {size:,} bytes, "
        f"{shot_s:.1f} s -> {args.out}"
    )
    if (width, height) != (1400, 2000) or size < 20_000:
        raise SystemExit("the screenshot looks blank or truncated")


if __name__ == "__main__":
    main()
