"""Where events happened: location columns, the places table, event_day, and exports."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from eventscribe.places.located import EventLocation
from eventscribe.places.tagger import Place
from eventscribe.store import EventStore

from .factories import RUN, accusation_doc

BELGRADE = Place(
    start=100,
    end=108,
    text="Belgrade",
    name="Belgrade",
    country="SRB",
    lat=44.80401,
    lon=20.46513,
    geonameid=792680,
    feature="city",
    admin1="SE00",
)


def located_doc():
    """The accusation story with its protest located in Belgrade, as the coder gives it."""
    doc = accusation_doc()
    accused, protest = doc.events
    where = EventLocation(BELGRADE.start, BELGRADE.end, BELGRADE.text, BELGRADE, "city")
    return replace(
        doc,
        events=(replace(accused, location=None), replace(protest, location=where)),
        places=(BELGRADE,),
    )


def test_event_location_columns_and_places_table(store: EventStore) -> None:
    store.write([located_doc()], run=RUN)
    rows = {r["trigger_text"]: r for r in store.events_rows()}
    protest = rows["protested"]
    assert (protest["location_name"], protest["location_country"]) == ("Belgrade", "SRB")
    assert (protest["lat"], protest["lon"]) == (44.80401, 20.46513)
    assert protest["location_geonameid"] == 792680 and protest["location_precision"] == "city"
    assert rows["accused"]["lat"] is None and rows["accused"]["location_name"] is None
    (place,) = store.fetch("SELECT * FROM places")
    assert (place["doc_id"], place["name"], place["feature"], place["admin1"]) == (
        "doc-a",
        "Belgrade",
        "city",
        "SE00",
    )


def test_event_day_is_a_date_only_for_a_day(store: EventStore) -> None:
    doc = located_doc()
    accused, protest = doc.events
    coarse = replace(protest, date="2022-11", date_precision="month")
    store.write([replace(doc, events=(accused, coarse))], run=RUN)
    rows = {r["trigger_text"]: r for r in store.events_rows()}
    assert rows["accused"]["event_day"] == date(2022, 11, 23)
    assert rows["protested"]["event_day"] is None and rows["protested"]["event_date"] == "2022-11"


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_every_export_carries_lat_lon(store: EventStore, tmp_path: Path, fmt: str) -> None:
    store.write([located_doc()], run=RUN)
    out = tmp_path / f"events.{fmt}"
    store.export(out, fmt=fmt)
    if fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    protest = next(r for r in rows if r["trigger_text"] == "protested")
    assert float(protest["lat"]) == 44.80401 and float(protest["lon"]) == 20.46513
    assert protest["location_precision"] == "city"


def test_a_version_3_store_is_upgraded_with_locations_from_its_json(store_path: Path) -> None:
    with EventStore(store_path) as store:
        store.write([located_doc()], run=RUN)
    con = duckdb.connect(str(store_path))
    con.execute("DROP TABLE places")
    con.execute("DROP VIEW clustered_events")
    for index in ("events_doc_idx", "events_dyad_idx", "events_date_idx"):
        con.execute(f"DROP INDEX {index}")  # DuckDB drops no column an index depends on
    for column in (
        "location_name",
        "location_geonameid",
        "lat",
        "lon",
        "location_country",
        "location_precision",
        "event_day",
    ):
        con.execute(f'ALTER TABLE events DROP COLUMN "{column}"')
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with EventStore(store_path) as store:
        rows = {r["trigger_text"]: r for r in store.events_rows()}
    assert (rows["protested"]["lat"], rows["protested"]["location_name"]) == (44.80401, "Belgrade")
    assert rows["accused"]["event_day"] == date(2022, 11, 23)
