"""Scoring events against "events" gold (FORMAT.md, Scoring 1-4).

Per case, with P the predicted events that are not negated:

* **type** — multiset of gold types against the predicted types. Required gold events
  are matched first; then each optional gold event cancels one *left-over* prediction
  of its type (it is dropped either way). So finding an optional event is neither
  rewarded nor punished, and an optional event never takes a prediction that a
  required event of the same type needs.
  Each predicted event is one act, with all its actors (``sources``/``targets``), as
  gold lists a compound actor once: there is no merging step.
* **dyad** — triples (source country, target country, type), one per source x target
  of each gold event, and one per dyad row of each predicted event (see
  :func:`~eventscribe.evaluation.matching.dyad_rows`: a mutual act runs both ways); an empty target is ``-`` and is matched by a predicted triple
  with the same source and type whatever its target. UNO and EUR count as IGO, KOS as
  XKX; a missing country (``---``) never matches. A gold event without a source
  (unnamed attackers) has source ``-``, matched by a prediction without a source
  actor. Each gold triple is matched at most once; optional triples cancel
  left-overs as above.
* ``no_events`` cases: there is no gold, so every prediction is a false positive.
* Gold events whose ``type`` is null (CAMEO-only coding) are left out of type, dyad,
  date and country scoring; a case with only such events is skipped there and counted
  in ``untyped_cases``.
* **date / country** — each required gold event is aligned one-to-one with a
  predicted event of the same type, preferring (in order) a matching source country,
  a matching target country and a matching date. Date accuracy is the share of
  aligned gold events with a date whose predicted date equals it ("YYYY-MM" gold
  accepts any day of that month). Source (target) country accuracy is the share of
  aligned gold events with a source (target) whose predicted country is one of the
  gold countries; gold events without a target are not judged on the target.
* **codes** — see :func:`code_counts`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from eventscribe.evaluation.gold import GoldCase, GoldEvent
from eventscribe.evaluation.matching import (
    NO_ACTOR,
    NO_TARGET,
    UNKNOWN,
    active_events,
    country_key,
    date_matches,
    dyad_rows,
    greedy_match,
    negated_count,
    prf,
    ratio,
    role_actors,
)

Triple = tuple[str, str, str]


def score_events(
    cases: Iterable[GoldCase], predictions: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    """Type, dyad, date, country and code scores over all cases (micro-averaged)."""
    cases = list(cases)
    totals: Counter[str] = Counter()
    coded = any(_is_code_case(c) for c in cases)
    for case in cases:
        doc = predictions.get(case.id)
        totals["missing_predictions"] += doc is None
        totals.update(case_counts(case, doc))
        if coded and (case.no_events or _is_code_case(case)):
            totals.update(code_counts(case, doc))
    return _metrics(totals, len(cases), coded)


def case_counts(case: GoldCase, doc: Mapping[str, Any] | None) -> Counter[str]:
    """The type/dyad/date/country counts of one case."""
    counts: Counter[str] = Counter()
    preds = active_events(doc)
    counts["predicted"] += len(preds)
    counts["negated"] += negated_count(doc)
    typed = [e for e in case.events if e.type]
    if case.events and not typed:
        counts["untyped_cases"] += 1
        return counts
    required = [e for e in typed if not e.optional]
    optional = [e for e in typed if e.optional]
    counts.update(_type_counts(required, optional, preds))
    counts.update(_dyad_counts(required, optional, preds))
    counts.update(_aligned_counts(required, preds))
    if case.no_events:
        counts["no_events_cases"] += 1
        counts["no_events_fp"] += len(preds)
    return counts


def _type_of(event: Mapping[str, Any]) -> str:
    value = event.get("type")
    return value.upper() if isinstance(value, str) else UNKNOWN


def _type_counts(
    required: list[GoldEvent], optional: list[GoldEvent], preds: list[dict[str, Any]]
) -> Counter[str]:
    pred_types = [_type_of(p) for p in preds]
    free = [True] * len(pred_types)

    def same(gold: str, pred: str) -> bool:
        return gold == pred

    hits = greedy_match([str(e.type).upper() for e in required], pred_types, same, free)
    greedy_match([str(e.type).upper() for e in optional], pred_types, same, free)
    tp = sum(h is not None for h in hits)
    return Counter(type_tp=tp, type_fn=len(required) - tp, type_fp=sum(free))


def gold_triples(event: GoldEvent) -> list[Triple]:
    """(source, target, type) for each source x target of a gold event."""
    sources = [country_key(a.country) for a in event.source] or [NO_ACTOR]
    targets = [country_key(a.country) for a in event.target] or [NO_TARGET]
    kind = str(event.type).upper()
    return [(s, t, kind) for s in sources for t in targets]


def pred_triples(event: Mapping[str, Any]) -> list[Triple]:
    """(source, target, type) of each dyad row of a predicted event."""
    kind = _type_of(event)
    return [(_country(s, NO_ACTOR), _country(t, NO_TARGET), kind) for s, t, _ in dyad_rows(event)]


def _country(found: Mapping[str, Any] | None, missing: str) -> str:
    return missing if found is None else country_key(found.get("country"))


def _exact(gold: Triple, pred: Triple) -> bool:
    return gold == pred and UNKNOWN not in gold[:2]


def _wildcard(gold: Triple, pred: Triple) -> bool:
    return gold[0] == pred[0] and gold[2] == pred[2] and gold[0] != UNKNOWN


def match_triples(
    required: list[Triple], optional: list[Triple], preds: list[Triple]
) -> tuple[int, int, int]:
    """(tp, fp, fn) of triples: required before optional, exact targets before ``-``."""
    free = [True] * len(preds)
    tp = _match_group(required, preds, free)
    _match_group(optional, preds, free)
    return tp, sum(free), len(required) - tp


def _match_group(golds: list[Triple], preds: list[Triple], free: list[bool]) -> int:
    exact = [g for g in golds if g[1] != NO_TARGET]
    wild = [g for g in golds if g[1] == NO_TARGET]
    hits = greedy_match(exact, preds, _exact, free) + greedy_match(wild, preds, _wildcard, free)
    return sum(h is not None for h in hits)


def _dyad_counts(
    required: list[GoldEvent], optional: list[GoldEvent], preds: list[dict[str, Any]]
) -> Counter[str]:
    req = [t for e in required for t in gold_triples(e)]
    opt = [t for e in optional for t in gold_triples(e)]
    tp, fp, fn = match_triples(req, opt, [t for p in preds for t in pred_triples(p)])
    return Counter(dyad_tp=tp, dyad_fp=fp, dyad_fn=fn)


def _fit(gold: GoldEvent, pred: Mapping[str, Any]) -> tuple[bool, bool, bool]:
    """How well a same-type prediction fits a gold event: (source, target, date)."""
    sources = {country_key(a.country) for a in gold.source} - {UNKNOWN}
    targets = {country_key(a.country) for a in gold.target} - {UNKNOWN}
    source_ok = any(_country(a, NO_ACTOR) in sources for a in role_actors(pred, "source"))
    target_ok = (
        any(_country(a, NO_TARGET) in targets for a in role_actors(pred, "target"))
        if gold.target
        else True
    )
    date_ok = gold.date is not None and date_matches(gold.date, pred.get("date"))
    return source_ok, target_ok, date_ok


def align(
    required: list[GoldEvent], preds: list[dict[str, Any]]
) -> list[tuple[int, int, tuple[bool, bool, bool]]]:
    """One-to-one (gold index, prediction index, fit) pairs of the same type, best fits first."""
    pairs = [
        (_fit(g, p), i, j)
        for i, g in enumerate(required)
        for j, p in enumerate(preds)
        if str(g.type).upper() == _type_of(p)
    ]
    pairs.sort(key=lambda x: (tuple(not v for v in x[0]), x[1], x[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    chosen = []
    for fit, i, j in pairs:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            chosen.append((i, j, fit))
    return sorted(chosen)


def _aligned_counts(required: list[GoldEvent], preds: list[dict[str, Any]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    counts["dated_gold"] += sum(e.date is not None for e in required)
    for i, _j, (source_ok, target_ok, date_ok) in align(required, preds):
        gold = required[i]
        counts["aligned"] += 1
        if gold.date is not None:
            counts["date_judged"] += 1
            counts["date_correct"] += date_ok
        if gold.source:
            counts["source_judged"] += 1
            counts["source_correct"] += source_ok
        if gold.target:
            counts["target_judged"] += 1
            counts["target_correct"] += target_ok
    return counts


def _is_code_case(case: GoldCase) -> bool:
    return any(a.code for e in case.events for a in (*e.source, *e.target))


def _code(value: object) -> str:
    return value.strip().upper() if isinstance(value, str) and value.strip() else UNKNOWN


def _gold_code_triples(event: GoldEvent) -> list[Triple]:
    sources = [_code(a.code) for a in event.source] or [NO_ACTOR]
    targets = [_code(a.code) for a in event.target] or [NO_TARGET]
    return [(s, t, _code(event.cameo)) for s in sources for t in targets]


def _pred_code_triples(event: Mapping[str, Any]) -> list[Triple]:
    return [
        (
            _code(s.get("code")) if s else NO_ACTOR,
            _code(t.get("code")) if t else NO_TARGET,
            _code(cameo),
        )
        for s, t, cameo in dyad_rows(event)
    ]


def code_counts(case: GoldCase, doc: Mapping[str, Any] | None) -> Counter[str]:
    """CAMEO-suite scoring, as the PETRARCH validation suites compare codings.

    Each event is a triple (source actor code, target actor code, CAMEO event code),
    compared exactly (no ``-`` wildcard: these suites always code a target when there
    is one). A case *passes* when its predicted triples equal the gold triples, as a
    PETRARCH validation record does; a ``no_events`` case passes when nothing is
    predicted. ``cameo_*`` compares the event codes alone as multisets.
    """
    preds = active_events(doc)
    required = [e for e in case.events if not e.optional]
    optional = [e for e in case.events if e.optional]
    req = [t for e in required for t in _gold_code_triples(e)]
    opt = [t for e in optional for t in _gold_code_triples(e)]
    pred = [t for p in preds for t in _pred_code_triples(p)]
    free = [True] * len(pred)
    hits = greedy_match(req, pred, _exact_code, free)
    greedy_match(opt, pred, _exact_code, free)
    tp = sum(h is not None for h in hits)
    fp, fn = sum(free), len(req) - tp
    cameo_free = [True] * len(pred)
    cameo_hits = greedy_match([t[2] for t in req], [t[2] for t in pred], _same_known, cameo_free)
    greedy_match([t[2] for t in opt], [t[2] for t in pred], _same_known, cameo_free)
    cameo_tp = sum(h is not None for h in cameo_hits)
    return Counter(
        code_cases=1,
        code_cases_passed=int(fp == 0 and fn == 0),
        code_tp=tp,
        code_fp=fp,
        code_fn=fn,
        cameo_tp=cameo_tp,
        cameo_fp=sum(cameo_free),
        cameo_fn=len(req) - cameo_tp,
    )


def _exact_code(gold: Triple, pred: Triple) -> bool:
    return gold == pred and UNKNOWN not in gold


def _same_known(gold: str, pred: str) -> bool:
    return gold == pred and gold != UNKNOWN


def _metrics(t: Counter[str], n_cases: int, coded: bool) -> dict[str, Any]:
    metrics: dict[str, Any] = {
        "kind": "events",
        "cases": n_cases,
        "missing_predictions": t["missing_predictions"],
        "type": prf(t["type_tp"], t["type_fp"], t["type_fn"]),
        "dyad": prf(t["dyad_tp"], t["dyad_fp"], t["dyad_fn"]),
        "date": {
            "accuracy": ratio(t["date_correct"], t["date_judged"]),
            "correct": t["date_correct"],
            "judged": t["date_judged"],
            "dated_gold": t["dated_gold"],
            "correct_of_dated_gold": ratio(t["date_correct"], t["dated_gold"]),
        },
        "country": {
            role: {
                "accuracy": ratio(t[f"{role}_correct"], t[f"{role}_judged"]),
                "correct": t[f"{role}_correct"],
                "judged": t[f"{role}_judged"],
            }
            for role in ("source", "target")
        },
        "aligned_events": t["aligned"],
        "predicted_events": t["predicted"],
        "negated_events": t["negated"],
        "predicted_per_case": t["predicted"] / n_cases if n_cases else 0.0,
        "no_events": {"cases": t["no_events_cases"], "fp": t["no_events_fp"]},
        "untyped_cases": t["untyped_cases"],
    }
    if coded:
        metrics["codes"] = {
            "cases": t["code_cases"],
            "cases_passed": t["code_cases_passed"],
            "pass_rate": ratio(t["code_cases_passed"], t["code_cases"]),
            "triples": prf(t["code_tp"], t["code_fp"], t["code_fn"]),
            "cameo": prf(t["cameo_tp"], t["cameo_fp"], t["cameo_fn"]),
        }
    return metrics
