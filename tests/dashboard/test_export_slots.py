"""Meeting exports take turns (a room clicking "PDF" at once cannot take the server's
every thread), and what a big export frees goes back to the system."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from dashboard import memory, settings
from dashboard.export import buttons


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_no_more_exports_run_at_once_than_the_slots() -> None:
    active, peak, lock = [0], [0], threading.Lock()

    def make() -> bytes:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.15)
        with lock:
            active[0] -= 1
        return b"ok"

    results: list[bytes] = []
    threads = [threading.Thread(target=lambda: results.append(buttons.bounded(make)()))
               for _ in range(3 * settings.EXPORTS_AT_ONCE)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == [b"ok"] * len(threads)  # every click gets its file, in turn
    assert peak[0] == settings.EXPORTS_AT_ONCE


def test_a_click_that_waits_too_long_is_told_so(monkeypatch) -> None:
    monkeypatch.setattr(settings, "EXPORT_WAIT_S", 0.1)
    release = threading.Event()

    def slow() -> bytes:
        release.wait(5)
        return b"slow"

    holders = [threading.Thread(target=buttons.bounded(slow))
               for _ in range(settings.EXPORTS_AT_ONCE)]
    for th in holders:
        th.start()
    time.sleep(0.05)
    try:
        with pytest.raises(buttons.ExportsBusy, match="try again"):
            buttons.bounded(lambda: b"x")()
    finally:
        release.set()
        for th in holders:
            th.join()
    assert buttons.bounded(lambda: b"x")() == b"x"  # the slots are free again


def test_a_failed_export_frees_its_slot() -> None:
    def broken() -> bytes:
        raise ValueError("no")

    for _ in range(settings.EXPORTS_AT_ONCE + 1):
        with pytest.raises(ValueError):
            buttons.bounded(broken)()
    assert buttons.bounded(lambda: b"fine")() == b"fine"


@pytest.mark.skipif(memory._malloc_trim() is None, reason="no malloc_trim in this C library")
def test_freed_heap_goes_back_to_the_system() -> None:
    # 1 KB blocks come from malloc's heap (not pymalloc, not mmap); a block allocated after
    # them keeps the heap's top in use, so glibc cannot shrink it by itself
    blocks = [bytes(1024) + bytes([i % 256]) for i in range(120_000)]
    pin = bytes(2048)
    before = _rss_mb()
    del blocks
    memory.give_back()
    assert _rss_mb() < before - 60, "freed heap pages stayed with the process"
    assert pin
