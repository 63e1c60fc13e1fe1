"""Corpus runs: streaming, worker processes, resume bookkeeping and quarantine.

``run_corpus(items, coder, CorpusOptions(workers=2), listener, store=..., run=...)``
is the library entry point for coding a whole corpus into a store; see :mod:`.corpus`.
"""

from eventscribe.runner.corpus import STORE_BATCH, CorpusOptions, CorpusTotals, Listener, run_corpus
from eventscribe.runner.work import BatchResult, Job, code_batch, content_hash, settings_fingerprint

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
