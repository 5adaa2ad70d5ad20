"""Raw blocks of a text/markdown article and what each one is (heading, table, caption, prose, ...).

A block is a run of non-blank lines; lines holding tab characters (table rows) form blocks of their own.
Classification looks only at the block itself, so it is the same for papers this code has never seen:
markdown ``#`` headings, numbered headings ("2.1. Title"), ALL-CAPS headings, short title-like lines,
bold run-in headings ("**Funding:** ..."), "Table N." and "Figure N." captions, abbreviation glossaries,
licence boilerplate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from pipeline.ingest.markup import clean_inline
from pipeline.ingest.sentences import ends_with_abbreviation

BlockKind = Literal[
    "heading", "runin", "table_caption", "table_rows", "figure_caption", "glossary", "boilerplate", "text"
]


@dataclass(frozen=True)
class Block:
    lines: tuple[str, ...]
    line_no: int  # 1-based line of the block's first line
    kind: BlockKind
    title: str = ""  # heading text (markup cleaned), run-in label, or caption label such as "Table 2"
    level: int = 1
    number: str | None = None
    body: str = ""  # the raw text after a run-in heading or a caption label

    @property
    def raw(self) -> str:
        return " ".join(line.strip() for line in self.lines)


MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
NUMBERED_RE = re.compile(r"^((?:\d{1,2}\.)+\d{0,2}\.?|\d{1,2}\.?)\s+(\S.*)$")
TABLE_CAPTION_RE = re.compile(
    r"^\**\s*Table\s+(\d{1,3}|[IVX]{1,5})\s*(?:[.:|]\s*\**|\*\*\s*[.:|]?)\s*(.*)$", re.IGNORECASE
)
CONTINUED_RE = re.compile(r"^\(?\s*(?:cont\.?|contd\.?|continued)\s*\)?\.?$", re.IGNORECASE)
FIGURE_CAPTION_RE = re.compile(r"^\**\s*(?:Figure|Fig\.|Scheme|Box)\s*(\d{1,3}|[A-Z])\s*[.:|]\s*\**\s*(.*)$")
RUNIN_RE = re.compile(r"^\*\*([^*]{2,80}?)\s*[:.]?\s*\*\*\s*[:.]?\s*(.*)$")
GLOSSARY_ITEM_RE = re.compile(r"^\s*([^:;]{1,40}?)\s*:\s*([^;]+?)\s*$")
BOILERPLATE_RE = re.compile(
    r"^(?:©|\(c\)\s|Copyright\b.*\d{4}|Publisher'?s Note\b)|Creative Commons Attribution|This is an open access article",
    re.IGNORECASE,
)
_BOILERPLATE_MAX = 1500  # licence and copyright statements are a few lines; a longer block holding one is prose
TERMINAL = (".", "?", "!", ":", ";")

FRONT_LABELS = frozenset(
    [
        "review",
        "article",
        "original",
        "research",
        "open",
        "access",
        "mini",
        "editorial",
        "perspective",
        "commentary",
        "letter",
        "communication",
        "brief",
        "report",
        "short",
        "case",
        "systematic",
        "meta",
        "analysis",
    ]
)


def parse_glossary(text: str) -> dict[str, str] | None:
    """``"SNHG14: small nucleolar RNA host gene 14; BAX: ..."`` -> ``{"SNHG14": "small ...", ...}``.

    Returns None unless every ``;``-separated item has the ``short: long`` shape with a short term.
    """
    text = text.strip().rstrip(".")
    if ":" not in text:
        return None
    out: dict[str, str] = {}
    initials_agree = 0
    for item in text.split(";"):
        if not item.strip():
            continue
        m = GLOSSARY_ITEM_RE.match(item)
        if not m or len(m[1].split()) > 3 or len(m[2]) > 200 or len(m[2]) < len(m[1]):
            return None
        out[m[1]] = m[2]
        short, long = re.sub(r"\W", "", m[1]).lower(), re.sub(r"\W", "", m[2]).lower()
        initials_agree += bool(short) and bool(long) and short[0] == long[0]
    # Most short forms start with their long form's first letter ("UCA1: urothelial ..."), which tells a
    # glossary from a list of labelled items ("Cytosolic proteins: ALIX, Annexins, ...").
    return out if out and initials_agree >= 0.6 * len(out) else None


def split_caption_glossary(caption: str) -> tuple[str, dict[str, str]]:
    """Cut a trailing glossary off a figure caption ("... cargo. MVB: multivesicular body; ncRNA: ...")."""
    for m in re.finditer(r"[.;]\s+(?=\S)", caption):
        glossary = parse_glossary(caption[m.end() :])
        if glossary:
            return caption[: m.start() + 1].strip(), glossary
    return caption, {}


def _is_title_like_line(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 12 or len(text) > 100:
        return False
    if text.endswith((".", ",", ";", ":")) or not (text[0].isupper() or text[0].isdigit()):
        return False
    if sum(c.isalpha() for c in text) < 2:  # "52": a number left on a line of its own is not a title
        return False
    return not ("\t" in text or re.search(r"[=<>@]|\d{4}", text))


def _is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(text.split()) <= 15


def classify(lines: tuple[str, ...], line_no: int) -> Block:
    """Classify one raw block."""
    raw = " ".join(line.strip() for line in lines)
    if all("\t" in line for line in lines):
        return Block(lines, line_no, "table_rows")
    m = TABLE_CAPTION_RE.match(raw)
    if m:
        return Block(lines, line_no, "table_caption", title=f"Table {m[1]}", number=m[1], body=m[2])
    m = FIGURE_CAPTION_RE.match(raw)
    if m:
        return Block(lines, line_no, "figure_caption", title=raw[: m.start(2)].strip(" *"), body=m[2])
    if len(raw) <= _BOILERPLATE_MAX and BOILERPLATE_RE.search(raw):  # a licence line, not prose that names one
        return Block(lines, line_no, "boilerplate")
    m = MD_HEADING_RE.match(raw)
    if m:
        title = clean_inline(m[2], citations=False).text
        num = NUMBERED_RE.match(title)
        if num and not title.endswith("."):
            number = num[1].rstrip(".")
            return Block(lines, line_no, "heading", title=num[2], level=number.count(".") + 1, number=number)
        return Block(lines, line_no, "heading", title=title, level=max(len(m[1]) - 1, 0))
    m = RUNIN_RE.match(raw)
    if m and m[2]:
        return Block(lines, line_no, "runin", title=clean_inline(m[1], citations=False).text, body=m[2])
    clean = clean_inline(raw, citations=False).text
    if len(lines) == 1 and parse_glossary(clean) and len(clean.split()) < 120 and not clean.endswith("."):
        return Block(lines, line_no, "glossary")
    if len(lines) == 1 and clean:
        num = NUMBERED_RE.match(clean)
        if num and _is_title_like_line(num[2]) and not num[2].endswith("."):
            number = num[1].rstrip(".")
            return Block(lines, line_no, "heading", title=num[2], level=number.count(".") + 1, number=number)
        if _is_all_caps(clean) and not clean.endswith("."):
            return Block(lines, line_no, "heading", title=clean, level=1)
        if _is_title_like_line(clean):
            return Block(lines, line_no, "heading", title=clean, level=2)
    return Block(lines, line_no, "text")


def split_blocks(text: str) -> list[Block]:
    """Split an article into classified blocks."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 1
    for i, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                blocks.append(classify(tuple(current), start))
            current = []
            continue
        if current and (("\t" in line.strip("\n")) != ("\t" in current[-1])):
            blocks.append(classify(tuple(current), start))
            current = []
        if not current:
            start = i
        current.append(line.rstrip("\n"))
    if current:
        blocks.append(classify(tuple(current), start))
    return blocks


def is_label_line(text: str) -> bool:
    """Journal labels above a title: "Review", "Open Access", "Original Research Article"."""
    words = re.findall(r"[A-Za-z]+", text.lower())
    return bool(words) and len(words) <= 4 and all(w in FRONT_LABELS for w in words)


def ends_sentence(raw: str) -> bool:
    """Whether a raw paragraph ends a sentence (citation markers at its end ignored)."""
    clean = clean_inline(raw[-300:]).text.rstrip()
    if ends_with_abbreviation(clean):
        return False
    return clean.endswith(TERMINAL) or clean.endswith((".)", ".”", '."'))


# a number ("75", "0.25", "(3)") or a single character ("E", "O,"); not a nucleic acid's end ("5’", "3'")
_LABEL_TOKEN_RE = re.compile(r"(?!\d[’′']$)[\W\d_]*\d[\W\d_]*|[^\W\d_]\W?")
_SECTION_NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+(?=[A-Z][a-z]{2})")  # "2.1 Cell culture"


def label_like(title: str) -> bool:
    """Whether a heading's text reads as a figure's labels: two or more words, two in five or more of them
    numbers ("75 kD 37 kD", "20 middle intron 10 0") or single characters ("E F", "OH O O"), after any section number
    ("2.1 Cell culture" is a heading)."""
    words = _SECTION_NUMBER_RE.sub("", title).split()
    return len(words) >= 2 and sum(bool(_LABEL_TOKEN_RE.fullmatch(w)) for w in words) >= 0.4 * len(words)


# the names of a paper's standard sections, which a paper may print twice (a structured abstract's labels, the
# sections of a supplement)
_SECTION_NAME_RE = re.compile(
    r"(?:abstract|summary|background|introduction|(?:materials?\s+and\s+)?methods?|results?(?:\s+and\s+discussion)?|"
    r"discussion|conclusions?|references|acknowledge?ments?|funding|supplementary\b.*|appendix\b.*)$",
    re.IGNORECASE,
)


def figure_labels_as_text(blocks: list[Block]) -> list[Block]:
    """Headings of a PDF's text that are a figure's labels, text the figure draws and the reader took for headings
    by their look or shape, are text: those whose words read as labels (:func:`label_like`: "E F", "75 kD 37 kD",
    "Time (seconds) 1 2 3 4"), and those printed twice or more that name no standard section ("CFTR Rosa26
    EMX1", "Gβ Gγ": a panel's labels repeated; a paper's headings are each printed once). The title (level 0)
    stays."""
    counts = Counter(b.title for b in blocks if b.kind == "heading" and b.level > 0)

    def figure_text(b: Block) -> bool:
        return label_like(b.title) or (counts[b.title] > 1 and not _SECTION_NAME_RE.match(b.title.strip()))

    return [
        Block(b.lines, b.line_no, "text") if b.kind == "heading" and b.level > 0 and figure_text(b) else b
        for b in blocks
    ]
