"""The PDF reader's thresholds in one validated, frozen settings object (as pdfplumber's ``TableSettings``).

``PDF_SETTINGS`` holds the values the reader runs with; each module reads its thresholds from it, so a value is
defined and checked in one place. A value out of its range is a ``SettingsError`` (E130) naming the setting, its
value and the range it must be in: ``PdfSettings(header_band=0.7)`` ->
``[E130] PdfSettings.header_band: 0.7 is out of range: a fraction of the page height, from 0 to 0.25``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

from pipeline.errors import SettingsError

# (low, high, what the value is): the range each setting must lie in, both ends included
_RANGES: dict[str, tuple[float, float, str]] = {
    "header_band": (0.0, 0.25, "a fraction of the page height"),
    "word_gap": (0.01, 1.0, "a gap in font sizes"),
    "descent": (0.0, 0.5, "a depth under the baseline in font sizes"),
    "min_rule": (1.0, 200.0, "a length in points"),
    "max_path_segments": (4, 10_000, "a number of path segments"),
    "max_clip_segments": (4, 10_000, "a number of path segments"),
    "map_sample": (1, 1_000, "every how many characters"),
    "min_rule_width": (0.05, 1.0, "a fraction of the page width"),
    "max_rule_gap": (0.05, 1.0, "a fraction of the page height"),
    "lost_text_share": (0.0, 1.0, "a share of the printed characters"),
}


@dataclass(frozen=True)
class PdfSettings:
    """Thresholds of the PDF reader (lengths in points, sizes in font sizes, shares from 0 to 1)."""

    header_band: float = 0.06  # top and bottom bands of the page read as running header / footer
    word_gap: float = 0.12  # a gap wider than this many font sizes between two characters separates words
    descent: float = 0.22  # how far under the baseline a character's box reaches (Times 0.217, Arial 0.212)
    min_rule: float = 20.0  # a path smaller than this both ways is a mark, not a rule
    max_path_segments: int = 32  # a path with more segments is a drawing (a figure), not rules or boxes
    max_clip_segments: int = 64  # a clipping path with more segments (a shape, glyph outlines) cuts nothing
    map_sample: int = 8  # every n-th character is asked whether it has a Unicode value (the share matters)
    min_rule_width: float = 0.3  # a table rule spans at least this share of the page width
    max_rule_gap: float = 0.85  # rules further apart than this share of the page height: different tables
    lost_text_share: float = 0.5  # warn (and, for characters without Unicode, fail) past this share lost

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            low, high, what = _RANGES[field.name]
            integral = field.type in ("int", int)
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or (integral and not isinstance(value, int))
            ):
                kind = "a whole number" if integral else "a number"
                raise SettingsError(f"PdfSettings.{field.name}", f"{value!r} is not {kind} ({what})")
            if not math.isfinite(value) or not low <= value <= high:
                raise SettingsError(
                    f"PdfSettings.{field.name}", f"{value!r} is out of range: {what}, from {low:g} to {high:g}"
                )


PDF_SETTINGS = PdfSettings()
