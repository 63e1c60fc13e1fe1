"""Quick summaries over a store: events by dyad and date, and counts by event type.

These are the views a user wants first after a run ("who did what to whom, and when"),
as plain rows plus a plain-text rendering for the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import Any, NamedTuple

from eventscribe.store import EventStore

_NONE = "-"


class DyadRow(NamedTuple):
    """One event in the dyad summary. ``event_date`` falls back to the document date."""

    source_country: str | None
    target_country: str | None
    event_date: str | None
    plover_type: str
    cameo_code: str
    source_name: str | None
    target_name: str | None
    trigger_text: str


# The event date, or the document's publication date when the event carries none.
_DYAD_SQL = """
SELECT e.source_country, e.target_country,
       COALESCE(e.event_date, CAST(d.date AS VARCHAR)) AS event_date,
       e.plover_type, e.cameo_code, e.source_name, e.target_name, e.trigger_text
FROM dyads AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id
WHERE ? OR NOT COALESCE(e.negated, FALSE)
ORDER BY e.source_country NULLS LAST, e.target_country NULLS LAST,
         COALESCE(e.event_date, CAST(d.date AS VARCHAR)) NULLS LAST,
         e.doc_id, e.sentence_start, e.trigger_start, e.event_id
"""


def dyad_summary(store: EventStore, *, include_negated: bool = True) -> list[DyadRow]:
    """Every event as a :class:`DyadRow`, ordered by dyad (source, target country) then date.

    With ``include_negated=False`` events coded as negated ("did not attack") are left out.
    """
    rows = store.fetch(_DYAD_SQL, [include_negated])
    return [DyadRow(**row) for row in rows]


def counts_by_type(store: EventStore) -> dict[str, int]:
    """Number of events per PLOVER type, most frequent first (ties by name)."""
    rows = store.fetch(
        "SELECT plover_type, count(*) AS n FROM events "
        "GROUP BY plover_type ORDER BY n DESC, plover_type"
    )
    return {row["plover_type"]: int(row["n"]) for row in rows}


def format_dyad_summary(rows: Iterable[Sequence[Any]]) -> str:
    """A plain-text table of ``rows`` grouped by dyad ("SRB -> XKX").

    Each event line shows date, type, CAMEO code, "source_name -> target_name" and the
    trigger; a missing value (no target, no date) shows as "-". Rows are expected in
    :func:`dyad_summary` order; consecutive rows with the same dyad share a heading.
    """
    events = [DyadRow(*row) for row in rows]
    if not events:
        return "no events"
    widths = _column_widths(events)
    blocks = []
    for (src, tgt), group in groupby(events, key=lambda r: (r.source_country, r.target_country)):
        members = list(group)
        noun = "event" if len(members) == 1 else "events"
        lines = [f"{_text(src)} -> {_text(tgt)}  ({len(members)} {noun})"]
        lines.extend(_event_line(row, widths) for row in members)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _text(value: str | None) -> str:
    return _NONE if value is None or value == "" else str(value)


def _cells(row: DyadRow) -> tuple[str, str, str, str, str]:
    who = f"{_text(row.source_name)} -> {_text(row.target_name)}"
    return (
        _text(row.event_date),
        _text(row.plover_type),
        _text(row.cameo_code),
        who,
        _text(row.trigger_text),
    )


def _column_widths(rows: list[DyadRow]) -> list[int]:
    cells = [_cells(r) for r in rows]
    return [max(len(c[i]) for c in cells) for i in range(4)]


def _event_line(row: DyadRow, widths: list[int]) -> str:
    cells = _cells(row)
    padded = [cell.ljust(width) for cell, width in zip(cells, widths)]
    return "  " + "  ".join([*padded, cells[4]]).rstrip()
