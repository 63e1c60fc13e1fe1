"""A writer's side of the store's live copy (see :mod:`eventscribe.store.live`)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence

import duckdb
import pyarrow as pa

from eventscribe.store.live import (
    LiveCatalog,
    append_part,
    file_stat,
    fresh_leases,
    is_current,
    live_dir,
    read_catalog,
    write_base,
    write_catalog,
)


class LivePublisher:
    """Keeps a store's live copy current while the store is open for writing.

    ``after_write`` runs after each committed batch, ``before_close`` and
    ``after_close`` around closing the store's connection. A failure to write the copy
    never fails the store's own write: one line on stderr, and the copy is written again
    in full at the next chance.
    """

    def __init__(self, store_path: str) -> None:
        self.store_path = store_path
        self.folder = live_dir(store_path)
        self._current = is_current(read_catalog(self.folder), file_stat(store_path))
        self._catalog: LiveCatalog | None = None  # what this writer published, if anything
        self._changed = False
        self._behind = False  # committed batches not in the copy (no reader wanted them)
        self._pending: LiveCatalog | None = None
        self._failed = False

    def mark_changed(self) -> None:
        """Served data changed outside a batch write (deduplication, actor edits)."""
        self._changed = True

    def after_write(
        self, con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table], doc_ids: Sequence[str]
    ) -> None:
        """Add the committed batch to the copy while someone reads it (else at close)."""
        self._changed = True
        if self._failed or not self.folder.is_dir() or not fresh_leases(self.folder):
            self._behind = True
            return
        try:
            if self._catalog is None and self._current and not self._behind:
                self._catalog = read_catalog(self.folder)
            if self._catalog is None or self._behind:  # a base holds this batch already
                self._catalog = write_base(con, self.folder)
                write_catalog(self.folder, self._catalog)
                self._behind = False
                return
            self._catalog = append_part(self.folder, self._catalog, tables, doc_ids)
        except (OSError, duckdb.Error, pa.ArrowException) as exc:
            self._give_up(exc)

    def before_close(self, con: duckdb.DuckDBPyConnection) -> None:
        """Write a fresh base if served data changed or the copy is out of date."""
        self._pending = None
        if self._failed:
            return
        if not self._changed and (self._current or self._catalog is not None):
            self._pending = self._catalog or read_catalog(self.folder)
            return
        try:
            self.folder.mkdir(exist_ok=True)
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
        self._catalog, self._current, self._failed = None, False, True
        print(
            f"eventscribe: could not update {self.folder}, the store's Parquet copy ({exc}); "
            "the store itself is fine, and the next run that changes it writes the copy again",
            file=sys.stderr,
        )
