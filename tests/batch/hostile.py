"""Hostile inputs for the batch tests: files that kill, stop or hang their worker, and a PDF memory bomb.

``process_or_die`` stands in for the worker's per-file function: a file whose name starts with ``die-signal``
makes its worker kill itself with SIGKILL (as the kernel's OOM killer does), ``die-exit`` makes it exit, and
``hang`` makes it sleep; every other file goes through the real chain.
"""

from __future__ import annotations

import os
import signal
import time
import zlib
from pathlib import Path

from pipeline.batch.worker import Limits, Result, Task, process_task
from tests.pdf_objects import assemble_pdf


def process_or_die(task: Task, limits: Limits) -> Result:
    name = Path(task.path).name
    if name.startswith("die-signal"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("die-exit"):
        os._exit(3)
    if name.startswith("hang"):
        time.sleep(3600)
    return process_task(task, limits)


def bomb_pdf(inflated_mb: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated_mb`` MB of blanks (a few hundred KB on disk)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Exosomes) Tj ET\n")]
    parts += [comp.compress(chunk) for _ in range(inflated_mb)]
    parts.append(comp.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return assemble_pdf(objects)


CARGOS = ["miR-21", "miR-155", "miR-221", "miR-222", "miR-100", "miR-30a", "let-7a", "miR-1246", "miR-423", "miR-9"]
DRUGS = [
    "doxorubicin",
    "tamoxifen",
    "cisplatin",
    "paclitaxel",
    "docetaxel",
    "gemcitabine",
    "trastuzumab",
    "oxaliplatin",
    "5-fluorouracil",
    "gefitinib",
]


def good_abstracts(folder: Path, n: int = 10) -> list[str]:
    """``n`` short, different abstracts; returns their file names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        cargo, drug = CARGOS[i % len(CARGOS)], DRUGS[(3 * i) % len(DRUGS)]
        text = (
            f"Exosomal {cargo} and resistance to {drug} in breast cancer (study {i})\n\n"
            f"Abstract\n\nExosomes released by {drug}-resistant MCF-7 cells transferred {cargo} to sensitive "
            f"MCF-7 cells and conferred resistance to {drug}. Exosomal {cargo} levels in serum predicted the "
            f"response to {drug} in {20 + i} patients.\n"
        )
        name = f"abstract_{i:02d}.txt"
        (folder / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names
