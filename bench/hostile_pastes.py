"""Hostile pastes of issue 20 against a live `streamlit run`, through a real Chromium on
the My-lists page, while another session keeps opening the map (bench.hostile_uploads'
probe). Prints JSON.

    .venv/bin/python -m bench.hostile_pastes        (needs /usr/bin/chromium)

The paste of the issue is `安平县和` repeated (one item, 43 s of server CPU at 7.7 KB and
a RecursionError at 15 KB before); beside it the same units as many items (`安平县和安平县、`)
and every other separator a list is split at. Each at 1, 4, 16 and 64 KB: the time to the
answer on the page, the server's CPU seconds, and per item. In-process, the same texts
read by geodata.lists.published alone give the time and work per item without the page.

Goals: each answered in <= 2 s with no traceback, the server's RSS < 600 MB, the other
session's map in <= 1 s; time per item flat from 1 to 64 KB."""

from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Any

from bench.app_server import cpu_seconds
from bench.hostile_uploads import _idle, probed_page

SIZES_KB = (1, 4, 16, 64)
# the unit a paste repeats: the issue's, the same as many items, and the other separators
UNITS = {
    "conjunction_he": "安平县和",
    "conjunction_yiji": "安平县以及",
    "joined_items": "安平县和安平县、",
    "brackets": "石家庄市（鹿泉区、栾城区",
    "dashes": "安平县—",
    "counts": "安平县、深州市两县",
}


def text_of(unit: str, kb: int) -> str:
    return unit * max(1, kb * 1024 // len(unit.encode()))


def in_process() -> dict[str, Any]:
    """Time and work per item of geodata.lists.published alone (no page), per unit and size."""
    from geodata.geocode.geocoder import Geocoder
    from geodata.lists.items import items_of
    from geodata.lists.published import iter_geocode_lines
    from geodata.lists.reader import Reader

    gc = Geocoder()
    list(iter_geocode_lines(["安平县"], gc))  # warm: the town index opened
    out: dict[str, Any] = {}
    for label, unit in UNITS.items():
        rows = {}
        for kb in SIZES_KB:
            text = text_of(unit, kb)
            items = len(list(items_of([text], gc)))
            rd = Reader(gc)
            t0 = time.perf_counter()
            results = list(iter_geocode_lines([text], reader=rd))
            took = time.perf_counter() - t0
            rows[f"{kb}KB"] = {
                "items": items, "rows": len(results), "s": round(took, 4),
                "ms_per_item": round(1000 * took / items, 4),
                "steps_per_item": round(rd.spent / items, 2),
                "over_budget": sum(r.reason.endswith("over_budget") for r in results),
            }
        out[label] = rows
    return out


def _paste(page: Any, url: str, text: str, pid: int) -> dict[str, Any]:
    page.goto(f"{url}/?mode=lists")
    page.get_by_text("限制：文件不超过").first.wait_for(timeout=60_000)
    page.get_by_role("tab", name="粘贴文本").click()
    area = page.locator("textarea").first
    area.fill(text)
    area.blur()  # the text reaches the server before the click
    _idle(page)
    cpu0 = cpu_seconds(pid)
    t0 = time.perf_counter()
    page.get_by_role("button", name="定位名单").click()
    page.wait_for_function(
        "() => /无法读取名单：|核对：/.test(document.body.innerText)", timeout=120_000
    )
    took = time.perf_counter() - t0
    _idle(page)
    cpu = cpu_seconds(pid) - cpu0
    lines = page.evaluate("() => document.body.innerText").splitlines()
    answer = next(ln for ln in lines if "无法读取名单：" in ln or "核对：" in ln).strip()[:200]
    tb = page.locator('[data-testid="stException"]').count()
    reason = "条目过长或拆分方式过多" in "\n".join(lines)
    return {"answer": answer, "s": round(took, 3), "server_cpu_s": round(cpu, 3),
            "traceback_shown": tb > 0, "over_budget_reason_shown": reason}


def main() -> dict[str, Any]:
    from geodata.lists.items import items_of

    pastes: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as data, probed_page(data) as run:
        for label in ("conjunction_he", "joined_items"):
            for kb in SIZES_KB:
                text = text_of(UNITS[label], kb)
                items = len(list(items_of([text])))
                try:
                    got = _paste(run.page, run.url, text, run.pid)
                except Exception as exc:  # no answer on the page: recorded
                    got = {"error": str(exc).splitlines()[0][:200]}
                if "s" in got:
                    got["ms_per_item"] = round(1000 * got["s"] / items, 3)
                pastes[f"{label}_{kb}KB"] = {"bytes": len(text.encode()),
                                             "items": items, **got}
    probe, alive, log = run.probe, run.alive, run.log
    answered = [p for p in pastes.values() if "s" in p]
    return {
        "bench": "hostile_pastes",
        "load_average_before": round(os.getloadavg()[0], 2),
        "pastes": pastes,
        "in_process": in_process(),
        "all_answered_within_2s": len(answered) == len(pastes)
        and all(p["s"] <= 2.0 for p in answered),
        "no_traceback": not any(p.get("traceback_shown") for p in answered)
        and "Traceback" not in log,
        "server_alive": alive,
        "server_rss_mb_max": round(max(probe.rss or [0])),
        "other_session": {"runs": len(probe.other), "failed": probe.other_failed,
                          "max_time_to_map_s": round(max(probe.other or [0]), 3)},
        "goals": {"answer_s": 2.0, "rss_mb": 600, "other_session_s": 1.0},
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
