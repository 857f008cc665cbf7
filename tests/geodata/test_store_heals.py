"""The saved-list store heals: invalid lists are skipped and reported (never raised),
every kill point of a save leaves each list whole, concurrent saves are serialised, the
index is healed from the lists, and `check --repair` repairs."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geodata.store.folders import Store
from geodata.store.record import UserList, new_list


def plain(list_id: str, name: str = "测试", as_batch: int | None = None, n: int = 2) -> UserList:
    rows: list[dict[str, object]] = [
        {"input": f"县{i}", "status": "matched", "adcode": "130000"} for i in range(n)
    ]
    return UserList(list_id, name, "text", "pasted", 1_700_000_000.0 + n, rows, as_batch)


BAD = {
    "created as string": {"created": "2024-01-01"},
    "created null": {"created": None},
    "rows as string": {"rows": "abc"},
    "rows of lists": {"rows": [["a"]]},
    "rows of empty objects": {"rows": [{}]},
    "name null": {"name": None},
    "as_batch 7": {"as_batch": 7},
    "kind unknown": {"kind": "pdf"},
    "created true": {"created": True},
    "nested row value": {"rows": [{"input": "a", "status": "matched", "x": [1]}]},
}


def write_raw(root: Path, list_id: str, data: object) -> None:
    (root / list_id).mkdir(parents=True)
    (root / list_id / "list.json").write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("label", list(BAD))
def test_an_invalid_list_is_skipped_and_reported(tmp_path: Path, label: str) -> None:
    store = Store(tmp_path)
    store.save(plain("list-good000"))
    data = {**json.loads((tmp_path / "list-good000" / "list.json").read_text()), **BAD[label]}
    data["list_id"] = "list-bad0000"
    write_raw(tmp_path, "list-bad0000", data)
    good, bad = store.scan()
    assert [u.list_id for u in good] == ["list-good000"]
    assert [d.list_id for d in bad] == ["list-bad0000"] and "\n" not in bad[0].reason
    summaries, bad2 = Store(tmp_path).summaries()
    assert [s.list_id for s in summaries] == ["list-good000"] and bad2 == bad
    # the callers that sort and filter still work: the registry with an invalid list
    # named in a view's use= is the shipped one, and says the list is not there
    from geodata.registry.effective import effective
    from geodata.registry.pilots import shipped_pilots

    pilots, (applied,) = effective("list-bad0000:1:replace", root=tmp_path)
    assert pilots == shipped_pilots() and not applied.found
    store.delete("list-bad0000")
    assert store.scan() == (good, [])


@pytest.mark.parametrize("raw", ["{not json", "[]", "null", '"text"', "\xff"])
def test_unparseable_files_are_reported(tmp_path: Path, raw: str) -> None:
    (tmp_path / "list-bad0000").mkdir()
    (tmp_path / "list-bad0000" / "list.json").write_bytes(raw.encode("latin-1"))
    good, bad = Store(tmp_path).scan()
    assert good == [] and len(bad) == 1


def test_a_list_never_saves_what_cannot_be_read_back(tmp_path: Path) -> None:
    ul = plain("list-good000")
    ul.created = float("nan")
    with pytest.raises(ValueError):
        Store(tmp_path).save(ul)
    assert Store(tmp_path).scan() == ([], [])


def test_the_index_is_read_and_healed(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(plain("list-aaaaaa", n=3))
    index = json.loads((tmp_path / "index.json").read_text())
    assert [e["list_id"] for e in index["lists"]] == ["list-aaaaaa"]
    # a list written behind the index's back (another version, a restore) is picked up
    write_raw(tmp_path, "list-bbbbbb", json.loads(json.dumps(_asdict(plain("list-bbbbbb", n=4)))))
    (tmp_path / "index.json").write_text("{damaged", encoding="utf-8")
    summaries, _ = Store(tmp_path).summaries()
    assert [(s.list_id, s.items) for s in summaries] == [("list-aaaaaa", 3), ("list-bbbbbb", 4)]
    assert len(json.loads((tmp_path / "index.json").read_text())["lists"]) == 2


def test_the_index_is_used_instead_of_the_rows(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(plain("list-aaaaaa", name="old name"))
    index = json.loads((tmp_path / "index.json").read_text())
    index["lists"][0]["name"] = "from the index"
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    assert Store(tmp_path).summaries()[0][0].name == "from the index"


def _asdict(ul: UserList) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(ul)


# --- kill points -----------------------------------------------------------------------------

KILLER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    import geodata.basics.atomic as atomic
    import geodata.store.folders as ul_mod
    from geodata.store.record import UserList
    from geodata.store.folders import Store

    root, at = Path(sys.argv[1]), int(sys.argv[2])
    calls = [0]

    def point(fn):
        def wrapped(*a, **k):
            calls[0] += 1
            if calls[0] == at:
                os._exit(9)  # SIGKILL-like: no cleanup, no finally
            return fn(*a, **k)
        return wrapped

    atomic.os.replace = point(os.replace)
    atomic.os.fsync = point(os.fsync)
    atomic.tempfile.mkstemp = point(atomic.tempfile.mkstemp)
    ul_mod.fsync_dir = point(ul_mod.fsync_dir)
    ul_mod.shutil.rmtree = point(ul_mod.shutil.rmtree)
    rows = [{"input": "新", "status": "matched"}]
    Store(root).save(UserList("list-aaaaaa", "new", "text", "p", 2.0, rows, 2))
    Store(root).save(UserList("list-cccccc", "third", "text", "p", 3.0, rows, 2))
    print("done", calls[0])
    """
)


def test_no_kill_point_loses_a_list(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    at = 1
    while True:
        root = tmp_path / f"run{at}"
        store = Store(root)
        store.save(plain("list-aaaaaa", name="old", as_batch=2))
        store.save(plain("list-bbbbbb", name="other"))
        out = subprocess.run(
            [sys.executable, "-c", KILLER, str(root), str(at)], env=env, capture_output=True,
            text=True, check=False,
        )
        after = Store(root)
        good, bad = after.scan()
        names = {u.list_id: u.name for u in good}
        assert bad == [], (at, bad)
        assert names["list-bbbbbb"] == "other", at
        assert names["list-aaaaaa"] in ("old", "new"), at
        assert set(names) <= {"list-aaaaaa", "list-bbbbbb", "list-cccccc"}
        # exactly one list completes batch 2 at every kill point: the old claim until the
        # new list's file is in place, then the new one (issue 20: 3 of 60 left none)
        holders = [u.list_id for u in good if u.as_batch == 2]
        assert len(holders) == 1, (at, good)
        summaries = [s.list_id for s in after.summaries()[0] if s.as_batch == 2]
        assert summaries == holders, at  # the page, from the index, says the same
        after.check(repair=True)
        leftovers = [p.name for p in root.rglob(".tmp-*")] + [p.name for p in root.glob(".old-*")]
        assert leftovers == [], (at, leftovers)
        if out.returncode == 0:
            assert out.stdout.startswith("done") and at > 5
            break
        assert out.returncode == 9, out.stderr
        at += 1


def test_old_scheme_leftovers_are_recovered(tmp_path: Path) -> None:
    """A save of the earlier version killed after moving the list aside (`.old-<id>-<ns>`)
    and before renaming the new folder in: the list comes back, nothing stays behind."""
    store = Store(tmp_path)
    store.save(plain("list-aaaaaa", name="kept"))
    (tmp_path / "list-aaaaaa").rename(tmp_path / ".old-list-aaaaaa-1700000000000000000")
    (tmp_path / ".tmp-x1y2z3").mkdir()  # the new folder, never completed
    (tmp_path / ".tmp-x1y2z3" / "list.json").write_text("{trunc", encoding="utf-8")
    assert [u.name for u in Store(tmp_path).all()] == ["kept"]
    assert not list(tmp_path.glob(".old-*")) and not list(tmp_path.glob(".tmp-*"))


# --- concurrency -----------------------------------------------------------------------------


def _save_as_batch(root: str, list_id: str, barrier: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    for i in range(5):
        Store(Path(root)).save(plain(list_id, name=f"{list_id}-{i}", as_batch=2))


def test_concurrent_saves_leave_one_list_per_batch(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    ids = ["list-aaaaaa", "list-bbbbbb", "list-cccccc"]
    barrier = ctx.Barrier(len(ids))
    procs = [ctx.Process(target=_save_as_batch, args=(str(tmp_path), i, barrier)) for i in ids]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    good, bad = Store(tmp_path).scan()
    assert bad == [] and len(good) == 3
    assert sum(1 for u in good if u.as_batch == 2) == 1
    assert all(u.name.endswith("-4") for u in good)  # every last save landed whole


def test_check_reports_and_repairs(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.save(plain("list-aaaaaa", as_batch=1))
    write_raw(tmp_path, "list-bad0000", {"list_id": "list-bad0000", "rows": "x"})
    b = _asdict(plain("list-bbbbbb", as_batch=1, n=5))
    b["claimed"] = time.time() + 1  # a second, later claim on batch 1, behind the lock's back
    write_raw(tmp_path, "list-bbbbbb", b)
    report = Store(tmp_path).check()
    assert any("cannot be read: list-bad0000" in ln for ln in report)
    assert any("batch 1 is claimed by 2 lists" in ln for ln in report)
    assert (tmp_path / "list-bad0000").exists()  # reporting changes nothing
    fixed = Store(tmp_path).check(repair=True)
    assert any(ln.startswith("deleted list-bad0000") for ln in fixed)
    good, bad = Store(tmp_path).scan()
    assert bad == [] and [u.as_batch for u in good] == [None, 1]  # the latest claim stays
    assert Store(tmp_path).check()[-1] == "2 saved list(s) readable, 0 not"


def test_new_list_roundtrips_through_the_validator(tmp_path: Path) -> None:
    from geodata.lists.published import geocode_lines

    ul = new_list("名单", "text", "pasted", ["江苏省"], geocode_lines(["江苏省"]))
    Store(tmp_path).save(ul)
    assert Store(tmp_path).load(ul.list_id).rows[0]["adcode"] == "320000"
