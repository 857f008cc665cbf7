"""A list worked on, without Streamlit: read, resolve, settle by hand, keep, reopen,
compare with a batch, and the files out."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.basics.errors import InputError
from geodata.geocode.geocoder import AMBIGUOUS, MATCHED, UNMATCHED
from geodata.store.folders import Store
from geodata.worklist import flow as listwork
from geodata.worklist import places as listfiles

SAMPLE = "貴州省黔南州獨山縣、三都縣\n城区\n浙江省苍南县龙港镇\n没有这个地方"


def test_the_list_logic_needs_no_streamlit() -> None:
    code = ("import sys, geodata.worklist.flow, geodata.worklist.places; "
            "sys.exit('streamlit' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_read_resolve_settle_keep_and_reopen(tmp_path: Path) -> None:
    work = listwork.new_work("", listwork.PASTED, listwork.read_paste(SAMPLE),
                             default_name="my list")
    assert work.name == "my list" and work.kind == "text"
    assert [r["input"] for r in work.rows] == ["貴州省黔南州獨山縣", "三都縣", "城区",
                                               "浙江省苍南县龙港镇", "没有这个地方"]
    counts = listwork.status_counts(work.rows)
    assert counts[AMBIGUOUS] == 1 and counts[UNMATCHED] == 1
    amb, bad = listwork.problems(work.rows)
    choice = next(c for c in listwork.candidates_of(work.rows[amb]) if c.startswith("140502"))
    work = listwork.choose(work, amb, choice)
    work = listwork.correct(work, bad, "  贵州省  独山县 ")
    assert [work.rows[i]["adcode"] for i in (amb, bad)] == ["140502", "522726"]
    assert work.rows[bad]["input"] == "没有这个地方"  # the item as the list gave it
    assert listwork.problems(work.rows) == []

    store = Store(tmp_path)
    kept = listwork.save(work, name=" 核对 ", as_batch=3, provenance="x" * 5000, store=store)
    assert (kept.name, kept.as_batch, len(kept.provenance)) == ("核对", 3, 2000)
    again = listwork.work_of(store.load(kept.list_id))
    assert again.rows == work.rows and again.list_id == kept.list_id
    diff = listwork.batch_diff(again.rows, 3)
    assert tuple(diff) == listwork.DIFF_KINDS
    assert not diff["unresolved"]


@pytest.mark.parametrize(("text", "name", "message"), [
    ("   ", "pasted.txt", "empty"),
    ("安平县", "list.pdf", "pdf files are not read"),
])
def test_bad_input_is_one_line(text: str, name: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        if name == "pasted.txt":
            listwork.read_paste(text)
        else:
            listwork.read_upload(text.encode(), name)


def test_files_out_place_every_item() -> None:
    rows = listwork.resolve(listwork.read_paste("河北省安平县、龙港镇、不存在县"))
    features = json.loads(listfiles.geojson_bytes(rows, simplified=True))["features"]
    kinds = [f["geometry"] and f["geometry"]["type"] for f in features]
    assert kinds[0] in ("Polygon", "MultiPolygon") and kinds[2] is None
    assert rows[0]["status"] == MATCHED
    assert listfiles.csv_bytes(rows).startswith("\ufeff".encode())
    assert listfiles.unit_text(rows[0]) == "河北省 衡水市 安平县"
