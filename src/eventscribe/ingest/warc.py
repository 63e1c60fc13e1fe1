"""WARC files of news crawls: each HTML response becomes one Article (via trafilatura).

Read with warcio's ``ArchiveIterator`` (plain or gzip-compressed WARC, record by record,
so memory stays flat however large the file). Only ``response`` and ``resource``
records whose HTTP status is 2xx and whose content type is HTML are articles; requests,
metadata, redirects, images and the like are passed over silently, as they carry no
article. The document id is ``<file id>/<digest of the WARC-Record-ID>`` (stable for the
same file), ``url`` is the record's WARC-Target-URI, and the publication date comes
from the page metadata, else from the day the page was crawled (WARC-Date).
A truncated or corrupt file yields the articles before the damage and one problem
naming the byte offset and the number of records read.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from eventscribe.ingest.html import article_from_html
from eventscribe.records import Article, InputProblem, stable_id

_CHARSET = re.compile(r"charset=([\w-]+)", re.IGNORECASE)
_ARTICLE_RECORDS = ("response", "resource")
_CUT_RECORD = "truncated WARC record: the file ends inside it (the records before it were read)"
_PRINTABLE = re.compile(r"[^\x20-\x7e]")


def read_warc(
    path: str | Path, *, id_prefix: str | None = None, max_chars: int = 200_000
) -> Iterator[Article | InputProblem]:
    """Yield one Article per HTML page in the WARC file at ``path`` (and InputProblems)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    path = Path(path)
    prefix = id_prefix or _stem(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        records = ArchiveIterator(handle)
        count, last, cut_record = 0, 0, False
        try:
            for record in records:
                count += 1
                item = _record_article(record, records, path, prefix, max_chars)
                last = records.get_record_offset()  # after the record was read (it moves on)
                cut_record = isinstance(item, InputProblem) and item.reason == _CUT_RECORD
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            detail = _PRINTABLE.sub("?", " ".join(str(exc).split()))[:80]
            yield InputProblem(str(path), f"corrupt WARC at byte {_offset(records, handle)} after {count} records "
                                          f"({detail}); the records before it were read")  # fmt: skip
            return
        cut = None if cut_record else _truncated_at(path, last)
        if cut is not None:
            yield InputProblem(str(path), f"truncated WARC: compressed data ends unfinished at byte {cut} "
                                          f"after {count} records; the records before it were read")  # fmt: skip


def _offset(records: Any, handle: Any) -> int:
    try:
        return int(records.offset)
    except (AttributeError, TypeError, ValueError):
        return int(handle.tell())


def _truncated_at(path: Path, last: int) -> int | None:
    """Where a gzip-compressed WARC ends in the middle of a member, or None.

    warcio stops without a word when the last gzip member is cut off; decompressing
    from the last record read to the end (one or two members) tells."""
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return None
        handle.seek(last)
        data = handle.read()
    while data:
        member = zlib.decompressobj(wbits=31)
        try:
            member.decompress(data)
        except zlib.error:
            return last
        if not member.eof:
            return last
        last += len(data) - len(member.unused_data)
        data = member.unused_data
    return None


def _record_article(
    record: Any, records: Any, path: Path, prefix: str, max_chars: int
) -> Article | InputProblem | None:
    """The Article (or problem) in one WARC record, or None for a record that is no page."""
    if record.rec_type not in _ARTICLE_RECORDS:
        return None
    content_type = _content_type(record)
    if "html" not in content_type.lower():
        return None
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
    body = record.content_stream().read()  # before asking for the offset, which moves on
    origin = f"{path}@{records.get_record_offset()}"
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than Content-Length
        return InputProblem(origin, _CUT_RECORD)
    markup = body.decode(_charset(content_type), errors="replace")
    if not markup.strip():
        return InputProblem(origin, "empty document")
    record_id = record.rec_headers.get_header("WARC-Record-ID") or origin
    doc_id = f"{prefix}/{stable_id(record_id)}"
    item = article_from_html(markup, doc_id=doc_id, origin=origin, max_chars=max_chars)
    if isinstance(item, Article):
        url = record.rec_headers.get_header("WARC-Target-URI")
        item = replace(item, url=url or item.url, date=item.date or _crawl_day(record))
    return item


def _content_type(record: Any) -> str:
    if record.http_headers is not None:
        return record.http_headers.get_header("Content-Type") or ""
    return record.rec_headers.get_header("Content-Type") or ""


def _charset(content_type: str) -> str:
    match = _CHARSET.search(content_type)
    if match:
        try:
            "".encode(match.group(1))
            return match.group(1)
        except LookupError:
            pass
    return "utf-8"


def _crawl_day(record: Any) -> date | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".warc.gz", ".warc", ".arc.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem
