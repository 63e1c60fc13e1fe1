"""The web stage: a read-only HTTP API and dashboard over a store.

``create_app(store_path)`` builds the FastAPI app; ``eventscribe serve --store FILE``
runs it with uvicorn on 127.0.0.1.
"""

from eventscribe.web.app import create_app

__all__ = ["create_app"]
