"""Small helpers for reading coded events in tests."""

from __future__ import annotations

from eventscribe.records import Event
from eventscribe.records import dyads as dyad_rows


def dyads(events: tuple[Event, ...]) -> set[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of each dyad row of the events."""
    return {
        (
            e.type,
            row.source.country if row.source else None,
            row.target.country if row.target else None,
        )
        for e in events
        for row in dyad_rows(e)
    }
