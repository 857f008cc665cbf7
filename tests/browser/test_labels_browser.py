"""Names on the map at a laptop's size (1280×720), in a real Chromium: every pilot of a
sparse province named, no two names on top of each other, the small SARs named."""

from __future__ import annotations

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from dashboard.filters import filtered_registry
from dashboard.map.labels import pilot_label_text
from dashboard.state import ViewState

pytestmark = pytest.mark.browser

# Each name on screen: its text and its box (the label's own text, not the marker).
_SHOWN = """() => Array.from(document.querySelectorAll('.atlas-label > span'))
  .filter(s => s.checkVisibility({visibilityProperty: true}))
  .map(s => { const r = s.getBoundingClientRect();
              return [s.textContent, r.left, r.top, r.right, r.bottom]; })"""


def _names(page: object, kind: str, want: int = 1) -> list[list[object]]:
    """The visible names once the labels have been placed (they follow the map's draw)."""
    frame = page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[attr-defined]
    frame.wait_for_function(  # type: ignore[attr-defined]
        f"() => document.querySelectorAll('.atlas-label.{kind} > span').length >= {want}",
        timeout=30_000)
    page.wait_for_timeout(1000)  # type: ignore[attr-defined]  # the placing pass settles
    return frame.evaluate(_SHOWN)  # type: ignore[attr-defined,no-any-return]


def _overlaps(names: list[list[object]]) -> list[tuple[object, object]]:
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if (a[1] < b[3] and b[1] < a[3]  # type: ignore[operator]
                    and a[2] < b[4] and b[2] < a[4]):  # type: ignore[operator]
                out.append((a[0], b[0]))
    return out


@pytest.fixture
def laptop(browser: object) -> object:
    p = OfflinePage(browser, width=1280, height=720)
    try:
        yield p
    finally:
        p.close()


def test_a_sparse_province_names_every_pilot(app_url: str, laptop: OfflinePage) -> None:
    # 新疆 is so large that its view fits at a zoom where China shows province names
    xj = "新疆维吾尔自治区"
    pilots = filtered_registry(ViewState(provinces=(xj,)))
    wanted = {pilot_label_text(r, "zh") for r in pilots.to_dict("records")
              if r["geometry"] is not None}
    assert len(wanted) >= 3
    page = laptop.page
    page.goto(f"{app_url}/?province={xj}")
    wait_for_map(page)
    names = _names(page, "pilot", len(wanted))
    assert {n[0] for n in names} == wanted
    assert not _overlaps(names)
    laptop.shot("browser-labels-xinjiang")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_national_names_keep_apart_and_name_the_sars(
    app_url: str, laptop: OfflinePage, lang: str
) -> None:
    page = laptop.page
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_map(page, min_features=100)
    names = _names(page, "prov", 34)
    assert not _overlaps(names), _overlaps(names)
    shown = {n[0] for n in names}
    assert ({"香港", "澳门"} if lang == "zh" else {"Hong Kong", "Macao"}) <= shown
    # at a laptop's size every province keeps its name (some with a leader line)
    assert len(shown) == 34, 34 - len(shown)
    laptop.shot(f"browser-labels-national-{lang}")


def test_neighbouring_names_do_not_run_together(app_url: str, laptop: OfflinePage) -> None:
    # 芦洪市镇 (a town, a dot) lies inside 祁阳市 (a county): both named, apart
    page = laptop.page
    page.goto(f"{app_url}/?province=湖南省")
    wait_for_map(page)
    names = {n[0]: n for n in _names(page, "pilot", 2)}
    a, b = names["芦洪市镇"], names["祁阳市"]
    gap = max(b[1] - a[3], a[1] - b[3], b[2] - a[4], a[2] - b[4])  # type: ignore[operator]
    assert gap >= 2, (a, b)


# Every shown province name with its box, and each province shape's box, both on screen
# (client px of the map's frame); a dotted name (香港, 澳门) with its marker's point.
_NAMES_AND_SHAPES = """() => {
  let m = null;
  for (const k of Object.keys(window)) { const v = window[k];
    if (v && window.L && v instanceof L.Map) { m = v; break; } }
  const cr = m.getContainer().getBoundingClientRect(), shapes = {};
  m.eachLayer(l => {
    const id = l.feature && l.feature.properties.id;
    if (!id || !/^[0-9]{2}0000$/.test(id) || !l.getBounds) return;
    const b = l.getBounds(), a = m.latLngToContainerPoint(b.getNorthWest()),
          z = m.latLngToContainerPoint(b.getSouthEast());
    shapes[id] = [cr.left + a.x, cr.top + a.y, cr.left + z.x, cr.top + z.y];
  });
  const names = Array.from(document.querySelectorAll('.atlas-label.prov > span'))
    .filter(s => s.checkVisibility({visibilityProperty: true}))
    .map(s => { const r = s.getBoundingClientRect(),
                      p = s.parentNode.getBoundingClientRect();
                return [s.textContent, r.left, r.top, r.right, r.bottom,
                        s.parentNode.classList.contains('pt'), p.left, p.top]; });
  return {names, shapes};
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (390, 844)])
def test_every_national_name_is_on_its_own_province(
    app_url: str, browser: object, size: tuple[int, int], lang: str
) -> None:
    # a name moved off a crowded spot must not land on a neighbour (重庆 on 湖北, Fujian
    # on Zhejiang): its box meets its province's box; a dotted name sits by its dot
    from dashboard.map.labels import province_label_text
    from geodata.boundaries import load_layer

    layer = load_layer("province", simplified=True)
    code_of = {province_label_text(str(n), lang): str(a)
               for n, a in zip(layer["name"], layer["adcode"], strict=True)}
    p = OfflinePage(browser, width=size[0], height=size[1])
    try:
        page = p.page
        page.goto(f"{app_url}/?lang={lang}")
        wait_for_map(page, min_features=100)
        frame = page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[attr-defined]
        # placed and shown (on a busy machine the placing pass can come late)
        frame.wait_for_function(
            "() => Array.from(document.querySelectorAll('.atlas-label.prov > span'))"
            ".filter(s => s.checkVisibility({visibilityProperty: true})).length >= 8",
            timeout=30_000)
        page.wait_for_timeout(1000)  # the placing pass settles
        got = frame.evaluate(_NAMES_AND_SHAPES)
        names, shapes = got["names"], got["shapes"]
        assert len(shapes) == 34 and names
        astray = []
        for text, left, top, right, bottom, dot, ax, ay in names:
            x0, y0, x1, y1 = shapes[code_of[text]]
            # on the shape's box or right beside it (4 px); a dot's shape may be a
            # pixel: the name beside the dot (8 px)
            g = 8 if dot else 4
            x0, y0, x1, y1 = min(x0, ax) - g, min(y0, ay) - g, max(x1, ax) + g, max(y1, ay) + g
            if not (left < x1 and right > x0 and top < y1 and bottom > y0):
                astray.append(text)
        assert not astray, astray
        assert not _overlaps(names)
        p.shot(f"browser-labels-own-{size[0]}-{lang}")
    finally:
        p.close()
