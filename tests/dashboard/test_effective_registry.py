"""One registry everywhere: with a saved list completing a batch, every consumer (map,
tallies, completeness strip, compare, present, slide, downloads, research table, CLI
export and audit) tells the same story, and without the list in use they all show the
shipped registry. Real geocoder, real boundaries, real Streamlit caches, real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from dashboard import data, ui
from dashboard.export import downloads, facts, served
from dashboard.filters import filter_pilots
from dashboard.state import ViewState, from_query, to_query
from geodata.registry.effective import ListUse, effective, set_default
from geodata.registry.pilots import registry_rows
from tests.dashboard.conftest import saved_batch3_list

APP = Path(__file__).resolve().parents[2] / "dashboard" / "app.py"
ALL = ("official", "reported", "unconfirmed")
# a batch-3 "official list" of three items: two the registry has (順義, and 南和县 under
# its old name: 南和区 today), one it has not (广州市)
LIST = "北京市顺义区\n广东省广州市\n河北省邢台市南和县"


@pytest.fixture()
def saved(tmp_path, monkeypatch):
    return saved_batch3_list(tmp_path, monkeypatch, LIST, "第三批（核对）", "发改委通知扫描件")


def consumers(use: str) -> dict[str, object]:
    """What every consumer says about batch 3 for a view with `use`."""
    s = replace(ViewState(batches=(3,), statuses=ALL), use=use)
    frame = data.registry(True, s.use)
    shown = filter_pilots(frame, s)
    ids = tuple(str(i) for i in shown["pilot_id"])
    tallies = data.tallies_for(tuple(sorted(ids)), (), s.use)
    strip = next(c for c in ui._completeness(s.use) if c["batch"] == 3)
    compare = filter_pilots(frame, replace(s, provinces=("北京市", "广东省")))
    present = filter_pilots(frame, replace(s, mode="present", step=3))
    present = present[present["batch"] == 3]  # presenting shows every batch up to its step
    csv_rows = list(csv.DictReader(io.StringIO(downloads.csv_bytes(shown, "en").decode()[1:])))
    geo = json.loads(downloads.full_geojson(ids, s.use))
    research = list(csv.DictReader(io.StringIO(
        downloads.research_csv(ids, s.use, s.statuses, "en").decode("utf-8-sig"))))
    return {
        "map": set(shown["pilot_id"]),
        "units": set(shown["adcode"]),
        "tallies": int(tallies["batch_3"].sum()),
        "strip": int(str(strip["known"])),
        "compare": set(compare["pilot_id"]),
        "map_in_two": set(shown[shown["province"].isin(["北京市", "广东省"])]["pilot_id"]),
        "present": set(present["pilot_id"]),
        # what the slide, the deck and presenting print: shown and known for batch 3
        "slide": next((c.shown, c.known) for c in facts.batch_counts(shown, s) if c.batch == 3),
        "csv": {r["pilot_id"] for r in csv_rows},
        "geojson": {f["properties"]["pilot_id"] for f in geo["features"]},
        "research": {r["adcode"] for r in research if r["first_batch"] == "3"},
    }


def cli(*args: str) -> str:
    p = subprocess.run([sys.executable, "-m", "pilot_atlas", *args], capture_output=True,
                       timeout=180, env=os.environ.copy())
    assert p.returncode == 0, p.stderr.decode()
    return p.stdout.decode("utf-8-sig")


def cli_batch3(*args: str) -> set[str]:
    rows = csv.DictReader(io.StringIO(cli("export", "-o", "-", "--lang", "en", *args)))
    return {r["adcode"] for r in rows if r["batch"] == "3" and r["status"] != "contradicted"}


def test_every_consumer_agrees_with_and_without_the_list(saved) -> None:
    shipped = consumers("")
    assert shipped == consumers("none")  # no defaults: the same as naming no list
    b3 = [r for r in registry_rows() if r["batch"] == 3]
    assert shipped["tallies"] == shipped["strip"] == len(shipped["map"]) == len(b3) == 111
    for key in ("csv", "geojson", "present"):
        assert shipped[key] == shipped["map"], key
    assert shipped["slide"] == (111, 111)

    use = f"{saved.list_id}:3:replace"
    mine = consumers(use)
    assert mine["units"] == {"110113", "440100", "130506"}  # 顺义区, 广州市, 南和区
    assert mine["tallies"] == mine["strip"] == len(mine["map"]) == 3
    for key in ("csv", "geojson", "present"):
        assert mine[key] == mine["map"], key
    assert mine["slide"] == (3, 3)
    svg = served.KINDS["svg"].make(replace(ViewState(batches=(3,)), use=use)).decode()
    assert "显示 3 / 官方 111" in svg  # the slide file itself reads the list's count
    assert mine["compare"] == mine["map_in_two"] and len(mine["compare"]) == 2
    assert shipped["compare"] == shipped["map_in_two"]
    # the research table covers the units of the list, and no shipped batch-3 county
    assert "110113" in mine["research"] and "130506" in mine["research"]
    assert "440106" in mine["research"]  # a district of 广州市, covered via the city
    assert not mine["research"] & (shipped["research"] - {"110113", "130506"})
    # the CLI agrees, with and without the list
    assert cli_batch3("--use", use) == mine["units"]
    assert cli_batch3() == cli_batch3("--use", "none") == {str(r["adcode"]) for r in b3}
    audit = cli("audit", "--use", use)
    assert "第三批（核对）" in audit and "replaces batch 3" in audit
    line = next(ln for ln in audit.splitlines() if ln.strip().startswith("3 "))
    assert line.split()[3] == "3"  # known


def test_supplement_keeps_the_shipped_rows_and_marks_them(saved) -> None:
    use = f"{saved.list_id}:3:supplement"
    pilots, (applied,) = effective(use)
    b3 = [p for p in pilots if p.batch == 3]
    marks = {p.list_mark for p in b3}
    assert marks == {"in_list", "not_in_list", "from_list"}
    assert sorted(p.adcode for p in b3 if p.list_mark == "in_list") == ["110113", "130506"]
    assert [p.adcode for p in b3 if p.list_mark == "from_list"] == ["440100"]
    assert applied.items == 1 and applied.not_in_list == 109
    mine = consumers(use)
    assert mine["tallies"] == mine["strip"] == len(mine["map"]) == 112
    assert mine["csv"] == mine["map"] and mine["slide"] == (112, 112)


def test_a_default_is_an_operators_act_and_is_shown(saved, tmp_path) -> None:
    # a browser session cannot make one: only this call (the CLI's) writes the defaults
    with pytest.raises(ValueError):
        set_default(ListUse(saved.list_id, 3, "replace"), by="", source="")
    out = cli("lists", "default", "set", saved.list_id, "--batch", "3", "--mode", "replace",
              "--by", "王工", "--source", "发改规划〔2016〕通知原件")
    assert "王工" in out
    assert consumers("")["tallies"] == 3  # every view without use= now takes it
    assert consumers("none")["tallies"] == 111  # a view can still ask for the shipped one
    (applied,) = effective(None)[1]
    assert "王工" in applied.default_by and "通知原件" in applied.default_by
    cli("lists", "default", "clear", "--batch", "3")
    assert consumers("")["tallies"] == 111


def test_use_round_trips_through_the_url() -> None:
    token = "list-0123456789:3:replace"
    s = from_query({"use": token + ",bogus,list-abcdef0123:1:supplement"})
    assert s.use == "list-abcdef0123:1:supplement,list-0123456789:3:replace"
    assert from_query(to_query(s)) == s
    assert from_query({"use": ""}).use == "none" and to_query(from_query({}))  == {}


@pytest.mark.parametrize("mode", ["explore", "tallies", "compare", "present", "lists"])
def test_every_view_says_which_list_it_uses(saved, mode) -> None:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params.update({"mode": mode, "use": f"{saved.list_id}:3:replace",
                            "compare": "北京市,广东省"})
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    banners = [i.value for i in at.info if "第三批（核对）" in i.value]
    assert banners and "代替" in banners[0] and "第三批" in banners[0]
    plain = AppTest.from_file(str(APP), default_timeout=120)
    plain.query_params.update({"mode": mode, "compare": "北京市,广东省"})
    plain.run()
    assert not [i.value for i in plain.info if "第三批（核对）" in i.value]
