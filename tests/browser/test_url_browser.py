"""The address bar while a person uses the explore map, in a real Chromium: a view the
app fits by itself (a drilled province, a chosen pilot, the national view) has the
clean URL of its filters; only the user's own pan or zoom adds `z` and `c`."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
import shapely
from shapely.ops import polylabel

from bench.browser import OfflinePage
from geodata.registry.pilots import resolved_registry
from tests.browser.test_map_browser import _frame_box, _map_eval, _province, _wait_url

pytestmark = pytest.mark.browser


def _query(page: object) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(page.evaluate("location.href"))).query)  # type: ignore[attr-defined]


def _at_rest(page: object) -> None:
    """Wait until the map has stopped moving (a fit animates), then a little longer: a
    URL written at the end of a move would be there by then."""
    last = None
    for _ in range(40):
        page.wait_for_timeout(400)  # type: ignore[attr-defined]
        now = _map_eval(page, "[m.getZoom(), m.getCenter().lat, m.getCenter().lng]")
        if now == last:
            break
        last = now
    page.wait_for_timeout(800)  # type: ignore[attr-defined]


def _free_spot(province: str) -> shapely.Point:
    """A point of `province` that no other pilot covers (a whole-province pilot aside)."""
    pilots = resolved_registry(simplified=True)
    others = pilots[pilots["level"] != "province"]
    taken = shapely.union_all([g.buffer(0.3) for g in others.geometry if g is not None])
    free = _province(province).buffer(-0.3).difference(taken)
    return polylabel(max(getattr(free, "geoms", [free]), key=lambda g: g.area), 0.01)


def _click(page: object, spot: shapely.Point) -> None:
    xy = _map_eval(page, f"m.latLngToContainerPoint([{spot.y}, {spot.x}])")
    box = _frame_box(page)
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])  # type: ignore[attr-defined,index]


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_views_the_app_fits_keep_a_clean_url(
    app_url: str, browser: object, size: tuple[int, int]
) -> None:
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.open(app_url, min_features=100)
        _at_rest(page)
        national = _map_eval(page, "m.getZoom()")

        # drill into 湖南 by clicking it: the province, no zoom or centre
        _click(page, _free_spot("湖南省"))
        _wait_url(page, lambda u: "province=" in u)
        page.get_by_text("全国 › 湖南省").wait_for(timeout=20_000)
        _at_rest(page)
        assert _map_eval(page, "m.getZoom()") > national
        assert _query(page) == {"province": ["湖南省"]}

        # ‹ 全国: the national view, at its clean default URL
        page.get_by_role("button", name="‹ 全国").click()
        page.get_by_text("全国 › 湖南省").wait_for(state="detached", timeout=20_000)
        _at_rest(page)
        assert _map_eval(page, "m.getZoom()") == national
        assert _query(page) == {}, page.evaluate("location.href")

        # a pilot clicked on the map (安徽, a whole-province pilot), then cleared
        _click(page, _free_spot("安徽省"))
        _wait_url(page, lambda u: "pilot=" in u)
        page.get_by_role("button", name="清除选择").wait_for(timeout=20_000)
        _at_rest(page)
        assert _map_eval(page, "m.getZoom()") > national  # fitted to the pilot
        assert list(_query(page)) == ["pilot"], page.evaluate("location.href")
        page.get_by_role("button", name="清除选择").click()
        _wait_url(page, lambda u: "pilot=" not in u)
        _at_rest(page)
        assert _query(page) == {}, page.evaluate("location.href")

        # the user's own zoom is written, and taken out again once back at the fitted view
        zoom_in = page.frame_locator("iframe[title='streamlit_folium.st_folium']").first \
            .locator(".leaflet-control-zoom-in")
        zoom_in.click()
        _wait_url(page, lambda u: "z=" in u and "c=" in u)
        page.frame_locator("iframe[title='streamlit_folium.st_folium']").first \
            .locator(".leaflet-control-zoom-out").click()
        _wait_url(page, lambda u: "z=" not in u and "c=" not in u)
        p.shot(f"browser-url-clean-{size[0]}")
    finally:
        p.close()


def test_an_unknown_value_shows_the_default_view(app_url: str, browser: object) -> None:
    """`?batch=4` (no fourth batch): the page says it left the value out and shows what
    the plain link shows, not an empty map; the address bar keeps no empty `batch=`."""
    from dashboard.i18n import t

    p = OfflinePage(browser, width=1280, height=800)
    try:
        page = p.open(app_url, min_features=100)
        _at_rest(page)
        default = _map_eval(page, "document.querySelectorAll('path.leaflet-interactive').length")
        for link in ("?batch=4", "?level=village"):
            page = p.open(f"{app_url}/{link}", min_features=100)
            _at_rest(page)
            drawn = _map_eval(
                page, "document.querySelectorAll('path.leaflet-interactive').length")
            assert drawn == default, link
            assert _query(page) == {}, link
            warning = t("url_ignored", "zh", items="")
            assert page.get_by_text(warning, exact=False).count() == 1, link
    finally:
        p.close()
