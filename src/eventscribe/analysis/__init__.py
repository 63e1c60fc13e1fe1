"""Analysis over an :class:`~eventscribe.store.EventStore` (read-only queries).

``summary``: events by dyad and date for the terminal. ``series``: events per day, week
or month by quad class with intensity and Goldstein sums and means. ``breakdowns``: top
actors, top dyads, event type mix. ``geo``: located events as points on a map.
``export``: series to CSV or Parquet. All take a ``Reader`` (an EventStore, or anything
with ``fetch(sql, params)``) and an :class:`EventFilter`.
"""

from eventscribe.analysis.breakdowns import top_actors, top_dyads, type_mix
from eventscribe.analysis.export import SERIES_FORMATS, write_rows, write_series
from eventscribe.analysis.filters import EventFilter, Reader, split_codes
from eventscribe.analysis.geo import map_points
from eventscribe.analysis.series import (
    PERIODS,
    SERIES_COLUMNS,
    DyadSeries,
    SeriesPoint,
    dyad_series,
    event_series,
    peaks,
    period_end,
)
from eventscribe.analysis.summary import (
    DyadRow,
    counts_by_type,
    dyad_summary,
    format_dyad_summary,
)

__all__ = [
    "PERIODS",
    "SERIES_COLUMNS",
    "SERIES_FORMATS",
    "DyadRow",
    "DyadSeries",
    "EventFilter",
    "Reader",
    "SeriesPoint",
    "counts_by_type",
    "dyad_series",
    "dyad_summary",
    "event_series",
    "format_dyad_summary",
    "map_points",
    "peaks",
    "period_end",
    "split_codes",
    "top_actors",
    "top_dyads",
    "type_mix",
    "write_rows",
    "write_series",
]
