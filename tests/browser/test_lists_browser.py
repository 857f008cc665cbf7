"""My lists in a real Chromium against `streamlit run`, offline: paste a list with a
hostile string, upload a GBK text file, see the audit and the map layer, and check that
no injected script ran (page and map iframe) and no request left the machine."""

from __future__ import annotations

import time

import pytest

from bench.browser import MAP_FRAME, OfflinePage, wait_for_map

pytestmark = pytest.mark.browser

# onerror would flip the flag in whichever frame the tag came alive in
INJECT = "{{ 7*7 }}<img src=x onerror=window.__xss=1>"
PASTED = "貴州省黔南州獨山縣、三都縣\n城区\n" + INJECT
GBK_TEXT = "浙江省苍南县龙港镇\n河北省安平县、\n山东省临沂经济技术开发区\n"
LIST_COLOUR = "#CC79A7"


def _commit(locator: object, text: str, *, key: str = "Enter") -> None:
    """Type into a text widget and commit it (Enter; Ctrl+Enter for a text area)."""
    locator.fill(text)  # type: ignore[attr-defined]
    locator.press(key)  # type: ignore[attr-defined]
    time.sleep(0.8)  # the widget's value reaches the server before the next click


def _wait_text(page: object, text: str, timeout_ms: int = 60_000) -> None:
    page.get_by_text(text).first.wait_for(timeout=timeout_ms)  # type: ignore[attr-defined]


def _flags(page: object) -> list[object]:
    """window.__xss in the page and every frame (0 = installed and untouched)."""
    out = []
    for frame in page.frames:  # type: ignore[attr-defined]
        try:
            out.append(frame.evaluate("window.__xss"))
        except Exception:  # a frame torn down while the app reran
            continue
    return out


def _cells(grid: object, wanted: str, timeout_s: float = 30) -> list[str]:
    """Texts of a data grid's cells (its hidden accessible table), once `wanted` is in."""
    deadline = time.monotonic() + timeout_s
    cells: list[str] = []
    while time.monotonic() < deadline:
        cells = grid.locator('td[role="gridcell"]').all_text_contents()  # type: ignore[attr-defined]
        if wanted in cells:
            break
        time.sleep(0.3)
    return cells


def _list_paths(page: object) -> int:
    frame = page.frame_locator(MAP_FRAME).first  # type: ignore[attr-defined]
    return frame.locator(f'path[stroke="{LIST_COLOUR}"]').count()


def _wait_list_paths(page: object, n: int, timeout_s: float = 60) -> int:
    deadline = time.monotonic() + timeout_s
    count = 0
    while time.monotonic() < deadline:
        try:
            count = _list_paths(page)
        except Exception:
            count = 0
        if count >= n:
            return count
        time.sleep(0.3)
    raise AssertionError(f"the list layer drew {count} areas, wanted {n}")


def test_paste_and_gbk_upload_audit_map_and_nothing_runs(
    app_url: str, offline_page: OfflinePage, browser: object
) -> None:
    page = offline_page.page
    page.add_init_script("window.__xss = 0;")
    page.goto(f"{app_url}/?mode=lists")
    _wait_text(page, "限制：文件不超过 5 MB，名单不超过 20,000 项")

    # paste: name and text both carry the injection
    _commit(page.get_by_label("名单名称"), INJECT)
    _commit(page.locator("textarea").first, PASTED, key="Control+Enter")
    page.get_by_role("button", name="定位名单").click()
    _wait_text(page, "核对：" + INJECT)  # the heading shows the name as text
    metrics = page.locator('[data-testid="stMetric"]')
    metrics.first.wait_for(timeout=60_000)
    values = dict(
        zip(
            [m.strip() for m in page.locator('[data-testid="stMetricLabel"]').all_inner_texts()],
            [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()],
            strict=False,
        )
    )
    assert {k: values[k] for k in ("条目", "已匹配", "有歧义", "未匹配")} == {
        "条目": "4",
        "已匹配": "2",
        "有歧义": "1",
        "未匹配": "1",
    }
    # the audit table lists every item (a canvas grid: read its accessible text)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=60_000)
    cells = _cells(grid, "未匹配")
    for item in ("貴州省黔南州獨山縣", "三都縣", "城区", INJECT, "有歧义", "未匹配"):
        assert item in cells, (item, cells[:40])
    assert "贵州省 黔南布依族苗族自治州 三都水族自治县" in cells
    assert grid.locator("img").count() == 0
    # the map: the list as its own layer, two county polygons in its colour
    wait_for_map(page, min_features=34)
    assert _wait_list_paths(page, 2) == 2
    frame = page.frame_locator(MAP_FRAME).first
    legend = frame.locator(".atlas-list-legend")
    assert INJECT in legend.inner_text()  # shown literally, braces and tag as text
    assert frame.locator(".atlas-list-legend img").count() == 0
    layers = frame.locator(".leaflet-control-layers-overlays").inner_text()
    assert INJECT in layers
    page.locator('[data-testid="stIFrame"], iframe').first.scroll_into_view_if_needed()
    time.sleep(1)
    offline_page.shot("lists-paste-map")
    grid.scroll_into_view_if_needed()
    time.sleep(0.5)
    offline_page.shot("lists-paste-audit")

    # upload a GBK-encoded text file
    page.get_by_role("tab", name="上传文件").click()
    page.locator('input[type="file"]').set_input_files(
        {"name": "名单-gbk.txt", "mimeType": "text/plain", "buffer": GBK_TEXT.encode("gbk")}
    )
    page.get_by_text("名单-gbk.txt").first.wait_for(timeout=30_000)
    page.get_by_role("button", name="定位文件中的名单").click()
    _wait_text(page, "来源：名单-gbk.txt；编码：gb18030")
    values = dict(
        zip(
            [m.strip() for m in page.locator('[data-testid="stMetricLabel"]').all_inner_texts()],
            [v.strip() for v in page.locator('[data-testid="stMetricValue"]').all_inner_texts()],
            strict=False,
        )
    )
    assert {k: values[k] for k in ("条目", "已匹配", "位置近似")} == {
        "条目": "3",
        "已匹配": "2",
        "位置近似": "1",
    }
    assert _wait_list_paths(page, 2) >= 2  # 龙港市 and 安平县 polygons (and the zone's dot)
    page.get_by_text("来源：名单-gbk.txt").first.scroll_into_view_if_needed()
    time.sleep(1)
    offline_page.shot("lists-gbk-upload")

    # completing batch 3: the difference is shown before anything is used
    combo = page.get_by_role("combobox", name="建议用于")
    combo.click()
    combo.fill("第三批")
    combo.press("Enter")
    _wait_text(page, "与内置名单中第三批的差异")
    assert page.get_by_role("button", name="保存名单").is_disabled()
    page.get_by_text("与内置名单中第三批的差异").scroll_into_view_if_needed()
    time.sleep(0.8)
    offline_page.shot("lists-batch-diff")

    # nothing injected ran anywhere; nothing left the machine
    flags = _flags(page)
    assert flags and all(f == 0 for f in flags), flags
    assert offline_page.outside == [], offline_page.outside
    assert offline_page.errors == [], offline_page.errors

    # another session does not see this one's unsaved list
    other = OfflinePage(browser)
    try:
        other.page.goto(f"{app_url}/?mode=lists")
        _wait_text(other.page, "限制：文件不超过 5 MB")
        time.sleep(1.5)
        assert other.page.get_by_text("核对：").count() == 0
        assert other.page.locator('[data-testid="stMetric"]').count() == 0
        assert other.outside == []
    finally:
        other.close()


def test_saved_list_survives_a_reload_and_is_deleted(
    app_url: str, offline_page: OfflinePage
) -> None:
    page = offline_page.page
    page.goto(f"{app_url}/?mode=lists")
    _wait_text(page, "限制：文件不超过 5 MB")
    name = f"browser-keep-{int(time.time())}"
    _commit(page.get_by_label("名单名称"), name)
    _commit(page.locator("textarea").first, "河北省安平县", key="Control+Enter")
    page.get_by_role("button", name="定位名单").click()
    _wait_text(page, "核对：" + name)
    page.get_by_role("button", name="保存名单").click()
    _wait_text(page, f"已保存名单“{name}”")
    page.reload()
    _wait_text(page, "已保存的名单")
    saved = page.locator('[data-testid="stDataFrame"]').first  # the only table now
    saved.wait_for(timeout=60_000)
    assert name in _cells(saved, name)
    assert page.get_by_text("核对：").count() == 0  # unsaved work did not come back
    offline_page.shot("lists-saved-after-reload")
    page.get_by_text("确认删除").click()
    page.get_by_role("button", name="删除名单").click()
    _wait_text(page, "已删除名单。")
    _wait_text(page, "还没有保存的名单")
    assert offline_page.outside == []
