"""The whole app through streamlit.testing: filters, URL state, tallies, views."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.map.offline import MAP_SCRIPTS
from geodata.registry.pilots import completeness, registry_rows
from tests.dashboard.apptest import run_app

ALL_STATUSES = ["official", "reported", "unconfirmed"]


run = run_app


def shown_count(at: AppTest) -> int:
    for md in at.markdown:
        value = md.value.replace("\\", "")  # Markdown escapes ("Pilots shown\\: 1")
        if value.startswith("**当前显示") or value.startswith("**Pilots shown:"):
            return int("".join(ch for ch in value if ch.isdigit()))
    raise AssertionError("no count line")


def maps(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.json_args) for c in at.get("component_instance")
            if c.proto.component_name == "streamlit_folium.st_folium"]


def drawn(m: dict) -> str:
    """Everything a map draws: its fixed base and the layers swapped in on changes."""
    return m["script"] + (m.get("feature_group") or "") + (m.get("layer_control") or "")


def table_of(at: AppTest):
    """The first table with a province column: the tallies (or comparison) table."""
    return next(d.value for d in at.dataframe
                if {"省份", "合计"} <= set(d.value.columns))


def shown_rows() -> list[dict[str, object]]:
    """Registry rows a view can show: never a contradicted member, nor one that did not
    resolve to a unit (no level to filter by, nothing to draw)."""
    return [r for r in registry_rows() if r["status"] != "contradicted" and r["level"]]


def expected(**match) -> int:
    return sum(all(r[k] == v for k, v in match.items()) for r in shown_rows())


def test_default_view():
    at = run()
    assert at.title[0].value == "国家新型城镇化综合试点地图"
    assert shown_count(at) == len(shown_rows()) - expected(status="unconfirmed")
    b1 = next(c for c in completeness() if c["batch"] == 1)
    line = f"第一批：已知 {b1['known']} / 官方 {b1['official_members']}"  # 已知 28 / 官方 64
    assert any(line in md.value for md in [*at.markdown, *at.caption])
    assert dict(at.query_params) == {}
    (m,) = maps(at)
    # Leaflet, then the map's own scripts, all from the app itself
    assert m["js_links"][0] == "/app/static/vendor/leaflet/leaflet.js"
    assert [u.split("?")[0].rsplit("/", 1)[1] for u in m["js_links"][1:]] == list(MAP_SCRIPTS)
    assert all(u.startswith("/app/static/atlas/") for u in m["js_links"][1:])
    assert m["css_links"] == ["/app/static/vendor/leaflet/leaflet.css"]
    # pans and zooms do not rerun the app: only feature clicks are returned
    assert m["returned_objects"] == ["last_object_clicked_tooltip",
                                     "last_object_clicked_count"]
    assert not re.search(r"https?://", drawn(m) + m["header"] + m["html"])


def test_url_sets_the_filters():
    at = run(batch="3", province="浙江省")
    assert at.pills(key="w_batch").value == [3]
    assert at.multiselect(key="w_province").value == ["浙江省"]
    assert shown_count(at) == expected(batch=3, province="浙江省") == 4


def test_widgets_write_the_url():
    at = run()
    at.pills(key="w_batch").set_value([1, 3]).run()
    assert at.query_params["batch"] == ["1,3"] or at.query_params["batch"] == "1,3"
    at.pills(key="w_status").set_value(ALL_STATUSES).run()
    assert shown_count(at) == expected(batch=1) + expected(batch=3)
    at.text_input(key="w_q").input("龙港").run()
    assert shown_count(at) == 1
    q = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert q == {"batch": "1,3", "status": "official,reported,unconfirmed", "q": "龙港"}
    # the same URL in a fresh session gives the same view
    again = run(**q)
    assert shown_count(again) == 1
    assert again.text_input(key="w_q").value == "龙港"


def test_reset_keeps_language():
    at = run(lang="en", batch="2", q="x")
    at.button(key="reset").click().run()
    assert dict(at.query_params) == {"lang": ["en"]} or dict(at.query_params) == {"lang": "en"}


def test_unconfirmed_needs_asking_for():
    at = run(status="official,reported,unconfirmed")
    assert shown_count(at) == len(shown_rows())


def test_tallies_view_numbers():
    at = run(mode="tallies", batch="3")
    table = table_of(at).set_index("省份")
    assert table.loc["浙江省", "第三批"] == expected(batch=3, province="浙江省") == 4
    assert table.loc["合计", "第三批"] == table.loc["合计", "合计"] == 111
    assert table.loc["合计", "第一批"] == 0
    assert len(table) == 34 + 1  # every provincial unit and the totals row
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")  # the stacked bars
    (m,) = maps(at)
    assert "fillColor" in drawn(m)  # the choropleth


def test_tallies_follow_the_province_filter():
    at = run(mode="tallies", province="浙江省,江苏省", status="official,reported,unconfirmed")
    table = table_of(at).set_index("省份")
    assert list(table.index) == ["江苏省", "浙江省", "合计"]
    assert table.loc["合计", "合计"] == expected(province="浙江省") + expected(province="江苏省")


def test_compare_view():
    at = run(mode="compare", compare="浙江省,河北省")
    table = table_of(at).set_index("省份")
    assert table.loc["浙江省", "第三批"] == 4
    assert table.loc["河北省", "第三批"] == expected(batch=3, province="河北省")
    assert len(maps(at)) == 2
    # in the order the user chose them, each small map headed by the name its map uses
    assert [s.value for s in at.subheader][:3] == ["对比表", "浙江", "河北"]
    assert list(table.index[:2]) == ["浙江省", "河北省"]


def test_compare_needs_two():
    at = run(mode="compare", compare="浙江省")
    assert at.info and "2–4" in at.info[0].value


def test_present_mode_steps():
    at = run(mode="present", step="1")
    assert len(at.sidebar.children) == 0 or not at.sidebar.pills  # no filters shown
    (m,) = maps(at)
    assert "b2-" not in drawn(m) and "b1-" in drawn(m)
    at.button(key="present_next").click().run()
    assert at.query_params["step"] in (["2"], "2")
    (m,) = maps(at)
    assert "b2-" in drawn(m) and "b3-" not in drawn(m)
    at.button(key="present_step_3").click().run()
    assert at.query_params["step"] in (["3"], "3")
    at.button(key="present_exit").click().run()
    assert "mode" not in at.query_params
    assert "step" not in at.query_params  # leaving presenting drops the step
    assert at.sidebar.pills  # filters back


def test_presenting_chosen_in_the_app_starts_at_the_first_step():
    """From the sidebar a presentation opens at 2014, whatever step was last shown; a
    link's step is kept."""
    at = run(mode="present", step="3")
    assert at.title[0].value.endswith("2014–2016")
    at.button(key="present_exit").click().run()
    at.segmented_control(key="w_mode").set_value("present").run()
    assert at.title[0].value.endswith(" 2014")
    assert "step" not in at.query_params
    at.button(key="present_next").click().run()
    assert at.query_params["step"] in (["2"], "2")


def test_pilot_details_from_url():
    at = run(pilot="b3-8ecc3630")
    text = "\n".join(md.value for md in at.markdown)
    assert "北京市順義區" in text and "顺义区" in text
    assert "城市低碳化改造" in text  # practice cited in the 2021 notice
    at.button(key="clear_pilot").click().run()
    assert "pilot" not in at.query_params


@pytest.mark.parametrize("mode", ["explore", "tallies", "compare", "present"])
def test_english(mode):
    at = run(lang="en", mode=mode, compare="浙江省,江苏省")
    assert not re.search(r"[\u4e00-\u9fff]", at.title[0].value)
    text = " ".join(md.value for md in at.markdown)
    assert "第一批" not in text


def test_filters_survive_presenting_and_comparing():
    at = run(status="official,reported,unconfirmed", batch="1,2", compare="浙江省,江苏省")
    at.segmented_control(key="w_mode").set_value("present").run()
    at.button(key="present_exit").click().run()
    assert at.pills(key="w_status").value == ["official", "reported", "unconfirmed"]
    assert at.pills(key="w_batch").value == [1, 2]
    at.segmented_control(key="w_mode").set_value("compare").run()
    assert at.multiselect(key="w_compare").value == ["浙江省", "江苏省"]  # as chosen
    q = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert q == {"mode": "compare", "batch": "1,2", "status": "official,reported,unconfirmed",
                 "compare": "浙江省,江苏省"}


def _fit_options(m: dict[str, object]) -> dict[str, object]:
    """What the map's fit is given (atlas.fitView's data)."""
    found = re.search(r"atlas\.fitView\(\w+, (\{.*?\})\);", drawn(m), re.S)
    assert found, "no fit"
    return dict(json.loads(found.group(1)))


def _fits(at: AppTest) -> list[list[list[float]]]:
    return [_fit_options(m)["bounds"] for m in maps(at)]  # type: ignore[misc]


def _one_scale(at: AppTest) -> list[tuple[list[list[float]], list[list[list[float]]]]]:
    """Per map: its own box and the boxes of every map it shares one zoom with."""
    out = []
    for m in maps(at):
        fit = _fit_options(m)
        assert fit["common"], "no fit at one scale"
        out.append((fit["bounds"], fit["common"]))
    return out  # type: ignore[return-value]


def test_compare_maps_share_one_scale_on_request():
    at = run(mode="compare", compare="浙江省,内蒙古自治区")
    own = _fits(at)
    sizes = {(round(b[1][0] - b[0][0], 2), round(b[1][1] - b[0][1], 2)) for b in own}
    assert len(sizes) == 2  # each province its own extent
    at.toggle(key="w_same_scale").set_value(True).run()
    same = _one_scale(at)
    # every map fits its own province at the zoom that fits the largest of all the boxes
    # (the zoom is worked out in the browser: tests/browser/test_compare_browser.py)
    assert [box for box, _ in same] == same[0][1]
    assert all(boxes == same[0][1] for _, boxes in same)
    for box, fitted in zip(same[0][1], own, strict=True):
        assert all(abs(a - b) < 0.01 for p, q in zip(box, fitted, strict=True)
                   for a, b in zip(p, q, strict=True)), (box, fitted)
    assert at.query_params["scale"] == "same"  # and a link keeps it
    linked = run(mode="compare", compare="浙江省,内蒙古自治区", scale="same")
    assert _one_scale(linked) == same
    assert linked.toggle(key="w_same_scale").value is True


def test_compare_keeps_the_order_chosen():
    at = run(mode="compare", compare="内蒙古自治区,浙江省,河北省")
    names = [sh.value for sh in at.subheader if sh.value in ("内蒙古", "浙江", "河北")]
    assert names == ["内蒙古", "浙江", "河北"]
    assert at.query_params["compare"] == "内蒙古自治区,浙江省,河北省"


def test_province_drill_down_shows_breadcrumb_and_tallies():
    at = run(province="湖南省")
    assert any("全国 › 湖南省" in md.value for md in at.markdown)
    assert any(sh.value == "湖南省的试点" for sh in at.subheader)
    at.button(key="crumb_all").click().run()
    assert "province" not in at.query_params


def test_a_pilot_link_fits_the_map_to_that_pilot():
    from geodata.registry.pilots import resolved_registry

    reg = resolved_registry(simplified=True)
    row = reg[reg["unit_name"] == "顺义区"].iloc[0]
    at = run(pilot=str(row["pilot_id"]))
    (fit,) = _fits(at)
    (s, w), (n, e) = fit
    minx, miny, maxx, maxy = row.geometry.bounds
    assert w <= minx and e >= maxx and s <= miny and n >= maxy  # all of it
    assert (e - w) < 2 and (n - s) < 2  # and not much more: a district, not China
    assert "atlas-selected" in drawn(maps(at)[0])  # drawn highlighted


def test_shared_basemap_link_does_not_turn_tiles_on():
    """`?basemap=osm` is a suggestion: no tiles until this session's user ticks the box;
    once ticked, the URL says so."""
    at = run_app(basemap="osm")
    assert at.checkbox(key="w_basemap").value is False
    assert "basemap" not in at.query_params
    at.checkbox(key="w_basemap").check().run()
    assert at.checkbox(key="w_basemap").value is True
    assert at.query_params["basemap"] in (["osm"], "osm")


@pytest.mark.parametrize(("typed", "unit"), [
    ("Changsha City", "长沙市"), ("Shunyi District", "顺义区"), ("Zixing City", "资兴市"),
    ("Qiyang City", "祁阳市"), ("luhongshi town", "东安县"),
])
def test_english_search_by_the_names_the_english_table_shows(typed, unit):
    at = run(lang="en", q=typed)
    assert shown_count(at) == 1
    at.toggle(key="show_list_explore").set_value(True).run()
    table = next(d.value for d in at.dataframe if "Name (pinyin)" in d.value.columns)
    assert len(table) == 1 and table.iloc[0]["Today's name"] == unit, table.iloc[0].to_dict()
    assert search_words(table.iloc[0]["Name (pinyin)"]) >= search_words(typed)


def search_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]+", text)}


def _names_layer(m: dict, name: str) -> bool:
    """Whether the map's layer control lists `name` (written as JSON escapes)."""
    return json.dumps(name) in (m.get("layer_control") or "")


def test_the_share_layer_is_named_for_what_it_shows():
    (share,) = maps(run(map="share"))
    assert _names_layer(share, "分省县级单位覆盖率") and not _names_layer(share, "分省试点数")
    (counts,) = maps(run(map="count"))  # the word: the choropleth of counts
    assert _names_layer(counts, "分省试点数")
    (en,) = maps(run(map="share", lang="en"))
    assert _names_layer(en, "Share of county-level units covered, by province")
    assert not _names_layer(en, "Pilots per province")


def test_a_link_with_unknown_values_says_what_it_left_out():
    at = run(map="count")
    assert at.query_params["map"] == "choropleth" and not at.warning
    at = run(map="heat", batch="1,7")
    assert dict(at.query_params) == {"batch": "1"}
    (warning,) = at.warning
    text = warning.value.replace("\\", "")  # Markdown escapes
    assert "map=heat" in text and "batch=7" in text
    # gone once the user changes the view: the address bar holds the app's own URL
    at.pills(key="w_batch").set_value([1, 2]).run()
    assert not at.warning
