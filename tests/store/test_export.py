"""Exports: the flat events table round-trips through parquet, csv and jsonl."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from eventscribe.errors import StoreError
from eventscribe.store import DYAD_EXPORT_COLUMNS, EVENT_EXPORT_COLUMNS, EventStore
from eventscribe.store.export import flat_events_sql

from .factories import RUN, accusation_doc, aid_doc


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    store.write([accusation_doc(), aid_doc(), accusation_doc("doc-c", published=None)], run=RUN)
    return store


def plain(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dates as ISO strings, so values read from JSON compare with the store's."""
    return [
        {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()} for row in rows
    ]


def test_flat_table_has_the_documented_columns_in_order(filled: EventStore) -> None:
    rows = filled.events_rows()
    assert list(rows[0]) == list(EVENT_EXPORT_COLUMNS)
    # doc-b (2022-11-20) first, then doc-a (2022-11-24), undated doc-c last
    assert [r["doc_id"] for r in rows] == ["doc-b", "doc-a", "doc-a", "doc-c", "doc-c"]
    assert [r["trigger_text"] for r in rows[1:3]] == ["accused", "protested"]
    first = rows[1]
    assert first["source_country"] == "SRB" and first["target_country"] == "XKX"
    assert first["cameo_code"] == "112" and first["doc_date"] == date(2022, 11, 24)
    assert first["sentence_text"] == (
        "Serbian President Aleksandar Vucic accused Kosovo of provocations on Wednesday."
    )
    assert rows[2]["target_name"] is None


def test_parquet_round_trip(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert filled.export(out, fmt="parquet") == 5
    assert pq.read_table(out).to_pylist() == filled.events_rows()


def test_csv_round_trip_keeps_codes_as_text(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "it's events.csv"  # a quote in the path must not break the COPY
    assert filled.export(out, fmt="csv") == 5
    assert "053" in out.read_text(encoding="utf-8")  # CAMEO codes keep their leading zero
    # Read back with the store's own column types: every value must come back unchanged.
    described = filled.fetch(f"DESCRIBE {flat_events_sql()}")
    columns = {c["column_name"]: c["column_type"] for c in described}
    cursor = duckdb.connect().execute(
        "SELECT * FROM read_csv(?, header = true, auto_detect = false, columns = ?)",
        [str(out), columns],
    )
    names = [d[0] for d in cursor.description]
    assert [dict(zip(names, r)) for r in cursor.fetchall()] == filled.events_rows()


def test_jsonl_round_trip(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert filled.export(out, fmt="jsonl") == 5
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    assert [json.loads(line) for line in lines] == plain(filled.events_rows())


def test_export_of_empty_store_writes_zero_rows(store: EventStore, tmp_path: Path) -> None:
    assert store.export(tmp_path / "none.csv", fmt="csv") == 0


def test_unknown_format_lists_the_choices(filled: EventStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="parquet, csv, jsonl"):
        filled.export(tmp_path / "x.xlsx", fmt="xlsx")


def test_missing_folder_is_reported(filled: EventStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        filled.export(tmp_path / "nowhere" / "x.csv", fmt="csv")


def test_events_and_dyads_layouts_of_mutual_and_paired_acts(
    store: EventStore, tmp_path: Path
) -> None:
    from .factories import mutual_doc

    store.write([mutual_doc()], run=RUN)
    events = store.fetch(flat_events_sql("events"))
    assert [
        (r["plover_type"], r["source_countries"], r["target_countries"], r["mutual"])
        for r in events
    ] == [
        ("AGREE", "SRB;XKX", "SRB;XKX", True),
        ("CONSULT", "EUR", "XKX;SRB", False),
    ]
    assert events[0]["target_country"] == "XKX", "a mutual act's first target is the other side"
    dyads = store.fetch(flat_events_sql("dyads"))
    assert list(dyads[0]) == list(DYAD_EXPORT_COLUMNS)
    got = [(r["source_country"], r["target_country"], r["cameo_code"]) for r in dyads]
    assert sorted(got) == sorted([
        ("SRB", "XKX", "030"), ("XKX", "SRB", "030"),  # both ways, never a side with itself
        ("EUR", "XKX", "042"), ("EUR", "SRB", "042"),
        ("XKX", "EUR", "043"), ("SRB", "EUR", "043"),  # the hosts' side: CAMEO's paired code
    ])  # fmt: skip
    assert [r["paired_row"] for r in dyads] == [False] * 4 + [True] * 2
    out = tmp_path / "dyads.csv"
    assert store.export(out, fmt="csv", rows="dyads") == 6
