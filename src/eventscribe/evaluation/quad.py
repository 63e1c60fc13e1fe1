"""Scoring quad classes against "quad" gold.

The predicted label of a case is the quad class (1-4, the ``quad`` field of each
event) held by the most predicted non-negated events; on a tie, the class whose
earliest event trigger comes first in the text; 0 when no event has a quad class.
Accuracy, and macro-F1 over all five labels 0-4: a label that appears neither in the
gold nor in the predictions has F1 0 (as scikit-learn's ``zero_division=0``), so a
gold set without some label caps macro-F1 below 1 for every system alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from eventscribe.evaluation.gold import GoldCase
from eventscribe.evaluation.matching import active_events, prf, ratio, trigger_start

LABELS = (0, 1, 2, 3, 4)


def predicted_quad(doc: Mapping[str, Any] | None) -> int:
    """The quad class of a predicted document (see the module docstring)."""
    counts: dict[int, int] = {}
    first: dict[int, float] = {}
    for event in active_events(doc):
        quad = event.get("quad")
        if not isinstance(quad, int) or isinstance(quad, bool) or quad not in LABELS[1:]:
            continue
        counts[quad] = counts.get(quad, 0) + 1
        first[quad] = min(first.get(quad, float("inf")), trigger_start(event))
    if not counts:
        return 0
    return min(counts, key=lambda q: (-counts[q], first[q], q))


def score_quad(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Accuracy, macro-F1, per-label scores and the confusion matrix (rows = gold)."""
    confusion = [[0] * len(LABELS) for _ in LABELS]
    n = missing = 0
    for case in cases:
        doc = predictions.get(case.id)
        missing += doc is None
        gold = case.quad if case.quad is not None else 0
        confusion[gold][predicted_quad(doc)] += 1
        n += 1
    correct = sum(confusion[q][q] for q in LABELS)
    per_label = {}
    for q in LABELS:
        tp = confusion[q][q]
        fn = sum(confusion[q]) - tp
        fp = sum(row[q] for row in confusion) - tp
        per_label[str(q)] = {**prf(tp, fp, fn), "support": tp + fn}
    return {
        "kind": "quad",
        "cases": n,
        "missing_predictions": missing,
        "accuracy": ratio(correct, n),
        "correct": correct,
        "macro_f1": sum(v["f1"] for v in per_label.values()) / len(LABELS),
        "labels": per_label,
        "confusion": confusion,
    }
