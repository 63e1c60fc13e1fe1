"""Evaluation: score coded output against gold files (rules in ``eval/FORMAT.md``).

    gold = load_gold(Path("plover-gsr-dev.jsonl"))      # kind told by the fields
    predictions = read_predictions(Path("out.jsonl"))   # output-contract lines by id
    metrics = score(gold, predictions)                  # JSON-serialisable dict
    print(format_report(metrics))

Kinds: "events", "article" (one hand-coded article, text in the sibling .txt),
"quad", "roles", "times", "places", "evloc". Each scorer's module docstring states its rules.
"""

from eventscribe.evaluation.gold import (
    GOLD_KINDS,
    GoldActor,
    GoldCase,
    GoldEvent,
    GoldPlace,
    GoldSet,
    GoldTime,
    MustNot,
)
from eventscribe.evaluation.loading import load_gold, read_predictions
from eventscribe.evaluation.report import format_report
from eventscribe.evaluation.scoring import score

__all__ = [
    "GOLD_KINDS",
    "GoldActor",
    "GoldCase",
    "GoldEvent",
    "GoldPlace",
    "GoldSet",
    "GoldTime",
    "MustNot",
    "format_report",
    "load_gold",
    "read_predictions",
    "score",
]
