"""Whether the derived tables may be brought up to date incrementally.

After each deduplication pass the store's ``meta`` table holds a ``dedupe`` row naming
the parameters it used. While that row is there, ``stories``, ``story_members`` and
``event_clusters`` are exact for every document and event that has a row in them, so
the next pass only has to add the documents and events that have none (the ones written
since). Deleting or re-writing a stored document removes the row
(:func:`eventscribe.store.batch.delete_documents`), and so does nothing else: the next
pass then recomputes everything, as it does when the parameters differ.
"""

from __future__ import annotations

import duckdb

from eventscribe.store.batch import DEDUPE_META_KEY as META_KEY

_ORPHANS = """
SELECT EXISTS (SELECT 1 FROM story_members AS m ANTI JOIN documents AS d ON d.doc_id = m.doc_id)
    OR EXISTS (SELECT 1 FROM event_clusters AS c ANTI JOIN events AS e ON e.event_id = c.event_id)
"""


def params_value(threshold: float, window_days: int) -> str:
    """The ``meta`` value that records a pass's parameters."""
    return f"threshold={threshold!r};window_days={window_days}"


def can_add(con: duckdb.DuckDBPyConnection, threshold: float, window_days: int) -> bool:
    """True when the derived tables are exact for what they hold, with these parameters."""
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchall()
    if not rows or rows[0][0] != params_value(threshold, window_days):
        return False
    return not con.execute(_ORPHANS).fetchall()[0][0]


def mark_done(con: duckdb.DuckDBPyConnection, threshold: float, window_days: int) -> None:
    """Record that the derived tables are now exact with these parameters."""
    con.execute("DELETE FROM meta WHERE key = ?", [META_KEY])
    con.execute("INSERT INTO meta VALUES (?, ?)", [META_KEY, params_value(threshold, window_days)])
