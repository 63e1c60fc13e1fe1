"""The store's tables, declared once as data and turned into DDL and Arrow schemas.

Declaring each column once (name, DuckDB type) keeps the CREATE TABLE statements, the
Arrow tables that feed bulk inserts and the INSERT column lists from drifting apart.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a coding worker hands plain columns back and never loads pyarrow
    import pyarrow as pa

SCHEMA_VERSION = "4"

# Versions an older store may carry that opening it for writing upgrades in place:
# version 1 lacked the corpus tables (progress, quarantine, minhash, stories, clusters)
# and runs.input_fingerprint; versions before 4 had one actor per role and event (the
# upgrade copies them into event_actors), and lacked the places table and the events'
# location and event_day columns (filled from the stored location JSON and event_date).
# and documents.language. Upgrading keeps every stored row.
UPGRADABLE_VERSIONS = ("1", "2", "3")

# DuckDB column type -> name of the Arrow type used to build the bulk-insert tables.
_ARROW_TYPES = {
    "VARCHAR": "string",
    "JSON": "string",
    "INTEGER": "int32",
    "BIGINT": "int64",
    "DOUBLE": "float64",
    "BOOLEAN": "bool_",
    "DATE": "date32",
    "BLOB": "binary",
}

_ACTOR_COLUMNS = ("text", "start", "end", "name", "country", "sector", "code")


def _actor_columns(role: str) -> tuple[tuple[str, str], ...]:
    """The event columns for one actor role, e.g. source_text, source_start, ..."""
    return tuple(
        (f"{role}_{c}", "INTEGER" if c in ("start", "end") else "VARCHAR") for c in _ACTOR_COLUMNS
    )


# Where an event happened (see eventscribe.places.location); null when the text does not
# say. location_precision: country, admin1, region, city or dateline; null for a place
# named in the text that the gazetteer lacks (then lat/lon are null too).
LOCATION_COLUMNS = (
    ("location_name", "VARCHAR"),
    ("location_geonameid", "BIGINT"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("location_country", "VARCHAR"),
    ("location_precision", "VARCHAR"),
)

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "meta": (("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")),
    "runs": (
        ("run_id", "VARCHAR PRIMARY KEY"),
        ("started_at", "VARCHAR"),
        ("finished_at", "VARCHAR"),
        ("code_version", "VARCHAR"),
        ("model", "VARCHAR"),
        ("model_version", "VARCHAR"),
        ("lexicon_fingerprint", "VARCHAR"),
        ("settings", "JSON"),
        ("command", "VARCHAR"),
        ("documents", "BIGINT"),
        ("events", "BIGINT"),
        ("problems", "BIGINT"),
        ("input_fingerprint", "VARCHAR"),
    ),
    "documents": (
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("date", "DATE"),
        ("title", "VARCHAR"),
        ("url", "VARCHAR"),
        ("source", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("text", "VARCHAR"),
        ("n_sentences", "INTEGER"),
        ("n_events", "INTEGER"),
        ("run_id", "VARCHAR"),
        ("language", "VARCHAR"),
    ),
    "sentences": (
        ("doc_id", "VARCHAR"),
        ("sentence_index", "INTEGER"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
    ),
    "events": (
        ("event_id", "VARCHAR PRIMARY KEY"),
        ("doc_id", "VARCHAR"),
        ("sentence_index", "INTEGER"),
        ("event_date", "VARCHAR"),
        ("date_precision", "VARCHAR"),
        ("plover_type", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("cameo_code", "VARCHAR"),
        ("quad_class", "INTEGER"),
        ("intensity", "DOUBLE"),
        ("goldstein", "DOUBLE"),
        ("negated", "BOOLEAN"),
        ("confidence", "DOUBLE"),
        *_actor_columns("source"),
        *_actor_columns("target"),
        ("trigger_text", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("sentence_text", "VARCHAR"),
        ("location", "JSON"),
        ("timing", "VARCHAR"),
        ("explanation", "VARCHAR"),
        ("run_id", "VARCHAR"),
        # a mutual act ("Serbia and Kosovo agreed") has both sides as sources and targets
        ("mutual", "BOOLEAN"),
        # CAMEO code of the act seen from the target's side ("X visited Y" 042 -> 043)
        ("paired_cameo", "VARCHAR"),
        *LOCATION_COLUMNS,
        ("event_day", "DATE"),  # event_date when it is a day, else null
    ),
    # every actor of every event, by role, in text order (events.source_* / target_*
    # repeat the first of each); the dyads view pairs them up
    "event_actors": (
        ("doc_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("role", "VARCHAR"),
        ("position", "INTEGER"),
        *((c, "INTEGER" if c in ("start", "end") else "VARCHAR") for c in _ACTOR_COLUMNS),
    ),
    "actors": (
        ("doc_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("code", "VARCHAR"),
        ("evidence", "VARCHAR"),
    ),
    "times": (
        ("doc_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("value", "VARCHAR"),
        ("precision", "VARCHAR"),
    ),
    # every toponym of a document resolved to one gazetteer entry
    "places": (
        ("doc_id", "VARCHAR"),
        ("start", "INTEGER"),
        ("end", "INTEGER"),
        ("text", "VARCHAR"),
        ("name", "VARCHAR"),
        ("geonameid", "BIGINT"),
        ("lat", "DOUBLE"),
        ("lon", "DOUBLE"),
        ("country", "VARCHAR"),
        ("feature", "VARCHAR"),
        ("admin1", "VARCHAR"),
    ),
    "quotes": (("doc_id", "VARCHAR"), ("data", "JSON")),
    # every candidate event the coder considered, kept or dropped, and why (explain)
    "decisions": (
        ("doc_id", "VARCHAR"),
        ("sentence_index", "INTEGER"),
        ("trigger", "VARCHAR"),
        ("entry", "VARCHAR"),
        ("plover_type", "VARCHAR"),
        ("sources", "VARCHAR"),
        ("targets", "VARCHAR"),
        ("kept", "BOOLEAN"),
        ("reason", "VARCHAR"),
    ),
    # corpus runs: a document is done once its rows and its progress row are committed
    # together; ``settings_fingerprint`` says which code/model/lexicon/settings coded it
    "progress": (
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("content_hash", "VARCHAR"),
        ("settings_fingerprint", "VARCHAR"),
        ("run_id", "VARCHAR"),
    ),
    "quarantine": (
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("origin", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("content_hash", "VARCHAR"),
        ("run_id", "VARCHAR"),
    ),
    # syndicated copies: a MinHash signature per document and its LSH band keys
    "doc_minhash": (("doc_id", "VARCHAR PRIMARY KEY"), ("signature", "BLOB")),
    "doc_bands": (("doc_id", "VARCHAR"), ("band", "INTEGER"), ("key", "BIGINT")),
    "stories": (
        ("story_id", "VARCHAR PRIMARY KEY"),
        ("n_documents", "INTEGER"),
    ),
    "story_members": (
        ("story_id", "VARCHAR"),
        ("doc_id", "VARCHAR PRIMARY KEY"),
        ("similarity", "DOUBLE"),
    ),
    # every stored event (a mention) -> the cross-article event it belongs to
    "event_clusters": (
        ("cluster_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("doc_id", "VARCHAR"),
    ),
}

# Tables that hold one document's rows: re-writing a document deletes from all of them.
DOCUMENT_TABLES = (
    "documents", "sentences", "events", "event_actors", "actors", "times", "quotes", "decisions",
    "doc_minhash", "doc_bands", "places",
)  # fmt: skip

# Tables recomputed over the whole store after each run (see eventscribe.dedupe).
DERIVED_TABLES = ("stories", "story_members", "event_clusters")

INDEXES = (
    ("events_doc_idx", "events", ("doc_id",)),
    ("events_dyad_idx", "events", ("source_country", "target_country")),
    ("events_date_idx", "events", ("event_date",)),
    ("event_actors_event_idx", "event_actors", ("event_id",)),
    ("event_actors_doc_idx", "event_actors", ("doc_id",)),
    ("sentences_doc_idx", "sentences", ("doc_id",)),
    ("actors_doc_idx", "actors", ("doc_id",)),
    ("times_doc_idx", "times", ("doc_id",)),
    ("places_doc_idx", "places", ("doc_id",)),
    ("quotes_doc_idx", "quotes", ("doc_id",)),
    ("decisions_doc_idx", "decisions", ("doc_id",)),
    ("bands_key_idx", "doc_bands", ("band", "key")),
    ("bands_doc_idx", "doc_bands", ("doc_id",)),
    ("clusters_cluster_idx", "event_clusters", ("cluster_id",)),
    ("clusters_event_idx", "event_clusters", ("event_id",)),
)

# One row per cross-article event: GDELT-style counts over its mentions.
CLUSTERED_EVENTS_VIEW = """
CREATE OR REPLACE VIEW clustered_events AS
SELECT c.cluster_id,
       count(*) AS num_mentions,
       count(DISTINCT c.doc_id) AS num_articles,
       count(DISTINCT coalesce(m.story_id, c.doc_id)) AS num_stories,
       count(DISTINCT d.source) AS num_sources,
       min(e.event_date) AS first_date,
       max(e.event_date) AS last_date,
       any_value(r.plover_type) AS plover_type,
       any_value(r.source_name) AS source_name,
       any_value(r.source_country) AS source_country,
       any_value(r.target_name) AS target_name,
       any_value(r.target_country) AS target_country,
       any_value(r.cameo_code) AS cameo_code
FROM event_clusters AS c
JOIN events AS e ON e.event_id = c.event_id
LEFT JOIN events AS r ON r.event_id = c.cluster_id
LEFT JOIN story_members AS m ON m.doc_id = c.doc_id
LEFT JOIN documents AS d ON d.doc_id = c.doc_id
GROUP BY c.cluster_id
"""


_SAME_ACTOR = (
    "(s.name IS NOT DISTINCT FROM t.name AND s.country IS NOT DISTINCT FROM t.country "
    "AND s.sector IS NOT DISTINCT FROM t.sector)"
)


def dyads_view() -> str:
    """The ``dyads`` view: one row per dyad of each event, with the events table's
    columns (``source_*``/``target_*`` the dyad's actors, ``cameo_code`` its code) and
    ``paired_row``. Each source with each target (a mutual act's sides each way, never an
    actor with itself), then each target back to each source with the paired code: the
    rows GDELT and ICEWS users count (:func:`eventscribe.records.dyads` in SQL)."""

    def columns(source: str, target: str, code: str) -> str:
        out = []
        for name in column_names("events"):
            role, _, field = name.partition("_")
            if role in ("source", "target") and field in _ACTOR_COLUMNS:
                out.append(
                    f"{source if role == 'source' else target}.{quote_ident(field)} AS {name}"
                )
            else:
                out.append(
                    f"{code} AS cameo_code" if name == "cameo_code" else f"e.{quote_ident(name)}"
                )
        return ", ".join(out)

    joins = (
        "JOIN event_actors AS s ON s.event_id = e.event_id AND s.role = 'source' "
        "JOIN event_actors AS t ON t.event_id = e.event_id AND t.role = 'target'"
    )
    return (
        f"CREATE OR REPLACE VIEW dyads AS SELECT {columns('s', 't', 'e.cameo_code')}, false AS paired_row "
        f"FROM events AS e {joins.replace('JOIN', 'LEFT JOIN')} "
        f"WHERE NOT (coalesce(e.mutual, false) AND s.event_id IS NOT NULL AND t.event_id IS NOT NULL "
        f"AND {_SAME_ACTOR}) "
        f"UNION ALL SELECT {columns('t', 's', 'e.paired_cameo')}, true AS paired_row "
        f"FROM events AS e {joins} WHERE e.paired_cameo IS NOT NULL AND NOT {_SAME_ACTOR}"
    )


def quote_literal(text: str) -> str:
    """``text`` as an SQL string literal (quotes doubled), for statements that take no
    parameters (ATTACH, COPY, SET)."""
    return "'" + text.replace("'", "''") + "'"


def quote_ident(name: str) -> str:
    """A double-quoted SQL identifier ("end", "start" and "text" are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def column_names(table: str) -> list[str]:
    """The column names of ``table`` in declaration order."""
    return [name for name, _ in TABLES[table]]


@cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema used to bulk-insert into ``table`` (made once per table: Arrow
    schemas are immutable, and every batch of a run asks for the same ones)."""
    import pyarrow as pa

    return pa.schema(
        [(name, getattr(pa, _ARROW_TYPES[decl.split()[0]])()) for name, decl in TABLES[table]]
    )


def _create_table(table: str) -> str:
    cols = ", ".join(f"{quote_ident(name)} {decl}" for name, decl in TABLES[table])
    return f"CREATE TABLE IF NOT EXISTS {quote_ident(table)} ({cols})"


def ddl_statements() -> list[str]:
    """CREATE TABLE / CREATE INDEX statements, all IF NOT EXISTS so opening is idempotent."""
    statements = [_create_table(table) for table in TABLES]
    for index, table, cols in INDEXES:
        col_list = ", ".join(quote_ident(c) for c in cols)
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {quote_ident(index)} ON {quote_ident(table)} ({col_list})"
        )
    statements.append(CLUSTERED_EVENTS_VIEW.strip())
    statements.append(dyads_view())
    return statements


def upgrade_statements(found: str) -> list[str]:
    """Statements that bring a store of schema version ``found`` up to SCHEMA_VERSION.

    Run before :func:`ddl_statements` (which then creates the new tables).
    """
    statements = []
    if found == "1":
        statements.append('ALTER TABLE runs ADD COLUMN IF NOT EXISTS "input_fingerprint" VARCHAR')
    if found in ("1", "2"):
        statements.append('ALTER TABLE events ADD COLUMN IF NOT EXISTS "timing" VARCHAR')
    if found in ("1", "2", "3"):
        statements.append(
            'ALTER TABLE events ADD COLUMN IF NOT EXISTS "mutual" BOOLEAN DEFAULT false'
        )
        statements.append('ALTER TABLE events ADD COLUMN IF NOT EXISTS "paired_cameo" VARCHAR')
        statements += _location_upgrade()
        statements.append(_create_table("event_actors"))
        statements += first_actor_statements()
        statements.append('ALTER TABLE documents ADD COLUMN IF NOT EXISTS "language" VARCHAR')
    return statements


def first_actor_statements() -> list[str]:
    """INSERTs that list each event's ``source_*``/``target_*`` actor in event_actors (for
    stores written when an event had one actor of each role, and for bulk-made stores)."""
    statements = []
    for role in ("source", "target"):
        fields = ", ".join(f"{role}_{c}" for c in _ACTOR_COLUMNS)
        statements.append(
            f"INSERT INTO event_actors SELECT doc_id, event_id, '{role}', 0, {fields} "
            f"FROM events WHERE {role}_text IS NOT NULL OR {role}_name IS NOT NULL"
        )
    return statements


def _location_upgrade() -> list[str]:
    """Add the location and event_day columns, filled from what the store already holds
    (the places table stays empty until the documents are coded again)."""
    added = [*LOCATION_COLUMNS, ("event_day", "DATE")]
    statements = [
        f'ALTER TABLE events ADD COLUMN IF NOT EXISTS "{name}" {decl}' for name, decl in added
    ]
    statements.append(
        "UPDATE events SET "
        "location_name = json_extract_string(location, '$.name'), "
        "location_geonameid = TRY_CAST(json_extract(location, '$.geonameid') AS BIGINT), "
        "lat = TRY_CAST(json_extract(location, '$.lat') AS DOUBLE), "
        "lon = TRY_CAST(json_extract(location, '$.lon') AS DOUBLE), "
        "location_country = json_extract_string(location, '$.country'), "
        "location_precision = json_extract_string(location, '$.precision'), "
        "event_day = CASE WHEN date_precision = 'day' THEN TRY_CAST(left(event_date, 10) AS DATE) END"
    )
    return statements


def reorder_statements(table: str, found: list[str]) -> list[str]:
    """Statements that rebuild ``table`` with its columns in declaration order, keeping
    every row, when an upgrade's ``ADD COLUMN``s left them in another order (bulk inserts
    go in by position). Run after dropping the table's indexes and the views on it."""
    if found == column_names(table):
        return []
    old = quote_ident(f"_old_{table}")
    cols = ", ".join(quote_ident(c) for c in column_names(table) if c in found)
    return [
        f"ALTER TABLE {quote_ident(table)} RENAME TO {old}",
        _create_table(table),
        f"INSERT INTO {quote_ident(table)} ({cols}) SELECT {cols} FROM {old}",
        f"DROP TABLE {old}",
    ]
