"""Browser caching for the files Streamlit serves from `dashboard/static/` (`/app/static/`).

Streamlit's static route sends an ETag but no Cache-Control and never answers a
conditional request, so a browser fetched Leaflet again on every page load. This ASGI
middleware (installed by `dashboard/serve.py`) adds `Cache-Control` to those responses
and answers `If-None-Match` with the file's current ETag by a 304 without a body."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# A day, then a revalidation (the copy is refreshed when the Leaflet package changes).
MAX_AGE_S = 24 * 3600
ROUTE = "/app/static/"


def _header(scope: Scope, name: bytes) -> bytes:
    for k, v in scope.get("headers", ()):
        if k.lower() == name:
            return bytes(v)
    return b""


def _etags(value: bytes) -> set[bytes]:
    """The entity tags of an If-None-Match header (weak or strong, compared weakly)."""
    return {t.strip().removeprefix(b"W/") for t in value.split(b",") if t.strip()}


class StaticCache:
    def __init__(self, app: ASGIApp, max_age: int = MAX_AGE_S) -> None:
        self.app = app
        self.cache_control = f"public, max-age={max_age}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if (scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD")
                or ROUTE not in path):  # ROUTE anywhere: after any server.baseUrlPath
            await self.app(scope, receive, send)
            return
        wanted = _etags(_header(scope, b"if-none-match"))
        not_modified = False

        async def send_cached(message: Message) -> None:
            nonlocal not_modified
            if message["type"] == "http.response.start" and message.get("status") == 200:
                headers = [(k, v) for k, v in message.get("headers", ())
                           if k.lower() != b"cache-control"]
                headers.append((b"cache-control", self.cache_control))
                etag = next((v for k, v in headers if k.lower() == b"etag"), b"")
                if etag and etag.removeprefix(b"W/") in wanted:
                    not_modified = True
                    keep = (b"etag", b"cache-control", b"last-modified", b"vary")
                    message = {"type": "http.response.start", "status": 304,
                               "headers": [(k, v) for k, v in headers if k.lower() in keep]}
                else:
                    message = {**message, "headers": headers}
            elif message["type"] == "http.response.body" and not_modified:
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app(scope, receive, send_cached)
