"""The meeting exports (slide PNG/SVG/PDF, deck, standalone map) served from the app's own
route, `/export/<kind>/<file name>?<the view's URL parameters>`, not Streamlit's media
files.

A generated download button's file lived in Streamlit's media manager, which drops a file
nobody references when other sessions' runs finish: with ten people clicking 演示文稿
PPTX while others opened maps, 2–3 of 10 downloads failed (HTTP 404). Here the link
names the view itself: the route rebuilds it from the parameters (dashboard.state, as a
shared link does), makes the file (in an export slot, buttons.bounded) and keeps it a
few minutes under a digest of the view, within a byte budget; the same view asked
again, or by many at once, is made once. Nothing of a session is needed, so a file
cannot vanish between the click and the fetch.

Only when the route exists (`serve.py` sets `ENABLED`); AppTest and
`streamlit run dashboard/app.py` keep Streamlit's download buttons."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from dashboard import settings
from dashboard.state import ViewState, from_query, to_query

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

    from dashboard.view_data import ViewData

ENABLED = False  # set by dashboard/serve.py, which serves ROUTE
ROUTE = "/export/"


@dataclass(frozen=True, slots=True)
class Kind:
    what: str  # the i18n key its file is named by (dashboard.export.filenames)
    ext: str
    mime: str
    make: Callable[[ViewData], bytes]  # the file of a view, from its data

    def file_name(self, s: ViewState) -> str:
        from dashboard.export.filenames import download_name

        return download_name(s, self.what, self.ext)


def _slide(fmt: str) -> Callable[[ViewData], bytes]:
    def make(v: ViewData) -> bytes:
        from dashboard.export.build import slide_bytes

        return slide_bytes(v, fmt=fmt)  # type: ignore[arg-type]

    return make


def _deck(v: ViewData) -> bytes:
    from dashboard.export.deck import render_deck

    return render_deck(v)


def _html(v: ViewData) -> bytes:
    from dashboard.export.build import standalone_map

    return standalone_map(v).encode("utf-8")


MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
KINDS: dict[str, Kind] = {
    "png": Kind("fn_slide", "png", "image/png", _slide("png")),
    "svg": Kind("fn_slide", "svg", "image/svg+xml", _slide("svg")),
    "pdf": Kind("fn_slide", "pdf", "application/pdf", _slide("pdf")),
    "pptx": Kind("fn_deck", "pptx", MIME_PPTX, _deck),
    "html": Kind("fn_map", "html", "text/html", _html),
}


def url(s: ViewState, kind: str, base_url_path: str = "") -> str:
    """The link of `kind` for the view `s`: its file name in the path, the view after."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    query = urlencode(to_query(s))
    name = quote(KINDS[kind].file_name(s))
    return f"{prefix}{ROUTE}{kind}/{name}" + (f"?{query}" if query else "")


def _disposition(name: str, ext: str) -> str:
    """An attachment named as the link names it (RFC 6266, UTF-8), or plainly when the
    name is not one this app gives."""
    if not name.endswith(f".{ext}") or any(c in name for c in '/\\"') or not name.isprintable():
        name = f"pilot-atlas.{ext}"
    return f"attachment; filename=\"pilot-atlas.{ext}\"; filename*=UTF-8''{quote(name)}"


def key_of(kind: str, s: ViewState) -> str:
    """The digest a made file is kept under: its kind and the view, canonical."""
    view = urlencode(sorted(to_query(s).items()))
    return hashlib.blake2b(f"{kind}?{view}".encode(), digest_size=16).hexdigest()


class Kept:
    """Made files by key, each kept EXPORT_KEEP_S, at most EXPORT_KEEP_BYTES in all
    (oldest dropped first); a key being made is made once, its askers wait for it."""

    def __init__(self, keep_s: float, keep_bytes: int) -> None:
        self.keep_s, self.keep_bytes = keep_s, keep_bytes
        self._files: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._making: dict[str, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        while True:
            with self._lock:
                self._expire()
                if key in self._files:
                    return self._files[key][1]
                busy = self._making.get(key)
                if busy is None:
                    busy = self._making[key] = threading.Event()
                    break
            busy.wait()  # made by another request: then taken from the files (or made
            # again, if making it failed)
        try:
            data = make()
            with self._lock:
                self._files[key] = (time.monotonic(), data)
                self._expire()
            return data
        finally:
            with self._lock:
                self._making.pop(key, None)
            busy.set()

    def _expire(self) -> None:
        now = time.monotonic()
        total = sum(len(d) for _, d in self._files.values())
        while self._files:
            key, (made, data) = next(iter(self._files.items()))
            if now - made <= self.keep_s and total <= self.keep_bytes:
                break
            del self._files[key]
            total -= len(data)


KEPT = Kept(settings.EXPORT_KEEP_S, settings.EXPORT_KEEP_BYTES)


def make_file(kind: str, s: ViewState) -> bytes:
    """The file of `kind` for the view `s`: kept, or made in an export slot from the
    view's ViewData, built from the link's state as the page builds its own (the same
    registry, rows and counts as the page the link was on)."""
    from dashboard.export.buttons import bounded
    from dashboard.view_data import view_data

    return KEPT.get(key_of(kind, s), bounded(lambda: KINDS[kind].make(view_data(s))))


async def endpoint(request: Request) -> Response:
    """GET ROUTE<kind>/<file name>?<view>: the file, as an attachment."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    from dashboard.export.buttons import ExportsBusy

    kind = str(request.path_params.get("kind", ""))
    if kind not in KINDS:
        return Response("not found", status_code=404, media_type="text/plain")
    s = from_query({k: v for k, v in request.query_params.items()})
    try:
        data = await run_in_threadpool(make_file, kind, s)
    except ExportsBusy as exc:
        return Response(str(exc), status_code=503, media_type="text/plain",
                        headers={"Retry-After": "10"})
    name = str(request.path_params.get("name", ""))
    return Response(data, media_type=KINDS[kind].mime, headers={
        "Content-Disposition": _disposition(name, KINDS[kind].ext),
        "Cache-Control": f"private, max-age={int(settings.EXPORT_KEEP_S)}",
    })
