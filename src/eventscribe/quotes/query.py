"""Reading quotes back from the store, by speaker."""

from __future__ import annotations

import json
from typing import Any

QUOTES_SQL = """
SELECT q.doc_id, CAST(d.date AS VARCHAR) AS doc_date, q.data
FROM quotes AS q JOIN documents AS d USING (doc_id)
WHERE ? IS NULL
   OR lower(json_extract_string(q.data, '$.speaker.name')) LIKE ?
   OR lower(json_extract_string(q.data, '$.speaker.text')) LIKE ?
ORDER BY d.date NULLS LAST, q.doc_id, CAST(json_extract(q.data, '$.start') AS INTEGER)
"""


def list_quotes(store: Any, *, actor: str | None = None) -> list[dict[str, Any]]:
    """Quotes in the store (optionally only those whose speaker's name contains
    ``actor``, case-insensitive), in date order, each with its doc_id and doc_date."""
    pattern = f"%{actor.lower()}%" if actor else None
    rows = store.fetch(QUOTES_SQL, (pattern, pattern, pattern))
    quotes = []
    for row in rows:
        data = row["data"] if isinstance(row["data"], dict) else json.loads(row["data"])
        quotes.append({"doc_id": row["doc_id"], "doc_date": row["doc_date"], **data})
    return quotes


def format_quotes(quotes: list[dict[str, Any]]) -> str:
    """One block per quote: date, speaker with country and sector, and the words."""
    if not quotes:
        return "no quotes"
    lines = []
    for quote in quotes:
        speaker = quote.get("speaker") or {}
        who = speaker.get("name") or "unknown speaker"
        codes = " ".join(c for c in (speaker.get("country"), speaker.get("sector")) if c)
        lines.append(
            f"{quote['doc_date'] or '-'}  {who} [{codes or '?'}]  {quote['kind']} ({quote['cue']})"
            f"  {quote['doc_id']}"
        )
        lines.append(f"    {quote['text']}")
    return "\n".join(lines)
