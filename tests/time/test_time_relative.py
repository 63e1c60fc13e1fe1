"""Relative expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.time import find_time_expressions

REF = date(2023, 2, 2)  # a Thursday, in ISO week 2023-W05


def values(text: str, reference: date | None = REF) -> list[str]:
    return [t.value for t in find_time_expressions(text, reference)]


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("last month", "2023-01"),
        ("this month", "2023-02"),
        ("next month", "2023-03"),
        ("earlier this month", "2023-02"),
        ("late last year", "2022"),
        ("last year", "2022"),
        ("this year", "2023"),
        ("next year", "2024"),
        ("this week", "2023-W05"),
        ("last week", "2023-W04"),
        ("next week", "2023-W06"),
        ("the end of the year", "2023"),
        ("three years ago", "2020"),
        ("two days ago", "2023-01-31"),
        ("last summer", "2022-SU"),
    ],
)
def test_relative_units(phrase: str, value: str) -> None:
    assert values(f"Turnout fell {phrase}, the board said.") == [value]


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("yesterday", "2023-02-01"),
        ("today", "2023-02-02"),
        ("tomorrow", "2023-02-03"),
        ("tonight", "2023-02-02TNI"),
        ("this morning", "2023-02-02TMO"),
        ("Monday morning", "2023-01-30TMO"),
    ],
)
def test_day_words(phrase: str, value: str) -> None:
    assert values(f"The convoy left {phrase} under guard.") == [value]


def test_the_day_before_on_its_own() -> None:
    assert values("Shops had closed the day before.") == ["2023-02-01"]


def test_weekday_is_most_recent_past_day() -> None:
    assert values("Troops crossed the border on Wednesday.") == ["2023-02-01"]
    assert values("Troops crossed the border late on Sunday.") == ["2023-01-29"]
    assert values("The minister said Friday that talks failed.") == ["2023-01-27"]


def test_weekday_of_reference_day_is_the_reference_day() -> None:
    assert values("Troops crossed the border on Thursday.") == ["2023-02-02"]
    assert values("Troops crossed the border on Thursday.", date(2023, 2, 9)) == ["2023-02-09"]


def test_last_and_next_weekday() -> None:
    assert values("They met last Thursday and meet again next Thursday.") == [
        "2023-01-26",
        "2023-02-09",
    ]
    assert values("They met last Friday and meet next Monday.") == ["2023-01-27", "2023-02-06"]


def test_weekday_after_future_cue_is_the_coming_one() -> None:
    assert values("The vote will be held on Sunday.") == ["2023-02-05"]
    # a cue in an earlier clause does not count
    assert values("Prices will rise, the bank said Monday.") == ["2023-01-30"]


def test_clock_time_joins_its_day() -> None:
    assert values("He was freed at 2 p.m. on Tuesday.") == ["2023-01-31T14:00"]
    assert values("Kick-off is 15:30 GMT Saturday, said a spokesman.") == ["2023-01-28T15:30"]


def test_recurring_days_are_not_dates() -> None:
    assert values("Every Monday crowds gather; Sundays are calm.") == []


def test_present_reference() -> None:
    found = find_time_expressions("Prices are now rising and currently stand high.", REF)
    assert [(t.text, t.value, t.precision) for t in found] == [
        ("now", "PRESENT_REF", "other"),
        ("currently", "PRESENT_REF", "other"),
    ]


def test_deadline_prepositions_keep_the_date() -> None:
    text = "Parties must agree by November 21, talks run until March, unrest since October."
    assert values(text) == ["2022-11-21", "2023-03", "2022-10"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Talks resume next \u017fpring.", "2023-SP"),  # long s, as in old prints and OCR
        ("They met la\u017ft week.", "2023-W04"),
        ("The reform pa\u017f\u017fed la\u017ft \u017fummer.", "2022-SU"),
    ],
)
def test_look_alike_letters_a_case_blind_match_accepts_resolve_like_plain_ones(text, value):
    assert values(text) == [value]


def test_relative_expressions_past_the_calendar_read_the_text_as_undated() -> None:
    from datetime import date

    from eventscribe.time import find_time_expressions

    found = find_time_expressions(
        "It will happen next year, on 5 May 2023 and tomorrow.", date(9999, 12, 31)
    )
    assert [(t.text, t.value) for t in found] == [("5 May 2023", "2023-05-05")]
    assert find_time_expressions("Tomorrow, or yesterday.", date(1, 1, 1)) == []  # read as undated
