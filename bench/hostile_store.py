"""Hostile files in the saved-lists store (issue 20), against a live `streamlit run`
through a real Chromium, while another session keeps opening the map (the probe of
bench.hostile_uploads). Prints JSON.

    .venv/bin/python -m bench.hostile_store        (needs /usr/bin/chromium)

Each case puts one hostile entry beside a good saved list: 200,000 nested `[` as a
list.json or as index.json, a 400 MB list.json, list.json linked to /dev/zero, a FIFO,
a list folder linked to a folder outside the store. For each: the My-lists page's answer
(the damaged list named) and its time, a `use=` view naming the list, the store read
in-process (what the server does), then `pilot-atlas lists check --repair`, after which
the good list is still there and nothing is damaged.

Goals: each answered or healed in <= 2 s of server work, no traceback, the server's RSS
< 600 MB, the good list never lost, the other session's maps answered."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.app_server import ROOT
from bench.hostile_uploads import probed_page

GOOD = "list-good00"
BAD = "list-hostile"


def nested_json(path: Path) -> None:
    path.write_bytes(b"[" * 200_000)


def sparse_400mb(path: Path) -> None:
    with path.open("wb") as fh:  # sparse: 400 MB that take no disk
        fh.truncate(400 * 1024 * 1024)


def dev_zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def fifo(path: Path) -> None:
    os.mkfifo(path)


def _linked_folder(root: Path) -> None:
    from geodata.store.folders import Store

    outside = root.parent / "outside"
    Store(outside).save(_good(BAD))
    (root / BAD).symlink_to(outside / BAD)


def _good(list_id: str) -> Any:
    from geodata.lists.published import geocode_lines
    from geodata.store.record import new_list

    ul = new_list("好名单", "text", "pasted", ["河北省衡水市安平县、深州市"],
                  geocode_lines(["河北省衡水市安平县、深州市"]))
    ul.list_id = list_id
    return ul


def _list_file(make: Any) -> Any:
    def put(root: Path) -> None:
        (root / BAD).mkdir()
        make(root / BAD / "list.json")

    return put


def _index(root: Path) -> None:
    (root / "index.json").unlink(missing_ok=True)
    nested_json(root / "index.json")


CASES = {
    "nested_list_json": _list_file(nested_json),
    "nested_index_json": _index,
    "list_json_400MB": _list_file(sparse_400mb),
    "list_json_dev_zero": _list_file(dev_zero_link),
    "list_json_fifo": _list_file(fifo),
    "list_folder_linked_outside": _linked_folder,
}


def _in_process(root: Path) -> dict[str, Any]:
    """What the server does for the page, timed: the store read (summaries, scan)."""
    from geodata.store.folders import Store

    t0 = time.perf_counter()
    summaries, bad = Store(root).summaries()
    scan_good, _ = Store(root).scan()
    return {"s": round(time.perf_counter() - t0, 3), "damaged": [d.list_id for d in bad],
            "readable": [s.list_id for s in summaries], "scan_readable": len(scan_good)}


def _page(page: Any, url: str, query: str, needle: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    page.goto(f"{url}/?{query}", wait_until="domcontentloaded")
    try:
        page.wait_for_function(f"() => document.body.innerText.includes({json.dumps(needle)})",
                               timeout=120_000)
        found = True
    except Exception:
        found = False
    took = time.perf_counter() - t0
    tb = page.locator('[data-testid="stException"]').count()
    return {"answered": found, "s": round(took, 2), "traceback_shown": tb > 0}


def _repair(root: Path) -> dict[str, Any]:
    env = {**os.environ, "PILOT_ATLAS_DATA": str(root)}
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "pilot_atlas", "lists", "check", "--repair"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                       check=False)
    return {"exit": p.returncode, "s": round(time.perf_counter() - t0, 2),
            "lines": p.stdout.strip().splitlines()[:3],
            "internal_error": "internal error" in p.stdout + p.stderr}


def main() -> dict[str, Any]:
    from dashboard.i18n import t
    from geodata.store.folders import Store

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as empty:  # what starting the command costs alone
        cli_start = _repair(Path(empty))["s"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "store"
        with probed_page(str(root)) as run:
            page, url = run.page, run.url
            page.set_default_timeout(120_000)
            for label, put in CASES.items():
                Store(root).save(_good(GOOD))
                put(root)
                got: dict[str, Any] = {"server_work": _in_process(root)}
                damaged = label != "nested_index_json"  # a bad index is only rebuilt
                got["lists_page"] = _page(page, url, "mode=lists",
                                          "无法读取" if damaged else t("lists_saved", "zh"))
                got["use_view"] = _page(page, url, f"use={BAD}:2:supplement", "试点")
                got["repair"] = _repair(root)
                after = Store(root).scan()
                got["after_repair"] = {"readable": [u.list_id for u in after[0]],
                                       "damaged": [d.list_id for d in after[1]]}
                got["good_list_kept"] = GOOD in got["after_repair"]["readable"]
                results[label] = got
                for d in [*root.glob("list-*"), root / "index.json"]:  # next case afresh
                    if d.is_symlink() or d.is_file():
                        d.unlink()
                    elif d.is_dir():
                        shutil.rmtree(d)
        probe, alive, log = run.probe, run.alive, run.log
    return {
        "bench": "hostile_store",
        "load_average_before": round(os.getloadavg()[0], 2),
        "cases": results,
        "server_work_within_2s": all(r["server_work"]["s"] <= 2 for r in results.values()),
        "repair_ok": all(r["repair"]["exit"] == 0 and not r["repair"]["internal_error"]
                         for r in results.values()),
        # `lists check --repair` on an empty store: the process start in the repair times
        "cli_start_s": cli_start,
        "all_answered": all(r["lists_page"]["answered"] for r in results.values()),
        "nothing_lost": all(r["good_list_kept"] for r in results.values()),
        "no_traceback": "Traceback" not in log and not any(
            r["lists_page"]["traceback_shown"] or r["use_view"]["traceback_shown"]
            for r in results.values()),
        "server_alive": alive,
        "server_rss_mb_max": round(max(probe.rss or [0])),
        "other_session": {"runs": len(probe.other), "failed": probe.other_failed,
                          "max_time_to_map_s": round(max(probe.other or [0]), 3)},
        "goals": {"server_work_s": 2.0, "rss_mb": 600},
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
