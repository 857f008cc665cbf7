"""The shared map's code as files the browser fetches and caches, not websocket bytes.

The map of a view is the same for everyone (~200 KB of JavaScript for the national map).
Sent inside each session's websocket message it was serialised, hashed and deflated again
for every page load: at 50 page loads at once, that was a fifth of the server's CPU. Here
it is published once, as `window.atlasCode[digest] = "…code…"`, gzipped once, and served
by `dashboard/serve.py` at `/map-code/<digest>.js` with an immutable Cache-Control and an
ETag (the digest is of the content); the component loads it with its other scripts
(streamlit-folium's `js_links`) and the message carries a line that runs it.

Only when the route exists (`serve.py` sets `ENABLED`): `streamlit run dashboard/app.py`
and the in-process tests send the code inline, as before."""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import weakref
from typing import TYPE_CHECKING

from dashboard.map.offline import atlas_script

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import Response

ENABLED = False  # set by dashboard/serve.py, which serves ROUTE
ROUTE = "/map-code/"
CACHE_CONTROL = "public, max-age=31536000, immutable"  # the URL changes with the content

# At the head of every file: `atlasRun`, which runs published code by digest
# (dashboard/static/atlas/runner.js). If a page cannot get the code, it tells its session
# (MISSING as the component's value), whose next run sends the code inline (map/shared.py).
MISSING = "atlas_missing"
RUNNER_JS = atlas_script("runner.js")


class Published:
    """One file: its digest, URL path, and body plain and gzipped."""

    __slots__ = ("__weakref__", "digest", "gz", "js")

    def __init__(self, code: str, *, js: str | None = None) -> None:
        self.digest = hashlib.blake2b((code if js is None else js).encode(),
                                      digest_size=16).hexdigest()
        self.js = (RUNNER_JS + f"window.atlasCode[{json.dumps(self.digest)}]="
                   f"{json.dumps(code)};" if js is None else js).encode()
        self.gz = gzip.compress(self.js, compresslevel=6, mtime=0)

    def url(self, base_url_path: str = "") -> str:
        prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
        return f"{prefix}{ROUTE}{self.digest}.js"

    def run_line(self, base_url_path: str = "") -> str:
        args = (self.digest, self.url(base_url_path), MISSING)
        return f"window.atlasRun({', '.join(json.dumps(a) for a in args)});"


# Held by the renderings that use them (map.shared's cache): a file lives as long as a
# cached map refers to it, and no longer.
_files: weakref.WeakValueDictionary[str, Published] = weakref.WeakValueDictionary()
_lock = threading.Lock()


def publish(code: str) -> Published:
    file = Published(code)
    with _lock:
        return _files.setdefault(file.digest, file)


def publish_bundle(preludes: list[str], files: list[Published]) -> Published:
    """One file for a page's first map: `preludes` (Leaflet, the map's scripts) run as it loads,
    then the code of `files` stored under their digests. The component fetches its
    scripts one after another, so three files were three round trips before the first
    frame; this is one. The files stay published (`atlasRun` falls back to them)."""
    js = "".join(p.split("\n//# sourceMappingURL=")[0] + "\n;" for p in preludes) + "".join(
        f.js.decode() for f in files)
    bundle = Published("", js=js)
    with _lock:
        return _files.setdefault(bundle.digest, bundle)


def _etags(value: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in value.split(",") if t.strip()}


async def endpoint(request: Request) -> Response:
    """GET ROUTE<digest>.js: the published file, gzipped when the browser takes gzip."""
    from starlette.responses import Response

    digest = str(request.path_params.get("name", "")).removesuffix(".js")
    with _lock:
        file = _files.get(digest)
    if file is None:
        return Response("not found", status_code=404, media_type="text/plain")
    etag = f'"{file.digest}"'
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag, "Vary": "Accept-Encoding"}
    if etag in _etags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(file.gz, media_type="text/javascript",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(file.js, media_type="text/javascript", headers=headers)
