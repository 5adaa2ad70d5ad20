"""Searching a paper for a regular expression only where a match can be: at the words every match holds.

Python's ``re`` finds a pattern that starts with a literal quickly; one that starts with a lookbehind, an
optional group or (ignoring case) a letter is tried at every character of the text. When every match holds one
of a few words ("anchors") at most ``reach`` characters after its start, trying the pattern only from there
gives the same matches as ``finditer`` (tests/annotate/test_fast_paths.py checks each use on the corpus and on
random strings).
"""

from __future__ import annotations

import re


def anchored_finditer(
    regex: re.Pattern[str], text: str, anchors: tuple[str, ...], reach: int, lowered: str | None = None
) -> list[re.Match[str]] | None:
    """``list(regex.finditer(text))``, the regex tried only from the ``reach`` characters before each place an
    anchor starts (a negative ``reach``: from the anchor's start to ``-reach`` characters after it, for a match
    that starts after its anchor, as one behind a lookbehind does), left to right, going on after each match as
    finditer does. A regex that ignores case has its
    (lower-case) anchors found in ``lowered`` (``text.lower()``, computed here if not given). None where the
    answer could differ from finditer's: lower-casing changed the text's length, or an empty match."""
    where = text
    if regex.flags & re.IGNORECASE:
        where = text.lower() if lowered is None else lowered
        if len(where) != len(text):
            return None
    positions: set[int] = set()
    for anchor in anchors:
        at = where.find(anchor)
        while at >= 0:
            positions.add(at)
            at = where.find(anchor, at + 1)
    out: list[re.Match[str]] = []
    done = 0
    for at in sorted(positions):
        first, last = (at - reach, at) if reach >= 0 else (at, at - reach)
        for start in range(max(done, first), last + 1):
            m = regex.match(text, start)
            if m is not None:
                if m.end() == m.start():
                    return None
                out.append(m)
                done = m.end()
                break
    return out
