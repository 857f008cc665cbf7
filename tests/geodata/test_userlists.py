"""Saved lists: atomic folders, JSON only, survive a new process, deletable."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.lists.published import geocode_lines
from geodata.registry.pilots import registry_rows
from geodata.store.folders import Store
from geodata.store.record import diff_with_registry, new_list


def make(lines: list[str], **kw: object):  # type: ignore[no-untyped-def]
    return new_list("测试", "text", "pasted", lines, geocode_lines(lines), **kw)  # type: ignore[arg-type]


def test_save_load_delete(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ul = make(["浙江省衢州市开化县、湖州市吴兴区织里镇"])
    store.save(ul)
    assert [u.list_id for u in store.all()] == [ul.list_id]
    back = store.load(ul.list_id)
    assert back.rows == json.loads(json.dumps(ul.rows)) and back.name == "测试"
    assert not list(tmp_path.glob(".tmp-*"))
    store.delete(ul.list_id)
    assert store.all() == []


def test_survives_a_new_process(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ul = make(["江苏省"])
    store.save(ul)
    code = (
        "import sys; from pathlib import Path; from geodata.store.folders import Store;"
        f"print(Store(Path(sys.argv[1])).load('{ul.list_id}').rows[0]['adcode'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "320000"


def test_damaged_folder_does_not_hide_others(tmp_path: Path) -> None:
    store = Store(tmp_path)
    ul = make(["江苏省"])
    store.save(ul)
    (tmp_path / "list-broken00").mkdir()
    (tmp_path / "list-broken00" / "list.json").write_text("{not json", encoding="utf-8")
    assert [u.list_id for u in store.all()] == [ul.list_id]


@pytest.mark.parametrize("bad", ["../x", "a/b", "", "LIST-UPPER"])
def test_ids_cannot_leave_the_folder(tmp_path: Path, bad: str) -> None:
    with pytest.raises(KeyError):
        Store(tmp_path).load(bad)


def test_batch_completion_diff(tmp_path: Path) -> None:
    b3 = [r for r in registry_rows() if r["batch"] == 3]
    lines = ["北京市顺义区、延庆区", "河北省唐山市迁安市、邢台市南和县", "火星市", "广东省广州市"]
    ul = make(lines, as_batch=3, provenance="test")
    d = diff_with_registry(ul.rows, list(b3))
    assert [r["adcode"] for r in d["added"]] == ["440100"]
    assert [r["input"] for r in d["unresolved"]] == ["火星市"]
    assert [r["renamed_from"] for r in d["renamed"]] == ["南和县"]
    assert (
        len(d["same"]) == 4 and len(d["missing"]) == len({(r["adcode"], r["town"]) for r in b3}) - 4
    )
    store = Store(tmp_path)
    store.save(ul)
    assert store.load(ul.list_id).as_batch == 3
