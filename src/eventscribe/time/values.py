"""TimeML values and the calendar arithmetic that resolves relative expressions.

Every function here is pure: the reference date is always passed in, never taken
from the clock, so the same text and reference give the same values on any day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

PRESENT_REF = "PRESENT_REF"

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T.*)?$")
_WEEK = re.compile(r"^\d{4}-W\d{2}(?:-WE)?$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")


def precision_of(value: str) -> str:
    """The precision of a TimeML value: "day", "week", "month", "year" or "other".

    "2022-11-23" and "2022-11-23T14:00" are "day"; "2023-W04" (and the weekend
    "2023-W04-WE") "week"; "2022-12" "month"; "2022" "year"; anything else
    ("PRESENT_REF", "2022-SU", "2022-Q1", "199", "XXXX-12") is "other".
    """
    if _DAY.match(value):
        return "day"
    if _WEEK.match(value):
        return "week"
    if _MONTH.match(value):
        return "month"
    if _YEAR.match(value):
        return "year"
    return "other"


def day_value(day: date) -> str:
    """ "2022-11-23"."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    """ "2022-12"."""
    return f"{year:04d}-{month:02d}"


def week_value(day: date, weekend: bool = False) -> str:
    """The ISO week holding ``day``: "2023-W05" (or "2023-W05-WE" for its weekend)."""
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}" + ("-WE" if weekend else "")


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the numbers do not make one (e.g. February 30)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def year_of_month(month: int, reference: date, future: bool) -> int:
    """The year of a month named without one.

    By default the most recent such month not after the reference month (the
    reference month itself counts). With ``future`` (the text speaks of the future
    just before it) the next such month after the reference month instead.
    """
    if month == reference.month:
        return reference.year
    if future:
        return reference.year if month > reference.month else reference.year + 1
    return reference.year if month < reference.month else reference.year - 1


def weekday_date(weekday: int, reference: date, mode: str) -> date:
    """The date of an ISO weekday (1 = Monday) named relative to ``reference``.

    ``mode`` "past" (the default reading): the reference day itself when it is that
    weekday, else the most recent one before it. "last": strictly before the
    reference. "next": strictly after. "future": the reference day or the next one.
    """
    offset = (reference.isoweekday() - weekday) % 7
    if mode == "past":
        return reference - timedelta(days=offset)
    if mode == "last":
        return reference - timedelta(days=offset or 7)
    ahead = (weekday - reference.isoweekday()) % 7
    if mode == "next":
        return reference + timedelta(days=ahead or 7)
    return reference + timedelta(days=ahead)


def recent_weekend(reference: date, direction: int) -> date:
    """A Saturday for "the weekend": -1 the last one, 0 this one, +1 the next one."""
    saturday = reference + timedelta(days=6 - reference.isoweekday())
    if direction < 0 and reference.isoweekday() < 6:
        saturday -= timedelta(days=7)
    elif direction > 0 and reference.isoweekday() >= 6:
        saturday += timedelta(days=7)
    return saturday


def quarter_of(month: int) -> int:
    """1-4."""
    return (month - 1) // 3 + 1


def season_year(code: str, reference: date, direction: int, months: tuple[int, int]) -> int:
    """The year of a season named "last"/"this"/"next" (``direction`` -1/0/+1).

    "last summer" is this year's summer once it is over, else last year's; winter is
    labelled by the year it starts in. "next" is the first one not yet begun.
    """
    first, last = months
    if direction == 0:
        return reference.year - 1 if code == "WI" and reference.month <= last else reference.year
    if direction < 0:
        if code == "WI":
            return reference.year - 1 if reference.month > last else reference.year - 2
        return reference.year if reference.month > last else reference.year - 1
    return reference.year if reference.month < first else reference.year + 1


def decade_value(year: int) -> str:
    """TimeML decade: 1990 -> "199"."""
    return f"{year // 10:03d}"


def century_value(ordinal: int) -> str:
    """TimeML century: the 20th century -> "19"."""
    return f"{ordinal - 1:02d}"
