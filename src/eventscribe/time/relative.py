"""Rules for expressions that only make sense against the reference (publication) date:
weekdays, "yesterday", "last month", "this week", "two years ago", "last summer", ...

Without a reference date these rules find nothing, except weekdays (TimeML
"XXXX-WXX-3") and "now" (PRESENT_REF), which need no date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from eventscribe.time.prefilter import fold
from eventscribe.time.scan import Candidate, Scan
from eventscribe.time.values import (
    PRESENT_REF,
    century_value,
    day_value,
    decade_value,
    month_value,
    quarter_of,
    recent_weekend,
    season_year,
    shift_month,
    week_value,
    weekday_date,
)

# Days from the reference date for deictic day words.
DAY_OFFSETS = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "last night": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
# The part of the day some day words imply.
DAY_WORD_PARTS = {"tonight": "NI", "last night": "NI"}
# "last"/"this"/"next" words and the step they stand for.
DIRECTIONS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "the": 0,
    "next": 1,
    "coming": 1,
}
_WEEKDAY_MODES = {
    "last": "last",
    "past": "last",
    "next": "next",
    "coming": "next",
    "this": "future",
}


def _span(m: re.Match[str], value: str | None) -> Candidate | None:
    return Candidate(m.start(), m.end(), value) if value else None


def _norm(words: str) -> str:
    return " ".join(fold(words).split())


def _with_part(day: date, part: str | None, scan: Scan) -> str:
    """ "2023-01-30" or, with a part of the day, "2023-01-30TMO"."""
    code = scan.lexicon.parts_of_day.get(fold(part)) if part else None
    return day_value(day) + (f"T{code}" if code else "")


def _names_something(m: re.Match[str], scan: Scan) -> bool:
    """True for "Good Friday", "the Sunday Times": a weekday inside a name."""
    lex = scan.lexicon
    return scan.previous_word(m.start()) in lex.weekday_name_before or (
        not m["part"] and scan.next_word(m.end()) in lex.weekday_name_after
    )


def weekday(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "Wednesday", "last Friday", "next Monday", "Monday morning".

    A bare weekday is the most recent such day, the reference day itself when it is
    that weekday; after a future cue ("will meet on Sunday") the coming one.
    """
    if scan.is_set(m.start()) or _names_something(m, scan):
        return None
    number = scan.lexicon.weekdays[m["wd"]]
    if scan.reference is None:
        return _span(m, f"XXXX-WXX-{number}")
    rel = fold(m["rel"] or "")
    mode = _WEEKDAY_MODES.get(rel)
    if mode is None:
        mode = "future" if scan.speaks_of_future(m.start()) else "past"
    return _span(m, _with_part(weekday_date(number, scan.reference, mode), m["part"], scan))


def deictic_day(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "yesterday", "today", "tonight", "tomorrow", "last night", "this morning"."""
    if scan.reference is None:
        return None
    word = _norm(m["word"]) if m["word"] else "today"
    day = scan.reference + timedelta(days=DAY_OFFSETS[word])
    part = m["part"] or m["this"]
    value = _with_part(day, part, scan)
    if not part and word in DAY_WORD_PARTS:
        value += "T" + DAY_WORD_PARTS[word]
    return _span(m, value)


def day_before(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the day before" / "the previous day" used on its own: the day before the reference."""
    if scan.reference is None:
        return None
    return _span(m, day_value(scan.reference - timedelta(days=1)))


def present(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "now", "currently", "at present" -> PRESENT_REF."""
    return _span(m, PRESENT_REF)


def _unit_value(unit: str, step: int, ref: date) -> str | None:
    """The value of the week/month/... ``step`` units from the one holding ``ref``."""
    if unit == "week":
        return week_value(ref + timedelta(weeks=step))
    if unit == "weekend":
        return week_value(recent_weekend(ref, step), weekend=True)
    if unit == "month":
        return month_value(*shift_month(ref.year, ref.month, step))
    if unit == "year":
        return f"{ref.year + step:04d}"
    if unit == "quarter":
        year, month = shift_month(ref.year, ref.month, 3 * step)
        return f"{year:04d}-Q{quarter_of(month)}"
    if unit == "decade":
        return decade_value(ref.year + 10 * step)
    if unit == "century":
        return century_value(ref.year // 100 + 1 + step)
    return None


def unit_relative(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "this week", "last month", "next year", "earlier this month", "late last year"."""
    if scan.reference is None:
        return None
    step = DIRECTIONS[fold(m["rel"])]
    return _span(m, _unit_value(fold(m["unit"]), step, scan.reference))


def unit_edge(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the end of the year", "the beginning of next month" -> that year / month."""
    if scan.reference is None:
        return None
    step = DIRECTIONS[fold(m["rel"] or "this")]
    return _span(m, _unit_value(fold(m["unit"]), step, scan.reference))


def weekend(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "over the weekend" -> the last weekend (the coming one after a future cue)."""
    if scan.reference is None:
        return None
    step = 1 if scan.speaks_of_future(m.start()) else -1
    if scan.reference.isoweekday() >= 6:
        step = 0
    start = m.start() + len(m["prep"]) + 1
    value = week_value(recent_weekend(scan.reference, step), weekend=True)
    return Candidate(start, m.end(), value)


def ago(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "four years ago" -> the year; "two days ago" -> the day; "three months ago"."""
    if scan.reference is None:
        return None
    word = fold(m["num"])
    count = int(word) if word.isdigit() else scan.lexicon.number_words[word]
    unit, ref = fold(m["unit"]), scan.reference
    if unit == "day":
        return _span(m, day_value(ref - timedelta(days=count)))
    if unit == "decade":
        return _span(m, f"{ref.year - 10 * count:04d}")
    return _span(m, _unit_value(unit, -count, ref))


def season(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "last summer" -> "2022-SU", "the winter of 2021" -> "2021-WI".

    A season needs a year or "last/this/next": a bare "fall" is usually a verb.
    """
    code = scan.lexicon.seasons[fold(m["season"])]
    if m["year"]:
        return _span(m, f"{m['year']}-{code}")
    if not m["rel"] or scan.reference is None:
        return None
    step = DIRECTIONS[fold(m["rel"])]
    year = season_year(code, scan.reference, step, scan.lexicon.season_months[code])
    return _span(m, f"{year:04d}-{code}")


def _quarter(m: re.Match[str], scan: Scan, number: int) -> Candidate | None:
    if m["year"]:
        return _span(m, f"{m['year']}-Q{number}")
    ref = scan.reference
    if ref is None:
        return None
    rel = m.groupdict().get("rel")
    if rel:
        year = ref.year + DIRECTIONS[fold(rel)]
    elif number <= quarter_of(ref.month) or scan.speaks_of_future(m.start()):
        year = ref.year
    else:
        year = ref.year - 1
    return _span(m, f"{year:04d}-Q{number}")


def quarter(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "the first quarter (of 2022)" -> "2022-Q1"; without a year the latest one."""
    word = fold(m["ord"])
    number = scan.lexicon.ordinal_words.get(word) or int(word[0])
    return _quarter(m, scan, number) if 1 <= number <= 4 else None


def quarter_code(m: re.Match[str], scan: Scan) -> Candidate | None:
    """ "Q3 2022" -> "2022-Q3"."""
    return _quarter(m, scan, int(m["q"]))


RULES = (
    ("weekday", weekday),
    ("deictic_day", deictic_day),
    ("day_before", day_before),
    ("present", present),
    ("unit_rel", unit_relative),
    ("unit_edge", unit_edge),
    ("weekend", weekend),
    ("ago", ago),
    ("season", season),
    ("quarter", quarter),
    ("quarter_code", quarter_code),
)
