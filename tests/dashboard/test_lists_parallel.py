"""My lists from many threads at once: sessions share the geocoder and boundary layers,
and each gets its own answer, equal to the serial one."""

from __future__ import annotations

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.lists import session as lists_session
from dashboard.map.list_layer import add_list_layer
from dashboard.map.view import build_map
from geodata.boundaries.layers import load_layer
from geodata.worklist import flow as listwork
from tests.dashboard.apptest import run_app
from tests.dashboard.test_lists_view import paste


@pytest.fixture(autouse=True)
def own_data_folder(tmp_path, monkeypatch):
    """Each test keeps its saved lists in its own folder (none leak into other tests)."""
    monkeypatch.setenv("PILOT_ATLAS_DATA", str(tmp_path / "data"))
    return tmp_path / "data"


# --- sessions never see each other's unsaved lists -------------------------------------------

PROVINCE_LISTS = [
    "河北省安平县",
    "北京市顺义区",
    "浙江省苍南县龙港镇",
    "贵州省黔南州独山县、三都县",
    "山东省临沂经济技术开发区",
    "江苏省",
    "安徽省",
    "吉林省延边州",
    "广西自治区横县",
    "陕西省神木县",
    "河南省长垣县",
    "湖南省祁阳县",
    "福建省长泰县",
    "河北省滦县",
    "广东省深圳市光明新区",
    "新疆生产建设兵团五家渠市",
    "内蒙古鄂伦春旗",
    "海南省保亭县",
    "吉林省乾安縣",
    "山西省晋城市城区",
]


def warm() -> None:
    """Build what every session shares (gazetteer, boundaries, registry) once, first: the
    latency measured is a session's, not the first server start's."""
    paste(run_app(mode="lists"), "河北省安平县")


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def test_twenty_lists_resolved_and_mapped_from_parallel_threads():
    """20 threads at once read, resolve and map 20 lists through the page's functions,
    sharing the one geocoder and boundary layers: each result equals its serial answer.
    (Each thread has its own dict here, so this is about shared geocoding state only;
    real sessions against one server, which could cross-talk, are tested in
    tests/browser/test_sessions_browser.py and measured in bench/sessions.py.)"""
    from geodata.registry.pilots import resolved_registry

    warm()
    none = resolved_registry(simplified=True).iloc[0:0]
    provinces = load_layer("province", simplified=True)
    barrier = threading.Barrier(len(PROVINCE_LISTS))

    def session(i: int) -> tuple[int, dict[str, object], str, float]:
        text = PROVINCE_LISTS[i]
        mine: dict[str, object] = {}  # this session's st.session_state
        barrier.wait()
        start = time.perf_counter()
        assert lists_session.load_into(mine, name=f"session-{i:02d}-end", text=text)
        work = mine[lists_session.WORK]
        m = build_map(none, provinces,
                      more=lambda m: add_list_layer(m, work.rows, name=work.name))
        html = m.get_root().render()
        return i, mine, html, time.perf_counter() - start

    with ThreadPoolExecutor(len(PROVINCE_LISTS)) as pool:
        results = list(pool.map(session, range(len(PROVINCE_LISTS))))
    for i, mine, html, _ in results:
        work = mine[lists_session.WORK]
        assert work.name == f"session-{i:02d}-end"
        assert [r["input"] for r in work.rows] == PROVINCE_LISTS[i].split("、")
        assert work.rows == tuple(listwork.resolve(listwork.read_paste(PROVINCE_LISTS[i])))
        others = [f"session-{j:02d}-end" for j in range(len(PROVINCE_LISTS)) if j != i]
        assert f"session-{i:02d}-end" in html and not any(o in html for o in others)
    assert len({id(mine[lists_session.WORK]) for _, mine, _, _ in results}) == len(results)
    times = [took for *_, took in results]
    print(
        f"\n20 parallel sessions (read + resolve + map page): median "
        f"{statistics.median(times):.3f}s, p95 {p95(times):.3f}s, max {max(times):.3f}s"
    )


def test_resolve_in_parallel_threads():
    texts = [f"{p}\n河北省安平县" for p in PROVINCE_LISTS] * 5  # 100 calls, 20 threads
    warm()

    def one(text: str) -> tuple[str, list[dict[str, object]], float]:
        start = time.perf_counter()
        rows = listwork.resolve(listwork.read_paste(text))
        return text, rows, time.perf_counter() - start

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(one, texts))
    serial = {t: listwork.resolve(listwork.read_paste(t)) for t in set(texts)}
    for text, rows, _ in results:
        assert rows == serial[text]
    times = [took for *_, took in results]
    print(f"\nresolve() from 20 threads, 100 lists: p95 {p95(times) * 1000:.1f} ms")
