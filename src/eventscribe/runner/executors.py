"""Where batches are coded: in this process, or in worker processes that load the model once.

Every executor is a context manager with ``map(batches)`` that yields one
:class:`~eventscribe.runner.work.BatchResult` per batch **in input order** (so JSONL
output keeps the input order) while keeping at most ``2 x workers`` batches in flight,
so memory does not grow with the corpus. Leaving the ``with`` block (normally, on an
error or on Ctrl-C) stops the workers.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import lru_cache
from types import TracebackType
from typing import Self

from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner.work import BatchResult, Job, code_batch

Batch = tuple[int, list[Article]]


class SerialExecutor:
    """Code in this process with an already built Coder (``--workers 1``).

    Batches are coded in one background thread, one batch ahead of the caller: while
    the caller commits batch k (DuckDB writes and the commit's fsync run without the
    GIL), batch k+1 is being coded, so the spare core is not idle during writes. Only
    that thread ever codes, one batch at a time; the batches are read (and the store
    asked what is done) in the caller's thread."""

    def __init__(self, coder: Coder, job: Job) -> None:
        self.coder, self.job = coder, job
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Self:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eventscribe-coder")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            # on Ctrl-C the batch being coded is dropped (nothing of it was written)
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        assert self._pool is not None, "use SerialExecutor in a with block"
        ahead: Future[BatchResult] | None = None
        reading = iter(batches)
        while True:
            try:
                index, articles = next(reading)
            except StopIteration:
                break
            except Exception:
                if ahead is not None:
                    yield ahead.result()  # the input broke off: what was coded is still written
                raise
            coding = self._pool.submit(code_batch, self.coder, articles, self.job, index)
            if ahead is not None:
                yield ahead.result()
            ahead = coding
        if ahead is not None:
            yield ahead.result()


@lru_cache(maxsize=1)
def _process_coder(settings: Settings) -> Coder:
    """The worker process's Coder: built (with every data table loaded) on its first
    use, then reused."""
    return Coder.build(settings).warmed_up()


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them after rolling back."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _code_in_worker(job: Job, index: int, articles: list[Article]) -> BatchResult:
    return code_batch(_process_coder(job.settings), articles, job, index)


def _warm_up(settings: Settings) -> bool:
    _process_coder(settings)
    return True


class ProcessExecutor:
    """Code in ``workers`` spawned processes (``--workers N``), each loading the model once."""

    def __init__(self, job: Job, workers: int) -> None:
        self.job, self.workers = job, workers
        self._pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> Self:
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(self.workers, initializer=_ignore_sigint)
        # load the model in every worker now, so a bad --model fails before any batch
        warm = [self._pool.apply_async(_warm_up, (self.job.settings,)) for _ in range(self.workers)]
        for result in warm:
            result.get()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._pool is None:
            return
        if exc_type is None:
            self._pool.close()
        else:
            self._pool.terminate()
        self._pool.join()

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]:
        assert self._pool is not None, "use ProcessExecutor in a with block"
        pending: deque = deque()
        for index, articles in batches:
            pending.append(self._pool.apply_async(_code_in_worker, (self.job, index, articles)))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
