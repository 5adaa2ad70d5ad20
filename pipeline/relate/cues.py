"""Cue phrases of ``models/patterns/relations.json``, compiled once."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from pipeline.errors import LexiconError
from pipeline.normalize.lexicon import models_dir

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class Cues:
    resistance: re.Pattern[str]
    resistance_window: re.Pattern[str]
    status_after: re.Pattern[str]
    mirna_target_before: re.Pattern[str]
    effects: tuple[tuple[str, re.Pattern[str]], ...]  # in priority order
    effect_examples: dict[str, list[str]]
    negation: re.Pattern[str]
    other: dict[str, re.Pattern[str]]
    cargo_before: re.Pattern[str]
    cargo_after: re.Pattern[str]
    target_before: re.Pattern[str]
    target_after: re.Pattern[str]
    donor_before: re.Pattern[str]
    donor_after: re.Pattern[str]
    recipient_before: re.Pattern[str]


@cache
def load_cues(path: str | None = None) -> Cues:
    file = models_dir() / "patterns" / "relations.json" if path is None else path
    try:
        d = json.loads(open(file, encoding="utf-8").read())  # noqa: SIM115
        return Cues(
            resistance=re.compile(d["resistance"], _FLAGS),
            resistance_window=re.compile(d["resistance_window"], _FLAGS),
            status_after=re.compile(d["status_after"], _FLAGS),
            mirna_target_before=re.compile(d["mirna_target_context"], _FLAGS),
            effects=tuple((name, re.compile(v["pattern"], _FLAGS)) for name, v in d["effects"].items()),
            effect_examples={name: v["examples"] for name, v in d["effects"].items()},
            negation=re.compile(d["negation"], _FLAGS),
            other={k: re.compile(v, _FLAGS) for k, v in d["other_relations"].items()},
            cargo_before=re.compile(d["cargo_context"]["before"], _FLAGS),
            cargo_after=re.compile(d["cargo_context"]["after"], _FLAGS),
            target_before=re.compile(d["target_context"], _FLAGS),
            target_after=re.compile(d["target_after"], _FLAGS),
            donor_before=re.compile(d["donor_context"], _FLAGS),
            donor_after=re.compile(d["donor_after"], _FLAGS),
            recipient_before=re.compile(d["recipient_context"], _FLAGS),
        )
    except (OSError, ValueError, KeyError, re.error) as exc:
        raise LexiconError(file, f"relation cue file cannot be loaded ({exc})") from exc
