"""Sessions in a real Chromium against one `streamlit run`: two people working on two
lists at the same time each see only their own, and a click on a pilot on the map opens
its details (the map's click handler runs, end to end)."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from dashboard.map.palette import BATCH_COLOURS
from geodata.registry.pilots import registry_rows

pytestmark = pytest.mark.browser


def _commit(locator: object, text: str, key: str = "Enter") -> None:
    locator.fill(text)  # type: ignore[attr-defined]
    locator.press(key)  # type: ignore[attr-defined]
    time.sleep(0.8)  # the value reaches the server before the next click


def _body(page: object) -> str:
    return str(page.evaluate("() => document.body.innerText"))  # type: ignore[attr-defined]


def _grid_cells(page: object, wanted: str, timeout_s: float = 30) -> list[str]:
    """The audit grid's cells (its accessible table), once `wanted` is among them."""
    grid = page.locator('[data-testid="stDataFrame"]').first  # type: ignore[attr-defined]
    deadline = time.monotonic() + timeout_s
    cells: list[str] = []
    while time.monotonic() < deadline and wanted not in cells:
        cells = grid.locator('td[role="gridcell"]').all_text_contents()
        time.sleep(0.3)
    return cells


def test_two_sessions_two_lists_each_sees_only_its_own(app_url: str, browser: object) -> None:
    people = {
        "会议-甲": ("河北省安平县", "131125"),
        "会议-乙": ("浙江省开化县", "330824"),
    }
    pages = {name: OfflinePage(browser) for name in people}
    try:
        for name, page in pages.items():
            page.page.goto(f"{app_url}/?mode=lists")
            page.page.get_by_text("限制：文件不超过").first.wait_for(timeout=60_000)
            _commit(page.page.get_by_label("名单名称"), name)
            _commit(page.page.locator("textarea").first, people[name][0], key="Control+Enter")
        for page in pages.values():  # both resolve at the same time
            page.page.get_by_role("button", name="定位名单").click(no_wait_after=True)
        for name, page in pages.items():
            page.page.get_by_text("核对：" + name).first.wait_for(timeout=90_000)
            wait_for_map(page.page, min_features=1, timeout_ms=90_000)
        for name, page in pages.items():
            other = next(n for n in people if n != name)
            text = _body(page.page)
            assert "核对：" + name in text and other not in text
            cells = _grid_cells(page.page, people[name][0])
            assert people[name][0] in cells and people[other][0] not in cells
            assert people[name][1] in cells and people[other][1] not in cells  # adcodes
            legend = page.page.frame_locator(MAP_FRAME).first.locator(".atlas-list-legend")
            assert name in legend.inner_text() and other not in legend.inner_text()
            page.shot(f"two-sessions-{'a' if name.endswith('甲') else 'b'}")
            assert page.outside == [] and page.errors == []
    finally:
        for page in pages.values():
            page.close()


def test_clicking_a_pilot_on_the_map_opens_its_details(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(app_url)
    page.get_by_text("点击地图上的试点").first.wait_for(timeout=60_000)
    wait_for_map(page, min_features=100)
    frame = page.frame_locator(MAP_FRAME).first
    # the largest batch-3 feature: a pilot (not a province outline), compact enough that
    # the middle of its box is inside it
    colours = [BATCH_COLOURS[3].lower()]
    index = frame.locator("body").evaluate(
        """(body, colours) => {
            const paths = [...body.querySelectorAll('path.leaflet-interactive')];
            let best = -1, area = 0;  // a county: its middle is inside it
            paths.forEach((p, i) => {
                const fill = (p.getAttribute('fill') || '').toLowerCase();
                const b = p.getBBox();
                if (colours.includes(fill) && b.width * b.height > area) {
                    best = i; area = b.width * b.height;
                }
            });
            return best;
        }""",
        colours,
    )
    assert index >= 0, "no pilot feature drawn in a batch colour"
    # A real mouse click (press and release at the middle of the feature): Leaflet's and
    # streamlit-folium's handlers and the app's callback all run for real. The map's iframe
    # reaches below the fold here, which is what once made the press scroll the page and
    # the release land elsewhere (see dashboard.map.focus.FocusWithoutScroll).
    feature = frame.locator("path.leaflet-interactive").nth(index)
    tooltip = ""
    pilot = ""
    for _ in range(3):  # the component binds its click handlers once the map is set up
        feature.hover()
        tips = frame.locator(".leaflet-tooltip").all_inner_texts()
        tooltip = tips[-1] if tips else tooltip
        where = page.locator(MAP_FRAME).first.bounding_box()
        feature.click()
        # the press did not scroll the page (the release would land elsewhere): a retry
        # after such a scroll would pass, so this is asserted on every try
        assert page.locator(MAP_FRAME).first.bounding_box() == where, "the press scrolled"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and not pilot:
            pilot = parse_qs(urlparse(page.url).query).get("pilot", [""])[0]
            page.wait_for_timeout(200)  # lets Playwright see the URL change
        if pilot:
            break
    by_id = {str(r["pilot_id"]): r for r in registry_rows()}
    assert pilot in by_id, (pilot, page.url)
    row = by_id[pilot]
    # the pilot whose tooltip was under the pointer: the tooltip names it, shows no id
    assert str(row["name"]) in tooltip and pilot not in tooltip, tooltip
    # the heading is the name in simplified characters; the published form is beside it
    heading = page.locator("h4").filter(has_text=str(row["name"]))
    heading.first.wait_for(timeout=60_000)
    text = _body(page)
    assert str(row["name_published"]) in text
    assert str(row["adcode"]) in text  # the panel lists the clicked pilot's own fields
    assert "清除选择" in text
    offline_page.shot("map-click-details")
    assert offline_page.outside == [] and offline_page.errors == []
