"""The served app (`dashboard/serve.py`, a real `streamlit run`) lets browsers cache the
map's static files: Cache-Control and an ETag on Leaflet's JS/CSS, a 304 without a body
when the browser's copy is current; the page itself stays uncached."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bench.app_server import start_app, stop_app
from dashboard import offline


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
