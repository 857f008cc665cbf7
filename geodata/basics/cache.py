"""Atomic on-disk cache files: prepared once per data version, read fast afterwards."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from geodata.basics.atomic import atomic_write_bytes
from geodata.basics.settings import cache_dir


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
