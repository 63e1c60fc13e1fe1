"""The API's fast paths give the same answers as plain queries over the store.

The web app answers event lists from its in-memory index (positions newest first,
document fields carried along) and keeps finished responses in a cache; these tests check
a user gets exactly what the store itself says, page by page, through the HTTP API
(tests/web/test_index.py compares the index with SQL filter by filter).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from eventscribe.analysis import EventFilter
from eventscribe.store import EventStore
from eventscribe.web import create_app, queries
from eventscribe.web.cache import ResponseCache

CASES = [
    ({}, {}, 0),
    ({"country": "SRB"}, {"countries": ("SRB",)}, 0),
    ({"source": "SRB", "target": "XKX", "start": "2018-01-01", "end": "2019-06-30"},
     {"sources": ("SRB",), "targets": ("XKX",), "start": "2018-01-01", "end": "2019-06-30"}, 0),
    ({"type": "ACCUSE", "start": "2020"}, {"types": ("ACCUSE",), "start": "2020"}, 20),
    ({"quad": "2"}, {"quads": (2,)}, 2_000),
    ({"q": "accuse xkx"}, {"text": "accuse xkx"}, 0),
    ({}, {}, 10_990),  # past the 10,000 cap on counting
]  # fmt: skip


@pytest.mark.parametrize(("params", "fields", "offset"), CASES)
def test_event_pages_match_the_store(
    generated_store: Path, params: dict, fields: dict, offset: int
) -> None:
    with EventStore(generated_store, read_only=True) as store:
        expected = queries.list_events(store, EventFilter(**fields), limit=30, offset=offset)
    with TestClient(create_app(generated_store, cache_mb=0)) as client:
        got = client.get("/api/events", params={**params, "limit": 30, "offset": offset}).json()
    assert [e["event_id"] for e in got["items"]] == [e["event_id"] for e in expected["items"]]
    assert (got["total"], got["total_exact"]) == (expected["total"], expected["total_exact"])
    assert got["items"] == expected["items"] and got["items"]  # same fields, document included


def test_dyad_pages_match_the_store(generated_store: Path) -> None:
    flt = EventFilter(dyad=(("SRB",), ("XKX",)))
    with EventStore(generated_store, read_only=True) as store:
        expected = queries.list_events(store, flt, limit=50, offset=100)
    with TestClient(create_app(generated_store)) as client:
        page = client.get("/dyad", params={"a": "SRB", "b": "XKX", "page": 3})
    assert page.status_code == 200
    assert all(e["event_id"] in page.text for e in expected["items"])


def test_a_repeated_api_call_is_answered_from_the_cache(generated_store: Path) -> None:
    with TestClient(create_app(generated_store)) as client:
        first = client.get("/api/events?country=SRB&limit=5")
        again = client.get("/api/events?country=SRB&limit=5")
        other = client.get("/api/events?country=SRB&limit=6")
    assert first.content == again.content and again.headers["content-type"] == "application/json"
    assert len(other.json()["items"]) == 6


def _counting_app(max_bytes: int) -> tuple[ResponseCache, list[str]]:
    calls: list[str] = []

    async def data(request: Request) -> JSONResponse:
        calls.append(str(request.url))
        return JSONResponse({"n": request.query_params.get("n"), "pad": "x" * 100})

    async def missing(request: Request) -> PlainTextResponse:
        calls.append(str(request.url))
        return PlainTextResponse("no", status_code=404)

    app = Starlette(
        routes=[Route("/api/data", data, methods=["GET", "POST"]), Route("/api/missing", missing)]
    )
    return ResponseCache(app, max_bytes=max_bytes), calls


def test_cache_keeps_only_successful_gets_and_stays_bounded() -> None:
    cache, calls = _counting_app(max_bytes=1_000)
    client = TestClient(cache)
    assert client.get("/api/data?n=1").json()["n"] == "1"
    assert client.get("/api/data?n=1").json()["n"] == "1"
    assert len(calls) == 1  # the second answer came from the cache
    client.post("/api/data?n=1")
    client.get("/api/missing")
    client.get("/api/missing")
    assert len(calls) == 4  # POSTs and errors always reach the app
    for n in range(20):
        client.get(f"/api/data?n={n}")
    assert cache.size_bytes <= 1_000 and 0 < len(cache) < 20


def test_cache_size_zero_turns_it_off() -> None:
    cache, calls = _counting_app(max_bytes=0)
    client = TestClient(cache)
    client.get("/api/data?n=1")
    client.get("/api/data?n=1")
    assert len(calls) == 2


def test_cache_starts_afresh_when_new_events_are_swapped_in() -> None:
    version = [0]
    calls: list[str] = []

    async def data(request: Request) -> JSONResponse:
        calls.append(str(request.url))
        if request.query_params.get("swap"):
            version[0] += 1  # a newer copy is swapped in while this answer is made
        return JSONResponse({"version": version[0]})

    app = Starlette(routes=[Route("/api/data", data)])
    client = TestClient(ResponseCache(app, max_bytes=10_000, version=lambda: version[0]))
    assert client.get("/api/data").json() == {"version": 0}
    assert client.get("/api/data").json() == {"version": 0} and len(calls) == 1  # cached
    version[0] += 1
    assert client.get("/api/data").json() == {"version": 1} and len(calls) == 2  # afresh
    client.get("/api/data?swap=1")  # made from the copy that was swapped out
    client.get("/api/data?swap=1")
    assert len(calls) == 4  # so it was not kept
