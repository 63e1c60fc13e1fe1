"""Typed field readers for gold and prediction files.

Each reader takes the JSON object, the key, ``where`` ("file.jsonl:12") and ``path``
(the dotted name of the object, e.g. "events[2].source[0]") so that a bad value is
reported as ``file.jsonl:12: field 'events[2].source[0].country' ...``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from eventscribe.errors import GoldFileError

_FIX = "correct the field as eval/FORMAT.md describes, or remove the line"
_EVENT_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def field_name(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class OutsideText(GoldFileError):
    """Offsets that do not fit the text: the item cannot be scored."""


def bad_field(where: str, name: str, problem: str) -> GoldFileError:
    """The error for one bad field, naming file, line and field."""
    return GoldFileError(f"{where}: field '{name}' {problem}", fix=_FIX)


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def req_str(obj: dict[str, Any], key: str, where: str, path: str = "") -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        name = field_name(path, key)
        if key not in obj:
            raise bad_field(where, name, "is missing")
        raise bad_field(where, name, f"must be a non-empty string, not {_describe(value)}")
    return value


def opt_str(obj: dict[str, Any], key: str, where: str, path: str = "") -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    problem = f"must be a string or null, not {_describe(value)}"
    raise bad_field(where, field_name(path, key), problem)


def text_field(obj: dict[str, Any], key: str, where: str, path: str = "") -> str:
    """A string that may be empty (the text of a case)."""
    value = obj.get(key)
    if isinstance(value, str):
        return value
    name = field_name(path, key)
    raise bad_field(where, name, "is missing" if key not in obj else "must be a string")


def opt_bool(obj: dict[str, Any], key: str, where: str, path: str = "") -> bool:
    value = obj.get(key, False)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    raise bad_field(where, field_name(path, key), f"must be true or false, not {_describe(value)}")


def req_int(obj: dict[str, Any], key: str, where: str, path: str = "") -> int:
    value = obj.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    name = field_name(path, key)
    problem = f"must be an integer, not {_describe(value)}"
    raise bad_field(where, name, "is missing" if key not in obj else problem)


def opt_float(obj: dict[str, Any], key: str, where: str, path: str = "") -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    problem = f"must be a number or null, not {_describe(value)}"
    raise bad_field(where, field_name(path, key), problem)


def req_list(
    obj: dict[str, Any], key: str, where: str, path: str = "", *, default: bool = False
) -> list[Any]:
    """A JSON list; ``default`` makes a missing or null key an empty list."""
    value = obj.get(key)
    if isinstance(value, list):
        return value
    if value is None and default:
        return []
    name = field_name(path, key)
    problem = f"must be a list, not {_describe(value)}"
    raise bad_field(where, name, "is missing" if key not in obj else problem)


def as_object(value: Any, where: str, name: str) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise bad_field(where, name, f"must be a JSON object, not {_describe(value)}")


def case_date(obj: dict[str, Any], where: str) -> date | None:
    """The reference (publication) date of a case: "YYYY-MM-DD" or null."""
    value = opt_str(obj, "date", where)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problem = f"must be a date YYYY-MM-DD, not {_describe(value)}"
        raise bad_field(where, "date", problem) from None


def event_date(obj: dict[str, Any], where: str, path: str) -> str | None:
    """An event date: "YYYY-MM-DD", "YYYY-MM" (month known) or "YYYY"; or null."""
    value = opt_str(obj, "date", where, path)
    if value is None or _EVENT_DATE.fullmatch(value):
        return value
    problem = f"must be YYYY-MM-DD or YYYY-MM, not {_describe(value)}"
    raise bad_field(where, field_name(path, "date"), problem)


def span(value: Any, text: str, where: str, name: str) -> tuple[int, int]:
    """A ``[start, end]`` pair of character offsets inside ``text``."""
    ok = (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )
    if not ok:
        problem = f"must be a pair [start, end] of integers, not {_describe(value)}"
        raise bad_field(where, name, problem)
    return check_offsets(value[0], value[1], text, where, name)


def offsets(obj: dict[str, Any], text: str, where: str, name: str) -> tuple[int, int]:
    """The ``start`` and ``end`` fields of ``obj``, checked against ``text``."""
    start = req_int(obj, "start", where, name)
    end = req_int(obj, "end", where, name)
    return check_offsets(start, end, text, where, name)


def check_offsets(start: int, end: int, text: str, where: str, name: str) -> tuple[int, int]:
    if not 0 <= start <= end <= len(text):
        problem = f"offsets {start}-{end} are not inside the text (length {len(text)})"
        raise OutsideText(f"{where}: field '{name}' {problem}", fix=_FIX)
    return start, end
