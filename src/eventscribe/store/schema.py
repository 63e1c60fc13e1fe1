"""The store's tables, declared once as data and turned into DDL and Arrow schemas.

Declaring each column once (name, DuckDB type) keeps the CREATE TABLE statements, the
Arrow tables that feed bulk inserts and the INSERT column lists from drifting apart.
"""

from __future__ import annotations

from functools import cache

import pyarrow as pa

SCHEMA_VERSION = "4"

# Versions an older store may carry that opening it for writing upgrades in place:
# version 1 lacked the corpus tables (progress, quarantine, minhash, stories, clusters)
# and runs.input_fingerprint. Adding them keeps every stored row.
# Version 3 lacked documents.language.
UPGRADABLE_VERSIONS = ("1", "2", "3")

# DuckDB column type -> Arrow type used to build the bulk-insert tables.
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "BLOB": pa.binary(),
}

_ACTOR_COLUMNS = ("text", "start", "end", "name", "country", "sector", "code")


def _actor_columns(role: str) -> tuple[tuple[str, str], ...]:
    """The event columns for one actor role, e.g. source_text, source_start, ..."""
    return tuple(
        (f"{role}_{c}", "INTEGER" if c in ("start", "end") else "VARCHAR") for c in _ACTOR_COLUMNS
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
    "documents", "sentences", "events", "actors", "times", "quotes", "decisions", "doc_minhash",
    "doc_bands",
)  # fmt: skip

# Tables recomputed over the whole store after each run (see eventscribe.dedupe).
DERIVED_TABLES = ("stories", "story_members", "event_clusters")

INDEXES = (
    ("events_doc_idx", "events", ("doc_id",)),
    ("events_dyad_idx", "events", ("source_country", "target_country")),
    ("events_date_idx", "events", ("event_date",)),
    ("sentences_doc_idx", "sentences", ("doc_id",)),
    ("actors_doc_idx", "actors", ("doc_id",)),
    ("times_doc_idx", "times", ("doc_id",)),
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
    return pa.schema(
        [(name, _ARROW_TYPES[decl.split()[0]]) for name, decl in TABLES[table]]
    )


def ddl_statements() -> list[str]:
    """CREATE TABLE / CREATE INDEX statements, all IF NOT EXISTS so opening is idempotent."""
    statements = []
    for table, columns in TABLES.items():
        cols = ", ".join(f"{quote_ident(name)} {decl}" for name, decl in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {quote_ident(table)} ({cols})")
    for index, table, cols in INDEXES:
        col_list = ", ".join(quote_ident(c) for c in cols)
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {quote_ident(index)} ON {quote_ident(table)} ({col_list})"
        )
    statements.append(CLUSTERED_EVENTS_VIEW.strip())
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
        statements.append('ALTER TABLE documents ADD COLUMN IF NOT EXISTS "language" VARCHAR')
    return statements
