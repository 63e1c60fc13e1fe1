"""What the rules see: the text, the reference date, the word lists, and a few
questions about the words around a match (previous word, next word, future cues).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from eventscribe.time.lexicon import Lexicon
from eventscribe.time.prefilter import fold

# How many words before an expression are searched for a future cue ("will", "next").
FUTURE_WINDOW_WORDS = 8
# A clause boundary: the future cue must be in the same clause as the expression, so
# "..., he will go, officials said Friday" does not make Friday a future day.
_BREAK_MARKS = ',;!?()"\u201c\u201d\n.:'
_BREAK_WORDS = ("said", "says", "told", "tells", "announced", "reported", "added", "stated")
_CLAUSE_BREAK = re.compile(
    r"[,;!?()\"\u201c\u201d\n]|[.:](?=\s)|\b(?:" + "|".join(_BREAK_WORDS) + r")\b",
    re.IGNORECASE,
)
# Where a clause break may start: one of its marks, or one of its words in the folded
# text (see prefilter.fold; the words are ASCII, so every match of a word is there).
_BREAK_MARK = re.compile("[" + re.escape(_BREAK_MARKS) + "]")
_WORD = re.compile(r"[A-Za-z0-9%$\u2019'#.-]+")
_NEXT_WORD = re.compile(r"\s*([A-Za-z%]+)")


@dataclass(frozen=True)
class Candidate:
    """A found expression before overlaps are settled.

    ``value`` is a TimeML value, or a bare time of day ("T14:00") still waiting for
    a date.
    """

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Scan:
    """One text being searched, with the reference date and the word lists."""

    text: str
    reference: date | None
    lexicon: Lexicon
    future_cue: re.Pattern[str]
    # Positions where a clause break may start, found on first use (see _break_starts).
    _breaks: list[list[int]] = field(default_factory=list, init=False, repr=False, compare=False)

    def previous_word(self, start: int) -> str:
        """The word just before ``start``, lower case, without trailing punctuation."""
        words = _WORD.findall(self.text[max(0, start - 40) : start])
        return words[-1].lower().strip(".-") if words else ""

    def next_word(self, end: int) -> str:
        """The word just after ``end`` (letters or %), lower case."""
        found = _NEXT_WORD.match(self.text, end)
        return found.group(1).lower() if found else ""

    def speaks_of_future(self, start: int) -> bool:
        """True when a future cue ("will", "next", "until", ...) stands a few words
        before ``start`` in the same clause."""
        low = max(0, start - 120)
        before = self.text[low:start]
        clause = before[self._last_break_end(before, low) :]
        window = " ".join(clause.split()[-FUTURE_WINDOW_WORDS:])
        return bool(self.future_cue.search(window))

    def _last_break_end(self, before: str, low: int) -> int:
        """Where the last match of ``_CLAUSE_BREAK`` in ``before`` (the text from
        ``low``) ends, 0 without one: the same as the end of the last match of
        ``_CLAUSE_BREAK.finditer(before)``, since its matches never overlap (single
        marks, or whole words between word boundaries), so the last one is the one
        that starts last. Only the places where a break may start are tried, from the
        end; the regex runs on ``before`` itself, so its edges count as they do there.
        """
        starts = self._break_starts()
        match = _CLAUSE_BREAK.match
        index = bisect.bisect_left(starts, low + len(before))
        while index > 0:
            index -= 1
            at = starts[index] - low
            if at < 0:
                break
            found = match(before, at)
            if found is not None:
                return found.end()
        return 0

    def _break_starts(self) -> list[int]:
        """Every position of the text where a clause break may start, ascending."""
        if not self._breaks:
            found = {m.start() for m in _BREAK_MARK.finditer(self.text)}
            folded = fold(self.text)
            for word in _BREAK_WORDS:
                at = folded.find(word)
                while at >= 0:
                    found.add(at)
                    at = folded.find(word, at + 1)
            self._breaks.append(sorted(found))
        return self._breaks[0]

    def is_set(self, start: int) -> bool:
        """True for "every Monday", "each year": recurring times, not dates."""
        return self.previous_word(start) in self.lexicon.set_markers
