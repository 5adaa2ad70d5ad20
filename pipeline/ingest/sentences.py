"""Sentence boundaries for biomedical prose.

A rule splitter in the spirit of Punkt's abbreviation handling: a full stop, question or exclamation mark ends a
sentence when white space and a plausible sentence start follow, unless the word before it is a known
abbreviation ("et al.", "e.g.", "i.e.", "vs.", "Fig."), an initial, or a number's decimal point. Sentences may
start with a lower-case word that carries an upper-case letter inside ("sEVs", "miR-21", "mRNA"), as they do in
EV papers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ABBREVIATIONS = frozenset(
    [
        "al",
        "e.g",
        "i.e",
        "vs",
        "v",
        "cf",
        "ca",
        "approx",
        "etc",
        "fig",
        "figs",
        "ref",
        "refs",
        "no",
        "nos",
        "vol",
        "vols",
        "pp",
        "p",
        "eq",
        "eqs",
        "resp",
        "incl",
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "sp",
        "spp",
        "var",
        "subsp",
        "cv",
        "ed",
        "eds",
        "viz",
        "min",
        "max",
        "approx.",
        "suppl",
        "chap",
        "sec",
        "tab",
    ]
)

# Candidate boundary: terminal punctuation, optional closing quote/bracket, white space.
_CANDIDATE_RE = re.compile(r"[.!?][\"'”’)\]]*(?=\s+)")
_NEXT_START_RE = re.compile(r"\s+([\"“‘(\[]?)(\S+)")
_LABEL_RE = re.compile(r"(?:^|\n)\s*(?:Table|Figure|Fig\.|Scheme|Box|Supplementary\s+\w+)\s+[\w.-]{1,6}[.:]$")
_LABEL_MAX = 200  # a label ("Supplementary Table S12.") is short; candidates further in are not tried against it


def _is_sentence_start(token: str) -> bool:
    first = token[0]
    if first.isupper() or first.isdigit():
        return True
    # "sEVs", "miR-21", "mRNA", "lncRNA", "circHIF1A" starts, and names with a digit ("p53", "circ_0001946", "let-7a")
    word = token.rstrip(".,;:")
    return first.isalpha() and (
        any(c.isupper() for c in token[1:]) or (len(word) >= 3 and any(c.isdigit() for c in word))
    )


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "([":
        start -= 1
    return text[start:end]


def ends_with_abbreviation(text: str) -> bool:
    """Whether ``text`` ends in a known abbreviation ("... Lv et al."), so its last stop may not end it."""
    word = _word_before(text, len(text.rstrip()))
    return word.rstrip(".").lower() in ABBREVIATIONS and word.endswith(".")


# words that open sentences and are no surname: after "DNase I." or "complex I." they start a new sentence
_FUNCTION_WORD_RE = re.compile(
    r"(?:In|The|These|This|That|Those|We|Our|Here|However|Moreover|Furthermore|Finally|Thus|Therefore|Together|"
    r"Taken|Overall|It|Its|They|Both|All|No|After|When|Using|Among|Compared|Collectively|Conversely|Similarly|"
    r"Notably|Importantly|Interestingly|Consistently|Additionally|Further|To|For|By|With|At|As|Of|On|A|An)\b"
)


def split_sentences(text: str, breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: one paragraph of clean text.
        breaks: offsets at which a sentence must end (e.g. after "et al." when a removed citation
            stood between the abbreviation's stop and the sentence's own).

    Returns:
        ``(start, end)`` offsets of each sentence, white space excluded.
    """
    cuts: set[int] = {b for b in breaks if 0 < b < len(text)}
    for m in _CANDIDATE_RE.finditer(text):
        nxt = _NEXT_START_RE.match(text, m.end())
        if not nxt or not _is_sentence_start(nxt[2]):
            continue
        if m.end() <= _LABEL_MAX and (_LABEL_RE.match(text, 0, m.end()) or _LABEL_RE.match(text, 1, m.end())):
            continue  # "Table 2. Caption ..." is one sentence (a label only at the paragraph's start: linear time)
        if text[m.start()] == ".":
            word = _word_before(text, m.start())
            bare = word.rstrip(".").lower()
            if bare in ABBREVIATIONS or word.lower() in ABBREVIATIONS:
                continue
            if re.fullmatch(r"[A-Z]", word) and _FUNCTION_WORD_RE.match(text, nxt.start(2)):
                pass  # "protected from DNase I. In a cohort ...": a numeral before a sentence, no name follows
            elif re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
                continue  # an initial ("B. Smith") or dotted abbreviation ("e.g", "U.S")
        cuts.add(m.end())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        seg_start, seg_end = start, cut
        while seg_start < seg_end and text[seg_start].isspace():
            seg_start += 1
        while seg_end > seg_start and text[seg_end - 1].isspace():
            seg_end -= 1
        if seg_end > seg_start:
            spans.append((seg_start, seg_end))
        start = cut
    return spans
