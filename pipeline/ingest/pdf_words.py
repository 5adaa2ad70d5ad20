"""Words and lines of a PDF page -> text: superscript citation numbers, spaces from gaps, hyphenation undone."""

from __future__ import annotations

import re

CITE_SUP_RE = re.compile(r"^\[?\d{1,3}(?:[,–-]\s?\d{1,3})*\]?$")


def join_words(words: list[dict], size: float) -> str:
    parts: list[str] = []
    prev = None
    for w in words:
        text = w["text"]
        sup = w["size"] < 0.85 * size and prev is not None and w["bottom"] < prev["bottom"] - 0.5
        if sup and CITE_SUP_RE.match(text):
            parts.append(f"^[{text.strip('[]')}]")
        elif sup:
            parts.append(f"<sup>{text}</sup>")
        else:
            gap = w["x0"] - prev["x1"] if prev is not None else 0
            parts.append((" " if parts and gap > 0.12 * size else "") + text)
        prev = w if not sup else prev
    return "".join(parts).strip()


def dehyphenate(lines: list[str]) -> str:
    text = lines[0] if lines else ""
    for nxt in lines[1:]:
        m = re.search(r"(\S*?)-$", text)
        if m and nxt[:1].islower() and m[1][-1:].islower() and not re.search(r"[A-Z0-9]", m[1][-3:]):
            text = text[:-1] + nxt  # "chemo-" + "resistance"
        elif m:
            text += nxt  # "MDA-MB-" + "231", "IL-" + "6": the hyphen stays
        else:
            text += " " + nxt
    return text
