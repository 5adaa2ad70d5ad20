"""Bytes -> text, with a clear error for what is not text."""

from __future__ import annotations

import codecs
import re

from pipeline.errors import BinaryInputError, EmptyInputError, EncodingError

# Control characters that never occur in a text article (tab, newlines and form feed do).
_CONTROL = {*range(0, 9), 11, *range(14, 32), 127}
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode an article's bytes.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such. Other bytes are read as Windows-1252 /
    Latin-1 only when the result looks like text; a warning says so. Binary data raises.

    Returns:
        The text and the warnings raised while decoding.
    """
    if not data.strip():
        raise EmptyInputError(source, "the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise EncodingError(source, f"UTF-16 byte order mark but invalid UTF-16 ({exc.reason})") from exc
    if b"\x00" in data[:8192]:
        raise BinaryInputError(source, "the file holds NUL bytes: it is binary, not text")
    try:
        text = data.decode("utf-8-sig")
        warnings: list[str] = []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        bad = text.count("\ufffd")
        if bad > max(3, len(text) // 1000):
            raise EncodingError(
                source, f"not UTF-8 (invalid byte at offset {exc.start}) and not readable as Latin-1 either"
            ) from exc
        warnings = [f"not UTF-8 (invalid byte at offset {exc.start}); read as Windows-1252/Latin-1"]
    control = sum(1 for ch in text[:20000] if ord(ch) in _CONTROL)
    if control > max(5, len(text[:20000]) // 200):
        raise BinaryInputError(source, f"{control} control characters in the first 20,000: binary, not text")
    if not text.strip():
        raise EmptyInputError(source, "the file holds only white space")
    stray = _CONTROL_RE.findall(text)
    if stray:  # a few stray NULs or escapes in a text: read as spaces (offsets kept), said in a warning
        names = ", ".join(sorted({f"U+{ord(c):04X}" for c in stray})[:5])
        text = _CONTROL_RE.sub(" ", text)
        warnings.append(f"{len(stray)} control character(s) ({names}) read as spaces")
    return text, warnings
