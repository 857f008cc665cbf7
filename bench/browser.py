"""Chromium driven by Playwright, for the browser tests and the benchmarks: Debian's
Chromium, a page whose every non-local request is aborted and recorded (the app must
work offline and in mainland China), and a wait for the map to draw."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("PILOT_ATLAS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


class OfflinePage:
    """A page whose non-local requests are aborted and kept in `.outside`."""

    def __init__(self, browser: object, *, width: int = 1440, height: int = 900) -> None:
        self.context = browser.new_context(  # type: ignore[attr-defined]
            viewport={"width": width, "height": height}, accept_downloads=True
        )
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: object, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        host = urlparse(url).hostname or ""
        if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=False)
        return path

    def open(self, url: str, *, min_features: int) -> Any:
        """Go to `url` and wait until its map shows at least `min_features` shapes."""
        self.page.goto(url)
        wait_for_map(self.page, min_features=min_features)
        return self.page

    def close(self) -> None:
        self.context.close()


MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def wait_for_map(
    page: object, *, min_features: int = 1, timeout_ms: int = 60_000, index: int = 0
) -> int:
    """Wait until the index-th map iframe draws at least `min_features` vector features;
    return how many it draws."""
    frame = page.frame_locator(MAP_FRAME).nth(index)  # type: ignore[attr-defined]
    paths = frame.locator("path.leaflet-interactive")
    deadline = time.monotonic() + timeout_ms / 1000
    count = 0
    while time.monotonic() < deadline:
        try:
            count = paths.count()
        except Exception:  # the iframe may be replaced while the app reruns
            count = 0
        if count >= min_features:
            return count
        time.sleep(0.2)
    raise AssertionError(f"the map drew {count} features, wanted at least {min_features}")
