"""Run in a spawned worker process by test_batches: this module imports nothing that
loads pyarrow, so the worker's modules show what coding itself loads."""

from __future__ import annotations

import sys

from eventscribe.config import Settings
from eventscribe.records import Article
from eventscribe.runner.executors import _code_in_worker, _process_coder
from eventscribe.runner.work import Job


def code_in_fresh_worker(settings: Settings) -> tuple[int, bool]:
    """Code a batch the way ProcessExecutor's workers do; return the events coded and
    whether pyarrow was loaded."""
    _process_coder(settings)  # the model, loaded as the pool's warm-up does
    job = Job(settings, "w", "fingerprint", signatures=False, arrow=False)
    article = Article("a", "Rebels attacked a police station in northern Mali on Monday.")
    result = _code_in_worker(job, 0, [article])
    return len(result.columns["events"]["event_id"]), "pyarrow" in sys.modules
