"""The API's and pages' queries: events, one event with its evidence and mentions, documents.

Every query binds user values as parameters; filters come from
:class:`~eventscribe.analysis.EventFilter`. Lists are paged with ``limit``/``offset`` and
return the total, so a client can page through them.
"""

from __future__ import annotations

from typing import Any

from eventscribe.analysis.filters import STORE_SOURCE, EventFilter, Reader, like_pattern
from eventscribe.web import indexed
from eventscribe.web.index import EventIndex
from eventscribe.web.indexbuild import DOCUMENT_COLUMNS
from eventscribe.web.rows import EVENT_COLUMNS as _EVENT_COLUMNS
from eventscribe.web.rows import decode_json as _json
from eventscribe.web.rows import row_document, shape_event

# Totals above this are reported as "at least": counting stops there (``total_exact``).
TOTAL_CAP = 10_000
_STORE_ORDER = (
    "ORDER BY {date} DESC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
)


def list_events(reader: Reader, flt: EventFilter, *, limit: int, offset: int) -> dict[str, Any]:
    """One page of events matching ``flt``, newest first, each with its highlighted sentence.

    ``total`` counts the matches up to :data:`TOTAL_CAP`; ``total_exact`` says whether
    it is the exact number. A reader with an event index (the web app's) answers
    from it; any other reads the store with SQL.
    """
    index = _index(reader)
    found = (
        indexed.match(index, flt, max(TOTAL_CAP + 1, offset + limit)) if index is not None else None
    )
    if found is not None and index is not None:
        counted = len(found)
        rows = [shape_event(r, row_document(r)) for r in index.rows(found[offset : offset + limit])]
    else:
        counted, rows = _events_by_sql(reader, flt, limit=limit, offset=offset)
    return {
        "total": min(counted, TOTAL_CAP),
        "total_exact": counted <= TOTAL_CAP,
        "limit": limit,
        "offset": offset,
        "items": rows,
    }


def _index(reader: Reader) -> EventIndex | None:
    return getattr(reader, "index", None)


def _events_by_sql(
    reader: Reader, flt: EventFilter, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """A capped count, then the page by LIMIT/OFFSET, from the store's own tables."""
    where, params = flt.where(STORE_SOURCE)
    counted = reader.fetch(
        f"SELECT count(*) AS n FROM (SELECT 1 {STORE_SOURCE.from_sql} WHERE {where} "
        f"LIMIT {TOTAL_CAP + 1})",
        params,
    )[0]["n"]
    order = _STORE_ORDER.format(date=STORE_SOURCE.date_sql)
    sql = f"SELECT {_EVENT_COLUMNS} {STORE_SOURCE.from_sql} WHERE {where} {order} LIMIT ? OFFSET ?"
    return int(counted), _with_documents(reader, reader.fetch(sql, [*params, limit, offset]))


def get_event(reader: Reader, event_id: str, *, clusters: bool) -> dict[str, Any] | None:
    """One event with its evidence, its document and every mention of it (or None)."""
    index = _index(reader)
    if index is not None:
        position = index.event_position(event_id)
        if position is None:
            return None
        row = index.rows([position])[0]
        event = shape_event(row, row_document(row))
    else:
        rows = reader.fetch(
            f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.event_id = ?", [event_id]
        )
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
        found = _cluster_mentions(reader, event_id)
        if found:
            return sorted(
                found,
                key=lambda m: (
                    m["document"]["date"] or "9999",
                    m["doc_id"],
                    m["trigger"]["start"] or 0,
                ),
            )
    if alone is not None:
        return [dict(alone)]
    rows = reader.fetch(
        f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.event_id = ?", [event_id]
    )
    return _with_documents(reader, rows)


def _cluster_mentions(reader: Reader, event_id: str) -> list[dict[str, Any]]:
    """The events of ``event_id``'s cluster: their ids from ``event_clusters``, their rows
    from the event index when the reader has one (else one SQL join)."""
    index = _index(reader)
    if index is None:
        rows = reader.fetch(
            f"SELECT {_EVENT_COLUMNS}, c.cluster_id FROM events AS e "
            "JOIN event_clusters AS c ON c.event_id = e.event_id "
            "WHERE c.cluster_id IN (SELECT cluster_id FROM event_clusters WHERE event_id = ?)",
            [event_id],
        )
        return _with_documents(reader, rows) if rows else []
    members = reader.fetch(
        "SELECT event_id, cluster_id FROM event_clusters WHERE cluster_id IN "
        "(SELECT cluster_id FROM event_clusters WHERE event_id = ?)",
        [event_id],
    )
    found = []
    for member in members:
        position = index.event_position(member["event_id"])
        if position is not None:
            row = index.rows([position])[0]
            found.append(
                {**shape_event(row, row_document(row)), "cluster_id": member["cluster_id"]}
            )
    return found


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
    return [shape_event(r, docs.get(r["doc_id"])) for r in rows]


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
    """One document with its full text, its events, quotes and places (or None)."""
    index = _index(reader)
    if index is not None:
        doc = index.document(doc_id)
    else:
        rows = reader.fetch(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE doc_id = ?", [doc_id])
        doc = rows[0] if rows else None
    if doc is None:
        return None
    shown = {k: doc[k] for k in ("doc_id", "title", "date", "url", "source")}
    doc["events"] = [shape_event(r, dict(shown)) for r in _document_events(reader, doc_id)]
    quotes = reader.fetch(
        "SELECT q.doc_id, q.data FROM quotes AS q WHERE q.doc_id = ? LIMIT 1000", [doc_id]
    )
    doc["quotes"] = [{"doc_id": r["doc_id"], "data": _json(r["data"])} for r in quotes]
    doc["places"] = reader.fetch(
        'SELECT start, "end", text, name, geonameid, lat, lon, country, feature, admin1 '
        'FROM places WHERE doc_id = ? ORDER BY start, "end" LIMIT 10000',
        [doc_id],
    )
    return doc


def _document_events(reader: Reader, doc_id: str) -> list[dict[str, Any]]:
    """The document's event rows by sentence, trigger and id (nulls last, as in SQL)."""
    index = _index(reader)
    if index is None:
        return reader.fetch(
            f"SELECT {_EVENT_COLUMNS} FROM events AS e WHERE e.doc_id = ? "
            "ORDER BY e.sentence_start, e.trigger_start, e.event_id",
            [doc_id],
        )
    rows = index.rows(index.by_doc.get(doc_id))
    return sorted(
        rows,
        key=lambda r: (
            *_nulls_last(r["sentence_start"]),
            *_nulls_last(r["trigger_start"]),
            r["event_id"],
        ),
    )


def _nulls_last(value: int | None) -> tuple[bool, int]:
    return value is None, value or 0


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
