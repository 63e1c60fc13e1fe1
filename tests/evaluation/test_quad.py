"""Quad classes: majority label, ties by earliest trigger, accuracy and macro-F1."""

from __future__ import annotations

import pytest

from eventscribe.evaluation import load_gold, score
from eventscribe.evaluation.quad import predicted_quad


def test_majority_quad_wins(b):
    d = b.doc(
        "x",
        [
            b.event("ACCUSE", quad=3, trigger=0),
            b.event("ASSAULT", quad=4, trigger=5),
            b.event("COERCE", quad=4, trigger=9),
        ],
    )
    assert predicted_quad(d) == 4


def test_tie_goes_to_the_earliest_trigger(b):
    d = b.doc(
        "x",
        [
            b.event("ASSAULT", quad=4, trigger=30),
            b.event("AGREE", quad=1, trigger=12),
            b.event("ACCUSE", quad=3, trigger=3),
            b.event("SUPPORT", quad=1, trigger=40),
            b.event("THREATEN", quad=3, trigger=50),
        ],
    )
    assert predicted_quad(d) == 3  # 1 and 3 both twice; quad 3's first trigger (3) is earlier


def test_no_events_or_only_negated_is_zero(b):
    assert predicted_quad(b.doc("x")) == 0
    assert predicted_quad(None) == 0
    assert predicted_quad(b.doc("x", [b.event("ASSAULT", quad=4, negated=True)])) == 0


def test_accuracy_and_macro_f1_over_five_labels(write_jsonl, b):
    rows = [
        {"id": f"q{i}", "date": None, "text": "t", "quad": q} for i, q in enumerate([0, 1, 4, 4])
    ]
    gold = load_gold(write_jsonl("quad.jsonl", rows))
    preds = {
        "q0": b.doc("q0"),  # 0 right
        "q1": b.doc("q1", [b.event("ACCUSE", quad=3)]),  # 1 -> 3 wrong
        "q2": b.doc("q2", [b.event("ASSAULT", quad=4)]),  # 4 right
        "q3": b.doc("q3", [b.event("AGREE", quad=1)]),  # 4 -> 1 wrong
    }
    m = score(gold, preds)
    assert m["kind"] == "quad" and m["cases"] == 4
    assert m["accuracy"] == 0.5 and m["correct"] == 2
    # F1 per label: 0 -> 1.0; 1 -> 0 (tp 0); 2 -> 0 (absent); 3 -> 0; 4 -> P 1, R 1/2 -> 2/3
    assert m["labels"]["4"]["f1"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx((1.0 + 2 / 3) / 5)
    assert m["confusion"][4][1] == 1
