"""Filters answered from the event index (:class:`~eventscribe.web.index.EventIndex`).

:func:`match` turns an :class:`~eventscribe.analysis.EventFilter` into event positions
(newest first) without a query: the date range narrows to a range of positions, each
other filter gives a sorted position list (a posting list, or the union of a few), the
shortest list drives and the others are probed by binary search, and the remaining tests
(negated events, the exact text check) run on the survivors. It works through the
driving list in growing chunks and stops once it has as many matches as asked for, so
"the newest 50 of at most 10,001" reads little more than that.

The answers are those of the SQL filter (:meth:`EventFilter.where`); the tests in
tests/web/test_index.py compare the two on real stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import Any

import numpy as np

from eventscribe.analysis.filters import EventFilter
from eventscribe.web.index import NUMBERS_BYTES, EventIndex, typed_search
from eventscribe.web.indexbuild import NO_BUCKET
from eventscribe.web.textindex import simple_lower, sorted_unique

_EMPTY = np.zeros(0, dtype=np.int32)
_FIRST_CHUNK = 8192
_MAX_CHUNK = 262_144
_EPOCH = date(1970, 1, 1)
Check = Callable[[np.ndarray], np.ndarray]


def match(index: EventIndex, flt: EventFilter, need: int | None = None) -> np.ndarray | None:
    """Positions of the events matching ``flt``, newest first: the first ``need`` of them
    (all when None). None when the index cannot answer (the caller then uses SQL)."""
    chunks = match_chunks(index, flt)
    if chunks is None:
        return None
    found: list[np.ndarray] = []
    total = 0
    for chunk in chunks:
        found.append(chunk)
        total += len(chunk)
        if need is not None and total >= need:
            break
    positions = np.concatenate(found) if found else _EMPTY
    return positions if need is None else positions[:need]


def match_chunks(index: EventIndex, flt: EventFilter) -> Iterator[np.ndarray] | None:
    """The positions :func:`match` finds, in ascending chunks of at most ``_MAX_CHUNK``
    candidates each (so a caller summing over them never holds all at once), or None."""
    plan = _plan(index, flt)
    if plan is None:
        return None
    lo, hi, lists, checks = plan
    if any(len(found) == 0 for found in lists) or hi <= lo:
        return iter(())
    lists.sort(key=len)
    driver, others = (lists[0], lists[1:]) if lists else (None, [])
    end = len(driver) if driver is not None else hi - lo
    return _chunks(driver, others, checks, lo, end, index.maps.touched)


def _chunks(
    driver: np.ndarray | None,
    others: list[np.ndarray],
    checks: list[Check],
    lo: int,
    end: int,
    touched: Callable[[int], None],
) -> Iterator[np.ndarray]:
    at, step = 0, _FIRST_CHUNK
    while at < end:
        if driver is not None:
            chunk = driver[at : at + step]
        else:
            chunk = np.arange(lo + at, lo + min(at + step, end), dtype=np.int32)
        for other in others:
            chunk = chunk[_member(other, chunk)]
        for check in checks:
            if len(chunk):
                chunk = chunk[check(chunk)]
        touched(len(chunk) * NUMBERS_BYTES)
        yield chunk
        at, step = at + step, min(step * 2, _MAX_CHUNK)


def _plan(
    index: EventIndex, flt: EventFilter
) -> tuple[int, int, list[np.ndarray], list[Check]] | None:
    """The position range, the position lists and the tests for ``flt`` (None: use SQL)."""
    if (flt.start or flt.end) and not index.dates.ordered:
        return None
    lo, hi = index.dates.bounds(flt.start, flt.end)
    lists: list[np.ndarray] = []
    checks: list[Check] = []
    if flt.countries:
        lists.append(index.by_country.any_of(flt.countries, lo, hi))
    if flt.sources:
        lists.append(index.by_source.any_of(flt.sources, lo, hi))
    if flt.targets:
        lists.append(index.by_target.any_of(flt.targets, lo, hi))
    if flt.actor:
        lists.append(index.by_actor.any_of((simple_lower(flt.actor),), lo, hi))
    if flt.types:
        lists.append(index.by_type.any_of(flt.types, lo, hi))
    if flt.quads:
        lists.append(index.by_quad.any_of(tuple(int(q) for q in flt.quads), lo, hi))
    if flt.doc_id:
        lists.append(index.by_doc.any_of((flt.doc_id,), lo, hi))
    if flt.dyad:
        lists.append(_dyad(index, flt.dyad, flt.directed, lo, hi))
    if flt.text:
        pattern = simple_lower(flt.text)
        lists.extend(index.text.candidates(pattern, lo, hi) or [])
        checks.append(lambda positions: index.text.contains(positions, pattern))
    if not flt.include_negated and index.any_negated:
        # cheaper than the text check, so it runs first
        checks.insert(0, lambda positions: ~index.negated[positions])
    return lo, hi, lists, checks


def _dyad(
    index: EventIndex,
    sides: tuple[tuple[str, ...], tuple[str, ...]],
    directed: bool,
    lo: int,
    hi: int,
) -> np.ndarray:
    """Positions in [lo, hi) of events from side A to side B (and B to A unless
    ``directed``): the dyad's positions over all dates, kept in the index's cache (a
    dyad's page asks for them several times), cut to the range."""
    whole = index.cache.get(("dyad", sides, directed), lambda: _whole_dyad(index, sides, directed))
    a, b = typed_search(whole, (lo, hi))
    found: np.ndarray = whole[a:b]
    return found


def _whole_dyad(
    index: EventIndex, sides: tuple[tuple[str, ...], tuple[str, ...]], directed: bool
) -> np.ndarray:
    a, b = sides
    lo, hi = 0, index.size
    forward = _intersect(index.by_source.any_of(a, lo, hi), index.by_target.any_of(b, lo, hi))
    if directed:
        return forward
    backward = _intersect(index.by_source.any_of(b, lo, hi), index.by_target.any_of(a, lo, hi))
    return sorted_unique(np.concatenate([forward, backward]))


def _member(sorted_values: np.ndarray, probes: np.ndarray) -> np.ndarray:
    """Boolean mask: is each of ``probes`` in ``sorted_values``."""
    if len(sorted_values) == 0:
        return np.zeros(len(probes), dtype=bool)
    at = np.searchsorted(sorted_values, probes.astype(sorted_values.dtype, copy=False))
    at[at == len(sorted_values)] = 0
    member: np.ndarray = sorted_values[at] == probes
    return member


def _intersect(one: np.ndarray, other: np.ndarray) -> np.ndarray:
    small, large = (one, other) if len(one) <= len(other) else (other, one)
    common: np.ndarray = small[_member(large, small)]
    return common


def series_rows(index: EventIndex, flt: EventFilter, by: str) -> list[dict[str, Any]] | None:
    """Per-period aggregates of the events matching ``flt``, shaped like the rows of the
    series SQL in :mod:`eventscribe.analysis.series` (periods ascending, then one row with
    period None for events dated too coarsely). None when the index cannot answer."""
    found = match(index, flt)
    if found is None:
        return None
    bucket = index.buckets[by][found]
    dated = bucket != NO_BUCKET
    coarse = int(len(found) - np.count_nonzero(dated))
    positions, bucket = found[dated], bucket[dated]
    periods, slot = _slots(bucket)
    k = len(periods)
    quad = index.quad[positions]
    counts = {q: np.bincount(slot[quad == q], minlength=k) for q in (1, 2, 3, 4)}
    sums = {
        name: _sums(getattr(index, name)[positions], slot, k) for name in ("intensity", "goldstein")
    }
    events = np.bincount(slot, minlength=k)
    rows: list[dict[str, Any]] = []
    for i, period in enumerate(periods.tolist()):
        row: dict[str, Any] = {
            "period": _EPOCH + timedelta(days=period), "events": int(events[i]),
            "verbal_coop": int(counts[1][i]), "material_coop": int(counts[2][i]),
            "verbal_conflict": int(counts[3][i]), "material_conflict": int(counts[4][i]),
        }  # fmt: skip
        for name, (total, n) in sums.items():
            row[f"{name}_sum"] = float(total[i]) if n[i] else None
            row[f"{name}_n"] = int(n[i])
        rows.append(row)
    if coarse:
        rows.append({"period": None, "events": coarse})
    return rows


def _slots(bucket: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct periods, ascending, and each event's index among them."""
    if len(bucket) == 0:
        return bucket, bucket
    base = int(bucket.min())
    offset = bucket - base
    present = np.bincount(offset) > 0
    return np.flatnonzero(present) + base, (np.cumsum(present) - 1)[offset]


def _sums(values: np.ndarray, slot: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-slot sum and count of the non-null (non-NaN) ``values``."""
    ok = ~np.isnan(values)
    return np.bincount(slot[ok], weights=values[ok], minlength=k), np.bincount(
        slot[ok], minlength=k
    )
