"""The flat events table and its export to Parquet, CSV or JSON Lines.

Column names follow the conventions a GDELT/ICEWS user already knows (``source_*`` /
``target_*`` actor fields, ``cameo_code``, ``quad_class``, ``goldstein``), with each
row's document date, title, url and source alongside. Two layouts (``rows``):
``events``, one row per act, ``source_*``/``target_*`` its first actors and every actor
in ``source_names``/``source_countries`` (``;``-separated, in text order); and
``dyads``, one row per source-target pair (the store's ``dyads`` view), what GDELT and
ICEWS count.
"""

from __future__ import annotations

from pathlib import Path

from eventscribe.errors import StoreError

FLAT_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_precision", "timing",
    "source_name", "source_country", "source_sector", "source_code", "source_text",
    "target_name", "target_country", "target_sector", "target_code", "target_text",
    "plover_type", "plover_mode", "cameo_code", "quad_class", "intensity", "goldstein",
    "negated", "confidence", "trigger_text", "sentence_text",
)  # fmt: skip

_DOC_COLUMNS = (("doc_date", "date"), ("doc_title", "title"), ("doc_url", "url"),
                ("doc_source", "source"))  # fmt: skip

EXPORT_COLUMNS = FLAT_COLUMNS + tuple(alias for alias, _ in _DOC_COLUMNS)
# every actor of an event, listed per role ("Serbia;Kosovo"), in the events layout
_LISTED = (("name", "names"), ("country", "countries"))
_LIST_COLUMNS = tuple(f"{role}_{plural}" for role in ("source", "target") for _, plural in _LISTED)
EVENT_EXPORT_COLUMNS = EXPORT_COLUMNS + _LIST_COLUMNS + ("mutual", "paired_cameo")
DYAD_EXPORT_COLUMNS = EXPORT_COLUMNS + ("paired_row",)
ROW_LAYOUTS = ("events", "dyads")

# DuckDB COPY options for each export format the user may ask for.
_COPY_OPTIONS = {
    "parquet": "FORMAT parquet",
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",
}

EXPORT_FORMATS = tuple(_COPY_OPTIONS)


def _listed(role: str, field: str, plural: str) -> str:
    return (
        f"(SELECT string_agg(a.{field}, ';' ORDER BY a.position) FROM event_actors AS a "
        f"WHERE a.event_id = e.event_id AND a.role = '{role}') AS {role}_{plural}"
    )


def flat_events_sql(rows: str = "events") -> str:
    """SELECT for the flat table in export order, one row per event or per dyad.

    Order: document date (undated last), doc_id, sentence start, trigger start, event_id
    (the last only to make ties deterministic), then (dyads) the paired rows last.
    """
    if rows not in ROW_LAYOUTS:
        raise StoreError(f"unknown row layout {rows!r}", fix=f"use one of: {', '.join(ROW_LAYOUTS)}")
    cols = [f'e."{c}"' for c in FLAT_COLUMNS]
    cols += [f'd."{col}" AS "{alias}"' for alias, col in _DOC_COLUMNS]
    if rows == "events":
        cols += [_listed(role, field, plural) for role in ("source", "target") for field, plural in _LISTED]
        cols += ["e.mutual", "e.paired_cameo"]
        order = ""
    else:
        cols.append("e.paired_row")
        order = ", e.paired_row, e.source_name NULLS FIRST, e.target_name NULLS FIRST"
    return (
        f"SELECT {', '.join(cols)} "
        f"FROM {rows} AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        "ORDER BY d.date ASC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
        + order
    )


def sql_string_literal(value: str) -> str:
    """``value`` as a single-quoted SQL literal, with embedded quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def copy_statement(path: Path, fmt: str, rows: str = "events") -> str:
    """The ``COPY (flat events or dyads) TO 'path' (options)`` statement for ``fmt``."""
    if fmt not in _COPY_OPTIONS:
        raise StoreError(
            f"unknown export format {fmt!r} for {path}",
            fix=f"use one of: {', '.join(EXPORT_FORMATS)}",
        )
    return f"COPY ({flat_events_sql(rows)}) TO {sql_string_literal(str(path))} ({_COPY_OPTIONS[fmt]})"


def check_export_path(path: Path) -> None:
    """Fail early, naming the path, when the export cannot be written there."""
    if path.is_dir():
        raise StoreError(f"export path {path} is a directory", fix="give a file name")
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot export to {path}: folder {path.parent} does not exist",
            fix="create the folder first or choose another path",
        )
