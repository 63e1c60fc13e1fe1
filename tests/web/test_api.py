"""The HTTP API over real requests: filters, paging, one event, dyad series, read-only."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import LiveServer

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def http(sample_server: LiveServer):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=sample_server.url, timeout=30) as client:
        yield client


def test_events_filter_by_dyad_and_date(http: httpx.Client) -> None:
    body = http.get("/api/events", params={"source": "SRB", "target": "XKX"}).json()
    assert body["total"] >= 1 and body["total_exact"]
    # any of the event's sources and any of its targets ("Serbia and Kosovo agreed" is one
    # mutual event, found from either side)
    assert all(
        "SRB" in {a["country"] for a in e["sources"]}
        and "XKX" in {a["country"] for a in e["targets"]}
        for e in body["items"]
    )
    november = http.get("/api/events", params={"start": "2022-11-01", "end": "2022-11-30"}).json()
    assert november["items"] and all(e["date"].startswith("2022-11") for e in november["items"])
    dates = [e["date"] for e in november["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_events_page_through_without_overlap(http: httpx.Client) -> None:
    first = http.get("/api/events", params={"limit": 5}).json()
    second = http.get("/api/events", params={"limit": 5, "offset": 5}).json()
    ids = [e["event_id"] for e in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 10 and first["total"] > 10


def test_type_quad_and_text_filters(http: httpx.Client) -> None:
    agree = http.get("/api/events", params={"type": "AGREE", "quad": "1"}).json()["items"]
    assert agree and {e["type"] for e in agree} == {"AGREE"}
    found = http.get("/api/events", params={"q": "licence plates"}).json()["items"]
    assert found and all("licence plates" in e["sentence"]["text"].lower() for e in found)


def test_one_event_has_evidence_and_mentions(http: httpx.Client) -> None:
    some = http.get("/api/events", params={"source": "SRB", "limit": 1}).json()["items"][0]
    event = http.get(f"/api/events/{some['event_id']}").json()
    pieces = {p["role"]: p["text"] for p in event["segments"] if p["role"]}
    assert pieces["trigger"] == event["trigger"]["text"]
    assert "".join(p["text"] for p in event["segments"]) == event["sentence"]["text"]
    assert event["mentions"][0]["event_id"] == event["event_id"]
    assert event["document"]["date"] and event["document"]["doc_id"] == event["doc_id"]
    assert http.get("/api/events/no-such-event").status_code == 404


def test_dyad_series_and_documents(http: httpx.Client) -> None:
    series = http.get("/api/dyad/SRB/XKX", params={"by": "week"}).json()
    assert series["side_a"] == ["SRB"] and series["total"] == sum(
        p["events"] for p in series["points"]
    )
    assert http.get("/api/dyad/SRB/XKX", params={"by": "year"}).status_code == 422
    docs = http.get("/api/documents", params={"limit": 3}).json()
    assert docs["total"] == 12 and len(docs["items"]) == 3
    one = http.get(f"/api/documents/{docs['items'][0]['doc_id']}").json()
    assert one["text"] and isinstance(one["events"], list)
    assert http.get("/api/actors", params={"country": "SRB"}).json()[0]["events"] >= 1
    assert http.get("/api/quotes").json()["total"] >= 0


def test_bad_values_are_422_and_sql_stays_data(http: httpx.Client) -> None:
    assert http.get("/api/events", params={"start": "yesterday"}).status_code == 422
    assert http.get("/api/events", params={"quad": "7"}).status_code == 422
    assert http.get("/api/events", params={"limit": 0}).status_code == 422
    sneaky = http.get("/api/events", params={"country": "SRB') OR 1=1 --", "q": "%' OR '1'='1"})
    assert sneaky.status_code == 200 and sneaky.json()["total"] == 0


@pytest.mark.parametrize("value", ["2023-13-45", "2023-02-30", "2023-00", "2023-04-31"])
@pytest.mark.parametrize("path", ["/api/events", "/api/documents", "/api/types", "/"])
def test_impossible_dates_are_422_naming_the_parameter(
    http: httpx.Client, path: str, value: str
) -> None:
    for name in ("start", "end"):
        answer = http.get(path, params={name: value})
        assert answer.status_code == 422, (path, name, value)
        assert name in answer.text and value in answer.text


def test_real_dates_still_pass(http: httpx.Client) -> None:
    for value in ("2024-02-29", "2022-11", "2022"):
        assert http.get("/api/events", params={"start": value}).status_code == 200


def test_read_only_and_documented(http: httpx.Client) -> None:
    assert http.post("/api/events", json={}).status_code == 405
    assert http.delete("/api/events/x").status_code == 405
    schema = http.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/dyad/{side_a}/{side_b}"} <= set(
        schema["paths"]
    )
