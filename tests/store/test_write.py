"""Writing documents: replace-not-duplicate, isolation between docs, rollback, runs."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

import eventscribe.store.eventstore as eventstore_module
from eventscribe.errors import StoreError
from eventscribe.store import EventStore

from .factories import RUN, accusation_doc, aid_doc

DOC_TABLES = ("documents", "sentences", "events", "actors", "times", "quotes")


def doc_counts(store: EventStore) -> dict[str, int]:
    counts = store.counts()
    return {t: counts[t] for t in DOC_TABLES}


def test_write_stores_every_part_of_the_document(store: EventStore) -> None:
    store.write([accusation_doc()], run=RUN)
    assert doc_counts(store) == {
        "documents": 1, "sentences": 2, "events": 2, "actors": 3, "times": 1, "quotes": 1,
    }  # fmt: skip
    doc = store.fetch("SELECT * FROM documents")[0]
    assert (doc["n_sentences"], doc["n_events"], doc["run_id"]) == (2, 2, "run-1")


def test_rewriting_a_document_replaces_instead_of_duplicating(store: EventStore) -> None:
    store.write([accusation_doc()], run=RUN)
    first = doc_counts(store)
    store.write([accusation_doc()], run=RUN)
    store.write([accusation_doc()], run=dataclasses.replace(RUN, run_id="run-2"))
    assert doc_counts(store) == first
    assert {r["run_id"] for r in store.fetch("SELECT run_id FROM events")} == {"run-2"}


def test_recoding_with_fewer_events_drops_the_stale_ones(store: EventStore) -> None:
    doc = accusation_doc()
    store.write([doc], run=RUN)
    store.write([dataclasses.replace(doc, events=doc.events[:1], actors=())], run=RUN)
    assert store.counts()["events"] == 1
    assert store.counts()["actors"] == 0


def test_rewriting_one_document_leaves_the_other_untouched(store: EventStore) -> None:
    store.write([accusation_doc(), aid_doc()], run=RUN)
    before = store.fetch("SELECT * FROM events WHERE doc_id = 'doc-b' ORDER BY event_id")
    store.write([accusation_doc()], run=dataclasses.replace(RUN, run_id="run-2"))
    after = store.fetch("SELECT * FROM events WHERE doc_id = 'doc-b' ORDER BY event_id")
    assert after == before
    assert store.counts()["documents"] == 2


def test_same_doc_twice_in_one_batch_keeps_the_later_one(store: EventStore) -> None:
    doc = accusation_doc()
    shorter = dataclasses.replace(doc, events=doc.events[:1])
    store.write([doc, shorter], run=RUN)
    assert store.counts()["events"] == 1


def test_sentence_text_is_sliced_from_the_article(store: EventStore) -> None:
    doc = accusation_doc()
    store.write([doc], run=RUN)
    row = store.fetch("SELECT * FROM events WHERE plover_type = 'ACCUSE'")[0]
    event = doc.events[0]
    assert row["sentence_text"] == doc.article.text[event.sentence.start : event.sentence.end]
    assert row["sentence_index"] == 0
    assert row["location"] is not None and "Pristina" in row["location"]


@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_failure_midway_rolls_back_and_keeps_previous_rows(
    store: EventStore, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    store.write([accusation_doc(), aid_doc()], run=RUN)
    before = {t: store.fetch(f"SELECT * FROM {t} ORDER BY ALL") for t in DOC_TABLES}
    real_insert = eventstore_module._insert_table

    def failing_insert(con, table, data):  # type: ignore[no-untyped-def]
        if table == "events":  # documents/sentences are already deleted and re-inserted
            raise error
        real_insert(con, table, data)

    monkeypatch.setattr(eventstore_module, "_insert_table", failing_insert)
    with pytest.raises(type(error)):
        store.write([accusation_doc()], run=dataclasses.replace(RUN, run_id="run-2"))
    after = {t: store.fetch(f"SELECT * FROM {t} ORDER BY ALL") for t in DOC_TABLES}
    assert after == before
    assert [r["run_id"] for r in store.runs()] == ["run-1"]
    monkeypatch.undo()  # the store stays usable after the rollback
    store.write([accusation_doc()], run=RUN)
    assert doc_counts(store) == {t: len(rows) for t, rows in before.items()}


def test_ctrl_c_inside_a_duckdb_statement_is_an_interruption_not_a_store_error(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB wraps a Ctrl-C that arrives while it reads a registered Arrow table in its
    own error; the run must stop as interrupted (and resume later), with nothing half-written."""
    store.write([accusation_doc()], run=RUN)
    before = doc_counts(store)

    def interrupted_insert(con, table, data):  # type: ignore[no-untyped-def]
        raise duckdb.InvalidInputException(
            "reading the schema of the object registered as '_doc_ids' failed: KeyboardInterrupt: "
        )

    monkeypatch.setattr(eventstore_module, "_insert_table", interrupted_insert)
    with pytest.raises(KeyboardInterrupt):
        store.write([aid_doc()], run=dataclasses.replace(RUN, run_id="run-2"))
    assert doc_counts(store) == before


def test_rows_survive_closing_and_reopening(store_path) -> None:  # type: ignore[no-untyped-def]
    with EventStore(store_path) as store:
        store.write([accusation_doc()], run=RUN)
    with EventStore(store_path, read_only=True) as store:
        assert store.counts()["events"] == 2


def test_read_only_store_refuses_writes(store_path) -> None:  # type: ignore[no-untyped-def]
    EventStore(store_path).close()
    with (
        EventStore(store_path, read_only=True) as store,
        pytest.raises(StoreError, match="read-only"),
    ):
        store.write([accusation_doc()], run=RUN)


def test_runs_are_recorded_with_their_totals(store: EventStore) -> None:
    store.start_run(RUN)
    store.write([accusation_doc()], run=RUN)
    store.finish_run(RUN.run_id, documents=1, events=2, problems=0)
    (run,) = store.runs()
    assert run["model"] == "en_core_web_sm" and run["model_version"] == "3.8.0"
    assert run["lexicon_fingerprint"] == "abc123"
    assert run["settings"] == {"min_confidence": 0.0, "batch_size": 32}
    assert run["command"] == "eventscribe code in.jsonl"
    assert (run["documents"], run["events"], run["problems"]) == (1, 2, 0)
    assert run["finished_at"] is not None


def test_write_without_start_run_still_records_the_run(store: EventStore) -> None:
    store.write([aid_doc()], run=RUN)
    assert [r["run_id"] for r in store.runs()] == ["run-1"]


def test_finishing_an_unknown_run_says_what_to_do(store: EventStore) -> None:
    with pytest.raises(StoreError, match="start_run"):
        store.finish_run("nope", documents=0, events=0, problems=0)
