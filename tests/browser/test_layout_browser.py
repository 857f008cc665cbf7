"""Pages laid out for the screen they are on, as Chromium draws them (zh and en):

- the comparison of four provinces: 4 maps a row at 1920, 2 a row at 1024 and 1366, one
  on a phone; the maps of a row start at one height, each at least 300 px wide; no label,
  heading, count or button cut; the scale bar in km, its text inside its bar; every pilot
  name shown wholly inside its map;
- presenting on a phone: nothing wider than the screen, the title clear of the line under it;
- the downloads: every button's label whole;
- the standalone map (the exported HTML, opened as a file with nothing reachable): the
  南海诸岛 inset with its ten dashes visible, the layer control clear of the title box.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from tests.browser.test_inset_browser import DASHES

pytestmark = pytest.mark.browser

FOUR = "新疆维吾尔自治区,内蒙古自治区,广西壮族自治区,黑龙江省"  # long names in zh and en

# Elements whose text is cut or spills out of their box: a block (not inline) element
# under `sel`, drawn, whose content is wider than its box.
CLIPPED = """(sel) => {
  const out = [];
  for (const root of document.querySelectorAll(sel)) {
    for (const e of [root, ...root.querySelectorAll("*")]) {
      const r = e.getBoundingClientRect();
      if (!r.width || getComputedStyle(e).display === "inline" || !e.textContent.trim()) continue;
      if (e.scrollWidth > e.clientWidth + 1) out.push(e.textContent.trim().slice(0, 40));
    }
  }
  return out;
}"""


def _frames(page: Any) -> list[dict[str, float]]:
    return [page.locator(MAP_FRAME).nth(i).bounding_box()
            for i in range(page.locator(MAP_FRAME).count())]


def _rows(boxes: list[dict[str, float]]) -> list[list[dict[str, float]]]:
    """The boxes grouped into rows: a box whose top is within 40 px of the row's first."""
    rows: list[list[dict[str, float]]] = []
    for b in sorted(boxes, key=lambda b: (b["y"], b["x"])):
        if rows and abs(b["y"] - rows[-1][0]["y"]) < 40:
            rows[-1].append(b)
        else:
            rows.append([b])
    return rows


def _scales(page: Any) -> list[dict[str, Any]]:
    out = []
    for i in range(page.locator(MAP_FRAME).count()):
        frame = page.locator(MAP_FRAME).nth(i).element_handle().content_frame()
        frame.wait_for_selector(".leaflet-control-scale-line", timeout=20_000)
        out += frame.evaluate("""() => [...document.querySelectorAll(
            '.leaflet-control-scale-line')].map(e => ({text: e.textContent,
            fits: e.scrollWidth <= e.offsetWidth}))""")
    return out


# the pilot names a small map shows that are not wholly inside it
NAMES_OFF_THE_MAP = """() => {
  const c = document.querySelector('.leaflet-container').getBoundingClientRect();
  return [...document.querySelectorAll('.atlas-label.pilot > span')].filter(s => {
    const r = s.getBoundingClientRect();
    return r.width && getComputedStyle(s).visibility !== 'hidden'
      && (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1
          || r.bottom > c.bottom + 1);
  }).map(s => s.textContent);
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("width", "height", "per_row"),
                         [(390, 844, 1), (1024, 768, 2), (1366, 768, 2), (1920, 1080, 4)])
def test_four_provinces_compared_fit_the_screen(
    app_url: str, browser: object, lang: str, width: int, height: int, per_row: int
) -> None:
    p = OfflinePage(browser, width=width, height=height)
    try:
        page = p.page
        page.goto(f"{app_url}/?mode=compare&compare={FOUR}&lang={lang}")
        for i in range(4):
            wait_for_map(page, index=i)
        page.wait_for_timeout(1500)
        rows = _rows(_frames(page))
        assert [len(r) for r in rows] == [per_row] * (4 // per_row), rows
        for row in rows:  # one height for the maps of a row; none narrow, none off screen
            assert max(b["y"] for b in row) - min(b["y"] for b in row) <= 2, row
            assert all(b["width"] >= 300 and b["x"] >= 0 and b["x"] + b["width"] <= width
                       for b in row), row
            assert all(a["x"] + a["width"] <= b["x"] for a, b in itertools.pairwise(row)), row
        grid = ".st-key-compare_maps"
        assert page.evaluate(CLIPPED, f"{grid} h3, {grid} [data-testid=stMetric]") == []
        assert page.evaluate(CLIPPED, "[data-testid=stMain] button") == []
        scales = _scales(page)
        assert len(scales) == 4, scales
        assert all(s["text"].endswith("km") and s["fits"] for s in scales), scales
        for i in range(4):  # a name by the edge is set on its other side, not cut off
            frame = page.locator(MAP_FRAME).nth(i).element_handle().content_frame()
            assert frame.evaluate(NAMES_OFF_THE_MAP) == [], i
        assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollWidth"
                             f" <= {width}")
        page.locator(MAP_FRAME).nth(0).scroll_into_view_if_needed()
        p.shot(f"browser-compare-four-{lang}-{width}")
        assert p.outside == [] and p.errors == [], (p.outside, p.errors)
    finally:
        p.close()


def _box(page: Any, sel: str) -> dict[str, float]:
    box = page.locator(sel).first.bounding_box()
    assert box is not None, sel
    return box  # type: ignore[no-any-return]


def _apart(a: dict[str, float], b: dict[str, float]) -> bool:
    return (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_presenting_on_a_phone_keeps_to_the_screen(
    app_url: str, browser: object, lang: str
) -> None:
    p = OfflinePage(browser, width=390, height=844)
    try:
        page = p.open(f"{app_url}/?mode=present&step=3&lang={lang}", min_features=100)
        page.wait_for_timeout(1000)
        # nothing wider than the screen (the title's column once took 453 px of 390)
        assert page.evaluate("document.querySelector('[data-testid=stMain]').scrollWidth") <= 390
        title, sub = _box(page, "h1"), _box(page, ".atlas-sub")
        counts, caveat = _box(page, ".atlas-counts"), _box(page, ".atlas-caveat")
        for what, b in (("title", title), ("sub", sub), ("counts", counts)):
            assert b["x"] >= 0 and b["x"] + b["width"] <= 390, (what, b)
        assert title["y"] + title["height"] <= sub["y"] + 1, (title, sub)  # one under the other
        assert _apart(title, counts) and _apart(sub, counts) and _apart(counts, caveat)
        assert page.evaluate(CLIPPED, "h1, .atlas-sub, .atlas-counts, .atlas-caveat") == []
        p.shot(f"browser-phone-present-layout-{lang}")
    finally:
        p.close()


@pytest.mark.parametrize(("lang", "width"), [("zh", 1024), ("en", 1024), ("en", 390)])
def test_download_labels_are_whole(app_url: str, browser: object, lang: str, width: int) -> None:
    p = OfflinePage(browser, width=width, height=900)
    try:
        page = p.open(f"{app_url}/?lang={lang}", min_features=100)
        buttons = page.locator("[data-testid=stDownloadButton] button")
        buttons.first.wait_for(timeout=30_000)
        assert buttons.count() >= 7  # the data downloads and the research table
        sel = "[data-testid=stDownloadButton] button, a[download]"
        assert page.evaluate(CLIPPED, sel) == []
        boxes = page.evaluate(f"""() => [...document.querySelectorAll({sel!r})].map(e => {{
            const r = e.getBoundingClientRect(); return [r.left, r.right]; }})""")
        assert all(a >= 0 and b <= width for a, b in boxes), boxes
    finally:
        p.close()


@pytest.fixture(scope="module")
def standalone_pages() -> dict[str, str]:
    """The standalone map of the national view in each language, as the CLI writes it."""
    from dashboard.export.build import standalone_map
    from dashboard.state import from_query
    from geodata.registry.effective import effective_frame

    frame = effective_frame(None, simplified=True)
    return {lang: standalone_map(frame, from_query({"lang": lang})) for lang in ("zh", "en")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(390, 844), (1366, 768)])
def test_the_standalone_map_draws_its_inset_clear_of_the_title(
    browser: object, standalone_pages: dict[str, str], lang: str, size: tuple[int, int]
) -> None:
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.page
        page.set_content(standalone_pages[lang])  # a file opened with nothing reachable
        page.locator("path.atlas-scs-line").nth(9).wait_for(state="attached", timeout=20_000)
        page.wait_for_timeout(800)
        assert page.locator("path.leaflet-interactive").count() >= 100  # the map drew
        got = page.evaluate(DASHES)
        name = "南海诸岛" if lang == "zh" else "South China Sea Islands"
        assert got["dashes"] == 10 and got["visible"] == 10, got
        assert got["shown"] and got["inside"] and got["text"] == name, got
        inset = _box(page, ".atlas-inset")
        assert inset["x"] + inset["width"] <= size[0] and inset["y"] + inset["height"] <= size[1]
        head, layers = _box(page, ".atlas-head"), _box(page, ".leaflet-control-layers")
        assert _apart(head, layers), (head, layers)
        assert head["x"] + head["width"] <= size[0], head
        p.shot(f"browser-standalone-{lang}-{size[0]}")
        assert p.outside == [] and p.errors == [], (p.outside, p.errors)
    finally:
        p.close()
