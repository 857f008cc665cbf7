"""Figures for the map: payload of the default national view against a naive
GeoDataFrame.explore(), first map visible against the smallest st_folium page (same run,
same machine, real Chromium, labels on), server time of a filter change, a filter change
visible in the browser (click to redrawn map), server memory after one full session over
every view (and with several sessions open). JSON out.

    .venv/bin/python -m bench.map_figures            (needs /usr/bin/chromium)
    .venv/bin/python -m bench.map_figures --sessions 20
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.app_server import SESSION_QUERIES, start_app, stop_app  # noqa: E402
from bench.browser import CHROMIUM, CHROMIUM_ARGS, OfflinePage, wait_for_map  # noqa: E402


def payload() -> dict[str, object]:
    from dashboard.filters import filtered_registry
    from dashboard.map.shared import render_args
    from dashboard.map.view import MapSpec, build_map
    from dashboard.state import ViewState
    from geodata.basics.attribution import attribution_line
    from geodata.boundaries.layers import load_layer
    from geodata.registry.pilots import resolved_registry

    pilots = filtered_registry(ViewState())
    m = build_map(
        pilots,
        load_layer("province", simplified=True),
        spec=MapSpec(attribution=attribution_line()),
    )
    # what st_folium hands the browser for this map: script, html and header (the app's
    # own derivation, checked against st_folium's in tests/dashboard/test_shared_map.py)
    sent = "".join(render_args(m)[k] for k in ("script", "html", "header"))
    full = resolved_registry(simplified=False)
    naive = full[full["pilot_id"].isin(pilots["pilot_id"])].explore()
    naive_html = naive.get_root().render()
    ours, theirs = len(sent.encode()), len(naive_html.encode())
    return {
        "pilots_on_default_view": len(pilots),
        "map_payload_bytes": ours,
        "naive_explore_bytes": theirs,
        "payload_ratio": round(ours / theirs, 3),
        "target_payload_bytes_max": 1_500_000,
        "payload_target_ratio_max": 0.2,
    }


# In every page, from navigation start: the first animation frame at which the map frame
# holds a drawn feature (clocked in the page, so the bench's own polling adds nothing).
_MAP_AT_JS = """(() => {
  if (window !== window.top) return;
  const poll = () => {
    const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
    let d = null;
    try { d = f && f.contentDocument; } catch (e) { d = null; }
    if (d && d.querySelector("path.leaflet-interactive")) {
      window.__mapAt = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();"""


def first_map(runs: int = 10) -> dict[str, object]:
    """Navigation start to the map drawn, the smallest st_folium page (floor) and the app
    in turns (each first in every other round), each in a fresh browser context (nothing
    cached), after one warm-up each.
    The ratio is of the medians; the paired ratio (each app load over the floor load of
    the same round, under the same machine load) is the steadier figure on a busy machine."""
    import os

    from playwright.sync_api import sync_playwright

    floor_proc, floor_url = start_app("bench/floor_app.py")
    app_proc, app_url = start_app()
    times: dict[str, list[float]] = {"floor": [], "app": []}
    outside: list[str] = []
    load = os.getloadavg()[0]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            pair = (("floor", floor_url), ("app", app_url))
            for i in range(runs + 1):  # the first round warms both servers
                # each goes first in every other round: whichever loads second finds the
                # machine's caches warmer, and the pairs must not favour one of them
                for name, url in pair if i % 2 else pair[::-1]:
                    p = OfflinePage(browser)
                    p.context.add_init_script(_MAP_AT_JS)
                    p.page.goto(url)
                    p.page.wait_for_function("() => window.__mapAt", polling=100,
                                             timeout=60_000)
                    if i:
                        times[name].append(float(p.page.evaluate("window.__mapAt")) / 1000)
                    outside += p.outside
                    p.close()
            browser.close()
        rss = _rss_mb(app_proc.pid)
    finally:
        stop_app(floor_proc)
        stop_app(app_proc)
    floor, app = statistics.median(times["floor"]), statistics.median(times["app"])
    paired = [a / f for a, f in zip(times["app"], times["floor"], strict=True)]
    return {
        "first_map_floor_s_median": round(floor, 3),
        "first_map_app_s_median": round(app, 3),
        "first_map_ratio": round(app / floor, 3),
        "first_map_paired_ratio_median": round(statistics.median(paired), 3),
        "first_map_target_ratio_max": 1.15,
        "first_map_runs": {k: [round(v, 3) for v in vs] for k, vs in times.items()},
        "load_average_1min": [round(load, 2), round(os.getloadavg()[0], 2)],
        "server_rss_mb": rss,
        "target_server_rss_mb_max": 400,
        "requests_leaving_machine": len(outside),
    }


def _rss_mb(pid: int) -> float:
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total = int(line.split()[1])
    return round(total / 1024, 1)


def filter_change(runs: int = 7) -> dict[str, object]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    samples = []
    for i in range(runs):
        at.query_params["batch"] = "3" if i % 2 == 0 else "1,2,3"
        t = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - t)
    assert not at.exception
    return {
        "filter_rerun_ms_median": round(statistics.median(samples) * 1000, 1),
        "filter_rerun_ms_runs": [round(s * 1000, 1) for s in samples],
        "filter_target_ms_max": 300,
    }


# In the page: the time of the next click (capture phase, before the app sees it) and
# the time the map frame next changes what it draws (a MutationObserver on its
# document), on one clock. The difference is what a person waits for.
_ARM_JS = """() => {
  const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const d = f.contentDocument;
  const count = () => d.querySelectorAll("path.leaflet-interactive").length;
  const before = count();
  window.__t = {};
  document.addEventListener("click", () => { window.__t.click = performance.now(); },
                            {capture: true, once: true});
  const obs = new MutationObserver(() => {
    const n = count();
    if (n > 0 && n !== before) { window.__t.drawn = performance.now(); obs.disconnect(); }
  });
  obs.observe(d.body, {childList: true, subtree: true});
}"""


def filter_visible(runs: int = 9) -> dict[str, object]:
    """Click a batch in the sidebar; time from the click to the changed map drawn in the
    browser (clocked in the page). Baseline in the same run: the smallest rerun the app
    has (the list toggle under the map), click to the end of the rerun."""
    from playwright.sync_api import sync_playwright

    proc, url = start_app()
    samples: list[float] = []
    baseline: list[float] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            p = OfflinePage(browser)
            page = p.page
            page.goto(url)
            wait_for_map(page, min_features=100)
            page.wait_for_timeout(1500)
            pill = page.get_by_role("button", name="第三批（2016）")
            toggle = page.get_by_text("试点列表")
            for _ in range(runs):
                page.evaluate(_ARM_JS)
                pill.click()
                page.wait_for_function("() => window.__t.drawn", polling="raf",
                                       timeout=30_000)
                t = page.evaluate("() => window.__t.drawn - window.__t.click")
                samples.append(float(t) / 1000)
                page.wait_for_timeout(800)
                page.evaluate("() => { window.__b = {}; document.addEventListener('click',"
                              " () => { window.__b.click = performance.now(); },"
                              " {capture: true, once: true}); }")
                toggle.click()
                page.wait_for_timeout(50)
                page.wait_for_function(
                    "() => !document.querySelector('[data-testid=stStatusWidget]')",
                    polling="raf", timeout=30_000)
                baseline.append(float(page.evaluate(
                    "() => performance.now() - window.__b.click")) / 1000)
                page.wait_for_timeout(800)
            p.close()
            browser.close()
    finally:
        stop_app(proc)
    return {
        "filter_visible_ms_median": round(statistics.median(samples) * 1000, 1),
        "filter_visible_ms_runs": [round(v * 1000, 1) for v in samples],
        "filter_visible_baseline_rerun_ms_median": round(statistics.median(baseline) * 1000, 1),
        "filter_visible_target_ms_max": 300,
    }




# The national view's meeting exports, by their buttons' catalogue keys.
EXPORT_BUTTONS = ("download_png", "download_svg", "download_pdf", "download_pptx",
                  "download_html")


def session_memory(sessions: int = 1) -> dict[str, object]:
    """Server RSS after one full session over every view, then after every meeting export
    as well, then with `sessions` pages open at once (each a session); the baseline is
    the RSS of the started server."""
    from playwright.sync_api import sync_playwright

    from dashboard.i18n import t

    proc, url = start_app()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            first = OfflinePage(browser)
            first.page.goto(url)
            wait_for_map(first.page)
            started = _rss_mb(proc.pid)
            for query in SESSION_QUERIES:
                first.page.goto(f"{url}/?{query}" if query else f"{url}/")
                first.page.wait_for_timeout(300)
                first.page.wait_for_function(
                    "() => document.querySelector('[data-testid=stStatusWidget]') === null "
                    "&& document.querySelector('[data-testid=stMain]') !== null",
                    polling=200, timeout=60_000)
                first.page.wait_for_timeout(1000)
            one = _rss_mb(proc.pid)
            # then every meeting export of the national view, as a presenter would
            first.open(url + "/", min_features=100)
            for key in EXPORT_BUTTONS:
                with first.page.expect_download(timeout=120_000):
                    first.page.get_by_role("link", name=t(key, "zh")).click()
            first.page.wait_for_timeout(1000)
            exported = _rss_mb(proc.pid)
            pages = [first]
            for _ in range(max(sessions - 1, 0)):
                p = OfflinePage(browser)
                p.page.goto(url + "/?province=湖南省")
                wait_for_map(p.page)
                pages.append(p)
            many = _rss_mb(proc.pid)
            for p in pages:
                p.close()
            browser.close()
    finally:
        stop_app(proc)
    return {
        "server_rss_mb_started": started,
        "server_rss_mb_after_full_session": one,
        "target_rss_mb_full_session_max": 300,
        "server_rss_mb_after_every_export_too": exported,
        "sessions_open": sessions,
        "server_rss_mb_with_sessions_open": many,
        "target_rss_mb_20_sessions_max": 1200,
    }


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=5, help="pages open at once for RSS")
    ap.add_argument("--only", default="", help="comma list: payload,rerun,first,visible,memory")
    args = ap.parse_args()
    parts = set(args.only.split(",")) if args.only else {"payload", "rerun", "first",
                                                          "visible", "memory"}
    out: dict[str, object] = {}
    if "payload" in parts:
        out.update(payload())
    if "rerun" in parts:
        out.update(filter_change())
    if CHROMIUM.exists():
        if "first" in parts:
            out.update(first_map())
        if "visible" in parts:
            out.update(filter_visible())
        if "memory" in parts:
            out.update(session_memory(args.sessions))
    else:
        out["browser_figures"] = f"skipped: no Chromium at {CHROMIUM}"
    print(json.dumps(out, ensure_ascii=False, indent=2))
