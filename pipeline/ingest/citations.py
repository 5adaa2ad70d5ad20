"""Citation markers: find them in raw text and expand them to reference numbers.

Forms handled: ``[45]``, ``[100,134–136]``, ``^[77-79]``, ``^[15]``, ``<sup>45</sup>``, ``<sup>[45,46]</sup>``,
``$^{45}$``. Cross-references such as ``[Figure 2]`` or ``[Table 1]`` are not citations and stay in the text.
"""

from __future__ import annotations

import re

_NUMS = r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?(?:\s*,\s*\d{1,4}(?:\s*[-–—]\s*\d{1,4})?)*"

CITATION_RE = re.compile(
    rf"\^\[(?P<caret>{_NUMS})\]"
    rf"|\[(?P<bracket>{_NUMS})\]"
    rf"|<sup>\s*\[?(?P<sup>{_NUMS})\]?\s*</sup>"
    rf"|\$\^\{{?\[?(?P<latex>{_NUMS})\]?\}}?\$"
)

# Longest range a citation list plausibly spans; beyond it "[1990–2020]" is a year range, not a citation.
MAX_RANGE = 200


def expand_numbers(spec: str) -> list[int]:
    """Expand ``"100,134–136"`` to ``[100, 134, 135, 136]``; order kept, duplicates dropped.

    A reversed or overlong range is kept as its two end points rather than guessed at.
    """
    out: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        bounds = re.split(r"\s*[-–—]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            numbers = list(range(lo, hi + 1)) if lo <= hi and hi - lo <= MAX_RANGE else [lo, hi]
        else:
            numbers = [int(b) for b in bounds if b.isdigit()]
        out.extend(n for n in numbers if n not in out)
    return out


def citation_numbers(match: re.Match[str]) -> list[int]:
    """The reference numbers of one :data:`CITATION_RE` match."""
    spec = next(g for g in (match["caret"], match["bracket"], match["sup"], match["latex"]) if g is not None)
    return expand_numbers(spec)


def parse_ref_cell(cell: str) -> list[int]:
    """Reference numbers in a table's Ref. column (``"[50,51]"``, ``"44-46"``, ``"[12]"``)."""
    numbers: list[int] = []
    for spec in re.findall(_NUMS, cell):
        numbers.extend(n for n in expand_numbers(spec) if n not in numbers)
    return numbers
