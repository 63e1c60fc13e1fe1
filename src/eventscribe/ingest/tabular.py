"""CSV input: a header row naming the columns (``id``, ``text``, ``date``, ``title``,
``url``, ``source``), then one document per record.

Quoted fields may span lines, so a record's line number is the line it starts on.
Header names are matched without regard to case or surrounding spaces.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from eventscribe.ingest.decode import Line, iter_lines
from eventscribe.ingest.fields import article_from_record
from eventscribe.records import Article, InputProblem


def read_csv(
    path: str | Path, *, id_prefix: str | None = None, max_chars: int = 200_000
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
            yield from _read_records(path, stream, id_prefix or path.stem, max_chars)
        except OSError as exc:
            yield InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")


def _read_records(
    path: Path, stream: BinaryIO, prefix: str, max_chars: int
) -> Iterator[Article | InputProblem]:
    bad_lines: list[Line] = []
    reader = csv.reader(_line_texts(iter_lines(stream, replace_errors=True), bad_lines))
    _allow_fields_up_to(max_chars)
    header = _read_header(path, reader, bad_lines)
    if isinstance(header, InputProblem):
        yield header
        return
    while True:
        start = reader.line_num + 1
        origin = f"{path}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            bad_lines.clear()
            yield InputProblem(origin, _csv_error_reason(exc, max_chars))
            continue
        if bad_lines:
            yield InputProblem(f"{path}:{bad_lines[0].number}", str(bad_lines[0].error))
            bad_lines.clear()
            continue
        if not row:
            continue
        record = dict(zip(header, row))
        yield article_from_record(
            record, fallback_id=f"{prefix}-{start}", origin=origin, max_chars=max_chars
        )


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
        return InputProblem(origin, "empty file (expected a header row with a \"text\" column)")
    names = [name.strip().lower() for name in header]
    if "text" not in names:
        shown = ", ".join(name for name in names if name) or "none"
        return InputProblem(
            origin, f'no "text" column in the header row (columns: {shown})'
        )
    return names


def _line_texts(lines: Iterator[Line], bad_lines: list[Line]) -> Iterator[str]:
    """Feed decoded lines to the csv module, noting lines that were not valid UTF-8."""
    for line in lines:
        if line.error is not None:
            bad_lines.append(line)
        yield line.text


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
            f"a field is over the limit of {max_chars} characters "
            "(raise --max-chars or split it)"
        )
    return f"invalid CSV ({exc})"
