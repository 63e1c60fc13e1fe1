"""Property-based tests of the API parameters: any value is answered 200 or 422 with a
message, never a server error (few examples, so the suite stays fast)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventscribe.web import create_app

FEW = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
VALUES = st.one_of(st.text(max_size=40), st.dates().map(str), st.integers(-10**30, 10**30).map(str),
                   st.sampled_from(["2023-13-45", "2023-02-30", "0000-00-00", "9999-12-31", "", "1,3", "%00", "'--"]))  # fmt: skip
ROUTES = ["/api/events", "/api/documents", "/api/actors", "/api/types", "/api/dyads", "/api/quotes",
          "/api/dyad/SRB/XKX", "/", "/dyad", "/actor"]  # fmt: skip
PARAMS = ["start", "end", "quad", "type", "country", "source", "target", "actor", "q", "doc_id", "limit",
          "offset", "by", "directed", "page", "a", "b", "name"]  # fmt: skip


@pytest.fixture(scope="module")
def client(script_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(script_store, cache_mb=0)) as opened:
        yield opened


@FEW
@given(st.sampled_from(ROUTES), st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4))
def test_any_parameters_are_answered_or_refused_never_a_server_error(
    client: TestClient, route: str, params: dict
) -> None:
    answer = client.get(route, params=params)
    assert answer.status_code in (200, 422), (route, params, answer.status_code, answer.text[:200])
    if answer.status_code == 422:
        error = answer.json()["error"]
        assert error["code"] == "bad_parameter" and error["message"]


@FEW
@given(st.text(min_size=1, max_size=60))
def test_any_path_id_is_found_or_404(client: TestClient, ident: str) -> None:
    for route in ("/api/events/", "/api/documents/", "/event/", "/document/"):
        answer = client.get(route + quote(ident, safe=""))
        assert answer.status_code in (200, 404, 422), (route, ident, answer.status_code)
