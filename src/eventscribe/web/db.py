"""Read-only access to a store for the web app: in-memory indexes, and SQL for the rest.

At start-up the app reads every event once, newest first, into an
:class:`~eventscribe.web.index.EventIndex` (an Arrow table of the event columns plus
posting lists, date ranks and a token index): event lists, single events, a document's
events and time series are answered from it without a query. What it does not cover
(breakdowns by actor, type and dyad; documents and quotes) stays SQL.

For that SQL the app opens an in-memory DuckDB, attaches the store file READ_ONLY and
keeps one narrow copy of the events, ``ev_dyad``: the filter columns (sentence text
included), ordered by the unordered country pair, so a dyad reads only its own blocks.
``rn`` there is the event's position + 1. A DuckDB connection must not be used from two
threads at once; its cursors may, so every request gets its own :class:`CursorReader`,
whose cursor is opened on its first query. Nothing can write to the store.

Start-up costs about 8-15 s and 2.0-2.1 GB peak for 1M events on 2 cores. Queries run with
one DuckDB thread each: the app runs a few requests side by side
(``create_app(query_threads=...)``), which on a small machine beats splitting every
query over all cores.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventscribe.analysis.filters import EventFilter, Source
from eventscribe.errors import StoreError
from eventscribe.store import EventStore
from eventscribe.web import indexed
from eventscribe.web.index import EventIndex, load_events

# The SQL copy: what filters, series and breakdowns read (see the module docstring).
_DYAD_COPY_SQL = """
CREATE TABLE memory.main.ev_dyad AS
SELECT rn, ev_date, least(source_country, target_country) AS pair_lo,
       greatest(source_country, target_country) AS pair_hi,
       event_id, doc_id, negated, plover_type, quad_class, intensity, goldstein,
       source_name, source_country, source_code, target_name, target_country, target_code,
       sentence_text
FROM _events_arrow ORDER BY pair_lo, pair_hi, rn
"""
# The pair columns hold the first source and target only, so they cannot pre-filter a dyad
# an event's other actors make ("aid for Chad and Niger" is also EUR -> NER): the dyad
# filter reads every actor (analysis.filters.side_condition).
BY_PAIR = Source("FROM memory.main.ev_dyad AS e", "e.ev_date", pair_columns=False)


class CursorReader:
    """One request's view of the store: ``fetch(sql, params)`` like an EventStore, and
    ``index``, the app's :class:`EventIndex`.

    ``source_for(flt)`` tells the analysis functions to read the ``ev_dyad`` copy;
    ``series_rows`` answers time series from the index. The DuckDB cursor is opened on
    the first ``fetch`` (requests the index answers never open one) and closed by
    :meth:`close`.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, index: EventIndex) -> None:
        self._con = con
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self.index = index

    def source_for(self, flt: EventFilter) -> Source:
        return BY_PAIR

    def series_rows(self, flt: EventFilter, by: str) -> list[dict[str, Any]] | None:
        """Per-period rows for :func:`eventscribe.analysis.event_series` from the index."""
        return indexed.series_rows(self.index, flt, by)

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query with bound ``params``; rows come back as dicts."""
        try:
            if self._cursor is None:
                self._cursor = self._con.cursor()
                self._cursor.execute("USE store")
            result = self._cursor.execute(sql, list(params))
            names = [d[0] for d in result.description]
            return [dict(zip(names, row)) for row in result.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None


@dataclass(frozen=True)
class StoreInfo:
    """What the app learnt about the store when it opened it."""

    path: str
    has_clusters: bool
    counts: dict[str, int]


class ReadOnlyStore:
    """The store file opened once, read-only, handing out per-request readers."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        with EventStore(self.path, read_only=True) as checked:  # schema version, clear errors
            counts = checked.counts()
        self._con = duckdb.connect(":memory:")
        try:
            self._con.execute("SET enable_progress_bar = false")
            self._con.execute("ATTACH ? AS store (READ_ONLY)", [self.path])
            self._con.execute("USE store")
            self.index = _build(self._con)
            # requests run side by side (see create_app): one DuckDB thread per query
            self._con.execute("SET threads = 1")
        except duckdb.Error as exc:
            self._con.close()
            raise StoreError(f"cannot open store {self.path} for serving: {exc}") from exc
        with self.reader() as reader:
            self.info = StoreInfo(self.path, _has_clusters(reader), counts)

    @contextmanager
    def reader(self) -> Iterator[CursorReader]:
        """A reader with its own cursor, closed afterwards (use one per request)."""
        reader = CursorReader(self._con, self.index)
        try:
            yield reader
        finally:
            reader.close()

    def close(self) -> None:
        self._con.close()


def _build(con: duckdb.DuckDBPyConnection) -> EventIndex:
    """The event index and the ``ev_dyad`` SQL copy, from one read of the events."""
    table = load_events(con)
    con.register("_events_arrow", table)
    try:
        con.execute(_DYAD_COPY_SQL)
    finally:
        con.unregister("_events_arrow")
    return EventIndex(table)


def _has_clusters(reader: CursorReader) -> bool:
    """True when an ``event_clusters`` table (event_id -> cluster_id) exists and has rows."""
    found = reader.fetch(
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_catalog = 'store' "
        "AND table_name = 'event_clusters' AND column_name IN ('cluster_id', 'event_id')"
    )
    if int(found[0]["n"]) < 2:
        return False
    return bool(reader.fetch("SELECT 1 AS one FROM event_clusters LIMIT 1"))
