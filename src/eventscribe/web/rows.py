"""Event rows shaped for the API and the pages (shared by the SQL and the indexed paths).

A row is a dict with the columns of :data:`EVENT_COLUMNS`; :func:`shape_event` nests the
actors, cuts the sentence into highlighted pieces and attaches the document, so an
event looks the same whichever path found it.
"""

from __future__ import annotations

import json
from typing import Any

from eventscribe.web.highlight import evidence_segments

EVENT_FIELDS = (
    "e.event_id, e.doc_id, e.event_date, e.date_precision, e.plover_type, e.plover_mode, "
    "e.cameo_code, e.quad_class, e.intensity, e.goldstein, e.negated, e.confidence, "
    "e.source_name, e.source_country, e.source_sector, e.source_code, e.source_text, "
    "e.source_start, e.source_end, "
    "e.target_name, e.target_country, e.target_sector, e.target_code, e.target_text, "
    "e.target_start, e.target_end, "
    "e.trigger_text, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end, "
    "e.sentence_text, e.location, e.explanation, e.mutual, e.paired_cameo"
)
# every actor of each role, in text order, as a list of structs ("sources", "targets")
ACTOR_LISTS = ("sources", "targets")
EVENT_COLUMNS = EVENT_FIELDS + "".join(
    ", (SELECT list(struct_pack(name := a.name, country := a.country, sector := a.sector, "
    'code := a.code, text := a.text, start := a.start, "end" := a."end") ORDER BY a.position) '
    f"FROM event_actors AS a WHERE a.event_id = e.event_id AND a.role = '{role}') AS {role}s"
    for role in ("source", "target")
)
# The document fields an indexed event row carries (so a list needs no join).
DOC_FIELDS = "doc_title, doc_date, doc_url, doc_source"


def row_document(row: dict[str, Any]) -> dict[str, Any]:
    """The document fields an indexed row carries, shaped as the documents table gives them."""
    return {"doc_id": row["doc_id"], "title": row["doc_title"], "date": row["doc_date"],
            "url": row["doc_url"], "source": row["doc_source"]}  # fmt: skip


def shape_event(row: dict[str, Any], doc: dict[str, Any] | None) -> dict[str, Any]:
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
        # every actor of the act, in text order ("aid for Chad and Niger" has two targets)
        "sources": row["sources"] or ([source] if source else []),
        "targets": row["targets"] or ([target] if target else []),
        "mutual": bool(row["mutual"]),
        "paired_cameo": row["paired_cameo"],
        "trigger": {
            "text": row["trigger_text"],
            "start": row["trigger_start"],
            "end": row["trigger_end"],
        },
        "sentence": {
            "text": row["sentence_text"],
            "start": row["sentence_start"],
            "end": row["sentence_end"],
        },
        "segments": evidence_segments(row),
        "location": decode_json(row["location"]),
        "explanation": row.get("explanation"),
        "document": doc,
        **({"cluster_id": row["cluster_id"]} if "cluster_id" in row else {}),
    }


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row[f"{role}_name"] is None and row[f"{role}_text"] is None:
        return None
    fields = ("name", "country", "sector", "code", "text", "start", "end")
    return {f: row[f"{role}_{f}"] for f in fields}


def decode_json(value: str | None) -> Any:
    """A stored JSON string decoded (None stays None; text that is not JSON is kept as is)."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value
