"""EventStore: coded documents in an embedded DuckDB file, with run bookkeeping and exports.

Writing is idempotent per document: re-coding a ``doc_id`` replaces its rows in every
table, so re-running over the same input never duplicates events. Each ``write`` call is
one transaction; any exception (including Ctrl-C) rolls it back, so a document is either
fully stored or left as it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb
import pyarrow as pa

from eventscribe.errors import StoreError
from eventscribe.records import CodedDocument
from eventscribe.store.batch import (
    StoreBatch,
    done_documents,
    is_interruption,
    write_batch,
)
from eventscribe.store.batch import delete_documents as _delete_documents
from eventscribe.store.batch import insert_table as _insert_table
from eventscribe.store.export import EVERYTHING, check_export_path, copy_statement, flat_events_sql
from eventscribe.store.gdelt import gdelt_sql
from eventscribe.store.livewriter import LivePublisher
from eventscribe.store.polecat import polecat_sql
from eventscribe.store.rows import build_tables, dedupe_documents
from eventscribe.store.schema import (
    DOCUMENT_TABLES,
    SCHEMA_VERSION,
    TABLES,
    UPGRADABLE_VERSIONS,
    ddl_statements,
    quote_ident,
    reorder_statements,
    upgrade_statements,
)


@dataclass(frozen=True)
class RunInfo:
    """What produced a batch of rows: enough to reproduce or audit the run later.

    ``started_at`` is an ISO 8601 string; ``settings`` a JSON-serialisable dict.
    """

    run_id: str
    started_at: str
    code_version: str
    model: str
    model_version: str
    lexicon_fingerprint: str
    settings: dict[str, Any] = field(default_factory=dict)
    command: str = ""
    input_fingerprint: str = ""


class EventStore:
    """A DuckDB-backed store of coded documents. Use as a context manager.

    ``path`` may be ``":memory:"`` for a throw-away store. With ``read_only=True`` the
    file must already exist and nothing can be written.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        # the live copy a server reads (eventscribe.store.live); looks at the file first
        self._live = None if read_only or self.path == ":memory:" else LivePublisher(self.path)
        self._closed = False
        self._con = _connect(self.path, read_only)
        try:
            _prepare_schema(self._con, self.path, read_only)
        except duckdb.Error as exc:  # a damaged file often opens and fails on first read
            self._con.close()
            message, fix = _open_failure(self.path, str(exc))
            raise StoreError(message, fix=fix) from exc
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database file (safe to call twice), bringing its live copy up to date."""
        if self._closed:
            return
        self._closed = True
        if self._live is not None:
            self._live.before_close(self._con)
        self._con.close()
        if self._live is not None:
            self._live.after_close()

    # -- writing -----------------------------------------------------------------------

    def write(self, docs: Sequence[CodedDocument], *, run: RunInfo) -> None:
        """Store ``docs`` in one transaction, replacing any earlier rows of the same doc_ids.

        The run is recorded in ``runs`` if ``start_run`` was not called for it. If the
        same doc_id appears twice in ``docs`` the later one wins.
        """
        self._check_writable("write documents")
        unique = dedupe_documents(docs)
        if not unique:
            return
        tables = build_tables(unique, run.run_id)
        doc_ids = pa.table({"doc_id": pa.array([d.article.doc_id for d in unique], pa.string())})
        with self._transaction("write documents"):
            if not self._run_exists(run.run_id):
                _insert_run(self._con, run)
            _delete_documents(self._con, doc_ids)
            for name in DOCUMENT_TABLES:
                if name in tables and tables[name].num_rows:
                    _insert_table(self._con, name, tables[name])
        if self._live is not None:
            self._live.after_write(self._con, tables, [d.article.doc_id for d in unique])

    def write_batch(self, batch: StoreBatch, *, run: RunInfo) -> None:
        """Store one corpus batch in one transaction: rows, progress and quarantine.

        A coded document's rows replace earlier ones and its progress row marks it done;
        a quarantined document loses any earlier rows and gets a quarantine row. Either
        all of it is committed or none (Ctrl-C and SIGKILL included).
        """
        self._check_writable("write documents")
        with self._transaction("write documents"):
            if not self._run_exists(run.run_id):
                _insert_run(self._con, run)
            write_batch(self._con, batch, run.run_id)
        if self._live is not None:
            doc_ids = [doc_id for doc_id, _ in batch.coded] + [q.doc_id for q in batch.quarantined]
            self._live.after_write(self._con, batch.tables, doc_ids)

    def done_documents(
        self, keys: Sequence[tuple[str, str]], settings_fingerprint: str
    ) -> set[str]:
        """The doc_ids among ``keys`` ((doc_id, content_hash) pairs) already coded with
        this content and these settings: a resumed run skips them."""
        return done_documents(self._con, keys, settings_fingerprint)

    @contextmanager
    def limits(self, *, threads: int, memory: str) -> Iterator[None]:
        """Let DuckDB use at most ``threads`` threads and ``memory`` (e.g. "512MB") of
        buffer memory inside the block, then as before.

        A corpus run writes many small batches: with one thread DuckDB spends less on
        waking its workers per statement and leaves the cores to the coding; and without
        a memory limit DuckDB keeps up to 80% of the machine's memory of the store
        cached, so the writer would grow with the store over a long run (it spills to
        disk instead)."""
        con = self._con
        before = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
        con.execute(f"SET threads = {int(threads)}")
        con.execute("SET memory_limit = ?", [memory])
        try:
            yield
        finally:
            con.execute(f"SET threads = {int(before)}")
            con.execute("RESET memory_limit")

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for stages that compute over the whole store
        (:mod:`eventscribe.dedupe`). Use :meth:`transaction` around writes."""
        return self._con

    def transaction(self, what: str) -> _Transaction:
        """A context manager: BEGIN ... COMMIT, rolled back on any exception."""
        self._check_writable(what)
        if self._live is not None:
            self._live.mark_changed()
        return self._transaction(what)

    def start_run(self, info: RunInfo) -> None:
        """Record the start of a run (replacing an earlier row with the same run_id)."""
        self._check_writable("record a run")
        with self._transaction("record a run"):
            self._con.execute("DELETE FROM runs WHERE run_id = ?", [info.run_id])
            _insert_run(self._con, info)

    def finish_run(self, run_id: str, *, documents: int, events: int, problems: int) -> None:
        """Record the end of a run with its totals and the finishing time (UTC)."""
        self._check_writable("finish a run")
        if not self._run_exists(run_id):
            raise StoreError(
                f"run {run_id!r} is not recorded in {self.path}",
                fix="call start_run(...) before finish_run(...)",
            )
        finished = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction("finish a run"):
            self._con.execute(
                "UPDATE runs SET finished_at = ?, documents = ?, events = ?, problems = ? "
                "WHERE run_id = ?",
                [finished, documents, events, problems, run_id],
            )

    # -- reading -----------------------------------------------------------------------

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query with bound ``params``; rows come back as dicts."""
        try:
            cursor = self._con.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query on {self.path} failed: {exc}") from exc

    def events_frame(self) -> pa.Table:
        """The flat events table (export columns, export order) as an Arrow table."""
        relation = self._con.sql(flat_events_sql())
        # DuckDB 2.x calls it to_arrow_table(); 1.x relations have arrow().
        to_table = getattr(relation, "to_arrow_table", None) or relation.arrow
        return to_table()

    def events_rows(self) -> list[dict[str, Any]]:
        """The flat events table as a list of dicts, in export order."""
        return self.fetch(flat_events_sql())

    def runs(self) -> list[dict[str, Any]]:
        """All recorded runs, oldest first, with ``settings`` decoded from JSON."""
        rows = self.fetch("SELECT * FROM runs ORDER BY started_at, run_id")
        for row in rows:
            row["settings"] = json.loads(row["settings"]) if row["settings"] else {}
        return rows

    def counts(self) -> dict[str, int]:
        """Rows per table, e.g. ``{"documents": 3, "events": 12, ...}``."""
        result = {}
        for table in TABLES:
            if table == "meta":
                continue
            rows = self._con.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchall()
            result[table] = int(rows[0][0])
        return result

    # -- export ------------------------------------------------------------------------

    def export(
        self,
        path: str | Path,
        *,
        fmt: str,
        rows: str = "events",
        layout: str = "eventscribe",
        where: tuple[str, Sequence[Any]] = EVERYTHING,
    ) -> int:
        """Write the flat table to ``path`` (parquet, csv or jsonl); return rows written.

        ``rows``: ``events`` (one per act, :data:`~eventscribe.store.export.EVENT_EXPORT_COLUMNS`),
        ``dyads`` (one per source-target pair, ``DYAD_EXPORT_COLUMNS``) or ``clusters``
        (one per cross-article event, ``CLUSTER_EXPORT_COLUMNS``). ``layout="gdelt"``
        writes the dyads with GDELT 2.0's column names and order, ``layout="polecat"`` the
        events with POLECAT's (both tab-separated for csv).
        ``where`` filters: a SQL fragment over the events (``e``) and documents (``d``)
        with its parameters. Ordered by document date, doc_id, sentence and trigger.
        """
        target = Path(path)
        sql, params = where
        if layout == "gdelt":
            select, options = gdelt_sql(sql), {"csv": "DELIMITER '\t'"}
        elif layout == "polecat":
            select, options = polecat_sql(sql), {"csv": "DELIMITER '\t'"}
        elif layout == "eventscribe":
            select, options = flat_events_sql(rows, sql), {}
        else:
            raise StoreError(
                f"unknown export layout {layout!r}", fix="use eventscribe, gdelt or polecat"
            )
        statement = copy_statement(target, fmt, select, options.get(fmt))
        check_export_path(target)
        try:
            written = self._con.execute(statement, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(
                f"could not export events from {self.path} to {target}: {exc}",
                fix="check that the folder is writable and the file is not open elsewhere",
            ) from exc
        return int(written[0][0]) if written else 0

    # -- internals ---------------------------------------------------------------------

    def _check_writable(self, what: str) -> None:
        if self.read_only:
            raise StoreError(
                f"cannot {what}: {self.path} was opened read-only",
                fix="open the store without read_only=True",
            )

    def _run_exists(self, run_id: str) -> bool:
        found = self._con.execute("SELECT 1 FROM runs WHERE run_id = ?", [run_id]).fetchall()
        return bool(found)

    def _transaction(self, what: str) -> _Transaction:
        return _Transaction(self._con, self.path, what)


class _Transaction:
    """BEGIN ... COMMIT, rolled back on any exception (KeyboardInterrupt too)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, what: str) -> None:
        self._con, self._path, self._what = con, path, what

    def __enter__(self) -> None:
        self._con.begin()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            try:
                self._con.commit()
            except duckdb.Error as error:  # e.g. the disk filled up while committing
                if is_interruption(error):
                    raise KeyboardInterrupt from error
                raise StoreError(
                    f"could not {self._what} in {self._path}: the commit failed ({error})",
                    fix="free disk space (or fix the error above) and run the same command again; "
                    "the documents committed before are kept",
                ) from error
            return
        self._con.rollback()
        if isinstance(exc, duckdb.Error) and is_interruption(exc):
            raise KeyboardInterrupt from exc  # Ctrl-C inside a DuckDB statement
        if isinstance(exc, duckdb.Error):
            raise StoreError(
                f"could not {self._what} in {self._path} (nothing was changed): {exc}",
                fix="see the database error above; the store still holds the previous data",
            ) from exc


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the DuckDB file, turning DuckDB's errors into StoreErrors that say what to do."""
    if path != ":memory:" and read_only and not Path(path).exists():
        raise StoreError(f"store {path} does not exist", fix="run `eventscribe code` to create it")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        message, fix = _open_failure(path, str(exc))
        raise StoreError(message, fix=fix) from exc


def _open_failure(path: str, detail: str) -> tuple[str, str]:
    lowered = detail.lower()
    damaged = ("corrupt", "checksum", "could not read enough bytes", "truncated")
    if any(word in lowered for word in damaged):
        return (
            f"store {path} is damaged (truncated or corrupt; {detail[:200]})",
            (
                "eventscribe does not overwrite it: restore it from a backup, or code the inputs "
                "again into a new --store file"
            ),
        )
    if "could not set lock" in lowered or "conflicting lock" in lowered:
        return (
            f"store {path} is locked by another process ({detail})",
            (
                "wait for the other eventscribe run (or DuckDB session) to finish, "
                "or use a different --store file; while a run writes it, `eventscribe serve` "
                "and eventscribe.open_store() read what it has committed"
            ),
        )
    if "not a valid duckdb" in lowered or "database file" in lowered:
        return (
            f"{path} is not a DuckDB database",
            "give a path to an eventscribe .duckdb file, or a new file name to create one",
        )
    if "different configuration" in lowered:
        return (
            f"store {path} is already open in this process with other settings",
            "close the other EventStore on this file first",
        )
    return (f"cannot open store {path}: {detail}", "check the path and its permissions")


def _prepare_schema(con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
    """Create missing tables (unless read-only) and check the schema version."""
    has_meta = con.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchall()
    if read_only and not has_meta:
        raise StoreError(
            f"{path} is a DuckDB file but not an eventscribe store",
            fix="point to a store written by `eventscribe code`",
        )
    if not read_only:
        # one transaction for every statement: a new store is created in one commit
        # (about a third of the time of one commit per CREATE) and never half-made
        con.begin()
        try:
            _upgrade(con, bool(has_meta))
            for statement in ddl_statements():
                con.execute(statement)
            con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION],
            )
        except BaseException:
            con.rollback()
            raise
        con.commit()
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not rows or rows[0][0] != SCHEMA_VERSION:
        found = rows[0][0] if rows else "none"
        fix = "write to a new store file (or re-code the documents into one)"
        if read_only and found in UPGRADABLE_VERSIONS:
            fix = f"open it once for writing (any `eventscribe code ... --store {path}`) to upgrade it"
        raise StoreError(
            f"store {path} has schema version {found}; this eventscribe needs {SCHEMA_VERSION}",
            fix=fix,
        )


def _upgrade(con: duckdb.DuckDBPyConnection, has_meta: bool) -> None:
    """Bring an older store of an upgradable version up to SCHEMA_VERSION, in place."""
    if not has_meta:
        return
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if not rows or rows[0][0] not in UPGRADABLE_VERSIONS:
        return
    for statement in upgrade_statements(rows[0][0]):
        con.execute(statement)
    for table in TABLES:
        _in_declared_order(con, table)
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])


def _in_declared_order(con: duckdb.DuckDBPyConnection, table: str) -> None:
    """Columns an upgrade added come last; bulk inserts go by position, so put them in
    declaration order (the indexes and views dropped here are made again by the DDL)."""
    found = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
        "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()]  # fmt: skip
    statements = reorder_statements(table, found) if found else []
    if not statements:
        return
    for view in ("clustered_events", "dyads"):
        con.execute(f"DROP VIEW IF EXISTS {view}")
    indexes = con.execute(
        "SELECT index_name FROM duckdb_indexes() WHERE table_name = ?", [table]
    ).fetchall()
    for (index,) in indexes:
        con.execute(f"DROP INDEX {quote_ident(index)}")
    for statement in statements:
        con.execute(statement)


def _insert_run(con: duckdb.DuckDBPyConnection, info: RunInfo) -> None:
    con.execute(
        "INSERT INTO runs (run_id, started_at, code_version, model, model_version, "
        "lexicon_fingerprint, settings, command, input_fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            info.run_id,
            info.started_at,
            info.code_version,
            info.model,
            info.model_version,
            info.lexicon_fingerprint,
            json.dumps(info.settings, sort_keys=True, default=str),
            info.command,
            info.input_fingerprint or None,
        ],
    )
