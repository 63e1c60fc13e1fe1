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
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache
from multiprocessing.pool import AsyncResult
from types import TracebackType
from typing import Protocol, Self, TypeVar

from eventscribe.collector import paused_then_frozen
from eventscribe.config import Settings
from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner.work import BatchResult, Job, add_signatures, code_batch, with_tables

Batch = tuple[int, list[Article]]
T = TypeVar("T")

# Documents a worker process parses at a time, at most (``--batch-size`` when smaller).
# A parse batch's working memory is most of what a worker adds beyond the model; with
# two workers the main process (store writes, Arrow tables, MinHash rows) sets the pace,
# so smaller parse batches cost no speed (1,000 bench articles, 2 workers: 14.6 s at
# batches of 32, 16 or 8) while each worker's peak memory falls (about 290, 250 and
# 230 MB). One process parsing alone keeps ``--batch-size`` (32: 6% faster than 8).
WORKER_PARSE_BATCH = 16


class Executor(Protocol):
    """What a corpus run codes its batches with: entered once, then ``map`` yields each
    batch's result in order (:class:`SerialExecutor`, :class:`ProcessExecutor`, the Dask
    executor)."""

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
        /,
    ) -> object: ...

    def map(self, batches: Iterable[Batch]) -> Iterator[BatchResult]: ...


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
        pool, coder, job = self._pool, self.coder, self.job
        return in_order(batches, lambda i, a: pool.submit(code_batch, coder, a, job, i),
                        Future.result, ahead=1)  # fmt: skip


@lru_cache(maxsize=1)
def _process_coder(settings: Settings) -> Coder:
    """The worker process's Coder: built (with every data table loaded) on its first
    use, then reused. Built with the collector paused and frozen out of its sight for
    the worker's life (:func:`eventscribe.collector.paused_then_frozen`)."""
    with paused_then_frozen():
        return Coder.build(settings).warmed_up()


def _start_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them after rolling back; and they
    never load pandas. pyarrow imports pandas, when it is installed, the first time it
    builds an array from Python values (to recognise pandas objects), which costs each
    worker about 50 MB; nothing a worker runs uses pandas, so its import fails here and
    pyarrow goes on without it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]


def _code_in_worker(job: Job, index: int, articles: list[Article]) -> BatchResult:
    return code_batch(_process_coder(job.settings), articles, job, index)


def _warm_up(settings: Settings) -> bool:
    _process_coder(settings)
    return True


class ProcessExecutor:
    """Code in ``workers`` spawned processes (``--workers N``), each loading the model once."""

    def __init__(self, job: Job, workers: int) -> None:
        batch = min(job.settings.batch_size, WORKER_PARSE_BATCH)
        self.job = replace(job, settings=replace(job.settings, batch_size=batch))
        self.workers = workers
        self._pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> Self:
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(self.workers, initializer=_start_worker)
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
        pool, job = self._pool, self.job
        # the MinHash rows and the Arrow tables are made here, so a worker never loads
        # SciPy or pyarrow (about 50 MB a process)
        coding = replace(job, signatures=False, arrow=False)

        def submit(i: int, a: list[Article]) -> tuple[AsyncResult[BatchResult], list[Article]]:
            return pool.apply_async(_code_in_worker, (coding, i, a)), a

        def wait(pending: tuple[AsyncResult[BatchResult], list[Article]]) -> BatchResult:
            return add_signatures(with_tables(pending[0].get()), pending[1], job)

        return in_order(batches, submit, wait, ahead=2 * self.workers - 1)


def in_order(
    batches: Iterable[Batch],
    submit: Callable[[int, list[Article]], T],
    wait: Callable[[T], BatchResult],
    *,
    ahead: int,
) -> Iterator[BatchResult]:
    """Submit each batch and yield the results in input order, with at most ``ahead``
    batches submitted beyond the one being waited for (so memory stays flat). When
    reading the input raises, the batches already submitted are still yielded (and so
    written) before the error goes on."""
    pending: deque[T] = deque()
    reading = iter(batches)
    while True:
        try:
            index, articles = next(reading)
        except StopIteration:
            break
        except Exception:
            while pending:
                yield wait(pending.popleft())
            raise
        pending.append(submit(index, articles))
        if len(pending) > ahead:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())
