"""One entry point for every kind of gold: pick the scorer, count the bookkeeping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventscribe.errors import GoldFileError
from eventscribe.evaluation.article import score_article
from eventscribe.evaluation.events import score_events
from eventscribe.evaluation.evloc import score_evloc
from eventscribe.evaluation.gold import GOLD_KINDS, GoldCase, GoldSet
from eventscribe.evaluation.halves import HALVES, half_of
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
        if len(gold.cases) > 1 and "halves" not in metrics:
            metrics["halves"] = _halves(kind, gold.cases, predictions)
    ids = {case.id for case in gold.cases}
    if metrics.get("matched_by") == "only document":
        ids |= set(predictions)
    metrics["extra_predictions"] = sum(doc_id not in ids for doc_id in predictions)
    if gold.problems:
        metrics["gold_problems"] = list(gold.problems)
    if gold.path is not None:
        metrics["gold_file"] = str(gold.path)
    return metrics


def _halves(
    kind: str, cases: list[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """The same scores on the ``tune`` and the ``check`` half of the cases."""
    halves: dict[str, dict[str, Any]] = {}
    for half in HALVES:
        part = [case for case in cases if half_of(case.id) == half]
        scored = {case.id: predictions[case.id] for case in part if case.id in predictions}
        halves[half] = _SCORERS[kind](part, scored)
    return halves
