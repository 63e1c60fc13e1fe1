"""Explicit calendar dates, months and years: every common way news writes them."""

from __future__ import annotations

from datetime import date

import pytest

from eventscribe.time import find_time_expressions, latest_stated_day

REF = date(2023, 2, 2)  # a Thursday


def found(text: str, reference: date | None = REF) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_time_expressions(text, reference)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The accord was signed on 23 November 2022 in Doha.", ("23 November 2022", "2022-11-23")),
        (
            "The accord was signed on November 23, 2022 in Doha.",
            ("November 23, 2022", "2022-11-23"),
        ),
        ("The accord was signed on Nov. 23, 2022 in Doha.", ("Nov. 23, 2022", "2022-11-23")),
        ("The file is dated 2022-11-23 at the top.", ("2022-11-23", "2022-11-23")),
        ("The form was stamped 11/23/2022 by a clerk.", ("11/23/2022", "2022-11-23")),
        ("The ruling of 23.11.2022 was overturned.", ("23.11.2022", "2022-11-23")),
        (
            "Shelling resumed on the 23rd of November 2022.",
            ("the 23rd of November 2022", "2022-11-23"),
        ),
        ("A log entry reads 2022-11-23T14:05 exactly.", ("2022-11-23T14:05", "2022-11-23T14:05")),
    ],
)
def test_explicit_day_formats(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


def test_day_without_year_and_weekday_prefix() -> None:
    assert found("Envoys met on Wednesday, February 1 in Oslo.") == [
        ("Wednesday, February 1", "2023-02-01")
    ]
    assert found("Envoys met on Nov. 23 in Oslo.") == [("Nov. 23", "2022-11-23")]


def test_month_with_year() -> None:
    assert found("Riots broke out in December 2021, and again in May of 2019.") == [
        ("December 2021", "2021-12"),
        ("May of 2019", "2019-05"),
    ]


def test_month_or_day_with_relative_year() -> None:
    assert found("He was detained on June 4 last year.") == [("June 4 last year", "2022-06-04")]
    assert found("Talks stalled in March of this year.") == [("March of this year", "2023-03")]


def test_bare_years_and_quantities() -> None:
    text = "In 2021 some 2000 people fled; the 2019 vote cost $2021 and 1,950 ballots."
    assert found(text) == [("2021", "2021"), ("2019", "2019")]


def test_year_ranges_and_hyphens() -> None:
    assert found("The 2014-2016 drought hit hard; growth returned in mid-2018.") == [
        ("2014", "2014"),
        ("2016", "2016"),
        ("2018", "2018"),
    ]
    assert found("Dial 555-2019 to see the 2000-year-old temple.") == []


def test_decades_and_centuries() -> None:
    assert found("Fighting in the 1990s scarred the late 20th century.") == [
        ("the 1990s", "199"),
        ("20th century", "19"),
    ]


def test_may_and_march_need_context_to_be_months() -> None:
    assert found("Theresa May said rebels may march. March on!") == []
    assert found("Theresa May travelled to Kyiv in May.") == [("May", "2022-05")]


def test_quarters_and_seasons_with_years() -> None:
    assert found("Output fell in the first quarter of 2022 and in Q3 2021.") == [
        ("the first quarter of 2022", "2022-Q1"),
        ("Q3 2021", "2021-Q3"),
    ]
    assert found("Floods came in the summer of 2021.") == [("the summer of 2021", "2021-SU")]


def test_latest_stated_day_is_the_newest_full_date_of_an_undated_text() -> None:
    text = (
        "Elections were held on May 5, 2014. On March 28, 2018 at 14:30 the court ruled. "
        "On Thursday, in April, and in 2019 nothing was dated in full."
    )
    assert latest_stated_day(find_time_expressions(text, None)) == date(2018, 3, 28)
    assert latest_stated_day(find_time_expressions("He left on Thursday.", None)) is None
