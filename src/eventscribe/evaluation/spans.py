"""Scoring text spans: actor roles (tokens) and time expressions (spans and values).

Roles: a *token* is a maximal run of non-whitespace characters (``\\S+``), with its
character span. A token is inside a span when they overlap by at least one
character, so a predicted span that cuts a word in half still claims the word, and a
token is counted once however many spans it falls in. Per case and role, the gold
tokens (inside any gold span) are compared with the predicted tokens (inside the
source, resp. target, span of any predicted non-negated event); precision, recall
and F1 are micro-averaged over all cases.

Times: only gold DATE and TIME expressions are scored. A gold expression is found
when a predicted time overlaps it, and correct when one of the predicted times
overlapping it has the gold value (values of a day or finer compare their first ten
characters, "2013-03-22T10:00" ~ "2013-03-22"; others must be equal). A predicted
time is a true positive when it overlaps a gold DATE/TIME, is not judged when it
overlaps only a gold DURATION/SET, and is a false positive otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from eventscribe.evaluation.gold import GoldCase
from eventscribe.evaluation.matching import (
    active_events,
    dyad_rows,
    overlaps,
    prf,
    ratio,
    span_of,
    time_value_matches,
)

_TOKEN = re.compile(r"\S+")
SCORED_TIME_TYPES = ("DATE", "TIME")


def tokens_inside(text: str, spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """The whitespace tokens of ``text`` (as spans) that overlap any of ``spans``."""
    spans = list(spans)
    found = set()
    for match in _TOKEN.finditer(text):
        if any(overlaps(match.start(), match.end(), s, e) for s, e in spans):
            found.add((match.start(), match.end()))
    return found


def _predicted_role_spans(doc: Mapping[str, Any] | None, role: str) -> list[tuple[int, int]]:
    # an actor of ``role`` in any of the event's dyad rows ("X visited Y" has the row
    # "Y hosted X", CAMEO's paired code, where Y is the source)
    at = 0 if role == "source" else 1
    spans = (span_of(row[at]) for e in active_events(doc) for row in dyad_rows(e))
    return [s for s in spans if s is not None]


def score_roles(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Token precision/recall/F1 of source and target spans, micro-averaged."""
    totals = {role: [0, 0, 0] for role in ("source", "target")}
    n = missing = 0
    for case in cases:
        n += 1
        doc = predictions.get(case.id)
        missing += doc is None
        for role, gold_spans in (("source", case.source_spans), ("target", case.target_spans)):
            gold = tokens_inside(case.text, gold_spans)
            pred = tokens_inside(case.text, _predicted_role_spans(doc, role))
            counts = totals[role]
            counts[0] += len(gold & pred)
            counts[1] += len(pred - gold)
            counts[2] += len(gold - pred)
    return {
        "kind": "roles",
        "cases": n,
        "missing_predictions": missing,
        **{role: prf(*counts) for role, counts in totals.items()},
    }


def _predicted_times(doc: Mapping[str, Any] | None) -> list[tuple[int, int, object]]:
    items = (doc or {}).get("times") or []
    found = []
    for item in items:
        span = span_of(item) if isinstance(item, dict) else None
        if span is not None:
            found.append((span[0], span[1], item.get("value")))
    return found


def _time_case(case: GoldCase, preds: Sequence[tuple[int, int, object]]) -> dict[str, int]:
    scored = [t for t in case.times if t.type in SCORED_TIME_TYPES]
    other = [t for t in case.times if t.type not in SCORED_TIME_TYPES]
    counts = {
        "gold": len(scored),
        "found": 0,
        "correct": 0,
        "predicted": len(preds),
        "tp": 0,
        "fp": 0,
        "ignored": 0,
    }
    for gold in scored:
        hits = [p for p in preds if overlaps(gold.start, gold.end, p[0], p[1])]
        counts["found"] += bool(hits)
        counts["correct"] += any(time_value_matches(gold.value, p[2]) for p in hits)
    for start, end, _value in preds:
        if any(overlaps(start, end, g.start, g.end) for g in scored):
            counts["tp"] += 1
        elif any(overlaps(start, end, g.start, g.end) for g in other):
            counts["ignored"] += 1
        else:
            counts["fp"] += 1
    return counts


def score_times(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Span recall/precision and value accuracy of DATE and TIME expressions."""
    t = {"gold": 0, "found": 0, "correct": 0, "predicted": 0, "tp": 0, "fp": 0, "ignored": 0}
    n = missing = 0
    for case in cases:
        n += 1
        doc = predictions.get(case.id)
        missing += doc is None
        for key, value in _time_case(case, _predicted_times(doc)).items():
            t[key] += value
    precision = ratio(t["tp"], t["tp"] + t["fp"]) or 0.0
    recall = ratio(t["found"], t["gold"]) or 0.0
    spans = {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "tp": t["found"],  # gold expressions found (recall side)
        "fn": t["gold"] - t["found"],
        "predicted_tp": t["tp"],  # predicted times overlapping a gold one (precision side)
        "fp": t["fp"],
    }
    return {
        "kind": "times",
        "cases": n,
        "missing_predictions": missing,
        "gold": t["gold"],
        "found": t["found"],
        "correct": t["correct"],
        "span_recall": recall,
        "value_accuracy": ratio(t["correct"], t["gold"]),
        "value_accuracy_of_found": ratio(t["correct"], t["found"]),
        "predicted": t["predicted"],
        "predicted_ignored": t["ignored"],
        "spans": spans,
    }
