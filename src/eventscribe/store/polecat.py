"""The POLECAT layout of an export (``export --layout polecat``).

One row per event (one act with all its actors, as POLECAT codes it), with POLECAT's
column names, in POLECAT's order, for the fields eventscribe codes: the PLOVER type,
mode and intensity, quad class, the actors (``;``-separated when an act has several, as
POLECAT lists them) with their ISO 3166 alpha-3 countries and PLOVER sectors, the
words that named them, where the event happened, and the article's source, date and
language. ``Version`` is the eventscribe version that coded the row. Columns POLECAT
has and eventscribe does not code (COW codes, actor titles, Wikipedia ids, contexts,
the place's city/district/province split, story-level people and organisations) are
left out rather than written empty.
"""

from __future__ import annotations

from eventscribe.store.export import actor_list

# (POLECAT column, SQL over the events ``e``, documents ``d`` and runs ``r``)
POLECAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Event ID", "e.event_id"),
    ("Event Date", "CASE WHEN length(e.event_date) = 10 THEN e.event_date END"),
    ("Event Type", "e.plover_type"),
    ("Event Mode", "e.plover_mode"),
    ("Event Intensity", "e.intensity"),
    ("Quad Code", "e.quad_class"),
    ("Actor Name", actor_list("source", "name")),
    ("Actor Country", actor_list("source", "country")),
    ("Primary Actor Sector", "e.source_sector"),
    ("Actor Sectors", actor_list("source", "sector")),
    ("Actor Name Raw", actor_list("source", "text")),
    ("Recipient Name", actor_list("target", "name")),
    ("Recipient Country", actor_list("target", "country")),
    ("Primary Recipient Sector", "e.target_sector"),
    ("Recipient Sectors", actor_list("target", "sector")),
    ("Recipient Name Raw", actor_list("target", "text")),
    ("Placename", "e.location_name"),
    ("Country", "e.location_country"),
    ("Latitude", "e.lat"),
    ("Longitude", "e.lon"),
    ("GeoNames ID", "e.location_geonameid"),
    ("Feature Type", "e.location_precision"),
    ("Source", "d.source"),
    ("Publication Date", "CAST(d.date AS VARCHAR)"),
    ("Language", "d.language"),
    ("Version", "r.code_version"),
)
POLECAT_HEADER = tuple(name for name, _ in POLECAT_COLUMNS)


def polecat_sql(where: str = "TRUE") -> str:
    """SELECT of the event rows in the POLECAT layout, filtered by ``where`` (over ``e``/``d``)."""
    cols = ", ".join(f'{sql} AS "{name}"' for name, sql in POLECAT_COLUMNS)
    return (
        f"SELECT {cols} FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        "LEFT JOIN runs AS r ON r.run_id = e.run_id "
        f"WHERE {where} "
        "ORDER BY d.date ASC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id"
    )
