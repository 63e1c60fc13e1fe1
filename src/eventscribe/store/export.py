"""The flat events table and its export to Parquet, CSV or JSON Lines.

Column names follow the conventions a GDELT/ICEWS user already knows (``source_*`` /
``target_*`` actor fields, ``cameo_code``, ``quad_class``, ``goldstein``, ``lat`` /
``lon`` where the sentence says where the event happened), one row per event with its
document's date, title, url and source alongside.
"""

from __future__ import annotations

from pathlib import Path

from eventscribe.errors import StoreError

FLAT_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_precision", "event_day", "timing",
    "source_name", "source_country", "source_sector", "source_code", "source_text",
    "target_name", "target_country", "target_sector", "target_code", "target_text",
    "plover_type", "plover_mode", "cameo_code", "quad_class", "intensity", "goldstein",
    "negated", "confidence", "trigger_text", "sentence_text",
    "location_name", "location_geonameid", "lat", "lon", "location_country", "location_precision",
)  # fmt: skip

_DOC_COLUMNS = (("doc_date", "date"), ("doc_title", "title"), ("doc_url", "url"),
                ("doc_source", "source"))  # fmt: skip

EXPORT_COLUMNS = FLAT_COLUMNS + tuple(alias for alias, _ in _DOC_COLUMNS)

# DuckDB COPY options for each export format the user may ask for.
_COPY_OPTIONS = {
    "parquet": "FORMAT parquet",
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",
}

EXPORT_FORMATS = tuple(_COPY_OPTIONS)


def flat_events_sql() -> str:
    """SELECT for the flat events table in export order.

    Order: document date (undated last), doc_id, sentence start, trigger start, event_id
    (the last only to make ties deterministic).
    """
    event_cols = ", ".join(f'e."{c}"' for c in FLAT_COLUMNS)
    doc_cols = ", ".join(f'd."{col}" AS "{alias}"' for alias, col in _DOC_COLUMNS)
    return (
        f"SELECT {event_cols}, {doc_cols} "
        "FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        "ORDER BY d.date ASC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
    )


def sql_string_literal(value: str) -> str:
    """``value`` as a single-quoted SQL literal, with embedded quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def copy_statement(path: Path, fmt: str) -> str:
    """The ``COPY (flat events) TO 'path' (options)`` statement for ``fmt``."""
    if fmt not in _COPY_OPTIONS:
        raise StoreError(
            f"unknown export format {fmt!r} for {path}",
            fix=f"use one of: {', '.join(EXPORT_FORMATS)}",
        )
    return f"COPY ({flat_events_sql()}) TO {sql_string_literal(str(path))} ({_COPY_OPTIONS[fmt]})"


def check_export_path(path: Path) -> None:
    """Fail early, naming the path, when the export cannot be written there."""
    if path.is_dir():
        raise StoreError(f"export path {path} is a directory", fix="give a file name")
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot export to {path}: folder {path.parent} does not exist",
            fix="create the folder first or choose another path",
        )
