"""Scoring event locations against "evloc" gold (one event verb, where it happened).

The predicted event whose trigger overlaps the gold ``verb`` span is *found* (the
first in the document's event list when several do). It is *right* when its
``location`` span overlaps one of the gold ``locations``, or, when the gold has no
location (the sentence does not say where), when its ``location`` is null.

Reported: event found share (of all cases), location accuracy (right, of found
events), located right (of found events with a gold location), null right (of found
events without one); the same for the ``tune`` and ``check`` halves of the file
(:func:`eventscribe.evaluation.halves.half_of`).
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
    if event is None:
        return _Outcome(found=False, has_gold_location=has_gold, right=False)
    location = event.get("location")
    span = span_of(location) if isinstance(location, dict) else None
    if has_gold:
        right = span is not None and any(overlaps(*span, s, e) for s, e in case.locations)
    else:
        right = location is None
    return _Outcome(found=True, has_gold_location=has_gold, right=right)


def _summary(outcomes: list[_Outcome]) -> dict[str, Any]:
    found = [o for o in outcomes if o.found]
    located = [o for o in found if o.has_gold_location]
    unlocated = [o for o in found if not o.has_gold_location]
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
    return {
        "kind": "evloc",
        **_summary(outcomes),
        "missing_predictions": sum(case.id not in predictions for case in cases),
        "halves": {half: _summary(items) for half, items in halves.items()},
    }
