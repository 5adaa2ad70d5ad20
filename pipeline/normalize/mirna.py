"""miRNA names: every way papers write them, to miRBase-style canonical names.

"miR-21", "MiR-23a-3p", "miRNA-1246", "microRNA-1246", "hsa-miR-21-5p", "let-7a", "miR-221/222" (two),
"miRs-21, -378e, and -143" (three), "miR-200 family". The species prefix is dropped; the arm is kept when
written and never invented. A host gene ("MIR4435-2HG", a lncRNA) is no miRNA.
"""

from __future__ import annotations

import re

from pipeline.normalize.scan import anchored_finditer

_PREFIX = r"(?:(?:hsa|mmu|rno|ebv|kshv|hcmv)-)?(?:micro\s?RNA|mi\s?RNA|miR|mir|MIR|MiR|miRs|miRNAs)"
_ID = r"\d{1,5}[a-z]?(?:-\d)?(?:-[35]p)?"
# a viral miRNA of a cancer-associated virus (miRBase names): Epstein-Barr virus "miR-BART7-3p", "miR-BHRF1-2",
# Kaposi's sarcoma herpesvirus "miR-K12-11"
_VIRAL_ID = r"(?:BART\d{1,2}|BHRF1-\d|K12-\d{1,2})(?:-[35]p)?"
_ALT = r"(?:/-?(?:\d{1,5}[a-z]?|[a-z])(?:-[35]p)?)"

MIRNA_RE = re.compile(
    rf"(?:(?<![\w-])|(?<=[A-Za-z0-9]-))(?P<prefix>{_PREFIX})[-\s]?(?P<id>{_ID}|{_VIRAL_ID})(?P<alts>{_ALT}*)(?P<family>\s+(?:family|cluster))?(?![\w]|-\d{{0,2}}HG)"
    rf"|(?<![\w-])(?:(?:hsa|mmu)-)?let-?(?P<let>7[a-k]?(?:-[35]p)?)(?![\w])",
    re.IGNORECASE,
)
# "miRs-21, -378e, and -143", "miR-21, -155 and -221": a prefix followed by members that leave it out, each led by
# a hyphen; "miR-21-5p, 221-3p, 146a-5p and 26a-5p": members without the hyphen, known by their arm.
_ELIDED = rf"(?:-{_ID}|\d{{1,5}}[a-z]?(?:-\d)?-[35]p)"
MIRNA_LIST_RE = re.compile(
    rf"(?<![\w-])(?:miR(?:NA)?s?|microRNAs?)-(?P<first>{_ID})(?![\w/-])"
    rf"(?P<rest>(?:\s*,\s*(?:and\s+)?{_ELIDED}|\s+(?:and|or)\s+{_ELIDED})+)(?![\w/-])",
    re.IGNORECASE,
)


def canonical_mirna(number: str) -> str:
    """``"23A-3P"`` -> ``"miR-23a-3p"``; a viral one keeps its capitals: ``"bart7-3P"`` -> ``"miR-BART7-3p"``."""
    viral = _VIRAL_PARTS_RE.fullmatch(number)
    if viral:
        return "miR-" + viral["name"].upper() + ("-" + viral["arm"].lower() if viral["arm"] else "")
    return "miR-" + number.lower()


_VIRAL_PARTS_RE = re.compile(r"(?P<name>[a-z]+\d+(?:-\d+)?)(?:-(?P<arm>[35]p))?", re.IGNORECASE)


def expand_mirna_match(m: re.Match[str]) -> list[str]:
    """Canonical names for one :data:`MIRNA_RE` match (several for "miR-221/222")."""
    if m["let"]:
        return ["let-" + m["let"].lower()]
    base = m["id"].lower()
    if m["family"]:
        return [canonical_mirna(base) + " " + m["family"].strip().lower()]
    names = [canonical_mirna(base)]
    digits = re.match(r"\d+", base)
    for alt in re.findall(r"/-?([0-9a-z]+(?:-[35]p)?)", m["alts"] or "", re.IGNORECASE):
        alt = alt.lower()
        if alt[0].isdigit():
            names.append(canonical_mirna(alt))
        elif digits:  # "miR-106a/b" -> miR-106b
            names.append(canonical_mirna(digits[0] + alt))
    return names


# every MIRNA_RE match holds "mi" (miR, miRNA, microRNA) or "let", after at most a species prefix ("hsa-", "kshv-");
# every MIRNA_LIST_RE match starts with "mir" or "micro": the regexes are tried only there (pipeline.normalize.scan)
MIRNA_ANCHORS = (("mi", "let"), 5)
MIRNA_LIST_ANCHORS = (("mir", "micro"), 0)


def _finditer(
    regex: re.Pattern[str], text: str, lowered: str, anchors: tuple[tuple[str, ...], int]
) -> list[re.Match[str]]:
    found = anchored_finditer(regex, text, anchors[0], anchors[1], lowered)
    return list(regex.finditer(text)) if found is None else found


# "the miR-17-92 cluster", "miR-106b~25 cluster": a polycistronic cluster by its first and last members
MIRNA_CLUSTER_RE = re.compile(
    r"(?<![\w-])(?:hsa-)?(?:miR|mir|MIR)-?(\d{1,5}[a-z]?)[-~/](\d{1,5}[a-z]?)\s+(?:cluster|family)\b"
)


def find_mirnas(text: str) -> list[tuple[int, int, list[str]]]:
    """Every miRNA mention in ``text`` as ``(start, end, canonical names)``."""
    found: list[tuple[int, int, list[str]]] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    if "mir" in lowered:
        for m in MIRNA_CLUSTER_RE.finditer(text):
            found.append((m.start(), m.end(), [f"miR-{m[1].lower()}-{m[2].lower()} cluster"]))
            taken.append((m.start(), m.end()))
    for m in _finditer(MIRNA_LIST_RE, text, lowered, MIRNA_LIST_ANCHORS):
        names = [canonical_mirna(m["first"])]
        names += [canonical_mirna(x.lstrip("-")) for x in re.findall(_ELIDED, m["rest"], re.IGNORECASE)]
        found.append((m.start(), m.end(), names))
        taken.append((m.start(), m.end()))
    for m in _finditer(MIRNA_RE, text, lowered, MIRNA_ANCHORS):
        if any(s <= m.start() < e for s, e in taken):
            continue
        # "miRNAs" or "microRNAs" alone (no number) never reaches here: the id group is required.
        found.append((m.start(), m.end(), expand_mirna_match(m)))
    return sorted(found)


def normalize_mirna(text: str) -> list[str]:
    """Canonical names when ``text`` as a whole is a miRNA mention (or list), else ``[]``."""
    text = text.strip().strip(",;")
    text = re.sub(r"\s+(?:miRNA|microRNA)s?$", "", text, flags=re.IGNORECASE)  # "let-7a miRNA"
    for start, end, names in find_mirnas(text):
        if start == 0 and end == len(text):
            return names
    return []
