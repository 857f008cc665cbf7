"""Presenting on a projector, in a real Chromium against `streamlit run`: at four common
screen sizes the whole national map (with the 南海诸岛 inset and the legend), the step
title and the counts are on screen without scrolling; clicker keys step and the URL
follows; the standalone map works with no server and no network."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlparse

import pytest

from bench.browser import ARTIFACTS, MAP_FRAME, OfflinePage, wait_for_map
from geodata.registry.pilots import completeness, registry_rows

pytestmark = pytest.mark.browser

VIEWPORTS = [(1024, 768), (1280, 720), (1366, 768), (1920, 1080)]
# stepped through every step with the framing checked on each (the tester's sizes)
STEPPED = {(1024, 768), (1280, 720)}
HAINAN_SOUTH_TIP = (18.15, 109.5)  # lat, lon: the south of Hainan Island, near Sanya


def _inside(box: dict[str, float] | None, w: int, h: int, what: str) -> None:
    assert box is not None, f"{what} is not drawn"
    assert box["width"] > 0 and box["height"] > 0, (what, box)
    assert box["x"] >= 0 and box["y"] >= 0, (what, box)
    assert box["x"] + box["width"] <= w + 0.5, (what, box, w)
    assert box["y"] + box["height"] <= h + 0.5, (what, box, h)


def _check_hainan_in_view(page: object, w: int, h: int) -> None:
    """Hainan's southern tip is inside the map's frame, on screen, above the attribution."""
    box = _settled_box(page, MAP_FRAME)
    time.sleep(0.8)  # Leaflet refits after the resize
    frame = page.frame_locator(MAP_FRAME).first  # type: ignore[attr-defined]
    x, y = frame.locator("body").evaluate(
        "(_el, [lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
        " return [p.x, p.y]; }", list(HAINAN_SOUTH_TIP))
    attribution = frame.locator(".leaflet-control-attribution").first.bounding_box()
    assert attribution is not None
    px, py = box["x"] + x, box["y"] + y
    where = (px, py, box, attribution)
    assert box["x"] <= px <= box["x"] + box["width"] and px <= w, where
    assert box["y"] <= py <= box["y"] + box["height"] and py <= h, where
    assert py < attribution["y"], ("Hainan is under the attribution", where)


def _settled_box(page: object, selector: str) -> dict[str, float]:
    """The frame's box once the page script has sized it (two equal reads)."""
    loc = page.locator(selector).first  # type: ignore[attr-defined]
    last = None
    for _ in range(60):
        box = loc.bounding_box()
        if box and last == box:
            return box
        last = box
        time.sleep(0.3)
    raise AssertionError(f"{selector} never settled: {last}")


@pytest.mark.parametrize(("w", "h"), VIEWPORTS)
def test_present_fits_the_screen_and_pagedown_steps(app_url: str, browser: object, w: int,
                                                    h: int) -> None:
    p = OfflinePage(browser, width=w, height=h)
    try:
        page = p.page
        page.goto(f"{app_url}/?mode=present&step=1")
        # shown by default: official and reported members (never a contradicted one)
        b1 = [r for r in registry_rows()
              if r["batch"] == 1 and r["status"] in ("official", "reported")]
        wait_for_map(page, min_features=len(b1))
        frame = page.frame_locator(MAP_FRAME).first
        # the inset is drawn, and its dashed line is a real feature of the map (ten segments)
        lines = frame.locator("path.atlas-scs-line")
        lines.first.wait_for(state="attached", timeout=30_000)
        assert lines.count() == 10
        assert not lines.first.get_attribute("stroke-dasharray")  # each dash one stroke

        box = _settled_box(page, MAP_FRAME)
        time.sleep(0.8)  # Leaflet refits after the resize
        _inside(box, w, h, "map frame")
        assert box["height"] >= 0.6 * h  # the map is most of the screen, not a strip
        for what, sel in (("inset", "[data-atlas=scs-inset]"), ("legend", ".atlas-legend")):
            inner = frame.locator(sel).first.bounding_box()
            _inside(inner, w, h, what)
            _inside({**inner, "x": inner["x"] - box["x"], "y": inner["y"] - box["y"]},
                    int(box["width"]), int(box["height"]), what + " in the map")
        # the whole of China is in view: Mohe in the north to Hainan Island, Pamirs to Fuyuan
        south, west, north, east = frame.locator("body").evaluate(
            "() => { const b = window.map.getBounds();"
            " return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }")
        assert south <= 18.15 and west <= 73.5 and north >= 53.5 and east >= 134.8, (
            south, west, north, east)

        title = page.locator("h1").first
        _inside(title.bounding_box(), w, h, "title")
        assert title.inner_text().endswith("2014")
        counts = page.locator(".atlas-counts").first
        _inside(counts.bounding_box(), w, h, "counts")
        official = {int(c["batch"]): int(c["official_members"]) for c in completeness()}
        assert f"显示 {len(b1)} / 官方 {official[1]}" in counts.inner_text()
        assert page.evaluate("document.scrollingElement.scrollTop") == 0
        _check_hainan_in_view(page, w, h)
        ARTIFACTS.mkdir(exist_ok=True)
        p.shot(f"present-{w}x{h}")

        page.keyboard.press("PageDown")  # what a clicker sends
        page.wait_for_url("**step=2**", timeout=30_000)
        page.get_by_text("2014–2015").first.wait_for(timeout=30_000)
        assert "mode=present" in page.url
        if (w, h) in STEPPED:  # the same whole-China framing on every step
            wait_for_map(page, min_features=len(b1) + 1)
            _check_hainan_in_view(page, w, h)
            page.keyboard.press("PageDown")
            page.wait_for_url("**step=3**", timeout=30_000)
            page.get_by_text("2014–2016").first.wait_for(timeout=30_000)
            wait_for_map(page, min_features=100)
            _check_hainan_in_view(page, w, h)
        assert p.outside == [], p.outside
        assert p.errors == [], p.errors
    finally:
        p.close()


def test_keys_back_and_forth_and_the_url_follows(app_url: str, browser: object) -> None:
    """Each clicker key steps once and the address bar shows that step (read from the
    page itself, and as Playwright sees it)."""
    p = OfflinePage(browser, width=1024, height=768)
    try:
        page = p.page
        page.goto(f"{app_url}/?mode=present")  # a fresh presentation: 2014
        wait_for_map(page, min_features=20)
        assert page.locator("h1").first.inner_text().endswith(" 2014")
        for key, step, title in (("PageDown", "2", "2014–2015"), ("ArrowRight", "3", "2014–2016"),
                                 ("PageUp", "2", "2014–2015"), ("ArrowLeft", None, "2014")):
            page.keyboard.press(key)
            page.wait_for_function(
                "t => document.querySelector('h1') && "
                "document.querySelector('h1').innerText.endsWith(' ' + t)", arg=title,
                timeout=30_000)
            page.wait_for_timeout(1500)  # let any late write of the URL land
            href = page.evaluate("location.href")
            got = parse_qs(urlparse(href).query)
            assert got.get("step") == ([step] if step else None), (key, href)
            assert got.get("mode") == ["present"], (key, href)
            assert page.url == href, (key, page.url, href)
            wait_for_map(page, min_features=20)
        assert p.errors == [], p.errors
    finally:
        p.close()


def test_fullscreen_keys_in_the_map_and_esc(app_url: str, browser: object) -> None:
    p = OfflinePage(browser, width=1280, height=720)
    try:
        page = p.open(f"{app_url}/?mode=present&step=2", min_features=20)
        fullscreen = "() => !!document.fullscreenElement"
        page.keyboard.press("f")
        page.wait_for_function(fullscreen, timeout=10_000)
        page.keyboard.press("f")
        page.wait_for_function(f"() => !({fullscreen})()", timeout=10_000)
        page.locator(".st-key-present_fullscreen").get_by_role("button").first.click()
        page.wait_for_function(fullscreen, timeout=10_000)
        page.evaluate("document.exitFullscreen()")
        frame = page.frame_locator(MAP_FRAME).first
        frame.locator(".leaflet-container").first.focus()
        assert page.evaluate("document.activeElement.tagName") == "IFRAME"
        page.keyboard.press("ArrowRight")  # the map would pan; the presentation steps
        page.wait_for_url("**step=3**", timeout=30_000)
        page.get_by_text("2014–2016").first.wait_for(timeout=30_000)
        wait_for_map(page, min_features=100)
        page.keyboard.press("PageUp")
        page.wait_for_url("**step=2**", timeout=30_000)
        page.locator(".st-key-present_exit").first.wait_for(timeout=30_000)
        time.sleep(1)
        page.keyboard.press("Escape")
        page.wait_for_url(lambda u: "mode=present" not in u, timeout=60_000)
        page.wait_for_timeout(1500)  # any late write of the URL
        query = parse_qs(urlparse(page.evaluate("location.href")).query)
        assert "mode" not in query and "step" not in query, query  # no step lingers
        assert p.errors == [], p.errors
    finally:
        p.close()


def test_standalone_map_opens_offline_from_a_file(tmp_path, browser: object) -> None:
    from dashboard.export.build import standalone_map
    from dashboard.state import from_query
    from geodata.registry.pilots import resolved_registry

    path = tmp_path / "map.html"
    path.write_text(standalone_map(resolved_registry(simplified=True),
                                   from_query({"batch": "3"})), encoding="utf-8")
    p = OfflinePage(browser, width=1280, height=720)
    try:
        page = p.page
        # as a file would open, with every request that is not inline aborted and counted
        page.set_content(path.read_text(encoding="utf-8"), wait_until="load")
        b3 = sum(1 for r in registry_rows() if r["batch"] == 3)
        page.locator("path.atlas-scs-line").first.wait_for(state="attached", timeout=30_000)
        assert page.locator("path.leaflet-interactive").count() >= b3
        assert page.locator("[data-atlas=scs-inset]").count() == 1
        p.shot("standalone-map")
        assert p.outside == [] and p.errors == []
    finally:
        p.close()


NOTES = "讲稿提示"
# the map frame's height, the page's scroll position, and the type in the map
_MEASURE = """() => {
  const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const d = f.contentDocument;
  const px = (el) => el ? parseFloat(getComputedStyle(el).fontSize) : 0;
  const names = [...d.querySelectorAll('.atlas-label.prov > span')]
    .filter((s) => s.offsetWidth > 0 && getComputedStyle(s).visibility !== 'hidden');
  return {frame: f.getBoundingClientRect().height, top: f.getBoundingClientRect().top,
          name: names.length ? px(names[0]) : 0, names: names.length,
          legend: px(d.querySelector('.atlas-legend'))};
}"""


@pytest.mark.parametrize(("w", "h"), VIEWPORTS)
def test_scrolling_to_the_notes_and_an_export_leaves_the_map_as_it_is(
        app_url: str, browser: object, w: int, h: int) -> None:
    """The map's height follows the screen, not the scroll: scrolled down to the speaker
    notes and the exports it stays as tall; a notes' line and a download are reached.
    Names and legend scale with the screen: >= 24 px at 1920, never under 14 px."""
    p = OfflinePage(browser, width=w, height=h)
    try:
        page = p.open(f"{app_url}/?mode=present&step=2", min_features=20)
        _settled_box(page, MAP_FRAME)
        page.wait_for_timeout(800)
        before = page.evaluate(_MEASURE)
        assert before["names"] > 5 and before["legend"] >= 14 and before["name"] >= 14, before
        if w >= 1920:
            assert before["name"] >= 24 and before["legend"] >= 24, before
        notes = page.get_by_text(NOTES).first
        notes.scroll_into_view_if_needed()
        page.wait_for_timeout(1200)  # the page script's next sizing pass
        after = page.evaluate(_MEASURE)
        assert after["top"] < before["top"] - 50, (before, after)  # the page did scroll
        assert abs(after["frame"] - before["frame"]) <= 1, (before, after)
        notes.click()
        page.get_by_text("2014–2015").last.wait_for(timeout=10_000)
        # served by the app's export route, the downloads are links styled as buttons
        button = page.get_by_role("link", name="幻灯片 PNG")
        button.first.scroll_into_view_if_needed()
        box = button.first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= h, box
        with page.expect_download(timeout=120_000) as got:
            button.first.click()
        name = got.value.suggested_filename
        assert name.startswith("试点地图幻灯片_2014-2015_") and name.endswith(".png"), name
        assert abs(page.evaluate(_MEASURE)["frame"] - before["frame"]) <= 1
        p.shot(f"present-notes-{w}x{h}")
        assert p.outside == [] and p.errors == [], (p.outside, p.errors)
    finally:
        p.close()


def test_presenting_from_the_app_starts_at_2014(app_url: str, browser: object) -> None:
    """Chosen in the sidebar, a presentation opens at its first step, so the clicker's
    first PageDown moves 2014 → 2014–2015; a link with step= keeps its step."""
    p = OfflinePage(browser, width=1280, height=720)
    try:
        page = p.open(f"{app_url}/?mode=present&step=3", min_features=100)
        assert page.locator("h1").first.inner_text().endswith("2014–2016")
        page.keyboard.press("Escape")  # leaving drops the step …
        page.wait_for_url(lambda u: "mode=present" not in u, timeout=60_000)
        assert "step=" not in page.url, page.url
        page = p.open(f"{app_url}/?batch=1,2,3", min_features=100)  # … and from the app
        page.locator("[data-testid=stSidebar]").get_by_role("radio", name="演示").click()
        page.wait_for_url("**mode=present**", timeout=30_000)
        page.wait_for_function("() => document.querySelector('h1') && "
                               "document.querySelector('h1').innerText.endsWith(' 2014')",
                               timeout=30_000)
        assert "step=" not in page.url, page.url
        wait_for_map(page, min_features=20)
        page.wait_for_timeout(1000)
        page.keyboard.press("PageDown")
        page.wait_for_url("**step=2**", timeout=30_000)
        page.get_by_text("2014–2015").first.wait_for(timeout=30_000)
        assert p.errors == [], p.errors
    finally:
        p.close()
