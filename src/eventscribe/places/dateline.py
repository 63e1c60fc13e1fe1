"""The article's dateline place ("KABUL, May 3 (Reuters) -"): where its events happened
when their own sentence does not say."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from eventscribe.places.located import EventLocation

if TYPE_CHECKING:  # the tagger imports this module
    from eventscribe.places.tagger import Place

# "KABUL, May 3 (Reuters) -", "PARIS (AFP) --", "Kabul, Afghanistan -": a place of up
# to four capitalised words at the very start, then a dash (or, for a place written in
# capitals, a comma)
_NAME = r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_NAME})(?:, {_NAME})?(?:,? [A-Z][a-z]{{2,8}}\.? \d{{1,2}})?"
    r"(?: ?\([A-Za-z .]+\))?(?P<end>\s+[-–—]+\s|,\s)"
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """The character span of the place that opens ``text`` as a dateline ("KABUL" in
    "KABUL, May 3 (Reuters) -"), or None when the text does not open with one."""
    match = _DATELINE.match(text)
    if match is None or (match.group("end").startswith(",") and not match.group("place").isupper()):
        return None
    return match.span("place")


def dateline_location(text: str, places: Sequence[Place]) -> EventLocation | None:
    """The article's dateline place ("KABUL, May 3 (Reuters) -", "Paris (AFP) --"), or
    None when the text does not open with one."""
    span = dateline_span(text)
    if span is None:
        return None
    start, end = span
    place = next((p for p in places if p.start < end and start < p.end), None)
    if place is None or place.start < start or place.demonym:
        return None
    return EventLocation(place.start, place.end, place.text, place, "dateline")
