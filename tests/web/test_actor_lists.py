"""The API and pages show every actor of an event and find it by any of them."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest

from eventscribe.store import EventStore
from tests.web.conftest import LiveServer


@pytest.fixture(scope="module")
def lists_server(
    tmp_path_factory: pytest.TempPathFactory, factories: ModuleType
) -> Iterator[LiveServer]:
    path = tmp_path_factory.mktemp("lists") / "m.duckdb"
    with EventStore(path) as store:
        store.write([factories.mutual_doc()], run=factories.RUN)
    server = LiveServer(path)
    yield server
    server.stop()


def test_an_event_is_found_by_its_second_target_and_lists_every_actor(
    lists_server: LiveServer,
) -> None:
    with httpx.Client(base_url=lists_server.url) as http:
        body = http.get("/api/events", params={"target": "SRB", "type": "CONSULT"}).json()
        assert body["total"] == 1, "the visit's second target is Serbia"
        (visit,) = body["items"]
        assert [a["country"] for a in visit["targets"]] == ["XKX", "SRB"]
        assert visit["paired_cameo"] == "043" and visit["mutual"] is False
        agreed = http.get("/api/events", params={"type": "AGREE"}).json()["items"][0]
        assert agreed["mutual"] is True and {a["country"] for a in agreed["sources"]} == {
            "SRB",
            "XKX",
        }
        page = http.get(f"/event/{visit['event_id']}").text
        assert "Targets" in page and "Pristina" in page and "Belgrade" in page
        assert "each other" in http.get(f"/event/{agreed['event_id']}").text
