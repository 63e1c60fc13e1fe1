"""Places: overlap finds a toponym, haversine error, share within 161 km, precision."""

from __future__ import annotations

import pytest

from eventscribe.evaluation import load_gold, score
from eventscribe.evaluation.places import haversine_km

TEXT = "Talks in Alphaville and Betatown, then a rally near Gammaford."


def test_haversine_one_degree_of_latitude():
    assert haversine_km(10.0, 20.0, 11.0, 20.0) == pytest.approx(111.19, abs=0.01)
    assert haversine_km(0.0, 0.0, 0.0, 0.0) == 0.0


def test_places_recall_precision_and_161_km(write_jsonl, b):
    rows = [
        {
            "id": "p1",
            "date": None,
            "text": TEXT,
            "places": [
                {
                    "start": 9,
                    "end": 19,
                    "text": "Alphaville",
                    "lat": 10.0,
                    "lon": 20.0,
                    "geonameid": 1,
                },
                {
                    "start": 24,
                    "end": 32,
                    "text": "Betatown",
                    "lat": 10.0,
                    "lon": 20.0,
                    "geonameid": 2,
                },
                {
                    "start": 52,
                    "end": 61,
                    "text": "Gammaford",
                    "lat": 0.0,
                    "lon": 0.0,
                    "geonameid": None,
                },
            ],
        }
    ]
    gold = load_gold(write_jsonl("places.jsonl", rows))
    places = [
        {"start": 9, "end": 19, "text": "Alphaville", "lat": 11.0, "lon": 20.0},  # 111 km: within
        {
            "start": 24,
            "end": 28,
            "text": "Beta",
            "lat": 12.0,
            "lon": 20.0,
        },  # overlaps; 222 km: outside
        {"start": 0, "end": 5, "text": "Talks", "lat": 1.0, "lon": 1.0},  # overlaps no toponym
    ]
    m = score(gold, {"p1": b.doc("p1", places=places)})
    assert (m["gold"], m["tp"], m["fn"]) == (3, 2, 1)
    assert m["recall"] == pytest.approx(2 / 3)
    assert (m["predicted"], m["predicted_tp"], m["fp"]) == (3, 2, 1)
    assert m["precision"] == pytest.approx(2 / 3)
    assert m["within_161km"] == 1 and m["within_161km_of_found"] == 0.5
    assert m["mean_error_km"] == pytest.approx((111.19 + 222.39) / 2, abs=0.01)
    assert m["median_error_km"] == pytest.approx(m["mean_error_km"])
