"""Words and lines of a PDF page -> text: superscript citation numbers, spaces from gaps, hyphenation undone."""

from __future__ import annotations

import re

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
CITE_SUP_RE = re.compile(r"^\[?\d{1,3}(?:[,–-]\s?\d{1,3})*\]?$")


def join_words(words: list[dict], size: float) -> str:
    """One line's words (left to right) as text: a raised small number after a word is a citation marker
    ("^[12]"), other raised text is <sup> (an affiliation mark, "Ca<sup>2+</sup>", a residue number before
    its residue: "<sup>926</sup>DQVD"); a space wherever the gap is wider than 0.12 font size."""
    parts: list[str] = []
    base: dict | None = None  # the last word on the baseline
    last: dict | None = None
    for i, w in enumerate(words):
        text = w["text"]
        nxt = words[i + 1] if i + 1 < len(words) else None
        ref = base or nxt
        raised = w["size"] < 0.85 * size and ref is not None and w["bottom"] < ref["bottom"] - 0.5
        space = " " if parts and last is not None and w["x0"] - last["x1"] > 0.12 * size else ""
        prefix = nxt is not None and nxt["x0"] - w["x1"] < 0.12 * size and nxt["text"][:1].isalnum()
        if raised and base is not None and not prefix and CITE_SUP_RE.match(text):
            parts.append(f"^[{text.strip('[]')}]")
        elif raised and prefix and text.isdigit():  # a residue or isotope number: not a citation
            parts.append(space + text.translate(_SUPERSCRIPT_DIGITS))
        elif raised:
            parts.append((space if prefix else "") + f"<sup>{text}</sup>")
        else:
            parts.append(space + text)
            base = w
        last = w
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
