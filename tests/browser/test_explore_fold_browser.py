"""The explore page opens with the map on the first screen, at laptop and desktop sizes."""

from __future__ import annotations

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_the_map_starts_above_the_fold(
    app_url: str, browser: object, size: tuple[int, int]
) -> None:
    width, height = size
    p = OfflinePage(browser, width=width, height=height)
    try:
        page = p.page
        page.goto(app_url)
        wait_for_map(page, min_features=100)
        page.get_by_text("当前显示").first.wait_for(timeout=20_000)
        page.wait_for_timeout(1500)  # the rest of the page has come (first_paint)
        assert page.evaluate("window.scrollY") == 0
        # the sidebar's filters are there (the page is complete), and did not move the map
        page.get_by_role("button", name="第三批（2016）").wait_for(timeout=20_000)
        box = page.locator(MAP_FRAME).first.bounding_box()
        assert box is not None
        seen = min(height, box["y"] + box["height"]) - max(0.0, box["y"])
        assert box["y"] < height * 0.45, box
        assert seen >= 0.6 * box["height"], (box, seen)
        p.shot(f"browser-explore-fold-{width}x{height}")
    finally:
        p.close()
