"""Every file of the saved-lists store is untrusted input (issue 20): nesting bombs, huge
files, links to devices, FIFOs and linked folders are named as damaged in well under a
second, never followed, never written through, and healed by `lists check --repair`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from bench.hostile_store import dev_zero_link, fifo, nested_json, sparse_400mb
from geodata.basics import settings
from geodata.basics.errors import InvalidList
from geodata.basics.notes import refusal_text
from geodata.registry.effective import load_defaults
from geodata.store.folders import Store
from geodata.store.record import UserList
from geodata.store.untrusted import nesting

ROOT = Path(__file__).resolve().parents[2]


def plain(list_id: str, as_batch: int | None = None, provenance: str = "") -> UserList:
    rows: list[dict[str, object]] = [{"input": "安平县", "status": "matched", "adcode": "131125"}]
    return UserList(list_id, "名单", "text", "pasted", 1_700_000_000.0, rows, as_batch,
                    provenance)


def _timed(fn, limit_s: float = 5.0):  # type: ignore[no-untyped-def]
    """fn() in a thread: its result, failing the test (not hanging it) past limit_s."""
    out: list[object] = []
    th = threading.Thread(target=lambda: out.append(fn()), daemon=True)
    th.start()
    th.join(limit_s)
    assert not th.is_alive(), "hung"
    return out[0]


HOSTILE = {"nested": (nested_json, "nests deeper"), "400MB": (sparse_400mb, "more than"),
           "dev_zero": (dev_zero_link, "symbolic link"), "fifo": (fifo, "FIFO")}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_hostile_list_file_is_named_damaged_and_repaired(tmp_path: Path, case: str) -> None:
    make, words = HOSTILE[case]
    store = Store(tmp_path)
    store.save(plain("list-good00"))
    (tmp_path / "list-hostile").mkdir()
    make(tmp_path / "list-hostile" / "list.json")
    t0 = time.perf_counter()
    summaries, bad = _timed(lambda: Store(tmp_path).summaries())
    good, bad_scan = _timed(lambda: Store(tmp_path).scan())
    assert time.perf_counter() - t0 < 5
    assert [s.list_id for s in summaries] == [u.list_id for u in good] == ["list-good00"]
    assert [d.list_id for d in bad] == [d.list_id for d in bad_scan] == ["list-hostile"]
    assert words in bad[0].reason and "\n" not in bad[0].reason
    # the page writes why in its language (geodata/basics/notes.toml, [refusal.stored_*])
    assert bad[0].refusal is not None
    zh = refusal_text(bad[0].refusal, "zh")
    assert "list.json" in zh and words not in zh and re.search("[\u4e00-\u9fff]", zh)
    report = _timed(lambda: Store(tmp_path).check(repair=True))
    assert any(ln.startswith("deleted list-hostile") for ln in report)
    assert Store(tmp_path).scan() == ([store.load("list-good00")], [])


def test_a_linked_list_folder_is_refused_named_and_removed_without_its_target(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside"
    Store(outside).save(plain("list-linked"))
    root = tmp_path / "store"
    Store(root).save(plain("list-good00"))
    (root / "list-linked").symlink_to(outside / "list-linked")
    good, bad = Store(root).scan()
    assert [u.list_id for u in good] == ["list-good00"]
    assert bad[0].list_id == "list-linked" and "symbolic link" in bad[0].reason
    assert [d.list_id for d in Store(root).summaries()[1]] == ["list-linked"]
    with pytest.raises(InvalidList, match="symbolic link"):
        Store(root).load("list-linked")
    with pytest.raises(InvalidList, match="symbolic link"):  # nothing written outside
        Store(root).save(plain("list-linked", as_batch=1))
    assert Store(outside).load("list-linked").as_batch is None
    Store(root).delete("list-linked")
    assert not (root / "list-linked").exists()
    assert (outside / "list-linked" / "list.json").is_file()  # the target is left alone


def test_a_hostile_index_is_rebuilt_from_the_lists(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(plain("list-good00"))
    for make in (nested_json, sparse_400mb, fifo):
        (tmp_path / "index.json").unlink()
        make(tmp_path / "index.json")
        summaries, bad = _timed(lambda: Store(tmp_path).summaries())
        assert [s.list_id for s in summaries] == ["list-good00"] and bad == []
    assert json.loads((tmp_path / "index.json").read_text())["lists"][0]["list_id"] == (
        "list-good00")


def test_the_index_copies_no_unbounded_field(tmp_path: Path) -> None:
    long = "来源" * 200_000  # 400,000 characters of provenance in a list file
    raw = asdict(plain("list-long00", provenance=long))
    (tmp_path / "list-long00").mkdir()
    (tmp_path / "list-long00" / "list.json").write_text(json.dumps(raw, ensure_ascii=False))
    (summary,), _ = Store(tmp_path).summaries()
    assert len(summary.provenance) == settings.LIST_PROVENANCE_MAX
    assert (tmp_path / "index.json").stat().st_size < 10_000
    assert Store(tmp_path).load("list-long00").provenance == long  # the list itself is whole


def test_hostile_defaults_mean_none(tmp_path: Path) -> None:
    for make in (nested_json, sparse_400mb, fifo, dev_zero_link):
        path = tmp_path / "defaults.json"
        if path.exists() or path.is_symlink():
            path.unlink()
        make(path)
        assert _timed(lambda: load_defaults(tmp_path)) == []


def test_nesting_counts_brackets_outside_strings_only() -> None:
    assert nesting(b'{"a": [1, {"b": "[[[{{"}], "c\\"[": "\\\\"}') == 3
    assert nesting(json.dumps({"k": ["[" * 50, {"x": "\\" * 3 + '"'}]}).encode(), chunk=5) == 3
    assert nesting(b"[" * 300_000, stop_above=8) > 8


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PILOT_ATLAS_DATA": str(data)}
    return subprocess.run([sys.executable, "-m", "pilot_atlas", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_lists_check_repair_heals_a_nested_list_and_index(tmp_path: Path) -> None:
    Store(tmp_path).save(plain("list-good00"))
    (tmp_path / "list-hostile").mkdir()
    nested_json(tmp_path / "list-hostile" / "list.json")
    (tmp_path / "index.json").unlink()
    nested_json(tmp_path / "index.json")
    found = _cli("lists", "check", data=tmp_path)
    assert found.returncode == 1 and "internal error" not in found.stdout + found.stderr
    assert "cannot be read: list-hostile: list.json nests deeper" in found.stdout
    fixed = _cli("lists", "check", "--repair", data=tmp_path)
    assert fixed.returncode == 0 and "deleted list-hostile" in fixed.stdout, fixed.stderr
    assert _cli("lists", "check", data=tmp_path).returncode == 0


def test_lists_show_names_a_default_without_who(tmp_path: Path) -> None:
    Store(tmp_path).save(plain("list-good00"))
    (tmp_path / "defaults.json").write_text(json.dumps(
        {"defaults": [{"list_id": "list-good00", "batch": 2, "mode": "supplement"}]}))
    out = _cli("lists", "show", data=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "default: list-good00 supplements batch 2 (by ?" in out.stdout
