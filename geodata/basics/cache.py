"""Atomic on-disk cache files: prepared once per data version, read fast afterwards."""

from __future__ import annotations

import gc
import json
import pickle
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while a bulk of objects without cycles is made (an index
    read back): it would otherwise run dozens of times over them for nothing."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def cached_pickle(name: str, build: Callable[[], Any]) -> Any:
    """Return the pickled cache `name`, building and storing it on first use: for an
    index of plain values (tuples, dicts, sets, strings), which pickle reads back several
    times faster than JSON plus the work of building it. The file is this machine's own,
    written by this code (pickle reads only trusted files), and named for the Python it
    was written by."""
    path = cache_dir() / f"{name}-py{sys.version_info[0]}{sys.version_info[1]}.pickle"
    try:
        with path.open("rb") as fh, collector_paused():
            return pickle.load(fh)
    except (FileNotFoundError, EOFError, pickle.UnpicklingError):
        pass
    value = build()
    atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value
