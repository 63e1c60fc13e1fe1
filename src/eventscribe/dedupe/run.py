"""``deduplicate(store)``: one pass of the deduplication stage (see :mod:`eventscribe.dedupe`)."""

from __future__ import annotations

from dataclasses import dataclass

from eventscribe.dedupe.clusters import cluster_events, cluster_new_events
from eventscribe.dedupe.defaults import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
from eventscribe.dedupe.state import can_add, mark_done
from eventscribe.dedupe.stories import add_stories, find_stories
from eventscribe.store.eventstore import EventStore


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
