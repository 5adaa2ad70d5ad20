"""One exception family. Every message names the file (or input) and the problem.

Codes are stable so that batch manifests and scripts can match on them.
"""

from __future__ import annotations

import re
from pathlib import Path

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")  # surrogates: undecodable bytes of a name


def printable(name: str | Path) -> str:
    """A file name (or any text) safe to print on one line: control characters (newline, escape sequences,
    NUL) shown as Python escapes (``\\n``, ``\\x1b``), so a crafted name cannot forge lines or colours."""
    return _CONTROL_RE.sub(lambda m: repr(m[0])[1:-1], str(name))


class EVminerError(Exception):
    """Base class of every error EVminer raises on purpose."""

    code = "E000"

    def __init__(self, source: str | Path, problem: str) -> None:
        self.source = str(source)
        self.problem = problem
        super().__init__(f"[{self.code}] {printable(self.source)}: {printable(problem)}")


class IngestError(EVminerError):
    """The input could not be read into a Document."""

    code = "E100"


class EmptyInputError(IngestError):
    """The file has no bytes, or no text once decoded."""

    code = "E101"


class BinaryInputError(IngestError):
    """The file is binary (not text, not a supported document format)."""

    code = "E102"


class EncodingError(IngestError):
    """The bytes are not text in any encoding EVminer accepts."""

    code = "E103"


class UnsupportedFormatError(IngestError):
    """The file's type is not one EVminer reads."""

    code = "E104"


class PDFError(IngestError):
    """A PDF could not be parsed (corrupt, truncated)."""

    code = "E110"


class EncryptedPDFError(PDFError):
    """A PDF needs a password."""

    code = "E111"


class ScannedPDFError(PDFError):
    """A PDF has pages but no text layer (scanned images)."""

    code = "E112"


class UnreadableTextPDFError(PDFError):
    """A text layer made mostly of glyphs without a Unicode value (fonts without a ToUnicode map, often Type3):
    what it would give as text is glyph codes, not words."""

    code = "E113"


class XMLError(IngestError):
    """An XML input is not well-formed (the parser's message and line are given)."""

    code = "E120"


class XMLRootError(XMLError):
    """Well-formed XML whose root element is not one EVminer reads (JATS, PubMed, BioC)."""

    code = "E121"


class XMLEntityError(XMLError):
    """XML that declares entities: an external entity (file or network access) or an entity expansion such as
    a "billion laughs" bomb. Refused before parsing; real JATS, PubMed and BioC files declare none."""

    code = "E122"


class SettingsError(EVminerError, ValueError):
    """A setting out of its range or of the wrong type; ``source`` names the setting ("PdfSettings.word_gap")."""

    code = "E130"


class LexiconError(EVminerError):
    """A lexicon file in models/ is missing or malformed."""

    code = "E200"
