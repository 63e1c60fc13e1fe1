"""The word lists of the time stage, read from ``data/lexicon.json``.

Month, weekday and number words live in a data file so that they can be read and
extended without touching code. The file is read once per process (cached) into an
immutable :class:`Lexicon`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from eventscribe.errors import DataFileError

LEXICON_FILE = "lexicon.json"

_MAPPINGS = (
    "months",
    "month_abbreviations",
    "weekdays",
    "parts_of_day",
    "seasons",
    "season_months",
    "number_words",
    "ordinal_words",
)
_LISTS = (
    "ambiguous_months",
    "month_prepositions",
    "present_words",
    "future_cues",
    "set_markers",
    "weekday_name_before",
    "weekday_name_after",
    "year_quantity_markers",
    "quantity_nouns",
    "time_zones",
    "time_prepositions",
)


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Read-only word lists; see ``data/lexicon.json`` for what each one means."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    parts_of_day: Mapping[str, str]
    seasons: Mapping[str, str]
    season_months: Mapping[str, tuple[int, int]]
    number_words: Mapping[str, int]
    ordinal_words: Mapping[str, int]
    ambiguous_months: frozenset[str]
    month_prepositions: frozenset[str]
    present_words: tuple[str, ...]
    future_cues: tuple[str, ...]
    set_markers: frozenset[str]
    weekday_name_before: frozenset[str]
    weekday_name_after: frozenset[str]
    year_quantity_markers: frozenset[str]
    quantity_nouns: frozenset[str]
    time_zones: tuple[str, ...]
    time_prepositions: frozenset[str]

    def month_number(self, word: str) -> int | None:
        """The month number of a full or abbreviated name ("Nov." -> 11), else None."""
        word = word.rstrip(".")
        return self.months.get(word) or self.month_abbreviations.get(word)


def _check(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: top level must be a JSON object", fix="restore the file")
    for key in _MAPPINGS:
        if not isinstance(raw.get(key), dict) or not raw[key]:
            raise DataFileError(
                f"{where}: field '{key}' must be a non-empty object",
                fix=f"add a '{key}' object mapping words to values",
            )
    for key in _LISTS:
        if not isinstance(raw.get(key), list) or not all(isinstance(w, str) for w in raw[key]):
            raise DataFileError(
                f"{where}: field '{key}' must be a list of strings",
                fix=f"add a '{key}' list of words",
            )
    for key in ("months", "month_abbreviations"):
        for word, number in raw[key].items():
            if not isinstance(number, int) or not 1 <= number <= 12:
                raise DataFileError(
                    f"{where}: {key}['{word}'] = {number!r} is not a month number 1-12",
                    fix="use 1 for January ... 12 for December",
                )
    return raw


def lexicon_from_dict(raw: Any, where: str = LEXICON_FILE) -> Lexicon:
    """Validate a parsed lexicon and freeze it; ``where`` names the file in errors."""
    raw = _check(raw, where)

    def lower_map(key: str) -> Mapping[str, Any]:
        return MappingProxyType({k.lower(): v for k, v in raw[key].items()})

    return Lexicon(
        months=MappingProxyType(dict(raw["months"])),
        month_abbreviations=MappingProxyType(dict(raw["month_abbreviations"])),
        weekdays=MappingProxyType(dict(raw["weekdays"])),
        parts_of_day=lower_map("parts_of_day"),
        seasons=lower_map("seasons"),
        season_months=MappingProxyType({k: tuple(v) for k, v in raw["season_months"].items()}),
        number_words=lower_map("number_words"),
        ordinal_words=lower_map("ordinal_words"),
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        month_prepositions=frozenset(w.lower() for w in raw["month_prepositions"]),
        present_words=tuple(raw["present_words"]),
        future_cues=tuple(raw["future_cues"]),
        set_markers=frozenset(w.lower() for w in raw["set_markers"]),
        weekday_name_before=frozenset(w.lower() for w in raw["weekday_name_before"]),
        weekday_name_after=frozenset(w.lower() for w in raw["weekday_name_after"]),
        year_quantity_markers=frozenset(w.lower() for w in raw["year_quantity_markers"]),
        quantity_nouns=frozenset(w.lower() for w in raw["quantity_nouns"]),
        time_zones=tuple(raw["time_zones"]),
        time_prepositions=frozenset(w.lower() for w in raw["time_prepositions"]),
    )


def read_lexicon(path: Path) -> Lexicon:
    """Read and validate a lexicon file (e.g. a user's extended copy)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot be read ({exc})", fix="check the path") from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})", fix="fix the JSON syntax"
        ) from exc
    return lexicon_from_dict(raw, str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read once."""
    source = resources.files("eventscribe.time").joinpath("data", LEXICON_FILE)
    with resources.as_file(source) as path:
        return read_lexicon(path)
