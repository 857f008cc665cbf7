"""A view fitted to a choice (a province, a search) in a real Chromium: every pilot in
view and none under the legend box, open (a laptop) or folded to its button (a small
map), nor under the layer control."""

from __future__ import annotations

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map

pytestmark = pytest.mark.browser

# The pilots' boxes on screen that meet the legend's (0) or the layer control's (1) box,
# once the map has come to rest; and those not wholly in view.
_UNDER_LEGEND = """() => {
  let m = null;
  for (const k of Object.keys(window)) { const v = window[k];
    if (v && window.L && v instanceof L.Map) { m = v; break; } }
  const cr = m.getContainer().getBoundingClientRect();
  const boxes = ['.atlas-legend', '.leaflet-control-layers']
    .map(q => document.querySelector(q).getBoundingClientRect());
  const g = boxes[0];
  const out = [], seen = [], off = [];
  m.eachLayer(l => {
    const id = l.feature && l.feature.properties.id;
    if (!id || !/^b[0-9]+-[0-9a-f]{8}$/.test(id)) return;
    seen.push(id);
    const b = l.getBounds ? l.getBounds() : L.latLngBounds(l.getLatLng(), l.getLatLng());
    const a = m.latLngToContainerPoint(b.getNorthWest()),
          z = m.latLngToContainerPoint(b.getSouthEast());
    const r = l.getRadius ? l.getRadius() : 0;
    const x0 = cr.left + a.x - r, y0 = cr.top + a.y - r,
          x1 = cr.left + z.x + r, y1 = cr.top + z.y + r;
    boxes.forEach((g, i) => {
      if (x0 < g.right && x1 > g.left && y0 < g.bottom && y1 > g.top) out.push([id, i]);
    });
    if (x0 < cr.left || x1 > cr.right || y0 < cr.top || y1 > cr.bottom) off.push(id);
  });
  return {under: out, off: off, pilots: seen.length, legend: [g.width, g.height]};
}"""


@pytest.mark.parametrize(("size", "query", "pilots"), [
    ((1280, 720), "status=official,reported,unconfirmed&province=贵州省", 8),
    ((1024, 768), "province=河北省", 5),
    ((1280, 720), "province=广东省&lang=en", 8),  # 潮州 went under the layer control
])
def test_a_fitted_view_keeps_its_pilots_clear_of_the_legend(
    app_url: str, browser: object, size: tuple[int, int], query: str, pilots: int
) -> None:
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.page
        page.goto(f"{app_url}/?{query}")
        wait_for_map(page, min_features=pilots)
        page.wait_for_timeout(1500)
        frame = page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[attr-defined]
        got = frame.evaluate(_UNDER_LEGEND)
        assert got["pilots"] >= pilots, got
        assert not got["under"], got
        assert not got["off"], got  # and every one of them in view
        name = f"browser-fit-{size[0]}-{query.split('province=')[1][:3]}"
        frame.locator(".leaflet-container").first.screenshot(
            path=str(p.shot(name).with_name(f"{name}-map.png")))
    finally:
        p.close()
