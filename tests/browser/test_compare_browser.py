"""The comparison's small maps in a real Chromium: at one scale (`scale=same`) every map
has the same zoom, the zoom that fits the largest province, each around its own."""

from __future__ import annotations

import pytest
import shapely

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from tests.browser.test_map_browser import FIND_MAP, _province

pytestmark = pytest.mark.browser


def _views(page: object, n: int) -> list[tuple[float, shapely.Geometry]]:
    """(zoom, visible box) of each of the first `n` maps, once all are at rest."""
    out = []
    for i in range(n):
        frame = page.locator(MAP_FRAME).nth(i).element_handle().content_frame()  # type: ignore[attr-defined]
        name = None
        for _ in range(100):
            name = frame.evaluate(FIND_MAP)
            if name:
                break
            page.wait_for_timeout(200)  # type: ignore[attr-defined]
        z, w, s, e, north = frame.evaluate(
            f"() => {{ const m = window[{name!r}], b = m.getBounds();"
            " return [m.getZoom(), b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]; }")
        out.append((z, shapely.box(w, s, e, north)))
    return out


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)])
def test_one_scale_gives_every_small_map_one_zoom(
    app_url: str, browser: object, size: tuple[int, int]
) -> None:
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.page
        names = ("浙江省", "河北省")
        page.goto(f"{app_url}/?mode=compare&compare={','.join(names)}")
        for i in range(len(names)):
            wait_for_map(page, index=i)
        page.wait_for_timeout(1500)
        own = _views(page, len(names))
        assert own[0][0] > own[1][0]  # each fitted to itself: 浙江 closer than 河北
        page.goto(f"{app_url}/?mode=compare&compare={','.join(names)}&scale=same")
        for i in range(len(names)):
            wait_for_map(page, index=i)
        page.wait_for_timeout(1500)
        same = _views(page, len(names))
        zooms = [z for z, _ in same]
        assert len(set(zooms)) == 1, zooms
        # the zoom that fits the larger, 河北, as on its own map; 浙江 around its own centre
        assert zooms[0] == own[1][0], (zooms, own)
        for name, (_, box) in zip(names, same, strict=True):
            assert box.contains(_province(name).centroid), name
        page.locator(MAP_FRAME).nth(0).scroll_into_view_if_needed()
        p.shot(f"browser-compare-same-{size[0]}")
    finally:
        p.close()
