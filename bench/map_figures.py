"""Figures for the map: payload of the default national view against a naive
GeoDataFrame.explore(), first map visible against the smallest st_folium page (same run,
same machine, real Chromium), server time of a filter change, server memory. JSON out.

    .venv/bin/python -m bench.map_figures            (needs /usr/bin/chromium)
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    OfflinePage,
    start_app,
    stop_app,
    wait_for_map,
)


def payload() -> dict[str, object]:
    import streamlit_folium as sf

    from dashboard.filters import filtered_registry
    from dashboard.map_view import MapSpec, build_map
    from dashboard.state import ViewState
    from geodata.attribution import attribution_line
    from geodata.boundaries import load_layer
    from geodata.registry import resolved_registry

    pilots = filtered_registry(ViewState())
    m = build_map(
        pilots,
        load_layer("province", simplified=True),
        spec=MapSpec(attribution=attribution_line()),
    )
    m.get_root().render()
    # what st_folium hands the browser for this map: script, html and header
    sent = sf._get_map_string(m) + sf._get_html(m) + sf._get_header(m)
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


def first_map(runs: int = 5) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    floor_proc, floor_url = start_app("bench/floor_app.py")
    app_proc, app_url = start_app()
    times: dict[str, list[float]] = {"floor": [], "app": []}
    outside: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for url in (floor_url, app_url):  # warm both servers
                p = OfflinePage(browser)
                p.page.goto(url)
                wait_for_map(p.page)
                p.close()
            for _ in range(runs):
                for name, url in (("floor", floor_url), ("app", app_url)):
                    p = OfflinePage(browser)
                    t = time.perf_counter()
                    p.page.goto(url)
                    wait_for_map(p.page)
                    times[name].append(time.perf_counter() - t)
                    outside += p.outside
                    p.close()
            browser.close()
        rss = _rss_mb(app_proc.pid)
    finally:
        stop_app(floor_proc)
        stop_app(app_proc)
    floor, app = statistics.median(times["floor"]), statistics.median(times["app"])
    return {
        "first_map_floor_s_median": round(floor, 3),
        "first_map_app_s_median": round(app, 3),
        "first_map_ratio": round(app / floor, 3),
        "first_map_target_ratio_max": 1.3,
        "first_map_runs": {k: [round(v, 3) for v in vs] for k, vs in times.items()},
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


if __name__ == "__main__":
    out: dict[str, object] = {}
    out.update(payload())
    out.update(filter_change())
    if CHROMIUM.exists():
        out.update(first_map())
    else:
        out["first_map"] = f"skipped: no Chromium at {CHROMIUM}"
    print(json.dumps(out, ensure_ascii=False, indent=2))
