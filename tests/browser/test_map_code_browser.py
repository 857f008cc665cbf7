"""The map's code when its cached file is gone: a page that outlived its server (restarted
since) fetches the layers it lacks; if the file cannot be had, the server sends them inline.
A real server restarted on its port, and Chromium keeping its page across the restart."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlparse

import pytest

from bench.app_server import start_app, stop_app
from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from geodata.registry.pilots import registry_rows

pytestmark = pytest.mark.browser


def _pilots(*batches: int) -> int:
    """Pilots the default view draws for these batches (official and reported, placed)."""
    return sum(1 for r in registry_rows() if r["batch"] in batches
               and r["status"] in ("official", "reported") and r["level"])


def _drawn(page: object, wanted: int, timeout_s: float = 60) -> int:
    """The map's feature count once it equals `wanted` (or the last count at timeout)."""
    frame = page.frame_locator(MAP_FRAME).first  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout_s
    count = -1
    while time.monotonic() < deadline:
        try:
            count = frame.locator("path.leaflet-interactive").count()
        except Exception:  # the frame may be replaced while the app reruns
            count = -1
        if count == wanted:
            break
        time.sleep(0.3)
    return count


def _restart(proc: object, port: int, page: object) -> object:
    """The server stopped and started on its port; back once the page has reconnected."""
    stop_app(proc)  # type: ignore[arg-type]
    checks: list[str] = []

    def listener(request: object) -> None:
        if "/_stcore/host-config" in request.url:  # type: ignore[attr-defined]
            checks.append(request.url)  # type: ignore[attr-defined]

    page.on("request", listener)  # type: ignore[attr-defined]
    proc, _ = start_app(port=port)
    deadline = time.monotonic() + 60
    while not checks and time.monotonic() < deadline:
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    page.remove_listener("request", listener)  # type: ignore[attr-defined]
    assert checks, "the page did not reconnect"
    page.wait_for_timeout(2000)  # type: ignore[attr-defined]  # its websocket, then a rerun
    return proc


def _rerun(page: object, *, until: Callable[[], bool]) -> None:
    """Streamlit's R key: the app runs again, as after any click; back once `until()`."""
    page.locator("body").press("r")  # type: ignore[attr-defined]
    deadline = time.monotonic() + 30
    while not until() and time.monotonic() < deadline:
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    assert until(), "the page never asked for the map's code"


def test_the_map_survives_its_code_file_going_missing(browser: object) -> None:
    proc, url = start_app()
    port = int(urlparse(url).port or 0)
    p = OfflinePage(browser, width=1280, height=900)
    fetched: list[str] = []  # map code fetched by the page's runner, not as a <script>
    p.page.on("request", lambda r: fetched.append(r.url)
              if "/map-code/" in r.url and r.resource_type == "xhr" else None)
    try:
        p.page.goto(f"{url}/?batch=1,2")
        first = wait_for_map(p.page, min_features=_pilots(1, 2))
        outlines = first - _pilots(1, 2)  # drawn whatever the filters
        # a filter changed in the session: its layers come inline, not from a file
        p.page.get_by_role("button", name="第二批（2015）").first.click()
        assert _drawn(p.page, outlines + _pilots(1)) == outlines + _pilots(1)

        # 1. restarted: the new session's first run names layers the page never loaded
        # as a file; the page fetches them (the run has just published them)
        proc = _restart(proc, port, p.page)
        assert fetched == []
        _rerun(p.page, until=lambda: len(fetched) == 1)
        assert _drawn(p.page, outlines + _pilots(1)) == outlines + _pilots(1)

        # 2. the same, and the file cannot be had (gone from the server, or the request
        # fails): the page says so and the server sends the layers inline
        def not_found(route: object, request: object) -> None:
            if request.resource_type == "xhr":  # type: ignore[attr-defined]
                route.fulfill(status=404, body="not found")  # type: ignore[attr-defined]
            else:
                route.fallback()  # type: ignore[attr-defined]

        p.page.route("**/map-code/*", not_found)
        p.page.get_by_role("button", name="第三批（2016）").first.click()
        assert _drawn(p.page, outlines + _pilots(1, 3)) == outlines + _pilots(1, 3)
        proc = _restart(proc, port, p.page)
        _rerun(p.page, until=lambda: len(fetched) == 2)
        p.page.wait_for_timeout(3000)  # the page's word back to the server, and its answer
        assert _drawn(p.page, outlines + _pilots(1, 3)) == outlines + _pilots(1, 3)
        p.shot("map-code-missing-inline")
        assert p.outside == [], p.outside
        assert p.errors == [], p.errors
    finally:
        p.close()
        stop_app(proc)  # type: ignore[arg-type]
