"""The read-only JSON API under ``/api`` (OpenAPI schema at ``/openapi.json``, docs at ``/docs``).

Every route only reads; list routes are paged (``limit``, ``offset``, ``total``).
Routes hand back JSON they have already serialised (:func:`json_response`): the
response shapes are declared by the return annotations for the OpenAPI schema, but
re-validating thousands of nested values per response would cost more than the query.

Every route runs in a worker thread (``create_app(query_threads=...)`` of them at once):
most take a millisecond or two, but a breakdown or series over millions of events takes
longer, and must not hold up the event loop meanwhile.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from pydantic_core import to_json

from eventscribe.analysis import (
    EventFilter,
    dyad_series,
    map_points,
    peaks,
    split_codes,
    top_actors,
    top_dyads,
    type_mix,
)
from eventscribe.web import queries
from eventscribe.web.db import CursorReader
from eventscribe.web.errors import known_parameters
from eventscribe.web.params import checked_date, event_filter, reader

router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(known_parameters)])


def json_response(content: Any) -> Response:
    """``content`` serialised once by pydantic's JSON writer, as FastAPI itself would
    (compact UTF-8; NaN becomes null; other types through ``jsonable_encoder``)."""
    return Response(
        content=to_json(content, inf_nan_mode="null", fallback=jsonable_encoder),
        media_type="application/json",
    )


Limit = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Reader = Annotated[CursorReader, Depends(reader)]
Filter = Annotated[EventFilter, Depends(event_filter)]
By = Annotated[str, Query(pattern="^(day|week|month)$", description="Period: day, week or month.")]


@router.get("/events", summary="Events matching the filters, newest first")
def events(db: Reader, flt: Filter, limit: Limit = 50, offset: Offset = 0) -> Response:
    return json_response(queries.list_events(db, flt, limit=limit, offset=offset))


@router.get("/map", summary="Located events as points: place, count, main quad class, its events")
def map_data(db: Reader, flt: Filter) -> Response:
    return json_response(map_points(db, flt))


@router.get("/events/{event_id}", summary="One event with its evidence and all its mentions")
def event(request: Request, db: Reader, event_id: Annotated[str, Path(max_length=200)]) -> Response:
    found = queries.get_event(db, event_id, clusters=request.app.state.store.info.has_clusters)
    if found is None:
        raise HTTPException(404, f"no event with id {event_id!r}")
    return json_response(found)


@router.get("/documents", summary="Documents, newest first (without their text)")
def documents(
    db: Reader,
    q: Annotated[str | None, Query(max_length=200, description="Text in the title.")] = None,
    start: Annotated[str | None, Query(description="First day, YYYY-MM-DD (inclusive).")] = None,
    end: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (inclusive).")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    first, last = checked_date(start, "start"), checked_date(end, "end")
    return json_response(
        queries.list_documents(db, text=q, start=first, end=last, limit=limit, offset=offset)
    )


@router.get(
    "/documents/{doc_id:path}", summary="One document with its text, events, quotes and places"
)
def document(db: Reader, doc_id: str) -> Response:
    found = queries.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return json_response(found)


@router.get("/actors", summary="Actors in the most matching events")
def actors(db: Reader, flt: Filter, limit: Limit = 50) -> Response:
    return json_response(top_actors(db, flt, limit=limit))


@router.get("/types", summary="Matching events per PLOVER type")
def types(db: Reader, flt: Filter) -> Response:
    return json_response(type_mix(db, flt))


@router.get("/dyads", summary="Country pairs with the most matching events")
def dyads(db: Reader, flt: Filter, limit: Limit = 50) -> Response:
    return json_response(top_dyads(db, flt, limit=limit))


@router.get("/quotes", summary="Quotes, optionally of one document")
def quotes(
    db: Reader, doc_id: str | None = None, limit: Limit = 50, offset: Offset = 0
) -> Response:
    return json_response(queries.list_quotes(db, doc_id=doc_id, limit=limit, offset=offset))


@router.get("/dyad/{side_a}/{side_b}", summary="Events between two sides per day, week or month")
def dyad(
    db: Reader,
    flt: Filter,
    side_a: Annotated[
        str, Path(max_length=200, description="Codes of side A, e.g. SRB or SRB,SRBGOV.")
    ],
    side_b: Annotated[str, Path(max_length=200, description="Codes of side B, e.g. XKX.")],
    by: By = "week",
    directed: Annotated[bool, Query(description="Only side A -> side B.")] = False,
) -> Response:
    if not split_codes(side_a) or not split_codes(side_b):
        raise HTTPException(422, "both sides need at least one code, e.g. /api/dyad/SRB/XKX")
    series = dyad_series(db, side_a, side_b, by=by, directed=directed, flt=replace(flt))
    found = peaks(series)
    return json_response(
        {
            **series.as_dict(),
            "peaks": {k: (v.as_dict() if v else None) for k, v in found.items()},
        }
    )
