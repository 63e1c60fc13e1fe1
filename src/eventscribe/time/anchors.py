"""Run a rule's regex only where one of its matches can start.

``pattern.finditer(text)`` tries the regex at every position of the text; for the
rules that begin with optional words ("last Friday", "early last March", "late last
year") Python's ``re`` cannot skip ahead to a likely start, and these scans were most
of the time of the time stage. Every match of such a rule contains an *anchor*: a word
from a short list (a weekday or month name, "week"/"month"/"year", ...), found with one
fast search, and before the anchor only a few optional words and blanks (the
*prefix*), which can be walked backwards from the anchor. That gives every position
where a match can start (and a few more); :func:`anchored_finditer` tries the regex
only there, with ``pattern.match(text, start)``, which sees the text before ``start``
(look-behinds, ``\\b``) just as ``finditer`` does. So it yields exactly the matches of
``finditer``, in the same order, for a fraction of the cost.

A prefix may only *over*-approximate: a start it proposes is checked by the regex
itself, but a start it misses is a lost expression. tests/time/test_time_anchors.py
compares both ways on generated texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from eventscribe.time.prefilter import Clues


class Part:
    """A piece of a prefix: ``back(text, folded, ends)`` gives every position where
    the piece can begin when it ends at one of ``ends``."""

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        raise NotImplementedError


class Word(Part):
    """One of ``words``: case as written, or in any case (as ``(?i)`` matches them)
    with ``any_case``. Non-ASCII any-case words are not checked, only their lengths."""

    def __init__(self, words: Iterable[str], any_case: bool = False) -> None:
        items = tuple(words)
        self.in_folded = any_case
        self.checked = not any_case or all(w.isascii() for w in items)
        self.wanted = frozenset(w.lower() if any_case else w for w in items)
        self.lengths = tuple(sorted({len(w) for w in items}))

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        haystack = folded if self.in_folded else text
        starts = set()
        for end in ends:
            for length in self.lengths:
                start = end - length
                if start >= 0 and (not self.checked or haystack[start:end] in self.wanted):
                    starts.add(start)
        return starts


@dataclass(frozen=True, eq=False)
class Blanks(Part):
    """One or more white-space characters (as ``\\s`` matches them) or ``extra``
    characters: every position inside the run of them that ends at an end."""

    extra: str = ""

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        starts = set()
        for end in ends:
            at = end - 1
            while at >= 0 and (text[at].isspace() or text[at] in self.extra):
                starts.add(at)
                at -= 1
        return starts


@dataclass(frozen=True, eq=False)
class Chars(Part):
    """Exactly one of the characters ``chars``."""

    chars: str

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        return {end - 1 for end in ends if end > 0 and text[end - 1] in self.chars}


@dataclass(frozen=True, eq=False)
class Digits(Part):
    """One to ``most`` decimal digits (as ``\\d`` matches them)."""

    most: int

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        starts = set()
        for end in ends:
            at = end - 1
            while at >= max(0, end - self.most) and text[at].isdecimal():
                starts.add(at)
                at -= 1
        return starts


@dataclass(frozen=True, eq=False)
class Seq(Part):
    """The parts one after the other (walked from the last)."""

    parts: tuple[Part, ...]

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        for part in reversed(self.parts):
            if not ends:
                break
            ends = part.back(text, folded, ends)
        return ends


@dataclass(frozen=True, eq=False)
class Alt(Part):
    """Any one of the parts."""

    parts: tuple[Part, ...]

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        return set().union(*(part.back(text, folded, ends) for part in self.parts))


@dataclass(frozen=True, eq=False)
class Opt(Part):
    """The part, or nothing."""

    part: Part

    def back(self, text: str, folded: str, ends: set[int]) -> set[int]:
        return ends | self.part.back(text, folded, ends)


def seq(*parts: Part) -> Seq:
    return Seq(parts)


def alt(*parts: Part) -> Alt:
    return Alt(parts)


def opt(*parts: Part) -> Opt:
    """The parts in sequence, or nothing."""
    return Opt(parts[0] if len(parts) == 1 else Seq(parts))


def word(*items: str) -> Word:
    """Words matched in any case (inside ``(?i)``)."""
    return Word(items, any_case=True)


@dataclass(frozen=True, eq=False)
class Anchor:
    """Where a rule's matches can start: each match holds a match of ``pattern``
    (searched in the folded text with ``in_folded``, else in the text) and before it
    only what ``prefix`` allows. ``words``: the literal words ``pattern`` is the
    alternation of, when it is one, found with ``str.find``: much faster than the regex
    where their first letters are common (lower-case words in the folded text).
    ``at_digits``: every match of ``pattern`` starts with a decimal digit, so it is
    tried at the digits of the text alone (``pattern`` is then searched in the text)."""

    pattern: re.Pattern[str]
    prefix: Part
    in_folded: bool = False
    words: tuple[str, ...] = ()
    at_digits: bool = False

    def starts(self, clues: Clues) -> list[int]:
        """Every position where a match can start, ascending (with some extra ones)."""
        key = (self.pattern.pattern, self.in_folded)  # rules share anchors (a month name)
        found = clues.anchored.get(key)
        if found is None:
            found = clues.anchored[key] = self._hits(clues)
        if not found:
            return []
        return sorted(found | self.prefix.back(clues.text, clues.folded, found))

    def _hits(self, clues: Clues) -> set[int]:
        """Every position where ``pattern`` matches (overlapping ones too)."""
        if self.at_digits:
            match, text = self.pattern.match, clues.text
            return {at for at in clues.digits if match(text, at)}
        haystack = clues.folded if self.in_folded else clues.text
        if self.words:
            return _occurrences(self.words, haystack)
        return _searched(self.pattern, haystack)


def _searched(pattern: re.Pattern[str], haystack: str) -> set[int]:
    """Every position where ``pattern`` matches (overlapping ones too)."""
    search = pattern.search
    found: set[int] = set()
    hit = search(haystack)
    while hit is not None:
        found.add(hit.start())
        hit = search(haystack, hit.start() + 1)
    return found


def _occurrences(words: tuple[str, ...], haystack: str) -> set[int]:
    """Every position where one of ``words`` occurs (overlapping ones too): where
    their alternation matches."""
    found: set[int] = set()
    find = haystack.find
    for word in words:
        at = find(word)
        while at != -1:
            found.add(at)
            at = find(word, at + 1)
    return found


def anchored_finditer(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, given (ascending) every position
    where one can start. ``pattern`` must not match the empty string."""
    pos = 0
    match = pattern.match
    for start in starts:
        if start < pos:
            continue
        found = match(text, start)
        if found is not None:
            yield found
            pos = found.end()
