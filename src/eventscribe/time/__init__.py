"""The time stage: find date expressions in news text and normalise them to TimeML.

>>> from datetime import date
>>> [t.value for t in find_time_expressions("He resigned on Friday.", date(2023, 2, 2))]
['2023-01-27']

Pure Python (re, datetime): no data is fetched and today's date is never used, so
the same text and reference date always give the same values. Word lists are in
``data/lexicon.json``.
"""

from __future__ import annotations

from eventscribe.time.finder import find_time_expressions, latest_stated_day
from eventscribe.time.lexicon import Lexicon, default_lexicon, read_lexicon
from eventscribe.time.values import PRESENT_REF, precision_of

__all__ = [
    "PRESENT_REF",
    "Lexicon",
    "default_lexicon",
    "find_time_expressions",
    "latest_stated_day",
    "precision_of",
    "read_lexicon",
]
