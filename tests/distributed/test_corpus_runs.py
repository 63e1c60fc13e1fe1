"""Corpus runs through `eventscribe code`: quarantine, re-runs, changed documents, workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscribe.cli import main
from eventscribe.store import EventStore

pytestmark = pytest.mark.slow

GOOD = [
    {"id": "a", "date": "2024-02-01", "text": "Kenya accused Uganda of closing the border."},
    {"id": "b", "date": "2024-02-01", "text": "Norway praised Finland for the rescue at sea."},
]
# Longer than the parser's limit, which the test lowers to 5,000 characters (the CLI
# caps --max-chars at spaCy's 1,000,000, so no document can reach the parser's limit
# through it): the parser raises on it.
HUGE = {"id": "huge", "date": "2024-02-01", "text": "Kenya accused Uganda. " * 300}
PARSER_LIMIT = 5_000


class _Heard:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def problem(self, problem) -> None: ...
    def skipped_done(self, count: int) -> None: ...
    def batch(self, result) -> None: ...

    def quarantined(self, item) -> None:
        self.lines.append(f"quarantined {item.origin}: {item.reason}")


def code(*args: str | Path):
    return CliRunner().invoke(main, ["code", *map(str, args)], catch_exceptions=False)


def write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def rows(store: Path, sql: str) -> list[dict]:
    with EventStore(store, read_only=True) as opened:
        return opened.fetch(sql)


def test_a_document_that_breaks_a_stage_is_quarantined_and_the_run_goes_on(tmp_path) -> None:
    from eventscribe.config import Settings
    from eventscribe.ingest import read_inputs
    from eventscribe.pipeline import Coder
    from eventscribe.runner import CorpusOptions, run_corpus
    from eventscribe.store import RunInfo

    corpus = write(tmp_path / "in.jsonl", [GOOD[0], HUGE, GOOD[1]])
    coder = Coder.build(Settings())
    coder.nlp.max_length = PARSER_LIMIT
    store_path = tmp_path / "s.duckdb"
    for attempt in ("first", "again"):  # retried on the second run, still bad
        heard = _Heard()
        with EventStore(store_path) as store:
            run = RunInfo(attempt, "2024-01-01T00:00:00+00:00", "", "", "", "")
            run_corpus(read_inputs([corpus]), coder, CorpusOptions(), heard, store=store, run=run)
        [line] = heard.lines
        assert line.startswith(f"quarantined {corpus}:2: coding failed: ValueError: [E088]")
        assert [
            r["doc_id"] for r in rows(store_path, "SELECT doc_id FROM documents ORDER BY 1")
        ] == ["a", "b"]
        [bad] = rows(store_path, "SELECT * FROM quarantine")
        assert (
            bad["doc_id"] == "huge" and bad["origin"] == f"{corpus}:2" and "E088" in bad["reason"]
        )


def test_a_changed_document_is_coded_again_and_an_unchanged_one_is_not(tmp_path) -> None:
    store = tmp_path / "s.duckdb"
    assert code(write(tmp_path / "in.jsonl", GOOD), "--store", store, "-q").exit_code == 0
    changed = [GOOD[0], {**GOOD[1], "text": "Norway criticized Finland over the fishing quota."}]
    result = code(write(tmp_path / "in.jsonl", changed), "--store", store)
    assert result.exit_code == 0
    assert "coded 1 documents" in result.stderr
    assert "1 documents were already in the store unchanged" in result.stderr
    [doc] = rows(store, "SELECT text FROM documents WHERE doc_id = 'b'")
    assert "criticized" in doc["text"]
    recoded = code(tmp_path / "in.jsonl", "--store", store, "--recode")
    assert "coded 2 documents" in recoded.stderr


def test_two_worker_processes_write_the_same_store_and_jsonl_order(tmp_path) -> None:
    corpus = write(tmp_path / "in.jsonl", [{**GOOD[i % 2], "id": f"d{i:03d}"} for i in range(150)])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert code(corpus, "--format", "jsonl", "-o", one, "-q").exit_code == 0
    assert code(corpus, "--format", "jsonl", "-o", two, "-q", "--workers", "2").exit_code == 0
    assert one.read_text() == two.read_text()
    assert [json.loads(x)["id"] for x in two.read_text().splitlines()] == [
        f"d{i:03d}" for i in range(150)
    ]
