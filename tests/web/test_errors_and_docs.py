"""Every API error in one shape, {"error": {"code", "message", "fix"}}, with the status
its cause calls for; and the API docs page renders with the network blocked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventscribe.web import create_app
from tests.web.conftest import LiveServer, block_other_hosts


@pytest.fixture
def client(script_store: Path):  # type: ignore[no-untyped-def]
    with TestClient(create_app(script_store, cache_mb=0), raise_server_exceptions=False) as opened:
        yield opened


def _error(answer, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert answer.status_code == status, answer.text[:300]
    body = answer.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fix"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_an_impossible_date_is_a_bad_parameter(client: TestClient) -> None:
    error = _error(client.get("/api/events", params={"start": "2022-13-01"}), 422, "bad_parameter")
    assert "2022-13-01" in error["message"]


def test_a_parameter_out_of_range_names_the_parameter(client: TestClient) -> None:
    error = _error(client.get("/api/events", params={"limit": 0}), 422, "bad_parameter")
    assert "limit" in error["message"] and error["fix"]


def test_an_unknown_id_or_path_is_not_found(client: TestClient) -> None:
    _error(client.get("/api/events/no-such-event"), 404, "not_found")
    _error(client.get("/api/no-such-route"), 404, "not_found")


def test_writing_is_refused_in_the_same_shape(client: TestClient) -> None:
    _error(client.post("/api/events", json={}), 405, "method_not_allowed")


def test_a_failing_store_is_a_server_error_not_a_bad_request(
    script_store: Path, tmp_path: Path
) -> None:
    store = tmp_path / "s.duckdb"
    shutil.copyfile(script_store, store)
    app = create_app(store, cache_mb=0)
    with TestClient(app, raise_server_exceptions=False) as client:
        # the served files go away under the running app (unmounted disk, deleted folder)
        shutil.rmtree(f"{store}.live")
        error = _error(client.get("/api/documents"), 500, "store_error")
    assert "query failed" in error["message"]


@pytest.mark.slow
def test_the_api_docs_render_offline(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    blocked = block_other_hosts(page, sample_server)
    refused: list[str] = []
    page.on(
        "console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.goto(sample_server.url + "/docs")
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)  # the operations are listed
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/events" in p for p in paths)
    assert blocked == [] and refused == []


def test_a_parameter_the_route_does_not_take_is_refused(client: TestClient) -> None:
    error = _error(client.get("/api/events", params={"strat": "2022-11-01"}), 422, "bad_parameter")
    assert "'strat'" in error["message"] and "start" in error["message"]  # says what it takes
    assert client.get("/api/events", params={"start": "2022-11-01"}).status_code == 200
