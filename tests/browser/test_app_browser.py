"""What a person sees, in a real Chromium against `streamlit run`, with no network."""

from __future__ import annotations

import io
import time

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from geodata.registry.pilots import registry_rows

pytestmark = pytest.mark.browser


def _shown_text(page: object, n: int) -> None:
    page.get_by_text(f"当前显示 {n} 个试点").first.wait_for(timeout=60_000)  # type: ignore[attr-defined]


def test_map_appears_with_pilots_and_nothing_leaves(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(app_url)
    # shown by default: official and reported members that resolved to a unit
    default = [r for r in registry_rows() if r["status"] in ("official", "reported") and r["level"]]
    _shown_text(page, len(default))
    drawn = wait_for_map(page, min_features=len(default))
    assert drawn >= len(default)  # each pilot a feature, plus the 34 province outlines
    time.sleep(1)
    offline_page.shot("browser-default")
    assert offline_page.outside == [], offline_page.outside
    assert offline_page.errors == []


def test_switching_a_batch_layer_changes_the_drawing(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(app_url)
    before = wait_for_map(page, min_features=100)
    frame = page.frame_locator(MAP_FRAME).first
    # the layer control lists 省界 and one checkbox per batch; batch 3 is the last
    boxes = frame.locator(".leaflet-control-layers-overlays input[type=checkbox]")
    assert boxes.count() == 4
    boxes.nth(3).uncheck()
    b3 = sum(1 for r in registry_rows() if r["batch"] == 3)
    deadline = time.monotonic() + 10
    after = before
    while time.monotonic() < deadline and after == before:
        after = frame.locator("path.leaflet-interactive").count()
        time.sleep(0.2)
    assert after == before - b3
    offline_page.shot("browser-batch3-off")


def test_a_shared_url_reproduces_the_view(app_url: str, browser: object) -> None:
    url = f"{app_url}/?batch=3&province=浙江省,福建省&lang=zh"
    rows = [r for r in registry_rows() if r["batch"] == 3 and r["province"] in ("浙江省", "福建省")]
    counts = []
    for name in ("first", "second"):
        p = OfflinePage(browser)
        try:
            p.page.goto(url)
            _shown_text(p.page, len(rows))
            counts.append(wait_for_map(p.page, min_features=len(rows)))
            assert "batch=3" in p.page.url and "province=" in p.page.url
            p.shot(f"browser-shared-{name}")
            assert p.outside == []
        finally:
            p.close()
    assert counts[0] == counts[1]


def test_english_view(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?lang=en&batch=1,2")
    n = sum(1 for r in registry_rows() if r["batch"] in (1, 2) and r["level"]
            and r["status"] in ("official", "reported"))
    page.get_by_text(f"Pilots shown: {n}").first.wait_for(timeout=60_000)
    wait_for_map(page, min_features=n)
    offline_page.shot("browser-english")


def test_presenting_and_the_slide_png(app_url: str, browser: object) -> None:
    from PIL import Image

    p = OfflinePage(browser, width=1920, height=1080)
    try:
        page = p.open(f"{app_url}/?mode=present&step=2", min_features=40)
        time.sleep(1)
        p.shot("browser-present-2015")
        with page.expect_download(timeout=60_000) as dl:
            page.get_by_role("link", name="幻灯片 PNG（1920×1080）").click()
        data = open(dl.value.path(), "rb").read()  # noqa: SIM115
        img = Image.open(io.BytesIO(data))
        assert img.format == "PNG" and img.size == (1920, 1080)
        assert len(img.convert("RGB").getcolors(maxcolors=1 << 20) or ()) > 50  # not blank
        assert p.outside == []
    finally:
        p.close()
