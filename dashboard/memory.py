"""Giving freed memory back to the system.

glibc keeps what the process frees in its heap for reuse. After a large and rare piece of
work (a slide's PDF parses the 16 MB CJK font to subset it: ~60 MB, freed when it is done)
that memory would stay with the server for good; `malloc_trim` returns the free pages.
Only after work that is big and rare: a full garbage collection holds the GIL for ~0.1 s.
Trimming is a no-op where the C library has no such call."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


def give_back() -> None:
    """Free what big work left in reference cycles (a matplotlib figure and its canvas),
    then return the heap's free pages to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
