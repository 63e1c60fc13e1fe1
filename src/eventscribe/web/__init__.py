"""The web stage: a read-only HTTP API and dashboard over a store.

``create_app(store_path)`` builds the FastAPI app; ``eventscribe serve --store FILE``
runs it with uvicorn on 127.0.0.1. FastAPI is imported when the app is first asked for,
so that commands that serve nothing do not pay for it at start-up.
"""

from __future__ import annotations

from eventscribe._lazy import lazy_names

__all__ = ["create_app"]


__getattr__ = lazy_names(__name__, {"create_app": ".app"})
