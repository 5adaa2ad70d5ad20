"""A PubMed baseline-sized file through `evminer run`: flat memory while it is streamed, documents/s.

Makes a PubMed XML file (.xml.gz) of N synthetic-but-valid citations from the structure of the real sample
(../shared/xml/pubmed-29768149.xml: its MedlineCitation/PubmedData layout, authors, MeSH list; each citation
its own PMID, title and structured abstract, with EV sentences naming varying miRNAs, drugs and cell lines so
that the whole chain has work), runs `evminer run` on it in a fresh output folder and samples the resident
memory of the run's parent process and of its workers every 0.1 s.

    python benchmarks/pubmed_batch.py                       # 3,000 and 30,000 citations, 2 workers; 1 vs 2 workers
    python benchmarks/pubmed_batch.py --sizes 3000 --workers 1 2

Prints one line per run: citations, workers, seconds, documents/s, peak RSS of the parent (which streams the
file, stores each citation's rows and writes the outputs) and of the largest worker, the parent's CPU time per
citation, and the seconds the run spent after its last worker went (writing JSONL, Parquet, BioC, manifest). Nothing is committed: the file is made in a temporary
folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "xml" / "pubmed-29768149.xml"
EVMINER = Path(sys.executable).parent / "evminer"

MIRNAS = ["miR-21", "miR-155", "miR-222", "miR-221", "miR-1246", "miR-100", "miR-30a", "let-7a", "miR-9-5p"]
DRUGS = ["tamoxifen", "doxorubicin", "docetaxel", "cisplatin", "trastuzumab", "paclitaxel", "gemcitabine"]
CELLS = ["MCF-7", "MDA-MB-231", "SK-BR-3", "BT-474", "T47D", "A549"]


def make_file(path: Path, n: int) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    article = text[text.index("<PubmedArticle>") : text.rindex("</PubmedArticle>") + len("</PubmedArticle>")]
    head = '<?xml version="1.0" ?>\n<PubmedArticleSet>\n'
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        fh.write(head)
        for i in range(n):
            m, d, c = MIRNAS[i % len(MIRNAS)], DRUGS[i % len(DRUGS)], CELLS[i % len(CELLS)]
            pmid = str(40_000_000 + i)
            body = re.sub(r"<PMID Version=\"1\">\d+</PMID>", f'<PMID Version="1">{pmid}</PMID>', article, count=1)
            body = body.replace(">29768149<", f">{pmid}<")
            body = re.sub(
                r"<ArticleTitle>.*?</ArticleTitle>",
                f"<ArticleTitle>Exosomal {m} confers {d} resistance in {c} cells ({i}).</ArticleTitle>",
                body,
                count=1,
                flags=re.S,
            )
            ev = (
                f"Exosomes derived from {d}-resistant {c} cells transferred {m} to sensitive cells and conferred "
                f"{d} resistance. Serum exosomal {m} predicted the response to {d} in {i % 97 + 20} patients."
            )
            body = body.replace('<AbstractText Label="BACKGROUND">', f'<AbstractText Label="BACKGROUND">{ev} ', 1)
            fh.write(body + "\n")
        fh.write("</PubmedArticleSet>\n")


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """The worker processes of a run (spawned interpreters; not multiprocessing's resource tracker)."""
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(x) for x in (task / "children").read_text().split()]
    workers = []
    for child in out:
        with contextlib.suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                workers.append(child)
    return workers


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(src: Path, out: Path, workers: int) -> dict[str, float]:
    """Seconds, parent and largest worker peak RSS (KB), the parent's peak while its workers ran (streaming) apart
    from its peak overall (which may fall in the outputs), the parent's CPU seconds, and the seconds after the last
    worker went (the run's outputs: JSONL, Parquet, BioC, manifest)."""
    cmd = [str(EVMINER), "run", str(src), "--out", str(out), "--workers", str(workers), "--no-report", "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    parent = streaming = worker = 0
    cpu = 0.0
    workers_seen = started
    while proc.poll() is None:
        parent = max(parent, _rss_kb(proc.pid))
        cpu = max(cpu, _cpu_seconds(proc.pid))
        children = _children(proc.pid)
        for child in children:
            worker = max(worker, _rss_kb(child))
        if children:
            workers_seen = time.perf_counter()
            streaming = parent
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    stdout, stderr = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"evminer run failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    print("   ", stdout.decode().strip().splitlines()[-1], file=sys.stderr)
    return {
        "seconds": seconds,
        "parent": parent,
        "streaming": streaming,
        "worker": worker,
        "cpu": cpu,
        "outputs": time.perf_counter() - workers_seen if workers_seen > started else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 30000])
    parser.add_argument("--workers", type=int, nargs="+", default=[2])
    parser.add_argument("--speed-size", type=int, default=3000, help="citations for the 1 vs 2 workers runs")
    args = parser.parse_args()
    if not SAMPLE.exists():
        raise SystemExit(f"{SAMPLE}: the PubMed sample is needed to make the file")
    print(
        f"{'citations':>9} {'workers':>7} {'seconds':>8} {'docs/s':>7} {'parent RSS MB':>13} {'streaming':>9} "
        f"{'worker RSS MB':>13} "
        f"{'parent CPU ms/doc':>17} {'outputs s':>9}"
    )
    plan = [(n, w) for n in args.sizes for w in args.workers[-1:]]
    plan += [(args.speed_size, w) for w in args.workers if (args.speed_size, w) not in plan]
    with tempfile.TemporaryDirectory() as tmp:
        for n, workers in plan:
            src = Path(tmp) / f"src{n}"
            if not src.exists():
                src.mkdir()
                t = time.perf_counter()
                make_file(src / f"pubmed{n}.xml.gz", n)
                size = (src / f"pubmed{n}.xml.gz").stat().st_size
                print(
                    f"    made {n:,} citations in {time.perf_counter() - t:.1f} s ({size / 1e6:.1f} MB gz)",
                    file=sys.stderr,
                )
            out = Path(tmp) / f"out{n}-{workers}"
            r = run(src, out, workers)
            print(
                f"{n:>9,} {workers:>7} {r['seconds']:>8.1f} {n / r['seconds']:>7.1f} {r['parent'] / 1024:>13.0f} "
                f"{r['streaming'] / 1024:>9.0f} {r['worker'] / 1024:>13.0f} {1000 * r['cpu'] / n:>17.1f} {r['outputs']:>9.1f}",
                flush=True,
            )
            shutil.rmtree(out)
    print(f"(cpu count {os.cpu_count()}; each run in a fresh output folder, nothing cached)")


if __name__ == "__main__":
    main()
