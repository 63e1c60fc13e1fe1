"""One JSON shape for every error the app answers:
``{"error": {"code": ..., "message": ..., "fix": ...}}``, with the HTTP status chosen by
what went wrong: 422 a parameter that is not valid (``start=2022-13-01``), 404 an id or
path that does not exist, 405 a method the read-only API does not take, 400 a request
refused before routing (an unknown ``Host``), 500 a store that failed or a bug.
``code`` is a stable word a client can test; ``fix`` says what to change (or null).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from eventscribe.errors import ConfigError, EventscribeError, InputError

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "bad_parameter",
    500: "internal_error",
}
FIXES = {
    404: "check the id or path: /api/events and /api/documents list what the store holds",
    405: "the API is read-only: use GET",
    422: "see /docs for each parameter's form",
}


def error_content(
    status: int, message: str, fix: str | None, code: str | None = None
) -> dict[str, Any]:
    """The JSON content of an error answer."""
    return {"error": {"code": code or CODES.get(status, "error"), "message": message, "fix": fix}}


def error_body(status: int, message: str, fix: str | None) -> bytes:
    """The same, as bytes (for answers sent before the app routes a request)."""
    return json.dumps(error_content(status, message, fix), ensure_ascii=False).encode("utf-8")


def _answer(status: int, message: str, fix: str | None, code: str | None = None) -> JSONResponse:
    return JSONResponse(error_content(status, message, fix, code), status_code=status)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, HTTPException):
        return await _unexpected(request, exc)
    return _answer(exc.status_code, str(exc.detail), FIXES.get(exc.status_code))


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, RequestValidationError):
        return await _unexpected(request, exc)
    parts = [_problem(e) for e in exc.errors()]
    return _answer(422, "; ".join(parts) or "invalid request", FIXES[422])


def _problem(error: Any) -> str:
    where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
    return f"{where}: {error.get('msg', 'invalid')}"


async def _library_error(request: Request, exc: Exception) -> JSONResponse:
    if not isinstance(exc, EventscribeError):
        return await _unexpected(request, exc)
    if isinstance(exc, ConfigError | InputError):
        return _answer(422, exc.message, exc.fix)
    return _answer(500, exc.message, exc.fix, code="store_error")


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    return _answer(500, f"internal error ({type(exc).__name__})", "report it with the URL asked")


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameter names of a route or dependency and of all it depends on."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


async def known_parameters(request: Request) -> None:
    """Refuse query parameters the route does not take (a FastAPI dependency of the API
    routes): ``strat=2022-11-01`` is a 422 naming it, not an unfiltered answer."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise HTTPException(
            422,
            f"{route.path} takes no parameter {unknown[0][:40]!r}; its parameters are "
            f"{', '.join(sorted(allowed)) or 'none'}",
        )


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` in the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(EventscribeError, _library_error)
    app.add_exception_handler(Exception, _unexpected)
