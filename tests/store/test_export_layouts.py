"""Exports as researchers use them: filters, cluster rows, CAMEO base/root codes, the
GDELT layout, and codes that stay text when read back."""

from __future__ import annotations

from pathlib import Path

import pyarrow.csv as pa_csv
import pytest

import eventscribe
from eventscribe.store import EventStore
from eventscribe.store.gdelt import GDELT_HEADER
from eventscribe.store.polecat import POLECAT_HEADER

from .factories import RUN, accusation_doc, aid_doc, mutual_doc

# GDELT 2.0 event table columns, in GDELT's order (the ones eventscribe fills)
GDELT_ORDER = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    store.write([accusation_doc(), aid_doc(), mutual_doc()], run=RUN)
    return store


def test_the_gdelt_layout_has_gdelts_names_in_gdelts_order(
    filled: EventStore, tmp_path: Path
) -> None:
    out = tmp_path / "gdelt.tsv"
    written = filled.export(out, fmt="csv", layout="gdelt")
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == list(GDELT_HEADER)
    assert [GDELT_ORDER.index(name) for name in header] == sorted(
        GDELT_ORDER.index(name) for name in header
    )
    rows = eventscribe.read_events(out).to_pylist()
    assert len(rows) == written == filled.fetch("SELECT count(*) AS n FROM dyads")[0]["n"]
    aid = next(r for r in rows if r["EventCode"] == "053")
    assert (aid["EventBaseCode"], aid["EventRootCode"], aid["Actor1CountryCode"]) == (
        "053",
        "05",
        "EUR",
    )
    assert aid["SQLDATE"] == 20221120, "a month-precise event is placed on its document's day"


def test_filters_select_by_country_type_date_and_confidence(
    filled: EventStore, tmp_path: Path
) -> None:
    out = tmp_path / "xkx.csv"
    any_kosovo = """EXISTS (SELECT 1 FROM event_actors AS a WHERE a.event_id = e.event_id AND a.country = ?)"""
    assert filled.export(out, fmt="csv", where=(any_kosovo, ["XKX"])) == 4
    assert filled.export(out, fmt="csv", where=("e.plover_type = ?", ["AID"])) == 1


def test_csv_codes_come_back_as_text(filled: EventStore, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    filled.export(out, fmt="csv")
    naive = pa_csv.read_csv(out).column("cameo_code").to_pylist()
    assert 53 in naive or "053" not in naive  # a plain CSV reader loses the zero ...
    codes = eventscribe.read_events(out).column("cameo_code").to_pylist()
    assert "053" in codes and "030" in codes  # ... read_events keeps it
    assert set(eventscribe.read_events(out).column("cameo_base").to_pylist()) >= {"053", "030"}


def test_cluster_rows_count_mentions(filled: EventStore, tmp_path: Path) -> None:
    from eventscribe.dedupe import deduplicate

    deduplicate(filled)
    out = tmp_path / "clusters.parquet"
    assert filled.export(out, fmt="parquet", rows="clusters") >= 1
    rows = eventscribe.read_events(out).to_pylist()
    assert all(r["num_mentions"] >= 1 and r["num_articles"] >= 1 for r in rows)
    assert {"cameo_base", "cameo_root", "num_sources"} <= set(rows[0])


# POLECAT's published column order (its weekly files' header), the columns eventscribe
# writes are a subset of it, in this order
POLECAT_ORDER = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
]  # fmt: skip


def test_the_polecat_layout_has_polecats_names_in_polecats_order(
    filled: EventStore, tmp_path: Path
) -> None:
    out = tmp_path / "polecat.tsv"
    written = filled.export(out, fmt="csv", layout="polecat")
    header = out.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert header == list(POLECAT_HEADER)
    assert [POLECAT_ORDER.index(name) for name in header] == sorted(
        POLECAT_ORDER.index(name) for name in header
    )
    rows = eventscribe.read_events(out).to_pylist()
    assert len(rows) == written == filled.fetch("SELECT count(*) AS n FROM events")[0]["n"]
    mutual = next(r for r in rows if ";" in (r["Actor Name"] or ""))
    assert mutual["Actor Name"].split(";") == mutual["Recipient Name"].split(";")  # both sides
    assert set(mutual["Actor Country"].split(";")) == {"SRB", "XKX"}
    aid = next(r for r in rows if r["Event Type"] == "AID")
    stored = filled.fetch("SELECT quad_class FROM events WHERE event_id = ?", [aid["Event ID"]])
    assert (aid["Quad Code"], aid["Actor Country"]) == (stored[0]["quad_class"], "EUR")
