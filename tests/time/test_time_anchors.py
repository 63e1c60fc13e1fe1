"""An anchored rule finds exactly what its regex finds over the whole text."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest

from eventscribe.time import default_lexicon, find_time_expressions
from eventscribe.time.anchors import Anchor, Blanks, Word, anchored_finditer, opt, word
from eventscribe.time.patterns import build_patterns
from eventscribe.time.prefilter import Clues

LEX = default_lexicon()
PATTERNS = build_patterns(LEX)
# Words of the anchored patterns and words around them, glued with the blanks and
# marks the patterns care about, in any case and with look-alike letters.
VOCABULARY = [
    *LEX.months,
    *LEX.month_abbreviations,
    *LEX.weekdays,
    *LEX.present_words,
    "last",
    "this",
    "next",
    "past",
    "coming",
    "previous",
    "current",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "the",
    "end",
    "beginning",
    "start",
    "middle",
    "turn",
    "first",
    "second",
    "half",
    "of",
    "in",
    "fiscal",
    "week",
    "weekend",
    "month",
    "year",
    "quarter",
    "decade",
    "century",
    "day",
    "before",
    "after",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "night",
    "morning",
    "afternoon",
    "evening",
    "ago",
    *LEX.seasons,
    "two",
    "a",
    "an",
    "twenty",
    "third",
    "twenty-first",
    "1st",
    "4th",
    "5th",
    "days",
    "weeks",
    "years",
    "decades",
    "quarters",
    "three days ago",
    "23.05.2022",
    "5.6.1999",
    "1.2",
    "2022-05-23",
    "1999-1-5",
    "2022-05-23 10:30",
    "the third quarter",
    "late-summer",
    "said",
    "5",
    "23",
    "2022",
    "1999",
    "31st",
    "3rd",
    "10:30",
    "3 p.m.",
    "8 PM",
    "12",
    "\u0663",
    "st",
    "th",
    "Sept.",
    "Mon",
    "forecast",
    "outlast",
    "midyear",
    "Fridays",
    "MAY",
    "of last year",
    "this year",
    "next  year",
    "the end of",
    "the day before",
    "last night",
    "the first half of",
    "the 5th of",
    "Wednesday,",
    "the beginning of",
    "early last",
    "the turn of the",
    "the second half of",
    "end of this",
]
SEPARATORS = [" ", " ", " ", "  ", "\n", "-", ", ", ",", ".", "", " - ", "\t", "'", "\u00a0"]


def _spelling(token: str, rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.15:
        return token.upper()
    if roll < 0.25:
        return token.title()
    if roll < 0.3:
        return token.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131")
    return token


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 14)):
            parts.append(_spelling(rng.choice(VOCABULARY), rng))
            parts.append(rng.choice(SEPARATORS))
        texts.append("".join(parts))
    return texts


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


TEXTS = _texts(4000, seed=6)


@pytest.mark.parametrize("name", sorted(PATTERNS.anchors))
def test_an_anchored_rule_finds_what_finditer_finds(name: str) -> None:
    pattern = PATTERNS[name]
    total = 0
    for text in TEXTS:
        expected = _found(pattern.finditer(text))
        assert _found(PATTERNS.finditer(name, Clues(text))) == expected, (name, text)
        total += len(expected)
    assert total >= 20, f"the generated texts hardly test {name}"


def test_matches_overlapping_an_earlier_one_are_skipped_as_finditer_skips_them() -> None:
    pattern = re.compile(r"(?:(?i:last)\s+)?Friday(?:\s+Friday)?")
    text = "last Friday Friday last  Friday"
    starts = Anchor(re.compile("Friday"), opt(word("last"), Blanks())).starts(Clues(text))
    assert starts == [0, 5, 12, 19, 25]
    assert _found(anchored_finditer(pattern, text, starts)) == _found(pattern.finditer(text))


def test_a_prefix_word_is_checked_in_the_case_the_pattern_asks_for() -> None:
    text = "on MONDAY and on Monday"
    assert Word(["Monday"]).back(text, text.lower(), {9, 23}) == {17}
    assert word("monday").back(text, text.lower(), {9, 23}) == {3, 17}


def test_expressions_with_blanks_and_words_before_their_anchor_are_found_whole() -> None:
    text = "Late last   March and early in   the   next fiscal year, on Friday, Nov. 3, at 8 pm."
    found = [(t.start, t.end, t.value) for t in find_time_expressions(text, date(2023, 6, 1))]
    assert found == [
        (0, 17, "2023-03"),
        (22, 55, "2024"),
        (60, 83, "2022-11-03T20:00"),
    ]
