"""The 南海诸岛 inset in a real Chromium: only on national views; at 1024×768, 1280×720
and 1920×1080 in zh and en its ten dashes visible, each one stroke, its caption whole
inside the frame and over none of them; shown whole (the size of a fresh national
map's) on every way back to the national view."""

from __future__ import annotations

import pytest

from bench.browser import ARTIFACTS, MAP_FRAME, OfflinePage, wait_for_map

pytestmark = pytest.mark.browser

# The caption whole and inside the frame; the dashes not under it: a dash counts as
# visible when every point along it is inside the frame, none under the caption's box,
# and the caption is not the page's topmost element at its middle. A dash is one stroke:
# one subpath and no dash pattern.
DASHES = """() => {
  const box = document.querySelector('.atlas-inset');
  const label = box.querySelector('.atlas-inset-label');
  const b = box.getBoundingClientRect(), l = label.getBoundingClientRect();
  const shown = getComputedStyle(label).visibility !== 'hidden';
  let visible = 0, strokes = 0;
  const paths = [...box.querySelectorAll('path.atlas-scs-line')];
  for (const p of paths) {
    const n = p.getTotalLength(), m = p.getScreenCTM();
    let ok = true;
    for (let i = 0; i <= 20; i++) {
      const q = p.getPointAtLength(n * i / 20);
      const x = m.a * q.x + m.c * q.y + m.e, y = m.b * q.x + m.d * q.y + m.f;
      if (x < b.left || x > b.right || y < b.top || y > b.bottom) ok = false;
      if (shown && x >= l.left && x <= l.right && y >= l.top && y <= l.bottom) ok = false;
      const top = i === 10 ? document.elementFromPoint(x, y) : null;
      if (top && (top === label || label.contains(top))) ok = false;
    }
    if (ok) visible++;
    const d = p.getAttribute('d');
    if ((d.match(/M/g) || []).length === 1 && !p.getAttribute('stroke-dasharray')) strokes++;
  }
  return {text: label.textContent.replace('\\n', ' '), shown, dashes: paths.length,
          visible, strokes, size: parseFloat(getComputedStyle(label).fontSize),
          inside: l.left >= b.left && l.right <= b.right && l.top >= b.top
                  && l.bottom <= b.bottom};
}"""


def test_a_province_map_has_no_inset(app_url: str, offline_page: OfflinePage) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?province=新疆维吾尔自治区")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    # the inset is added (and hidden at once) after the main map has drawn
    frame.locator(".atlas-inset").wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(500)
    assert not frame.locator(".atlas-inset").is_visible()
    offline_page.shot("browser-xinjiang-no-inset")


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
@pytest.mark.parametrize(("lang", "name"), [("zh", "南海诸岛"), ("en", "South China Sea Islands")])
def test_ten_dashes_visible_and_the_caption_whole_inside_the_frame(
    app_url: str, offline_page: OfflinePage, size: tuple[int, int], lang: str, name: str
) -> None:
    page = offline_page.page
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_map(page)
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator(".atlas-inset").wait_for(state="visible", timeout=20_000)
    frame.locator("path.atlas-scs-line").nth(9).wait_for(state="attached", timeout=20_000)
    handle = page.locator(MAP_FRAME).first.element_handle()
    assert handle is not None
    inner = handle.content_frame()
    assert inner is not None
    page.wait_for_timeout(500)
    got = inner.evaluate(DASHES)
    assert got["dashes"] == 10 and got["strokes"] == 10, got
    assert got["visible"] == 10, got
    assert got["shown"] and got["inside"] and got["text"] == name and got["size"] >= 9, got
    ARTIFACTS.mkdir(exist_ok=True)
    frame.locator(".atlas-inset").screenshot(
        path=str(ARTIFACTS / f"browser-inset-{lang}-{size[0]}.png"))


# the inset's frame and the map's own idea of where it is
_BOX = """() => { const b = document.querySelector('.atlas-inset');
  const r = b.getBoundingClientRect();
  return {w: Math.round(r.width), h: Math.round(r.height),
          shown: b.checkVisibility()}; }"""


def _inset(page: object) -> dict[str, object]:
    """The inset's box once the map has come to rest (the fit, then the inset, settle)."""
    handle = page.locator(MAP_FRAME).first.element_handle()  # type: ignore[attr-defined]
    frame = handle.content_frame()
    frame.wait_for_function("() => document.querySelector('.atlas-inset')", timeout=30_000)
    page.wait_for_timeout(1500)  # type: ignore[attr-defined]
    return frame.evaluate(_BOX)  # type: ignore[no-any-return]


def _clear_pilot(page: object) -> None:
    page.get_by_role("button", name="清除选择").click()  # type: ignore[attr-defined]


def _clear_search(page: object) -> None:
    box = page.get_by_label("搜索名称")  # type: ignore[attr-defined]
    box.fill("")
    box.press("Enter")


def _breadcrumb_back(page: object) -> None:
    page.get_by_role("button", name="‹ 全国").click()  # type: ignore[attr-defined]


def _clear_province(page: object) -> None:
    # the province multiselect (the first on the page): its one tag removed by Backspace
    select = page.locator("[data-testid=stMultiSelect]").first  # type: ignore[attr-defined]
    select.locator("input").first.click()
    page.keyboard.press("Backspace")  # type: ignore[attr-defined]


def _zoom_in_and_out(page: object) -> None:
    frame = page.frame_locator(MAP_FRAME).first  # type: ignore[attr-defined]
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    frame.locator(".leaflet-control-zoom-out").click()


@pytest.mark.parametrize(("size", "start", "clear"), [
    ((1280, 720), "pilot=b1-a4f85e3d", _clear_pilot),
    ((1280, 720), "q=顺义", _clear_search),
    ((1920, 1080), "q=顺义", _clear_search),
    ((1024, 768), "province=湖南省", _breadcrumb_back),
    ((1280, 720), "province=河北省", _clear_province),
])
def test_back_to_the_national_view_shows_the_whole_inset(
    app_url: str, browser: object, size: tuple[int, int], start: str, clear: object
) -> None:
    # returning to the nation from a view without the inset (a pilot, a search) shows it
    # as large as a national map opened afresh: it was measured while hidden, 10 px wide
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.open(app_url, min_features=100)
        fresh = _inset(page)
        assert fresh["shown"] and fresh["w"] >= 60 and fresh["h"] >= 60, fresh  # type: ignore[operator]
        page.goto(f"{app_url}/?{start}")
        wait_for_map(page)
        assert not _inset(page)["shown"]
        clear(page)  # type: ignore[operator]
        page.wait_for_function("() => !location.search", timeout=20_000)
        wait_for_map(page, min_features=100)
        back = _inset(page)
        assert back["shown"], back
        assert abs(back["w"] - fresh["w"]) <= 2 and abs(back["h"] - fresh["h"]) <= 2, (  # type: ignore[operator]
            fresh, back)
        p.shot(f"browser-inset-back-{start.split('=')[0]}-{size[0]}")
    finally:
        p.close()


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)])
def test_zooming_in_and_back_out_shows_the_whole_inset(
    app_url: str, browser: object, size: tuple[int, int]
) -> None:
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.open(app_url, min_features=100)
        fresh = _inset(page)
        assert fresh["shown"], fresh
        _zoom_in_and_out(page)
        back = _inset(page)
        assert back["shown"] and abs(back["w"] - fresh["w"]) <= 2, (fresh, back)  # type: ignore[operator]
        assert abs(back["h"] - fresh["h"]) <= 2, (fresh, back)  # type: ignore[operator]
    finally:
        p.close()
