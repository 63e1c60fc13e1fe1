"""Scoring one article against its hand-coded reference (the "article" gold kind).

* Each **required** gold event (``optional: false``) is found when a predicted,
  non-negated event matches it: its type is the gold type or one of
  ``also_accepted``, its source country is one of the gold source countries (UNO/EUR
  folded to IGO, KOS to XKX), and, when the gold event has a date, its date equals it
  ("YYYY-MM" accepts any day of the month). Matching is one-to-one (a maximum
  matching), so one prediction cannot stand for two required events.
* **must_not** entries are violated by every predicted non-negated event of that type
  whose source country is the one named (any source when none is named).
* The same type/dyad/date/country scores as the "events" kind, the article being one
  case (``also_accepted`` plays no part there).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventscribe.evaluation.events import score_events
from eventscribe.evaluation.gold import GoldCase, GoldEvent, MustNot
from eventscribe.evaluation.matching import (
    NO_ACTOR,
    UNKNOWN,
    active_events,
    actor_country,
    country_key,
    date_matches,
    max_matching,
    ratio,
)


def score_article(case: GoldCase, predictions: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Required-event recall, must-not violations and the events scores of one article.

    When the predictions hold no document with the article's id but exactly one
    document, that document is scored (a text coded from a file may get another id);
    ``matched_by`` says which happened.
    """
    doc, matched_by = _pick_document(case.id, predictions)
    preds = active_events(doc)
    required = [e for e in case.events if not e.optional]
    hits = max_matching(required, preds, _satisfies)
    found = [_required_row(e, None if j is None else preds[j]) for e, j in zip(required, hits)]
    violations = [row for rule in case.must_not if (row := _violation(rule, preds))]
    n_found = sum(row["found"] for row in found)
    metrics: dict[str, Any] = {
        "kind": "article",
        "cases": 1,
        "id": case.id,
        "matched_by": matched_by,
        "required": {
            "recall": ratio(n_found, len(required)),
            "tp": n_found,
            "fn": len(required) - n_found,
            "events": found,
        },
        "must_not": {
            "violations": len(violations),
            "rules": len(case.must_not),
            "violated": violations,
        },
    }
    events = score_events([case], {case.id: doc} if doc is not None else {})
    for key, value in events.items():
        if key not in ("kind", "cases"):
            metrics[key] = value
    return metrics


def _pick_document(
    doc_id: str, predictions: Mapping[str, dict[str, Any]]
) -> tuple[dict[str, Any] | None, str]:
    if doc_id in predictions:
        return predictions[doc_id], "id"
    if len(predictions) == 1:
        return next(iter(predictions.values())), "only document"
    return None, "none"


def _satisfies(gold: GoldEvent, pred: Mapping[str, Any]) -> bool:
    pred_type = pred.get("type")
    accepted = {t.upper() for t in (gold.type, *gold.also_accepted) if t}
    if not isinstance(pred_type, str) or pred_type.upper() not in accepted:
        return False
    sources = {country_key(a.country) for a in gold.source} - {UNKNOWN}
    if not gold.source:  # unnamed source: matched by a prediction without a source actor
        sources = {NO_ACTOR}
    if actor_country(pred, "source") not in sources:
        return False
    return gold.date is None or date_matches(gold.date, pred.get("date"))


def _required_row(gold: GoldEvent, pred: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        "type": gold.type,
        "also_accepted": list(gold.also_accepted),
        "source": [a.country for a in gold.source],
        "target": [a.country for a in gold.target],
        "date": gold.date,
        "found": pred is not None,
        "matched_event": None if pred is None else pred.get("id"),
        "why": gold.why,
    }


def _violation(rule: MustNot, preds: list[dict[str, Any]]) -> dict[str, Any] | None:
    wanted = None if rule.source_country is None else country_key(rule.source_country)
    hits = [
        p.get("id")
        for p in preds
        if str(p.get("type", "")).upper() == rule.type.upper()
        and (wanted is None or actor_country(p, "source") == wanted)
    ]
    if not hits:
        return None
    return {
        "type": rule.type,
        "source_country": rule.source_country,
        "events": hits,
        "why": rule.why,
    }
