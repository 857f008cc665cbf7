"""A session's server log is free of deprecation warnings: the app uses what its
libraries support (the presenting script once logged 162 per session through the
deprecated `components.v1.html`)."""

from __future__ import annotations

import pytest

from bench.app_server import start_app, stop_app
from bench.browser import OfflinePage, wait_for_map
from tests.browser.conftest import need_browser

pytestmark = pytest.mark.browser


def test_a_session_logs_no_deprecation(browser: object) -> None:
    need_browser()
    proc, url = start_app()
    try:
        p = OfflinePage(browser, width=1280, height=800)
        try:
            page = p.open(url, min_features=100)  # explore
            page.goto(f"{url}/?mode=present&step=1")
            wait_for_map(page, min_features=30)
            # the clicker's keys, through the presenting script: 2014 → 2014–2015 → 2014–2016
            page.keyboard.press("ArrowRight")
            page.wait_for_url("**step=2**", timeout=20_000)
            page.keyboard.press("ArrowRight")
            page.wait_for_url("**step=3**", timeout=20_000)
            for link in ("?mode=compare&compare=浙江省,江苏省", "?mode=tallies",
                         "?mode=lists", "?lang=en"):
                page.goto(f"{url}/{link}")
                page.wait_for_timeout(3000)
        finally:
            p.close()
    finally:
        stop_app(proc)
    log = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    lines = [ln for ln in log.splitlines()
             if "deprecat" in ln.lower() or "will be removed" in ln.lower()]
    assert lines == [], lines[:3]
