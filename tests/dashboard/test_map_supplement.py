"""A saved list used as a supplement: the shipped members it does not name are drawn
apart on the map (a dotted outline), said so in their tooltip and in the legend. Real
geocoder, real boundaries, the registry as the app composes it (geodata.registry.effective)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from dashboard import data
from dashboard.filters import filter_pilots
from dashboard.map.compact_geojson import script_json
from dashboard.map.legend import NOT_IN_LIST_LINE
from dashboard.map.view import MapSpec, build_map, build_parts
from dashboard.state import ViewState
from tests.dashboard.conftest import saved_batch3_list

# a batch-3 list naming one shipped member (顺义) and one the registry lacks (广州市)
LIST = "北京市顺义区\n广东省广州市"


@pytest.fixture()
def saved(tmp_path, monkeypatch):
    return saved_batch3_list(tmp_path, monkeypatch, LIST, "核对", "测试")


def _map_html(use: str, lang: str = "zh") -> tuple[str, str, object]:
    """The map's HTML, its legend's HTML, and the pilots it shows."""
    s = replace(ViewState(batches=(3,), provinces=("北京市",)), use=use, lang=lang)
    shown = filter_pilots(data.registry(True, s.use), s)
    m = build_map(shown, data.layer("province"), spec=MapSpec(lang=lang))
    legend = build_parts(shown, data.layer("province"), spec=MapSpec(lang=lang)).legend
    return m.get_root().render(), legend, shown


def test_members_the_list_lacks_are_drawn_apart(saved, provinces) -> None:
    plain, plain_legend, _ = _map_html("")
    dotted = re.compile(r'"dashArray":\s*'
                        + re.escape(script_json(NOT_IN_LIST_LINE["dashArray"])))
    assert not dotted.search(plain)
    assert "所用名单中没有" not in plain_legend

    html, legend, shown = _map_html(f"{saved.list_id}:3:supplement")
    marks = dict(zip(shown["unit_name"], shown["list_mark"], strict=True))
    assert marks["顺义区"] == "in_list"
    lacking = [u for u, m in marks.items() if m == "not_in_list"]
    assert lacking, marks  # 北京's other batch-3 members are not in the list
    # the dotted outline is a style of the pilot layers, the legend shows and names it
    assert dotted.search(html)
    assert 'stroke-dasharray="1 3"' in legend
    assert "所用名单中没有（点线外框）" in legend
    # the tooltip of a lacking member says so
    assert "名单中没有" in html and "名单中没有" not in plain
    _, en, _ = _map_html(f"{saved.list_id}:3:supplement", "en")
    assert "Not in the list in use (dotted outline)" in en


def test_a_pilot_a_list_adds_is_fitted_when_chosen(saved) -> None:
    """A member only the saved list in use has (广州市 in batch 3) is found when chosen
    from a link: the map fits to it, as to a shipped pilot."""
    import json
    import re

    from tests.dashboard.apptest import run_app

    use = f"{saved.list_id}:3:supplement"
    frame = data.registry(True, use)
    shipped = set(data.registry(True, "")["pilot_id"])
    (row,) = [r for _, r in frame.iterrows() if r["pilot_id"] not in shipped]
    assert row["unit_name"] == "广州市"
    at = run_app(use=use, pilot=str(row["pilot_id"]))
    (m,) = [json.loads(c.proto.json_args) for c in at.get("component_instance")
            if "st_folium" in c.proto.component_name]
    code = m["script"] + (m.get("feature_group") or "")
    fit = json.loads(re.search(r"atlas\.fitView\(\w+, (\{.*?\})\);", code, re.S).group(1))
    (s, w), (n, e) = fit["bounds"]
    minx, miny, maxx, maxy = row.geometry.bounds
    assert w <= minx and e >= maxx and s <= miny and n >= maxy  # all of 广州
    assert (e - w) < 3 and (n - s) < 3  # and not China
