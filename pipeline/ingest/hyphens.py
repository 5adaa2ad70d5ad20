"""End-of-line hyphens: "chemo-|resistance" is one word, "drug-|resistant" keeps its hyphen.

One rule for the text and the PDF readers, decided by the paper's own words: the joined word written
elsewhere in the paper ("chemoresistance") drops the hyphen; the hyphenated form written elsewhere
("drug-resistant", "antigen-presenting") keeps it; otherwise a word broken between lower-case letters is
joined ("immuno-|precipitation") and anything with capitals or digits keeps its hyphen ("MDA-MB-|231",
"IL-|6", "miR-|21").

The PDF reader meets line ends before it has read the whole paper: it marks a hyphen it may drop with
HYPHEN_MARK, and ``resolve`` decides them all once every page is read.
"""

from __future__ import annotations

import re

HYPHEN_MARK = "\ue000"  # a private-use character: an end-of-line hyphen not decided yet
_WORD_RE = re.compile(r"[A-Za-z][\w-]*[A-Za-z]")
_MARKED_RE = re.compile(r"(\w*)" + HYPHEN_MARK + r"(\w*)")


def vocabulary(text: str) -> set[str]:
    """The paper's words, lower-cased (hyphenated ones as written); words broken at a mark are not words."""
    return set(_WORD_RE.findall(text.replace(HYPHEN_MARK, " ").lower()))


def keep_hyphen(head: str, tail: str, words: set[str]) -> bool:
    """Whether "head-" at a line end and "tail" on the next line are a hyphenated word."""
    if (head + tail).lower() in words:
        return False
    if f"{head}-{tail}".lower() in words:
        return True
    broken_word = head[-1:].islower() and tail[:1].islower() and not re.search(r"[A-Z0-9]", head[-3:])
    return not broken_word


def resolve(texts: list[str]) -> list[str]:
    """The marked hyphens of a paper's texts decided by its vocabulary (see the module's rule)."""
    if not any(HYPHEN_MARK in t for t in texts):
        return texts
    words = vocabulary("\n".join(texts))

    def decide(m: re.Match[str]) -> str:
        return f"{m[1]}-{m[2]}" if keep_hyphen(m[1], m[2], words) else m[1] + m[2]

    return [_MARKED_RE.sub(decide, t) for t in texts]
