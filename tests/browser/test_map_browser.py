"""The map follows the user, in a real Chromium: fit to a province, labels as text,
a province click opens it, wheel manners, names (not ids) in tooltips, z/c links."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest
import shapely

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from geodata.boundaries.layers import load_layer
from geodata.registry.pilots import resolved_registry

pytestmark = pytest.mark.browser

# The page's Leaflet map, whatever folium named it.
FIND_MAP = ("() => { for (const k of Object.keys(window)) { const v = window[k];"
            " if (v && window.L && v instanceof L.Map) return k; } return null; }")


def _frame(page: object) -> object:
    return page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[attr-defined]


def _map_eval(page: object, body: str) -> object:
    """Run `body` (a JS expression using `m`, the Leaflet map) inside the map's frame."""
    frame = _frame(page)
    deadline = time.monotonic() + 30
    name = None
    while time.monotonic() < deadline and not name:
        name = frame.evaluate(FIND_MAP)  # type: ignore[attr-defined]
        if not name:
            time.sleep(0.2)
            frame = _frame(page)
    return frame.evaluate(f"() => {{ const m = window[{name!r}]; return {body}; }}")  # type: ignore[attr-defined]


def _province(name: str) -> shapely.Geometry:
    prov = load_layer("province", simplified=True)
    return prov[prov["name"] == name].geometry.iloc[0]


def _view_box(page: object) -> shapely.Geometry:
    b = _map_eval(page, "[m.getBounds().getWest(), m.getBounds().getSouth(),"
                        " m.getBounds().getEast(), m.getBounds().getNorth()]")
    return shapely.box(*b)  # type: ignore[misc]


def _wait_url(page: object, ok: object, timeout: float = 20) -> str:
    """The page's URL once `ok(url)` holds, read from the page itself: history changes
    fire no load event, and Playwright's `page.url` can lag behind them."""
    deadline = time.monotonic() + timeout
    url = ""
    while time.monotonic() < deadline:
        url = str(page.evaluate("location.href"))  # type: ignore[attr-defined]
        if ok(url):  # type: ignore[operator]
            return url
        page.wait_for_timeout(200)  # type: ignore[attr-defined]
    raise AssertionError(f"URL never matched: {url}")


def _frame_box(page: object) -> dict[str, float]:
    """The map frame's box on screen, after scrolling it fully into view."""
    frame = page.locator(MAP_FRAME).first  # type: ignore[attr-defined]
    frame.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    return frame.bounding_box()  # type: ignore[no-any-return]


def _settle(page: object, seconds: float = 1.0) -> None:
    page.wait_for_timeout(seconds * 1000)  # type: ignore[attr-defined]


def test_province_filter_fits_the_map_to_it(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?province=河北省")
    wait_for_map(page)
    _settle(page)
    hebei = _province("河北省")
    view = _view_box(page)
    assert view.contains(hebei.centroid)
    # the view is about the province, not China: the province spans at least half of the
    # view in the dimension the frame's shape limits (a wide frame fits it by its height)
    minx, miny, maxx, maxy = hebei.bounds
    vx0, vy0, vx1, vy1 = view.bounds
    fill = max((maxx - minx) / (vx1 - vx0), (maxy - miny) / (vy1 - vy0))
    assert fill >= 0.5, (view.bounds, hebei.bounds)
    grown = shapely.box(minx - (maxx - minx), miny - (maxy - miny),
                        maxx + (maxx - minx), maxy + (maxy - miny))
    # the national view is wider than the whole of Hebei's grown box
    page.goto(app_url)
    wait_for_map(page)
    _settle(page)
    assert _view_box(page).area > 4 * grown.area


def test_labels_are_text_at_province_zoom(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?province=湖南省")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    label = frame.locator(".atlas-label.pilot > span", has_text="长沙市")
    label.wait_for(state="visible", timeout=20_000)
    assert label.inner_text() == "长沙市"
    # province names are hidden at this zoom, shown at the national one
    assert not frame.locator(".atlas-label.prov > span", has_text="湖南").is_visible()
    # a province is no national map: the 南海诸岛 inset gives it the room
    assert not frame.locator(".atlas-inset").is_visible()
    offline_page.shot("browser-hunan-labels")
    page.goto(f"{app_url}/?lang=en")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".atlas-label.prov > span", has_text="Xinjiang").wait_for(state="visible",
                                                                     timeout=20_000)
    frame.locator(".atlas-inset").wait_for(state="visible", timeout=20_000)


def _open_national_map(page: object, url: str) -> None:
    """The default page with the whole national map drawn and at rest."""
    page.goto(url)  # type: ignore[attr-defined]
    wait_for_map(page, min_features=100)
    _settle(page)


def test_a_province_click_drills_down_and_the_url_follows(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    _open_national_map(page, app_url)
    # a point of Hunan that no pilot covers
    pilots = resolved_registry(simplified=True)
    taken = shapely.union_all([g.buffer(0.15) for g in pilots.geometry if g is not None])
    free = _province("湖南省").buffer(-0.2).difference(taken)
    spot = shapely.ops.polylabel(max(getattr(free, "geoms", [free]), key=lambda g: g.area), 0.01)
    xy = _map_eval(page, f"m.latLngToContainerPoint([{spot.y}, {spot.x}])")
    box = _frame_box(page)
    page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])  # type: ignore[index]
    url = _wait_url(page, lambda u: "province=" in u)
    assert parse_qs(urlparse(url).query) == {"province": ["湖南省"]}
    page.get_by_text("全国 › 湖南省").wait_for(timeout=20_000)
    wait_for_map(page)
    _settle(page)
    assert _view_box(page).contains(_province("湖南省").centroid)
    offline_page.shot("browser-drilled-hunan")
    page.get_by_role("button", name="‹ 全国").click()
    # back to the national view and its clean default URL (no z/c, nothing else)
    url = _wait_url(page, lambda u: "province=" not in u)
    assert urlparse(url).query == "", url
    page.get_by_text("全国 › 湖南省").wait_for(state="detached", timeout=20_000)


def test_wheel_scrolls_the_page_until_the_map_is_clicked(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    _open_national_map(page, app_url)
    zoom = _map_eval(page, "m.getZoom()")
    box = _frame_box(page)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # type: ignore[index]
    page.mouse.wheel(0, -300)
    _settle(page, 0.8)
    assert _map_eval(page, "m.getZoom()") == zoom  # not zoomed by a passing wheel
    page.mouse.click(box["x"] + 30, box["y"] + box["height"] - 60)  # type: ignore[index]
    page.mouse.wheel(0, -300)
    _settle(page, 0.8)
    assert _map_eval(page, "m.getZoom()") > zoom
    # cannot zoom out past China
    _map_eval(page, "m.setZoom(0)")
    _settle(page, 0.5)
    view = _view_box(page)
    assert view.area < 4 * shapely.box(73, 17.5, 135.1, 53.6).area
    # once moved, the address bar holds zoom and centre, and that link reproduces the view
    url = _wait_url(page, lambda u: "z=" in u and "c=" in u, 10)
    z = float(parse_qs(urlparse(url).query)["z"][0])
    page.goto(url)
    wait_for_map(page)
    _settle(page)
    assert abs(_map_eval(page, "m.getZoom()") - z) < 0.01


def test_tooltips_show_names_not_ids(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?q=顺义")
    wait_for_map(page)
    _settle(page)
    box = _frame_box(page)
    shunyi = resolved_registry(simplified=True)
    geom = shunyi[shunyi["unit_name"] == "顺义区"].geometry.iloc[0]
    p = geom.representative_point()
    xy = _map_eval(page, f"m.latLngToContainerPoint([{p.y}, {p.x}])")
    page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])  # type: ignore[index]
    tip = page.frame_locator(MAP_FRAME).first.locator(".leaflet-tooltip").first
    tip.wait_for(state="visible", timeout=10_000)
    text = tip.inner_text()
    assert "顺义" in text and "b3-" not in text and "b1-" not in text and "b2-" not in text
