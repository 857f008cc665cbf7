"""The explore map on a phone (390×844) fits the screen: its frame no taller than the
screen under Streamlit's header, and the whole country (mainland and Hainan; the islands
are in the 南海诸岛 inset) drawn within the first screen, under the title. On a laptop
the whole map is on the first screen; at 1920×1080 it keeps its 620 px."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import shapely

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from geodata.boundaries.layers import load_layer
from tests.browser.test_map_browser import _map_eval

pytestmark = pytest.mark.browser

HEADER = 60  # Streamlit's header, 3.75rem, opaque on a phone


def _china_box(page: object) -> dict[str, float]:
    """Where the map draws the country (mainland and Hainan), in page pixels."""
    prov = load_layer("province", simplified=True)
    w, _s, e, n = prov.total_bounds
    land = shapely.clip_by_rect(shapely.union_all(prov.geometry.values), w, 18.0, e, n)
    x0, y0, x1, y1 = land.bounds
    pts = _map_eval(page, f"[m.latLngToContainerPoint([{y1}, {x0}]),"
                          f" m.latLngToContainerPoint([{y0}, {x1}])]")
    frame = page.locator(MAP_FRAME).first.bounding_box()  # type: ignore[attr-defined]
    nw, se = pts  # type: ignore[misc]
    return {"left": frame["x"] + nw["x"], "top": frame["y"] + nw["y"],
            "right": frame["x"] + se["x"], "bottom": frame["y"] + se["y"]}


def _opened_map(p: OfflinePage, app_url: str, lang: str) -> tuple[Any, dict[str, float]]:
    """The explore page in `lang`, its map drawn and settled, and the map's frame box."""
    page = p.page
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_map(page, min_features=100)
    page.wait_for_timeout(1500)
    box = page.locator(MAP_FRAME).first.bounding_box()
    assert box is not None
    return page, box


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_phone_map_fits_the_first_screen(app_url: str, browser: object, lang: str) -> None:
    p = OfflinePage(browser, width=390, height=844)
    try:
        page, box = _opened_map(p, app_url, lang)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert box["height"] <= 844 - HEADER, box
        assert box["y"] >= HEADER and box["y"] + box["height"] <= 844, box  # the first screen
        # the map inside takes its frame's height (a map taller than its frame is cut)
        inner = _map_eval(page, "m.getSize()")
        assert abs(inner["y"] - box["height"]) <= 2, (inner, box)  # type: ignore[index]
        title = page.locator("h1").first.bounding_box()
        assert title is not None
        china = _china_box(page)
        assert china["top"] >= title["y"] + title["height"], (china, title)
        assert china["bottom"] <= 844 and china["left"] >= -1 and china["right"] <= 391, china
        # and China is not drawn tiny: it takes most of the map's width
        assert china["right"] - china["left"] >= 0.7 * box["width"], (china, box)
        p.shot(f"browser-phone-map-fits-{lang}")
    finally:
        p.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width,height", [(1024, 768), (1366, 768), (1920, 1080)])
def test_the_desktop_map_is_whole_on_the_first_screen(
    app_url: str, browser: object, width: int, height: int, lang: str
) -> None:
    """The whole map on the first screen, its 南海诸岛 inset too: the rest of the screen
    under the header on a laptop, 620 px where there is room."""
    p = OfflinePage(browser, width=width, height=height)
    try:
        page, box = _opened_map(p, app_url, lang)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
        assert box["y"] + box["height"] <= height, box
        assert box["height"] >= 400, box
        if height >= 1000:
            assert abs(box["height"] - 620) <= 2, box
        inner = _map_eval(page, "m.getSize()")
        assert abs(inner["y"] - box["height"]) <= 2, (inner, box)  # type: ignore[index]
        china = _china_box(page)  # fitted again to the frame's height: all of it in view
        assert china["left"] >= box["x"] - 1 and china["right"] <= box["x"] + box["width"] + 1
        assert china["top"] >= box["y"] - 1 and china["bottom"] <= box["y"] + box["height"] + 1
        inset = page.frame_locator(MAP_FRAME).first.locator(".atlas-inset").bounding_box()
        assert inset is not None
        assert inset["y"] + inset["height"] <= min(height, box["y"] + box["height"]), inset
        p.shot(f"browser-map-{width}-{lang}")
    finally:
        p.close()


_STEPS = """() => ["prev", "step_1", "step_2", "step_3", "next", "fullscreen", "exit"].map(k => {
  // a button with a tooltip has a hidden one beside it: the drawn one
  const b = [...document.querySelectorAll(`.st-key-present_${k} button`)]
    .find(x => x.getBoundingClientRect().width > 0);
  const r = b.getBoundingClientRect();
  const p = b.querySelector("p") || b;
  return {k, top: r.top, left: r.left, right: r.right, clipped: p.scrollWidth > p.clientWidth};
})"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_present_steps_in_one_row_on_a_phone(app_url: str, browser: object, lang: str) -> None:
    p = OfflinePage(browser, width=390, height=844)
    try:
        page = p.open(f"{app_url}/?mode=present&step=2&lang={lang}", min_features=20)
        page.wait_for_timeout(1000)
        got = page.evaluate(_STEPS)
        steps = got[:5]  # ◀ 2014 2015 2016 ▶: one row, in order, on the screen
        assert max(b["top"] for b in steps) - min(b["top"] for b in steps) <= 2, got
        assert all(a["right"] <= b["left"] for a, b in itertools.pairwise(steps)), got
        assert all(b["left"] >= 0 and b["right"] <= 390 for b in got), got
        assert not any(b["clipped"] for b in got), got
        p.shot(f"browser-phone-present-{lang}")
    finally:
        p.close()
