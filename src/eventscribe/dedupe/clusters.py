"""Cross-article events: mentions of the same event in many articles become one cluster.

Two stored events (mentions) belong to the same cluster when they have the same source
(country and name), target (country and name) and PLOVER type, and dates close
together: for day-precision dates, within ``window_days`` of the cluster's first day
(anchored, so a daily series of similar events is not chained into one); for coarser
dates (month, year) or undated events, the same date value. The ``cluster_id`` is the
smallest event_id in the cluster, so it is deterministic. Syndicated copies carry the
same events as their original, so their mentions fall into the original's clusters and
counting clusters counts each event once, with ``num_articles`` mentions (as GDELT's
NumArticles does). Raw mentions stay in ``events``.

Events are streamed from DuckDB in key order and the clusters are spooled to a Parquet
file, so memory stays flat for any number of events.

A key's clusters depend only on that key's events, so :func:`cluster_new_events` (after
a run that only added events) recomputes just the keys of the events that have no
cluster yet, and gets the same clusters as :func:`cluster_events`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventscribe.store.export import sql_string_literal
from eventscribe.store.schema import arrow_schema

_KEYED = """
SELECT event_id, doc_id,
       concat_ws('|', coalesce(source_country, ''), coalesce(source_name, ''),
                 coalesce(target_country, ''), coalesce(target_name, ''), plover_type) AS k,
       CASE WHEN date_precision = 'day' THEN try_cast(event_date AS DATE) END AS d,
       coalesce(event_date, '') AS raw_date
FROM events
"""
_ORDER = " ORDER BY k, d NULLS LAST, raw_date, event_id"
_ORDERED = _KEYED + _ORDER
# the keys of events that have no cluster yet, and every event with one of those keys
_NEW_KEYS = f"""
SELECT DISTINCT k FROM ({_KEYED}) AS e
WHERE NOT EXISTS (SELECT 1 FROM event_clusters AS c WHERE c.event_id = e.event_id)
"""
_OF_NEW_KEYS = f"SELECT * FROM ({_KEYED}) WHERE k IN (SELECT k FROM _new_keys)"
_FETCH = 50_000


def cluster_events(con: duckdb.DuckDBPyConnection, window_days: int) -> int:
    """Recompute ``event_clusters`` (inside the caller's transaction); return the clusters."""
    con.execute("DELETE FROM event_clusters")
    _write_clusters(con, window_days, _ORDERED)
    return _count(con)


def cluster_new_events(con: duckdb.DuckDBPyConnection, window_days: int) -> int:
    """Cluster the events that have none yet, re-clustering only their keys (inside the
    caller's transaction, with every other event's cluster exact); return the clusters."""
    new_keys = con.execute(_NEW_KEYS).fetchall()
    if new_keys:
        keys = pa.table({"k": pa.array([row[0] for row in new_keys], pa.string())})
        con.register("_new_keys", keys)
        try:
            con.execute(
                "DELETE FROM event_clusters "
                f"WHERE event_id IN (SELECT event_id FROM ({_OF_NEW_KEYS}))"
            )
            _write_clusters(con, window_days, _OF_NEW_KEYS + _ORDER)
        finally:
            con.unregister("_new_keys")
    return _count(con)


def _count(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute("SELECT count(DISTINCT cluster_id) FROM event_clusters").fetchall()
    return int(rows[0][0])


def _write_clusters(con: duckdb.DuckDBPyConnection, window_days: int, ordered: str) -> None:
    """Cluster the events ``ordered`` yields (in key order) into ``event_clusters``."""
    with tempfile.TemporaryDirectory(prefix="eventscribe-clusters-") as tmp:
        spool = Path(tmp) / "clusters.parquet"
        written = _spool_clusters(con, window_days, spool, ordered)
        if written:
            con.execute(
                "INSERT INTO event_clusters SELECT cluster_id, event_id, doc_id "
                f"FROM read_parquet({sql_string_literal(str(spool))})"
            )


def _spool_clusters(
    con: duckdb.DuckDBPyConnection, window_days: int, spool: Path, ordered: str
) -> int:
    """Write (cluster_id, event_id, doc_id) rows to ``spool``; return how many."""
    schema = arrow_schema("event_clusters")
    written = 0
    with pq.ParquetWriter(str(spool), schema) as writer:
        for chunk in _assign(con.execute(ordered), window_days):
            writer.write_table(pa.Table.from_pydict(chunk, schema=schema))
            written += len(chunk["event_id"])
    return written


def _assign(cursor: duckdb.DuckDBPyConnection, window_days: int) -> Iterator[dict[str, list[Any]]]:
    """Chunks of cluster rows; each cluster is emitted whole, with its smallest event_id."""
    group: list[tuple[str, str]] = []
    group_key: tuple[Any, ...] | None = None
    anchor: date | None = None
    out: dict[str, list[Any]] = {"cluster_id": [], "event_id": [], "doc_id": []}
    while rows := cursor.fetchmany(_FETCH):
        for event_id, doc_id, key, day, raw in rows:
            same = (
                group_key is not None
                and group_key[0] == key
                and (
                    (day is not None and anchor is not None and (day - anchor).days <= window_days)
                    or (day is None and anchor is None and group_key[1] == raw)
                )
            )
            if not same:
                _flush(group, out)
                group, group_key, anchor = [], (key, raw), day
            group.append((event_id, doc_id))
        if len(out["event_id"]) >= _FETCH:
            yield out
            out = {"cluster_id": [], "event_id": [], "doc_id": []}
    _flush(group, out)
    if out["event_id"]:
        yield out


def _flush(group: list[tuple[str, str]], out: dict[str, list[Any]]) -> None:
    if not group:
        return
    cluster_id = min(event_id for event_id, _ in group)
    for event_id, doc_id in group:
        out["cluster_id"].append(cluster_id)
        out["event_id"].append(event_id)
        out["doc_id"].append(doc_id)
