"""Write a time series (or any list of flat rows) to CSV or Parquet for other tools."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from eventscribe.analysis.series import SERIES_COLUMNS, DyadSeries
from eventscribe.errors import OutputError

SERIES_FORMATS = ("csv", "parquet")


def write_series(series: DyadSeries, path: str | Path, *, fmt: str) -> int:
    """Write the points of ``series`` (columns :data:`SERIES_COLUMNS`); return rows written."""
    rows = [p.as_dict() for p in series.points]
    return write_rows(rows, SERIES_COLUMNS, path, fmt=fmt)


def write_rows(
    rows: Sequence[dict[str, Any]], columns: Sequence[str], path: str | Path, *, fmt: str
) -> int:
    """Write ``rows`` with ``columns`` in order as ``fmt`` (csv or parquet) to ``path``."""
    target = Path(path)
    if fmt not in SERIES_FORMATS:
        raise OutputError(f"unknown format {fmt!r} for {target}", fix="use csv or parquet")
    if not target.parent.is_dir():
        raise OutputError(
            f"cannot write {target}: folder {target.parent} does not exist",
            fix="create the folder first or choose another path",
        )
    try:
        if fmt == "csv":
            _write_csv(rows, columns, target)
        else:
            table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
            if not rows:
                table = pa.table({c: pa.array([], pa.string()) for c in columns})
            pq.write_table(table, target)
    except OSError as exc:
        raise OutputError(
            f"cannot write {target}: {exc}", fix="check the path and permissions"
        ) from exc
    return len(rows)


def _write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], target: Path) -> None:
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
