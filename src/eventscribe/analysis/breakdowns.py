"""Who is involved and what kind of events: top actors, top dyads and the event type mix.

Each function takes the same :class:`EventFilter` as the time series, so a page that
shows the SRB-XKX chart can show the actors and event types behind it.
"""

from __future__ import annotations

from typing import Any

from eventscribe.analysis.filters import ALL_EVENTS, EventFilter, Reader, source_for

_ACTORS_SQL = """
WITH picked AS (
  SELECT e.source_name, e.source_country, e.source_code, e.target_name, e.target_country,
         e.target_code, e.goldstein {from_sql} WHERE {where}
),
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

_TYPES_SQL = """
SELECT e.plover_type, min(e.quad_class) AS quad_class, count(*) AS events,
       avg(e.goldstein) AS goldstein_mean
{from_sql} WHERE {where}
GROUP BY e.plover_type ORDER BY events DESC, e.plover_type
"""

_DYADS_SQL = """
SELECT least(e.source_country, e.target_country) AS side_a,
       greatest(e.source_country, e.target_country) AS side_b,
       count(*) AS events,
       count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS cooperative,
       count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conflictual,
       min({date_sql}) AS first_date, max({date_sql}) AS last_date
{from_sql}
WHERE {where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
  AND e.source_country <> e.target_country
GROUP BY side_a, side_b ORDER BY events DESC, side_a, side_b LIMIT ?
"""


def top_actors(
    reader: Reader, flt: EventFilter = ALL_EVENTS, *, limit: int = 20
) -> list[dict[str, Any]]:
    """Actors (canonical name, country, code) in the most events, as source or target.

    Each row: ``name, country, code, as_source, as_target, events, goldstein_mean``.
    """
    rows = _run(reader, _ACTORS_SQL, flt, [int(limit)], "actors")
    return rows


def type_mix(reader: Reader, flt: EventFilter = ALL_EVENTS) -> list[dict[str, Any]]:
    """Events per PLOVER type, most frequent first: ``plover_type, quad_class, events, goldstein_mean``."""
    return _run(reader, _TYPES_SQL, flt, [], "types")


def top_dyads(
    reader: Reader, flt: EventFilter = ALL_EVENTS, *, limit: int = 20
) -> list[dict[str, Any]]:
    """Country pairs (either direction, alphabetical) with the most events between them.

    Each row: ``side_a, side_b, events, cooperative, conflictual, first_date, last_date``.
    Events within one country (XKX -> XKX) are not a dyad and are left out.
    """
    return _run(reader, _DYADS_SQL, flt, [int(limit)], "dyads")


def _run(
    reader: Reader, template: str, flt: EventFilter, tail: list[Any], kind: str
) -> list[dict[str, Any]]:
    """The rows of breakdown ``kind``: from the reader itself when it offers
    ``breakdown_rows(kind, flt, limit)`` (the web app answers from its index), else SQL."""
    own = getattr(reader, "breakdown_rows", None)
    rows = own(kind, flt, tail[0] if tail else None) if own is not None else None
    if rows is not None:
        return [_clean(row) for row in rows]
    source = source_for(reader, flt)
    where, params = flt.where(source)
    sql = template.format(from_sql=source.from_sql, date_sql=source.date_sql, where=where)
    return [_clean(row) for row in reader.fetch(sql, [*params, *tail])]


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-friendly values: floats rounded to 4 places, the rest as DuckDB gave them."""
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
