"""A busy meeting against one real `streamlit run`: N websocket sessions (bench/st_session.py,
Streamlit's own protocol, no browser) open the default map at once; then M sessions each
paste and resolve a different list at once, and each must see only its own. Before that,
on the fresh server, the server's memory after one full session over every view and with
20 sessions open. Prints JSON; `--runs 3` repeats it on fresh servers and adds medians.

    .venv/bin/python -m bench.sessions [--open 50] [--lists 20] [--runs 1]

Time to map: from a session's connect to its map element (the st_folium component with
the whole map HTML) arriving, decoded, at the client. Goals (issue 11): opening, p95 <= 3 s
and no failure; lists, p95 <= 5 s and no cross-talk; memory (issue 10's) <= 300 MB after a
full session, <= 1.2 GB with 20 sessions open."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from typing import Any

from bench.app_server import SESSION_QUERIES, cpu_seconds, rss_mb, start_app, stop_app
from bench.st_session import Session, text_state, trigger_state

# Real county-level units, one per list: each session's list names a different one.
COUNTIES = [
    "河北省安平县", "北京市顺义区", "浙江省开化县", "贵州省独山县", "吉林省珲春市",
    "江西省樟树市", "山东省青州市", "河南省禹州市", "湖北省仙桃市", "湖南省浏阳市",
    "广东省东莞市", "四川省泸县", "云南省大理市", "陕西省神木市", "甘肃省敦煌市",
    "青海省格尔木市", "宁夏回族自治区吴忠市", "福建省晋江市", "安徽省宣城市", "辽宁省海城市",
]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return round(s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))], 3)


async def _open(url: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    try:
        async with Session(url) as s:
            run = await s.run(timeout=120)
        at = run.map_at
        return {
            "ok": at is not None and not run.exceptions,
            # the map's arrival (clocked when it came in) less the connect's start
            "map_s": None if at is None else run.started + at - t0,
            "error": "; ".join(run.exceptions)[:200],
        }
    except Exception as exc:  # a failed session is a result, not a crash of the bench
        return {"ok": False, "map_s": None, "error": f"{type(exc).__name__}: {exc}"[:200]}


async def _list(url: str, i: int) -> dict[str, Any]:
    name, county = f"bench-list-{i:02d}", COUNTIES[i % len(COUNTIES)]
    t0 = time.perf_counter()
    try:
        async with Session(url, "mode=lists") as s:
            page = await s.run(timeout=120)
            text_id, go_id, name_id = (page.widget_id(k) for k in
                                       ("lists_text", "lists_go_text", "lists_name"))
            if not (text_id and go_id and name_id):
                return {"ok": False, "s": None, "error": "list widgets not found"}
            done = await s.run(
                [text_state(name_id, name), text_state(text_id, county), trigger_state(go_id)],
                timeout=120,
            )
        took = time.perf_counter() - t0
        raw = bytes(done.raw)
        mine = name.encode() in raw and county.encode() in raw
        others = [
            j for j in range(len(COUNTIES))
            if j != i % len(COUNTIES) and f"bench-list-{j:02d}".encode() in raw
        ]
        return {
            "ok": mine and not done.exceptions,
            "s": took,
            "sees_own": mine,
            "sees_others": others,
            "error": "; ".join(done.exceptions)[:200],
        }
    except Exception as exc:
        return {"ok": False, "s": None, "error": f"{type(exc).__name__}: {exc}"[:200]}


async def _all(coros: list[Any]) -> list[dict[str, Any]]:
    return list(await asyncio.gather(*coros))


async def _full_session(url: str) -> list[str]:
    """Every view once, one page load (session) each; the errors any of them showed."""
    errors = []
    for query in SESSION_QUERIES:
        async with Session(url, query) as s:
            run = await s.run(timeout=120)
        errors += [f"{query}: {e}"[:200] for e in run.exceptions]
    return errors


async def _held_open(url: str, n: int, pid: int) -> tuple[float, int]:
    """RSS with `n` sessions connected at once, each on a view of the full session; and
    how many of them failed."""
    sessions = [Session(url, SESSION_QUERIES[i % len(SESSION_QUERIES)]) for i in range(n)]
    failed = 0
    try:
        for s in sessions:
            await s.__aenter__()
        runs = await asyncio.gather(*(s.run(timeout=120) for s in sessions),
                                    return_exceptions=True)
        failed = sum(1 for r in runs if isinstance(r, BaseException) or r.exceptions)
        await asyncio.sleep(1)
        return rss_mb(pid), failed
    finally:
        for s in sessions:
            await s.__aexit__()


def memory(url: str, pid: int, n_open: int = 20) -> dict[str, Any]:
    started = rss_mb(pid)
    errors = asyncio.run(_full_session(url))
    time.sleep(1)
    full = rss_mb(pid)
    held, failed = asyncio.run(_held_open(url, n_open, pid))
    return {
        "started": round(started),
        "after_full_session": round(full),
        "goal_full_session_max": 300,
        "sessions_open": n_open,
        "with_sessions_open": round(held),
        "goal_sessions_open_max": 1200,
        "failed": failed + len(errors),
        "errors": errors[:5],
        "met": full <= 300 and held <= 1200 and not failed and not errors,
    }


def main(n_open: int = 50, n_lists: int = 20, *, compression: bool = True) -> dict[str, Any]:
    load0 = os.getloadavg()[0]
    options = {"server.enableWebsocketCompression": str(compression).lower()}
    with tempfile.TemporaryDirectory() as data:
        proc, url = start_app(env={"PILOT_ATLAS_DATA": data}, options=options)
        try:
            mem = memory(url, proc.pid)  # a fresh server: its first sessions
            warm = asyncio.run(_open(url))  # loaded by now; one more for good measure
            load_open = os.getloadavg()[0]
            t0, c0 = time.perf_counter(), cpu_seconds(proc.pid)
            opened = asyncio.run(_all([_open(url) for _ in range(n_open)]))
            open_wall, open_cpu = time.perf_counter() - t0, cpu_seconds(proc.pid) - c0
            rss_open = rss_mb(proc.pid)
            asyncio.run(_list(url, 0))  # warm the geocoder
            c0 = cpu_seconds(proc.pid)
            lists = asyncio.run(_all([_list(url, i) for i in range(n_lists)]))
            lists_cpu = cpu_seconds(proc.pid) - c0
            rss_lists = rss_mb(proc.pid)
        finally:
            stop_app(proc)
    maps = [r["map_s"] for r in opened if r["ok"]]
    took = [r["s"] for r in lists if r["ok"]]
    result = {
        "bench": "sessions",
        "cpus": os.cpu_count(),
        "websocket_compression": compression,
        # other work on the machine (1-minute load average; 2 cores) at the start
        "load_average_before": round(load0, 2),
        "load_average_before_open": round(load_open, 2),
        "memory_rss_mb": mem,
        "warm_map_s": None if warm["map_s"] is None else round(warm["map_s"], 3),
        "open": {
            "sessions": n_open,
            "failed": sum(1 for r in opened if not r["ok"]),
            "errors": sorted({r["error"] for r in opened if r["error"]})[:5],
            "time_to_map_s": {
                "p50": pct(maps, 50), "p95": pct(maps, 95), "max": pct(maps, 100),
                "mean": round(statistics.fmean(maps), 3) if maps else None,
            },
            "wall_s": round(open_wall, 3),
            # server CPU per session: what the machine's load does not change
            "server_cpu_s_per_session": round(open_cpu / max(n_open, 1), 3),
            "goal_p95_s": 3.0,
            "met": len(maps) == n_open and pct(maps, 95) <= 3.0,
        },
        "lists": {
            "sessions": n_lists,
            "failed": sum(1 for r in lists if not r["ok"]),
            "cross_talk": sum(1 for r in lists if r.get("sees_others")),
            "errors": sorted({r["error"] for r in lists if r["error"]})[:5],
            "time_s": {"p50": pct(took, 50), "p95": pct(took, 95), "max": pct(took, 100)},
            "server_cpu_s_per_session": round(lists_cpu / max(n_lists, 1), 3),
            "goal_p95_s": 5.0,
            "met": len(took) == n_lists and pct(took, 95) <= 5.0
            and not any(r.get("sees_others") for r in lists),
        },
        "server_rss_mb": {"after_open": round(rss_open), "after_lists": round(rss_lists)},
    }
    return result


def medians(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of several runs (fresh servers), their medians beside them."""
    def col(get: Any) -> dict[str, Any]:
        values = [get(r) for r in results]
        return {"runs": values, "median": statistics.median(values)}

    return {
        "load_average_before_open": col(lambda r: r["load_average_before_open"]),
        "open_p95_s": col(lambda r: r["open"]["time_to_map_s"]["p95"]),
        "open_p50_s": col(lambda r: r["open"]["time_to_map_s"]["p50"]),
        "open_failed": col(lambda r: r["open"]["failed"]),
        "open_server_cpu_s_per_session": col(lambda r: r["open"]["server_cpu_s_per_session"]),
        "lists_p95_s": col(lambda r: r["lists"]["time_s"]["p95"]),
        "lists_failed": col(lambda r: r["lists"]["failed"]),
        "lists_cross_talk": col(lambda r: r["lists"]["cross_talk"]),
        "rss_mb_after_full_session": col(lambda r: r["memory_rss_mb"]["after_full_session"]),
        "rss_mb_with_20_open": col(lambda r: r["memory_rss_mb"]["with_sessions_open"]),
    }


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--open", type=int, default=50)
    ap.add_argument("--lists", type=int, default=20)
    ap.add_argument("--runs", type=int, default=1, help="fresh servers, one after another")
    ap.add_argument("--no-compression", action="store_true", help="for comparison only")
    a = ap.parse_args()
    runs = [main(a.open, a.lists, compression=not a.no_compression) for _ in range(a.runs)]
    out: dict[str, Any] = runs[0] if a.runs == 1 else {"runs": runs, "medians": medians(runs)}
    print(json.dumps(out, ensure_ascii=False, indent=2))
