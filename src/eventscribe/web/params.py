"""Query-string parameters shared by the API and the pages, turned into an EventFilter.

The same names work in both places (``/api/events?country=SRB&type=ACCUSE`` and
``/dyad?a=SRB&b=XKX&type=ACCUSE``), so a page URL is also a recipe for the API call.
Lists may repeat (``type=A&type=B``) or be comma-separated (``type=A,B``).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query, Request

from eventscribe.analysis.filters import EventFilter, split_codes
from eventscribe.web.db import CursorReader

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

Codes = Annotated[
    list[str], Query(description="Country or actor codes (SRB, SRBGOV); repeat or comma-separate.")
]


async def reader(request: Request) -> AsyncIterator[CursorReader]:
    """A per-request reader (FastAPI dependency). Async, so it costs no worker thread:
    the reader opens its DuckDB cursor only when a query needs one."""
    with request.app.state.store.reader() as opened:
        yield opened


def checked_date(value: str | None, name: str) -> str | None:
    """``value`` if it is a real YYYY, YYYY-MM or YYYY-MM-DD (or empty); else HTTP 422
    naming it (2023-13-45 is refused, not compared as text)."""
    if not value:
        return None
    if not _DATE.match(value) or not _real_date(value):
        raise HTTPException(422, f"{name} must be a real date like 2022-11-24, got {value[:40]!r}")
    return value


def _real_date(value: str) -> bool:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def checked_quads(values: list[str]) -> tuple[int, ...]:
    """Quad classes from ``quad=1&quad=3`` or ``quad=1,3``; blanks ignored; else HTTP 422."""
    quads: list[int] = []
    for code in split_codes(values):
        if code not in ("1", "2", "3", "4"):
            raise HTTPException(422, f"quad must be 1, 2, 3 or 4, got {code!r}")
        quads.append(int(code))
    return tuple(quads)


async def event_filter(
    start: Annotated[str | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
    end: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
    country: Codes = [],  # noqa: B006 - FastAPI copies defaults
    source: Codes = [],  # noqa: B006
    target: Codes = [],  # noqa: B006
    actor: Annotated[
        str | None, Query(description="Canonical actor name, e.g. Aleksandar Vucic.")
    ] = None,
    type: Annotated[list[str], Query(description="PLOVER event types, e.g. ACCUSE.")] = [],  # noqa: B006
    quad: Annotated[list[str], Query(description="Quad classes 1-4.")] = [],  # noqa: B006
    q: Annotated[str | None, Query(max_length=200, description="Text in the sentence.")] = None,
    doc_id: Annotated[str | None, Query(description="Only this document's events.")] = None,
) -> EventFilter:
    """The EventFilter for the common query parameters (FastAPI dependency; async because
    it only checks values, which is cheaper than a hop to a worker thread)."""
    return EventFilter(
        start=checked_date(start, "start"),
        end=checked_date(end, "end"),
        countries=split_codes(country),
        sources=split_codes(source),
        targets=split_codes(target),
        actor=actor or None,
        types=split_codes(type),
        quads=checked_quads(quad),
        text=q or None,
        doc_id=doc_id or None,
    )
