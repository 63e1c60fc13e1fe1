"""Analysis helpers over an :class:`~eventscribe.store.EventStore` (read-only queries)."""

from eventscribe.analysis.summary import (
    DyadRow,
    counts_by_type,
    dyad_summary,
    format_dyad_summary,
)

__all__ = ["DyadRow", "counts_by_type", "dyad_summary", "format_dyad_summary"]
