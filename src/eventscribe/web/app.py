"""The web app factory: ``create_app(store_path)`` gives a FastAPI app over one store.

The app only reads the store. Its pages and static files ship inside the package
(``web/data``, Swagger UI for ``/docs`` included); plotly.js is served from the installed
``plotly`` Python package, so nothing is fetched from the network, by the server or by
the browser. Errors come in one JSON shape (:mod:`eventscribe.web.errors`).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from eventscribe import __version__
from eventscribe.analysis import EventFilter
from eventscribe.errors import StoreError
from eventscribe.web import api, errors, pages
from eventscribe.web.cache import ResponseCache
from eventscribe.web.db import ServedStore
from eventscribe.web.security import SecurityHeaders, safe_link

DATA_DIR = Path(__file__).resolve().parent / "data"
# Default bound of the API response cache (see eventscribe.web.cache), in MB.
DEFAULT_CACHE_MB = 64
# How often (seconds) the app looks for new events a coding run committed.
DEFAULT_REFRESH_SECONDS = 5.0
# Requests whose route code (and so its queries) runs at once; the rest wait their turn.
DEFAULT_QUERY_THREADS = 2


def plotly_js_path() -> Path:
    """plotly.min.js as shipped in the installed ``plotly`` package."""
    path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise StoreError(
            f"plotly.min.js not found at {path}",
            fix="reinstall the pinned plotly package (pip install -r requirements.txt)",
        )
    return path


def create_app(
    store_path: str | Path,
    *,
    cache_mb: float = DEFAULT_CACHE_MB,
    query_threads: int = DEFAULT_QUERY_THREADS,
    allowed_hosts: Iterable[str] | None = None,
    refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
) -> FastAPI:
    """A read-only FastAPI app serving the API (``/api``) and the dashboard over ``store_path``.

    Successful ``GET /api/...`` responses are kept in a least-recently-used cache of at
    most ``cache_mb`` MB of response bodies, keyed by the full URL (0 turns it off), and
    dropped whenever new events are swapped in.
    ``query_threads`` requests run their queries at once (each query on one DuckDB
    thread); under many clients this beats running every request's query side by side,
    which made 2 cores thrash. It sets the worker-thread limit of the event loop that
    serves the app. Every response carries a strict Content-Security-Policy and the
    usual security headers (see eventscribe.web.security); given ``allowed_hosts``, a
    request with any other ``Host`` header gets 400 (``serve`` passes the local names
    and the bound address). The app reads the store's live copy (see
    :mod:`eventscribe.web.db`): every ``refresh_seconds`` (0: never) it looks for events a
    coding run committed since, and swaps them in. Raises
    :class:`~eventscribe.errors.StoreError` if the store cannot be opened.
    """
    store = ServedStore(store_path)
    plotly_js = plotly_js_path()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # sync routes and dependencies run in anyio's worker threads; fewer at once means
        # less contention and first-come-first-served queueing (see create_app)
        anyio.to_thread.current_default_thread_limiter().total_tokens = query_threads
        stop = threading.Event()
        watcher = threading.Thread(target=_watch, args=(store, stop, refresh_seconds), daemon=True)
        watcher.start()
        yield
        stop.set()
        watcher.join()
        store.close()

    app = FastAPI(
        docs_url=None,  # served below from the package's copy of Swagger UI
        redoc_url=None,
        title="eventscribe",
        version=__version__,
        description="Read-only access to an eventscribe store: events, documents, actors, "
        "quotes and dyad time series.",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.templates = Jinja2Templates(directory=str(DATA_DIR / "templates"))
    app.state.templates.env.globals["version"] = __version__
    app.state.templates.env.filters["safe_link"] = safe_link
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(DATA_DIR / "static")), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly() -> FileResponse:
        return FileResponse(plotly_js, media_type="text/javascript")

    errors.install(app)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        """Swagger UI over /openapi.json, from the package's own copy (works offline)."""
        page: HTMLResponse = app.state.templates.TemplateResponse(request, "docs.html", {})
        return page

    app.add_middleware(
        ResponseCache, max_bytes=int(cache_mb * 1024 * 1024), version=lambda: store.version
    )
    # outermost: cached answers and refusals get the headers too
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)
    return app


# How often the lease on the served copy is renewed when the app does not refresh.
_HOLD_SECONDS = 60.0


def _warm(store: ServedStore) -> None:
    """Compute the front page's breakdowns of every event ahead of its first visitor (on
    millions of events a second of work that would hold up the requests around it)."""
    try:
        with store.reader() as reader:
            pages.front_page(reader, EventFilter())
    except StoreError as exc:
        print(f"eventscribe serve: {exc}", file=sys.stderr)


def _watch(store: ServedStore, stop: threading.Event, every: float) -> None:
    """Refresh ``store`` every ``every`` seconds (0: never, only keep the lease on the
    copy) until ``stop``; after a slow swap wait twice as long as it took, so a large
    store's rebuilds never take more than a third of the machine."""
    delay = every or _HOLD_SECONDS
    _warm(store)
    while not stop.wait(delay):
        started = time.monotonic()
        if every and store.refresh():
            _warm(store)
        store.hold()
        delay = max(every or _HOLD_SECONDS, 2 * (time.monotonic() - started))
