"""A real `streamlit run` of the app and Debian's Chromium driven by Playwright.

Every request that is not to this machine is aborted and recorded, so a test can assert
that nothing tried to leave it (the app must work offline and in mainland China)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator

import pytest

from bench.app_server import start_app, stop_app
from bench.browser import CHROMIUM, CHROMIUM_ARGS, OfflinePage


def need_browser() -> None:
    """Skip without Chromium or a CJK font, except on CI (CI=true), where that fails."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"no Chromium at {CHROMIUM} (Debian package 'chromium')")
    try:
        fonts = subprocess.run(["fc-list"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        fonts = ""
    if "CJK" not in fonts:
        missing.append("no CJK font (Debian package 'fonts-noto-cjk')")
    if not missing:
        return
    reason = "; ".join(missing)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}: browser tests cannot run on CI", pytrace=False)
    pytest.skip(f"{reason}; browser tests skip")


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    need_browser()
    proc, url = start_app()
    try:
        yield url
    finally:
        stop_app(proc)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def offline_page(browser: object) -> Iterator[OfflinePage]:
    p = OfflinePage(browser)
    try:
        yield p
    finally:
        p.close()
