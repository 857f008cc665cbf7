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
