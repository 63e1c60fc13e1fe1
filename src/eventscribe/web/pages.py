"""The dashboard's HTML pages: overview, dyad timeline, map, event, actor and document pages.

Pages are server-rendered with Jinja2 (autoescaping on: article text is always shown as
text) and read the same query parameters as the API, so every filter lives in the URL
and a page can be bookmarked or shared. The chart is drawn in the browser by plotly.js
from the series embedded in the page.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from eventscribe.analysis import (
    EventFilter,
    dyad_series,
    map_points,
    peaks,
    period_end,
    split_codes,
    top_actors,
    top_dyads,
    type_mix,
)
from eventscribe.web import queries
from eventscribe.web.db import CursorReader
from eventscribe.web.params import event_filter, reader

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
Reader = Annotated[CursorReader, Depends(reader)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Page = Annotated[int, Query(ge=1, le=100_000)]


def _render(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates = request.app.state.templates
    page: HTMLResponse = templates.TemplateResponse(
        request, template, {"url_with": _url_with(request), **context}
    )
    return page


def _url_with(request: Request):  # type: ignore[no-untyped-def]
    """A template helper: this page's URL with some query parameters changed or removed."""

    def build(path: str | None = None, **changes: Any) -> str:
        items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
        for key, value in changes.items():
            if value is not None and value != "":
                items.append((key, str(value)))
        query = urlencode(items)
        base = path or request.url.path
        return f"{base}?{query}" if query else base

    return build


# Rows of each breakdown on the front page.
FRONT_ROWS = 25


def front_page(db: Any, flt: EventFilter) -> dict[str, Any]:
    """The breakdowns the front page shows (also computed ahead by the app, see app._watch)."""
    return {
        "dyads": top_dyads(db, flt, limit=FRONT_ROWS),
        "actors": top_actors(db, flt, limit=FRONT_ROWS),
        "types": type_mix(db, flt),
    }


@router.get("/", response_class=HTMLResponse)
def index(request: Request, db: Reader, flt: Filter) -> HTMLResponse:
    return _render(
        request, "index.html", **front_page(db, flt), info=request.app.state.store.info, flt=flt
    )


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    db: Reader,
    flt: Filter,
    a: str = "",
    b: str = "",
    by: Annotated[str, Query(pattern="^(day|week|month)$")] = "week",
    directed: bool = False,
    page: Page = 1,
) -> HTMLResponse:
    side_a, side_b = split_codes(a), split_codes(b)
    if not side_a or not side_b:
        return _render(request, "pick_dyad.html", dyads=top_dyads(db, flt, limit=50), a=a, b=b)
    series = dyad_series(db, side_a, side_b, by=by, directed=directed, flt=flt)
    scoped = replace(flt, dyad=(side_a, side_b), directed=directed)
    table = queries.list_events(db, scoped, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return _render(
        request, "dyad.html",
        a=",".join(side_a), b=",".join(side_b), by=by, directed=directed, flt=flt,
        series=series.as_dict(), peaks=peaks(series), period_end=period_end,
        table=table, page=page, page_size=PAGE_SIZE,
        types=type_mix(db, scoped), actors=top_actors(db, scoped, limit=10),
    )  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(
    request: Request, db: Reader, flt: Filter, a: str = "", b: str = "", directed: bool = False
) -> HTMLResponse:
    """Events where they happened; ``a``/``b`` narrow it to a dyad as on the dyad page."""
    side_a, side_b = split_codes(a), split_codes(b)
    scoped = replace(flt, dyad=(side_a, side_b), directed=directed) if side_a and side_b else flt
    hidden = {"a": ",".join(side_a), "b": ",".join(side_b)} if side_a and side_b else {}
    return _render(request, "map.html", flt=flt, hidden=hidden, data=map_points(db, scoped))


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, db: Reader, event_id: str) -> HTMLResponse:
    found = queries.get_event(db, event_id, clusters=request.app.state.store.info.has_clusters)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return _render(request, "event.html", event=found)


@router.get("/actor", response_class=HTMLResponse)
def actor_page(
    request: Request, db: Reader, flt: Filter, name: str = "", page: Page = 1
) -> HTMLResponse:
    if not name:
        raise HTTPException(422, "give an actor name: /actor?name=Aleksandar%20Vucic")
    scoped = replace(flt, actor=name)
    table = queries.list_events(db, scoped, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return _render(
        request, "actor.html",
        name=name, flt=flt, table=table, page=page, page_size=PAGE_SIZE,
        types=type_mix(db, scoped), partners=top_actors(db, scoped, limit=15),
    )  # fmt: skip


@router.get("/document/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, db: Reader, doc_id: str) -> HTMLResponse:
    found = queries.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return _render(request, "document.html", doc=found)
