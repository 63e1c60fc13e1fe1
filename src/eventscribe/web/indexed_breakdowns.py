"""Breakdowns (top actors, top dyads, the type mix) answered from the event index.

The events matching a filter come from :func:`~eventscribe.web.indexed.match`; each
position's type, first source's and target's country and actor are ids into sorted
tables (:mod:`~eventscribe.web.indexbuild`), so a breakdown is a few ``bincount`` calls
over the matching positions instead of a grouping query over the store: milliseconds for
a dyad on ten million events where the SQL over the Parquet copy took seconds. The rows
are those of the SQL in :mod:`eventscribe.analysis.breakdowns`, in the same order (ties
broken by name, as the tables are sorted); tests/web/test_index.py compares the two.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pyarrow as pa

from eventscribe.analysis.filters import EventFilter
from eventscribe.web.index import EventIndex
from eventscribe.web.indexed import match_chunks

# Country pairs are counted in one bincount of (countries)^2 slots up to this many.
_MAX_PAIR_SLOTS = 4_000_000
_LATEST = 2**31 - 1


def breakdown_rows(
    index: EventIndex, kind: str, flt: EventFilter, limit: int | None
) -> list[dict[str, Any]] | None:
    """The rows of breakdown ``kind`` (``types``, ``dyads`` or ``actors``) of the events
    matching ``flt``, or None when the index cannot answer (the caller then uses SQL).
    The matching events are summed chunk by chunk, so memory stays small however many
    events match."""
    chunks = match_chunks(index, flt)
    if chunks is None:
        return None
    if kind == "types":
        return _types(index, chunks)
    if kind == "dyads":
        return _dyads(index, chunks, limit)
    if kind == "actors":
        return _actors(index, chunks, limit)
    return None


def _ranked(events: np.ndarray, limit: int | None) -> list[int]:
    """The slots with events, most first, ties by slot (the tables' sort order)."""
    present = np.flatnonzero(events)
    order = np.lexsort((present, -events[present]))
    ranked: list[int] = present[order][:limit].tolist()
    return ranked


def _mean(total: float, n: int) -> float | None:
    return float(total / n) if n else None


def _sums(values: np.ndarray, slot: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-slot sum and count of the non-NaN ``values``."""
    ok = ~np.isnan(values)
    return np.bincount(slot[ok], weights=values[ok], minlength=k), np.bincount(
        slot[ok], minlength=k
    )


def _types(index: EventIndex, chunks: Iterator[np.ndarray]) -> list[dict[str, Any]]:
    k = len(index.type_names)
    events, total, n = np.zeros(k + 1, np.int64), np.zeros(k + 1), np.zeros(k + 1, np.int64)
    quads = np.zeros((k + 1) * 5, np.int64)
    for found in chunks:
        ids = index.ids_of["type_id"][found]
        slot = np.where(ids < 0, k, ids)  # no type: the last slot (NULL sorts last)
        events += np.bincount(slot, minlength=k + 1)
        quads += np.bincount(slot * 5 + index.quad[found], minlength=(k + 1) * 5)
        chunk_total, chunk_n = _sums(index.goldstein[found], slot, k + 1)
        total, n = total + chunk_total, n + chunk_n
    by_quad = quads.reshape(k + 1, 5)
    rows = []
    for s in _ranked(events, None):
        present = np.flatnonzero(by_quad[s, 1:])  # quad 0 is none
        rows.append({
            "plover_type": index.type_names[s] if s < k else None,
            "quad_class": int(present[0]) + 1 if len(present) else None,
            "events": int(events[s]),
            "goldstein_mean": _mean(total[s], int(n[s])),
        })  # fmt: skip
    return rows


def _dyads(
    index: EventIndex, chunks: Iterator[np.ndarray], limit: int | None
) -> list[dict[str, Any]] | None:
    k = len(index.country_names)
    if k * k > _MAX_PAIR_SLOTS:
        return None  # too many distinct countries for one bincount: SQL answers
    slots = k * k
    events, cooperative, conflictual = (np.zeros(slots, np.int64) for _ in range(3))
    # a date's rank orders dates as strings: the first date is the smallest rank
    # (ufunc.at is fast only when the values' and the target's dtypes agree)
    first = np.full(slots, _LATEST, dtype=index.dates.neg_rank.dtype)
    last = np.full(slots, -1, dtype=index.dates.neg_rank.dtype)
    for found in chunks:
        source = index.ids_of["source_country_id"][found]
        target = index.ids_of["target_country_id"][found]
        keep = (source >= 0) & (target >= 0) & (source != target)
        found, source, target = found[keep], source[keep], target[keep]
        pair = np.minimum(source, target).astype(np.int64) * k + np.maximum(source, target)
        events += np.bincount(pair, minlength=slots)
        quad = index.quad[found]
        cooperative += np.bincount(pair[(quad == 1) | (quad == 2)], minlength=slots)
        conflictual += np.bincount(pair[(quad == 3) | (quad == 4)], minlength=slots)
        rank = -index.dates.neg_rank[found]
        dated = rank >= 0
        np.minimum.at(first, pair[dated], rank[dated])
        np.maximum.at(last, pair[dated], rank[dated])
    names, dates = index.country_names, index.dates.sorted
    return [
        {
            "side_a": names[p // k],
            "side_b": names[p % k],
            "events": int(events[p]),
            "cooperative": int(cooperative[p]),
            "conflictual": int(conflictual[p]),
            "first_date": dates[first[p]] if last[p] >= 0 else None,
            "last_date": dates[last[p]] if last[p] >= 0 else None,
        }
        for p in _ranked(events, limit)
    ]


def _actors(
    index: EventIndex, chunks: Iterator[np.ndarray], limit: int | None
) -> list[dict[str, Any]]:
    a = index.actors.num_rows
    counts = {role: np.zeros(a, np.int64) for role in ("source", "target")}
    totals, ns = np.zeros(a), np.zeros(a, dtype=np.int64)
    for found in chunks:
        goldstein = index.goldstein[found]
        for role in ("source", "target"):
            ids = index.ids_of[f"{role}_actor_id"][found]
            named = ids >= 0
            counts[role] += np.bincount(ids[named], minlength=a)
            total, n = _sums(goldstein[named], ids[named], a)
            totals, ns = totals + total, ns + n
    events = counts["source"] + counts["target"]
    top = _ranked(events, limit)
    shown = index.actors.take(pa.array(top, pa.int64())).to_pylist()
    return [
        {
            **actor,
            "as_source": int(counts["source"][i]),
            "as_target": int(counts["target"][i]),
            "events": int(events[i]),
            "goldstein_mean": _mean(totals[i], int(ns[i])),
        }
        for i, actor in zip(top, shown)
    ]
