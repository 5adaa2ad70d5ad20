"""Characters, words and lines of a PDF page -> text: words from gaps, superscript citation numbers, spaces,
hyphenation undone.

Both character sources (pdfminer through pdfplumber, and pdfium) give the reader the same ``Char`` tuples, so
that everything after them is one code path:

    (text, x0, x1, top, bottom, size, font, turn)

in points from the page's top left; ``turn`` 0 for upright text, 1 for text read bottom to top (a landscape
table on a portrait page), 2 for any other direction. ``bottom`` is the baseline plus DESCENT x size and ``top``
is ``bottom - size`` for every font: the fonts' own descent values differ between the two readers (and are
wrong in symbol fonts), the baseline does not.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from pipeline.ingest.hyphens import HYPHEN_MARK
from pipeline.ingest.pdf_settings import PDF_SETTINGS

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
CITE_SUP_RE = re.compile(r"^\[?\d{1,3}(?:[,–-]\s?\d{1,3})*\]?$")

_RAISED_RANGE_RE = re.compile(r"\^\[([\d,]+)\](?:<sup>)?([–-])(?:</sup>)?\^\[([\d,]+)\]")
Char = tuple[str, float, float, float, float, float, str, int]  # text, x0, x1, top, bottom, size, font, turn
DESCENT = (
    PDF_SETTINGS.descent
)  # how far under the baseline a character's box reaches, in font sizes (Times 0.217, Arial 0.212)
WORD_GAP = PDF_SETTINGS.word_gap  # a gap wider than this many font sizes between two characters separates words
_SUBSET_RE = re.compile(r"^[A-Z]{6}\+")  # "AJFMGD+FranklinGothic-Book": the subset tag of an embedded font


class OpenPDF:
    """An open PDF, from either engine: its page count and its pages one at a time (read lazily: memory stays
    bounded), each with ``chars`` (Char), ``horizontal_edges``, ``vertical_edges``, ``page_number``, ``width``,
    ``height``, ``links()`` (the URIs of its link annotations) and ``close()``; ``info``: the document
    information dictionary's text entries (Title, Subject, Keywords, ...)."""

    def __init__(
        self, count: int, pages: Iterator[Any], close: Callable[[], None], info: dict[str, str] | None = None
    ) -> None:
        self.count, self.pages, self.close = count, pages, close
        self.info = info or {}


def font_name(name: str) -> str:
    return _SUBSET_RE.sub("", name)


def char_text(text: str) -> str:
    """A glyph's text as both readers give it: ligatures spelt out ("ﬁ" -> "fi"); glyphs without a Unicode
    mapping ("(cid:9)" in pdfminer, nothing in pdfium) and spaces are dropped (words come from gaps)."""
    if text.startswith("(cid:") or text.isspace() or text < " ":
        return ""
    if "\ufb00" <= text <= "\ufb06":
        return unicodedata.normalize("NFKC", text)
    return text


# spacing accents that TeX and others set as a glyph of their own over a letter, and their combining forms
_ACCENTS = {
    "`": "\u0300",
    "´": "\u0301",
    "ˆ": "\u0302",
    "^": "\u0302",
    "˜": "\u0303",
    "~": "\u0303",
    "¯": "\u0304",
    "˘": "\u0306",
    "˙": "\u0307",
    "¨": "\u0308",
    "˚": "\u030a",
    "ˇ": "\u030c",
    "¸": "\u0327",
}


_ACCENT_RE = re.compile("[" + re.escape("".join(_ACCENTS)) + "]")


def compose_accents(chars: list[Char]) -> list[Char]:
    """An accent glyph set over (or under) a letter, its middle within the letter's advance, is one character
    with it: "e" + "`" -> "è", "A" + "˚" -> "Å". The readers put such a glyph in different places of the
    character order (pdfminer where it is drawn, pdfium after the word or the line), so the letter is found
    by place, not by order."""
    accents = [i for i, c in enumerate(chars) if c[0] in _ACCENTS]
    if not accents:
        return chars
    out = list(chars)
    dropped: set[int] = set()
    for i in accents:
        text, x0, x1, _, bottom, size, _, turn = chars[i]
        middle = (x0 + x1) / 2
        best, distance = None, size
        for j, letter in enumerate(out):
            if (
                letter[1] <= middle <= letter[2]
                and abs(letter[4] - bottom) <= distance
                and letter[7] == turn
                and j != i
                and j not in dropped
                and letter[0][-1:].isalpha()
            ):
                best, distance = j, abs(letter[4] - bottom)
        if best is not None:
            letter = out[best]
            out[best] = (unicodedata.normalize("NFC", letter[0] + _ACCENTS[text]), *letter[1:])
            dropped.add(i)
    return [c for k, c in enumerate(out) if k not in dropped]


def group_words(chars: list[Char]) -> list[dict]:
    """Upright characters (in content order) -> words: a word goes on while characters of one font and size
    follow each other on one baseline with no gap wider than WORD_GAP x size (ligature parts share a box)."""
    words = _group(chars)
    if _ACCENT_RE.search("".join(w["text"] for w in words)):  # an accent glyph somewhere: join it to its letter
        words = _group(compose_accents(chars))
    return _untrack(words)


def _group(chars: list[Char]) -> list[dict]:
    words: list[dict] = []
    text: list[str] = []
    x0 = x1 = top = bottom = size = last_x0 = 0.0
    font = ""
    for c_text, c_x0, c_x1, c_top, c_bottom, c_size, c_font, turn in chars:
        if turn:
            continue  # vertical margin text, turned tables (RotatedView reads those)
        if (
            c_font == font
            and -0.01 < c_size - size < 0.01
            and -0.1 * size <= c_bottom - bottom <= 0.1 * size
            and c_x0 >= last_x0 - 0.01
            and c_x0 - x1 <= WORD_GAP * size
            and text
        ):
            text.append(c_text)
            if c_x1 > x1:
                x1 = c_x1
            if c_top < top:
                top = c_top
            last_x0 = c_x0
            continue
        if text:
            words.append(_word(text, x0, x1, top, bottom, size, font))
        text = [c_text]
        x0, x1, top, bottom, size, font, last_x0 = c_x0, c_x1, c_top, c_bottom, c_size, c_font, c_x0
    if text:
        words.append(_word(text, x0, x1, top, bottom, size, font))
    return words


def _untrack(words: list[dict]) -> list[dict]:
    """Letter-spaced text ("R E S E A R C H  A R T I C L E"): a run of at least four one-letter words on a
    baseline, in one font, with even gaps between them, is read with the letters' gap as no gap: words split
    only where the gap is wider than that by a word space."""
    singles = [len(w["text"]) == 1 for w in words]
    if not any(sum(singles[i : i + 4]) >= 3 for i in range(len(singles) - 3)):
        return words  # no four words of which three are single letters: no letter spacing on this page
    out: list[dict] = []
    i = 0
    while i < len(words):
        j = i + 1
        while (
            j < len(words)
            and words[j]["fontname"] == words[i]["fontname"]
            and words[j]["size"] == words[i]["size"]
            and words[j]["bottom"] == words[i]["bottom"]
            and words[j]["x0"] > words[j - 1]["x1"]
        ):
            j += 1
        run = words[i:j]
        single = sum(len(w["text"]) == 1 for w in run)
        if len(run) >= 4 and single >= 0.75 * len(run):
            gaps = sorted(b["x0"] - a["x1"] for a, b in itertools.pairwise(run))
            letter = gaps[len(gaps) // 4]  # the letters' gap: the smaller gaps (word gaps are wider)
            size = run[0]["size"]
            if letter <= 0.6 * size and letter <= gaps[len(gaps) // 2] + 0.02 * size:  # columns are further apart
                merged = [dict(run[0])]
                for w in run[1:]:
                    last = merged[-1]
                    if w["x0"] - last["x1"] <= letter + 0.5 * WORD_GAP * size:
                        last["text"] += w["text"]
                        last["x1"] = w["x1"]
                        last["top"] = min(last["top"], w["top"])
                    else:
                        merged.append(dict(w))
                out += merged
                i = j
                continue
        out += run
        i = j
    return out


def _word(text: list[str], x0: float, x1: float, top: float, bottom: float, size: float, font: str) -> dict:
    return {
        "text": "".join(text),
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "size": size,
        "fontname": font,
        "upright": True,
    }


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
    # a raised range "9–12": both numbers and the dash between them are one citation marker
    return _RAISED_RANGE_RE.sub(r"^[\1\2\3]", "".join(parts).strip())


_LAST_HYPHENATED = re.compile(r"(\S*?)-$")


def dehyphenate(lines: list[str]) -> str:
    """Lines -> one text. A line ending in "-" after a lower-case letter, before a line starting with one,
    may be a word broken at the line end or a hyphenated word: it is marked (hyphens.HYPHEN_MARK) and decided
    once the whole paper is read; "MDA-MB-" + "231", "IL-" + "6" keep it."""
    text = lines[0] if lines else ""
    for nxt in lines[1:]:
        m = _LAST_HYPHENATED.search(text[-80:]) if text.endswith("-") else None  # the tail: paragraphs are long
        if m and nxt[:1].islower() and m[1][-1:].islower():
            text = text[:-1] + HYPHEN_MARK + nxt  # "chemo-" + "resistance", "drug-" + "resistant", "Com-" + "pounds"
        elif m:
            text += nxt  # "MDA-MB-" + "231", "IL-" + "6": the hyphen stays
        else:
            text += " " + nxt
    return text
