"""The future-cue window ends at the last clause break before an expression, found
from the break positions of the whole text exactly as a scan of the window finds it."""

from __future__ import annotations

import random
from datetime import date

from eventscribe.time import default_lexicon
from eventscribe.time.patterns import build_patterns
from eventscribe.time.scan import _CLAUSE_BREAK, Scan

PIECES = [
    "said",
    "SAID",
    "unsaid",
    "saids",
    "Says",
    "told",
    "tells",
    "announced",
    "reported",
    "added",
    "stated",
    "ſaid",
    "will",
    "meet",
    "on",
    "Friday",
    "next",
    "week",
    ",",
    ";",
    ".",
    ":",
    "!",
    "?",
    "(",
    ")",
    '"',
    "\u201c",
    "\u201d",
    "\n",
    "3.5",
    "a:b",
    "x",
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(PIECES) + rng.choice([" ", "", "  ", "."]) for _ in range(40))
        for _ in range(count)
    ]


def _scan(text: str) -> Scan:
    lexicon = default_lexicon()
    return Scan(text, date(2023, 2, 2), lexicon, build_patterns(lexicon).future_cue)


def test_the_last_clause_break_is_the_one_a_scan_of_the_window_finds() -> None:
    for text in _texts(150, seed=4):
        scan = _scan(text)
        for start in range(len(text) + 1):
            low = max(0, start - 120)
            before = text[low:start]
            breaks = list(_CLAUSE_BREAK.finditer(before))
            expected = breaks[-1].end() if breaks else 0
            assert scan._last_break_end(before, low) == expected, (text, start)


def test_a_future_cue_counts_only_in_the_same_clause() -> None:
    text = "He will go, officials said Friday. They will meet on Friday."
    scan = _scan(text)
    assert not scan.speaks_of_future(text.index("Friday"))
    assert scan.speaks_of_future(text.rindex("Friday"))
