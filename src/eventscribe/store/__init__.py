"""Storage stage: coded documents in an embedded DuckDB file, plus flat exports.

``EventStore`` writes documents idempotently (re-coding a doc_id replaces its rows),
records runs, and exports the flat events table to Parquet, CSV or JSON Lines.
"""

from eventscribe.store.batch import QuarantinedDocument, StoreBatch
from eventscribe.store.eventstore import EventStore, RunInfo
from eventscribe.store.export import (
    DYAD_EXPORT_COLUMNS,
    EVENT_EXPORT_COLUMNS,
    EXPORT_COLUMNS,
    EXPORT_FORMATS,
)
from eventscribe.store.schema import SCHEMA_VERSION

__all__ = [
    "DYAD_EXPORT_COLUMNS",
    "EVENT_EXPORT_COLUMNS",
    "EXPORT_COLUMNS",
    "EXPORT_FORMATS",
    "SCHEMA_VERSION",
    "EventStore",
    "QuarantinedDocument",
    "RunInfo",
    "StoreBatch",
]
