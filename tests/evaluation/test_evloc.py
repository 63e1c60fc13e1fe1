"""Event locations: found by trigger overlap, right by location overlap or by null."""

from __future__ import annotations

import pytest

from eventscribe.errors import GoldFileError
from eventscribe.evaluation import load_gold, score
from eventscribe.evaluation.halves import half_of as split_half

TEXT = "Rebels attacked a convoy near Alphaville on Sunday."
#       0     6       15      23   28    34       43


def _case(case_id: str, locations: list[list[int]]) -> dict:
    return {"id": case_id, "date": None, "text": TEXT, "verb": [7, 15], "locations": locations}


def _event(start: int, location: dict | None, b) -> dict:
    event = b.event("ASSAULT", "SYR", trigger=start)
    event["trigger"] = {"text": "attacked", "start": start, "end": start + 8}
    event["location"] = location
    return event


ALPHAVILLE = {"start": 30, "end": 40, "text": "Alphaville", "lat": 1.0, "lon": 2.0}
SUNDAY = {"start": 44, "end": 50, "text": "Sunday", "lat": 1.0, "lon": 2.0}


def test_evloc_found_located_right_and_null_right(write_jsonl, b):
    rows = [
        _case("a", [[30, 40]]),
        _case("b", [[30, 40]]),
        _case("c", []),
        _case("d", []),
        _case("e", [[30, 40]]),
    ]
    gold = load_gold(write_jsonl("evloc.jsonl", rows))
    assert gold.kind == "evloc"
    predictions = {
        "a": b.doc("a", [_event(7, ALPHAVILLE, b)]),  # right place
        "b": b.doc("b", [_event(7, SUNDAY, b)]),  # a place, the wrong one
        "c": b.doc("c", [_event(7, None, b)]),  # no place said, none given
        "d": b.doc("d", [_event(7, ALPHAVILLE, b)]),  # a place given where the gold has none
        "e": b.doc("e", [_event(16, ALPHAVILLE, b)]),  # trigger elsewhere: event not found
    }
    m = score(gold, predictions)
    assert (m["cases"], m["found"]) == (5, 4)
    assert m["event_found"] == pytest.approx(0.8)
    assert m["location_accuracy"] == pytest.approx(0.5)
    assert m["located_right"] == pytest.approx(0.5)
    assert m["null_right"] == pytest.approx(0.5)
    assert m["halves"]["tune"]["cases"] + m["halves"]["check"]["cases"] == 5


def test_evloc_first_overlapping_event_is_the_one_judged(write_jsonl, b):
    gold = load_gold(write_jsonl("evloc.jsonl", [_case("a", [[30, 40]])]))
    doc = b.doc("a", [_event(7, None, b), _event(8, ALPHAVILLE, b)])
    assert score(gold, {"a": doc})["located_right"] == 0.0


def test_evloc_gold_verb_must_be_a_span_inside_the_text(write_jsonl):
    row = _case("a", [])
    row["verb"] = [7, 999]
    with pytest.raises(GoldFileError, match="verb"):
        load_gold(write_jsonl("evloc.jsonl", [row]), strict=True)


def test_split_half_is_fixed_by_the_id_and_uses_both_halves():
    halves = [split_half(f"case-{i}") for i in range(200)]
    assert set(halves) == {"tune", "check"}
    assert 60 < halves.count("tune") < 140
    # sha1("a") begins with 0x86 (even), sha1("b") with 0xe9 (odd)
    assert (split_half("a"), split_half("b")) == ("tune", "check")


def test_gold_spans_that_are_not_on_words_are_counted_and_still_scored(write_jsonl, b):
    # "[5, 5]" (empty) and "[31, 33]" (inside "Alphaville") are token positions or slips,
    # not character spans of a place: the report counts them, the scores keep them
    rows = [_case("a", [[30, 40]]), _case("b", [[5, 5]]), _case("c", [[31, 33]])]
    gold = load_gold(write_jsonl("evloc.jsonl", rows))
    predictions = {k: b.doc(k, [_event(7, ALPHAVILLE, b)]) for k in ("a", "b", "c")}
    m = score(gold, predictions)
    assert (m["gold_locations"], m["gold_locations_off_words"]) == (3, 2)
    assert m["located_right"] == pytest.approx(2 / 3), "the cut span overlaps, the empty one not"
    assert m["located_right_on_words"] == 1.0
