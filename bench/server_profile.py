"""Where a page load's server CPU goes: a real `streamlit run` (bench/profiled_server.py)
under cProfile, N websocket sessions opening the default map one after another. Prints
JSON: CPU per session (whole process, and the event loop's thread, which sends the
messages and compresses them), and the functions that take most of it, in the script
runs and in the event loop, in ms per session (cProfile roughly doubles the times).

    .venv/bin/python -m bench.server_profile [--sessions 20] [--top 25] [--query mode=lists]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import pstats
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.app_server import ROOT, cpu_seconds, free_port
from bench.st_session import Session


def _thread_cpu(pid: int, tid: int) -> float:
    fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _session(url: str, query: str) -> None:
    async with Session(url, query) as s:
        await s.run(timeout=120)


def _top(path: str, key: str, n: int, sessions: int) -> list[dict[str, Any]]:
    stats = pstats.Stats(path)
    rows = []
    for (file, line, func), (_, calls, tottime, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        where = file.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        rows.append({"function": f"{where}:{line}({func})", "calls": calls,
                     "own_ms": round(tottime * 1000 / sessions, 2),
                     "cumulative_ms": round(cumtime * 1000 / sessions, 2)})
    rows.sort(key=lambda r: -r[key])
    return rows[:n]


def main(sessions: int = 20, top: int = 25, query: str = "") -> dict[str, Any]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "profile")
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.profiled_server", "run", "dashboard/serve.py",
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1"],
            cwd=ROOT, env={**os.environ, "PROFILE_OUT": out, "PILOT_ATLAS_DATA": tmp},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.2)
            asyncio.run(_session(url, query))  # loads the data; not profiled
            proc.send_signal(signal.SIGUSR2)
            time.sleep(0.5)
            c0, l0 = cpu_seconds(proc.pid), _thread_cpu(proc.pid, proc.pid)
            for _ in range(sessions):
                asyncio.run(_session(url, query))
            cpu = cpu_seconds(proc.pid) - c0
            loop = _thread_cpu(proc.pid, proc.pid) - l0
            proc.send_signal(signal.SIGUSR1)
            proc.wait(120)
        finally:
            if proc.poll() is None:
                proc.kill()
        return {
            "bench": "server_profile",
            "query": query,
            "sessions": sessions,
            "load_average": round(os.getloadavg()[0], 2),
            "profiled_cpu_ms_per_session": round(cpu * 1000 / sessions, 1),
            "event_loop_thread_ms_per_session": round(loop * 1000 / sessions, 1),
            "script_runs_cumulative": _top(out + ".runs", "cumulative_ms", top, sessions),
            "script_runs_own": _top(out + ".runs", "own_ms", top, sessions),
            "event_loop_own": _top(out + ".loop", "own_ms", top, sessions),
        }


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=20)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--query", default="", help="the page's query string, e.g. mode=lists")
    a = ap.parse_args()
    print(json.dumps(main(a.sessions, a.top, a.query), ensure_ascii=False, indent=1))
