"""Publication dates as feeds write them: ISO, RFC 2822, "December 5, 2023", a Unix
timestamp, "5. Dezember 2023".

ISO forms are read directly (the date part as written, whatever the time zone); the
rest goes to dateparser with fixed settings, so the answer never depends on the clock,
the machine's time zone or what was parsed before: only absolute dates and timestamps
(no "yesterday", no "next year"), all of day, month and year required, timestamps in
UTC. A date before 1 AD or after 9999 is no date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMPACT_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")
# longer than any date a site writes: a long field is not worth handing to dateparser
MAX_DATE_CHARS = 100


def parse_iso_date(value: str) -> date:
    """``YYYY-MM-DD`` or a full ISO timestamp (its date part as written) to a date.

    Raises ``ValueError`` for anything else, including ``20230101`` and week dates,
    which :func:`date.fromisoformat` would otherwise accept.
    """
    value = value.strip()
    if not _ISO_DAY.match(value):
        raise ValueError(value)
    if len(value) == 10:
        return date.fromisoformat(value)
    return datetime.fromisoformat(value).date()


def read_date(value: str) -> date | None:
    """The day ``value`` names, or None when it names none this module can read."""
    value = value.strip()
    if not value or len(value) > MAX_DATE_CHARS:
        return None
    if _ISO_DAY.match(value):  # ISO-shaped: 2023-13-01 is an error, not 13 January
        try:
            return parse_iso_date(value)
        except ValueError:
            return None
    compact = _COMPACT_DAY.fullmatch(value)
    if compact:
        try:
            return date(*(int(part) for part in compact.groups()))
        except ValueError:
            return None
    return _dateparser_day(value)


@lru_cache(maxsize=4096)
def _dateparser_day(value: str) -> date | None:
    import dateparser  # slow to import; most inputs carry ISO dates

    try:
        found = dateparser.parse(value, settings=_settings())
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found is not None else None


def _settings() -> dict[str, Any]:
    return {
        "PARSERS": ["timestamp", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DAY_OF_MONTH": "first",
    }
