"""Opening a store: clear errors for wrong files, locks and old schemas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from eventscribe.errors import StoreError
from eventscribe.store import SCHEMA_VERSION, EventStore


def test_new_store_has_all_tables_and_schema_version(store_path: Path) -> None:
    with EventStore(store_path) as store:
        assert set(store.counts()) >= {"documents", "sentences", "events", "actors", "times",
                                       "quotes", "runs"}  # fmt: skip
        assert store.fetch("SELECT value FROM meta WHERE key = 'schema_version'") == [
            {"value": SCHEMA_VERSION}
        ]
    with EventStore(store_path) as store:  # reopening is idempotent
        assert store.counts()["events"] == 0


def test_a_file_that_is_not_duckdb_names_the_path(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError) as info:
        EventStore(bogus)
    assert str(bogus) in str(info.value)
    assert "not a DuckDB database" in str(info.value)


def test_missing_file_in_read_only_mode(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        EventStore(tmp_path / "absent.duckdb", read_only=True)


def test_other_schema_version_is_refused(store_path: Path) -> None:
    EventStore(store_path).close()
    con = duckdb.connect(str(store_path))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema version 0"):
        EventStore(store_path)


def test_store_locked_by_another_process(store_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         ("import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
          "sys.stdin.read()"), str(store_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as info:
            EventStore(store_path)
        assert "locked" in str(info.value) and str(store_path) in str(info.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
