"""Rules for calendar expressions: dates, months, years, decades, centuries, clock times.

Each rule takes a regex match and the :class:`Scan` and returns a :class:`Candidate`
or None (when the match is not a date after all, e.g. "2000 people"). A month or day
named without a year gets its year from the reference date (see
:func:`eventscribe.time.values.year_of_month`); without a reference it gets a
TimeML "XXXX" year.
"""

from __future__ import annotations

import re

from eventscribe.time.prefilter import fold
from eventscribe.time.scan import Candidate, Scan
from eventscribe.time.values import (
    century_value,
    day_value,
    decade_value,
    month_value,
    valid_day,
    year_of_month,
)

MIN_YEAR = 1900
MAX_YEAR = 2100
_WORD_AFTER_HYPHEN = re.compile(r"-[A-Za-z]")
_YEAR_BEFORE_HYPHEN = re.compile(r"(?<!\d)\d{4}-$")
_YEAR_STEPS = {"last": -1, "this": 0, "next": 1}
_CLOCK_WORDS = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}


def _span(m: re.Match[str], value: str | None) -> Candidate | None:
    return Candidate(m.start(), m.end(), value) if value else None


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _full_year(digits: str) -> int:
    """ "2022" -> 2022; two digits as in "11/23/22" -> 2022 (or 1995 for "95")."""
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _date_value(year: int | None, month: int, day: int, scan: Scan, start: int) -> str | None:
    """The value of a day in a month, filling in a missing year from the reference."""
    if year is None:
        if scan.reference is None:
            return f"XXXX-{month:02d}-{day:02d}" if valid_day(2000, month, day) else None
        year = year_of_month(month, scan.reference, scan.speaks_of_future(start))
    found = valid_day(year, month, day)
    return day_value(found) if found else None


def iso_date(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "2022-11-23", "2022-11-23T14:00"."""
    found = valid_day(int(m["year"]), int(m["month"]), int(m["day"]))
    if found is None or not _plausible(found.year):
        return None
    value = day_value(found)
    if m["hour"] is not None and int(m["hour"]) < 24 and int(m["minute"]) < 60:
        value += f"T{m['hour']}:{m['minute']}"
    return _span(m, value)


def slash_date(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "11/23/2022" in US order; "23/11/2022" when the first number cannot be a month."""
    first, second, year = int(m["a"]), int(m["b"]), _full_year(m["year"])
    month, day = (first, second) if first <= 12 else (second, first)
    found = valid_day(year, month, day)
    return _span(m, day_value(found) if found and _plausible(year) else None)


def dotted_date(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "23.11.2022" (day first, as in European usage)."""
    found = valid_day(int(m["year"]), int(m["month"]), int(m["day"]))
    return _span(m, day_value(found) if found and _plausible(found.year) else None)


def month_day(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "November 23", "Nov. 23, 2022", "Wednesday, February 1", "the 23rd of November"."""
    month = scan.lexicon.month_number(m["month"])
    if month is None:
        return None
    return _span(m, _date_value(_explicit_year(m, scan), month, int(m["day"]), scan, m.start()))


def _explicit_year(m: re.Match[str], scan: Scan) -> int | None:
    """The year written next to a month: "2022", or "last/this/next year"."""
    groups = m.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("ryear") and scan.reference is not None:
        return scan.reference.year + _YEAR_STEPS[fold(groups["ryear"])]
    return None


def month_year(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "December 2022", "May of 2010", "March of this year"."""
    month = scan.lexicon.month_number(m["month"])
    year = _explicit_year(m, scan)
    if month is None:
        return None
    return _span(m, month_value(year, month) if year else f"XXXX-{month:02d}")


def month_bare(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "in December", "early August", "late last July", "next March".

    Ambiguous names ("May", "March") count only after a preposition or modifier.
    """
    name, rel = m["month"], fold(m["rel"] or "")
    if (
        not (m["mod"] or rel)
        and name in scan.lexicon.ambiguous_months
        and scan.previous_word(m.start("month")) not in scan.lexicon.month_prepositions
    ):
        return None
    if scan.is_set(m.start()):
        return None
    month = scan.lexicon.months[name]
    ref = scan.reference
    if ref is None:
        return _span(m, f"XXXX-{month:02d}")
    if rel in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif rel in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif rel == "this":
        year = ref.year
    else:
        year = year_of_month(month, ref, scan.speaks_of_future(m.start()))
    return _span(m, month_value(year, month))


def _hyphens_allow_year(m: re.Match[str], scan: Scan) -> bool:
    """Reject "555-2019" and "2000-year-old"; keep "2009-2010" and "mid-2012"."""
    text, start, end = scan.text, m.start(), m.end()
    if _WORD_AFTER_HYPHEN.match(text, end):
        return False
    if start > 0 and text[start - 1] == "-":
        return bool(_YEAR_BEFORE_HYPHEN.search(text, 0, start)) or (
            scan.previous_word(start - 1) in scan.lexicon.month_prepositions
        )
    return True


def bare_year(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "2021" when it is a year: in 1900-2100 and not a quantity ("2000 people")."""
    year = int(m["year"])
    if not _plausible(year) or not _hyphens_allow_year(m, scan):
        return None
    if scan.next_word(m.end()) in scan.lexicon.quantity_nouns:
        return None
    if scan.previous_word(m.start()) in scan.lexicon.year_quantity_markers:
        return None
    return _span(m, f"{year:04d}")


def decade(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the 1990s" -> "199"."""
    return _span(m, decade_value(int(m["year"])))


def decade_short(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the '90s", "the 80s" -> "199", "198" (twentieth century)."""
    return _span(m, decade_value(1900 + int(m["yy"])))


def century(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the 20th century", "the twenty-first century" -> "19", "20"."""
    word = fold(m["ord"])
    number = scan.lexicon.ordinal_words.get(word) or int(re.sub(r"\D", "", word) or 0)
    return _span(m, century_value(number) if 1 <= number <= 30 else None)


def clock(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "2 p.m.", "8 PM", "10:30 am GMT" -> a time of day ("T14:00") awaiting a date."""
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if not 1 <= hour <= 12:
        return None
    pm = fold(m["ampm"]).startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return _span(m, f"T{hour:02d}:{minute:02d}")


def clock24(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "15:00 GMT", "at 14:30": only with a time zone or after "at"/"by"/"until"."""
    if not m["zone"] and scan.previous_word(m.start()) not in scan.lexicon.time_prepositions:
        return None
    return _span(m, f"T{int(m['hour']):02d}:{m['minute']}")


def noon(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "noon", "midnight"."""
    return _span(m, _CLOCK_WORDS[fold(m["word"])])


RULES = (
    ("iso", iso_date),
    ("slash", slash_date),
    ("dotted", dotted_date),
    ("month_day", month_day),
    ("day_month", month_day),
    ("month_year", month_year),
    ("month_relyear", month_year),
    ("month_bare", month_bare),
    ("year", bare_year),
    ("decade", decade),
    ("decade_short", decade_short),
    ("century", century),
    ("clock", clock),
    ("clock24", clock24),
    ("noon", noon),
)
