"""Who is involved and what kind of events: top actors, top dyads and the event type mix.

Each function takes the same :class:`EventFilter` as the time series, so a page that
shows the SRB-XKX chart can show the actors and event types behind it.
"""

from __future__ import annotations

from typing import Any

from eventscribe.analysis.filters import EVENT_DATE_SQL, EventFilter, Reader

_FROM = "FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id"

_ACTORS_SQL = f"""
WITH picked AS (SELECT e.* {_FROM} WHERE {{where}}),
roles AS (
  SELECT source_name AS name, source_country AS country, source_code AS code,
         1 AS as_source, 0 AS as_target, goldstein FROM picked WHERE source_name IS NOT NULL
  UNION ALL
  SELECT target_name, target_country, target_code, 0, 1, goldstein
  FROM picked WHERE target_name IS NOT NULL
)
SELECT name, country, code, sum(as_source) AS as_source, sum(as_target) AS as_target,
       count(*) AS events, avg(goldstein) AS goldstein_mean
FROM roles GROUP BY name, country, code
ORDER BY events DESC, name, country NULLS LAST, code NULLS LAST LIMIT ?
"""

_TYPES_SQL = f"""
SELECT e.plover_type, min(e.quad_class) AS quad_class, count(*) AS events,
       avg(e.goldstein) AS goldstein_mean
{_FROM} WHERE {{where}}
GROUP BY e.plover_type ORDER BY events DESC, e.plover_type
"""

_DYADS_SQL = f"""
SELECT least(e.source_country, e.target_country) AS side_a,
       greatest(e.source_country, e.target_country) AS side_b,
       count(*) AS events,
       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperative,
       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflictual,
       min({EVENT_DATE_SQL}) AS first_date, max({EVENT_DATE_SQL}) AS last_date
{_FROM}
WHERE {{where}} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
  AND e.source_country <> e.target_country
GROUP BY side_a, side_b ORDER BY events DESC, side_a, side_b LIMIT ?
"""


def top_actors(reader: Reader, flt: EventFilter = EventFilter(), *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors (canonical name, country, code) in the most events, as source or target.

    Each row: ``name, country, code, as_source, as_target, events, goldstein_mean``.
    """
    where, params = flt.where()
    rows = reader.fetch(_ACTORS_SQL.format(where=where), [*params, int(limit)])
    return [_clean(row) for row in rows]


def type_mix(reader: Reader, flt: EventFilter = EventFilter()) -> list[dict[str, Any]]:
    """Events per PLOVER type, most frequent first: ``plover_type, quad_class, events, goldstein_mean``."""
    where, params = flt.where()
    return [_clean(row) for row in reader.fetch(_TYPES_SQL.format(where=where), params)]


def top_dyads(reader: Reader, flt: EventFilter = EventFilter(), *, limit: int = 20) -> list[dict[str, Any]]:
    """Country pairs (either direction, alphabetical) with the most events between them.

    Each row: ``side_a, side_b, events, cooperative, conflictual, first_date, last_date``.
    Events within one country (XKX -> XKX) are not a dyad and are left out.
    """
    where, params = flt.where()
    rows = reader.fetch(_DYADS_SQL.format(where=where), [*params, int(limit)])
    return [_clean(row) for row in rows]


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-friendly values: floats rounded to 4 places, the rest as DuckDB gave them."""
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
