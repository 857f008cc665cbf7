"""What a person reads and takes away agree, in a real Chromium against `streamlit run`:
the header's counts (each named: on the map, known, official) are the rows of the CSV
the page downloads; and a pilot only a saved list has, chosen from a link, is the pilot
the map fits to."""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.app_server import start_app, stop_app
from bench.browser import MAP_FRAME, OfflinePage, wait_for_map
from tests.browser.conftest import need_browser

pytestmark = pytest.mark.browser

# the header's counts table (a row a batch, the "on the map" column second), its total,
# and the CSV's batch column
ON_MAP = {"zh": r"(第一或第二批|第[一二三]批)\t(\d+)\t", "en": r"(Batch 1 or 2|Batch \d)\t(\d+)\t"}
HEAD = {"zh": "批次\t地图显示\t", "en": "Batch\tOn the map\t"}
TOTAL = {"zh": r"地图显示 (\d+) 个试点", "en": r"On the map: (\d+) pilots"}
CSV_BUTTON = {"zh": "CSV（UTF-8）", "en": "CSV (UTF-8)"}
BATCH_COLUMN = {"zh": "批次", "en": "batch"}


def _batch_key(value: str) -> str:
    """'第一批', 'Batch 1', '1' → '1'; the 1-or-2 group in any of its spellings → '1or2'."""
    if "或" in value or "or" in value:
        return "1or2"
    digits = re.findall(r"\d", value.translate(str.maketrans("一二三", "123")))
    return digits[0]


@pytest.mark.parametrize(("query", "lang"), [("", "zh"), ("?lang=en&province=湖南省", "en"),
                                             ("?status=official,reported,unconfirmed", "zh")])
def test_the_header_counts_are_the_rows_of_the_csv_it_downloads(
    app_url: str, browser: object, query: str, lang: str
) -> None:
    p = OfflinePage(browser, width=1440, height=900)
    try:
        page = p.page
        page.goto(app_url + "/" + query)
        wait_for_map(page)
        button = page.get_by_role("button", name=CSV_BUTTON[lang])
        button.wait_for(timeout=60_000)  # the page is complete (first paint)
        text = page.locator("[data-testid=stMain]").inner_text()
        assert HEAD[lang] in text, text[:600]
        total = int(re.search(TOTAL[lang], text).group(1))  # type: ignore[union-attr]
        shown = {_batch_key(b): int(n) for b, n in re.findall(ON_MAP[lang], text)}
        assert set(shown) == {"1", "2", "3", "1or2"}, text[:600]
        with page.expect_download(timeout=60_000) as dl:
            button.click()
        body = Path(dl.value.path()).read_bytes().decode("utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(body)))
        per = Counter(_batch_key(r[BATCH_COLUMN[lang]]) for r in rows)
        assert total == len(rows) > 0
        assert shown == {b: per.get(b, 0) for b in shown}, (shown, per)
        assert p.outside == []
    finally:
        p.close()


# the map's Leaflet bounds once it has come to rest
_BOUNDS = """() => {
  for (const k of Object.keys(window)) { const v = window[k];
    if (v && window.L && v instanceof L.Map) { const b = v.getBounds();
      return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; } }
  return null;
}"""


@pytest.fixture(scope="module")
def listed_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, tuple]]:
    """A server of its own whose store holds a batch-3 list adding 广州市 (which the
    shipped batch 3 lacks): (its URL, the `use` of the list, 广州's pilot id and bounds)."""
    need_browser()
    from geodata.registry.effective import effective, effective_frame
    from geodata.worklist import flow as listwork

    root = tmp_path_factory.mktemp("lists")
    before = os.environ.get("PILOT_ATLAS_DATA")
    os.environ["PILOT_ATLAS_DATA"] = str(root)
    try:
        work = listwork.new_work("核对", listwork.PASTED,
                                 listwork.read_paste("北京市顺义区\n广东省广州市"))
        saved = listwork.save(work, name="核对", as_batch=3, provenance="测试")
        use = f"{saved.list_id}:3:supplement"
        (added,) = [p for p in effective(use, root=root)[0] if p.list_mark == "from_list"]
        frame = effective_frame(use, root=root)
        geom = frame[frame["pilot_id"] == added.pilot_id].geometry.iloc[0]
    finally:
        if before is None:
            os.environ.pop("PILOT_ATLAS_DATA", None)
        else:
            os.environ["PILOT_ATLAS_DATA"] = before
    assert added.unit_name == "广州市"
    proc, url = start_app(env={"PILOT_ATLAS_DATA": str(root)})
    try:
        yield url, use, (added.pilot_id, geom.bounds)
    finally:
        stop_app(proc)


def test_a_pilot_a_saved_list_adds_is_the_one_the_map_fits_to(
    listed_app: tuple[str, str, tuple], browser: object
) -> None:
    url, use, (pid, (minx, miny, maxx, maxy)) = listed_app
    p = OfflinePage(browser, width=1280, height=800)
    try:
        page = p.page

        def bounds(query: str) -> list[float]:
            page.goto(f"{url}/?{query}")
            wait_for_map(page, min_features=50)
            page.wait_for_timeout(2500)  # fitted, and come to rest
            frame = page.locator(MAP_FRAME).first.element_handle().content_frame()  # type: ignore[union-attr]
            got = frame.evaluate(_BOUNDS)
            assert got is not None
            return [float(x) for x in got]

        s, w, n, e = bounds(f"use={use}&pilot={pid}")
        assert w <= minx and e >= maxx and s <= miny and n >= maxy, ((s, w, n, e), (
            minx, miny, maxx, maxy))
        assert e - w < 10, (s, w, n, e)  # fitted to 广州, not China (~60 degrees wide)
        page.get_by_text("广州市").first.wait_for(timeout=30_000)  # its details beside
        p.shot("browser-saved-list-pilot-fitted")
        # without the list in use the same pilot is not there: the map stays on China
        s, w, n, e = bounds(f"use=none&pilot={pid}")
        assert e - w > 40, (s, w, n, e)
        assert p.outside == [] and p.errors == []
    finally:
        p.close()
