"""Worker-process and Dask measurements for ``bench/run.py``.

For each backend (``--workers 1``, ``--workers 2``, Dask local with 2 workers) two passes
over the same articles with the workers already started and their models loaded:

* ``parse``: spaCy alone in the same workers (each batch: ``nlp.pipe`` over its texts);
* ``full``: the real corpus run (:func:`eventscribe.runner.run_corpus`): reading
  batches, skipping done documents, coding, building rows and MinHash signatures in the
  workers, writing a fresh DuckDB store with one writer, then syndicated-copy detection
  and event clustering over the store.

Peak memory is the highest sum of the resident memory of this process and all its
descendants (worker processes, Dask nannies and workers), sampled every 50 ms. CPU
seconds are summed over the same process tree; on a shared machine their ratio moves
less with other load than the wall-clock ratio does.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path

import psutil

from eventscribe.pipeline import Coder
from eventscribe.records import Article
from eventscribe.runner import STORE_BATCH, CorpusOptions, run_corpus
from eventscribe.runner.corpus import make_executor, make_job
from eventscribe.runner.executors import _process_coder
from eventscribe.store import EventStore, RunInfo


class TreeMemory:
    """Samples the RSS sum of this process tree in a thread; ``peak_mb`` is the maximum."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval, self.peak = interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            time.sleep(self.interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())

    @property
    def peak_mb(self) -> float:
        return round(self.peak / 2**20, 1)


class Quiet:
    """A run listener that ignores everything (the bench corpus has no bad input)."""

    def problem(self, problem) -> None: ...
    def quarantined(self, item) -> None: ...
    def skipped_done(self, count: int) -> None: ...
    def batch(self, result) -> None: ...


def _parse_count(settings, texts: list[str]) -> int:
    nlp = _process_coder(settings).nlp
    return sum(1 for _ in nlp.pipe(texts, batch_size=settings.batch_size))


def _dask_parse_count(texts: list[str]) -> int:
    from eventscribe.distributed.tasks import worker_coder

    coder = worker_coder()
    return sum(1 for _ in coder.nlp.pipe(texts, batch_size=coder.settings.batch_size))


def _chunks(articles: Sequence[Article]) -> list[list[str]]:
    it = iter(a.text for a in articles)
    return list(iter(lambda: list(islice(it, STORE_BATCH)), []))


def parse_pass(executor, coder: Coder, articles: Sequence[Article], mode: str) -> int:
    """spaCy alone over ``articles`` on the executor's own workers."""
    chunks = _chunks(articles)
    if mode == "serial":
        texts = (a.text for a in articles)
        return sum(1 for _ in coder.nlp.pipe(texts, batch_size=coder.settings.batch_size))
    if mode == "processes":
        pool = executor._pool
        results = [pool.apply_async(_parse_count, (coder.settings, c)) for c in chunks]
        return sum(r.get() for r in results)
    futures = executor._client.map(_dask_parse_count, chunks, pure=False)
    return sum(f.result() for f in futures)


def full_pass(executor, coder: Coder, articles: Sequence[Article], options: CorpusOptions) -> dict:
    """The corpus run into a fresh store; returns what it found."""
    with tempfile.TemporaryDirectory(prefix="eventscribe-bench-") as tmp:
        with EventStore(Path(tmp) / "bench.duckdb") as store:
            run = RunInfo("bench", "2024-01-01T00:00:00+00:00", "", "", "", "")
            totals = run_corpus(list(articles), coder, options, Quiet(), store=store, run=run,
                                executor=executor)  # fmt: skip
    return {"docs": totals.documents, "sentences": totals.sentences, "events": totals.events,
            "distinct_events": totals.dedupe.events, "stories": totals.dedupe.stories}  # fmt: skip


def tree_cpu_seconds() -> float:
    """User + system CPU seconds of this process and its live descendants so far."""
    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def _timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """Wall-clock seconds, process-tree CPU seconds and the value of ``fn()``."""
    start, cpu = time.perf_counter(), tree_cpu_seconds()
    value = fn()
    return time.perf_counter() - start, tree_cpu_seconds() - cpu, value


def backend(coder: Coder, articles: Sequence[Article], words: int, *, workers: int,
            dask: bool, repeat: int) -> dict:  # fmt: skip
    """Parse-alone and full-pipeline words/s on one backend, with peak tree memory."""
    options = CorpusOptions(workers=workers, dask="local" if dask else None)
    mode = "dask" if dask else ("processes" if workers > 1 else "serial")
    with TreeMemory() as memory:
        with tempfile.TemporaryDirectory(prefix="eventscribe-parts-") as parts:
            options = CorpusOptions(workers=workers, dask=options.dask, parts_dir=Path(parts))
            job = make_job(coder, options, store=True, lines=False, run_id="bench")
            start = time.perf_counter()
            with make_executor(coder, options, job) as executor:
                startup = time.perf_counter() - start
                parse_pass(executor, coder, articles[: STORE_BATCH * workers], mode)  # warm up
                parse_times, full_times, found = [], [], {}
                for _ in range(repeat):
                    seconds, cpu, _ = _timed(lambda: parse_pass(executor, coder, articles, mode))
                    parse_times.append((seconds, cpu))
                    seconds, cpu, found = _timed(
                        lambda: full_pass(executor, coder, articles, options)
                    )
                    full_times.append((seconds, cpu))
    (parse_s, parse_cpu), (full_s, full_cpu) = min(parse_times), min(full_times)
    return {
        "workers": workers,
        "backend": mode,
        "startup_seconds": round(startup, 2),
        "parse": {"seconds": round(parse_s, 3), "cpu_seconds": round(parse_cpu, 3),
                  "docs_per_s": round(len(articles) / parse_s, 2),
                  "words_per_s": round(words / parse_s, 1)},
        "full": {"seconds": round(full_s, 3), "cpu_seconds": round(full_cpu, 3),
                 "docs_per_s": round(len(articles) / full_s, 2),
                 "words_per_s": round(words / full_s, 1), **found},
        "ratio_full_to_parse_words_per_s": round(parse_s / full_s, 3),
        "ratio_parse_to_full_cpu_seconds": round(parse_cpu / full_cpu, 3),
        "peak_memory_mb": memory.peak_mb,
    }  # fmt: skip
