"""Parse an upload in a child process with a memory and CPU cap, so that one hostile or
merely heavy file cannot starve the server's other sessions or take it down.

The child is `python -m geodata.lists.isolated`: it sets its own rlimits, reads the file from
stdin, and answers one JSON line. A fresh interpreter (not a fork of the server, whose
threads and memory it would inherit) costs a few hundred milliseconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

from geodata.basics import settings
from geodata.basics.errors import InputError
from geodata.lists.inputs import WEB, Limits, ParsedInput, parse_bytes

MEMORY_MB = settings.CHILD_MEMORY_MB
CPU_SECONDS = settings.CHILD_CPU_SECONDS
WALL_SECONDS = settings.CHILD_WALL_SECONDS
SMALL_BYTES = settings.CHILD_SMALL_BYTES  # inflated size read in the server process itself


def parse_isolated(
    data: bytes,
    filename: str,
    *,
    limits: Limits = WEB,
    memory_mb: int = MEMORY_MB,
    cpu_seconds: int = CPU_SECONDS,
    wall_seconds: float = WALL_SECONDS,
) -> ParsedInput:
    """`parse_bytes` in a capped child; every failure is an InputError with one line."""
    if len(data) > limits.max_bytes or _small(data, filename):
        # refused before paying for a process, or too small to cost anything: a few
        # hundred KB of XML parse in milliseconds, and defusedxml guards them here too
        return parse_bytes(data, filename, limits=limits)
    head = json.dumps(
        {"filename": filename, "limits": asdict(limits), "mem": memory_mb, "cpu": cpu_seconds}
    ).encode()
    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "geodata.lists.isolated"],
            input=len(head).to_bytes(4, "big") + head + data,
            capture_output=True,
            timeout=wall_seconds,
            env=env,
            cwd=root,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise InputError.of("read_slow", n=f"{wall_seconds:.0f}") from None
    try:
        answer = json.loads(proc.stdout.decode("utf-8").strip().splitlines()[-1])
    except (ValueError, IndexError):
        if proc.returncode < 0 or b"MemoryError" in proc.stderr:
            raise InputError.of("read_costly") from None
        raise InputError.of("unreadable") from None
    if "error" in answer:
        code, params = answer["error"]
        raise InputError.of(str(code), **{str(k): _value(v) for k, v in dict(params).items()})
    return ParsedInput(str(answer["kind"]), [str(r) for r in answer["rows"]],
                       str(answer["encoding"]))


def _value(v: object) -> str | tuple[str, ...]:
    return tuple(str(x) for x in v) if isinstance(v, list) else str(v)


def _small(data: bytes, filename: str) -> bool:
    """An xlsx that inflates to at most SMALL_BYTES (from its zip directory)."""
    if not filename.lower().endswith(".xlsx"):
        return len(data) <= SMALL_BYTES
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return sum(i.file_size for i in zf.infolist()) <= SMALL_BYTES
    except (zipfile.BadZipFile, ValueError, OSError):
        return True  # parse_bytes says why in one line


def _child() -> None:
    import resource

    raw = sys.stdin.buffer.read()
    size = int.from_bytes(raw[:4], "big")
    head = json.loads(raw[4 : 4 + size])
    data = raw[4 + size :]
    mem = int(head["mem"]) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = int(head["cpu"])
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        parsed = parse_bytes(data, str(head["filename"]), limits=Limits(**head["limits"]))
        out: dict[str, object] = asdict(parsed)
    except InputError as exc:
        out = {"error": [exc.refusal.code, dict(exc.refusal.params)]}
    except MemoryError:
        out = {"error": ["read_costly", {}]}
    sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    _child()
