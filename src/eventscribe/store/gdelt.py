"""The GDELT 2.0 event table layout of an export (``export --layout gdelt``).

One row per dyad (the store's ``dyads`` view), with GDELT's column names, in GDELT's
order, for the fields eventscribe codes: dates as GDELT writes them (``SQLDATE``
YYYYMMDD, ``MonthYear``, ``Year``, ``FractionDate``), actor codes, names, countries
(ISO 3166 alpha-3, where GDELT's CAMEO country codes differ for a few states, e.g.
Kosovo XKX for KOS) and sector as ``Type1Code``, the CAMEO event, base and root codes,
quad class, Goldstein score, mention/source/article counts of the cross-article event,
where it happened (``ActionGeo_*``), when it was coded and its source URL. Columns
GDELT has and eventscribe does not code (tone, known group, ethnic and religion codes,
the actors' own geography) are left out rather than written empty.
"""

from __future__ import annotations

# The event's day: its own date when known to the day, else its document's date.
_DAY = (
    "COALESCE(CASE WHEN length(e.event_date) = 10 THEN TRY_CAST(e.event_date AS DATE) END, d.date)"
)
# GDELT's geographic resolution: 1 country, 4 city (world), 5 first-level region (world)
_GEO_TYPE = (
    "CASE e.location_precision WHEN 'country' THEN 1 WHEN 'admin1' THEN 5 "
    "WHEN 'city' THEN 4 WHEN 'dateline' THEN 4 END"
)

# (GDELT column, SQL over the dyads view ``e``, documents ``d``, clusters ``k``, runs ``r``)
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "e.event_id"),
    ("SQLDATE", f"strftime({_DAY}, '%Y%m%d')"),
    ("MonthYear", f"strftime({_DAY}, '%Y%m')"),
    ("Year", f"strftime({_DAY}, '%Y')"),
    ("FractionDate", f"round(year({_DAY}) + (dayofyear({_DAY}) - 1) / 365.0, 4)"),
    ("Actor1Code", "e.source_code"),
    ("Actor1Name", "upper(e.source_name)"),
    ("Actor1CountryCode", "e.source_country"),
    ("Actor1Type1Code", "e.source_sector"),
    ("Actor2Code", "e.target_code"),
    ("Actor2Name", "upper(e.target_name)"),
    ("Actor2CountryCode", "e.target_country"),
    ("Actor2Type1Code", "e.target_sector"),
    ("IsRootEvent", "CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END"),
    ("EventCode", "e.cameo_code"),
    ("EventBaseCode", "left(e.cameo_code, 3)"),
    ("EventRootCode", "left(e.cameo_code, 2)"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "COALESCE(k.num_mentions, 1)"),
    ("NumSources", "COALESCE(k.num_sources, 1)"),
    ("NumArticles", "COALESCE(k.num_articles, 1)"),
    ("ActionGeo_Type", _GEO_TYPE),
    ("ActionGeo_FullName", "e.location_name"),
    ("ActionGeo_CountryCode", "e.location_country"),
    ("ActionGeo_Lat", "e.lat"),
    ("ActionGeo_Long", "e.lon"),
    ("ActionGeo_FeatureID", "CAST(e.location_geonameid AS VARCHAR)"),
    (
        "DATEADDED",
        "strftime(try_strptime(left(r.started_at, 19), '%Y-%m-%dT%H:%M:%S'), '%Y%m%d%H%M%S')",
    ),
    ("SOURCEURL", "d.url"),
)
GDELT_HEADER = tuple(name for name, _ in GDELT_COLUMNS)


def gdelt_sql(where: str = "TRUE") -> str:
    """SELECT of the dyad rows in the GDELT layout, filtered by ``where`` (over ``e``/``d``)."""
    cols = ", ".join(f'{sql} AS "{name}"' for name, sql in GDELT_COLUMNS)
    return (
        f"SELECT {cols} FROM dyads AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id "
        "LEFT JOIN event_clusters AS ec ON ec.event_id = e.event_id "
        "LEFT JOIN clustered_events AS k ON k.cluster_id = ec.cluster_id "
        "LEFT JOIN runs AS r ON r.run_id = e.run_id "
        f"WHERE {where} "
        "ORDER BY d.date ASC NULLS LAST, e.doc_id, e.sentence_start, e.trigger_start, e.event_id, "
        "e.paired_row, e.source_name NULLS FIRST, e.target_name NULLS FIRST"
    )
