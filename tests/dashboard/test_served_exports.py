"""The exports' own route (dashboard/export/served.py): a link names its view, a made file
is kept under the view's digest, made once however many ask at once, and dropped after
its time or past the byte budget."""

from __future__ import annotations

import threading
import time
from urllib.parse import parse_qsl, urlsplit

import pytest

from dashboard.export.served import Kept, key_of, url
from dashboard.state import from_query


def test_a_link_names_its_view_and_the_view_its_key() -> None:
    s = from_query({"province": "湖南省", "batch": "1,2", "lang": "en", "q": "长沙"})
    link = urlsplit(url(s, "pptx", "/atlas/"))
    assert link.path.startswith("/atlas/export/pptx/pilot-atlas-deck_")
    assert link.path.endswith(".pptx") and "Hunan" in link.path  # the view's file name
    again = from_query(dict(parse_qsl(link.query)))
    assert again == s and key_of("pptx", again) == key_of("pptx", s)
    assert key_of("pdf", s) != key_of("pptx", s) != key_of("pptx", from_query({}))


def test_many_asking_at_once_make_the_file_once() -> None:
    kept = Kept(keep_s=60, keep_bytes=1 << 20)
    made: list[int] = []

    def make() -> bytes:
        made.append(1)
        time.sleep(0.3)
        return b"deck"

    got: list[bytes] = []
    threads = [threading.Thread(target=lambda: got.append(kept.get("k", make)))
               for _ in range(10)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    assert got == [b"deck"] * 10 and len(made) == 1


def test_a_failed_making_is_tried_again_by_the_next() -> None:
    kept = Kept(keep_s=60, keep_bytes=1 << 20)

    def fail() -> bytes:
        raise RuntimeError("busy")

    with pytest.raises(RuntimeError):
        kept.get("k", fail)
    assert kept.get("k", lambda: b"ok") == b"ok"


def test_files_leave_after_their_time_and_past_the_budget() -> None:
    kept = Kept(keep_s=0.2, keep_bytes=10)
    kept.get("a", lambda: b"12345")
    kept.get("b", lambda: b"67890")
    assert kept.get("a", lambda: b"new") == b"12345"  # both within 10 bytes
    kept.get("c", lambda: b"xyz")  # 13 bytes: the oldest goes
    assert kept.get("a", lambda: b"again") == b"again"
    time.sleep(0.3)
    assert kept.get("c", lambda: b"later") == b"later"
