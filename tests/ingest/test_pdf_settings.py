"""The PDF reader's thresholds: one validated settings object, errors naming the setting."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.errors import SettingsError
from pipeline.ingest.pdf_settings import PDF_SETTINGS, PdfSettings


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"header_band": 0.7}, r"PdfSettings\.header_band: 0\.7 is out of range: a fraction of the page height"),
        ({"word_gap": -0.1}, r"PdfSettings\.word_gap: -0\.1 is out of range"),
        ({"word_gap": float("nan")}, r"PdfSettings\.word_gap: nan is out of range"),
        ({"map_sample": 2.5}, r"PdfSettings\.map_sample: 2\.5 is not a whole number"),
        ({"max_path_segments": True}, r"PdfSettings\.max_path_segments: True is not a whole number"),
        ({"min_rule": "20"}, r"PdfSettings\.min_rule: '20' is not a number"),
        ({"lost_text_share": 1.5}, r"PdfSettings\.lost_text_share: 1\.5 is out of range"),
    ],
)
def test_a_setting_out_of_range_is_an_error_naming_it(change: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as info:
        PdfSettings(**change)
    assert info.value.code == "E130"
    assert isinstance(info.value, ValueError)


def test_every_setting_has_a_range_and_the_defaults_are_valid() -> None:
    settings = PdfSettings()
    assert settings == PDF_SETTINGS
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.word_gap = 0.2  # type: ignore[misc]
