"""The counts a view shows, each named for what it counts, against the rows of the same
view's CSV written by the command line (another process, building the view from its
flags); the completeness line drawn once; the batch-1-or-2 choice never an unexplained
empty map. Real app script (AppTest), real registry, real CLI."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.export import facts, served
from dashboard.state import ViewState, from_query
from dashboard.view_data import view_data
from geodata.registry.pilots import COUNTED, registry_rows
from seeds import BATCH_1_OR_2
from tests.dashboard.apptest import run_app

ROOT = Path(__file__).resolve().parents[2]
ALL = "official,reported,unconfirmed"
# what the app calls each batch in its count lines, and the CLI's English CSV value
BATCH_NAMES = {"zh": {"第一批": "1", "第二批": "2", "第三批": "3", "第一或第二批": "1or2"},
               "en": {"Batch 1": "1", "Batch 2": "2", "Batch 3": "3", "Batch 1 or 2": "1or2"}}
LINE = {"zh": r"(第一或第二批|第[一二三]批)：地图显示 (\d+)",
        "en": r"(Batch 1 or 2|Batch \d): (\d+) on the map"}
TOTAL = {"zh": r"地图显示 (\d+) 个试点", "en": r"On the map: (\d+) pilots"}
HEAD = {"zh": ["批次", "地图显示", "已知（含未确认）", "官方"],
        "en": ["Batch", "On the map", "Known (incl. unconfirmed)", "Official"]}


def _texts(at: AppTest) -> list[str]:
    return [e.value.replace("\\", "") for e in [*at.markdown, *at.caption]]


def _html(at: AppTest) -> list[str]:
    return [str(getattr(e.proto, "body", "")) for e in at.get("html")]


def count_tables(at: AppTest) -> list[list[list[str]]]:
    """Every counts table on the page, as rows of cell texts (the header first)."""
    return [[re.findall(r"<t[hd]>([^<]*)</t[hd]>", row) for row in re.findall(
        r"<tr>(.*?)</tr>", h)] for h in _html(at) if "atlas-count-table" in h]


def page_counts(at: AppTest, lang: str) -> tuple[int, dict[str, int]]:
    """(pilots on the map, on the map per batch) as the page says them: the explore
    header's table (its column named "on the map"), or the tallies' count lines."""
    text = "\n".join(_texts(at))
    (total,) = {int(n) for n in re.findall(TOTAL[lang], text)}
    tables = count_tables(at)
    if tables:
        ((head, *rows),) = tables
        at_map = head.index(HEAD[lang][1])
        return total, {BATCH_NAMES[lang][r[0]]: int(r[at_map]) for r in rows}
    return total, {BATCH_NAMES[lang][b]: int(n) for b, n in re.findall(LINE[lang], text)}


def cli_rows(flags: list[str]) -> Counter[str]:
    """Rows per batch of `pilot-atlas export` for these flags (English CSV)."""
    p = subprocess.run([sys.executable, "-m", "pilot_atlas", "export", "-o", "-", "--lang", "en",
                        *flags], capture_output=True, timeout=300, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert p.returncode == 0, p.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(p.stdout.decode("utf-8-sig"))))
    return Counter(r["batch"] for r in rows)


VIEWS = [
    ({}, []),
    ({"batch": "1or2", "status": ALL}, ["--batch", "1or2", "--status", ALL]),
    ({"province": "湖南省", "lang": "en"}, ["--province", "湖南省"]),
    ({"mode": "tallies", "level": "county,town", "status": ALL},
     ["--level", "county,town", "--status", ALL]),
]


@pytest.mark.parametrize(("query", "flags"), VIEWS)
def test_the_counts_shown_are_the_rows_of_the_views_csv(query, flags) -> None:
    lang = query.get("lang", "zh")
    at = run_app(**query)
    total, per = page_counts(at, lang)
    rows = cli_rows(flags)
    assert total == sum(rows.values())
    assert set(per) == {"1", "2", "3", "1or2"}  # every batch's line, the group's too
    assert per == {b: rows.get(b, 0) for b in per}, (per, rows)


def test_presenting_counts_are_the_rows_of_the_views_csv() -> None:
    at = run_app(mode="present", step="2")
    html = "\n".join(str(getattr(e.proto, "body", "")) for e in at.get("html"))
    total = int(re.search(r"地图显示（累计） <b>(\d+)</b>", html).group(1))
    per = {"一二三".index(b) + 1: int(n)
           for b, n in re.findall(r"第(.)批（\d{4}） <b>地图显示 (\d+) / 官方 \d+</b>", html)}
    rows = cli_rows(["--batch", "1,2,1or2"])  # presenting step 2: batches 1, 2 and "1 or 2"
    assert total == sum(rows.values())
    assert per == {1: rows["1"], 2: rows["2"]}


def _lines(at: AppTest, batch: str) -> list[str]:
    return [ln for t in _texts(at) for ln in t.splitlines()
            if ln.lstrip("*").startswith(batch + "地图显示")]


def test_the_completeness_figures_are_drawn_once() -> None:
    """Explore: the header's table, once, and no count line besides; tallies: each
    batch's line once (beside its progress bar), and no table."""
    explore = run_app()
    ((_head, *rows),) = count_tables(explore)
    assert [r[0] for r in rows] == ["第一批", "第二批", "第三批", "第一或第二批"]
    tallies = run_app(mode="tallies")
    assert not count_tables(tallies)
    for batch in ("第一批", "第二批", "第三批", "第一或第二批"):
        assert not _lines(explore, batch + "：")
        assert len(_lines(tallies, batch + "：")) == 1, batch


def test_every_count_names_on_the_map_known_and_official() -> None:
    b1 = [r for r in registry_rows() if r["batch"] == 1]
    known = sum(r["status"] in COUNTED for r in b1)
    unconfirmed = sum(r["status"] == "unconfirmed" for r in b1)
    on_map = sum(r["status"] in ("official", "reported") and bool(r["level"]) for r in b1)
    ((head, *rows),) = count_tables(run_app(lang="en"))
    assert head == HEAD["en"]
    assert rows[0] == ["Batch 1", str(on_map), f"{known} incl. {unconfirmed} unconfirmed", "64"]
    text = "\n".join(_texts(run_app(lang="en", mode="tallies")))
    assert (f"Batch 1: {on_map} on the map · {known} known incl. {unconfirmed} unconfirmed · "
            "64 official") in text
    # narrowed to a province, the known numbers are said to be national
    here = sum(r["province"] == "湖南省" and r["status"] != "unconfirmed" for r in b1)
    ((head, first, *_),) = count_tables(run_app(lang="en", province="湖南省"))
    assert head[2] == "Known nationally (incl. unconfirmed)" and first[1] == str(here)
    text = "\n".join(_texts(run_app(lang="en", province="湖南省", mode="tallies")))
    assert f"Batch 1: {here} on the map · nationally {known} known" in text


def test_the_batch_1_or_2_choice_says_what_it_holds_and_why_the_map_is_empty() -> None:
    group = [r for r in registry_rows() if r["batch"] == BATCH_1_OR_2]
    assert group and all(r["status"] == "unconfirmed" for r in group)
    at = run_app()
    pill = at.pills(key="w_batch")
    assert BATCH_1_OR_2 in pill.value  # on by default: asking for 未确认 shows them at once
    labels = [o.content for o in pill.proto.options]
    assert f"第一或第二批 · 未确认 {len(group)}" in labels
    assert "均未确认" in pill.proto.help
    # chosen alone with the default statuses: an empty map that says why
    only = run_app(batch="1or2")
    line = next(t for t in _texts(only) if t.startswith("**地图显示 0"))
    assert f"{len(group)} 个成员都是“未确认”" in line and "来源状态" in line
    # asked for, they are on the map
    shown = run_app(batch="1or2", status=ALL)
    assert page_counts(shown, "zh")[0] == len(group)
    nothing = run_app(level="")
    assert any("“层级”中没有选择任何一项" in t for t in _texts(nothing)), _texts(nothing)


def test_a_view_data_serves_one_use_and_derives_other_filters() -> None:
    v = view_data(ViewState())
    assert v.shown == sum(c.shown for c in v.counts) == len(v.rows)
    step1 = v.with_state(replace(v.state, mode="present", step=1))
    assert step1.frame is v.frame and set(step1.rows["batch"]) == {1}
    assert step1.count(1).shown == v.count(1).shown and step1.visible_counts()[0].batch == 1
    with pytest.raises(ValueError):
        v.with_state(replace(v.state, use="none"))


def test_the_export_route_builds_the_pages_view_data() -> None:
    """A link's slide states the counts the page of that link states."""
    s = from_query({"province": "湖南省", "lang": "en"})
    svg = served.make_file("svg", s).decode("utf-8")
    v = view_data(s)
    for c in v.visible_counts():
        if c.shown:
            assert facts.count_text(c, "en") in svg
    assert facts.caveat(v.visible_counts(), "en").split(":")[0] in svg
