"""Read-only access to a store for the web app: one DuckDB connection, one cursor per request.

A DuckDB connection must not be used from two threads at once; its cursors may. The app
opens an in-memory DuckDB, attaches the store file READ_ONLY, and every request gets its
own cursor (a :class:`CursorReader`), closed when the request ends. Nothing can write to
the store.

For speed on large stores the app builds, at start-up, two narrow in-memory copies of the
events, each physically ordered so that DuckDB's per-block min/max statistics skip most
of the data: ``ev``, all event columns plus their document's title, date, url and source
(so an event list needs no join), newest first (a date filter reads only its dates;
"the newest 50" stops after the first 50 matches), and ``ev_dyad``, the filter columns
ordered by the unordered country pair (a dyad reads only its own blocks). Each row's
position ``rn`` in ``ev`` is its place in the newest-first order, so a page found in
either copy is read from ``ev`` by position. The copies cost start-up time and memory:
about 8-12 s and 1.5-1.7 GB peak at 1M events on 2 cores.

Queries run with one DuckDB thread each: the app runs a few requests side by side
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

# The read copies: ``ev`` holds every event column (newest first), ``ev_dyad`` only what
# dyad filters, series and breakdowns need (ordered by country pair, then newest first).
_PAIR_COLUMNS = (
    "least(e.source_country, e.target_country) AS pair_lo, "
    "greatest(e.source_country, e.target_country) AS pair_hi"
)
_NARROW_COLUMNS = (
    "e.event_id, e.doc_id, e.negated, e.plover_type, e.quad_class, e.intensity, e.goldstein, "
    "e.source_name, e.source_country, e.source_code, e.target_name, e.target_country, "
    "e.target_code"
)
# Each event's document fields ride along in ``ev`` so an event list needs no join.
_DOC_COLUMNS = (
    "d.title AS doc_title, CAST(d.date AS VARCHAR) AS doc_date, d.url AS doc_url, "
    "d.source AS doc_source"
)
_COPY_SQL = """
CREATE TABLE memory.main.{name} AS
SELECT row_number() OVER (ORDER BY {date} DESC NULLS LAST, e.doc_id, e.sentence_start,
                                   e.trigger_start, e.event_id) AS rn,
       {date} AS ev_date, {pairs}, {columns}
FROM store.main.events AS e LEFT JOIN store.main.documents AS d ON d.doc_id = e.doc_id
ORDER BY {order}
"""
BY_DATE = Source("FROM memory.main.ev AS e", "e.ev_date")
BY_PAIR = Source("FROM memory.main.ev_dyad AS e", "e.ev_date", pair_columns=True)
# Where a page of events is read from once its positions (``rn``) are known.
PAGE_TABLE = "memory.main.ev"


class CursorReader:
    """One request's view of the store: ``fetch(sql, params)`` like an EventStore.

    ``source_for(flt)`` tells the analysis functions which copy answers ``flt`` fastest.
    """

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor

    def source_for(self, flt: EventFilter) -> Source:
        return BY_PAIR if flt.dyad and not (flt.text or flt.doc_id) else BY_DATE

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query with bound ``params``; rows come back as dicts."""
        try:
            result = self._cursor.execute(sql, list(params))
            names = [d[0] for d in result.description]
            return [dict(zip(names, row)) for row in result.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}") from exc


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
            _build_copies(self._con)
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
        cursor = self._con.cursor()
        cursor.execute("USE store")
        try:
            yield CursorReader(cursor)
        finally:
            cursor.close()

    def close(self) -> None:
        self._con.close()


def _build_copies(con: duckdb.DuckDBPyConnection) -> None:
    """The two ordered read copies (see the module docstring)."""
    date = "COALESCE(e.event_date, CAST(d.date AS VARCHAR))"
    columns = f"e.*, {_DOC_COLUMNS}"
    con.execute(_COPY_SQL.format(name="ev", date=date, pairs=_PAIR_COLUMNS, columns=columns, order="rn"))
    con.execute(_COPY_SQL.format(
        name="ev_dyad", date=date, pairs=_PAIR_COLUMNS, columns=_NARROW_COLUMNS,
        order="pair_lo, pair_hi, rn",
    ))  # fmt: skip


def _has_clusters(reader: CursorReader) -> bool:
    """True when an ``event_clusters`` table (event_id -> cluster_id) exists and has rows."""
    found = reader.fetch(
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_catalog = 'store' "
        "AND table_name = 'event_clusters' AND column_name IN ('cluster_id', 'event_id')"
    )
    if int(found[0]["n"]) < 2:
        return False
    return bool(reader.fetch("SELECT 1 AS one FROM event_clusters LIMIT 1"))
