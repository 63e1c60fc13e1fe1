"""Roles (whitespace tokens inside spans) and time expressions (spans and values)."""

from __future__ import annotations

import pytest

from eventscribe.evaluation import load_gold, score
from eventscribe.evaluation.spans import tokens_inside

TEXT = "The northern rebels shelled a border town on Tuesday ."


def test_a_token_is_inside_a_span_when_they_overlap():
    # "northern" is 4-12, "rebels" 13-19; span 6-14 touches both
    assert tokens_inside(TEXT, [(6, 14)]) == {(4, 12), (13, 19)}
    assert tokens_inside(TEXT, [(12, 13)]) == set()  # only the space between them


def test_roles_micro_precision_recall(write_jsonl, b):
    rows = [
        {
            "id": "r1",
            "date": None,
            "text": TEXT,
            "source_spans": [[4, 19]],
            "target_spans": [[30, 41]],
        }
    ]
    gold = load_gold(write_jsonl("roles.jsonl", rows))
    source = b.actor("XXX", 0, 12)  # "The northern": 1 right, 1 wrong, "rebels" missed
    target = b.actor("YYY", 37, 41)  # "town": 1 right, "border" missed
    event = b.event("ASSAULT")
    event["source"], event["target"] = source, target
    ignored = b.event("ASSAULT", negated=True)
    ignored["source"] = b.actor("XXX", 20, 27)  # negated: "shelled" does not count
    m = score(gold, {"r1": b.doc("r1", [event, ignored])})
    assert (m["source"]["tp"], m["source"]["fp"], m["source"]["fn"]) == (1, 1, 1)
    assert (m["target"]["tp"], m["target"]["fp"], m["target"]["fn"]) == (1, 0, 1)
    assert m["target"]["precision"] == 1.0 and m["target"]["recall"] == 0.5


def _times_gold(write_jsonl):
    text = "On Friday at 3pm the talks, which lasted two days, ended in March."
    rows = [
        {
            "id": "t1",
            "date": "2013-03-22",
            "text": text,
            "times": [
                {"start": 3, "end": 9, "text": "Friday", "type": "DATE", "value": "2013-03-22"},
                {
                    "start": 13,
                    "end": 16,
                    "text": "3pm",
                    "type": "TIME",
                    "value": "2013-03-22T15:00",
                },
                {"start": 41, "end": 49, "text": "two days", "type": "DURATION", "value": "P2D"},
                {"start": 60, "end": 65, "text": "March", "type": "DATE", "value": "2013-03"},
            ],
        }
    ]
    return load_gold(write_jsonl("times.jsonl", rows))


def test_times_found_correct_and_precision(write_jsonl, b):
    gold = _times_gold(write_jsonl)
    times = [
        {"start": 3, "end": 9, "text": "Friday", "value": "2013-03-22"},  # found, right
        {
            "start": 13,
            "end": 16,
            "text": "3pm",
            "value": "2013-03-22",
        },  # day-or-finer: first 10 chars
        {
            "start": 45,
            "end": 49,
            "text": "days",
            "value": "2013-03-24",
        },  # on the DURATION: not judged
        {"start": 57, "end": 65, "text": "in March", "value": "2013-04"},  # found, wrong value
        {"start": 20, "end": 25, "text": "talks", "value": "2013"},  # false positive
    ]
    m = score(gold, {"t1": b.doc("t1", times=times)})
    assert m["gold"] == 3  # DATE and TIME only
    assert (m["found"], m["correct"]) == (3, 2)
    assert m["span_recall"] == 1.0
    assert m["value_accuracy"] == pytest.approx(2 / 3)
    assert m["value_accuracy_of_found"] == pytest.approx(2 / 3)
    assert (m["spans"]["predicted_tp"], m["spans"]["fp"]) == (3, 1)
    assert m["spans"]["precision"] == pytest.approx(3 / 4)
    assert m["predicted_ignored"] == 1


def test_month_value_must_be_equal(write_jsonl, b):
    gold = _times_gold(write_jsonl)
    times = [{"start": 60, "end": 65, "text": "March", "value": "2013-03-01"}]
    m = score(gold, {"t1": b.doc("t1", times=times)})
    assert (m["found"], m["correct"]) == (1, 0)
