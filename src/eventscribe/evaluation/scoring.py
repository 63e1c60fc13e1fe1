"""One entry point for every kind of gold: pick the scorer, count the bookkeeping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventscribe.errors import GoldFileError
from eventscribe.evaluation.article import score_article
from eventscribe.evaluation.events import score_events
from eventscribe.evaluation.evloc import score_evloc
from eventscribe.evaluation.gold import GOLD_KINDS, GoldSet
from eventscribe.evaluation.places import score_places
from eventscribe.evaluation.quad import score_quad
from eventscribe.evaluation.spans import score_roles, score_times

_SCORERS = {
    "events": score_events,
    "quad": score_quad,
    "roles": score_roles,
    "times": score_times,
    "places": score_places,
    "evloc": score_evloc,
}


def score(
    gold: GoldSet, predictions: Mapping[str, dict[str, Any]], *, kind: str | None = None
) -> dict[str, Any]:
    """Score predictions (output-contract documents keyed by id) against a gold set.

    ``kind`` defaults to the gold set's own kind; an article gold set may also be
    scored as plain "events". Returns a JSON-serialisable dict with ``kind``,
    ``cases``, the counts behind every ratio, and ``extra_predictions`` (documents
    with ids the gold does not have; they are not scored).
    """
    kind = kind or gold.kind
    if kind not in GOLD_KINDS:
        known = ", ".join(GOLD_KINDS)
        raise GoldFileError(f"unknown gold kind {kind!r}", fix=f"use one of {known}")
    if kind != gold.kind and not (gold.kind == "article" and kind == "events"):
        where = gold.path or "the gold set"
        raise GoldFileError(
            f"{where} holds {gold.kind!r} cases and cannot be scored as {kind!r}",
            fix=f"score it as {gold.kind!r} (leave the kind out to use the file's own)",
        )
    if kind == "article":
        if len(gold.cases) != 1:
            message = f"{gold.path}: an article gold set holds exactly one case"
            raise GoldFileError(message, fix="give one article")
        metrics = score_article(gold.cases[0], predictions)
    else:
        metrics = _SCORERS[kind](gold.cases, predictions)
    ids = {case.id for case in gold.cases}
    if metrics.get("matched_by") == "only document":
        ids |= set(predictions)
    metrics["extra_predictions"] = sum(doc_id not in ids for doc_id in predictions)
    if gold.problems:
        metrics["gold_problems"] = list(gold.problems)
    if gold.path is not None:
        metrics["gold_file"] = str(gold.path)
    return metrics
