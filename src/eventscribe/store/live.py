"""The live copy: what a server reads while a coding run writes the same store.

DuckDB lets one process write a database file and no other process open it meanwhile, so
``serve`` cannot read ``events.duckdb`` while ``code`` writes it. The store keeps, next to
its file, a folder ``events.duckdb.live/`` of immutable Parquet parts plus a small
catalog; the server reads only those, through DuckDB, and never takes the file's lock.

- ``catalog.json`` (replaced atomically): the generation, the schema version, the parts in
  order, and the size and modification time of the store file the parts were copied
  from (``null`` while a writer still has it open).
- ``g<generation>/p<seq>/<table>.parquet``: part 0 is a base copy of the served tables;
  each later part holds the rows of one committed batch. Every row carries ``_part``
  (its part's number); a document written again in a later part hides its older rows
  (``<part>/docs.parquet`` lists the documents a part replaces).

The folder exists only once a server asked for it (``serve`` creates it). From then on
every writer keeps it current: after each committed batch it adds a part (the first
commit of a session whose copy is out of date writes a base first), and when it closes
after changing served data it writes a new base, which folds the parts together.
Superseded generations are removed once they are :data:`KEEP_OLD_SECONDS` old and no
reader has renewed its lease on them (:func:`hold_generation`) for as long.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from eventscribe.store.schema import SCHEMA_VERSION, quote_ident

# What the web app reads. Tables with a doc_id column can be replaced per document.
SERVED_TABLES = ("documents", "events", "event_actors", "quotes", "places", "event_clusters")
PER_DOCUMENT = ("documents", "events", "event_actors", "quotes", "places")
CATALOG = "catalog.json"
CATALOG_FORMAT = 1
# A superseded generation is deleted by the next publisher once it is this old.
KEEP_OLD_SECONDS = 600.0


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
        """The table's Parquet files, oldest part first."""
        found = (root / part.folder / f"{table}.parquet" for part in self.parts)
        return [str(path) for path in found if path.exists()]

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
        raw = json.loads((folder / CATALOG).read_text(encoding="utf-8"))
        if raw.get("format") != CATALOG_FORMAT:
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
    """Replace the catalog atomically, then remove generations nobody can still read."""
    body = {"format": CATALOG_FORMAT, **asdict(catalog)}
    temporary = folder / f".{CATALOG}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(body, indent=1), encoding="utf-8")
    os.replace(temporary, folder / CATALOG)
    _remove_old_generations(folder, catalog.generation)


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
        path = str(target / f"{table}.parquet").replace("'", "''")
        con.execute(
            f"COPY (SELECT *, 0::INTEGER AS _part FROM {quote_ident(table)}) "
            f"TO '{path}' (FORMAT parquet)"
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


def create_views(con: duckdb.DuckDBPyConnection, folder: Path, catalog: LiveCatalog) -> None:
    """Views named like the store's tables over the parts, in the current database."""
    replacing = catalog.replacing_parts()
    if replacing:
        docs = ", ".join(_literal(str(folder / p.folder / "docs.parquet")) for p in replacing)
        con.execute(
            "CREATE TABLE _superseded AS SELECT doc_id, max(CAST(regexp_extract(filename, "
            f"'p([0-9]+)/docs.parquet$', 1) AS INTEGER)) AS upto FROM read_parquet([{docs}], "
            "filename = true) GROUP BY doc_id"
        )
    for table in SERVED_TABLES:
        files = catalog.files(folder, table)
        source = f"read_parquet([{', '.join(_literal(f) for f in files)}], union_by_name = true)"
        keep = ""
        if replacing and table in PER_DOCUMENT:
            keep = (
                " WHERE NOT EXISTS (SELECT 1 FROM _superseded AS s "
                "WHERE s.doc_id = t.doc_id AND s.upto > t._part)"
            )
        con.execute(
            f"CREATE VIEW {quote_ident(table)} AS SELECT * EXCLUDE (_part) FROM {source} AS t{keep}"
        )


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def hold_generation(folder: Path, catalog: LiveCatalog) -> None:
    """Tell publishers that this process still reads ``catalog``'s generation: a lease
    file they leave alone while it is younger than :data:`KEEP_OLD_SECONDS` (a reader
    renews it well within that)."""
    lease = folder / f"g{catalog.generation}" / f".reader-{os.getpid()}"
    lease.touch()


def _remove_old_generations(folder: Path, keep: str) -> None:
    cutoff = time.time() - KEEP_OLD_SECONDS
    for path in folder.glob("g*"):
        if path.name == f"g{keep}" or not path.is_dir():
            continue
        try:
            newest = max((p.stat().st_mtime for p in path.glob(".reader-*")), default=0.0)
            if max(path.stat().st_mtime, newest) < cutoff:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            continue


class LivePublisher:
    """A writer's side of the live copy (see the module docstring).

    ``after_write`` runs after each committed batch, ``before_close`` and
    ``after_close`` around closing the store's connection. It does nothing while the
    store has no live folder. A failure to write the copy never fails the store's own
    write: the copy is marked out of date and rebuilt at the next chance.
    """

    def __init__(self, store_path: str) -> None:
        self.store_path = store_path
        self.folder = live_dir(store_path)
        self._current = is_current(read_catalog(self.folder), file_stat(store_path))
        self._catalog: LiveCatalog | None = None
        self._changed = False
        self._pending: LiveCatalog | None = None

    def mark_changed(self) -> None:
        """Served data changed outside a batch write (deduplication, actor edits)."""
        self._changed = True

    def after_write(
        self, con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table], doc_ids: Sequence[str]
    ) -> None:
        self._changed = True
        if not self.folder.is_dir():
            return
        try:
            if self._catalog is None and self._current:
                self._catalog = read_catalog(self.folder)
            if self._catalog is None:  # out of date: a base holds this batch already
                self._catalog = write_base(con, self.folder)
                write_catalog(self.folder, self._catalog)
                return
            self._catalog = append_part(self.folder, self._catalog, tables, doc_ids)
        except (OSError, duckdb.Error, pa.ArrowException) as exc:
            self._give_up(exc)

    def before_close(self, con: duckdb.DuckDBPyConnection) -> None:
        """Write a fresh base if served data changed or the copy is out of date."""
        self._pending = None
        if not self.folder.is_dir():
            return
        if not self._changed and (self._current or self._catalog is not None):
            self._pending = self._catalog or read_catalog(self.folder)
            return
        try:
            self._pending = write_base(con, self.folder)
        except (OSError, duckdb.Error) as exc:
            self._give_up(exc)

    def after_close(self) -> None:
        """Record the settled store file in the catalog (the copy is current again)."""
        if self._pending is None:
            return
        pending = self._pending
        settled = LiveCatalog(
            pending.generation, pending.schema_version, file_stat(self.store_path), pending.parts
        )
        try:
            write_catalog(self.folder, settled)
        except OSError as exc:
            self._give_up(exc)

    def _give_up(self, exc: BaseException) -> None:
        self._catalog, self._current = None, False
        print(
            f"eventscribe: could not update the live copy {self.folder} ({exc}); "
            "a server sees the new rows when the store is next closed",
            file=sys.stderr,
        )
