"""Article metadata from the front matter: title, authors, journal, year, DOI, keywords."""

from __future__ import annotations

import re

from pipeline.ingest.blocks import Block, is_label_line
from pipeline.ingest.markup import clean_inline
from pipeline.models import Metadata

DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\]\)]+[^\s\"<>\]\).,;])")
_JOURNAL_YEAR_RE = re.compile(r"(?<!\*)\*([^*]{3,100})\*(?!\*)\s*(?:\*\*)?\s*((?:19|20)\d{2})\b")
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})\b")
_AFFIL_MARK_RE = re.compile(r"<sup>.*?</sup>|\^\[[^\]]*\]|[\u00b9\u00b2\u00b3\u2070-\u209f*†‡§#¶]|\\\*")
# the paper's own citation line, as journals print it on the first page: "Experimental & Molecular Medicine
# (2023) 55:2116–2126", "BMC Health Services Research 2014, 14:1"
_OWN_CITATION_RE = re.compile(
    r"^([A-Z][A-Za-z&.\- ]{3,80}?)\s+(?:\(((?:19|20)\d{2})\)\s+\d+\s*:|((?:19|20)\d{2}),\s*\d+\s*:)\s*\d",
    re.MULTILINE,
)
_KEYWORDS_RE = re.compile(r"^\**\s*Key\s*words?\s*\**\s*[:.]\s*\**\s*(.*)$", re.IGNORECASE)


# what a PDF's author line picks up from the margin beside it: dates, a copyright line, a mail icon, the
# affiliation numbers of a first author printed before the name
_AUTHOR_LINE_NOISE_RE = re.compile(
    r"(?:Received|Revised|Accepted|Published(?: online)?)\s*:?\s*\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d{2}"
    r"|©.*$|✉",
    re.MULTILINE,
)
_LEADING_MARKS_RE = re.compile(r"^[\s\d,]+(?=[A-Z])")


def without_marks(raw: str) -> str:
    """A front-matter block's clean text without its affiliation and correspondence marks."""
    return clean_inline(_AFFIL_MARK_RE.sub("", raw), citations=False).text


def parse_authors(raw: str) -> list[str]:
    """``"Lingyun Feng <sup>1,†</sup>, Lijuan Guo ... and Li Su <sup>1,*</sup>"`` -> names."""
    text = _AFFIL_MARK_RE.sub("", raw)
    text = clean_inline(text, citations=False).text
    text = _LEADING_MARKS_RE.sub("", _AUTHOR_LINE_NOISE_RE.sub(" ", text).strip())
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*|;\s*", text)
    names = [p.strip(" ,.") for p in parts]
    return [n for n in names if n and not re.search(r"\d", n) and len(n.split()) <= 6]


def looks_like_authors(raw: str) -> bool:
    text = _AUTHOR_LINE_NOISE_RE.sub(" ", clean_inline(_AFFIL_MARK_RE.sub("", raw), citations=False).text).strip()
    text = _LEADING_MARKS_RE.sub("", text)
    if "@" in text or len(text) > 600 or text.endswith("."):
        return False
    names = parse_authors(raw)
    return bool(names) and all(1 <= len(n.split()) <= 5 and n[0].isupper() for n in names)


_PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "van",
    "von",
    "da",
    "dos",
    "das",
    "du",
    "la",
    "le",
    "el",
    "al",
    "den",
    "ten",
    "y",
}


def is_author_line(raw: str) -> bool:
    """A line of author names, told from a heading set in the same bold: two names or more, each of two to
    five capitalised words or initials ("Jaime A. Espinoza", "Titia de Lange"), or one such name with an
    affiliation mark. "Results", "Data availability" or "Statistics & reproducibility" are not."""
    if not looks_like_authors(raw):
        return False
    names = parse_authors(raw)

    def name_like(name: str) -> bool:
        words = name.split()
        return 2 <= len(words) <= 5 and all(w[0].isupper() or w in _PARTICLES or w[0] == "'" for w in words)

    if not all(name_like(n) for n in names):
        return False
    return len(names) >= 2 or bool(_AFFIL_MARK_RE.search(raw))


def _author_blocks(front: list[Block], start: int) -> list[str]:
    """The author list right after the title: consecutive blocks of names (a PDF cuts it where a margin note,
    "Received: ..." or a raised mark falls), up to the first block that is not one. Blocks emptied by the
    noise filter (a date of the margin column) are passed over."""
    found: list[str] = []
    for k, block in enumerate(front[start : start + 6]):
        raw = block.raw.lstrip("# ").strip().lstrip(",&; ")
        if found and not _AUTHOR_LINE_NOISE_RE.sub("", clean_inline(raw, citations=False).text).strip():
            continue
        goes_on = bool(found) and re.search(r"(?:,|&|\band)\s*$", clean_inline(found[-1], citations=False).text)
        if (looks_like_authors(raw) and (not found or goes_on)) or (found and is_author_line(raw)):
            found.append(raw)
        elif found or k >= 1:  # the names start right after the title, or after one line (a subtitle)
            break
    return found


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_Y = r"((?:19|20)\d{2})"
# the paper's own year on its first page, most telling first: the paper's citation line ("Nat Commun (2023)
# 14:3496", "Nucleic Acids Research, 2024, 52, 4234", "eLife 2023;12:RP91357"), the publication date, the
# copyright line; else the latest of its received / accepted dates
_YEAR_CUES = (
    re.compile(rf"\({_Y}\)\s*\d+\s*:\s*[A-Z]*\d"),
    re.compile(rf"\b{_Y}\s*;\s*\d+\s*:\s*[A-Z]*\d"),
    re.compile(rf"\b{_Y},\s*\d{{1,4}},\s*\d+"),
    re.compile(rf"Published(?: online)?\s*:?\s*(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?{_Y}\b", re.I),
    re.compile(rf"©\s*(?:The Author\(?s?\)?,?\s*)?{_Y}\b", re.I),
)
_DATE_RE = re.compile(
    rf"(?:Received|Accepted|Revised)\s*:?\s*(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?{_Y}\b", re.I
)


def year_from_first_page(text: str) -> int | None:
    """The paper's year from its first page's text (see _YEAR_CUES); None when none of the cues is printed."""
    for cue in _YEAR_CUES:
        if m := cue.search(text):
            return int(m[1])
    dates = [int(m[1]) for m in _DATE_RE.finditer(text)]
    return max(dates) if dates else None


def title_block_index(front: list[Block]) -> int | None:
    """The block that holds the title: a level-0 markdown heading, else the first title-like line."""
    for i, block in enumerate(front):
        if block.kind == "heading" and block.level == 0:
            return i
    for i, block in enumerate(front):
        text = clean_inline(block.raw, citations=False).text
        if block.kind in ("table_rows", "boilerplate", "table_caption", "figure_caption") or not text:
            continue
        if is_label_line(text) or "@" in text or text[0].isdigit() or len(text.split()) < 3 or len(text) > 300:
            continue
        if text.endswith((".", ":", ";", ",")):  # a sentence, not a title
            continue
        if re.match(r"^(abstract|keywords?|correspondence|received|citation)\b", text, re.IGNORECASE):
            continue
        return i
    return None


def extract_metadata(front: list[Block]) -> Metadata:
    """Metadata from the front-matter blocks (before the first body heading)."""
    title_i = title_block_index(front)
    title = None
    authors: list[str] = []
    if title_i is not None:
        block = front[title_i]
        title = block.title if block.kind == "heading" else clean_inline(block.raw, citations=False).text
        lines = _author_blocks(front, title_i + 1)
        if lines:
            authors = parse_authors(", ".join(lines))
    raw_front = "\n".join(b.raw for b in front)
    doi_m = DOI_RE.search(raw_front)
    jy = _JOURNAL_YEAR_RE.search(raw_front)
    journal = clean_inline(jy[1], citations=False).text if jy else None
    year = int(jy[2]) if jy else None
    if year is None:
        pub = re.search(r"Published:?\**\s*[^\n]*?((?:19|20)\d{2})", raw_front)
        year = int(pub[1]) if pub else None
    if journal is None and (own := _OWN_CITATION_RE.search(raw_front)):  # "Exp Mol Med (2023) 55:2116–2126"
        journal, year = own[1].strip(), year or int(own[2] or own[3])
    keywords: list[str] = []
    for block in front:
        m = _KEYWORDS_RE.match(block.raw)
        if m:
            keywords = [k.strip() for k in re.split(r"[;,]\s*", clean_inline(m[1], citations=False).text) if k]
    return Metadata(
        title=title, authors=authors, journal=journal, year=year, doi=doi_m[1] if doi_m else None, keywords=keywords
    )
