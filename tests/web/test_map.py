"""The map page: located events as points, a click lists their events (network blocked)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventscribe.web import create_app
from tests.web.conftest import LiveServer, block_other_hosts

pytestmark = pytest.mark.slow


def test_map_api_gives_points_with_their_events(sample_store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(sample_store)) as client:
        data = client.get("/api/map").json()
        brussels = next(p for p in data["points"] if p["name"] == "Brussels")
        assert brussels["country"] == "BEL" and abs(brussels["lat"] - 50.85) < 0.01
        assert brussels["events"] == len(brussels["items"]) >= 1
        assert all(item["sentence_text"] for item in brussels["items"])
        assert data["unplaced"] > 0
        conflict = client.get("/api/map", params={"quad": "4"}).json()
        assert all(p["quad"] == 4 for p in conflict["points"])


def test_document_api_lists_its_places(sample_store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(sample_store)) as client:
        doc = client.get("/api/documents/2022-11-24-serbia-kosovo-plate-deal").json()
        brussels = next(p for p in doc["places"] if p["name"] == "Brussels")
        assert brussels["country"] == "BEL" and brussels["feature"] == "city"
        assert doc["text"][brussels["start"] : brussels["end"]] == brussels["text"]
        deal = next(e for e in doc["events"] if e["trigger"]["text"] == "struck the deal")
        assert deal["location"]["name"] == "Brussels" and deal["location"]["precision"] == "city"


def test_dyad_page_links_to_its_map(sample_store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(sample_store)) as client:
        page = client.get("/dyad", params={"a": "SRB", "b": "XKX", "quad": "1"}).text
        assert 'href="/map?a=SRB&amp;b=XKX&amp;quad=1"' in page
        scoped = client.get("/map", params={"a": "SRB", "b": "XKX", "quad": "1"}).text
        assert "SRB &ndash; XKX" in scoped and 'name="a" value="SRB"' in scoped


def test_click_a_point_and_see_its_events_offline(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    blocked = block_other_hosts(page, sample_server)
    page.goto(sample_server.url + "/map")
    page.wait_for_selector("#map path.country")
    assert page.locator("#map path.country").count() > 100  # the shipped base map drew
    point = page.locator("#map circle.pt[data-name='Brussels']")
    assert point.count() == 1
    point.dispatch_event("click")
    page.wait_for_selector("#map-events li.map-event")
    assert "Brussels" in page.inner_text("#map-place")
    first = page.locator("#map-events li.map-event").first
    assert first.locator("mark.trigger").count() == 1
    assert "Brussels" in first.inner_text()
    assert blocked == []


def test_map_filters_live_in_the_url(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(sample_server.url + "/map")
    page.select_option("select[name=quad]", "1")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#map svg")
    assert "quad=1" in page.url
    classes = page.locator("#map circle.pt").evaluate_all(
        "nodes => nodes.map(n => n.getAttribute('class'))"
    )
    assert classes and set(classes) == {"pt q1"}
