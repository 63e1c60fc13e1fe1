"""Turn coded documents into column-oriented Arrow tables, one per store table.

Rows are gathered column by column so that a whole batch of documents goes into DuckDB
with one ``INSERT ... SELECT`` per table rather than one statement per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import pyarrow as pa

from eventscribe.errors import StoreError
from eventscribe.records import Actor, CodedDocument, Event, Span
from eventscribe.store.schema import arrow_schema, column_names


def dedupe_documents(docs: Iterable[CodedDocument]) -> list[CodedDocument]:
    """Keep the last document for each ``doc_id`` (a later coding replaces an earlier one)."""
    latest: dict[str, CodedDocument] = {}
    for doc in docs:
        latest.pop(doc.article.doc_id, None)
        latest[doc.article.doc_id] = doc
    return list(latest.values())


def build_tables(docs: Sequence[CodedDocument], run_id: str) -> dict[str, pa.Table]:
    """Arrow tables for every per-document store table, built from ``docs``."""
    rows: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in ("documents", "sentences", "events", "actors", "times", "quotes", "decisions")
    }
    for doc in docs:
        rows["documents"].append(_document_row(doc, run_id))
        rows["sentences"].extend(_sentence_rows(doc))
        rows["events"].extend(_event_rows(doc, run_id))
        rows["actors"].extend(_actor_rows(doc))
        rows["times"].extend(_time_rows(doc))
        rows["quotes"].extend(
            {"doc_id": doc.article.doc_id, "data": _to_json(q, doc, "quotes")} for q in doc.quotes
        )
        rows["decisions"].extend({"doc_id": doc.article.doc_id, **d} for d in doc.decisions)
    return {name: _to_table(name, table_rows) for name, table_rows in rows.items()}


def _to_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    columns = column_names(table)
    data = {name: [row[name] for row in rows] for name in columns}
    return pa.Table.from_pydict(data, schema=arrow_schema(table))


def _document_row(doc: CodedDocument, run_id: str) -> dict[str, Any]:
    art = doc.article
    return {
        "doc_id": art.doc_id,
        "date": art.date,
        "title": art.title,
        "url": art.url,
        "source": art.source,
        "origin": art.origin,
        "text": art.text,
        "n_sentences": len(doc.sentences),
        "n_events": len(doc.events),
        "run_id": run_id,
    }


def _sentence_rows(doc: CodedDocument) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.article.doc_id,
            "sentence_index": i,
            "start": s.start,
            "end": s.end,
            "text": s.text,
        }
        for i, s in enumerate(doc.sentences)
    ]


def _event_rows(doc: CodedDocument, run_id: str) -> list[dict[str, Any]]:
    index_of = {(s.start, s.end): i for i, s in enumerate(doc.sentences)}
    seen: set[str] = set()
    rows = []
    for event in doc.events:
        if event.event_id in seen:
            raise StoreError(
                f"document {doc.article.doc_id!r} has two events with id {event.event_id!r}",
                fix="event ids must be unique; this is a bug in the coding stage, please report it",
            )
        seen.add(event.event_id)
        rows.append(_event_row(doc, event, index_of, run_id))
    return rows


def _event_row(
    doc: CodedDocument, event: Event, index_of: dict[tuple[int, int], int], run_id: str
) -> dict[str, Any]:
    sent = event.sentence
    row: dict[str, Any] = {
        "event_id": event.event_id,
        "doc_id": doc.article.doc_id,
        "sentence_index": index_of.get((sent.start, sent.end)),
        "event_date": event.date,
        "date_precision": event.date_precision,
        "plover_type": event.type,
        "plover_mode": event.mode,
        "cameo_code": event.cameo,
        "quad_class": event.quad,
        "intensity": event.intensity,
        "goldstein": event.goldstein,
        "negated": event.negated,
        "confidence": event.confidence,
        **_actor_fields("source", event.source),
        **_actor_fields("target", event.target),
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": sent.start,
        "sentence_end": sent.end,
        "sentence_text": _slice(doc.article.text, sent),
        "location": None if event.location is None else _to_json(event.location, doc, "location"),
        "timing": event.timing,
        "explanation": event.explanation,
        "run_id": run_id,
    }
    return row


def _slice(text: str, span: Span) -> str:
    """The sentence as it stands in the article (offsets are into the original text)."""
    return text[span.start : span.end]


def _actor_fields(role: str, actor: Actor | None) -> dict[str, Any]:
    fields = ("text", "start", "end", "name", "country", "sector", "code")
    return {f"{role}_{f}": None if actor is None else getattr(actor, f) for f in fields}


def _actor_rows(doc: CodedDocument) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.article.doc_id,
            "start": a.start,
            "end": a.end,
            "text": a.text,
            "name": a.name,
            "country": a.country,
            "sector": a.sector,
            "code": a.code,
            "evidence": a.evidence,
        }
        for a in doc.actors
    ]


def _time_rows(doc: CodedDocument) -> list[dict[str, Any]]:
    return [
        {
            "doc_id": doc.article.doc_id,
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "value": t.value,
            "precision": t.precision,
        }
        for t in doc.times
    ]


def _to_json(value: Any, doc: CodedDocument, field: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError) as exc:
        raise StoreError(
            f"document {doc.article.doc_id!r}: field {field!r} cannot be stored as JSON ({exc})",
            fix="pass plain dicts/lists/strings/numbers in this field",
        ) from exc
