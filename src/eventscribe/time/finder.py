"""Find and normalise the time expressions of a text.

Every rule (see :mod:`eventscribe.time.absolute` and :mod:`eventscribe.time.relative`)
proposes candidates; overlaps are settled longest-first; a clock time next to a
day ("Friday at 2 p.m.", "15:00 GMT Saturday") is merged into one expression; a
clock time on its own takes the day of the expression before it in its sentence,
else the reference date.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from datetime import date

from eventscribe.records import TimeExpression
from eventscribe.time import absolute, relative
from eventscribe.time.lexicon import Lexicon, default_lexicon
from eventscribe.time.patterns import build_patterns
from eventscribe.time.prefilter import Clues, may_match
from eventscribe.time.scan import Candidate, Scan
from eventscribe.time.values import precision_of

RULES = absolute.RULES + relative.RULES
# What may stand between a day and a clock time that belong together.
_JOIN_GAP = re.compile(r"^[\s,]*(?:(?:on|at|of|from)\b)?[\s,]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?:T|$)")


def _candidates(scan: Scan, lexicon: Lexicon) -> list[tuple[Candidate, int]]:
    """Every candidate of every rule, with the rule's rank (earlier rules win ties).

    A rule whose regex cannot match the text (its needs fail, see
    :mod:`eventscribe.time.prefilter`) is not run, and an anchored rule is tried only
    where its matches can start (see :mod:`eventscribe.time.anchors`): the result is
    the same, sooner.
    """
    patterns = build_patterns(lexicon)
    clues = Clues(scan.text)
    found = []
    for rank, (name, rule) in enumerate(RULES):
        if not may_match(patterns.needs[name], clues):
            continue
        for match in patterns.finditer(name, clues):
            candidate = rule(match, scan)
            if candidate is not None and candidate.end > candidate.start:
                found.append((candidate, rank))
    return found


def _select(found: list[tuple[Candidate, int]]) -> list[Candidate]:
    """Non-overlapping candidates: longest first, then earliest, then rule order."""
    ordered = sorted(found, key=lambda cr: (cr[0].start - cr[0].end, cr[0].start, cr[1]))
    taken: list[Candidate] = []  # kept sorted by start; never overlapping
    starts: list[int] = []
    for candidate, _ in ordered:
        at = bisect.bisect_left(starts, candidate.start)
        clear_before = at == 0 or taken[at - 1].end <= candidate.start
        clear_after = at == len(taken) or candidate.end <= taken[at].start
        if clear_before and clear_after:
            taken.insert(at, candidate)
            starts.insert(at, candidate.start)
    return taken


def _is_clock(candidate: Candidate) -> bool:
    return candidate.value.startswith("T")


def _is_day(candidate: Candidate) -> bool:
    return precision_of(candidate.value) == "day" and "T" not in candidate.value


def _merge(text: str, items: list[Candidate]) -> list[Candidate]:
    """Join each clock time with a day written right before or after it."""
    merged: list[Candidate] = []
    for item in items:
        last = merged[-1] if merged else None
        if last and _JOIN_GAP.match(text[last.end : item.start]):
            pair = (last, item) if _is_day(last) and _is_clock(item) else (item, last)
            day, clock = pair
            if _is_day(day) and _is_clock(clock):
                merged[-1] = Candidate(last.start, item.end, day.value[:10] + clock.value)
                continue
        merged.append(item)
    return merged


def _sentence_bounds(text: str, position: int) -> tuple[int, int]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, position)]
    following = _SENTENCE_END.search(text, position)
    return (starts[-1] if starts else 0), (following.start() if following else len(text))


def _anchor_clocks(text: str, items: list[Candidate], reference: date | None) -> list[Candidate]:
    """Give a lone clock time the date of the time expression before it in its
    sentence when that is a day; with no expression before it, the reference date;
    otherwise ("next week at 10 am") drop it, since its day is unknown."""
    anchored: list[Candidate] = []
    for item in items:
        if not _is_clock(item):
            anchored.append(item)
            continue
        low, _ = _sentence_bounds(text, item.start)
        before = [c for c in anchored if c.start >= low]
        if before and precision_of(before[-1].value) == "day":
            anchored.append(Candidate(item.start, item.end, before[-1].value[:10] + item.value))
        elif not before and reference is not None:
            anchored.append(Candidate(item.start, item.end, reference.isoformat() + item.value))
    return anchored


def _found(text: str, reference: date | None, lexicon: Lexicon) -> list:  # type: ignore[type-arg]
    scan = Scan(text, reference, lexicon, build_patterns(lexicon).future_cue)
    items = _select(_candidates(scan, lexicon))
    return _anchor_clocks(text, _merge(text, items), reference)


def find_time_expressions(
    text: str, reference: date | None, lexicon: Lexicon | None = None
) -> list[TimeExpression]:
    """Every date expression in ``text``, non-overlapping and sorted by start.

    ``reference`` is the publication date that relative expressions ("yesterday",
    "last month", "on Friday", "in December") are resolved against; it is never
    taken from the clock, so the output is the same on any day. Offsets are into
    ``text`` as given. With ``reference=None``, explicit dates keep their values,
    a month or day without a year gets "XXXX-12" / "XXXX-11-23" and a weekday
    "XXXX-WXX-3" (precision "other"), and purely relative expressions ("yesterday",
    "last year", "two days ago", a lone clock time) are skipped.
    ``lexicon`` replaces the bundled word lists (see :func:`read_lexicon`).
    A relative expression that would leave the calendar (9999-12-31 and "next year",
    "10,000 years ago") cannot be resolved: the text is then read as if undated.
    """
    lexicon = lexicon or default_lexicon()
    try:
        items = _found(text, reference, lexicon)
    except OverflowError:
        items = _found(text, None, lexicon)
    return [
        TimeExpression(c.start, c.end, text[c.start : c.end], c.value, precision_of(c.value))
        for c in items
    ]


def latest_stated_day(times: Iterable[TimeExpression]) -> date | None:
    """The latest day an undated text states in full, with its year ("on March 28,
    2018", "2018-03-28"): the nearest the text comes to saying when it was written, as
    a news report's newest events are the ones it reports. Only for expressions found
    with no reference date (those of day precision then carry their own year); None
    when the text states no full day."""
    days = [
        date.fromisoformat(t.value[:10])
        for t in times
        if t.precision == "day" and _FULL_DAY.match(t.value)
    ]
    return max(days, default=None)
