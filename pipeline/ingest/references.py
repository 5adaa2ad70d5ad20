"""Reference-list entries parsed into authors, year, title, journal and identifiers.

Two house styles cover most biomedical journals:

- MDPI/ACS-like: ``Hanahan, D.; Weinberg, R.A. Title. *Cell* **2011**, *144*, 646–674.``
- Vancouver/NLM-like: ``Dasari S, Tchounwou PB. Title. *Eur J Pharmacol* 2014;740:364-78.``

A study key (the DOI, else first author + year + journal, folded to ASCII lower case) lets two reviews that cite
the same primary study be matched.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.ingest.markup import clean_inline
from pipeline.models import Reference

_NUMBERED_RE = re.compile(r"^\s*(?:\[(\d{1,4})\]|(\d{1,4})(?:[.)]|\s(?=[A-Z][A-Za-z'-]+,?\s)))\s*(.*)$")
_DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\]]+[^\s\"<>\].,;])")
_PMID_RE = re.compile(r"\bPMID:?\s*(\d{5,9})\b")
_ITALIC_RE = re.compile(r"(?<!\*)\*(?!\*)([^*]+?)\*(?!\*)")
_YEAR_RE = re.compile(r"(?<!\d)(19[0-9]{2}|20[0-9]{2})(?!\d)")
_LINK_NOISE_RE = re.compile(
    r"\[\[(?:CrossRef|PubMed|Google Scholar|Green Version)\]\([^)]*\)\]|\[(?:CrossRef|PubMed)\]"
)

# "Surname, A.B.;" (MDPI) and "Surname AB," (Vancouver) author forms.
_MDPI_AUTHOR = r"[^;.,]+?,\s(?:[A-Z][A-Za-z]?\.[\s-]?)+(?:,?\s(?:Jr|Sr|II|III|IV)\.?)?"
_MDPI_AUTHORS_RE = re.compile(rf"^((?:{_MDPI_AUTHOR};\s)*{_MDPI_AUTHOR}(?:;?\s(?:et al\.|and\s{_MDPI_AUTHOR}))?)\s")
_VANC_AUTHOR = r"[^,.;]+?\s[A-Z]{1,4}"
_VANC_AUTHORS_RE = re.compile(rf"^((?:{_VANC_AUTHOR},\s)*(?:{_VANC_AUTHOR}|et al)\.)\s")


def fold(text: str) -> str:
    """ASCII, lower case, punctuation dropped, spaces collapsed: the comparison form of a name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^A-Za-z0-9]+", " ", text).lower()
    return " ".join(text.split())


_VOLUME_PAGE_RES = (
    re.compile(
        r"\*\*\s*(?:19|20)\d{2}\s*\*\*\s*,\s*\*?(\d+)\*?\s*(?:\(\w+\))?\s*,\s*([A-Za-z]?\d+)"
    ),  # **2011**, *144*, 646
    re.compile(r"(?:19|20)\d{2}\s*;\s*(\d+)\s*(?:\(\w+\))?\s*:\s*([A-Za-z]?\d+)"),  # 2014;147:423-31
)


def volume_page(text: str) -> tuple[str | None, str | None]:
    """Volume and first page (or article number) after the year, in MDPI or Vancouver style."""
    for pattern in _VOLUME_PAGE_RES:
        m = pattern.search(text)
        if m:
            return m[1], m[2].lower()
    return None, None


def study_key(
    doi: str | None, first_author: str | None, year: int | None, journal: str | None, page: str | None = None
) -> str | None:
    """DOI when printed, else ``surname|year|journal|first page`` in folded form (the page keeps two papers
    by a Wang in one journal and year apart); None when too little is known."""
    if doi:
        return "doi:" + doi.lower()
    if first_author and year:
        key = f"{fold(first_author)}|{year}|{fold(journal or '')}"
        return f"{key}|{page}" if page else key
    return None


def _surname(author: str) -> str:
    author = author.strip()
    if "," in author:
        return author.split(",", 1)[0].strip()
    return re.sub(r"\s+[A-Z]{1,4}$", "", author).strip()


def _split_authors(block: str, style: str) -> list[str]:
    block = block.strip().rstrip(".")
    parts = re.split(r";\s|\sand\s", block) if style == "mdpi" else block.split(", ")
    return [p.strip() for p in parts if p.strip() and p.strip() != "et al"]


def parse_reference(number: int, raw: str) -> Reference:
    """Parse one entry (without its leading number) of a reference list."""
    raw = _LINK_NOISE_RE.sub("", raw).strip()
    doi_m = _DOI_RE.search(raw)
    pmid_m = _PMID_RE.search(raw)
    style, authors_block = "other", ""
    m = _MDPI_AUTHORS_RE.match(raw)
    if m:
        style, authors_block = "mdpi", m[1]
    else:
        m = _VANC_AUTHORS_RE.match(raw)
        if m:
            style, authors_block = "vancouver", m[1]
    rest = raw[len(authors_block) :].strip() if authors_block else raw
    journal_m = _ITALIC_RE.search(rest)
    title = journal = None
    tail = rest
    if journal_m:
        title = rest[: journal_m.start()].strip().rstrip(".").strip() or None
        journal = journal_m[1].strip().rstrip(".") or None
        tail = rest[journal_m.end() :]
    elif ". " in rest:
        title = rest.split(". ", 1)[0].strip() or None
    year_m = _YEAR_RE.search(tail) or _YEAR_RE.search(rest)
    year = int(year_m[1]) if year_m else None
    authors = [clean_inline(a, citations=False).text for a in _split_authors(authors_block, style)]
    first_author = _surname(authors[0]) if authors else None
    doi = doi_m[1] if doi_m else None
    _, page = volume_page(raw)
    return Reference(
        number=number,
        raw=clean_inline(raw, citations=False).text,
        authors=authors,
        first_author=first_author,
        year=year,
        title=clean_inline(title, citations=False).text if title else None,
        journal=clean_inline(journal, citations=False).text if journal else None,
        doi=doi,
        pmid=pmid_m[1] if pmid_m else None,
        study_key=study_key(doi, first_author, year, journal, page),
    )


def parse_reference_list(lines: list[str]) -> list[Reference]:
    """Parse the lines of a reference section; a line without a number continues the entry above, and so does
    a line whose leading number breaks the sequence (a wrapped "2020;3:63-82." or "1 in breast cancer")."""
    entries: list[tuple[int, str]] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        m = _NUMBERED_RE.match(line)
        if m and entries and not 0 < int(m[1] or m[2]) - entries[-1][0] <= 3:
            m = None
        if m:
            entries.append((int(m[1] or m[2]), m[3]))
        elif entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + " " + line)
    if len(entries) < 3:  # (almost) no numbers: an author-year list (eLife, EMBO, Cell), numbered in its order
        unnumbered = _unnumbered_entries(lines)
        entries = unnumbered if len(unnumbered) > len(entries) else entries
    return [parse_reference(n, text) for n, text in entries]


_PARTICLE_RE = re.compile(r"^(?:(?:de|van|von|der|den|la|le|da|di|du|dos|del|ten)\s+)+")
# an entry's start: a surname (up to three words) and initials, "Aebi M,", "Carrillo Oesterreich F,",
# "Smith, J. A.", "de la Mata M"
_AUTHOR_START_RE = re.compile(r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2},?\s+(?:[^\W\d_]\.?-?){1,3}[,.\s]")


def _unnumbered_entries(lines: list[str]) -> list[tuple[int, str]]:
    """Entries of a list without numbers: a line that starts with a surname and initials opens an entry, any
    other line continues the one above (the PDF reader gives one line per entry where it sees a hanging indent)."""
    entries: list[tuple[int, str]] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        bare = _PARTICLE_RE.sub("", line)
        if bare[:1].isupper() and _AUTHOR_START_RE.match(bare):
            entries.append((len(entries) + 1, line))
        elif entries:
            entries[-1] = (entries[-1][0], entries[-1][1] + " " + line)
    return entries
