"""code -> store -> summary/export, as a user runs them on the bundled examples."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from .helpers import store_counts, store_rows

pytestmark = pytest.mark.slow

PER_DOCUMENT_TABLES = ("documents", "sentences", "events", "actors", "times", "quotes")
EXPECTED_EXPORT_COLUMNS = {
    "event_id", "event_date", "source_country", "target_country", "plover_type",
    "cameo_code", "quad_class", "goldstein", "sentence_text",
}  # fmt: skip


def test_coding_the_examples_stores_every_document_and_some_events(
    coded_examples: Path, example_texts
) -> None:
    counts = store_counts(coded_examples)
    assert len(example_texts) == 12
    assert counts["documents"] == 12
    assert counts["events"] > 0
    assert counts["sentences"] >= counts["documents"]
    stored_ids = {r["doc_id"] for r in store_rows(coded_examples, "SELECT doc_id FROM documents")}
    assert stored_ids == {p.stem for p in example_texts}


def test_every_stored_event_has_a_known_type_and_a_sentence(coded_examples: Path) -> None:
    sql = "SELECT plover_type, quad_class, sentence_text, trigger_text FROM events"
    rows = store_rows(coded_examples, sql)
    for row in rows:
        assert row["plover_type"].isupper()
        assert row["quad_class"] in (1, 2, 3, 4)
        assert row["trigger_text"] and row["trigger_text"] in row["sentence_text"]


def test_recoding_the_same_input_replaces_rows_instead_of_duplicating(
    cli, examples_dir, tmp_path
) -> None:
    store = tmp_path / "again.duckdb"
    ids_sql = "SELECT event_id FROM events ORDER BY event_id"
    first = cli("code", examples_dir, "--store", store, "-q")
    assert first.exit_code == 0, first.stderr
    counts_before = store_counts(store)
    ids_before = [r["event_id"] for r in store_rows(store, ids_sql)]

    second = cli("code", examples_dir, "--store", store, "-q")
    assert second.exit_code == 0, second.stderr
    counts_after = store_counts(store)
    ids_after = [r["event_id"] for r in store_rows(store, ids_sql)]

    for table in PER_DOCUMENT_TABLES:
        assert counts_after[table] == counts_before[table], table
    assert ids_after == ids_before
    assert len(set(ids_after)) == len(ids_after)
    assert counts_after["runs"] == counts_before["runs"] + 1  # each run is recorded


def test_summary_prints_dyads(cli, coded_examples: Path) -> None:
    result = cli("summary", "--store", coded_examples)
    assert result.exit_code == 0, result.stderr
    dyads = re.findall(r"^(\S+) -> (\S+)\s+\((\d+) events?\)", result.stdout, flags=re.MULTILINE)
    assert ("SRB", "XKX") in {(s, t) for s, t, _ in dyads}
    assert any(line.startswith("SRB -> ") for line in result.stdout.splitlines())
    total = sum(int(n) for _, _, n in dyads)
    # one line per dyad row: every source-target pair of every event (GDELT/ICEWS rows)
    assert total == store_rows(coded_examples, "SELECT count(*) AS n FROM dyads")[0]["n"]
    assert total >= store_counts(coded_examples)["events"]


def test_summary_of_a_missing_store_is_a_usage_error(cli, tmp_path) -> None:
    result = cli("summary", "--store", tmp_path / "nope.duckdb")
    assert result.exit_code == 2
    assert "nope.duckdb" in result.stderr


def _read_export(path: Path, fmt: str) -> tuple[list[str], list[dict]]:
    if fmt == "parquet":
        table = pq.read_table(path)
        return table.column_names, table.to_pylist()
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            return list(reader.fieldnames or []), list(reader)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return (list(rows[0]) if rows else []), rows


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_round_trip(cli, coded_examples: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    result = cli("export", "--store", coded_examples, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    stored = {r["event_id"] for r in store_rows(coded_examples, "SELECT event_id FROM events")}
    assert f"wrote {len(stored)} events to {out}" in result.stderr

    columns, rows = _read_export(out, fmt)
    assert EXPECTED_EXPORT_COLUMNS <= set(columns)
    assert len(rows) == len(stored)
    assert {r["event_id"] for r in rows} == stored
    assert all(r["sentence_text"] for r in rows)


def test_export_filters_and_the_gdelt_layout_through_the_cli(
    cli, coded_examples: Path, tmp_path: Path
) -> None:
    import eventscribe

    out = tmp_path / "srb.tsv"
    result = cli(
        "export", "--store", coded_examples, "--format", "csv", "--layout", "gdelt",
        "--country", "SRB", "--start", "2022-11-01", "--end", "2022-12-31", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = eventscribe.read_events(out).to_pylist()
    assert rows and "dyads to" in result.stderr
    assert all(20221101 <= r["SQLDATE"] <= 20221231 for r in rows)
    events = {r["GLOBALEVENTID"] for r in rows}
    srb = store_rows(
        coded_examples,
        "SELECT DISTINCT event_id FROM event_actors WHERE country = 'SRB'",
    )
    assert events <= {r["event_id"] for r in srb}
    assert all(r["EventCode"].startswith(r["EventRootCode"]) for r in rows), "codes stay text"


def test_export_refuses_an_unknown_type(cli, coded_examples: Path, tmp_path: Path) -> None:
    result = cli(
        "export",
        "--store",
        coded_examples,
        "--format",
        "csv",
        "--type",
        "RIOT",
        "-o",
        tmp_path / "x.csv",
    )
    assert result.exit_code == 2 and "RIOT" in result.stderr


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_exports_carry_lat_lon_where_the_sentence_names_the_place(
    cli, coded_examples: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"events.{fmt}"
    assert cli("export", "--store", coded_examples, "--format", fmt, "-o", out).exit_code == 0
    _, rows = _read_export(out, fmt)
    # "... struck the deal in Brussels" (2022-11-24 example): Brussels, by value
    deal = next(r for r in rows if r["trigger_text"] == "struck the deal")
    assert deal["location_name"] == "Brussels" and deal["location_country"] == "BEL"
    assert abs(float(deal["lat"]) - 50.85) < 0.01 and abs(float(deal["lon"]) - 4.35) < 0.01
    assert deal["location_precision"] == "city"
