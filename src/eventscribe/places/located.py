"""The record of where an event happened (see :mod:`eventscribe.places.location`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # no import cycle: the tagger imports the dateline, which imports this
    from eventscribe.places.tagger import Place


# precision of a location by the kind of gazetteer entry that gives its point
PRECISION = {
    "country": "country",
    "admin1": "admin1",
    "region": "region",
    "continent": "region",
    "water": "region",
    "city": "city",
    "facility": "city",  # a named site at the point of the town it is in (places.facilities)
}


@dataclass(frozen=True)
class EventLocation:
    """Where an event happened: a span of the text, its place when the gazetteer knows
    it, and how precise its point is (country, admin1, region, city, dateline; None
    when the name has no coordinates)."""

    start: int
    end: int
    text: str
    place: Place | None
    precision: str | None

    def to_contract(self) -> dict[str, Any]:
        """The event's ``location`` as the output contract carries it."""
        if self.place is not None:
            where = self.place.to_contract()
        else:
            where = {
                "name": self.text,
                "country": None,
                "lat": None,
                "lon": None,
                "geonameid": None,
            }
        return {
            **where,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "precision": self.precision,
        }
