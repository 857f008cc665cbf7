"""One map HTML per view, shared by every session: a busy meeting (dozens of people
opening the same national map at once) pays for building and rendering it once.

`st_folium` renders the whole folium tree on every run (~0.3 s of CPU for the national
map, most of a page load). Here the strings it sends to its component (script, header,
HTML, asset links) are made once per cache key with streamlit-folium's own helpers
(`streamlit_folium_internals`, the one use of a library's private names) and reused;
only the per-call arguments (key, height, returned objects, callback) are added on
each run. `tests/dashboard/test_shared_map.py` checks that the component
receives exactly what `st_folium` would send, so a new streamlit-folium cannot drift.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Iterable
from typing import Any, NamedTuple

import folium
import streamlit as st
import streamlit_folium as sf

from dashboard.map import code as map_code
from dashboard.map import offline


class Internals(NamedTuple):
    html: Callable[[folium.Map], str]
    header: Callable[[folium.Map], str]
    script: Callable[[folium.Map], str]
    feature_group: Callable[..., str]
    layer_control: Callable[[folium.LayerControl, folium.Map], str]
    component: Callable[..., Any]


def streamlit_folium_internals() -> Internals:
    """The only use of private names of a library in the app (ruff SLF001's one exception,
    tests/dashboard/test_private_names.py): streamlit-folium's own helpers that turn a map
    into the strings its component takes, and the component itself.

    Why: `st_folium` renders the whole folium tree on every run of every session, ~0.3 s
    of CPU for the national map; a meeting of dozens opening the same view at once waits
    for that once per person. Its public `render=False` skips only the Jinja pass, not
    the script generation, and it has no way to reuse the strings (upstream: see
    ARCHITECTURE.md, "Private names"). tests/dashboard/test_shared_map.py fails when a new
    streamlit-folium changes what these produce or what the component takes: the
    arguments sent here must equal what `st_folium` sends for the same map."""
    return Internals(
        html=sf._get_html,  # noqa: SLF001
        header=sf._get_header,  # noqa: SLF001
        script=sf._get_map_string,  # noqa: SLF001
        feature_group=sf._get_feature_group_string,  # noqa: SLF001
        layer_control=sf._get_layer_control_string,  # noqa: SLF001
        component=sf._component_func,  # noqa: SLF001
    )


def render_args(m: folium.Map) -> dict[str, Any]:
    """The strings st_folium derives from a map, in the order st_folium derives them.
    The map's links are its own (`default_js`/`default_css`, see `offline.map_assets`):
    no other element of the app's maps brings any."""
    private = streamlit_folium_internals()
    m.get_root().render()
    m.render()
    html = private.html(m)
    header = private.header(m)
    script = private.script(m)
    try:
        (s, w), (n, e) = m.get_bounds()
    except (AttributeError, TypeError, ValueError):
        s = w = n = e = None
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(m),
        "css_links": list(dict.fromkeys(href for _, href in m.default_css)),
        "js_links": list(dict.fromkeys(src for _, src in m.default_js)),
        "bounds": {"_southWest": {"lat": s, "lng": w}, "_northEast": {"lat": n, "lng": e}},
        "zoom": m.options.get("zoom") if hasattr(m, "options") else {},
        "_hashes": {},
    }


def render_parts(parts: Any) -> dict[str, Any]:
    """`render_args` of a map built in parts (`map.view.MapParts`): the fixed base as the
    script, and the groups and layer control as st_folium's swappable feature-group and
    layer-control strings (the component swaps those in place, keeping its map)."""
    private = streamlit_folium_internals()
    r = render_args(parts.base)
    r["feature_group"] = "".join(
        private.feature_group(g, parts.base, idx=i) for i, g in enumerate(parts.groups))
    r["layer_control"] = private.layer_control(parts.control, parts.base)
    return r


@st.cache_resource(show_spinner=False, max_entries=24)
def _rendered(digest: str, _build: Callable[[], Any]) -> dict[str, Any]:
    del digest  # the key only: of the normalised view and the data version
    built = _build()
    r = render_args(built) if isinstance(built, folium.Map) else render_parts(built)
    if map_code.ENABLED:  # the code as files, fetched and cached by the browsers
        r["_base_file"] = map_code.publish(r["script"])
        if r.get("feature_group"):
            r["_groups_file"] = map_code.publish(r["feature_group"])
            scripts = [offline.local_script(u) for u in r["js_links"]]
            if all(scripts):  # only the app's own scripts: all of it in one file
                r["_first_file"] = map_code.publish_bundle(
                    [str(js) for js in scripts], [r["_base_file"], r["_groups_file"]])
    return r


def _as_files(r: dict[str, Any], args: dict[str, Any], key: str) -> dict[str, Any]:
    """`args` with the map's code loaded from its published files: the base always (a new
    base is a new component, which loads its links first); the groups only as long as
    this session's component is the one made with them (it loaded them with the base),
    inline once filters change them (an existing component never loads links again)."""
    base_path = str(st.get_option("server.baseUrlPath") or "")
    base, groups = r["_base_file"], r.get("_groups_file")
    made_with = st.session_state.get(f"_map_code_{key}")
    if made_with is None or made_with[0] != base.digest:  # this run makes a new component
        made_with = (base.digest, groups.digest if groups else "")
    value = st.session_state.get(args["key"])
    if isinstance(value, dict) and value.get(map_code.MISSING) == made_with[1]:
        made_with = (base.digest, "")  # the page could not fetch them: inline from now on
    st.session_state[f"_map_code_{key}"] = made_with
    links = [*args["js_links"], base.url(base_path)]
    args = {**args, "script": base.run_line(base_path)}
    if groups is not None and groups.digest == made_with[1]:
        args["feature_group"] = groups.run_line(base_path)
        links.append(groups.url(base_path))
        if "_first_file" in r:  # Leaflet, the map's scripts, base and groups in one fetch
            links = [r["_first_file"].url(base_path)]
    args["js_links"] = links
    return args


def _defaults(r: dict[str, Any], returned_objects: Iterable[str] | None) -> dict[str, Any]:
    every: dict[str, Any] = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": r["bounds"],
        "zoom": r["zoom"],
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    wanted = None if returned_objects is None else set(returned_objects)
    return {k: v for k, v in every.items() if wanted is None or k in wanted}


def component_args(
    r: dict[str, Any],
    *,
    key: str,
    height: int = 700,
    width: int | None = 500,
    use_container_width: bool = False,
    returned_objects: Iterable[str] | None = None,
    zoom: int | None = None,
    center: tuple[float, float] | None = None,
    return_on_hover: bool = False,
    pixelated: bool = False,
    wrap_longitude: bool = False,
) -> dict[str, Any]:
    """What st_folium passes to its component for rendered map `r` and these options."""
    hashes: dict[tuple[str, bool], str] = r["_hashes"]
    hkey = (key, return_on_hover)
    if hkey not in hashes:  # a regex over the whole script: once per key, not per run
        hashes[hkey] = sf.generate_js_hash(r["script"], key, return_on_hover)
    returned = list(returned_objects) if returned_objects is not None else None
    return {
        **{k: r[k] for k in ("script", "header", "html", "id")},
        "key": hashes[hkey],
        "height": height,
        "width": None if use_container_width else width,
        "returned_objects": returned,
        "default": _defaults(r, returned),
        "zoom": zoom,
        "center": center,
        "feature_group": r.get("feature_group"),
        "return_on_hover": return_on_hover,
        "layer_control": r.get("layer_control"),
        "pixelated": pixelated,
        "css_links": r["css_links"],
        "js_links": r["js_links"],
        "wrap_longitude": wrap_longitude,
    }


def show(
    build: Callable[[], Any],
    cache_key: Hashable,
    *,
    key: str,
    on_change: Callable[[], None] | None = None,
    **options: Any,
) -> Any:
    """`st_folium(build(), key=key, **options)`, with the map built and rendered once per
    `cache_key` for all sessions. `cache_key` must change whenever the map would.
    `build` returns a folium.Map, or a `map.view.MapParts` (base + swappable groups)."""
    # Streamlit would hash the key's ~200 pilot ids one by one in Python on every run
    # (a few ms of each page load); its repr, all values and dataclasses, hashes at once.
    r = _rendered(hashlib.blake2b(repr(cache_key).encode(), digest_size=16).hexdigest(), build)
    args = component_args(r, key=key, **options)
    if "_base_file" in r:
        args = _as_files(r, args, key)
    hash_key = args["key"]

    def _changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    return streamlit_folium_internals().component(**args, on_change=_changed)
