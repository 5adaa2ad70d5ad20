"""Cheap checks on a file's bytes before a reader gets them.

A PDF's streams are zlib-compressed (FlateDecode) and inflate by up to ~1000x: a 1.6 MB file can hold a
1.5 GiB page stream that the PDF library inflates whole into memory. ``inflated_over`` inflates each Flate
stream once in bounded chunks (the output is counted and dropped, so memory stays flat) and stops at the first
stream over the cap.
"""

from __future__ import annotations

import re
import zlib

_STREAM_RE = re.compile(rb"(?<!end)stream\r?\n")
_CHUNK = 1 << 20


def _inflated_size(data: bytes, start: int, cap: int) -> int:
    """How many bytes the zlib stream at ``start`` inflates to, counting no further than just over ``cap``."""
    inflater = zlib.decompressobj()
    total = 0
    pending = memoryview(data)[start:]
    try:
        while pending and not inflater.eof:
            piece = pending[: 4 * _CHUNK]
            out = inflater.decompress(piece, _CHUNK)
            total += len(out)
            while inflater.unconsumed_tail and not inflater.eof and total <= cap:
                out = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
                total += len(out)
            if total > cap:
                return total
            pending = pending[len(piece) :]
    except zlib.error:
        pass  # not (or no longer) zlib data: an image, another filter, a truncated stream
    return total


def inflated_over(data: bytes, cap_bytes: int) -> tuple[int, int] | None:
    """``(offset, size)`` of the first PDF stream that inflates to more than ``cap_bytes``, or None."""
    for m in _STREAM_RE.finditer(data):
        size = _inflated_size(data, m.end(), cap_bytes)
        if size > cap_bytes:
            return m.end(), size
    return None
