"""Start and stop a real `streamlit run` of the app on a free loopback port: shared by
the browser tests (tests/browser/conftest.py) and the benches. The app is started as it
is served (`dashboard/serve.py`: the page plus browser caching of its static files)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# One full session, as a person goes through the app: every view, a filter, a search, a
# drill-down, English. Both memory benches (bench.sessions over websockets,
# bench.map_figures in Chromium) walk these same queries.
SESSION_QUERIES = (
    "", "province=湖南省", "q=shunyi", "map=share", "mode=tallies",
    "mode=compare&compare=浙江省,河北省", "mode=lists", "mode=present&step=2",
    "lang=en", "lang=en&mode=tallies",
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(
    script: str = "dashboard/serve.py",
    *,
    env: dict[str, str] | None = None,
    options: dict[str, str] | None = None,
    timeout: float = 60,
    port: int | None = None,
) -> tuple[subprocess.Popen[bytes], str]:
    """(process, base URL) once the health endpoint answers; output goes to a pipe.
    `port`: a given one (a server restarted where its pages reconnect), else a free one."""
    port = port or free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]
    for k, v in (options or {}).items():
        cmd += [f"--{k}", v]
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.2)
        if proc.poll() is not None:
            break
    proc.kill()
    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
    raise RuntimeError(f"streamlit did not start:\n{out[-2000:]}")


def stop_app(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (Linux /proc)."""
    total = 0
    pids = [pid]
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(k) for k in kids]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc), in seconds."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
