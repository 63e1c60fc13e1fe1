"""``eventscribe actors list|show|edit|merge`` on a real store."""

from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from eventscribe.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actors")
    docs = folder / "docs.jsonl"
    docs.write_text(
        json.dumps(
            {
                "id": "a",
                "date": "2023-03-01",
                "text": "Moldovan President Maia Invented praised Romania.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    path = folder / "s.duckdb"
    assert CliRunner().invoke(main, ["code", str(docs), "--store", str(path), "-q"]).exit_code == 0
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_list_shows_what_the_articles_taught(store):
    out = run("actors", "list", "--store", str(store), "--source", "learned")
    assert "Maia Invented" in out and "MDA" in out and "learned from a" in out


def test_show_lists_the_stored_mentions_with_evidence(store):
    out = run("actors", "show", "Invented", "--store", str(store))
    assert "stored mention" in out and "'Moldovan' -> MDA" in out


def test_edit_changes_the_code_used_by_the_next_run(store, tmp_path):
    run(
        "actors",
        "edit",
        "Maia Invented",
        "--country",
        "ROU",
        "--sector",
        "LEG",
        "--store",
        str(store),
    )
    later = tmp_path / "later.jsonl"
    later.write_text(
        json.dumps({"id": "b", "date": "2023-04-01", "text": "Invented criticised Russia."}) + "\n",
        encoding="utf-8",
    )
    out = run("code", str(later), "--store", str(store), "--format", "jsonl", "-q")
    line = json.loads(next(x for x in out.splitlines() if x.startswith("{")))
    assert [(e["source"]["country"], e["source"]["sector"]) for e in line["events"]] == [
        ("ROU", "LEG")
    ]


def test_merge_needs_a_known_actor(store):
    result = CliRunner().invoke(
        main, ["actors", "merge", "Nobody Known", "N. Known", "--store", str(store)]
    )
    assert result.exit_code != 0 and "actors edit" in result.output


def test_list_names_the_first_document_of_an_undated_corpus(tmp_path):
    docs = tmp_path / "docs.jsonl"
    text = "Moldovan President Maia Invented praised Romania."
    docs.write_text(
        "".join(json.dumps({"id": i, "text": text}) + "\n" for i in ("u2", "u1")), encoding="utf-8"
    )
    path = tmp_path / "s.duckdb"
    assert CliRunner().invoke(main, ["code", str(docs), "--store", str(path), "-q"]).exit_code == 0
    out = run("actors", "list", "--store", str(path), "--source", "learned")
    assert "learned from u1" in out and "None" not in out


def test_an_edit_recodes_only_the_documents_that_mention_the_actor(tmp_path):
    docs = tmp_path / "docs.jsonl"
    texts = {
        "mentions": "Maia Invented praised Romania.",
        "later": "Invented criticised Russia.",
        "other": "Serbia accused Kosovo of provocations.",
    }
    docs.write_text(
        "".join(
            json.dumps({"id": i, "date": "2023-03-01", "text": t}) + "\n" for i, t in texts.items()
        ),
        encoding="utf-8",
    )
    path = tmp_path / "s.duckdb"
    store = str(path)
    first = CliRunner().invoke(main, ["code", str(docs), "--store", store, "-q"])
    assert first.exit_code == 0, first.output
    with duckdb.connect(store, read_only=True) as con:
        first_runs = dict(con.execute("SELECT doc_id, run_id FROM documents").fetchall())
    run("actors", "edit", "Maia Invented", "--country", "ROU", "--sector", "LEG", "--store", store)
    again = CliRunner().invoke(main, ["code", str(docs), "--store", store])  # with its report
    assert again.exit_code == 0, again.output
    assert "2 stored documents mention an actor you corrected (Maia Invented)" in again.output
    assert "coded 2 documents" in again.output and "1 documents were already" in again.output
    with duckdb.connect(store, read_only=True) as con:
        sources = con.execute(
            "SELECT doc_id, source_country, source_sector FROM events ORDER BY doc_id"
        ).fetchall()
        runs = dict(con.execute("SELECT doc_id, run_id FROM documents").fetchall())
    assert ("mentions", "ROU", "LEG") in sources and ("later", "ROU", "LEG") in sources
    assert runs["other"] == first_runs["other"] != runs["later"]  # only the two were recoded
    third = CliRunner().invoke(main, ["code", str(docs), "--store", store])
    assert "mention an actor you corrected" not in third.output  # applied: nothing to redo
    assert "3 documents were already" in third.output
