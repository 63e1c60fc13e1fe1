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
        for path in (
            "/document/doc-x",
            f"/event/{event_id}",
            "/dyad?a=SRB&b=XKX",
            "/actor?name=Serbia",
        ):
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


def test_only_http_urls_become_links(script_server: LiveServer) -> None:
    with httpx.Client(base_url=script_server.url) as http:
        event_id = http.get("/api/events").json()["items"][0]["event_id"]
        for path in ("/document/doc-x", f"/event/{event_id}"):
            html = http.get(path).text
            assert 'href="javascript:' not in html, path
            assert "javascript:alert(&#39;url&#39;)" in html, path  # still shown, as text


@pytest.mark.parametrize("url", ["https://example.org/a?b=1", "http://x.org", " HTTPS://x.org/p "])
def test_safe_link_keeps_web_urls(url: str) -> None:
    from eventscribe.web.security import safe_link

    assert safe_link(url) == url.strip()


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x",
                                 "//evil.org/x", "/local", "http:no-host", "", None, "http://[::1"])  # fmt: skip
def test_safe_link_refuses_everything_else(url: str | None) -> None:
    from eventscribe.web.security import safe_link

    assert safe_link(url) is None


def test_every_response_carries_security_headers(script_server: LiveServer) -> None:
    with httpx.Client(base_url=script_server.url) as http:
        for path in (
            "/",
            "/document/doc-x",
            "/api/events",
            "/api/events",
            "/static/app.css",
            "/no-such-page",
        ):
            headers = http.get(path).headers
            csp = headers["content-security-policy"]
            assert "script-src 'self';" in csp and "'unsafe-inline'" not in csp, path
            assert "frame-ancestors 'none'" in csp, path
            assert headers["x-content-type-options"] == "nosniff", path
            assert headers["referrer-policy"] == "no-referrer", path
            assert headers["x-frame-options"] == "DENY", path


def test_host_header_checked_against_bound_names(script_store: Path) -> None:
    from fastapi.testclient import TestClient

    from eventscribe.web import create_app
    from eventscribe.web.security import allowed_hosts_for

    app = create_app(
        script_store, allowed_hosts=allowed_hosts_for("127.0.0.1", ["events.example.org"])
    )
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/events").status_code == 200
        assert client.get("/api/events", headers={"host": "localhost:8000"}).status_code == 200
        assert client.get("/api/events", headers={"host": "[::1]:8000"}).status_code == 200
        assert client.get("/", headers={"host": "events.example.org"}).status_code == 200
        refused = client.get("/api/events", headers={"host": "attacker.example:8000"})
        error = refused.json()["error"]
        assert refused.status_code == 400 and "Host" in error["message"] and error["fix"]
        assert refused.headers["x-frame-options"] == "DENY"


@pytest.mark.slow
def test_browser_runs_no_javascript_url_and_csp_breaks_no_page(
    script_server: LiveServer, page
) -> None:  # type: ignore[no-untyped-def]
    violations: list[str] = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{script_server.url}/document/doc-x")
    assert page.locator("a[href^='javascript:']").count() == 0
    page.goto(f"{script_server.url}/dyad?a=SRB&b=XKX&by=month")
    page.wait_for_selector("#chart .main-svg")
    assert violations == []
