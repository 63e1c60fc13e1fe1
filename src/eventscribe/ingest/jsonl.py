"""JSON Lines input: one JSON object per line, read one line at a time.

A bad line is reported as ``file:line`` with the field or JSON error and skipped; the
rest of the file is still read, so one typo does not lose a whole batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventscribe.ingest.decode import iter_lines
from eventscribe.ingest.fields import FieldProblem, article_from_record, bounded_int, json_type
from eventscribe.records import Article, InputProblem


def read_jsonl(
    path: str | Path,
    *,
    id_prefix: str | None = None,
    max_chars: int = 200_000,
    encoding: str | None = None,
) -> Iterator[Article | InputProblem]:
    """Yield one Article per non-blank line of ``path`` (or an InputProblem for it).

    Records without ``id`` get ``<id_prefix>-<line number>``; ``id_prefix`` defaults to
    the file stem. Memory use does not grow with the file size.
    """
    path = Path(path)
    prefix = id_prefix or path.stem
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    with stream:
        try:
            for line in iter_lines(stream, encoding=encoding or "utf-8"):
                item = _parse_line(path, line.number, line.text, line.error, prefix, max_chars)
                if item is not None:
                    yield item
        except OSError as exc:
            yield InputProblem(str(path), f"cannot read file ({exc.strerror or exc})")


def _parse_line(
    path: Path,
    number: int,
    text: str,
    error: Exception | None,
    prefix: str,
    max_chars: int,
) -> Article | InputProblem | None:
    """One line to an Article, an InputProblem, or None for a blank line."""
    origin = f"{path}:{number}"
    if error is not None:
        return InputProblem(origin, str(error))
    if not text.strip():
        return None
    try:
        record = json.loads(text, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        return InputProblem(origin, f"invalid JSON ({exc.msg} at column {exc.colno})")
    except FieldProblem as exc:
        return InputProblem(origin, f"invalid JSON ({exc})")
    except RecursionError:
        return InputProblem(origin, "invalid JSON (nested too deeply)")
    if not isinstance(record, dict):
        return InputProblem(origin, f"expected a JSON object, got {json_type(record)}")
    return article_from_record(
        record, fallback_id=f"{prefix}-{number}", origin=origin, max_chars=max_chars
    )
