"""Security headers on every response, a ``Host`` check, and the rule for outbound links.

The dashboard shows text from the store, which comes from whatever feeds were coded:
a document's ``url`` may be ``javascript:...``. Three layers keep such text inert:
templates autoescape; :func:`safe_link` lets only http(s) URLs become links; and the
Content-Security-Policy allows scripts, styles and images from the app itself only
(the pages carry no inline script or style), so even a slipped-through injection
runs nothing. The ``Host`` check refuses requests addressed to another name (DNS
rebinding); ``eventscribe serve`` turns it on for the bound address.

The interactive API docs (``/docs``) are Swagger UI, shipped in the package (no CDN, no
inline script), and show no store data; Swagger UI sets inline styles, so that page's
policy also allows those. Every other response gets the strict one.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventscribe.web.errors import error_body

# plotly.js adds its chart styles by creating an empty <style> element and filling it
# through the CSSOM (not subject to CSP), and on load appends one fixed stylesheet
# (maplibre's, in the pinned plotly 7.1.0). The two hashes allow exactly those.
_PLOTLY_STYLES = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha256-ji27qzEtxXZW+7dun6UwjHXJ18e6WAin1VvNtkzIE/o='"
STRICT_CSP = (
    f"default-src 'none'; script-src 'self'; style-src 'self' {_PLOTLY_STYLES}; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; worker-src blob:; base-uri 'none'; frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs",)
_COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def safe_link(url: object) -> str | None:
    """``url`` if it is an absolute http(s) URL with a host, else None (shown as text)."""
    if not isinstance(url, str):
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def allowed_hosts_for(bound: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Host names a server bound to ``bound`` answers to: the local names, the bound
    address itself (unless it is a wildcard) and ``extra``."""
    hosts = list(LOCAL_HOSTS)
    if bound not in ("0.0.0.0", "::", ""):
        hosts.append(bound)
    hosts.extend(extra)
    return tuple(dict.fromkeys(h.strip("[]").lower() for h in hosts if h))


def host_name(header: str) -> str:
    """The name part of a ``Host`` header (port and IPv6 brackets removed), lower-case."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityHeaders:
    """ASGI middleware: adds the headers above to every HTTP response and, when
    ``allowed_hosts`` is given, answers 400 to a request whose ``Host`` is not in it."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.allowed = (
            None if allowed_hosts is None else frozenset(h.lower() for h in allowed_hosts)
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = (DOCS_CSP if scope["path"] in _DOCS_PATHS else STRICT_CSP).encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() != b"content-security-policy"
                ]
                message = {
                    **message,
                    "headers": [*headers, (b"content-security-policy", csp), *_COMMON],
                }
            await send(message)

        if self.allowed is not None and not self._host_ok(scope):
            await _refuse(with_headers)
            return
        await self.app(scope, receive, with_headers)

    def _host_ok(self, scope: Scope) -> bool:
        for key, value in scope.get("headers", []):
            if key == b"host":
                return host_name(value.decode("latin-1")) in (self.allowed or ())
        return False


async def _refuse(send: Send) -> None:
    body = error_body(
        400,
        "unknown Host header: this server answers only to the names it is bound to",
        "call it by one of those names, or start it with serve --allow-host NAME",
    )
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
