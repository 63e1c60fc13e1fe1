"""A bounded in-memory cache of finished API responses, keyed by the full request URL.

Why it is safe: between two swaps of the store's live copy the data cannot change, so
the same ``GET /api/...?query`` always gets the same answer; the cache is emptied when
``version()`` changes (the app passes the count of swaps). Only successful
(200) GET responses under ``/api/`` are kept; pages, errors and other methods always go
to the app. The cache is least-recently-used and bounded by the total size of the kept
bodies (``max_bytes``; 0 turns it off), so its memory stays below that bound plus a
small per-entry overhead.

It is plain ASGI middleware: a hit is answered before routing, parameter parsing or any
query, which is what makes repeated dashboard and API calls cheap.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# One response larger than this share of the cache is never kept (it would evict the rest).
_MAX_SHARE = 8


class ResponseCache:
    """ASGI middleware keeping up to ``max_bytes`` of ``GET {prefix}...`` 200 responses."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        prefix: str = "/api/",
        version: Callable[[], object] = lambda: 0,
    ) -> None:
        self.app = app
        self._version = version
        self._seen = version()
        self.max_bytes = max(0, int(max_bytes))
        self.prefix = prefix
        self._entries: OrderedDict[tuple[str, bytes], tuple[Message, bytes]] = OrderedDict()
        self._size = 0

    @property
    def size_bytes(self) -> int:
        """Total size of the kept response bodies."""
        return self._size

    def __len__(self) -> int:
        return len(self._entries)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        if self._version() != self._seen:
            self._seen = self._version()
            self._entries.clear()
            self._size = 0
        key = (scope["path"], scope.get("query_string", b""))
        found = self._entries.get(key)
        if found is not None:
            self._entries.move_to_end(key)
            start, body = found
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        seen = self._seen  # an answer made from a copy swapped out meanwhile is not kept
        await self.app(
            scope, receive, _Recorder(send, lambda start, body: self._keep(key, start, body, seen))
        )

    def _cacheable(self, scope: Scope) -> bool:
        return (
            self.max_bytes > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and scope["path"].startswith(self.prefix)
        )

    def _keep(self, key: tuple[str, bytes], start: Message, body: bytes, seen: object) -> None:
        if start.get("status") != 200 or len(body) * _MAX_SHARE > self.max_bytes:
            return
        if seen != self._version():
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._size -= len(old[1])
        self._entries[key] = (start, body)
        self._size += len(body)
        while self._size > self.max_bytes and self._entries:
            _, (_, dropped) = self._entries.popitem(last=False)
            self._size -= len(dropped)


class _Recorder:
    """Passes the app's messages on unchanged and hands over the complete response."""

    def __init__(self, send: Send, done: Any) -> None:
        self._send = send
        self._done = done
        self._start: Message | None = None
        self._parts: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self._start = message
        elif message["type"] == "http.response.body" and self._start is not None:
            self._parts.append(message.get("body", b""))
            if not message.get("more_body", False):
                self._done(self._start, b"".join(self._parts))
        await self._send(message)
