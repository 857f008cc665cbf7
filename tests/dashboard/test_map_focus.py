"""Where the map looks (bounds from the data), labels, legend and the z/c URL keys."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import shapely

from dashboard.filters import filter_pilots
from dashboard.map.focus import CHINA_BOUNDS, MAX_BOUNDS, focus_bounds
from dashboard.map.view import MapSpec, build_map, build_parts
from dashboard.state import STATUSES, ViewState, from_query, same_but_view, to_query


def _box(bounds):
    (s, w), (n, e) = bounds
    return shapely.box(w, s, e, n)


def test_province_filter_fits_that_province(registry, provinces) -> None:
    state = ViewState(provinces=("河北省",))
    b = focus_bounds(pilots=filter_pilots(registry, state), provinces=provinces,
                     chosen_provinces=state.provinces)
    hebei = provinces[provinces["name"] == "河北省"].geometry.iloc[0]
    assert _box(b).buffer(1e-3).contains(hebei)
    assert _box(b).area < 5 * shapely.box(*hebei.bounds).area


def test_search_hit_fits_the_hits_and_a_pilot_beats_it(registry, provinces) -> None:
    state = ViewState(q="顺义")
    hits = filter_pilots(registry, state)
    assert len(hits) == 1
    b = focus_bounds(pilots=hits, provinces=provinces, query=state.q)
    assert _box(b).buffer(1e-3).contains(hits.geometry.iloc[0])
    assert _box(b).area < 1.0  # a district, not China
    town = registry[registry["geometry_kind"] == "town_point"].iloc[0]
    tb = focus_bounds(pilots=hits, provinces=provinces, query=state.q, selected=town.geometry)
    assert _box(tb).contains(town.geometry) and not _box(tb).intersects(hits.geometry.iloc[0])


def test_nothing_chosen_is_the_national_view(registry, provinces) -> None:
    assert focus_bounds(pilots=registry, provinces=provinces) is None
    fit = build_parts(registry, provinces, spec=MapSpec()).elements["fit"].options
    assert fit["bounds"] == CHINA_BOUNDS and not fit["view"] and not fit["local"]


def test_labels_are_text_in_the_ui_language(registry, provinces) -> None:
    hunan = filter_pilots(registry, ViewState(provinces=("湖南省",)))

    def labels(lang: str) -> set[tuple[str, str]]:
        parts = build_parts(hunan, provinces, spec=MapSpec(drill="430000", lang=lang))
        items = parts.elements["labels"].options["items"]
        return {(i[2], ("prov", "pilot")[i[3]]) for i in items}

    assert {("湖南", "prov"), ("新疆", "prov"), ("长沙市", "pilot")} <= labels("zh")
    assert {("Hunan", "prov"), ("Xinjiang", "prov"), ("Changsha City", "pilot")} <= labels("en")
    # drawn as text nodes: tests/browser/test_labels_browser.py reads them from the page


def test_tooltips_show_no_ids(registry, provinces) -> None:
    html = build_map(registry, provinces, spec=MapSpec()).get_root().render()
    for line in re.findall(r'\[("[^"]*"), "[^"]*"\], "b\d-[0-9a-f]{8}"\]', html):
        assert not re.search(r"b\d-[0-9a-f]{8}", line)


def test_legend_draws_each_status_as_it_appears(registry, provinces) -> None:
    shown = filter_pilots(registry, ViewState(statuses=("official", "reported", "unconfirmed")))
    html = build_map(shown, provinces, spec=MapSpec()).get_root().render()
    swatches = re.findall(r"<rect [^>]*/>", html.encode().decode("unicode_escape"))
    assert len(set(swatches)) == 3  # official, reported, unconfirmed all differ
    assert sum("stroke-dasharray" in s for s in swatches) == 1


def test_manners_are_on_the_map(registry, provinces) -> None:
    manners = build_parts(registry, provinces, spec=MapSpec()).elements["manners"].options
    assert manners == {"china": CHINA_BOUNDS, "maxBounds": MAX_BOUNDS}
    # the small maps of a comparison are left as they are
    assert "manners" not in build_parts(registry, provinces,
                                        spec=MapSpec(focus="430000")).elements


def test_selected_pilot_drawn_on_top(registry, provinces) -> None:
    pid = str(registry["pilot_id"].iloc[0])

    def on_top(spec: MapSpec) -> list[str]:
        return [f[4] for layer in build_parts(registry, provinces, spec=spec).layers
                if layer.options["pane"] == "atlas-selected" for f in layer.data["f"]]

    assert on_top(MapSpec(selected=pid)) == [pid]
    assert on_top(MapSpec()) == []


def test_zoom_and_centre_round_trip_and_are_not_a_new_view() -> None:
    s = from_query({"province": "湖南省", "z": "7.5", "c": "27.61,111.71"})
    assert (s.z, s.c) == (7.5, (27.61, 111.71))
    q = to_query(s)
    assert q["z"] == "7.5" and q["c"] == "27.610,111.710"
    assert to_query(from_query({})) == {}  # the national view: a clean URL
    assert from_query({"z": "99", "c": "1,2"}).z is None  # nonsense is dropped
    assert from_query({"z": "5", "c": "x"}).c is None
    assert same_but_view({"province": "湖南省"}, q)
    assert not same_but_view({"province": "河北省"}, q)


@pytest.mark.parametrize(("typed", "expect"), [
    ("shunyi", "顺义区"), ("Shùnyì", "顺义区"), ("Long gang", "龙港"), ("HUNAN", "湖南省"),
    ("Inner Mongolia", "内蒙古自治区"),
])
def test_search_takes_pinyin_and_english_names(registry, typed, expect) -> None:
    hits = filter_pilots(registry, ViewState(q=typed))
    assert len(hits)
    text = hits[["unit_name", "town", "province", "name_published"]].astype(str).agg("".join,
                                                                                    axis=1)
    assert text.str.contains(expect).all(), text.tolist()


@pytest.mark.parametrize(("typed", "expect"), [
    ("Changsha City", "长沙市"), ("Shunyi District", "顺义区"), ("Zixing City", "资兴市"),
    ("Qiyang City", "祁阳市"), ("Luhongshi Town", "芦洪市镇"), ("changsha city", "长沙市"),
    ("ZIXINGCITY", "资兴市"), ("luhongshi  town", "芦洪市镇"), ("Dong'an County", "东安县"),
    ("Yongzhou City", "永州市"),
])
def test_search_takes_the_english_names_the_app_writes(registry, typed, expect) -> None:
    hits = filter_pilots(registry, ViewState(q=typed))
    assert len(hits), typed
    text = hits[["unit_name", "town", "prefecture", "county"]].astype(str).agg("".join, axis=1)
    assert text.str.contains(expect).all(), text.tolist()


def test_every_pilot_is_found_by_its_english_name(registry) -> None:
    from dashboard.ui import display_table

    registry = registry[registry["status"].isin(STATUSES)]  # what a view can show
    shown = display_table(registry, "en")
    every = ViewState(statuses=STATUSES)
    for pid, name_en in zip(registry["pilot_id"], shown["Name (pinyin)"], strict=True):
        if name_en:
            hits = filter_pilots(registry, replace(every, q=name_en))
            assert pid in set(hits["pilot_id"]), name_en


def test_a_unit_type_in_english_is_not_dropped(registry) -> None:
    # 长沙县 is no pilot: "Changsha County" must not find 长沙市 by its stem alone
    assert filter_pilots(registry, ViewState(q="Changsha County")).empty


def test_search_in_pinyin_finds_nothing_for_a_name_not_there(registry) -> None:
    assert filter_pilots(registry, ViewState(q="zzqxv")).empty


def test_table_starts_with_the_name_and_has_pinyin_in_english(registry) -> None:
    from dashboard.ui import display_table

    zh = display_table(registry.head(5), "zh")
    en = display_table(registry.head(5), "en")
    assert zh.columns[0] == "简体名称" and zh.columns[-1] == "编号"  # the id last
    assert en.columns[0] == "Name (pinyin)"
    assert all(v and v.isascii() for v in en.iloc[:, 0])


def test_english_tooltips_carry_pinyin(registry, provinces) -> None:
    parts = build_parts(registry, provinces, spec=MapSpec(lang="en"))
    tips = [f[3] for layer in parts.layers for f in layer.data["f"] if isinstance(f[3], list)]
    assert any(t[0].startswith("Shunyi District") for t in tips)
