"""Abbreviation definitions written as "long form (SHORT)".

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text":
the short form is a parenthesised token of 2-10 characters with a letter; the long form is found by matching
the short form's characters right to left in the words before the parenthesis, the first character of the
short form starting a word of the long form.
"""

from __future__ import annotations

import re

_CANDIDATE_RE = re.compile(r"\(([^()\s;,]{1,10}(?:\s[^()\s;,]{1,10})?)\)")


def _best_long_form(short: str, before: str) -> str | None:
    """The shortest tail of ``before`` whose characters cover ``short`` (Schwartz-Hearst matching)."""
    s = short.lower()
    long = before.lower()
    s_i = len(s) - 1
    l_i = len(long) - 1
    while s_i >= 0:
        c = s[s_i]
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (long[l_i] != c or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start = long.rfind(" ", 0, l_i + 1) + 1
    return before[start:].strip()


def find_definitions(text: str) -> dict[str, str]:
    """``{"ADM": "Adriamycin", "CAFs": "Cancer-associated fibroblasts", ...}`` for every definition found."""
    out: dict[str, str] = {}
    for m in _CANDIDATE_RE.finditer(text):
        short = m[1].strip()
        if not any(c.isalpha() for c in short) or not short[0].isalnum() or len(short) < 2:
            continue
        words = text[: m.start()].rstrip().split()
        if not words:
            continue
        window = words[-min(len(short) + 5, 2 * len(short)) :]
        long = _best_long_form(short, " ".join(window))
        if not long or len(long) <= len(short) or long.lower() == short.lower():
            continue
        if short.lower().rstrip("s") in long.lower().split():
            continue  # "(HER2)" after "human HER2": no definition
        out.setdefault(short, long.strip(" ,;:-"))
    return out
