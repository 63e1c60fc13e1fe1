"""Time series over the store: events per day, week or month, by quad class, with intensity.

This is the picture an analyst draws first: how cooperative or hostile two sides were,
period by period. Each period counts events per PLOVER quad class (1 verbal cooperation,
2 material cooperation, 3 verbal conflict, 4 material conflict) and sums and averages the
PLOVER intensity and the Goldstein score. The CLI (`eventscribe dyad`), the HTTP API and
the dashboard all call these functions.

An event sits in a period only when its date is at least as fine as the period: a date
given only as a month ("2022-11") counts in a monthly series but not in a weekly one.
Such events are counted in ``DyadSeries.too_coarse`` instead of being placed on a guess;
events with no date at all (neither the text nor the document gives one: an undated
scrape) in ``DyadSeries.undated``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from eventscribe.analysis.filters import ALL_EVENTS, EventFilter, Reader, source_for, split_codes
from eventscribe.errors import ConfigError

PERIODS = ("day", "week", "month")

# Period start for each bucket size, from the effective event date string ``ev``.
_BUCKET_SQL = {
    "day": "CASE WHEN length(ev) = 10 THEN TRY_CAST(ev AS DATE) END",
    "week": "CASE WHEN length(ev) = 10 THEN date_trunc('week', TRY_CAST(ev AS DATE)) END",
    "month": "CASE WHEN length(ev) >= 7 THEN TRY_CAST(left(ev, 7) || '-01' AS DATE) END",
}

_SERIES_SQL = """
WITH picked AS (
  SELECT e.quad_class AS quad, e.intensity, e.goldstein, {event_date} AS ev
  {from_sql}
  WHERE {where}
), keyed AS (SELECT *, CAST({bucket} AS DATE) AS period FROM picked)
SELECT period, count(*) AS events,
  count(*) FILTER (WHERE quad = 1) AS verbal_coop,
  count(*) FILTER (WHERE quad = 2) AS material_coop,
  count(*) FILTER (WHERE quad = 3) AS verbal_conflict,
  count(*) FILTER (WHERE quad = 4) AS material_conflict,
  sum(intensity) AS intensity_sum, count(intensity) AS intensity_n,
  sum(goldstein) AS goldstein_sum, count(goldstein) AS goldstein_n
FROM keyed GROUP BY period ORDER BY period NULLS LAST
"""


@dataclass(frozen=True)
class SeriesPoint:
    """One period: ``period`` is its first day (ISO date; weeks start on Monday)."""

    period: str
    events: int
    verbal_coop: int
    material_coop: int
    verbal_conflict: int
    material_conflict: int
    intensity_sum: float
    intensity_mean: float | None
    goldstein_sum: float
    goldstein_mean: float | None

    @property
    def cooperative(self) -> int:
        return self.verbal_coop + self.material_coop

    @property
    def conflictual(self) -> int:
        return self.verbal_conflict + self.material_conflict

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


SERIES_COLUMNS = tuple(f.name for f in dataclasses.fields(SeriesPoint))


@dataclass(frozen=True)
class DyadSeries:
    """A series for two sides (or for all events matching a filter when ``sides`` is None)."""

    by: str
    sides: tuple[tuple[str, ...], tuple[str, ...]] | None
    directed: bool
    points: tuple[SeriesPoint, ...]
    too_coarse: int  # dated, but more coarsely than the period (a month in a weekly series)
    undated: int = 0  # no date at all

    @property
    def total(self) -> int:
        return sum(p.events for p in self.points)

    def as_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "side_a": list(self.sides[0]) if self.sides else None,
            "side_b": list(self.sides[1]) if self.sides else None,
            "directed": self.directed,
            "total": self.total,
            "too_coarse": self.too_coarse,
            "undated": self.undated,
            "points": [p.as_dict() for p in self.points],
        }


def check_period(by: str) -> str:
    """``by`` if it is a known period size; else a ConfigError listing the valid ones."""
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}", fix=f"use one of: {', '.join(PERIODS)}")
    return by


def event_series(
    reader: Reader, flt: EventFilter = ALL_EVENTS, *, by: str = "week", fill: bool = True
) -> DyadSeries:
    """Events matching ``flt`` per period ``by`` (day, week or month).

    With ``fill`` the periods between the first and the last one that have events are
    included with zero counts, so a chart shows quiet weeks as quiet.
    """
    rows = _own_rows(reader, flt, check_period(by))
    if rows is None:
        source = source_for(reader, flt)
        where, params = flt.where(source)
        sql = _SERIES_SQL.format(
            event_date=source.date_sql, from_sql=source.from_sql, where=where,
            bucket=_BUCKET_SQL[by],
        )  # fmt: skip
        rows = reader.fetch(sql, params)
    dated = [row for row in rows if row["period"] is not None]
    coarse = sum(int(row["events"]) for row in rows if row["period"] is None)
    undated = _undated(reader, flt) if coarse else 0
    points = [_point(row) for row in dated]
    if fill:
        points = _filled(points, by)
    return DyadSeries(by, flt.dyad, flt.directed, tuple(points), coarse - undated, undated)


def _undated(reader: Reader, flt: EventFilter) -> int:
    """Events matching ``flt`` with no date at all (asked only when some are unplaced)."""
    source = source_for(reader, flt)
    where, params = flt.where(source)
    sql = f"SELECT count(*) AS n {source.from_sql} WHERE {where} AND {source.date_sql} IS NULL"
    return int(reader.fetch(sql, params)[0]["n"])


def _own_rows(reader: Reader, flt: EventFilter, by: str) -> list[dict[str, Any]] | None:
    """The per-period rows from the reader itself, when it offers ``series_rows(flt, by)``
    (the web app answers from its event index): rows shaped like the series SQL's,
    or None to have the SQL run."""
    own = getattr(reader, "series_rows", None)
    return own(flt, by) if own is not None else None


def dyad_series(
    reader: Reader,
    side_a: str | tuple[str, ...],
    side_b: str | tuple[str, ...],
    *,
    by: str = "week",
    directed: bool = False,
    flt: EventFilter = ALL_EVENTS,
    fill: bool = True,
) -> DyadSeries:
    """Events between side A and side B per period.

    A side is one or more codes, each a country ("SRB") or an actor code ("SRBGOV"),
    given as a tuple or a comma-separated string ("SRB,SRBGOV"). Both directions count
    unless ``directed`` (then only A -> B). ``flt`` narrows further (dates, types, ...).
    """
    a, b = split_codes(side_a), split_codes(side_b)
    if not a or not b:
        raise ConfigError("a dyad needs two sides", fix="give two codes, e.g. SRB XKX")
    scoped = replace(flt, dyad=(a, b), directed=directed)
    return event_series(reader, scoped, by=by, fill=fill)


def peaks(series: DyadSeries) -> dict[str, SeriesPoint | None]:
    """The most cooperative and most conflictual periods, by summed Goldstein score.

    Ties go to the earlier period. A period is only a peak on its side of zero: a series
    with no net-cooperative period has no cooperative peak.
    """
    busy = [p for p in series.points if p.events]
    coop = max(busy, key=lambda p: p.goldstein_sum, default=None)
    conflict = min(busy, key=lambda p: p.goldstein_sum, default=None)
    return {
        "cooperative": coop if coop and coop.goldstein_sum > 0 else None,
        "conflictual": conflict if conflict and conflict.goldstein_sum < 0 else None,
    }


def period_end(start: str, by: str) -> str:
    """The last day (ISO) of the period that starts on ``start``."""
    first = date.fromisoformat(start)
    return (_next_start(first, by) - timedelta(days=1)).isoformat()


def _point(row: dict[str, Any]) -> SeriesPoint:
    return SeriesPoint(
        period=row["period"].isoformat(),
        events=int(row["events"]),
        verbal_coop=int(row["verbal_coop"]),
        material_coop=int(row["material_coop"]),
        verbal_conflict=int(row["verbal_conflict"]),
        material_conflict=int(row["material_conflict"]),
        intensity_sum=_rounded(row["intensity_sum"]) or 0.0,
        intensity_mean=_mean(row["intensity_sum"], row["intensity_n"]),
        goldstein_sum=_rounded(row["goldstein_sum"]) or 0.0,
        goldstein_mean=_mean(row["goldstein_sum"], row["goldstein_n"]),
    )


# Sums are cleaned to this many decimals before rounding: the scores have one or two, and
# adding doubles in another order (another copy, another reader) changes the last bits,
# which could tip a mean like -13.3 / 16 = -0.83125 to either side when rounded.
_CLEAN = 9


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(round(float(value), _CLEAN), 4)


def _mean(total: float | None, count: int | None) -> float | None:
    """The mean of ``count`` non-null values summing to ``total`` (None without values)."""
    if total is None or not count:
        return None
    return round(round(float(total), _CLEAN) / int(count), 4)


def _next_start(first: date, by: str) -> date:
    if by == "day":
        return first + timedelta(days=1)
    if by == "week":
        return first + timedelta(days=7)
    year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
    return date(year, month, 1)


def _filled(points: list[SeriesPoint], by: str) -> list[SeriesPoint]:
    """``points`` with an all-zero point for every empty period between first and last."""
    if not points:
        return points
    have = {p.period: p for p in points}
    current, last = date.fromisoformat(points[0].period), date.fromisoformat(points[-1].period)
    out = []
    while current <= last:
        key = current.isoformat()
        out.append(have.get(key) or SeriesPoint(key, 0, 0, 0, 0, 0, 0.0, None, 0.0, None))
        current = _next_start(current, by)
    return out
