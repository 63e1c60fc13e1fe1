"""Gold records: what a careful human coder found in a piece of text.

One :class:`GoldCase` per line of a gold file (or one for a whole article gold file).
Fields that a kind of gold file does not carry keep their empty default, so every
scorer reads the same record type. The formats are described in ``eval/FORMAT.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

GOLD_KINDS = ("events", "article", "quad", "roles", "times", "places", "evloc")


@dataclass(frozen=True)
class GoldActor:
    """One actor of a gold event; a compound actor is several of these."""

    country: str | None
    sector: str | None = None
    code: str | None = None
    text: str = ""


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``date`` is "YYYY-MM-DD", "YYYY-MM" or None.

    ``also_accepted`` (article gold only) lists other types accepted in its place.
    """

    type: str | None
    cameo: str | None = None
    mode: str | None = None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    date: str | None = None
    optional: bool = False
    also_accepted: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class MustNot:
    """An event a careful coder must not produce: this type from this source country."""

    type: str
    source_country: str | None
    why: str = ""


@dataclass(frozen=True)
class GoldTime:
    """A TimeML expression: ``type`` is DATE, TIME, DURATION or SET."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class GoldPlace:
    """A toponym with the coordinates of the place it refers to."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonameid: int | str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class GoldCase:
    """One scored piece of text. ``origin`` is "file:line" so reports can point to it."""

    id: str
    date: date | None
    text: str
    origin: str = ""
    events: tuple[GoldEvent, ...] = ()
    no_events: bool = False
    must_not: tuple[MustNot, ...] = ()
    quad: int | None = None
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()
    times: tuple[GoldTime, ...] = ()
    places: tuple[GoldPlace, ...] = ()
    # evloc: the span of one event trigger and the spans where that event happened
    verb: tuple[int, int] | None = None
    locations: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class GoldSet:
    """All cases of one gold file; ``kind`` says which scorer applies.

    ``problems`` names the gold items left out or renamed on loading (see ``load_gold``).
    """

    kind: str
    cases: list[GoldCase] = field(default_factory=list)
    path: Path | None = None
    problems: tuple[str, ...] = ()
