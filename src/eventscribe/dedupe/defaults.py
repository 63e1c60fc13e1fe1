"""The deduplication stage's defaults, in a module that imports nothing (a corpus run
reads them before it knows whether it writes a store, and so whether it needs DuckDB)."""

from __future__ import annotations

# Jaccard similarity of two articles' word 5-grams above which one is a copy of the other
DEFAULT_THRESHOLD = 0.8
# days apart that two events with the same key may be and still be one event
DEFAULT_WINDOW_DAYS = 1
