"""The flat events table and its export to Parquet, CSV or JSON Lines.

Column names follow the conventions a GDELT/ICEWS user already knows (``source_*`` /
``target_*`` actor fields, ``cameo_code``, ``quad_class``, ``goldstein``, ``lat`` /
``lon`` where the sentence says where the event happened), with each row's document
date, title, url and source alongside, and the CAMEO code's base (3-digit) and root
(2-digit) codes. Three kinds of rows (``rows``): ``events``, one row per act,
``source_*``/``target_*`` its first actors and every actor in
``source_names``/``source_countries`` (``;``-separated, in text order); ``dyads``, one
row per source-target pair (the store's ``dyads`` view), what GDELT and ICEWS count; and
``clusters``, one row per cross-article event with its ``num_mentions``,
``num_articles`` and ``num_sources``. A ``where`` fragment (SQL over the events, alias
``e``, and their documents, alias ``d``, with ``?`` parameters) filters any of them.
"""

from __future__ import annotations

from pathlib import Path

from eventscribe.errors import StoreError

FLAT_COLUMNS = (
    "event_id", "doc_id", "event_date", "date_precision", "event_day", "timing",
    "source_name", "source_country", "source_sector", "source_code", "source_text",
    "target_name", "target_country", "target_sector", "target_code", "target_text",
    "plover_type", "plover_mode", "cameo_code", "cameo_base", "cameo_root", "quad_class",
    "intensity", "goldstein",
    "negated", "confidence", "trigger_text", "sentence_text",
    "location_name", "location_geonameid", "lat", "lon", "location_country", "location_precision",
)  # fmt: skip

_DOC_COLUMNS = (("doc_date", "date"), ("doc_title", "title"), ("doc_url", "url"),
                ("doc_source", "source"))  # fmt: skip

EXPORT_COLUMNS = FLAT_COLUMNS + tuple(alias for alias, _ in _DOC_COLUMNS)
# every actor of an event, listed per role ("Serbia;Kosovo"), in the events layout
_LISTED = (("name", "names"), ("country", "countries"))
_LIST_COLUMNS = tuple(f"{role}_{plural}" for role in ("source", "target") for _, plural in _LISTED)
EVENT_EXPORT_COLUMNS = EXPORT_COLUMNS + _LIST_COLUMNS + ("mutual", "paired_cameo")
DYAD_EXPORT_COLUMNS = EXPORT_COLUMNS + ("paired_row",)
CLUSTER_EXPORT_COLUMNS = (
    "cluster_id", "num_mentions", "num_articles", "num_stories", "num_sources", "first_date",
    "last_date", "plover_type", "source_name", "source_country", "target_name",
    "target_country", "cameo_code", "cameo_base", "cameo_root",
)  # fmt: skip
ROW_LAYOUTS = ("events", "dyads", "clusters")
# computed columns: a CAMEO code's base and root codes, kept as text ("0234" -> "023", "02")
_COMPUTED = {"cameo_base": "left(e.cameo_code, 3)", "cameo_root": "left(e.cameo_code, 2)"}
EVERYTHING: tuple[str, list[object]] = ("TRUE", [])

# DuckDB COPY options for each export format the user may ask for.
_COPY_OPTIONS = {
    "parquet": "FORMAT parquet",
    "csv": "FORMAT csv, HEADER true",
    "jsonl": "FORMAT json",
}

EXPORT_FORMATS = tuple(_COPY_OPTIONS)


def actor_list(role: str, field: str) -> str:
    """SQL for ``field`` of every actor of the event ``e`` in ``role``, ``;``-separated in
    text order ("Serbia;Kosovo")."""
    return (
        f"(SELECT string_agg(a.{field}, ';' ORDER BY a.position) FROM event_actors AS a "
        f"WHERE a.event_id = e.event_id AND a.role = '{role}')"
    )


def flat_events_sql(rows: str = "events", where: str = "TRUE") -> str:
    """SELECT for the flat table in export order: one row per event, per dyad or per
    cross-article event (``rows``), filtered by ``where``.

    Order: document date (undated last), doc_id, sentence start, trigger start, event_id
    (the last only to make ties deterministic), then (dyads) the paired rows last.
    """
    if rows not in ROW_LAYOUTS:
        raise StoreError(
            f"unknown row layout {rows!r}", fix=f"use one of: {', '.join(ROW_LAYOUTS)}"
        )
    if rows == "clusters":
        return _clusters_sql(where)
    cols = [f'{_COMPUTED[c]} AS "{c}"' if c in _COMPUTED else f'e."{c}"' for c in FLAT_COLUMNS]
    cols += [f'd."{col}" AS "{alias}"' for alias, col in _DOC_COLUMNS]
    if rows == "events":
        cols += [
            f"{actor_list(role, field)} AS {role}_{plural}"
            for role in ("source", "target")
            for field, plural in _LISTED
        ]
        cols += ["e.mutual", "e.paired_cameo"]
        order = ""
    else:
        cols.append("e.paired_row")
        order = ", e.paired_row, e.source_name NULLS FIRST, e.target_name NULLS FIRST"
    return (
        f"SELECT {', '.join(cols)} "
        f"FROM {rows} AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id WHERE {where} "
        "ORDER BY d.date ASC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
        + order
    )


def _clusters_sql(where: str) -> str:
    """Cross-article events (the ``clustered_events`` view) whose first mention passes."""
    cols = [
        f"{_COMPUTED[c].replace('e.', 'c.')} AS {c}" if c in _COMPUTED else f"c.{c}"
        for c in CLUSTER_EXPORT_COLUMNS
    ]
    return (
        f"SELECT {', '.join(cols)} FROM clustered_events AS c "
        "JOIN events AS e ON e.event_id = c.cluster_id LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        f"WHERE {where} ORDER BY c.first_date NULLS LAST, c.cluster_id"
    )


def sql_string_literal(value: str) -> str:
    """``value`` as a single-quoted SQL literal, with embedded quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def copy_statement(path: Path, fmt: str, select: str, extra: str | None = None) -> str:
    """The ``COPY (select) TO 'path' (options)`` statement for ``fmt`` (plus ``extra``
    COPY options, e.g. a delimiter)."""
    if fmt not in _COPY_OPTIONS:
        raise StoreError(
            f"unknown export format {fmt!r} for {path}",
            fix=f"use one of: {', '.join(EXPORT_FORMATS)}",
        )
    options = _COPY_OPTIONS[fmt] + (f", {extra}" if extra else "")
    return f"COPY ({select}) TO {sql_string_literal(str(path))} ({options})"


def check_export_path(path: Path) -> None:
    """Fail early, naming the path, when the export cannot be written there."""
    if path.is_dir():
        raise StoreError(f"export path {path} is a directory", fix="give a file name")
    if not path.parent.is_dir():
        raise StoreError(
            f"cannot export to {path}: folder {path.parent} does not exist",
            fix="create the folder first or choose another path",
        )
