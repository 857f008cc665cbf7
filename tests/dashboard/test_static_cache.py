"""The served app (`dashboard/serve.py`, a real `streamlit run`) lets browsers cache the
map's static files: Cache-Control and an ETag on Leaflet's JS/CSS, a 304 without a body
when the browser's copy is current; the page itself stays uncached."""

from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bench.app_server import start_app, stop_app
from dashboard.map import offline


@pytest.fixture(scope="module")
def served() -> Iterator[str]:
    proc, url = start_app()
    try:
        yield url
    finally:
        stop_app(proc)


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:  # a 304 arrives as an "error"
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def _max_age(cache_control: str) -> int:
    for part in cache_control.split(","):
        name, _, value = part.strip().partition("=")
        if name == "max-age":
            return int(value)
    return 0


@pytest.mark.parametrize("name", ["leaflet.js", "leaflet.css"])
def test_map_assets_are_cached_and_revalidated(served: str, name: str) -> None:
    url = served + offline.asset_base() + "/" + name
    status, headers, body = _get(url)
    assert status == 200
    assert (offline.VENDOR_DIR / name).read_bytes() == body
    assert "public" in headers["cache-control"]
    assert _max_age(headers["cache-control"]) >= 3600
    etag = headers["etag"]

    status, again, body = _get(url, {"If-None-Match": etag})
    assert (status, body) == (304, b"")
    assert again["etag"] == etag and _max_age(again["cache-control"]) >= 3600

    status, _, body = _get(url, {"If-None-Match": '"not-this-one"'})
    assert status == 200 and body == (offline.VENDOR_DIR / name).read_bytes()


def test_compressed_asset_keeps_its_cache_headers(served: str) -> None:
    url = served + offline.asset_base() + "/leaflet.js"
    status, headers, body = _get(url, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    assert gzip.decompress(body) == (offline.VENDOR_DIR / "leaflet.js").read_bytes()
    assert _max_age(headers["cache-control"]) >= 3600


def test_the_page_itself_is_not_cached(served: str) -> None:
    status, headers, body = _get(served + "/")
    assert status == 200 and b"<html" in body.lower()
    assert headers["cache-control"] == "no-cache"


def _map_args(url: str) -> dict[str, object]:
    """The map component's arguments as one session receives them (a real websocket
    session of the served app)."""
    import asyncio
    import json

    from bench.st_session import Session

    async def one() -> dict[str, object]:
        async with Session(url) as s:
            run = await s.run(timeout=120)
        el = next(el for kind, el in run.elements
                  if kind == "component_instance" and "st_folium" in el.component_name)  # type: ignore[attr-defined]
        return dict(json.loads(el.json_args))  # type: ignore[attr-defined]

    # Its own thread: a session-wide Playwright (the browser tests) keeps an event loop
    # running in this one, where asyncio.run() refuses to start.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, one()).result()


def test_map_code_comes_as_cached_files(served: str) -> None:
    args = _map_args(served)
    # one fetch before the first frame: Leaflet, the base and the layers of this view
    (first,) = args["js_links"]  # type: ignore[misc]
    assert "/map-code/" in str(first)
    # the websocket message runs them; it no longer carries the map itself
    assert len(str(args["script"])) < 300 and len(str(args["feature_group"])) < 300
    assert args["layer_control"]
    # each also has its own file (what a page without it fetches)
    files = [re.findall(r'"(/map-code/[0-9a-f]+\.js)"', str(args[k]))[0]
             for k in ("script", "feature_group")]

    bodies = []
    for path in [*files, first]:
        status, headers, body = _get(served + str(path), {"Accept-Encoding": "gzip"})
        assert status == 200 and headers["content-encoding"] == "gzip"
        assert "immutable" in headers["cache-control"]
        assert _max_age(headers["cache-control"]) >= 30 * 24 * 3600
        assert headers["content-type"].startswith("text/javascript")
        plain = gzip.decompress(body)
        assert _get(served + str(path))[2] == plain  # the same file, not gzipped
        status, _, empty = _get(served + str(path), {"If-None-Match": headers["etag"]})
        assert (status, empty) == (304, b"")
        bodies.append(plain.decode())
    base, layers, bundle = bodies
    assert "L.map(" in base and len(base) > 10_000  # the map, its inset and its code
    assert "feature_group" in layers and len(layers) > 20_000  # outlines and pilots
    assert bundle.startswith(offline.leaflet_js().split("//# sourceMappingURL")[0])
    assert base in bundle and layers in bundle
    # two sessions share the same files (built once, cached by every browser)
    assert _map_args(served)["js_links"] == [first]


def test_unknown_map_code_is_not_found(served: str) -> None:
    status, _, _ = _get(served + "/map-code/" + "0" * 32 + ".js")
    assert status == 404
