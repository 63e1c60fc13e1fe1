"""Article text is shown as text: HTML in a stored article never reaches the page as markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import LiveServer


@pytest.fixture(scope="module")
def script_server(script_store: Path) -> Iterator[LiveServer]:
    server = LiveServer(script_store)
    yield server
    server.stop()


def test_pages_escape_article_title_and_actor_text(script_server: LiveServer) -> None:
    with httpx.Client(base_url=script_server.url) as http:
        event_id = http.get("/api/events").json()["items"][0]["event_id"]
        for path in ("/document/doc-x", f"/event/{event_id}", "/dyad?a=SRB&b=XKX", "/actor?name=Serbia"):
            html = http.get(path).text
            assert "<script>alert(" not in html, path
            assert "<b>provocations</b>" not in html and "<i>Kosovo</i>" not in html, path
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in http.get("/document/doc-x").text


@pytest.mark.slow
def test_browser_shows_script_as_text_and_runs_nothing(script_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{script_server.url}/document/doc-x")
    assert "<script>alert('x')</script>" in page.inner_text("#article-text")
    assert page.locator("#article-text b").count() == 0
    assert "<script>alert('title')</script>" in page.inner_text("h1")
    assert dialogs == []
