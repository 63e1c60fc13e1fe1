"""The live copy: the store's served tables as Parquet, readable while a run writes.

DuckDB lets one process write a database file and no other process open it meanwhile, so
``serve`` cannot read ``events.duckdb`` while ``code`` writes it. Every store file keeps,
next to it, a folder ``events.duckdb.live/`` of immutable Parquet parts plus a small
catalog; the server reads only those, through DuckDB, and never takes the file's lock.
Between runs the folder is also the store's event data as a plain dataset: ``current/``
points at the newest base, whose events are partitioned by month, hive-style
(``current/events/month=2023-02/*.parquet``; ``month=unknown`` for undated events), so
DuckDB, pandas, Dask or Spark read it as it is.

- ``catalog.json`` (replaced atomically): the generation, the schema version, the parts in
  order, and the size and modification time of the store file the parts were copied
  from (``null`` while a writer still has it open).
- ``g<generation>/p<seq>/``: part 0 is a base copy of the served tables; each later part
  holds the rows of one committed batch. Every row carries ``_part`` (its part's
  number); a document written again in a later part hides its older rows
  (``<part>/docs.parquet`` lists the documents a part holds).
- ``.reader-<pid>``: a reader's lease, naming the generation it reads, renewed while it
  reads (:func:`hold_generation`).

Every writer keeps the folder current: when it closes after changing served data it
writes a new base. While a reader holds a lease it also adds a part after each
committed batch, so a server shows a run's events before the run ends (a writer that
skipped parts writes a base first). Superseded generations are removed once they are
:data:`KEEP_OLD_SECONDS` old and no fresh lease names them.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventscribe.errors import StoreError
from eventscribe.store.schema import (
    SCHEMA_VERSION,
    column_names,
    dyads_view,
    quote_ident,
    quote_literal,
)

# What the web app reads. Tables with a doc_id column can be replaced per document.
SERVED_TABLES = ("documents", "events", "event_actors", "quotes", "places", "event_clusters")
PER_DOCUMENT = ("documents", "events", "event_actors", "quotes", "places")
# What the server looks rows up by: each table is written sorted by it, in small row
# groups, so a lookup reads the one group whose range holds the key (Parquet has no index).
LOOKUP_KEYS = {
    "documents": "doc_id",
    "event_actors": "event_id, role, position",
    "quotes": "doc_id",
    "places": "doc_id, start",
    "event_clusters": "cluster_id, event_id",
}
LOOKUP_ROW_GROUP = 2048
CATALOG = "catalog.json"
CATALOG_FORMAT = 1
# A superseded generation is deleted by the next publisher once it is this old.
KEEP_OLD_SECONDS = 600.0
# A reader's lease counts for this long after its last renewal (readers renew each minute).
LEASE_SECONDS = 180.0
# The partition value of events with no month known.
NO_MONTH = "unknown"
_MONTH_SQL = (
    "CASE WHEN length(coalesce(e.event_date, CAST(d.date AS VARCHAR))) >= 7 "
    f"THEN left(coalesce(e.event_date, CAST(d.date AS VARCHAR)), 7) ELSE '{NO_MONTH}' END"
)


@dataclass(frozen=True)
class LivePart:
    """One folder of Parquet files: ``seq`` 0 is a base, later ones committed batches."""

    seq: int
    folder: str
    replaces: bool = False


@dataclass(frozen=True)
class LiveCatalog:
    """What a reader needs to open the live copy; see the module docstring."""

    generation: str
    schema_version: str
    store_stat: tuple[int, int] | None
    parts: tuple[LivePart, ...]

    def files(self, root: Path, table: str) -> list[str]:
        """The table's Parquet files, oldest part first (a partitioned table's in order)."""
        found: list[str] = []
        for part in self.parts:
            flat, partitioned = root / part.folder / f"{table}.parquet", root / part.folder / table
            if flat.exists():
                found.append(str(flat))
            elif partitioned.is_dir():
                found.extend(str(p) for p in sorted(partitioned.glob("*/*.parquet")))
        return found

    def replacing_parts(self) -> tuple[LivePart, ...]:
        return tuple(part for part in self.parts if part.replaces)


def live_dir(store_path: str | Path) -> Path:
    """The live copy's folder for a store file."""
    return Path(f"{store_path}.live")


def file_stat(path: str | Path) -> tuple[int, int] | None:
    """(size, mtime in ns) of a file, or None if it does not exist."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns)


def read_catalog(folder: Path) -> LiveCatalog | None:
    """The catalog in ``folder``, or None when missing, unreadable or of another format."""
    try:
        return catalog_from_json(json.loads((folder / CATALOG).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return None


def catalog_to_json(catalog: LiveCatalog) -> dict[str, object]:
    """The catalog as ``catalog.json`` holds it."""
    return {"format": CATALOG_FORMAT, **asdict(catalog)}


def catalog_from_json(raw: object) -> LiveCatalog | None:
    """A catalog from what :func:`catalog_to_json` gave, or None when it is not one."""
    try:
        if not isinstance(raw, dict) or raw.get("format") != CATALOG_FORMAT:
            return None
        stat = raw["store_stat"]
        parts = tuple(
            LivePart(int(p["seq"]), str(p["folder"]), bool(p["replaces"])) for p in raw["parts"]
        )
        return LiveCatalog(
            generation=str(raw["generation"]),
            schema_version=str(raw["schema_version"]),
            store_stat=(int(stat[0]), int(stat[1])) if stat else None,
            parts=parts,
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def write_catalog(folder: Path, catalog: LiveCatalog) -> None:
    """Replace the catalog atomically, point ``current`` at its base, then remove
    generations nobody can still read."""
    body = catalog_to_json(catalog)
    temporary = folder / f".{CATALOG}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(body, indent=1), encoding="utf-8")
    os.replace(temporary, folder / CATALOG)
    _point_current(folder, catalog.parts[0].folder)
    _remove_old_generations(folder, catalog.generation)


def _point_current(folder: Path, base: str) -> None:
    """``current`` -> the base of the newest generation (a convenience for other tools:
    where links cannot be made, the catalog still says where the copy is)."""
    link = folder / "current"
    try:
        if os.path.islink(link) and os.readlink(link) == base:
            return
        temporary = folder / f".current.{os.getpid()}.tmp"
        if os.path.lexists(temporary):
            os.remove(temporary)
        os.symlink(base, temporary)
        os.replace(temporary, link)
    except OSError:
        return


def is_current(catalog: LiveCatalog | None, stat: tuple[int, int] | None) -> bool:
    """True when ``catalog`` was copied from the store file as it is now (``stat``)."""
    return (
        catalog is not None
        and catalog.schema_version == SCHEMA_VERSION
        and catalog.store_stat is not None
        and catalog.store_stat == stat
    )


def write_base(con: duckdb.DuckDBPyConnection, folder: Path) -> LiveCatalog:
    """Copy the served tables of the store open on ``con`` into a new generation (part 0).

    The catalog is returned, not written: the caller knows when the store file is
    settled (``store_stat`` None until then)."""
    generation = f"{time.time_ns():x}-{os.getpid()}"
    part = LivePart(0, f"g{generation}/p000000")
    target = folder / part.folder
    target.mkdir(parents=True)
    for table in SERVED_TABLES:
        if table == "events" and con.execute("SELECT count(*) FROM events").fetchall()[0][0]:
            con.execute(
                f"COPY (SELECT e.*, 0::INTEGER AS _part, {_MONTH_SQL} AS month FROM events AS e "
                "LEFT JOIN documents AS d ON d.doc_id = e.doc_id) "
                f"TO {quote_literal(str(target / table))} (FORMAT parquet, PARTITION_BY (month))"
            )
            continue
        # rowid: rows of one key keep their order; an empty events table has no key
        order = f"ORDER BY {LOOKUP_KEYS[table]}, rowid" if table in LOOKUP_KEYS else ""
        con.execute(
            f"COPY (SELECT *, 0::INTEGER AS _part FROM {quote_ident(table)} {order}) "
            f"TO {quote_literal(str(target / f'{table}.parquet'))} "
            f"(FORMAT parquet, ROW_GROUP_SIZE {LOOKUP_ROW_GROUP})"
        )
    return LiveCatalog(generation, SCHEMA_VERSION, None, (part,))


def append_part(
    folder: Path, catalog: LiveCatalog, tables: Mapping[str, pa.Table], doc_ids: Sequence[str]
) -> LiveCatalog:
    """Write one committed batch as the next part of ``catalog``; return the new catalog."""
    seq = catalog.parts[-1].seq + 1
    part = LivePart(seq, f"g{catalog.generation}/p{seq:06d}", replaces=True)
    target = folder / part.folder
    target.mkdir(parents=True, exist_ok=True)
    for table in PER_DOCUMENT:
        rows = tables.get(table)
        if rows is not None and rows.num_rows:
            tagged = rows.append_column("_part", pa.array([seq] * rows.num_rows, pa.int32()))
            pq.write_table(tagged, target / f"{table}.parquet")
    pq.write_table(
        pa.table({"doc_id": pa.array(list(doc_ids), pa.string())}), target / "docs.parquet"
    )
    updated = LiveCatalog(catalog.generation, catalog.schema_version, None, catalog.parts + (part,))
    write_catalog(folder, updated)
    return updated


def create_views(
    con: duckdb.DuckDBPyConnection, folder: Path, catalog: LiveCatalog, *, dyads: bool = True
) -> None:
    """Views named like the store's tables over the parts, in the current database, and
    the ``dyads`` view unless ``dyads`` is False (DuckDB reads every part's metadata to
    make it: hundreds of MB, for a while, on a store of ten million events)."""
    replacing = catalog.replacing_parts()
    if replacing:
        docs = ", ".join(quote_literal(str(folder / p.folder / "docs.parquet")) for p in replacing)
        con.execute(
            "CREATE TABLE _superseded AS SELECT doc_id, max(CAST(regexp_extract(filename, "
            f"'p([0-9]+)/docs.parquet$', 1) AS INTEGER)) AS upto FROM read_parquet([{docs}], "
            "filename = true) GROUP BY doc_id"
        )
    for table in SERVED_TABLES:
        files = ", ".join(quote_literal(f) for f in catalog.files(folder, table))
        source = f"read_parquet([{files}], union_by_name = true, hive_partitioning = false)"
        columns = ", ".join(f"t.{quote_ident(c)}" for c in column_names(table))
        keep = ""
        if replacing and table in PER_DOCUMENT:
            keep = (
                " WHERE NOT EXISTS (SELECT 1 FROM _superseded AS s "
                "WHERE s.doc_id = t.doc_id AND s.upto > t._part)"
            )
        con.execute(
            f"CREATE VIEW {quote_ident(table)} AS SELECT {columns} FROM {source} AS t{keep}"
        )
    if dyads:
        con.execute(dyads_view())


def open_copy(store_path: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose tables (views) are the store's live copy as of its
    newest catalog, with the ``dyads`` view; this process holds a lease on it."""
    folder = live_dir(store_path)
    catalog = read_catalog(folder)
    if catalog is None or catalog.schema_version != SCHEMA_VERSION:
        raise StoreError(
            f"store {store_path} is being written by another process and has no live copy",
            fix="wait for that run to commit its next batch, or to end",
        )
    hold_generation(folder, catalog.generation)
    con = duckdb.connect(":memory:")
    try:
        create_views(con, folder, catalog)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot read the live copy of {store_path} ({folder}): {exc}") from exc
    return con


def hold_generation(folder: Path, generation: str) -> None:
    """Tell writers that this process reads ``generation`` ("" while it waits for a first
    copy): a lease they honour for :data:`LEASE_SECONDS` after each renewal."""
    (folder / f".reader-{os.getpid()}").write_text(generation, encoding="utf-8")


def fresh_leases(folder: Path) -> set[str]:
    """The generations named by leases renewed within :data:`LEASE_SECONDS`."""
    cutoff, found = time.time() - LEASE_SECONDS, set()
    for lease in folder.glob(".reader-*"):
        try:
            if lease.stat().st_mtime >= cutoff:
                found.add(lease.read_text(encoding="utf-8").strip())
            elif lease.stat().st_mtime < cutoff - 86_400:
                lease.unlink()  # a reader that stopped long ago without saying so
        except OSError:
            continue
    return found


def _remove_old_generations(folder: Path, keep: str) -> None:
    cutoff = time.time() - KEEP_OLD_SECONDS
    held = fresh_leases(folder)
    for path in folder.glob("g*"):
        if path.name == f"g{keep}" or path.name[1:] in held or not path.is_dir():
            continue
        try:
            if path.stat().st_mtime < cutoff:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue
