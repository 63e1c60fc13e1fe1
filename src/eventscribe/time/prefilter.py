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


def fold(text: str) -> str:
    """``text`` lower-cased so that a plain ASCII word a case-insensitive regex would
    find in ``text`` is a substring of the result."""
    return text.translate(_RE_ASCII_FOLDS).lower()


class Clues:
    """What the needs ask about one text; the folded text is made once, on first use."""

    __slots__ = ("_folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded


@dataclass(frozen=True)
class Need:
    """One necessary condition: the text contains one of ``words`` (case as written,
    or in any case with ``any_case``), or a match of ``pattern``. An unusable need
    (e.g. a non-ASCII case-insensitive word) always holds."""

    words: tuple[str, ...] = ()
    any_case: bool = False
    pattern: re.Pattern[str] | None = None
    always: bool = field(default=False)

    def holds(self, clues: Clues) -> bool:
        if self.always:
            return True
        if self.pattern is not None:
            return self.pattern.search(clues.text) is not None
        haystack = clues.folded if self.any_case else clues.text
        return any(word in haystack for word in self.words)


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


def regex(source: str) -> Need:
    """Holds when ``source`` (a pattern every match of the rule contains) is found."""
    return Need(pattern=re.compile(source))


def may_match(needs: tuple[Need, ...], clues: Clues) -> bool:
    """False only when a need fails, i.e. the rule's regex cannot match the text."""
    return all(need.holds(clues) for need in needs)
