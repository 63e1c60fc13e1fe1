"""The web stage: a read-only HTTP API and dashboard over a store.

``create_app(store_path)`` builds the FastAPI app; ``eventscribe serve --store FILE``
runs it with uvicorn on 127.0.0.1. FastAPI is imported when the app is first asked for,
so that commands that serve nothing do not pay for it at start-up.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from eventscribe.web.app import create_app

        return create_app
    raise AttributeError(f"module 'eventscribe.web' has no attribute {name!r}")
