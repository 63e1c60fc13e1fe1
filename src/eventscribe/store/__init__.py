"""Storage stage: coded documents in an embedded DuckDB file, plus flat exports.

``EventStore`` writes documents idempotently (re-coding a doc_id replaces its rows),
records runs, and exports the flat events table to Parquet, CSV or JSON Lines.

The names are imported on first use, so that a coding worker, which only builds the
rows of a batch (:mod:`eventscribe.store.rows`, :mod:`eventscribe.store.batch`), does not
load DuckDB.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscribe._lazy import lazy_names

if TYPE_CHECKING:
    from eventscribe.store.batch import QuarantinedDocument, StoreBatch
    from eventscribe.store.eventstore import EventStore, RunInfo
    from eventscribe.store.export import (
        DYAD_EXPORT_COLUMNS,
        EVENT_EXPORT_COLUMNS,
        EXPORT_COLUMNS,
        EXPORT_FORMATS,
    )
    from eventscribe.store.schema import SCHEMA_VERSION

_WHERE = {
    "QuarantinedDocument": ".batch",
    "StoreBatch": ".batch",
    "EventStore": ".eventstore",
    "RunInfo": ".eventstore",
    "DYAD_EXPORT_COLUMNS": ".export",
    "EVENT_EXPORT_COLUMNS": ".export",
    "EXPORT_COLUMNS": ".export",
    "EXPORT_FORMATS": ".export",
    "SCHEMA_VERSION": ".schema",
}

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


__getattr__ = lazy_names(__name__, _WHERE)
