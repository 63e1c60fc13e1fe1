"""Scores on a PETRARCH validation suite: codings found, the same at root-code level,
precision of predicted codings, and a table per category (FORMAT.md "Code accuracy")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from eventscribe.evaluation.events import code_counts
from eventscribe.evaluation.gold import GoldCase
from eventscribe.evaluation.matching import prf
from eventscribe.petrarch.suite import Suite, categories, gold_set


def suite_metrics(suite: Suite, predictions: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    """Found / precision of (CAMEO code, source code, target code) codings, overall, at the
    CAMEO root (first two digits) and per category; cases whose codings all match."""
    gold = gold_set(suite)
    full = _counts(gold.cases, predictions)
    root = _counts(
        [_root_case(c) for c in gold.cases], {k: _root_doc(v) for k, v in predictions.items()}
    )
    by_id = {case.id: case for case in gold.cases}
    table = {}
    for category, ids in sorted(categories(suite).items()):
        counts = _counts([by_id[i] for i in ids], predictions)
        table[category] = {
            "cases": len(ids),
            "passed": counts["code_cases_passed"],
            **_found(counts),
        }
    return {
        "kind": "petrarch-suite",
        "cases": len(gold.cases),
        "gold_file": str(suite.path),
        "codings": _found(full),
        "root_codings": _found(root),
        "cases_passed": full["code_cases_passed"],
        "pass_rate": full["code_cases_passed"] / len(gold.cases) if gold.cases else None,
        "categories": table,
        "not_evaluated": len(suite.skipped),
    }


def _counts(cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for case in cases:
        total.update(code_counts(case, predictions.get(case.id)))
    return total


def _found(counts: Counter[str]) -> dict[str, Any]:
    """The share of gold codings found, and the precision of predicted ones."""
    triples = prf(counts["code_tp"], counts["code_fp"], counts["code_fn"])
    return {"found": triples["recall"], "precision": triples["precision"],
            "tp": triples["tp"], "fp": triples["fp"], "fn": triples["fn"]}  # fmt: skip


def _root_case(case: GoldCase) -> GoldCase:
    return replace(case, events=tuple(replace(e, cameo=(e.cameo or "")[:2]) for e in case.events))


def _root_doc(doc: dict[str, Any]) -> dict[str, Any]:
    events = [
        {**e, "cameo": str(e.get("cameo") or "")[:2],
         "paired_cameo": str(e["paired_cameo"])[:2] if e.get("paired_cameo") else None}
        for e in doc.get("events") or []
    ]  # fmt: skip
    return {**doc, "events": events}
