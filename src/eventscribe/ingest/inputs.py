"""The ingest entry point: every input path in, a stream of Articles and problems out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from eventscribe.errors import ConfigError
from eventscribe.ingest.discover import Source, discover
from eventscribe.ingest.html import read_html
from eventscribe.ingest.jsonl import read_jsonl
from eventscribe.ingest.tabular import read_csv
from eventscribe.ingest.text import read_text_file
from eventscribe.ingest.warc import read_warc
from eventscribe.records import Article, InputProblem


def read_inputs(
    paths: Sequence[str | Path], *, max_chars: int = 200_000, encoding: str | None = None
) -> Iterator[Article | InputProblem]:
    """Yield one Article per document and one InputProblem per skipped document or line.

    ``paths`` may be files, folders (read recursively: .txt .text .jsonl .ndjson .csv
    .html .htm .warc .warc.gz) or glob patterns. The order is deterministic: arguments as given,
    matches and folder contents sorted. Bad input never raises; it becomes an
    InputProblem that the caller reports before going on. A document id seen before in
    the same call is reported, not yielded again, so nothing is coded twice.
    ``encoding`` reads text, CSV, JSONL and HTML files in that encoding; by default
    they are UTF-8, or (text, CSV, HTML) the encoding that is detected or declared.
    """
    if max_chars <= 0:
        raise ConfigError(f"max_chars must be positive, got {max_chars}")
    if isinstance(paths, str | Path):  # one path given bare: do not iterate its letters
        paths = [paths]
    first_seen: dict[str, str] = {}
    for source in discover(list(paths)):
        if isinstance(source, InputProblem):
            yield source
            continue
        for item in _guarded(source, max_chars, encoding):
            yield _unless_duplicate(item, first_seen)


def _guarded(
    source: Source, max_chars: int, encoding: str | None
) -> Iterator[Article | InputProblem]:
    """The reader's items; a reader that fails on data it did not foresee costs the rest
    of that file (reported with the number of documents read), never the run."""
    count = 0
    try:
        for item in _read_source(source, max_chars, encoding):
            count += isinstance(item, Article)
            yield item
    except Exception as exc:  # noqa: BLE001 - reported, the run goes on with the next file
        detail = " ".join(str(exc).split())[:200] or "no message"
        yield InputProblem(
            str(source.path),
            f"reading stopped after {count} documents: {type(exc).__name__}: {detail}",
        )


def _read_source(
    source: Source, max_chars: int, encoding: str | None
) -> Iterator[Article | InputProblem]:
    """Hand ``source`` to the reader for its format."""
    if source.format == "jsonl":
        return read_jsonl(
            source.path, id_prefix=source.doc_id, max_chars=max_chars, encoding=encoding
        )
    if source.format == "csv":
        return read_csv(
            source.path, id_prefix=source.doc_id, max_chars=max_chars, encoding=encoding
        )
    if source.format == "warc":
        return read_warc(source.path, id_prefix=source.doc_id, max_chars=max_chars)
    if source.format == "html":
        return read_html(source.path, doc_id=source.doc_id, max_chars=max_chars, encoding=encoding)
    return read_text_file(source.path, doc_id=source.doc_id, max_chars=max_chars, encoding=encoding)


def _unless_duplicate(
    item: Article | InputProblem, first_seen: dict[str, str]
) -> Article | InputProblem:
    """The item itself, or a problem if its doc_id was already yielded in this run."""
    if isinstance(item, InputProblem):
        return item
    earlier = first_seen.get(item.doc_id)
    if earlier == item.origin:
        return InputProblem(item.origin, "already read (the same file is named more than once)")
    if earlier is not None:
        return InputProblem(item.origin, f"duplicate id '{item.doc_id}', first seen at {earlier}")
    first_seen[item.doc_id] = item.origin
    return item
