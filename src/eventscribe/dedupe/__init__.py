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

from dataclasses import dataclass

from eventscribe.dedupe.clusters import cluster_events, cluster_new_events
from eventscribe.dedupe.minhash import DEFAULT_THRESHOLD, banding, minhash_tables
from eventscribe.dedupe.state import can_add, mark_done
from eventscribe.dedupe.stories import add_stories, find_stories
from eventscribe.store import EventStore

DEFAULT_WINDOW_DAYS = 1


@dataclass(frozen=True)
class DedupeSummary:
    """What a deduplication pass found over the whole store."""

    stories: int
    copies: int
    events: int
    mentions: int


def deduplicate(
    store: EventStore,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: int = DEFAULT_WINDOW_DAYS,
    full: bool = False,
) -> DedupeSummary:
    """Bring stories and event clusters up to date for everything in ``store``
    (recomputing all of them if ``full`` or if an incremental pass cannot be exact)."""
    con = store.connection
    with store.transaction("find syndicated copies and cluster events"):
        if not full and can_add(con, threshold, window_days):
            copies = add_stories(con, threshold)
            clusters = cluster_new_events(con, window_days)
        else:
            copies = find_stories(con, threshold)
            clusters = cluster_events(con, window_days)
        mark_done(con, threshold, window_days)
    stories = store.fetch("SELECT count(*) AS n FROM stories")[0]["n"]
    mentions = store.fetch("SELECT count(*) AS n FROM event_clusters")[0]["n"]
    return DedupeSummary(stories=stories, copies=copies, events=clusters, mentions=mentions)


__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "DedupeSummary",
    "banding",
    "deduplicate",
    "minhash_tables",
]
