"""Plain-text documents: the whole file is the article, with an optional date line.

The text is kept exactly as in the file (only a UTF-8 BOM is dropped) because every
offset later on points into it. A first line such as ``Date 2022-11-23 (Belgrade)`` or
``2022-11-23 - Belgrade`` gives the publication date, which the time stage needs to
resolve "yesterday" or "last Tuesday".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventscribe.ingest.dates import parse_iso_date
from eventscribe.ingest.decode import (
    BadUtf8,
    UnknownEncoding,
    decode_other,
    encoding_warning,
    iter_decoded_chunks,
)
from eventscribe.ingest.fields import oversize_reason, text_problem
from eventscribe.records import Article, InputProblem

DATE_LINE = re.compile(r"^\s*date\b\s*:?\s*(?P<day>\d{4}-\d{2}-\d{2})(?!\d)", re.IGNORECASE)
LEADING_DAY = re.compile(r"^\s*(?P<day>\d{4}-\d{2}-\d{2})(?!\d)")
FIRST_LINE = re.compile(r"\s*([^\r\n]+)")


def parse_dateline(text: str) -> date | None:
    """The publication date from the first non-empty line of ``text``, or None.

    Accepts ``date YYYY-MM-DD`` (any case, optional colon, then e.g. a remark in
    parentheses) or a line that starts with ``YYYY-MM-DD``. An impossible date such as
    2022-13-40 gives None (the document is still read).
    """
    first = _first_line_match(text)
    if first is None:
        return None
    match = DATE_LINE.match(first[1]) or LEADING_DAY.match(first[1])
    if not match:
        return None
    try:
        return parse_iso_date(match["day"])
    except ValueError:
        return None


def read_text_file(
    path: str | Path,
    *,
    doc_id: str | None = None,
    max_chars: int = 200_000,
    encoding: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Yield one Article for the text file at ``path`` (or one InputProblem).

    ``doc_id`` defaults to the file stem. Oversized files are counted in a stream and
    never held in memory whole.
    """
    path = Path(path)
    origin = str(path)
    decoded = read_text(path, max_chars, encoding=encoding)
    if isinstance(decoded, InputProblem):
        yield decoded
        return
    result, warnings = decoded
    reason = text_problem(result, max_chars)
    if reason is None and _only_a_date_line(result):
        reason = "empty document (only a date line)"
    if reason:
        yield InputProblem(origin, reason)
        return
    yield Article(
        doc_id=doc_id or path.stem,
        text=result,
        date=parse_dateline(result),
        origin=origin,
        warnings=warnings,
    )


def read_text(
    path: Path, max_chars: int | None = None, *, encoding: str | None = None
) -> tuple[str, tuple[str, ...]] | InputProblem:
    """The decoded content of ``path`` and its warnings, or an InputProblem (unreadable,
    undecodable, too long).

    UTF-8 first (streamed: with ``max_chars`` set, reading stops keeping text once the
    limit is passed but goes on counting, so the message can give the real length). A
    file that is not UTF-8 is read as ``encoding`` or the encoding charset-normalizer
    detects, with a warning saying so.
    """
    if encoding is not None and encoding.replace("-", "").replace("_", "").lower() != "utf8":
        return _read_other(path, max_chars, encoding)
    found = _read_utf8(path, max_chars)
    if isinstance(found, BadUtf8):
        return _read_other(path, max_chars, None)
    return found if isinstance(found, InputProblem) else (found, ())


def _read_other(
    path: Path, max_chars: int | None, encoding: str | None
) -> tuple[str, tuple[str, ...]] | InputProblem:
    origin = str(path)
    try:
        size = path.stat().st_size
        if max_chars is not None and size > 4 * max_chars:
            return InputProblem(
                origin, f"not UTF-8, and at {size:,} bytes too long to detect its encoding"
            )
        text, used = decode_other(path.read_bytes(), encoding)
    except UnknownEncoding as exc:
        return InputProblem(origin, str(exc))
    except OSError as exc:
        return InputProblem(origin, f"cannot read file ({exc.strerror or exc})")
    if max_chars is not None and len(text) > max_chars:
        return InputProblem(origin, oversize_reason(len(text), max_chars))
    return text, (() if encoding else (encoding_warning(used),))


def _read_utf8(path: Path, max_chars: int | None) -> str | BadUtf8 | InputProblem:
    origin = str(path)
    parts: list[str] = []
    length = 0
    try:
        with path.open("rb") as stream:
            for chunk in iter_decoded_chunks(stream):
                length += len(chunk)
                if max_chars is None or length <= max_chars:
                    parts.append(chunk)
                else:
                    parts.clear()
    except BadUtf8 as exc:
        return exc
    except OSError as exc:
        return InputProblem(origin, f"cannot read file ({exc.strerror or exc})")
    if max_chars is not None and length > max_chars:
        return InputProblem(origin, oversize_reason(length, max_chars))
    return "".join(parts)


def _first_line_match(text: str) -> re.Match[str] | None:
    """The first non-empty line of ``text`` (group 1), without splitting the whole text."""
    return FIRST_LINE.match(text)


def _only_a_date_line(text: str) -> bool:
    """True when the file holds a ``date ...`` line and nothing else worth coding."""
    first = _first_line_match(text)
    if first is None or not DATE_LINE.match(first[1]):
        return False
    return not text[first.end() :].strip()
