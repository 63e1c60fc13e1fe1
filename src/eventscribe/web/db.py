"""Read-only access to a store for the web app: the event index on disk, and SQL for the rest.

The app never opens the store file: it reads the store's live copy (Parquet parts and a
catalog next to the file, :mod:`eventscribe.store.live`), so ``code`` can write the store
while ``serve`` runs. At start-up it makes that copy if the store is free and the copy is
missing or out of date; :class:`ServedStore` swaps in a newer catalog when a writer
publishes one.

The events are answered from an :class:`~eventscribe.web.index.EventIndex`: files built
once per copy of the store (:mod:`~eventscribe.web.indexbuild`, in a process of its own,
next to the copy's parts) and opened memory-mapped: event lists, single events,
documents with their events, time series, breakdowns (top actors, dyads, the type
mix) and the map's points need no query; those that took a while are memoised per
index (:class:`~eventscribe.web.index.Memo`). What it does not cover
(quotes, a document's places, document lists) stays SQL.

For that SQL the app opens an in-memory DuckDB whose ``store`` database holds views named
like the store's tables over the live copy's parts, and attaches the index's
``sql.duckdb`` as ``idx`` (read-only): ``idx.ev_dyad`` holds the filter columns (sentence
text included), ordered by the unordered country pair, so a dyad reads only its own
blocks; ``rn`` there is the event's position + 1. A DuckDB connection must not be used
from two threads at once; its cursors may, so every request gets its own
:class:`CursorReader`, whose cursor is opened on its first query. DuckDB keeps at most
:data:`SERVE_MEMORY` in memory.

Opening a store whose index exists takes under a second and under 300 MB whatever the
number of events; building the index takes 12 s for 1M events, 2 min 15 s for 10M (once
per copy). Queries run with one DuckDB thread each: the app runs a few requests side by side
(``create_app(query_threads=...)``), which on a small machine beats splitting every
query over all cores.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventscribe.analysis.filters import EventFilter, Source
from eventscribe.errors import StoreError
from eventscribe.store import SCHEMA_VERSION, EventStore
from eventscribe.store.live import (
    LiveCatalog,
    create_views,
    file_stat,
    hold_generation,
    is_current,
    live_dir,
    read_catalog,
    write_base,
    write_catalog,
)
from eventscribe.store.schema import quote_literal
from eventscribe.web import indexed, indexed_breakdowns, indexed_map
from eventscribe.web.index import EventIndex, Memo
from eventscribe.web.indexbuild import ensure_index

# How long serve waits for a coding run that holds the store to write its live copy.
WAIT_SECONDS = 60.0
# What one server's DuckDB may hold in memory; larger queries spill to a temporary folder.
SERVE_MEMORY = "512MB"
# The pair columns hold the first source and target only, so they cannot pre-filter a dyad
# an event's other actors make ("aid for Chad and Niger" is also EUR -> NER): the dyad
# filter reads every actor (analysis.filters.side_condition).
BY_PAIR = Source("FROM idx.main.ev_dyad AS e", "e.ev_date", pair_columns=False)


class CursorReader:
    """One request's view of the store: ``fetch(sql, params)`` like an EventStore, and
    ``index``, the app's :class:`EventIndex`.

    ``source_for(flt)`` tells the analysis functions to read the ``ev_dyad`` copy;
    ``series_rows`` answers time series from the index. The DuckDB cursor is opened on
    the first ``fetch`` (requests the index answers never open one) and closed by
    :meth:`close`.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, index: EventIndex, memo: Memo) -> None:
        self._con = con
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self.index = index
        self._memo = memo

    def source_for(self, flt: EventFilter) -> Source:
        return BY_PAIR

    def series_rows(self, flt: EventFilter, by: str) -> list[dict[str, Any]] | None:
        """Per-period rows for :func:`eventscribe.analysis.event_series` from the index."""
        return self._memo.get(("series", flt, by), lambda: indexed.series_rows(self.index, flt, by))

    def breakdown_rows(
        self, kind: str, flt: EventFilter, limit: int | None
    ) -> list[dict[str, Any]] | None:
        """Rows for :mod:`eventscribe.analysis.breakdowns` from the index."""
        return self._memo.get(
            (kind, flt, limit),
            lambda: indexed_breakdowns.breakdown_rows(self.index, kind, flt, limit),
        )

    def map_rows(self, flt: EventFilter, limit: int, per_point: int) -> dict[str, Any] | None:
        """Points for :func:`eventscribe.analysis.map_points` from the index."""
        return self._memo.get(
            ("map", flt, limit, per_point),
            lambda: indexed_map.map_rows(self.index, flt, limit, per_point),
        )

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
    """What the app learnt about the store when it opened its live copy."""

    path: str
    has_clusters: bool
    counts: dict[str, int]


class _Snapshot:
    """One catalog of the live copy, opened: views, the event index and the SQL copy."""

    def __init__(self, path: str, folder: Path, catalog: LiveCatalog) -> None:
        self.catalog = catalog
        self.con = duckdb.connect(":memory:")
        try:
            self.con.execute("SET enable_progress_bar = false")
            self.con.execute("ATTACH ':memory:' AS store")
            self.con.execute("USE store")
            self.con.execute(f"SET memory_limit = '{SERVE_MEMORY}'")
            self.con.execute(f"SET temp_directory = {quote_literal(tempfile.gettempdir())}")
            create_views(self.con, folder, catalog, dyads=False)
            where, self.index = _open_index(folder, catalog)
            self.memo = Memo()
            self.con.execute(
                f"ATTACH {quote_literal(str(where / 'sql.duckdb'))} AS idx (READ_ONLY)"
            )
            # requests run side by side (see create_app): one DuckDB thread per query
            self.con.execute("SET threads = 1")
            with self.reader() as reader:
                self.info = StoreInfo(path, _has_clusters(reader), _counts(reader))
        except (duckdb.Error, StoreError, OSError) as exc:
            self.con.close()
            raise StoreError(f"cannot open the live copy of {path} ({folder}): {exc}") from exc

    @contextmanager
    def reader(self) -> Iterator[CursorReader]:
        reader = CursorReader(self.con, self.index, self.memo)
        try:
            yield reader
        finally:
            reader.close()
            self.index.maps.request_done()


class ServedStore:
    """The store as the app serves it: its live copy (:mod:`eventscribe.store.live`),
    opened without taking the store file's lock, so coding runs can write meanwhile.

    :meth:`refresh` opens a newer catalog when a writer has published one and swaps it
    in; requests under way finish on the one they started with. ``version`` counts the
    swaps (the response cache starts afresh on each).
    """

    def __init__(self, path: str | Path, *, wait_seconds: float = WAIT_SECONDS) -> None:
        self.path = str(path)
        self.folder, catalog = ensure_live_copy(self.path, wait_seconds)
        self._snapshot = _Snapshot(self.path, self.folder, catalog)
        self.version = 0
        self.hold()

    @property
    def info(self) -> StoreInfo:
        return self._snapshot.info

    @property
    def index(self) -> EventIndex:
        return self._snapshot.index

    def reader(self) -> AbstractContextManager[CursorReader]:
        """A reader with its own cursor, closed afterwards (use one per request)."""
        return self._snapshot.reader()

    def refresh(self) -> bool:
        """Open the live copy's newest catalog if it changed; True if it was swapped in."""
        catalog = read_catalog(self.folder)
        old = self._snapshot.catalog
        if catalog is None or (catalog.generation, catalog.parts) == (old.generation, old.parts):
            return False
        if catalog.schema_version != SCHEMA_VERSION:
            return False
        try:
            fresh = _Snapshot(self.path, self.folder, catalog)
        except StoreError as exc:  # e.g. a part removed under us: the next look will do
            print(f"eventscribe serve: {exc}; still serving the previous copy", file=sys.stderr)
            return False
        self._snapshot = fresh  # the old connection closes when its last reader is done
        self.version += 1
        self.hold()
        return True

    def hold(self) -> None:
        """Renew the lease on the copy being served, so no writer removes it meanwhile."""
        try:
            hold_generation(self.folder, self._snapshot.catalog.generation)
        except OSError as exc:
            print(
                f"eventscribe serve: cannot renew the lease on {self.folder}: {exc}",
                file=sys.stderr,
            )

    def close(self) -> None:
        self._snapshot.con.close()


def ensure_live_copy(path: str, wait_seconds: float) -> tuple[Path, LiveCatalog]:
    """The live copy's folder and catalog, made or brought up to date first if the store
    is free; if a coding run holds the store, its copy (waiting up to ``wait_seconds``
    for that run to write one)."""
    if not Path(path).exists():
        raise StoreError(f"store {path} does not exist", fix="run `eventscribe code` to create it")
    folder, stat = live_dir(path), file_stat(path)
    try:
        store = EventStore(path, read_only=True)  # checks the schema version, clear errors
    except StoreError as exc:
        if "locked by another process" not in exc.message:
            raise
        _make_folder(folder)
        return folder, _wait_for_copy(path, folder, wait_seconds)
    with store:
        _make_folder(folder)
        catalog = read_catalog(folder)
        if catalog is not None and is_current(catalog, stat):
            return folder, catalog
        print(f"eventscribe: copying {path} into {folder} for serving", file=sys.stderr)
        fresh = write_base(store.connection, folder)
    settled = LiveCatalog(fresh.generation, fresh.schema_version, file_stat(path), fresh.parts)
    write_catalog(folder, settled)
    return folder, settled


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create {folder}, the live copy serve reads ({exc.strerror})",
            fix="serve a store in a folder you can write to (copy the .duckdb file there)",
        ) from exc


def _wait_for_copy(path: str, folder: Path, wait_seconds: float) -> LiveCatalog:
    hold_generation(folder, "")  # asks the running writer for a copy at its next commit
    deadline = time.monotonic() + wait_seconds
    while True:
        catalog = read_catalog(folder)
        if catalog is not None and catalog.schema_version == SCHEMA_VERSION:
            return catalog
        if time.monotonic() >= deadline:
            raise StoreError(
                f"store {path} is being written by another process and has no live copy yet",
                fix="that run writes one when it commits its next batch: start serve again "
                "in a moment (or after the run)",
            )
        time.sleep(0.2)


def _counts(reader: CursorReader) -> dict[str, int]:
    return {
        table: int(reader.fetch(f"SELECT count(*) AS n FROM {table}")[0]["n"])
        for table in ("documents", "events", "quotes", "places")
    }


def _open_index(folder: Path, catalog: LiveCatalog) -> tuple[Path, EventIndex]:
    """The index of ``catalog``, built if missing; one that cannot be opened (a file lost
    or damaged) is built again, with one line on stderr."""
    where = ensure_index(folder, catalog)
    try:
        return where, EventIndex(where)
    except (OSError, ValueError, StoreError, pa.ArrowException) as exc:
        print(f"eventscribe serve: the event index {where} is damaged ({exc}); building it again",
              file=sys.stderr)  # fmt: skip
        shutil.rmtree(where, ignore_errors=True)
        where = ensure_index(folder, catalog)
        return where, EventIndex(where)


def _has_clusters(reader: CursorReader) -> bool:
    """True when an ``event_clusters`` table (event_id -> cluster_id) exists and has rows."""
    found = reader.fetch(
        "SELECT count(*) AS n FROM information_schema.columns WHERE table_catalog = 'store' "
        "AND table_name = 'event_clusters' AND column_name IN ('cluster_id', 'event_id')"
    )
    if int(found[0]["n"]) < 2:
        return False
    return bool(reader.fetch("SELECT 1 AS one FROM event_clusters LIMIT 1"))
