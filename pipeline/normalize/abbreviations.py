"""Abbreviation definitions written as "long form (SHORT)".

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in biomedical text":
the short form is a parenthesised token of 2-10 characters with a letter; the long form is found by matching
the short form's characters right to left in the words before the parenthesis, the first character of the
short form starting a word of the long form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a long form never spans a clause: a comma before a word, or a finite verb or relative pronoun of a clause
_CLAUSE_IN_LONG = re.compile(r",\s|\b(?:which|that|who|were|was|is|are)\b", re.IGNORECASE)
_CANDIDATE_RE = re.compile(r"\(([^()\s;,]{1,10}(?:\s[^()\s;,]{1,10})?)\)")


def best_long_form(short: str, before: str) -> str | None:
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
    start = l_i + 1  # the long form starts at the word where the short form's first character matched
    while start > 0 and long[start - 1].isalnum():
        start -= 1
    return before[start:].strip()


@dataclass(frozen=True)
class Definition:
    """One "long form (SHORT)" definition with where its parts stand in the text."""

    short: str
    long: str
    short_start: int
    long_start: int
    long_end: int


def find_definition_spans(text: str) -> list[Definition]:
    """Every "long form (SHORT)" definition of ``text``, in order."""
    out: list[Definition] = []
    for m in _CANDIDATE_RE.finditer(text):
        short = m[1].strip()
        if not any(c.isalpha() for c in short) or not short[0].isalnum() or len(short) < 2:
            continue
        window_start = max(0, m.start() - 400)
        before = text[window_start : m.start()].rstrip()
        words = before.split()
        if not words:
            continue
        window = words[-min(len(short) + 5, 2 * len(short)) :]
        long = best_long_form(short, " ".join(window))
        if not long or len(long) <= len(short) or long.lower() == short.lower():
            continue
        if short.lower().rstrip("s") in long.lower().split():
            continue  # "(HER2)" after "human HER2": no definition
        if _CLAUSE_IN_LONG.search(long):
            continue  # "..., which were then exposed to cytarabine (Ara-C)": letters found across a clause, no name
        long = long.strip(" ,;:-")
        long_end = window_start + len(before.rstrip(" ,;:-"))
        long_start = text.rfind(long, window_start, long_end + 1)
        if long_start < 0:  # the window joined words over a line break: no span to give
            continue
        out.append(Definition(short, long, m.start(1), long_start, long_start + len(long)))
    return out


def find_definitions(text: str) -> dict[str, str]:
    """``{"ADM": "Adriamycin", "CAFs": "Cancer-associated fibroblasts", ...}`` (the first definition of each)."""
    out: dict[str, str] = {}
    for d in find_definition_spans(text):
        out.setdefault(d.short, d.long)
    return out
