"""Scoring resolved places against "places" gold (toponyms with coordinates).

A gold toponym is *found* when a predicted place overlaps it (at least one shared
character); when several do, the one with the largest overlap (then the first) is
taken. Its *error* is the great-circle distance in km between the gold and the
predicted coordinates (haversine, mean Earth radius 6371 km); a found toponym where
either side has no coordinates has no error and does not count as within 161 km
(100 miles, the usual geoparsing threshold). A predicted place is correct (precision)
when it overlaps any gold toponym.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from typing import Any

from eventscribe.evaluation.gold import GoldCase, GoldPlace
from eventscribe.evaluation.matching import overlaps, ratio, span_of

EARTH_RADIUS_KM = 6371.0
WITHIN_KM = 161.0


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _coordinate(value: object) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def _predicted_places(
    doc: Mapping[str, Any] | None,
) -> list[tuple[int, int, float | None, float | None]]:
    found = []
    for item in (doc or {}).get("places") or []:
        span = span_of(item) if isinstance(item, dict) else None
        if span is not None:
            lat, lon = _coordinate(item.get("lat")), _coordinate(item.get("lon"))
            found.append((span[0], span[1], lat, lon))
    return found


def _error(
    gold: GoldPlace, preds: list[tuple[int, int, float | None, float | None]]
) -> tuple[bool, float | None]:
    """(found, error in km or None) of one gold toponym."""
    hits = [p for p in preds if overlaps(gold.start, gold.end, p[0], p[1])]
    if not hits:
        return False, None
    best = max(hits, key=lambda p: min(gold.end, p[1]) - max(gold.start, p[0]))
    if None in (gold.lat, gold.lon, best[2], best[3]):
        return True, None
    return True, haversine_km(gold.lat, gold.lon, best[2], best[3])  # type: ignore[arg-type]


def score_places(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Recall, precision, share within 161 km and mean/median error in km."""
    n = missing = gold_n = found = predicted = predicted_tp = 0
    errors: list[float] = []
    for case in cases:
        n += 1
        doc = predictions.get(case.id)
        missing += doc is None
        preds = _predicted_places(doc)
        predicted += len(preds)
        predicted_tp += sum(
            any(overlaps(s, e, g.start, g.end) for g in case.places) for s, e, *_ in preds
        )
        for gold in case.places:
            gold_n += 1
            hit, error = _error(gold, preds)
            found += hit
            if error is not None:
                errors.append(error)
    within = sum(e <= WITHIN_KM for e in errors)
    precision = ratio(predicted_tp, predicted) or 0.0
    recall = ratio(found, gold_n) or 0.0
    return {
        "kind": "places",
        "cases": n,
        "missing_predictions": missing,
        "gold": gold_n,
        "recall": recall,
        "precision": precision,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tp": found,
        "fn": gold_n - found,
        "predicted": predicted,
        "predicted_tp": predicted_tp,
        "fp": predicted - predicted_tp,
        "with_error": len(errors),
        "within_161km": within,
        "within_161km_of_found": ratio(within, found),
        "mean_error_km": statistics.fmean(errors) if errors else None,
        "median_error_km": statistics.median(errors) if errors else None,
    }
