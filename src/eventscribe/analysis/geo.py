"""Events on a map: one point per place, with its events and the sentences that say so.

Only events whose sentence says where they happened have coordinates (see
:mod:`eventscribe.places.location`); the others are counted, not placed. A point is one
location (its coordinates rounded to 4 decimals, about 10 m); its ``quad`` is the quad
class most of its events have (ties: the lower class), its ``events`` the count.
"""

from __future__ import annotations

from typing import Any

from eventscribe.analysis.filters import STORE_SOURCE, EventFilter, Reader

# points drawn at most (the busiest), and events listed per point
MAX_POINTS = 2000
EVENTS_PER_POINT = 20

_POINTS_SQL = """
SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon,
       min(e.location_name) AS name, min(e.location_country) AS country,
       min(e.location_precision) AS precision, count(*) AS events,
       count(*) FILTER (WHERE e.quad_class = 1) AS q1,
       count(*) FILTER (WHERE e.quad_class = 2) AS q2,
       count(*) FILTER (WHERE e.quad_class = 3) AS q3,
       count(*) FILTER (WHERE e.quad_class = 4) AS q4
{from_sql} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
GROUP BY 1, 2 ORDER BY events DESC, lat, lon LIMIT ?
"""

_EVENTS_SQL = """
SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon, e.event_id, e.plover_type,
       e.quad_class, {date_sql} AS date, e.source_name, e.target_name, e.trigger_text,
       e.trigger_start - e.sentence_start AS trigger_at, e.sentence_text
{from_sql} WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY round(e.lat, 4), round(e.lon, 4)
                           ORDER BY {date_sql} DESC NULLS LAST, e.event_id) <= ?
"""

_UNPLACED_SQL = "SELECT count(*) AS n {from_sql} WHERE {where} AND e.lat IS NULL"


def map_points(
    reader: Reader, flt: EventFilter, *, limit: int = MAX_POINTS, per_point: int = EVENTS_PER_POINT
) -> dict[str, Any]:
    """``points`` (lat, lon, name, country, precision, events, quad, and up to
    ``per_point`` of its events, newest first) and ``unplaced`` (matching events with
    no coordinates). A reader offering ``map_rows(flt, limit, per_point)`` (the web app,
    from its event index) answers itself; any other reads the store with SQL."""
    own = getattr(reader, "map_rows", None)
    answer = own(flt, int(limit), int(per_point)) if own is not None else None
    if answer is not None:
        return dict(answer)
    where, params = flt.where(STORE_SOURCE)
    fill = {"from_sql": STORE_SOURCE.from_sql, "date_sql": STORE_SOURCE.date_sql, "where": where}
    points = reader.fetch(_POINTS_SQL.format(**fill), [*params, int(limit)])
    listed: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for row in reader.fetch(_EVENTS_SQL.format(**fill), [*params, int(per_point)]):
        key = (row.pop("lat"), row.pop("lon"))
        listed.setdefault(key, []).append(row)
    for point in points:
        counts = [point.pop(f"q{q}") for q in (1, 2, 3, 4)]
        point["quad"] = 1 + counts.index(max(counts))
        point["items"] = listed.get((point["lat"], point["lon"]), [])
    unplaced = reader.fetch(_UNPLACED_SQL.format(**fill), params)[0]["n"]
    return {"points": points, "unplaced": unplaced}
