"""CSV input: a header row naming the columns (``id``, ``text``, ``date``, ``title``,
``url``, ``source``), then one document per record.

Quoted fields may span lines, so a record's line number is the line it starts on. A
quote that is never closed (or closes in the middle of a field) is reported on the line
it opened on, and the lines it would have swallowed are read as the records they are.
Lines may end in LF, CRLF or CR.
Header names are matched without regard to case or surrounding spaces.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from eventscribe.ingest.decode import Line, iter_lines, sniff_encoding
from eventscribe.ingest.fields import article_from_record
from eventscribe.records import Article, InputProblem


def read_csv(
    path: str | Path,
    *,
    id_prefix: str | None = None,
    max_chars: int = 200_000,
    encoding: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Yield one Article per CSV record of ``path`` (or an InputProblem for it).

    Records without ``id`` get ``<id_prefix>-<line number>`` (default prefix: the file
    stem). A file without a ``text`` column gives a single InputProblem.
    """
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    with stream:
        try:
            yield from _read_records(path, stream, id_prefix or path.stem, max_chars, encoding)
        except OSError as exc:
            yield InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")


def _read_records(
    path: Path, stream: BinaryIO, prefix: str, max_chars: int, encoding: str | None
) -> Iterator[Article | InputProblem]:
    used, warnings = sniff_encoding(stream, encoding)
    lines = _Lines(iter_lines(stream, replace_errors=True, encoding=used))
    reader = csv.reader(lines, strict=True)
    _allow_fields_up_to(max_chars)
    header = _read_header(path, reader, lines.bad)
    if isinstance(header, InputProblem):
        yield header
        return
    while True:
        lines.taken.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _broken_record(path, lines, exc, max_chars)
            continue
        origin = f"{path}:{lines.taken[0].number}"
        if lines.bad:
            yield InputProblem(f"{path}:{lines.bad[0].number}", str(lines.bad[0].error))
            lines.bad.clear()
            continue
        if not row:
            continue
        record = dict(zip(header, row))
        item = article_from_record(
            record,
            fallback_id=f"{prefix}-{lines.taken[0].number}",
            origin=origin,
            max_chars=max_chars,
        )
        if warnings and isinstance(item, Article):  # said once, with the file's first document
            item, warnings = replace(item, warnings=warnings + item.warnings), ()
        yield item


class _Lines:
    """Decoded lines for the csv module, remembering the lines of the record being read
    (``taken``) and the ones that were not valid UTF-8 (``bad``); lines handed back with
    :meth:`again` are read once more."""

    def __init__(self, lines: Iterator[Line]) -> None:
        self._lines = lines
        self._again: deque[Line] = deque()
        self.taken: list[Line] = []
        self.bad: list[Line] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._again.popleft() if self._again else next(self._lines)
        self.taken.append(line)
        if line.error is not None:
            self.bad.append(line)
        return line.text

    def again(self, lines: list[Line]) -> None:
        self._again.extendleft(reversed(lines))


def _broken_record(path: Path, lines: _Lines, exc: csv.Error, max_chars: int) -> InputProblem:
    """The problem for a record the csv module refused. A quote that never closes (or
    closes in the wrong place) would swallow the records after it: only the line it
    opened on is skipped, and the lines after it are read again as records."""
    taken = list(lines.taken) or [Line(0, "")]
    lines.bad.clear()
    opened = taken[0].number
    if len(taken) > 1 and "field larger than field limit" not in str(exc):
        lines.again(taken[1:])
        span = (
            f"line {taken[1].number}"
            if len(taken) == 2
            else f"lines {taken[1].number}-{taken[-1].number}"
        )
        return InputProblem(f"{path}:{opened}", f"quote opened on this line is not closed where a field ends "
                                                f"(it would swallow {span}; those are read as records)")  # fmt: skip
    return InputProblem(f"{path}:{opened}", _csv_error_reason(exc, max_chars))


def _read_header(path: Path, reader: Any, bad_lines: list[Line]) -> list[str] | InputProblem:
    """The lower-cased column names, or the reason the file cannot be used at all."""
    origin = str(path)
    try:
        header = next((row for row in reader if row), None)
    except csv.Error as exc:
        return InputProblem(f"{origin}:{reader.line_num}", f"invalid CSV header ({exc})")
    if bad_lines:
        return InputProblem(f"{origin}:{bad_lines[0].number}", str(bad_lines[0].error))
    if header is None:
        return InputProblem(origin, 'empty file (expected a header row with a "text" column)')
    names = [name.strip().lower() for name in header]
    if "text" not in names:
        shown = ", ".join(name for name in names if name) or "none"
        return InputProblem(origin, f'no "text" column in the header row (columns: {shown})')
    return names


def _allow_fields_up_to(max_chars: int) -> None:
    """Raise the csv module's field limit (128 KiB) so documents up to ``max_chars`` fit.

    The limit is process-wide; it is only ever raised, never lowered.
    """
    wanted = max_chars + 1
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def _csv_error_reason(exc: csv.Error, max_chars: int) -> str:
    if "field larger than field limit" in str(exc):
        return (
            f"a field is over the limit of {max_chars} characters (raise --max-chars or split it)"
        )
    return f"invalid CSV ({exc})"
