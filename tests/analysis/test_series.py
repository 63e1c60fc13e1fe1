"""Dyad time series, breakdowns and their export, on hand-built documents (no NLP)."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path
from types import ModuleType

import pyarrow.parquet as pq
import pytest

from eventscribe.analysis import (
    SERIES_COLUMNS,
    EventFilter,
    dyad_series,
    event_series,
    peaks,
    period_end,
    top_actors,
    top_dyads,
    type_mix,
    write_series,
)
from eventscribe.errors import ConfigError, OutputError
from eventscribe.store import EventStore


def _two_week_store(path: Path, factories: ModuleType) -> EventStore:
    """Serbia accuses Kosovo in one week; two weeks later Kosovo meets Serbia."""
    f = factories
    hostile = f.accusation_doc("doc-1")
    text = "Kosovo's prime minister met Serbian officials in Brussels."
    kosovo = f.actor("Kosovo's prime minister", 0, "Albin Kurti", "XKX", "GOV")
    serbia = f.actor("Serbian officials", text.index("Serbian"), "Serbia", "SRB", "GOV")
    meeting = f.make_event("doc-2", text, "met", kind="CONSULT", cameo="040", source=kosovo,
                           target=serbia, when="2022-12-07")  # fmt: skip
    meeting = dataclasses.replace(meeting, quad=1, intensity=1.0, goldstein=1.0)
    friendly = f.CodedDocument(
        article=f.Article("doc-2", text, None, "Talks", None, "Wire", "doc-2.jsonl:1"),
        sentences=f.sentences_of(text), events=(meeting,), actors=(kosovo, serbia),
    )  # fmt: skip
    store = EventStore(path)
    store.write([hostile, friendly, f.aid_doc()], run=f.RUN)
    return store


@pytest.fixture
def weeks(tmp_path: Path, factories: ModuleType):  # type: ignore[no-untyped-def]
    store = _two_week_store(tmp_path / "w.duckdb", factories)
    yield store
    store.close()


def test_weekly_series_counts_both_directions_and_fills_quiet_weeks(weeks: EventStore) -> None:
    series = dyad_series(weeks, "SRB", "XKX", by="week")
    assert [(p.period, p.events) for p in series.points] == [
        ("2022-11-21", 1), ("2022-11-28", 0), ("2022-12-05", 1),
    ]  # fmt: skip
    first, _, last = series.points
    assert (first.verbal_conflict, first.goldstein_sum, first.goldstein_mean) == (1, -2.5, -2.5)
    assert (last.verbal_coop, last.goldstein_sum) == (1, 1.0)
    assert series.total == 2


def test_directed_series_keeps_only_a_to_b(weeks: EventStore) -> None:
    assert dyad_series(weeks, "SRB", "XKX", directed=True).total == 1
    assert dyad_series(weeks, "XKX", "SRB", directed=True).points[-1].verbal_coop == 1


def test_actor_codes_and_sets_select_sides(weeks: EventStore) -> None:
    assert dyad_series(weeks, "SRBGOV", "XKX").total == 2
    assert dyad_series(weeks, "SRB,USA", "XKXGOV").total == 1  # only the meeting's source is XKXGOV
    assert dyad_series(weeks, "USA", "XKX").total == 0


def test_month_only_dates_count_in_months_not_weeks(weeks: EventStore) -> None:
    weekly = dyad_series(weeks, "EUR", "XKX", by="week")
    monthly = dyad_series(weeks, "EUR", "XKX", by="month")
    assert (weekly.total, weekly.too_coarse) == (0, 1)
    assert [(p.period, p.events) for p in monthly.points] == [("2022-11-01", 1)]


def test_peaks_are_most_cooperative_and_most_conflictual(weeks: EventStore) -> None:
    found = peaks(dyad_series(weeks, "SRB", "XKX", by="week"))
    assert found["cooperative"].period == "2022-12-05"
    assert found["conflictual"].period == "2022-11-21"
    assert period_end("2022-12-05", "week") == "2022-12-11"
    assert period_end("2022-12-01", "month") == "2022-12-31"


def test_filters_narrow_the_series(weeks: EventStore) -> None:
    only_coop = dyad_series(weeks, "SRB", "XKX", flt=EventFilter(quads=(1,)))
    assert only_coop.total == 1
    december = event_series(weeks, EventFilter(start="2022-12-01", end="2022-12-07"), by="day")
    assert [p.period for p in december.points] == ["2022-12-07"]
    assert event_series(weeks, EventFilter(text="BRUSSELS")).total == 1  # case-insensitive


def test_unknown_period_and_empty_side_are_config_errors(weeks: EventStore) -> None:
    with pytest.raises(ConfigError, match="fortnight"):
        dyad_series(weeks, "SRB", "XKX", by="fortnight")
    with pytest.raises(ConfigError, match="two sides"):
        dyad_series(weeks, " , ", "XKX")


def test_breakdowns_list_actors_types_and_dyads(weeks: EventStore) -> None:
    actors = {(a["name"], a["as_source"], a["as_target"]) for a in top_actors(weeks)}
    assert ("Aleksandar Vucic", 1, 0) in actors and ("Serbia", 0, 1) in actors
    mix = [(t["plover_type"], t["quad_class"], t["events"]) for t in type_mix(weeks)]
    assert mix == [("ACCUSE", 3, 1), ("AID", 3, 1), ("CONSULT", 1, 1), ("PROTEST", 3, 1)]
    dyads = top_dyads(weeks)
    assert dyads[0]["side_a"] == "SRB" and dyads[0]["side_b"] == "XKX"
    assert (dyads[0]["events"], dyads[0]["cooperative"], dyads[0]["conflictual"]) == (2, 1, 1)


def test_series_exports_to_csv_and_parquet(weeks: EventStore, tmp_path: Path) -> None:
    series = dyad_series(weeks, "SRB", "XKX", by="week")
    assert write_series(series, tmp_path / "s.csv", fmt="csv") == 3
    with (tmp_path / "s.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == SERIES_COLUMNS and rows[1]["events"] == "0"
    write_series(series, tmp_path / "s.parquet", fmt="parquet")
    table = pq.read_table(tmp_path / "s.parquet")
    assert table.column("period").to_pylist() == ["2022-11-21", "2022-11-28", "2022-12-05"]
    with pytest.raises(OutputError, match="does not exist"):
        write_series(series, tmp_path / "missing" / "s.csv", fmt="csv")
