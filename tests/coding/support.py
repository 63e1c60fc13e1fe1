"""Small helpers for reading coded events in tests."""

from __future__ import annotations

from eventscribe.records import Event


def dyads(events: tuple[Event, ...]) -> set[tuple[str, str | None, str | None]]:
    """(type, source country, target country) of each event."""
    return {
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }
