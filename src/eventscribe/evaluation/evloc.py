"""Scoring event locations against "evloc" gold (one event verb, where it happened).

The predicted event whose trigger overlaps the gold ``verb`` span is *found* (the
first in the document's event list when several do). It is *right* when its
``location`` span overlaps one of the gold ``locations``, or, when the gold has no
location (the sentence does not say where), when its ``location`` is null.

Reported: event found share (of all cases), location accuracy (right, of found
events), located right (of found events with a gold location), null right (of found
events without one); the same for the ``tune`` and ``check`` halves of the file
(:func:`eventscribe.evaluation.halves.half_of`).

A check of the gold itself comes with them: ``gold_locations_off_words`` counts gold
location spans that are empty or cut a word (a file that gives token positions where
character offsets are due has many), and ``located_right_on_words`` is located right
over the found events whose gold locations all fall on words. The scores above still
count every span as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from eventscribe.evaluation.gold import GoldCase
from eventscribe.evaluation.halves import HALVES, half_of
from eventscribe.evaluation.matching import overlaps, ratio, span_of


@dataclass(frozen=True)
class _Outcome:
    found: bool
    has_gold_location: bool
    right: bool
    gold_on_words: bool = True


def off_words(text: str, start: int, end: int) -> bool:
    """The span ``[start, end)`` of ``text`` is empty or starts or ends inside a word."""
    if not text[start:end].strip():
        return True
    cuts_start = 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()
    cuts_end = 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return cuts_start or cuts_end


def _found_event(case: GoldCase, doc: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if case.verb is None:
        return None
    for event in (doc or {}).get("events") or []:
        trigger = span_of(event.get("trigger")) if isinstance(event, dict) else None
        if trigger is not None and overlaps(*case.verb, *trigger):
            return dict(event)
    return None


def _outcome(case: GoldCase, doc: Mapping[str, Any] | None) -> _Outcome:
    event = _found_event(case, doc)
    has_gold = bool(case.locations)
    on_words = not any(off_words(case.text, s, e) for s, e in case.locations)
    if event is None:
        return _Outcome(
            found=False, has_gold_location=has_gold, right=False, gold_on_words=on_words
        )
    location = event.get("location")
    span = span_of(location) if isinstance(location, dict) else None
    if has_gold:
        right = span is not None and any(overlaps(*span, s, e) for s, e in case.locations)
    else:
        right = location is None
    return _Outcome(found=True, has_gold_location=has_gold, right=right, gold_on_words=on_words)


def _summary(outcomes: list[_Outcome]) -> dict[str, Any]:
    found = [o for o in outcomes if o.found]
    located = [o for o in found if o.has_gold_location]
    unlocated = [o for o in found if not o.has_gold_location]
    on_words = [o for o in located if o.gold_on_words]
    return {
        "cases": len(outcomes),
        "with_gold_location": sum(o.has_gold_location for o in outcomes),
        "found": len(found),
        "event_found": ratio(len(found), len(outcomes)),
        "location_accuracy": ratio(sum(o.right for o in found), len(found)),
        "located_right": ratio(sum(o.right for o in located), len(located)),
        "found_with_gold_location": len(located),
        "null_right": ratio(sum(o.right for o in unlocated), len(unlocated)),
        "found_without_gold_location": len(unlocated),
        "located_right_on_words": ratio(sum(o.right for o in on_words), len(on_words)),
    }


def score_evloc(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Event found share, location accuracy, located right and null right (also per half)."""
    cases = list(cases)
    outcomes = [_outcome(case, predictions.get(case.id)) for case in cases]
    halves = {
        half: [o for c, o in zip(cases, outcomes) if half_of(c.id) == half] for half in HALVES
    }
    spans = [(case.text, s, e) for case in cases for s, e in case.locations]
    return {
        "kind": "evloc",
        **_summary(outcomes),
        "gold_locations": len(spans),
        "gold_locations_off_words": sum(off_words(*span) for span in spans),
        "missing_predictions": sum(case.id not in predictions for case in cases),
        "halves": {half: _summary(items) for half, items in halves.items()},
    }
