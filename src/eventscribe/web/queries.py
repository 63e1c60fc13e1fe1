"""The API's and pages' queries: events, one event with its evidence and mentions, documents.

Every query binds user values as parameters; filters come from
:class:`~eventscribe.analysis.EventFilter`. Lists are paged with ``limit``/``offset`` and
return the total, so a client can page through them.
"""

from __future__ import annotations

import json
from typing import Any

from eventscribe.analysis.filters import (
    STORE_SOURCE,
    EventFilter,
    Reader,
    Source,
    like_pattern,
    source_for,
)
from eventscribe.web.db import PAGE_TABLE
from eventscribe.web.highlight import evidence_segments

# Totals above this are reported as "at least": counting stops there (``total_exact``).
TOTAL_CAP = 10_000
# Pages ending within this many matches are found in the same scan that counts them.
POSITIONS_CAP = 50_000
_DOC_FIELDS = "e.doc_title, e.doc_date, e.doc_url, e.doc_source"

_EVENT_COLUMNS = (
    "e.event_id, e.doc_id, e.event_date, e.date_precision, e.plover_type, e.plover_mode, "
    "e.cameo_code, e.quad_class, e.intensity, e.goldstein, e.negated, e.confidence, "
    "e.source_name, e.source_country, e.source_sector, e.source_code, e.source_text, "
    "e.source_start, e.source_end, "
    "e.target_name, e.target_country, e.target_sector, e.target_code, e.target_text, "
    "e.target_start, e.target_end, "
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, "
    "e.sentence_text, e.location, e.explanation"
)
_STORE_ORDER = (
    "ORDER BY {date} DESC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
)


def list_events(reader: Reader, flt: EventFilter, *, limit: int, offset: int) -> dict[str, Any]:
    """One page of events matching ``flt``, newest first, each with its highlighted sentence.

    ``total`` counts the matches up to :data:`TOTAL_CAP`; ``total_exact`` says whether
    it is the exact number.
    """
    source = source_for(reader, flt)
    if source is STORE_SOURCE or offset + limit > POSITIONS_CAP:
        counted, rows = _events_by_offset(reader, flt, source, limit=limit, offset=offset)
    else:
        counted, rows = _events_by_position(reader, flt, source, limit=limit, offset=offset)
    return {
        "total": min(counted, TOTAL_CAP),
        "total_exact": counted <= TOTAL_CAP,
        "limit": limit,
        "offset": offset,
        "items": rows,
    }


def _events_by_position(
    reader: Reader, flt: EventFilter, source: Source, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """From the app's read copies: one scan finds the (capped) count and the page's
    positions ``rn`` together, then the page's rows, document fields included, are read
    from the newest-first copy by position (a narrow range of it)."""
    where, params = flt.where(source)
    wanted = max(TOTAL_CAP + 1, offset + limit)
    order = "ORDER BY e.rn " if source.pair_columns else ""  # the by-date copy is in rn order
    found = reader.fetch(
        f"WITH m AS (SELECT e.rn {source.from_sql} WHERE {where} {order}LIMIT {wanted}), "
        "k AS (SELECT rn, row_number() OVER (ORDER BY rn) AS k FROM m) "
        "SELECT (SELECT count(*) FROM m) AS n, "
        "(SELECT list(rn ORDER BY rn) FROM k WHERE k > ? AND k <= ?) AS page",
        [*params, offset, offset + limit],
    )[0]
    positions = found["page"] or []
    if not positions:
        return int(found["n"]), []
    rows = reader.fetch(
        f"SELECT {_EVENT_COLUMNS}, {_DOC_FIELDS} FROM {PAGE_TABLE} AS e "
        "WHERE e.rn BETWEEN ? AND ? AND list_contains(?::BIGINT[], e.rn) ORDER BY e.rn",
        [positions[0], positions[-1], positions],
    )
    return int(found["n"]), [_event(r, _row_document(r)) for r in rows]


def _events_by_offset(
    reader: Reader, flt: EventFilter, source: Source, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """A capped count, then the page by LIMIT/OFFSET (the store itself, or deep pages)."""
    where, params = flt.where(source)
    counted = reader.fetch(
        f"SELECT count(*) AS n FROM (SELECT 1 {source.from_sql} WHERE {where} LIMIT {TOTAL_CAP + 1})",
        params,
    )[0]["n"]
    if source is STORE_SOURCE:
        order = _STORE_ORDER.format(date=source.date_sql)
        sql = f"SELECT {_EVENT_COLUMNS} {source.from_sql} WHERE {where} {order} LIMIT ? OFFSET ?"
        return int(counted), _with_documents(reader, reader.fetch(sql, [*params, limit, offset]))
    order = "ORDER BY e.rn " if source.pair_columns else ""
    positions = [
        r["rn"]
        for r in reader.fetch(
            f"SELECT e.rn {source.from_sql} WHERE {where} {order}LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]
    rows = reader.fetch(
        f"SELECT {_EVENT_COLUMNS}, {_DOC_FIELDS} FROM {PAGE_TABLE} AS e "
        "WHERE e.rn IN (SELECT unnest(?::BIGINT[])) ORDER BY e.rn",
        [positions],
    ) if positions else []  # fmt: skip
    return int(counted), [_event(r, _row_document(r)) for r in rows]


def _row_document(row: dict[str, Any]) -> dict[str, Any]:
    """The document fields a read-copy row carries, shaped as :func:`_with_documents` does."""
    return {"doc_id": row["doc_id"], "title": row["doc_title"], "date": row["doc_date"],
            "url": row["doc_url"], "source": row["doc_source"]}  # fmt: skip


def get_event(reader: Reader, event_id: str, *, clusters: bool) -> dict[str, Any] | None:
    """One event with its evidence, its document and every mention of it (or None)."""
    rows = reader.fetch(f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.event_id = ?", [event_id])
    if not rows:
        return None
    event = _with_documents(reader, rows)[0]
    event["mentions"] = mentions(reader, event_id, clusters=clusters, alone=event)
    return event


def mentions(
    reader: Reader, event_id: str, *, clusters: bool, alone: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The stored events that report the same happening: its cross-article cluster when the
    store has one (table ``event_clusters``), else the event alone (``alone`` when the
    caller has already read it)."""
    if clusters:
        rows = reader.fetch(
            f"SELECT {_EVENT_COLUMNS}, c.cluster_id FROM events AS e "
            "JOIN event_clusters AS c ON c.event_id = e.event_id "
            "WHERE c.cluster_id IN (SELECT cluster_id FROM event_clusters WHERE event_id = ?)",
            [event_id],
        )
        if rows:
            found = _with_documents(reader, rows)
            return sorted(found, key=lambda m: (m["document"]["date"] or "9999", m["doc_id"], m["trigger"]["start"] or 0))
    if alone is not None:
        return [dict(alone)]
    rows = reader.fetch(f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.event_id = ?", [event_id])
    return _with_documents(reader, rows)


def _with_documents(reader: Reader, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` shaped by :func:`_event`, each with its document's title, date, url, source."""
    doc_ids = sorted({r["doc_id"] for r in rows})
    docs = {
        d["doc_id"]: d
        for d in reader.fetch(
            "SELECT doc_id, title, CAST(date AS VARCHAR) AS date, url, source FROM documents "
            "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [doc_ids],
        )
    } if doc_ids else {}  # fmt: skip
    return [_event(r, docs.get(r["doc_id"])) for r in rows]


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
    events = reader.fetch(
        f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.doc_id = ? "
        "ORDER BY e.sentence_start, e.trigger_start, e.event_id",
        [doc_id],
    )
    shown = {k: doc[k] for k in ("doc_id", "title", "date", "url", "source")}
    doc["events"] = [_event(r, dict(shown)) for r in events]
    quotes = reader.fetch(
        "SELECT q.doc_id, q.data FROM quotes AS q WHERE q.doc_id = ? LIMIT 1000", [doc_id]
    )
    doc["quotes"] = [{"doc_id": r["doc_id"], "data": _json(r["data"])} for r in quotes]
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


def _event(row: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
    """An events row shaped for the API: actors nested, the sentence cut into highlights.

    ``date`` is the event's date, else its document's publication date.
    """
    source, target = _actor(row, "source"), _actor(row, "target")
    doc = doc or {"doc_id": row["doc_id"], "title": None, "date": None, "url": None, "source": None}
    return {
        "event_id": row["event_id"],
        "doc_id": row["doc_id"],
        "date": row["event_date"] or doc["date"],
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
        "explanation": row.get("explanation"),
        "document": doc,
        **({"cluster_id": row["cluster_id"]} if "cluster_id" in row else {}),
    }


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row[f"{role}_name"] is None and row[f"{role}_text"] is None:
        return None
    fields = ("name", "country", "sector", "code", "text", "start", "end")
    return {f: row[f"{role}_{f}"] for f in fields}


def _json(value: str | None) -> Any:
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value
