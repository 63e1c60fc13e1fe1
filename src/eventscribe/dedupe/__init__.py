"""Deduplication stage: syndicated copies of a story, and one event from many mentions.

``deduplicate(store)`` brings up to date, over the whole store and in one transaction:

* ``stories`` / ``story_members``: documents that are copies of one another (MinHash
  over word 5-grams, LSH banding, Jaccard >= ``threshold``; see :mod:`.stories`);
* ``event_clusters``: every stored event (a mention) mapped to its cross-article event
  (same source, target and type, dates within ``window_days``; see :mod:`.clusters`).

When the last pass used the same parameters and no stored document was deleted or
replaced since (see :mod:`.state`), only the new documents' stories and the new events'
keys are computed; the tables come out the same as a full recompute (``full=True``).
The view ``clustered_events`` counts mentions, articles, stories and sources per
cluster. Raw events stay in ``events``. Signatures are made while coding
(:func:`~eventscribe.dedupe.minhash.minhash_tables`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscribe._lazy import lazy_names

if TYPE_CHECKING:
    from eventscribe.dedupe.defaults import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
    from eventscribe.dedupe.minhash import banding, minhash_tables
    from eventscribe.dedupe.run import DedupeSummary, deduplicate

# imported on first use: a coding worker makes signatures (minhash) without loading DuckDB
_WHERE = {
    "DEFAULT_THRESHOLD": ".defaults",
    "banding": ".minhash",
    "minhash_tables": ".minhash",
    "DEFAULT_WINDOW_DAYS": ".defaults",
    "DedupeSummary": ".run",
    "deduplicate": ".run",
}


__getattr__ = lazy_names(__name__, _WHERE)


__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "DedupeSummary",
    "banding",
    "deduplicate",
    "minhash_tables",
]
