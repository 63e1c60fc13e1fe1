"""Shared pieces of scoring: counts, one-to-one matching, country and date rules.

Predictions are plain output-contract dicts (see ``CodedDocument.to_contract``); the
accessors here read them defensively, so a missing field counts as a wrong answer
rather than a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, TypeVar

G = TypeVar("G")
P = TypeVar("P")

UNKNOWN = "---"  # a country nobody knows: never matches anything, not even itself
NO_ACTOR = "-"  # an event without a source or target actor
NO_TARGET = NO_ACTOR

# FORMAT.md: UNO and EUR are scored as IGO; PLOVER's KOS is Kosovo, XKX.
COUNTRY_ALIASES: Mapping[str, str] = MappingProxyType({"UNO": "IGO", "EUR": "IGO", "KOS": "XKX"})

_DAY_OR_FINER = re.compile(r"\d{4}-\d{2}-\d{2}")


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 with their counts; 0.0 where a ratio is undefined."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def ratio(part: int, whole: int) -> float | None:
    """``part / whole``, or None when there is nothing to measure."""
    return part / whole if whole else None


def country_key(country: object) -> str:
    """A country code as scored: upper case, aliases folded, missing -> ``UNKNOWN``."""
    if not isinstance(country, str) or not country.strip():
        return UNKNOWN
    code = country.strip().upper()
    return COUNTRY_ALIASES.get(code, code)


def date_matches(gold: str, predicted: object) -> bool:
    """A gold date "YYYY-MM-DD" needs that day; "YYYY-MM" accepts any day of the month."""
    if not isinstance(predicted, str):
        return False
    return predicted[:10].startswith(gold) if len(gold) < 10 else predicted[:10] == gold[:10]


def time_value_matches(gold: str, predicted: object) -> bool:
    """TimeML values: a day or finer compares the first ten characters, others must be equal."""
    if not isinstance(predicted, str):
        return False
    if _DAY_OR_FINER.match(gold):
        return predicted[:10] == gold[:10]
    return predicted == gold


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Two half-open character spans share at least one character."""
    return a_start < b_end and b_start < a_end


def greedy_match(
    golds: Sequence[G], preds: Sequence[P], accepts: Callable[[G, P], bool], free: list[bool]
) -> list[int | None]:
    """Match each gold, in order, to the first free prediction it accepts.

    ``free`` marks the predictions still unused and is updated. Returns, per gold, the
    index of its prediction or None. Greedy is optimal where the predictions a gold
    accepts are interchangeable, as for type multisets and (exact-then-wildcard) triples.
    """
    found: list[int | None] = []
    for gold in golds:
        hit = next((j for j, p in enumerate(preds) if free[j] and accepts(gold, p)), None)
        if hit is not None:
            free[hit] = False
        found.append(hit)
    return found


def max_matching(
    golds: Sequence[G], preds: Sequence[P], accepts: Callable[[G, P], bool]
) -> list[int | None]:
    """A maximum one-to-one matching (augmenting paths); per gold, its prediction or None."""
    edges = [[j for j, p in enumerate(preds) if accepts(g, p)] for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    result: list[int | None] = [None] * len(golds)
    for j, i in owner.items():
        result[i] = j
    return result


# --- reading predicted documents -------------------------------------------------------


def active_events(doc: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The predicted events that count: negated events are recorded but are not events."""
    if not doc:
        return []
    events = doc.get("events") or []
    return [e for e in events if isinstance(e, dict) and not e.get("negated")]


def negated_count(doc: Mapping[str, Any] | None) -> int:
    if not doc:
        return 0
    return sum(1 for e in doc.get("events") or [] if isinstance(e, dict) and e.get("negated"))


def actor(event: Mapping[str, Any], role: str) -> dict[str, Any] | None:
    value = event.get(role)
    return value if isinstance(value, dict) else None


def role_actors(event: Mapping[str, Any], role: str) -> list[dict[str, Any]]:
    """Every actor of ``role`` ("source" or "target") of a predicted event: its
    ``sources``/``targets`` list, or, in output written before events had lists, its
    single ``source``/``target``."""
    many = event.get(role + "s")
    if isinstance(many, list):
        return [a for a in many if isinstance(a, dict)]
    one = actor(event, role)
    return [] if one is None else [one]


Row = tuple[dict[str, Any] | None, dict[str, Any] | None, Any]


def dyad_rows(event: Mapping[str, Any]) -> list[Row]:
    """(source, target, CAMEO code) rows of a predicted event, as the contract defines
    its dyads: each source with each target (for a ``mutual`` act never an actor with
    itself), and each target back to each source with the ``paired_cameo``, if any."""
    sources: list[dict[str, Any] | None] = list(role_actors(event, "source"))
    targets: list[dict[str, Any] | None] = list(role_actors(event, "target"))
    mutual, cameo = bool(event.get("mutual")), event.get("cameo")
    rows: list[Row] = [
        (s, t, cameo)
        for s in sources or [None]
        for t in targets or [None]
        if not (mutual and s is not None and t is not None and _same_actor(s, t))
    ]
    paired = event.get("paired_cameo")
    if paired:
        rows += [
            (t, s, paired)
            for s in sources
            for t in targets
            if s is not None and t is not None and not _same_actor(s, t)
        ]
    return rows


def _same_actor(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in ("name", "country", "sector"))


def actor_country(event: Mapping[str, Any], role: str) -> str:
    """The scored country of a predicted actor; ``NO_ACTOR`` when the event has none."""
    found = actor(event, role)
    return NO_ACTOR if found is None else country_key(found.get("country"))


def span_of(item: Mapping[str, Any] | None) -> tuple[int, int] | None:
    """``(start, end)`` of a predicted item, or None when its offsets are unusable."""
    if not item:
        return None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and start <= end:
        return start, end
    return None


def trigger_start(event: Mapping[str, Any]) -> float:
    found = span_of(event.get("trigger") if isinstance(event.get("trigger"), dict) else None)
    return found[0] if found else float("inf")
