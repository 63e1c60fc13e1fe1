"""Mentions follow event_clusters when the store has them; the dyad and serve commands."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import ModuleType

import duckdb
from click.testing import CliRunner
from fastapi.testclient import TestClient

from eventscribe.cli import main
from eventscribe.store import EventStore
from eventscribe.web import create_app


def _two_reports(path: Path, factories: ModuleType) -> tuple[str, str]:
    """The same accusation reported by two articles; returns the two event ids."""
    first, second = factories.accusation_doc("doc-1"), factories.accusation_doc("doc-2")
    with EventStore(path) as store:
        store.write([first, second], run=factories.RUN)
    return first.events[0].event_id, second.events[0].event_id


def test_without_clusters_an_event_is_its_only_mention(
    tmp_path: Path, factories: ModuleType
) -> None:
    store = tmp_path / "s.duckdb"
    first, _ = _two_reports(store, factories)
    with TestClient(create_app(store)) as client:
        mentions = client.get(f"/api/events/{first}").json()["mentions"]
    assert [m["event_id"] for m in mentions] == [first]


def test_with_clusters_every_report_is_a_mention(tmp_path: Path, factories: ModuleType) -> None:
    store = tmp_path / "s.duckdb"
    first, second = _two_reports(store, factories)
    with duckdb.connect(str(store)) as con:  # the table exists in newer stores; older ones lack it
        con.execute(
            "CREATE TABLE IF NOT EXISTS event_clusters (cluster_id VARCHAR, event_id VARCHAR, doc_id VARCHAR)"
        )
        con.execute(
            "INSERT INTO event_clusters VALUES ('c1', ?, 'doc-1'), ('c1', ?, 'doc-2')",
            [first, second],
        )
    with TestClient(create_app(store)) as client:
        body = client.get(f"/api/events/{second}").json()
        page = client.get(f"/event/{second}").text
    assert sorted(m["doc_id"] for m in body["mentions"]) == ["doc-1", "doc-2"]
    assert page.count('class="mention"') == 2


def test_dyad_command_prints_table_and_exports(tmp_path: Path, factories: ModuleType) -> None:
    store = tmp_path / "s.duckdb"
    with EventStore(store) as opened:
        doc = factories.accusation_doc()
        opened.write([doc, dataclasses.replace(factories.aid_doc())], run=factories.RUN)
    runner = CliRunner()
    shown = runner.invoke(main, ["dyad", "SRB", "XKX", "--store", str(store), "--by", "day"])
    assert shown.exit_code == 0, shown.output
    assert "2022-11-23" in shown.output and "most conflictual day: 2022-11-23" in shown.output
    out = tmp_path / "series.csv"
    saved = runner.invoke(
        main, ["dyad", "SRB", "XKX", "--store", str(store), "--format", "csv", "-o", str(out)]
    )
    assert saved.exit_code == 0 and out.read_text().startswith("period,events,")
    missing = runner.invoke(main, ["dyad", "SRB", "XKX", "--store", str(store), "--format", "csv"])
    assert missing.exit_code == 2 and "needs -o FILE" in missing.output


def test_help_shows_examples() -> None:
    runner = CliRunner()
    for command in ("dyad", "serve"):
        result = runner.invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output
    assert "127.0.0.1" in runner.invoke(main, ["serve", "--help"]).output


def test_an_event_with_a_code_outside_cameo_shows_no_none(
    tmp_path: Path, factories: ModuleType
) -> None:
    """A user's dictionary may code "[212]", which CAMEO and PLOVER lack: the event has
    no type, quad class 0 and no Goldstein score, and the pages say so rather than
    printing "None"."""
    doc = factories.accusation_doc()
    own = dataclasses.replace(
        doc.events[0], type="", mode=None, cameo="212", quad=0, goldstein=None
    )
    store = tmp_path / "s.duckdb"
    with EventStore(store) as opened:
        opened.write([dataclasses.replace(doc, events=(own,))], run=factories.RUN)
    with TestClient(create_app(store)) as client:
        body = client.get(f"/api/events/{own.event_id}").json()
        pages = [
            client.get(url).text
            for url in (
                "/",
                f"/event/{own.event_id}",
                "/dyad?a=SRB&b=XKX",
                f"/document/{own.doc_id}",
            )
        ]
    assert (body["cameo"], body["goldstein"]) == ("212", None)
    assert all(">None<" not in page and "None " not in page for page in pages)
    assert "none (a code outside CAMEO)" in pages[1] and "CAMEO 212" in pages[1]
