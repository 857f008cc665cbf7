"""`pilot-atlas geocode` on large and hostile inputs (issue 20). Prints JSON.

    .venv/bin/python -m bench.cli_inputs [--sizes 1,5,10]

Text lists of real county names (ten an item line) at each size in MB, geocoded by the
command as a person runs it: its peak memory (the process's own max RSS, from wait4),
time and rows, so memory can be seen to stay flat as rows are written while resolved
(goal: <= 400 MB at any size the default --max-bytes lets in). Then an .xlsx that
unpacks to 230 MB (tiny packed): refused from its zip directory (goal: <= 2 s), and read
past that check once --max-bytes raises the cap."""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from bench.app_server import ROOT


def _list_text(mb: int) -> bytes:
    from geodata.geocode.gazetteer import gazetteer

    names = sorted(u.name for u in gazetteer().units if u.level == "county" and u.current)
    rng = random.Random(20)
    lines, size = [], 0
    while size < mb * 1024 * 1024:
        line = "、".join(rng.choice(names) for _ in range(10)) + "\n"
        lines.append(line)
        size += len(line.encode())
    return "".join(lines).encode()


def _hwm_mb(pid: int) -> float:
    """The process's own peak RSS so far (VmHWM; getrusage's would count this bench's
    memory at the fork)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _run(*args: str) -> dict[str, Any]:
    """The command as a person runs it: exit code, seconds, its own peak RSS in MB."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "pilot_atlas", *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0.0
    while True:  # VmHWM only grows: the last reading before the exit is the peak
        peak = max(peak, _hwm_mb(proc.pid))
        reaped, status = os.waitpid(proc.pid, os.WNOHANG)
        if reaped:
            break
        time.sleep(0.05)
    took = time.perf_counter() - t0
    err = ""
    if proc.stderr:
        err = proc.stderr.read().decode(errors="replace").strip()
        proc.stderr.close()
    return {"exit": os.waitstatus_to_exitcode(status), "s": round(took, 2),
            "peak_rss_mb": round(peak), "stderr": err[:160]}


def _unpacking_xlsx(mb: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        for i in range(mb):  # 1 MB parts: each below the compression-ratio check
            z.writestr(f"xl/worksheets/sheet{i}.xml", b"\0" * (1 << 20))
    return buf.getvalue()


def main(sizes: list[int]) -> dict[str, Any]:
    from geodata.basics import settings
    from geodata.basics.errors import InputError
    from geodata.lists.inputs import Limits, parse_bytes

    out: dict[str, Any] = {"bench": "cli_inputs",
                           "load_average_before": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory() as tmp:
        lists = {}
        for mb in sizes:
            src = Path(tmp) / f"list{mb}.txt"
            src.write_bytes(_list_text(mb))
            got = _run("geocode", str(src), "-o", str(Path(tmp) / f"out{mb}.csv"))
            rows = sum(1 for _ in (Path(tmp) / f"out{mb}.csv").open(encoding="utf-8-sig")) - 1
            lists[f"{mb}MB"] = {**got, "rows": rows,
                                "ms_per_row": round(1000 * got["s"] / max(rows, 1), 3)}
            (Path(tmp) / f"out{mb}.csv").unlink()
        out["text_lists"] = lists
        book = _unpacking_xlsx(230)
        path = Path(tmp) / "unpacks.xlsx"
        path.write_bytes(book)
        t0 = time.perf_counter()
        try:
            parse_bytes(book, "unpacks.xlsx", limits=Limits.for_size(
                settings.CLI_DEFAULT_MAX_BYTES))
            refusal = ""
        except InputError as exc:
            refusal = str(exc)
        in_process = time.perf_counter() - t0
        out["xlsx_unpacking_230MB"] = {
            "packed_bytes": len(book),
            "refused_in_process_s": round(in_process, 4),
            "refusal": refusal,
            "command": _run("geocode", str(path)),
            "command_with_max_bytes_300MB": _run("geocode", str(path), "--max-bytes",
                                                 str(300 << 20)),
        }
    out["goals"] = {"peak_rss_mb": 400, "xlsx_refused_s": 2.0}
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,5,10", help="list sizes in MB, comma-separated")
    a = ap.parse_args()
    print(json.dumps(main([int(x) for x in a.sizes.split(",")]), ensure_ascii=False,
                     indent=2))
