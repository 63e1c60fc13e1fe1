"""Corpus runs: streaming, worker processes, resume bookkeeping and quarantine.

``run_corpus(items, coder, CorpusOptions(workers=2), listener, store=..., run=...)``
is the library entry point for coding a whole corpus into a store; see :mod:`.corpus`.

The names are imported on first use: a worker process imports only what coding a batch
needs (:mod:`.executors`, :mod:`.work`), not the store and deduplication of a run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventscribe._lazy import lazy_names

if TYPE_CHECKING:
    from eventscribe.runner.corpus import (
        STORE_BATCH,
        CorpusOptions,
        CorpusTotals,
        Listener,
        run_corpus,
    )
    from eventscribe.runner.work import (
        BatchResult,
        Job,
        code_batch,
        content_hash,
        settings_fingerprint,
    )

_WHERE = {
    "STORE_BATCH": ".corpus",
    "CorpusOptions": ".corpus",
    "CorpusTotals": ".corpus",
    "Listener": ".corpus",
    "run_corpus": ".corpus",
    "BatchResult": ".work",
    "Job": ".work",
    "code_batch": ".work",
    "content_hash": ".work",
    "settings_fingerprint": ".work",
}

__all__ = [
    "STORE_BATCH",
    "BatchResult",
    "CorpusOptions",
    "CorpusTotals",
    "Job",
    "Listener",
    "code_batch",
    "content_hash",
    "run_corpus",
    "settings_fingerprint",
]


__getattr__ = lazy_names(__name__, _WHERE)
