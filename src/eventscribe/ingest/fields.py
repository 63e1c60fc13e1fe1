"""Checks shared by every format: dates, ids, optional fields, empty and oversize text.

Each check returns a one-line reason (or raises :class:`FieldProblem`) instead of
raising on bad data, so a reader can turn it into an :class:`InputProblem` and go on.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from eventscribe.ingest.dates import read_date
from eventscribe.records import Article, InputProblem

OPTIONAL_TEXT_FIELDS = ("title", "url", "source")
# Longest integer a record may hold: ids and counts need far fewer digits, and Python
# refuses to convert more than 4,300 (which used to stop the whole run).
MAX_INT_DIGITS = 100


class FieldProblem(ValueError):
    """One field of a record is unusable; ``str()`` is the reason shown to the user."""


def date_field(value: Any) -> tuple[date | None, tuple[str, ...]]:
    """The ``date`` field of a JSONL/CSV record and a warning when it cannot be read.

    Missing, null or blank gives no date and no warning; any common written date is
    read (see :mod:`eventscribe.ingest.dates`); anything else gives no date and one
    warning: the document is still coded, never skipped for its date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ()
    number = isinstance(value, int | float) and not isinstance(value, bool)
    found = (
        read_date(value if isinstance(value, str) else str(value))
        if isinstance(value, str) or number
        else None
    )
    if found is not None:
        return found, ()
    shown = repr(value)[:60] if isinstance(value, str) or number else json_type(value)
    return None, (f'field "date": {shown} is not a date that can be read; coded undated',)


def bounded_int(digits: str) -> int:
    """``int(digits)`` for the JSON reader, refusing integers over MAX_INT_DIGITS digits."""
    length = len(digits.lstrip("-"))
    if length > MAX_INT_DIGITS:
        raise FieldProblem(f"integer of {length} digits, over the limit of {MAX_INT_DIGITS}")
    return int(digits)


def checked_text(name: str, value: str) -> str:
    """``value`` if it is encodable text; a lone surrogate ("\\ud800", legal in JSON
    escapes but not a character) is reported with its position instead of failing later."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = f"\\u{ord(value[exc.start]):04x}"
        raise FieldProblem(
            f'field "{name}": lone surrogate {code} at character {exc.start} is not text'
        ) from None
    return value


def id_field(value: Any, fallback: str) -> str:
    """The ``id`` field as a string; numbers are accepted, missing/blank gives ``fallback``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return fallback
    if isinstance(value, str):
        return checked_text("id", value.strip())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise FieldProblem(f'field "id": must be a string or a number, got {json_type(value)}')


def text_field(record: Mapping[str, Any]) -> str:
    """The ``text`` field exactly as given (no stripping: offsets point into it)."""
    if "text" not in record or record["text"] is None:
        raise FieldProblem('field "text": missing (every record needs the article text)')
    value = record["text"]
    if not isinstance(value, str):
        raise FieldProblem(f'field "text": must be a string, got {json_type(value)}')
    return checked_text("text", value)


def optional_field(record: Mapping[str, Any], name: str) -> str | None:
    """``title``/``url``/``source``: a non-blank string or None."""
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldProblem(f'field "{name}": must be a string, got {json_type(value)}')
    return checked_text(name, value.strip()) or None


def text_problem(text: str, max_chars: int) -> str | None:
    """Why ``text`` cannot be coded (empty, too long), or None if it can."""
    if not text.strip():
        return "empty document"
    if len(text) > max_chars:
        return oversize_reason(len(text), max_chars)
    return None


def oversize_reason(length: int, max_chars: int) -> str:
    """The reason for a document over the ``max_chars`` limit."""
    return (
        f"document has {length} characters, over the limit of {max_chars} "
        "(raise --max-chars or split it)"
    )


def article_from_record(
    record: Mapping[str, Any], *, fallback_id: str, origin: str, max_chars: int
) -> Article | InputProblem:
    """Build an Article from a JSONL object or CSV row, or say which field is wrong."""
    try:
        text = text_field(record)
        reason = text_problem(text, max_chars)
        if reason:
            return InputProblem(origin, reason)
        day, warnings = date_field(record.get("date"))
        return Article(
            doc_id=id_field(record.get("id"), fallback_id),
            text=text,
            date=day,
            warnings=warnings,
            title=optional_field(record, "title"),
            url=optional_field(record, "url"),
            source=optional_field(record, "source"),
            origin=origin,
        )
    except FieldProblem as exc:
        return InputProblem(origin, str(exc))


def json_type(value: Any) -> str:
    """The JSON name of a Python value's type, for messages."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, str):
        return "a string"
    return type(value).__name__
