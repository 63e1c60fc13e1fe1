"""The rules a user relies on: year boundaries, no reference, determinism, offsets."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from itertools import pairwise
from pathlib import Path

import pytest

from eventscribe.errors import DataFileError
from eventscribe.time import find_time_expressions, precision_of, read_lexicon
from eventscribe.time.lexicon import LEXICON_FILE

REF = date(2023, 2, 2)

SAMPLE = (
    "On Wednesday, February 1, the council voted. Yesterday the mayor resigned, and\n"
    "in December 2021 \u2014 not last month \u2014 the budget failed. "
    "Talks resume next week at 10:30 am; elections are due by 15.06.2023."
)


def values(text: str, reference: date | None = REF) -> list[str]:
    return [t.value for t in find_time_expressions(text, reference)]


def test_month_without_year_across_new_year() -> None:
    assert values("Strikes spread in December.") == ["2022-12"]
    assert values("Strikes spread on November 23.") == ["2022-11-23"]
    assert values("Strikes spread in January.") == ["2023-01"]
    assert values("Strikes spread in February.") == ["2023-02"]


def test_month_after_future_cue_is_the_coming_one() -> None:
    assert values("The government will hold elections in December.") == ["2023-12"]
    assert values("Voters go to the polls, officials said, in December.") == ["2022-12"]
    assert values("Talks will start in January.", date(2022, 12, 10)) == ["2023-01"]
    assert values("The hearing is scheduled for April 7.") == ["2023-04-07"]


def test_last_and_next_month_names() -> None:
    assert values("Fighting began late last July.") == ["2022-07"]
    assert values("Fighting began early next March.") == ["2023-03"]


def test_without_reference_relative_words_are_skipped_or_underspecified() -> None:
    found = find_time_expressions(
        "In 2021 the pact ended; in December and on Wednesday, not yesterday.", None
    )
    assert [(t.value, t.precision) for t in found] == [
        ("2021", "year"),
        ("XXXX-12", "other"),
        ("XXXX-WXX-3", "other"),
    ]


def test_same_output_every_time() -> None:
    first = find_time_expressions(SAMPLE, REF)
    second = find_time_expressions(SAMPLE, REF)
    assert first == second
    assert len(first) == 6


def test_offsets_slice_back_to_the_text() -> None:
    found = find_time_expressions(SAMPLE, REF)
    for expression in found:
        assert SAMPLE[expression.start : expression.end] == expression.text
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize(
    "value, precision",
    [
        ("2022-11-23", "day"),
        ("2022-11-23T14:00", "day"),
        ("2023-W04", "week"),
        ("2022-12", "month"),
        ("2022", "year"),
        ("PRESENT_REF", "other"),
        ("2022-SU", "other"),
        ("XXXX-12", "other"),
    ],
)
def test_precision_of(value: str, precision: str) -> None:
    assert precision_of(value) == precision


def test_broken_lexicon_names_file_and_field(tmp_path: Path) -> None:
    bundled = resources.files("eventscribe.time").joinpath("data", LEXICON_FILE)
    raw = json.loads(bundled.read_text(encoding="utf-8"))
    raw["months"]["Smarch"] = 13
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(DataFileError, match="Smarch"):
        read_lexicon(path)
    path.write_text("{\n  oops", encoding="utf-8")
    with pytest.raises(DataFileError, match="line 2"):
        read_lexicon(path)
