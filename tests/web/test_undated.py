"""An undated corpus (a scrape with no dates): the reason is said, never "None"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventscribe.cli import main
from eventscribe.web import create_app

pytestmark = pytest.mark.slow

TEXTS = {
    "u2": "Serbia and Kosovo agreed to resume talks.",
    "u1": "Serbia accused Kosovo of provocations. Kosovo rejected the accusation from Serbia.",
}


@pytest.fixture(scope="module")
def undated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("undated")
    docs = folder / "docs.jsonl"
    docs.write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in TEXTS.items()), encoding="utf-8"
    )
    store = folder / "s.duckdb"
    result = CliRunner().invoke(main, ["code", str(docs), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    return store


def test_dyad_command_says_how_many_events_have_no_date(undated_store: Path) -> None:
    result = CliRunner().invoke(main, ["dyad", "SRB", "XKX", "--store", str(undated_store)])
    assert result.exit_code == 0, result.output
    assert "event(s) have no date" in result.output and "too coarsely" not in result.output


def test_dashboard_says_no_date_and_lists_events_in_document_order(undated_store: Path) -> None:
    with TestClient(create_app(undated_store)) as client:
        overview = client.get("/").text
        assert "None" not in overview and "no date" in overview
        page = client.get("/dyad", params={"a": "SRB", "b": "XKX"}).text
        assert "have no date" in page and "dated only to a month" not in page
        series = client.get("/api/dyad/SRB/XKX").json()
        assert series["undated"] >= 2 and series["too_coarse"] == 0
        events = client.get("/api/events", params={"country": "SRB"}).json()["items"]
        assert [e["doc_id"] for e in events] == sorted(e["doc_id"] for e in events)
