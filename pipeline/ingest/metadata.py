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
        for nxt in front[title_i + 1 : title_i + 3]:
            if looks_like_authors(nxt.raw):
                authors = parse_authors(nxt.raw)
                break
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
