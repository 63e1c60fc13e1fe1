"""The API's and pages' queries: events, one event with its evidence and mentions, documents.

Every query binds user values as parameters; filters come from
:class:`~eventscribe.analysis.EventFilter`. Lists are paged with ``limit``/``offset`` and
return the total, so a client can page through them.
"""

from __future__ import annotations

import json
from typing import Any

from eventscribe.analysis.filters import EVENT_DATE_SQL, EventFilter, Reader, like_pattern
from eventscribe.web.highlight import evidence_segments

_FROM = "FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id"

EVENT_COLUMNS = (
    "e.event_id, e.doc_id, {date} AS event_date, e.date_precision, e.plover_type, e.plover_mode, "
    "e.cameo_code, e.quad_class, e.intensity, e.goldstein, e.negated, e.confidence, "
    "e.source_name, e.source_country, e.source_sector, e.source_code, e.source_text, "
    "e.source_start, e.source_end, "
    "e.target_name, e.target_country, e.target_sector, e.target_code, e.target_text, "
    "e.target_start, e.target_end, "
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, "
    "e.sentence_text, e.location, "
    "d.title AS doc_title, CAST(d.date AS VARCHAR) AS doc_date, d.url AS doc_url, "
    "d.source AS doc_source"
).format(date=EVENT_DATE_SQL)

_ORDER = f"ORDER BY {EVENT_DATE_SQL} DESC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"


def list_events(reader: Reader, flt: EventFilter, *, limit: int, offset: int) -> dict[str, Any]:
    """One page of events matching ``flt``, newest first, each with its highlighted sentence."""
    where, params = flt.where()
    total = reader.fetch(f"SELECT count(*) AS n {_FROM} WHERE {where}", params)[0]["n"]
    rows = reader.fetch(
        f"SELECT {EVENT_COLUMNS} {_FROM} WHERE {where} {_ORDER} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {"total": int(total), "limit": limit, "offset": offset, "items": [_event(r) for r in rows]}


def get_event(reader: Reader, event_id: str, *, clusters: bool) -> dict[str, Any] | None:
    """One event with its evidence, its document and every mention of it (or None)."""
    rows = reader.fetch(f"SELECT {EVENT_COLUMNS} {_FROM} WHERE e.event_id = ?", [event_id])
    if not rows:
        return None
    event = _event(rows[0])
    event["explanation"] = _one(reader, "SELECT explanation FROM events WHERE event_id = ?", event_id)
    event["mentions"] = mentions(reader, event_id, clusters=clusters)
    return event


def mentions(reader: Reader, event_id: str, *, clusters: bool) -> list[dict[str, Any]]:
    """The stored events that report the same happening: its cross-article cluster when the
    store has one (table ``event_clusters``), else the event alone."""
    if clusters:
        rows = reader.fetch(
            f"SELECT {EVENT_COLUMNS}, c.cluster_id {_FROM} "
            "JOIN event_clusters AS c ON c.event_id = e.event_id "
            "WHERE c.cluster_id IN (SELECT cluster_id FROM event_clusters WHERE event_id = ?) "
            "ORDER BY d.date NULLS LAST, e.doc_id, e.trigger_start, e.event_id",
            [event_id],
        )
        if rows:
            return [_event(r) for r in rows]
    rows = reader.fetch(f"SELECT {EVENT_COLUMNS} {_FROM} WHERE e.event_id = ?", [event_id])
    return [_event(r) for r in rows]


def list_documents(
    reader: Reader, *, text: str | None, start: str | None, end: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """One page of documents (no full text), newest first; ``text`` searches the titles."""
    parts, params = ["TRUE"], []
    if text:
        parts.append("d.title ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(text))
    if start:
        parts.append("d.date >= TRY_CAST(? AS DATE)")
        params.append(start)
    if end:
        parts.append("d.date <= TRY_CAST(? AS DATE)")
        params.append(end)
    where = " AND ".join(parts)
    total = reader.fetch(f"SELECT count(*) AS n FROM documents AS d WHERE {where}", params)[0]["n"]
    rows = reader.fetch(
        "SELECT d.doc_id, CAST(d.date AS VARCHAR) AS date, d.title, d.url, d.source, "
        f"d.n_sentences, d.n_events FROM documents AS d WHERE {where} "
        "ORDER BY d.date DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {"total": int(total), "limit": limit, "offset": offset, "items": rows}


def get_document(reader: Reader, doc_id: str) -> dict[str, Any] | None:
    """One document with its full text, its events and its quotes (or None)."""
    rows = reader.fetch(
        "SELECT doc_id, CAST(date AS VARCHAR) AS date, title, url, source, origin, text, "
        "n_sentences, n_events FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not rows:
        return None
    doc = rows[0]
    doc["events"] = list_events(reader, EventFilter(doc_id=doc_id), limit=1000, offset=0)["items"]
    doc["quotes"] = list_quotes(reader, doc_id=doc_id, limit=1000, offset=0)["items"]
    return doc


def list_quotes(reader: Reader, *, doc_id: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Quotes as stored (``data`` decoded from JSON), optionally of one document."""
    where, params = ("q.doc_id = ?", [doc_id]) if doc_id else ("TRUE", [])
    total = reader.fetch(f"SELECT count(*) AS n FROM quotes AS q WHERE {where}", params)[0]["n"]
    rows = reader.fetch(
        f"SELECT q.doc_id, q.data FROM quotes AS q WHERE {where} "
        "ORDER BY q.doc_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    items = [{"doc_id": r["doc_id"], "data": _json(r["data"])} for r in rows]
    return {"total": int(total), "limit": limit, "offset": offset, "items": items}


def _event(row: dict[str, Any]) -> dict[str, Any]:
    """An events row shaped for the API: actors nested, the sentence cut into highlights."""
    source, target = _actor(row, "source"), _actor(row, "target")
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["event_date"],
        "date_precision": row["date_precision"],
        "type": row["plover_type"],
        "mode": row["plover_mode"],
        "cameo": row["cameo_code"],
        "quad": row["quad_class"],
        "intensity": row["intensity"],
        "goldstein": row["goldstein"],
        "negated": row["negated"],
        "confidence": row["confidence"],
        "source": source,
        "target": target,
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "sentence": {"text": row["sentence_text"], "start": row["sentence_start"], "end": row["sentence_end"]},
        "segments": evidence_segments(row),
        "location": _json(row["location"]),
        "document": {
            "doc_id": row["doc_id"], "title": row["doc_title"], "date": row["doc_date"],
            "url": row["doc_url"], "source": row["doc_source"],
        },  # fmt: skip
        **({"cluster_id": row["cluster_id"]} if "cluster_id" in row else {}),
    }


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row[f"{role}_name"] is None and row[f"{role}_text"] is None:
        return None
    fields = ("name", "country", "sector", "code", "text", "start", "end")
    return {f: row[f"{role}_{f}"] for f in fields}


def _one(reader: Reader, sql: str, value: Any) -> Any:
    rows = reader.fetch(sql, [value])
    return next(iter(rows[0].values())) if rows else None


def _json(value: str | None) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value
