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
        page = p.open(app_url, min_features=100)
        page.get_by_text("地图显示 ").first.wait_for(timeout=20_000)
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


@pytest.mark.parametrize(("size", "query"), [((390, 844), ""), ((390, 844), "?lang=en"),
                                             ((1024, 768), "?collapse")])
def test_the_title_is_clear_of_streamlits_header(
    app_url: str, browser: object, size: tuple[int, int], query: str
) -> None:
    """Streamlit's header is opaque once the sidebar is closed (a phone, or a person who
    closed it): the title must start below it, not under it."""
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.page
        page.goto(app_url + ("" if query == "?collapse" else query))
        wait_for_map(page)
        page.get_by_text("On the map:" if "en" in query else "地图显示 ").first.wait_for(
            timeout=20_000)
        page.wait_for_timeout(1500)
        if query == "?collapse":
            page.locator("[data-testid=stSidebar]").hover()
            page.locator("[data-testid=stSidebarCollapseButton] button").click()
            page.wait_for_timeout(1000)
        header = page.locator("[data-testid=stHeader]")
        assert header.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        head = header.bounding_box()
        title = page.locator("h1").first.bounding_box()
        assert head is not None and title is not None
        assert title["y"] >= head["y"] + head["height"], (title, head)
        # and the map still starts on the first screen
        box = page.locator(MAP_FRAME).first.bounding_box()
        assert box is not None and box["y"] < size[1] * (0.8 if size[0] < 768 else 0.45), box
        p.shot(f"browser-title-clear-{size[0]}{query.replace('?', '-').replace('=', '-')}")
    finally:
        p.close()
