"""The map's points (:func:`eventscribe.analysis.map_points`) answered from the event index.

The matching events come from :func:`~eventscribe.web.indexed.match_chunks`; those with
coordinates are grouped by their coordinates rounded to 4 decimals (as DuckDB's
``round``), counted per quad class, and each group's location name,
country and precision is the smallest of its events' (ids into sorted tables, as SQL's
``min``). A point lists its newest events (date descending, then event id). The answer is
that of the SQL in :mod:`eventscribe.analysis.geo`; tests/web/test_index.py compares them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from eventscribe.analysis.filters import EventFilter
from eventscribe.web.index import EventIndex
from eventscribe.web.indexed import match_chunks


def _rounded(values: np.ndarray) -> np.ndarray:
    """``values`` rounded to 4 decimals as DuckDB (and Python's ``round``) round them:
    the decimal nearest to the double's exact value. Scaling by 10^4 is exact enough
    except next to a half ("44.81265" is a little below one, its scaled double exactly
    one): those few are rounded one by one."""
    scaled = values * 1e4
    rounded: np.ndarray = np.copysign(np.floor(np.abs(scaled) + 0.5), scaled) / 1e4
    near_half = np.flatnonzero(np.abs(np.abs(scaled) % 1.0 - 0.5) < 1e-6)
    for i in near_half.tolist():
        rounded[i] = round(float(values[i]), 4)
    return rounded


def map_rows(
    index: EventIndex, flt: EventFilter, limit: int, per_point: int
) -> dict[str, Any] | None:
    """``{"points": [...], "unplaced": n}`` for the events matching ``flt``, or None
    when the index cannot answer (the caller then uses SQL)."""
    chunks = match_chunks(index, flt)
    if chunks is None:
        return None
    located: list[np.ndarray] = []
    unplaced = 0
    for found in chunks:
        lat, lon = index.lat[found], index.lon[found]
        unplaced += int(np.count_nonzero(np.isnan(lat)))
        located.append(found[~np.isnan(lat) & ~np.isnan(lon)])
    positions = np.concatenate(located) if located else np.zeros(0, dtype=np.int32)
    if len(positions) == 0:
        return {"points": [], "unplaced": unplaced}
    coords = np.stack([_rounded(index.lat[positions]), _rounded(index.lon[positions])], axis=1)
    keys, group = np.unique(coords, axis=0, return_inverse=True)
    group = group.reshape(-1)
    events = np.bincount(group, minlength=len(keys))
    quads = np.bincount(group * 5 + index.quad[positions], minlength=len(keys) * 5)
    order = np.lexsort((keys[:, 1], keys[:, 0], -events))[:limit]
    # each point's events, newest first: positions sorted by point once (stable: the
    # positions stay ascending within a point), not a scan of all of them per point
    by_point = positions[np.argsort(group, kind="stable")]
    starts = np.concatenate([[0], np.cumsum(events)])
    points = []
    for g in order.tolist():
        members = by_point[starts[g] : starts[g + 1]]
        counts = quads.reshape(-1, 5)[g, 1:].tolist()
        points.append({
            "lat": float(keys[g, 0]), "lon": float(keys[g, 1]),
            **_smallest(index, members), "events": int(events[g]),
            "quad": 1 + counts.index(max(counts)),
            "items": _newest(index, members, per_point),
        })  # fmt: skip
    return {"points": points, "unplaced": unplaced}


def _smallest(index: EventIndex, members: np.ndarray) -> dict[str, Any]:
    """The group's smallest location name, country and precision (None when none has one)."""
    out: dict[str, Any] = {}
    for field, part in (("name", "names"), ("country", "countries"), ("precision", "precisions")):
        ids = index.ids_of[f"loc_{field}_id"][members]
        ids = ids[ids >= 0]
        out[field] = index.location_keys[part][int(ids.min())] if len(ids) else None
    return out


def _newest(index: EventIndex, members: np.ndarray, per_point: int) -> list[dict[str, Any]]:
    """The point's ``per_point`` newest events (date descending, nulls last, then event
    id), shaped as the SQL lists them. Positions are newest first, so only the events up
    to the date of the ``per_point``-th are read (all of that date: the ids break ties)."""
    if len(members) > per_point:
        rank = index.dates.neg_rank[members]  # ascending: newest first, no date last
        members = members[rank <= rank[per_point - 1]]
    rows = index.rows(members)
    rank = index.dates.neg_rank[members].tolist()
    ordered = sorted(zip(rank, rows), key=lambda pair: (pair[0], pair[1]["event_id"]))
    return [_item(row) for _, row in ordered[:per_point]]


def _item(row: dict[str, Any]) -> dict[str, Any]:
    start, at = row["sentence_start"], row["trigger_start"]
    return {
        "event_id": row["event_id"],
        "plover_type": row["plover_type"],
        "quad_class": row["quad_class"],
        "date": row["event_date"] or row["doc_date"],
        "source_name": row["source_name"],
        "target_name": row["target_name"],
        "trigger_text": row["trigger_text"],
        "trigger_at": at - start if at is not None and start is not None else None,
        "sentence_text": row["sentence_text"],
    }
