"""What the rules see: the text, the reference date, the word lists, and a few
questions about the words around a match (previous word, next word, future cues).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventscribe.time.lexicon import Lexicon

# How many words before an expression are searched for a future cue ("will", "next").
FUTURE_WINDOW_WORDS = 8
# A clause boundary: the future cue must be in the same clause as the expression, so
# "..., he will go, officials said Friday" does not make Friday a future day.
_CLAUSE_BREAK = re.compile(
    r"[,;!?()\"\u201c\u201d\n]|[.:](?=\s)"
    r"|\b(?:said|says|told|tells|announced|reported|added|stated)\b",
    re.IGNORECASE,
)
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
        before = self.text[max(0, start - 120) : start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        clause = before[breaks[-1].end() :] if breaks else before
        window = " ".join(clause.split()[-FUTURE_WINDOW_WORDS:])
        return bool(self.future_cue.search(window))

    def is_set(self, start: int) -> bool:
        """True for "every Monday", "each year": recurring times, not dates."""
        return self.previous_word(start) in self.lexicon.set_markers
