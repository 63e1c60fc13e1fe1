"""Cheap tests that tell which time patterns cannot match a text, so they are not run.

Scanning a whole article with every rule's regex is most of the cost of the time
stage, and most rules find nothing in most articles ("ago", "century", "quarter",
a clock time). Each rule here gets *needs*: conditions that every match of its regex
satisfies, such as "the text contains a capitalised month name" or "the text contains
'ago' in any case". A rule whose needs do not hold is skipped; one whose needs hold
runs exactly as before. So the found expressions never change, only the time spent.

A need must be *necessary*, never merely likely: when in doubt, a rule has no need.
Case-insensitive words are looked up in :func:`fold` (the text), which maps every
character that a case-insensitive ``re`` pattern lets stand for an ASCII letter to
that letter; words that are not plain ASCII are never used as case-insensitive needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (simple case
# folding: dotted and dotless I, long s, Kelvin sign). ``str.lower`` keeps the long s
# and dotless i, and lowers the dotted capital I to two characters, so they are mapped
# first. tests/time/test_time_prefilter.py checks this list against every code point.
_RE_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED_FIRST = "".join(map(chr, _RE_ASCII_FOLDS))  # the characters it maps


def fold(text: str) -> str:
    """``text`` lower-cased so that a plain ASCII word a case-insensitive regex would
    find in ``text`` is a substring of the result. ``str.translate`` looks every
    character up in its table, so it runs only when one of the four is there (rare)."""
    for char in _FOLDED_FIRST:
        if char in text:
            return text.translate(_RE_ASCII_FOLDS).lower()
    return text.lower()


# Digit positions are tried one by one up to this many; beyond, one search is cheaper.
_FEW_DIGITS = 24
_DIGIT_RUN = re.compile(r"\d+")


class Clues:
    """What the needs ask about one text: the folded text and the positions of its
    digits, each made once on first use, the answer of each need already asked (rules
    share needs, e.g. "a month name"), and where each anchor searched for was found
    (by its pattern's source and whether in the folded text; see :mod:`.anchors`)."""

    __slots__ = ("_digits", "_folded", "anchored", "held", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._digits: list[int] | None = None
        self.held: dict[Need, bool] = {}
        self.anchored: dict[tuple[str, bool], set[int]] = {}

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def digits(self) -> list[int]:
        """Every position of a decimal digit (what ``\\d`` matches), ascending."""
        if self._digits is None:
            self._digits = [
                at for run in _DIGIT_RUN.finditer(self.text) for at in range(*run.span())
            ]
        return self._digits


@dataclass(frozen=True, eq=False)
class Need:
    """One necessary condition: the text contains one of ``words`` (case as written,
    or in any case with ``any_case``), or a match of ``pattern``. An unusable need
    (e.g. a non-ASCII case-insensitive word) always holds. Needs compare by identity,
    so that :class:`Clues` remembers each one's answer cheaply.

    ``digit`` tells what every match of ``pattern`` has: "inside" a decimal digit
    (so a text without one cannot match), "start" one as its first character (so it
    is enough to try the pattern at the digits of the text)."""

    words: tuple[str, ...] = ()
    any_case: bool = False
    pattern: re.Pattern[str] | None = None
    always: bool = field(default=False)
    digit: str = ""

    def __post_init__(self) -> None:
        # Several case-sensitive words (capitalised names): one search for any of them
        # gives the same answer as a test of each in turn, in one pass that only stops
        # at their first letters. Lower-case words are tested one by one, which is
        # faster there: their first letters are everywhere.
        several = None
        if len(self.words) > 1 and not self.any_case:
            several = re.compile("|".join(map(re.escape, self.words)))
        object.__setattr__(self, "_several", several)

    def holds(self, clues: Clues) -> bool:
        if self.always:
            return True
        if self.pattern is not None:
            return self._pattern_holds(self.pattern, clues)
        haystack = clues.folded if self.any_case else clues.text
        several: re.Pattern[str] | None = self._several  # type: ignore[attr-defined]
        if several is not None:
            return several.search(haystack) is not None
        for word in self.words:
            if word in haystack:
                return True
        return False

    def _pattern_holds(self, pattern: re.Pattern[str], clues: Clues) -> bool:
        if not self.digit:
            return pattern.search(clues.text) is not None
        digits = clues.digits
        if not digits:
            return False
        if self.digit == "start" and len(digits) <= _FEW_DIGITS:
            match, text = pattern.match, clues.text
            for at in digits:
                if match(text, at) is not None:
                    return True
            return False
        return pattern.search(clues.text, digits[0] if self.digit == "start" else 0) is not None


def words(items: Iterable[str]) -> Need:
    """Holds when one of ``items`` occurs exactly as written (case-sensitive)."""
    found = tuple(sorted({w for w in items}))
    return Need(words=found) if found and all(found) else Need(always=True)


def any_case(items: Iterable[str]) -> Need:
    """Holds when one of ``items`` occurs in any case (as ``re.IGNORECASE`` matches)."""
    found = tuple(sorted({w.lower() for w in items}))
    if not found or not all(w and w.isascii() for w in found):
        return Need(always=True)
    return Need(words=found, any_case=True)


def regex(source: str, digit: str = "") -> Need:
    """Holds when ``source`` (a pattern every match of the rule contains) is found.

    ``digit``: "inside" when every match of ``source`` holds a decimal digit, "start"
    when every match begins with one (see :class:`Need`)."""
    assert digit in ("", "inside", "start"), digit
    return Need(pattern=re.compile(source), digit=digit)


def may_match(needs: tuple[Need, ...], clues: Clues) -> bool:
    """False only when a need fails, i.e. the rule's regex cannot match the text."""
    held = clues.held
    for need in needs:
        answer = held.get(need)
        if answer is None:
            answer = held[need] = need.holds(clues)
        if not answer:
            return False
    return True
