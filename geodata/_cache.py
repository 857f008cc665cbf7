"""Atomic on-disk cache files: prepared once per data version, read fast afterwards."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geodata.settings import cache_dir


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cached_json(name: str, build: Callable[[], Any]) -> Any:
    """Return the JSON cache `name`, building and storing it on first use."""
    path = cache_dir() / name
    try:
        with path.open("rb") as fh:
            return json.load(fh)
    except (FileNotFoundError, json.JSONDecodeError):
        pass
    value = build()
    atomic_write_bytes(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())
    return value
