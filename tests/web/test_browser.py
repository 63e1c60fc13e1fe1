"""The dashboard in headless Chromium on a store coded from the bundled sample."""

from __future__ import annotations

import pytest

from tests.web.conftest import LiveServer

pytestmark = pytest.mark.slow


def test_pick_a_dyad_see_chart_table_and_an_event(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(sample_server.url + "/")
    page.click("#dyads a.dyad-link:text('SRB – XKX')")
    page.wait_for_selector("#chart .main-svg")
    assert "a=SRB" in page.url and "b=XKX" in page.url
    assert page.locator("#chart .bars path").count() >= 1  # plotly drew bars
    rows = page.locator("#events tr.event-row")
    assert rows.count() >= 1
    assert rows.first.locator("mark.trigger").count() == 1
    rows.first.locator("a.open").click()
    page.wait_for_selector("#evidence")
    trigger = page.inner_text("#evidence mark.trigger")
    assert trigger and trigger in page.inner_text("#evidence")
    assert page.locator("#mentions li.mention").count() >= 1


def test_filters_live_in_the_url(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(sample_server.url + "/dyad?a=SRB&b=XKX&by=month")
    page.select_option("select[name=quad]", "3")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#chart .main-svg")
    assert "quad=3" in page.url and "by=month" in page.url
    quads = page.locator("#events tr.event-row .quad").all_inner_texts()
    assert quads and set(quads) == {"verbal conflict"}
    page.reload()
    assert page.locator("select[name=quad]").input_value() == "3"


def test_actor_page_lists_its_events(sample_server: LiveServer, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(sample_server.url + "/actor?name=Aleksandar%20Vucic")
    assert page.inner_text("h1") == "Aleksandar Vucic"
    assert page.locator("#events tr.event-row").count() >= 1
    assert "Vucic" in page.inner_text("#events")
