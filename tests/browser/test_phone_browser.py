"""The explore page on a phone (390×844): the sidebar closed, the map's layer control and
legend folded into buttons, a tapped pilot's details right under the map."""

from __future__ import annotations

import pytest
from shapely.ops import polylabel

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from geodata.registry.pilots import resolved_registry
from tests.browser.test_map_browser import _map_eval

pytestmark = pytest.mark.browser


def test_phone_layout(app_url: str, browser: object) -> None:
    p = OfflinePage(browser, width=390, height=844)
    try:
        page = p.page
        page.goto(f"{app_url}/?province=湖南省")
        wait_for_map(page)
        page.get_by_text("当前显示").first.wait_for(timeout=20_000)
        page.wait_for_timeout(1500)
        # the sidebar starts collapsed: off screen, the page to the map
        side = page.locator("[data-testid=stSidebar]").bounding_box()
        assert side is None or side["x"] + side["width"] <= 0, side
        frame = page.frame_locator(MAP_FRAME).first
        # the layer control is a button, the legend is folded to its title
        assert frame.locator(".leaflet-control-layers-toggle").is_visible()
        assert not frame.locator(".leaflet-control-layers-expanded").count()
        assert frame.locator("details.atlas-fold").evaluate("d => !d.open")
        p.shot("browser-phone-hunan")

        # tap 长沙市: its details come right under the map
        reg = resolved_registry(simplified=True)
        geom = reg[reg["unit_name"] == "长沙市"].geometry.iloc[0]
        spot = polylabel(max(getattr(geom, "geoms", [geom]), key=lambda g: g.area), 0.01)
        xy = _map_eval(page, f"m.latLngToContainerPoint([{spot.y}, {spot.x}])")
        box = page.locator(MAP_FRAME).first.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])  # type: ignore[index]
        title = page.get_by_role("heading", name="长沙市")
        title.wait_for(timeout=20_000)
        box = page.locator(MAP_FRAME).first.bounding_box()
        head = title.bounding_box()
        assert box is not None and head is not None
        below = head["y"] - (box["y"] + box["height"])
        assert 0 <= below < 250, below  # right under the map, before the tallies
        title.scroll_into_view_if_needed()
        p.shot("browser-phone-details")
    finally:
        p.close()


# Points over the open legend's box (a grid, its last row included) where something else
# (the 南海诸岛 inset, the attribution) is drawn on top of it.
_LEGEND_COVERED = """() => {
  const g = document.querySelector('.atlas-legend'), r = g.getBoundingClientRect();
  const out = [];
  for (let i = 1; i < 12; i++) for (let j = 1; j < 12; j++) {
    const x = r.left + r.width * i / 12, y = r.top + r.height * j / 12;
    const e = document.elementFromPoint(x, y);
    if (!e || !g.contains(e)) out.push([Math.round(x), Math.round(y), e ? e.className : null]);
  }
  const rows = g.querySelectorAll('details > div');
  const last = rows[rows.length - 1].getBoundingClientRect();
  const map = g.closest('.leaflet-container').getBoundingClientRect();
  return {covered: out, open: g.querySelector('details').open,
          inMap: r.top >= map.top && r.bottom <= map.bottom && last.bottom <= r.bottom};
}"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_open_legend_is_wholly_visible_on_a_phone(
    app_url: str, browser: object, lang: str
) -> None:
    p = OfflinePage(browser, width=390, height=844)
    try:
        page = p.page
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_map(page, min_features=100)
        frame = page.frame_locator(MAP_FRAME).first
        frame.locator(".atlas-inset").wait_for(state="visible", timeout=20_000)
        frame.locator("details.atlas-fold > summary").click()
        page.wait_for_timeout(800)
        inner = page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[union-attr]
        got = inner.evaluate(_LEGEND_COVERED)  # type: ignore[union-attr]
        assert got["open"] and got["inMap"], got
        assert not got["covered"], got
        # a national map still carries its inset
        assert frame.locator(".atlas-inset").is_visible()
        frame.locator(".leaflet-container").first.screenshot(
            path=str(p.shot(f"browser-phone-legend-{lang}").with_name(
                f"browser-phone-legend-map-{lang}.png")))
    finally:
        p.close()
