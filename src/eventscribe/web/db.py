"""Read-only access to a store for the web app: one DuckDB connection, one cursor per request.

A DuckDB connection must not be used from two threads at once; its cursors may. The app
opens the file once, read-only, and every request gets its own cursor (a
:class:`CursorReader`), closed when the request ends. Nothing here can write.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from eventscribe.errors import StoreError
from eventscribe.store import EventStore


class CursorReader:
    """One request's view of the store: ``fetch(sql, params)`` like an EventStore."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection) -> None:
        self._cursor = cursor

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
        self._con = duckdb.connect(self.path, read_only=True)
        with self.reader() as reader:
            self.info = StoreInfo(self.path, _has_clusters(reader), counts)

    @contextmanager
    def reader(self) -> Iterator[CursorReader]:
        """A reader with its own cursor, closed afterwards (use one per request)."""
        cursor = self._con.cursor()
        try:
            yield CursorReader(cursor)
        finally:
            cursor.close()

    def close(self) -> None:
        self._con.close()


def _has_clusters(reader: CursorReader) -> bool:
    """True when an ``event_clusters`` table (event_id -> cluster_id) exists and has rows."""
    found = reader.fetch(
        "SELECT count(*) AS n FROM information_schema.columns "
        "WHERE table_name = 'event_clusters' AND column_name IN ('cluster_id', 'event_id')"
    )
    if int(found[0]["n"]) < 2:
        return False
    return bool(reader.fetch("SELECT 1 AS one FROM event_clusters LIMIT 1"))
