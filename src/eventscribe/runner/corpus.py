"""The corpus run: stream inputs, skip what is done, code in batches, write with one writer.

``run_corpus`` is what ``eventscribe code`` calls. It reads the inputs as a stream
(:func:`eventscribe.ingest.read_inputs`), cuts them into batches of ``batch_docs``
documents, drops the documents the store already holds with the same content and
settings (so an interrupted run continues where it stopped, and a re-run codes only
what changed), hands the batches to an executor (this process, worker processes or a
Dask cluster) and commits each result in one transaction: rows, progress markers and
quarantined documents together. After the last batch it brings syndicated stories and
event clusters up to date (:func:`eventscribe.dedupe.deduplicate`: only the new
documents and their events' keys when nothing stored was replaced). Memory stays flat:
only a few batches are in flight at any time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from eventscribe.dedupe.defaults import DEFAULT_THRESHOLD, DEFAULT_WINDOW_DAYS
from eventscribe.errors import ConfigError
from eventscribe.ingest.language import UNDETERMINED, guess_language
from eventscribe.pipeline import Coder
from eventscribe.records import Article, InputProblem
from eventscribe.runner.executors import Batch, Executor, ProcessExecutor, SerialExecutor
from eventscribe.runner.work import BatchResult, Job, content_hash, settings_fingerprint
from eventscribe.store.batch import QuarantinedDocument, is_interruption

if TYPE_CHECKING:  # DuckDB and the deduplication stage load only when a store is written
    from eventscribe.dedupe.run import DedupeSummary
    from eventscribe.store.eventstore import EventStore, RunInfo

STORE_BATCH = 64
ENGLISH = "en"
# DuckDB's buffer memory for the single writer of a corpus run (see EventStore.limits)
WRITER_MEMORY = "512MB"


@dataclass(frozen=True)
class CorpusOptions:
    """How to run: ``workers`` processes (1 = this process), or a Dask ``dask`` address
    ("local" starts a local cluster of ``workers`` processes); ``recode`` ignores what
    the store already holds; ``threshold`` and ``window_days`` tune deduplication."""

    workers: int = 1
    dask: str | None = None
    batch_docs: int = STORE_BATCH
    recode: bool = False
    threshold: float = DEFAULT_THRESHOLD
    window_days: int = DEFAULT_WINDOW_DAYS
    parts_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if self.batch_docs < 1:
            raise ConfigError(f"batch_docs must be at least 1, got {self.batch_docs}")
        if not 0.0 < self.threshold <= 1.0:
            raise ConfigError(f"threshold must be in (0, 1], got {self.threshold}")
        if self.window_days < 0:
            raise ConfigError(f"window_days must be 0 or more, got {self.window_days}")


class Listener(Protocol):
    """What the caller (the CLI's progress bar) hears about while the run goes."""

    def problem(self, problem: InputProblem) -> None: ...
    def warning(self, origin: str, message: str) -> None: ...  # optional (Article.warnings)
    def quarantined(self, item: QuarantinedDocument) -> None: ...
    def skipped_done(self, count: int) -> None: ...
    def batch(self, result: BatchResult) -> None: ...


@dataclass
class CorpusTotals:
    """Counts for the whole run (this run's work, not the store's contents)."""

    documents: int = 0
    sentences: int = 0
    events: int = 0
    already_done: int = 0
    quarantined: int = 0
    problems: int = 0
    languages: Counter[str] = field(default_factory=Counter)  # documents not in English
    dedupe: DedupeSummary | None = None


def run_corpus(
    items: Iterable[Article | InputProblem],
    coder: Coder,
    options: CorpusOptions,
    listener: Listener,
    *,
    store: EventStore | None = None,
    run: RunInfo | None = None,
    on_lines: Callable[[Sequence[str]], None] | None = None,
    executor: Executor | None = None,
) -> CorpusTotals:
    """Code every article of ``items`` into ``store`` (and/or JSONL lines via ``on_lines``).

    Raises KeyboardInterrupt after stopping the workers if interrupted; every batch
    committed before that stays in the store. ``executor`` (an already entered
    executor from :func:`make_executor`) lets a caller keep workers across runs.
    """
    fingerprint = settings_fingerprint(coder)
    job = make_job(coder, options, store=store is not None, lines=on_lines is not None,
                   run_id=run.run_id if run else "")  # fmt: skip
    totals = CorpusTotals()
    batches = _batches(items, options.batch_docs, listener, totals)
    if store is not None and not options.recode:
        batches = _not_done(batches, store, fingerprint, listener, totals)
    running = _executor(coder, job, options, store) if executor is None else nullcontext(executor)
    # one DuckDB thread while batches are written: the cores are the coders'; and a
    # bounded buffer, so the writer's memory does not grow with the store
    writing = store.limits(threads=1, memory=WRITER_MEMORY) if store is not None else nullcontext()
    with _ctrl_c_in_queries(), writing, running as ex:
        for result in ex.map(batches):
            _commit(result, store, run, fingerprint, options)
            _count(result, totals, listener)
            if on_lines is not None:
                on_lines(result.lines)
    if store is not None:
        from eventscribe.dedupe.run import deduplicate

        with _ctrl_c_in_queries():
            totals.dedupe = deduplicate(store, threshold=options.threshold,
                                        window_days=options.window_days)  # fmt: skip
    return totals


@contextmanager
def _ctrl_c_in_queries() -> Iterator[None]:
    """Ctrl-C during a DuckDB statement surfaces as RuntimeError('Query interrupted')
    (after DuckDB rolled the statement back); raise it as the KeyboardInterrupt it is."""
    try:
        yield
    except RuntimeError as exc:
        if is_interruption(exc):
            raise KeyboardInterrupt from exc
        raise


def make_job(
    coder: Coder, options: CorpusOptions, *, store: bool, lines: bool, run_id: str = ""
) -> Job:
    """The Job a corpus run with these options sends its workers."""
    return Job(coder.settings, run_id, settings_fingerprint(coder), store, lines, options.threshold)


def make_executor(
    coder: Coder, options: CorpusOptions, job: Job, store: EventStore | None = None
) -> Executor:
    """The executor ``options`` ask for (not yet entered): serial, processes or Dask."""
    return _executor(coder, job, options, store)


def _executor(coder: Coder, job: Job, options: CorpusOptions, store: EventStore | None) -> Executor:
    if options.dask:
        from eventscribe.distributed import DaskExecutor

        parts = options.parts_dir or _default_parts_dir(store)
        return DaskExecutor(job, address=options.dask, workers=options.workers, parts_dir=parts)
    if options.workers > 1:
        return ProcessExecutor(job, options.workers)
    return SerialExecutor(coder, job)


def _default_parts_dir(store: EventStore | None) -> Path:
    if store is None or store.path == ":memory:":
        import tempfile

        return Path(tempfile.gettempdir()) / "eventscribe-parts"
    return Path(store.path + ".parts")


def _commit(
    result: BatchResult, store: EventStore | None, run: RunInfo | None, fingerprint: str,
    options: CorpusOptions,
) -> None:  # fmt: skip
    if store is None or run is None:
        return
    tables = result.tables
    if result.parts:
        from eventscribe.distributed import load_parts

        tables = load_parts(result)
    store.write_batch(result.store_batch(fingerprint, tables), run=run)
    if result.parts:
        from eventscribe.distributed import remove_parts

        remove_parts(result)


def _count(result: BatchResult, totals: CorpusTotals, listener: Listener) -> None:
    totals.documents += len(result.coded)
    totals.sentences += result.sentences
    totals.events += result.events
    totals.quarantined += len(result.quarantined)
    for item in result.quarantined:
        listener.quarantined(item)
    listener.batch(result)


def _batches(
    items: Iterable[Article | InputProblem], size: int, listener: Listener, totals: CorpusTotals
) -> Iterator[Batch]:
    warn = getattr(listener, "warning", None)

    def articles() -> Iterator[Article]:
        for item in items:
            problem = item if isinstance(item, InputProblem) else _unhashable(item)
            if problem is not None:
                totals.problems += 1
                listener.problem(problem)
                continue
            language = guess_language(item.text)  # type: ignore[union-attr]
            if language not in (ENGLISH, UNDETERMINED):
                totals.languages[language] += 1
            if warn is not None:
                for message in _warnings(item, language):  # type: ignore[arg-type]
                    warn(item.origin or item.doc_id, message)  # type: ignore[union-attr]
            yield item  # type: ignore[misc]

    stream = articles()
    index = 0
    while batch := list(islice(stream, size)):
        yield index, batch
        index += 1


def _warnings(article: Article, language: str) -> tuple[str, ...]:
    if language in (ENGLISH, UNDETERMINED):
        return article.warnings
    return (
        *article.warnings,
        f"looks like language '{language}', not English: the English model codes few or no events",
    )


def _unhashable(article: Article) -> InputProblem | None:
    """A problem for an article whose content cannot be hashed (it would stop the run
    wherever it is hashed later: resume bookkeeping, the store, quarantine)."""
    try:
        content_hash(article)
    except Exception as exc:  # noqa: BLE001 - reported; the run goes on
        detail = " ".join(str(exc).split())[:200]
        return InputProblem(
            article.origin or article.doc_id, f"cannot be stored: {type(exc).__name__}: {detail}"
        )
    return None


def _not_done(
    batches: Iterable[Batch], store: EventStore, fingerprint: str, listener: Listener,
    totals: CorpusTotals,
) -> Iterator[Batch]:  # fmt: skip
    """Drop the documents already coded with the same content and settings."""
    for index, articles in batches:
        done = store.done_documents([(a.doc_id, content_hash(a)) for a in articles], fingerprint)
        if done:
            totals.already_done += len(done)
            listener.skipped_done(len(done))
        remaining = [a for a in articles if a.doc_id not in done]
        if remaining:
            yield index, remaining
