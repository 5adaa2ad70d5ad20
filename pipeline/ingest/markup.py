"""Inline markup of text converted from PDF or written in markdown, turned into clean text.

``$\\alpha$`` -> α, ``$\\text{Ca}^{2+}$`` -> Ca2+, ``<sup>+</sup>`` -> +, ``**bold**`` and ``*italic*`` -> plain,
links -> their text, and Greek letters that a PDF converter spaced apart ("NF- κ B", "ER α") joined to the
token they belong to. Citation markers are cut out and returned with the offset where they stood.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.ingest.citations import CITATION_RE, citation_numbers

_CITE = "\ue000"  # stands where a citation marker stood until offsets are final
_OPEN, _CLOSE = "\ue001", "\ue002"  # bracket a converted formula or a spaced Greek letter

GREEK = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "iota": "ι",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "upsilon": "υ",
    "phi": "φ",
    "varphi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Xi": "Ξ",
    "Pi": "Π",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
}
LATEX_SYMBOLS = {
    "times": "×",
    "pm": "±",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "sim": "~",
    "approx": "≈",
    "rightarrow": "→",
    "to": "→",
    "leftarrow": "←",
    "cdot": "·",
    "degree": "°",
    "circ": "°",
    "%": "%",
    "infty": "∞",
    "neq": "≠",
    "prime": "′",
}

_MATH_RE = re.compile(r"(\s*)\$([^$\n]{1,200})\$")
_LATEX_CMD_RE = re.compile(r"\\(?:text|mathrm|mathit|mathbf|textit|textbf|operatorname)\s*\{([^{}]*)\}")
_LATEX_NAME_RE = re.compile(r"\\([A-Za-z]+|%)")
_SCRIPT_RE = re.compile(r"[\^_]\s*(?:\{([^{}]*)\}|(\S))")
_SUP_SUB_RE = re.compile(r"\s*<(sup|sub)>(.*?)</\1>", re.S)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
_LINK_RE = re.compile(r"\[([^\[\]]+)\]\((?:#[^)]*|https?://[^)]*)\)")
_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^<>\s]+)>")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_ITALIC_RE = re.compile(r"(?<![\w*\\])\*(?=\S)(.+?)(?<=\S)(?<!\\)\*(?![\w*])")
_SPACED_GREEK_RE = re.compile(r"(?:(?<=\s)|^)([\u0391-\u03a9\u03b1-\u03c9µ])(?=[\s).,;:\]]|$)")
_NEEDS_WORK_RE = re.compile(r"[$<*\[\]^\\]|[^\x00-\x7f]")
_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")

# A token a Greek letter joins on its left: an abbreviation with no lower-case Latin letter ("ER", "ITGα6").
_LEFT_JOIN_RE = re.compile(r"(?:^|(?<=\s))([^\sa-z]*[A-Z\u0391-\u03a9\u03b1-\u03c9][^\sa-z]{0,7}|\S*[-(/])\s+$")
_RIGHT_JOIN_RE = re.compile(r"\s+(?=[-)\]},.;:/+]|\d{1,3}\b|[A-Za-z]\b|[A-Z][A-Z0-9]{1,4}\b)")


@dataclass(frozen=True)
class CleanText:
    """Clean text of one block, the citations cut out of it and sentence breaks they imply."""

    text: str
    citations: list[tuple[int, list[int], str]] = field(default_factory=list)  # (offset, numbers, marker)
    breaks: list[int] = field(default_factory=list)  # offsets where a sentence must end


def latex_to_text(expr: str) -> str:
    """Render a short inline LaTeX formula as plain Unicode text (``\\text{Ca}^{2+}`` -> ``Ca2+``)."""
    expr = _LATEX_CMD_RE.sub(r"{\1}", expr)
    expr = _LATEX_NAME_RE.sub(lambda m: GREEK.get(m[1], LATEX_SYMBOLS.get(m[1], m[1])), expr)
    expr = _SCRIPT_RE.sub(lambda m: m[1] if m[1] is not None else m[2], expr)
    expr = expr.replace("{", "").replace("}", "").replace("\\", "")
    return _WS_RE.sub(" ", expr).strip()


def _math(m: re.Match[str]) -> str:
    expr = m[2].strip()
    if expr[:1] in "^_":  # a bare super- or subscript belongs to the token before it: "Ly6c $^+$"
        return f"{_OPEN}{latex_to_text(expr)}{_CLOSE} "
    return f"{m[1]}{_OPEN}{latex_to_text(expr)}{_CLOSE} "


_JOIN_WINDOW = 256  # how far back the left-join test looks: one token and the spaces after it


def _tail(text: str) -> str:
    """The end of ``text`` that ``_LEFT_JOIN_RE`` can see: its last ``_JOIN_WINDOW`` characters, cut at a white
    space so that the cut is not taken for the text's start (linear time however long the paragraph)."""
    if len(text) <= _JOIN_WINDOW:
        return text
    tail = text[-_JOIN_WINDOW:]
    space = re.search(r"\s", tail)
    return tail[space.start() :] if space else tail


def _join_marked(text: str) -> str:
    """Join each marked segment to its neighbours where the spacing was an artefact of conversion."""
    out: list[str] = []
    done = ""  # the end of what is in ``out``, as far as the left-join test needs it
    pos = 0
    for m in re.finditer(f"{_OPEN}([^{_OPEN}{_CLOSE}]*){_CLOSE}", text):
        before = text[pos : m.start()]
        if _LEFT_JOIN_RE.search(_tail(done + before[-_JOIN_WINDOW:])):
            before = before.rstrip()
        out.append(before)
        out.append(m[1])
        done = _tail(done + before[-_JOIN_WINDOW:] + m[1])
        pos = m.end()
        right = _RIGHT_JOIN_RE.match(text, pos)
        if right:
            pos = right.end()
    out.append(text[pos:])
    return "".join(out)


def _tidy_spaces(text: str) -> str:
    text = _WS_RE.sub(" ", text)
    text = re.sub(r"\s+(?=[,.;:)\]]|" + _CITE + ")", "", text)
    text = re.sub(r"(?<=[(\[])\s+", "", text)
    return text.strip()


def clean_inline(raw: str, *, citations: bool = True) -> CleanText:
    """Clean one block (a paragraph, heading, caption or table cell) of inline markup.

    Args:
        raw: the block as it stands in the source, on one line.
        citations: cut citation markers out (False for table cells, whose Ref. column is parsed apart).

    Returns:
        The clean text with the citations that stood in it and the sentence breaks they imply.
    """
    found: list[tuple[list[int], str]] = []
    text = raw.replace("\n", " ")
    if not _NEEDS_WORK_RE.search(text):  # plain ASCII without markup: only spacing to tidy
        return CleanText(_tidy_spaces(text))
    if citations:

        def _cite(m: re.Match[str]) -> str:
            found.append((citation_numbers(m), m[0]))
            return _CITE

        if "[" in text or "<" in text or "$" in text:  # "[12]", "^[12]", "<sup>12</sup>", "$^{12}$"
            text = CITATION_RE.sub(_cite, text)
    if "<" in text:  # each rule only where its markup can be: most blocks have none of it
        text = _AUTOLINK_RE.sub(r"\1", text)
    if "](" in text:
        text = _LINK_RE.sub(r"\1", text)
    if "$" in text:
        text = _MATH_RE.sub(_math, text)
    if "<" in text:
        text = _SUP_SUB_RE.sub(lambda m: _TAG_RE.sub("", m[2]).strip(), text)
        text = _TAG_RE.sub("", text)
    if "*" in text:
        text = _BOLD_RE.sub(r"\1", text)
        text = _ITALIC_RE.sub(r"\1", text)
    if "\\" in text:
        text = text.replace("\\*", "*").replace("\\_", "_").replace("\\[", "[").replace("\\]", "]")
    text = unicodedata.normalize("NFKC", text)
    text = _WS_RE.sub(" ", text)
    text = _SPACED_GREEK_RE.sub(lambda m: f"{_OPEN}{m[1]}{_CLOSE}", text)
    text = _join_marked(text)
    text = _tidy_spaces(text)
    return _cut_citations(text, found)


def _cut_citations(text: str, found: list[tuple[list[int], str]]) -> CleanText:
    out: list[str] = []
    cites: list[tuple[int, list[int], str]] = []
    breaks: list[int] = []
    length = 0
    parts = text.split(_CITE)
    for i, part in enumerate(parts):
        if i > 0:
            numbers, marker = found[i - 1] if i - 1 < len(found) else ([], "")
            cites.append((length, numbers, marker))
            # "et al.[19]. Although" — the abbreviation's full stop ends the sentence too.
            if part.startswith(".") and out and out[-1].endswith("."):
                part = part[1:]
                breaks.append(length)
            elif out and out[-1].endswith(" al.") and re.match(r"\s+[A-Z][a-z]+\b", part):
                breaks.append(length)  # typeset as "Wei et al.^44 They ...": the stop was printed once
        out.append(part)
        length += len(part)
    return CleanText("".join(out), cites, breaks)
