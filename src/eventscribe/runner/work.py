"""One unit of corpus work: a batch of articles in, store rows (or JSONL lines) out.

:func:`code_batch` is what every backend runs — in-process, in a worker process or in a
Dask worker — so all of them produce the same rows. It codes the batch through
:func:`eventscribe.pipeline.code_documents`, builds the store's rows where the work
happens (as Arrow tables with their MinHash rows in one process and in Dask workers; as
plain columns in worker processes, whose parent makes the tables: :func:`with_tables`),
and isolates failures: if the batch raises, each article is coded alone and the ones
that still raise are quarantined with their reason instead of stopping the run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventscribe.config import Settings
from eventscribe.pipeline import Coder, code_documents
from eventscribe.records import Article, CodedDocument, stable_id
from eventscribe.store.batch import QuarantinedDocument, StoreBatch
from eventscribe.store.rows import Columns, build_columns, tables_from_columns

if TYPE_CHECKING:
    import pyarrow as pa

MAX_REASON_CHARS = 300


@dataclass(frozen=True)
class Job:
    """What the workers need to know (picklable): settings, run and outputs wanted."""

    settings: Settings
    run_id: str
    settings_fingerprint: str
    tables: bool = True
    lines: bool = False
    threshold: float = 0.8
    signatures: bool = True  # False: the caller adds them (see add_signatures)
    # False: the rows come back as plain columns (``BatchResult.columns``) and the caller
    # makes the Arrow tables (see with_tables): a worker process then never loads pyarrow
    arrow: bool = True


@dataclass(frozen=True)
class BatchResult:
    """The outcome of one batch, in a form any process can send back.

    ``tables`` holds the store rows (``columns`` before they are made Arrow tables), or
    ``parts`` the Parquet files they were written to (Dask workers); ``lines`` the JSONL
    output, in input order.
    """

    index: int
    coded: tuple[tuple[str, str], ...]
    quarantined: tuple[QuarantinedDocument, ...]
    sentences: int
    events: int
    tables: dict[str, pa.Table] = field(default_factory=dict)
    lines: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    columns: Columns = field(default_factory=dict)

    def store_batch(self, settings_fingerprint: str, tables: dict[str, pa.Table]) -> StoreBatch:
        return StoreBatch(tables, self.coded, settings_fingerprint, self.quarantined)


def content_hash(article: Article) -> str:
    """A digest of everything that reaches the store: a changed document is re-coded."""
    day = article.date.isoformat() if article.date else None
    return stable_id(article.text, day, article.title, article.url, article.source, length=20)


def settings_fingerprint(coder: Coder) -> str:
    """Which code, model, lexicon and coding settings produced a document's rows."""
    info = coder.provenance()
    return stable_id(
        info["code_version"], info["model"], info["model_version"],
        info["lexicon_fingerprint"], coder.settings.min_confidence,
        *([] if coder.settings.conventions == "plover" else [coder.settings.conventions]),
    )  # fmt: skip


def code_batch(coder: Coder, articles: Sequence[Article], job: Job, index: int) -> BatchResult:
    """Code ``articles``; quarantine the ones whose coding raises; never raise for data."""
    try:
        return _result(index, job, articles, _code(coder, articles, job), ())
    except Exception:  # noqa: BLE001, S110 - some document broke a stage; find which below
        pass
    outputs, failed = [], []
    for article in articles:
        try:
            outputs.append(_code(coder, [article], job))
        except Exception as exc:  # noqa: BLE001 - quarantined with its reason
            failed.append(_quarantine(article, exc))
    return _result(index, job, articles, _merge(outputs), tuple(failed))


@dataclass(frozen=True)
class _Output:
    docs: list[CodedDocument]
    columns: Columns
    lines: list[str]


def _code(coder: Coder, articles: Sequence[Article], job: Job) -> _Output:
    # spaCy keeps every new word (a name, a number) in the model's vocabulary for good,
    # so a worker that codes millions of articles would grow without end; a memory zone
    # frees what the batch added when it ends. Nothing spaCy made outlives the zone:
    # the coded documents hold plain strings and numbers.
    with coder.nlp.memory_zone():
        docs = list(code_documents(articles, coder))
    columns = build_columns(docs, job.run_id) if job.tables else {}
    lines = [json.dumps(d.to_contract(), ensure_ascii=False) for d in docs] if job.lines else []
    return _Output(docs, columns, lines)


def _merge(outputs: list[_Output]) -> _Output:
    docs = [d for o in outputs for d in o.docs]
    lines = [line for o in outputs for line in o.lines]
    columns: Columns = {}
    for output in outputs:
        for table, data in output.columns.items():
            merged = columns.setdefault(table, {name: [] for name in data})
            for name, values in data.items():
                merged[name].extend(values)
    return _Output(docs, columns, lines)


def _result(
    index: int,
    job: Job,
    articles: Sequence[Article],
    output: _Output,
    failed: tuple[QuarantinedDocument, ...],
) -> BatchResult:
    hashes = {a.doc_id: content_hash(a) for a in articles}
    tables: dict[str, pa.Table] = {}
    columns = output.columns
    if job.tables and job.arrow:
        tables, columns = tables_from_columns(columns), {}
        if job.signatures and output.docs:
            from eventscribe.dedupe.minhash import minhash_tables

            docs = output.docs
            ids, texts = [d.article.doc_id for d in docs], [d.article.text for d in docs]
            tables.update(minhash_tables(ids, texts, job.threshold))
    return BatchResult(
        index=index,
        coded=tuple((d.article.doc_id, hashes[d.article.doc_id]) for d in output.docs),
        quarantined=failed,
        sentences=sum(len(d.sentences) for d in output.docs),
        events=sum(len(d.events) for d in output.docs),
        tables=tables,
        lines=tuple(output.lines),
        columns=columns,
    )


def with_tables(result: BatchResult) -> BatchResult:
    """``result`` with the Arrow tables of the plain columns a worker sent back."""
    if not result.columns:
        return result
    tables = {**tables_from_columns(result.columns), **result.tables}
    return replace(result, tables=tables, columns={})


def add_signatures(result: BatchResult, articles: Sequence[Article], job: Job) -> BatchResult:
    """``result`` with the MinHash rows of its coded documents, made here rather than in
    the worker that coded them (they need datasketch and SciPy, about 30 MB a process)."""
    if not job.tables or "doc_minhash" in result.tables:
        return result
    from eventscribe.dedupe.minhash import minhash_tables

    failed = {q.doc_id for q in result.quarantined}
    coded = [a for a in articles if a.doc_id not in failed]
    if [a.doc_id for a in coded] != [doc_id for doc_id, _ in result.coded]:
        texts = {a.doc_id: a.text for a in coded}
        coded = [Article(doc_id, texts[doc_id]) for doc_id, _ in result.coded]
    ids, texts_in_order = [a.doc_id for a in coded], [a.text for a in coded]
    tables = {**result.tables, **minhash_tables(ids, texts_in_order, job.threshold)}
    return replace(result, tables=tables)


def _quarantine(article: Article, exc: Exception) -> QuarantinedDocument:
    detail = " ".join(str(exc).split()) or "no message"
    reason = f"coding failed: {type(exc).__name__}: {detail}"[:MAX_REASON_CHARS]
    return QuarantinedDocument(
        article.doc_id, article.origin or article.doc_id, reason, content_hash(article)
    )
