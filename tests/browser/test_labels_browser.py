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
    from dashboard.map.anchors import ANCHORS

    names = _names(page, "prov", 34)
    assert not _overlaps(names), _overlaps(names)
    shown = {n[0] for n in names}
    # the SARs named, in full or in their short form (港 / HK) where room is short
    sars = [("香港", "澳门") if lang == "zh" else ("Hong Kong", "Macao"),
            tuple(getattr(ANCHORS[c], f"{lang}_short") for c in ("810000", "820000"))]
    assert all(full in shown or short in shown for full, short in zip(*sars, strict=True))
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


# Every shown province name: its text, whether it is a dotted one (香港, 澳门), its box's
# centre and its anchor as [lat, lng], and its box on screen.
_NAMES_PLACED = """() => {
  let m = null;
  for (const k of Object.keys(window)) { const v = window[k];
    if (v && window.L && v instanceof L.Map) { m = v; break; } }
  const cr = m.getContainer().getBoundingClientRect();
  const ll = (x, y) => { const p = m.containerPointToLatLng([x - cr.left, y - cr.top]);
                         return [p.lat, p.lng]; };
  const perPx = m.containerPointToLatLng([1, 0]).lng - m.containerPointToLatLng([0, 0]).lng;
  return Array.from(document.querySelectorAll('.atlas-label.prov > span'))
    .filter(s => s.checkVisibility({visibilityProperty: true}))
    .map(s => { const r = s.getBoundingClientRect(),
                      p = s.parentNode.getBoundingClientRect();
                return {text: s.textContent, dot: s.parentNode.classList.contains('pt'),
                        centre: ll(r.left + r.width / 2, r.top + r.height / 2),
                        anchor: ll(p.left, p.top), perPx,
                        box: [r.left, r.top, r.right, r.bottom]}; });
}"""


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080), (390, 844)])
def test_every_national_name_is_on_its_own_province(
    app_url: str, browser: object, size: tuple[int, int], lang: str
) -> None:
    """Each name the national map shows is on its own province: the middle of its text
    inside the province's outline (a name set where there is room could land on a
    neighbour: "Jiangxi" on Zhejiang, "Hong Kong" on Guangdong); a dotted name's dot is
    inside its province and the middle of its text over no other province."""
    import shapely

    from dashboard.map.anchors import ANCHORS
    from dashboard.map.labels import province_label_text
    from geodata.boundaries.layers import load_layer

    layer = load_layer("province", simplified=True)
    shape = {str(a): g for a, g in zip(layer["adcode"], layer.geometry, strict=True)}
    code_of = {province_label_text(str(n), lang): str(a)
               for n, a in zip(layer["name"], layer["adcode"], strict=True)}
    code_of |= {(x.en_short if lang == "en" else x.zh_short): a for a, x in ANCHORS.items()}

    def where(lat_lng: list[float]) -> set[str]:
        pt = shapely.Point(lat_lng[1], lat_lng[0])
        return {a for a, g in shape.items() if g.contains(pt)}

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
            timeout=60_000)
        page.wait_for_timeout(1000)  # the placing pass settles
        names = frame.evaluate(_NAMES_PLACED)
        astray = []
        for n in names:
            own = code_of[n["text"]]
            if n["dot"]:
                # the dot within two pixels of its tiny unit (澳门 is about one)
                dot = shapely.Point(n["anchor"][1], n["anchor"][0])
                wrong = (shape[own].distance(dot) > 2 * n["perPx"]
                         or bool(where(n["centre"]) - {own}))
            else:
                wrong = own not in where(n["centre"])
            if wrong:
                astray.append(n["text"])
        assert not astray, astray
        boxes = [[n["text"], *n["box"]] for n in names]
        assert not _overlaps(boxes)
        missing = set(shape) - {code_of[n["text"]] for n in names}
        # every name at a laptop's size and up; most of them where the map is small (at
        # 1024 px the explore map is ~480 px wide, China ~350 px of it)
        least = 34 if size[0] >= 1280 else 24 if size[0] >= 1024 else 18
        assert len(names) >= least, sorted(missing)
        p.shot(f"browser-labels-own-{size[0]}-{lang}")
    finally:
        p.close()
