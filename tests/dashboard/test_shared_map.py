"""The shared map sends its component exactly what st_folium would send for the same
map: the cache saves the work, never changes the page."""

from __future__ import annotations

import re
from typing import Any

import pytest
import streamlit_folium as sf

from dashboard.map import shared as shared_map
from dashboard.map.view import MapSpec, build_map
from dashboard.state import ViewState
from geodata.boundaries.layers import load_layer
from geodata.registry.pilots import resolved_registry


@pytest.fixture(scope="module")
def maps():
    reg = resolved_registry(simplified=True)
    prov = load_layer("province", simplified=True)
    from dashboard.filters import filter_pilots

    pilots = filter_pilots(reg, ViewState(batches=(3,)))
    return [
        lambda: build_map(reg, prov, spec=MapSpec()),
        lambda: build_map(pilots, prov, spec=MapSpec(lang="en", style="choropleth")),
        lambda: build_map(reg, prov, spec=MapSpec(focus="520000", large=True)),
    ]


def _recorded(monkeypatch: pytest.MonkeyPatch, call: Any) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def record(**kwargs: Any) -> None:
        kwargs.pop("on_change")
        seen.update(kwargs)

    monkeypatch.setattr(sf, "_component_func", record)
    call()
    return seen


@pytest.mark.parametrize("index", [0, 1, 2])
@pytest.mark.parametrize(
    "options",
    [
        {"height": 620, "use_container_width": True,
         "returned_objects": ["last_object_clicked_tooltip", "last_object_clicked_count"]},
        {"height": 400, "returned_objects": None, "zoom": 6, "center": (30.0, 110.0)},
    ],
)
def test_same_component_arguments_as_st_folium(
    monkeypatch: pytest.MonkeyPatch, maps: list[Any], index: int, options: dict[str, Any]
) -> None:
    build = maps[index]
    theirs = _recorded(monkeypatch, lambda: sf.st_folium(build(), key="m", **options))
    rendered = shared_map.render_args(build())
    mine = _recorded(
        monkeypatch, lambda: shared_map.streamlit_folium_internals().component(  # as show()
            **shared_map.component_args(rendered, key="m", **options), on_change=None
        )
    )
    assert set(mine) == set(theirs)
    for k in theirs:
        assert mine[k] == theirs[k], k
    assert len(mine["script"]) > 10_000 and mine["key"] == theirs["key"]


def test_a_rendered_map_is_reused_for_every_call(maps: list[Any]) -> None:
    r = shared_map.render_args(maps[0]())
    a = shared_map.component_args(r, key="map_explore", height=620)
    b = shared_map.component_args(r, key="map_explore", height=620)
    assert a == b and a["script"] is b["script"]  # the same string, not a new render
    other = shared_map.component_args(r, key="map_counts", height=620)
    assert other["key"] != a["key"]  # the component key follows the widget key


@pytest.mark.parametrize("spec", [MapSpec(), MapSpec(lang="en", style="choropleth"),
                                  MapSpec(drill="430000", selected="x")])
def test_parts_same_component_arguments_as_st_folium(
    monkeypatch: pytest.MonkeyPatch, spec: MapSpec
) -> None:
    from dashboard.map.view import build_parts

    reg = resolved_registry(simplified=True)
    prov = load_layer("province", simplified=True)
    pref = load_layer("prefecture", simplified=True)
    options = {"height": 620, "use_container_width": True,
               "returned_objects": ["last_object_clicked_tooltip"]}

    def build() -> Any:
        return build_parts(reg, prov, spec=spec, prefectures=pref)

    def call_st_folium() -> None:
        p = build()
        sf.st_folium(p.base, key="m", feature_group_to_add=p.groups,
                     layer_control=p.control, **options)

    theirs = _recorded(monkeypatch, call_st_folium)
    rendered = shared_map.render_parts(build())
    mine = _recorded(
        monkeypatch, lambda: shared_map.streamlit_folium_internals().component(
            **shared_map.component_args(rendered, key="m", **options), on_change=None
        )
    )
    assert set(mine) == set(theirs)
    for k in theirs:
        assert mine[k] == theirs[k], k
    assert mine["feature_group"] and "L.control.layers" in mine["layer_control"]


def test_a_filter_change_keeps_the_base_and_so_the_map() -> None:
    from dashboard.filters import filter_pilots
    from dashboard.map.view import build_parts

    reg = resolved_registry(simplified=True)
    prov = load_layer("province", simplified=True)
    a = shared_map.render_parts(build_parts(reg, prov, spec=MapSpec()))
    shown = filter_pilots(reg, ViewState(batches=(3,), provinces=("湖南省",)))
    b = shared_map.render_parts(build_parts(shown, prov, spec=MapSpec(
        bounds=((24.6, 108.7), (30.2, 114.3)), drill="430000")))
    ka = shared_map.component_args(a, key="m")["key"]
    kb = shared_map.component_args(b, key="m")["key"]
    assert ka == kb  # the same component instance: the browser keeps its map
    assert a["feature_group"] != b["feature_group"]  # and swaps the layers


def test_show_builds_once_per_view_and_again_for_another(monkeypatch: pytest.MonkeyPatch) -> None:
    import folium

    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: None)
    shared_map._rendered.clear()
    built: list[str] = []

    def build(name: str) -> Any:
        built.append(name)
        return folium.Map(tiles=None)

    ids = ("b1-0000aaaa", "b2-0000bbbb")
    for _ in range(3):  # three sessions opening the same view
        shared_map.show(lambda: build("default"), (MapSpec(), ids, ("data-v1", ())), key="m")
    shared_map.show(lambda: build("en"), (MapSpec(lang="en"), ids, ("data-v1", ())), key="m")
    shared_map.show(lambda: build("fewer"), (MapSpec(), ids[:1], ("data-v1", ())), key="m")
    shared_map.show(lambda: build("new data"), (MapSpec(), ids, ("data-v2", ())), key="m")
    shared_map.show(lambda: build("default"), (MapSpec(), ids, ("data-v1", ())), key="m")
    assert built == ["default", "en", "fewer", "new data"]


def test_served_map_code_loaded_once_then_swapped_inline(monkeypatch: pytest.MonkeyPatch) -> None:
    """As served (`serve.py`): a page's first map runs its published files; a filter
    change sends the new layers inline (the page's component never loads links again);
    back to the first view, the layers it loaded run again from its files."""
    import json

    from dashboard.map import code as map_code
    from tests.dashboard.apptest import run_app

    def the_map(at: Any) -> dict[str, Any]:
        (m,) = [json.loads(c.proto.json_args) for c in at.get("component_instance")
                if "st_folium" in c.proto.component_name]
        return dict(m)

    monkeypatch.setattr(map_code, "ENABLED", True)
    shared_map._rendered.clear()
    try:
        at = run_app()
        first = the_map(at)
        # one file before the first frame: Leaflet, then the base and layers it runs
        (link,) = first["js_links"]
        assert link.startswith(map_code.ROUTE)
        bundle = map_code._files[link.split("/")[-1].removesuffix(".js")]
        assert bundle.js.startswith(b"/* @preserve\n * Leaflet")
        assert first["script"].startswith("window.atlasRun(")
        assert first["feature_group"].startswith("window.atlasRun(")
        base_url, groups_url = (re.findall(r'"(/map-code/[0-9a-f]+\.js)"', first[k])[0]
                                for k in ("script", "feature_group"))
        base = map_code._files[base_url.split("/")[-1].removesuffix(".js")]
        groups = map_code._files[groups_url.split("/")[-1].removesuffix(".js")]
        assert b"L.map(" in base.js and json.dumps(base.digest).encode() in base.js
        assert base.js in bundle.js and groups.js in bundle.js

        everything = at.pills(key="w_batch").value
        at.pills(key="w_batch").set_value([3]).run()
        swapped = the_map(at)
        assert swapped["script"] == first["script"] and swapped["key"] == first["key"]
        assert "atlasRun" not in swapped["feature_group"]
        assert "feature_group_feature_group_0" in swapped["feature_group"]

        at.pills(key="w_batch").set_value(everything).run()
        back = the_map(at)
        assert back["feature_group"] == first["feature_group"]
        assert back["js_links"] == first["js_links"]
    finally:
        shared_map._rendered.clear()
