"""A version 1 store (before corpus runs) is upgraded in place when opened for writing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventscribe.errors import StoreError
from eventscribe.store import SCHEMA_VERSION, EventStore

from .factories import RUN, accusation_doc

NEW_TABLES = ("progress", "quarantine", "doc_minhash", "doc_bands", "stories", "story_members",
              "event_clusters")  # fmt: skip


def make_version_3(path: Path) -> duckdb.DuckDBPyConnection:
    """A store as version 3 wrote it: one actor per role, no event_actors, no dyads view,
    no places table, location columns or documents.language."""
    with EventStore(path) as store:
        store.write([accusation_doc()], run=RUN)
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW dyads")
    con.execute("DROP TABLE event_actors")
    for index in ("events_doc_idx", "events_dyad_idx", "events_date_idx"):
        con.execute(f"DROP INDEX {index}")  # DuckDB drops no column of an indexed table
    con.execute("ALTER TABLE events DROP COLUMN mutual")
    con.execute("ALTER TABLE events DROP COLUMN paired_cameo")
    for column in ("location_name", "location_geonameid", "lat", "lon", "location_country",
                   "location_precision", "event_day"):  # fmt: skip
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.execute("DROP TABLE places")
    con.execute("ALTER TABLE documents DROP COLUMN language")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    return con


def make_version_1(path: Path) -> None:
    con = make_version_3(path)
    con.execute("DROP VIEW clustered_events")
    for table in NEW_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE runs DROP COLUMN input_fingerprint")
    con.execute("ALTER TABLE events DROP COLUMN timing")  # version 1 had no timing either
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_reading_a_version_1_store_says_how_to_upgrade(store_path: Path) -> None:
    make_version_1(store_path)
    with pytest.raises(StoreError, match="schema version 1") as info:
        EventStore(store_path, read_only=True)
    assert "open it once for writing" in str(info.value)


def test_opening_a_version_1_store_for_writing_upgrades_it_keeping_rows(store_path: Path) -> None:
    make_version_1(store_path)
    with EventStore(store_path) as store:
        assert store.counts()["events"] == 2
        assert all(store.counts()[t] == 0 for t in NEW_TABLES)
        assert [r["run_id"] for r in store.runs()] == [RUN.run_id]
    with EventStore(store_path, read_only=True) as store:
        assert store.fetch("SELECT value FROM meta WHERE key = 'schema_version'") == [
            {"value": SCHEMA_VERSION}
        ]


def test_a_version_3_store_keeps_its_dyads_when_upgraded(store_path: Path) -> None:
    make_version_3(store_path).close()
    with EventStore(store_path) as store:
        rows = store.fetch(
            "SELECT source_name, target_name, cameo_code FROM dyads ORDER BY trigger_start"
        )
        events = store.fetch(
            "SELECT source_name, target_name, cameo_code FROM events ORDER BY trigger_start"
        )
    assert rows == events and len(rows) == 2


def test_a_version_3_store_gains_documents_language_keeping_rows(store_path: Path) -> None:
    make_version_3(store_path).close()
    with EventStore(store_path) as store:
        assert store.fetch("SELECT doc_id, language FROM documents") == [
            {"doc_id": accusation_doc().article.doc_id, "language": None}
        ]
        store.write([accusation_doc()], run=RUN)  # re-coded: now with its language
        [row] = store.fetch("SELECT language FROM documents")
        assert row["language"] in ("en", "und")


def test_an_upgraded_store_takes_new_documents(store_path: Path) -> None:
    """Upgrades add columns at the end; the store puts them in order so writes still fit."""
    make_version_1(store_path)
    with EventStore(store_path) as store:
        store.write([accusation_doc("doc-new")], run=RUN)
        assert store.counts()["events"] == 4
        assert len(store.fetch("SELECT * FROM dyads WHERE doc_id = 'doc-new'")) == 2
