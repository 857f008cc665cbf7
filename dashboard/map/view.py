"""The map as a plain function: data in, `folium.Map` out, no Streamlit.

Only Leaflet and the map's own scripts are loaded (from the app, see `offline.py`);
every element here calls those scripts with its data. streamlit-folium names the
elements by their place in the tree, so equal inputs give the component equal code
and it does not remount the map.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, MacroElement

from dashboard import marking
from dashboard.escape import html_text as _esc
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map import choropleth, offline
from dashboard.map import detail as map_detail
from dashboard.map.compact_geojson import CompactGeoJson
from dashboard.map.controls import (
    Attribution,
    Decoder,
    FitView,
    HtmlControl,
    MetricScale,
    NarrowLayers,
    css,
)
from dashboard.map.fill import FillFrame
from dashboard.map.focus import CHINA_BOUNDS, FocusWithoutScroll, MapManners
from dashboard.map.inset import SouthChinaSeaInset
from dashboard.map.labels import LabelLayer, pilot_labels, province_labels
from dashboard.map.legend import NOT_IN_LIST_LINE, STATUS_STYLE, count_legend_html, legend_html
from dashboard.map.palette import BATCH_COLOURS, CLASS_COLOURS, EMPTY_FILL, OTHER_COLOUR, OUTLINE
from dashboard.state import BATCH_YEARS
from geodata.geocode.romanise import unit_name_en

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BATCH_COLOURS", "CHINA_BOUNDS", "EMPTY_FILL", "MapSpec", "build_map"]
COUNT_COLOURS = CLASS_COLOURS
# Decimal places sent to the browser: 1e-3 degrees (~100 m) is finer than the display
# simplification of the units themselves (the national view sends less: map_detail).
PILOT_PRECISION = map_detail.FINE_PRECISION
OUTLINE_PRECISION = map_detail.FINE_PRECISION
PILOT_ID = re.compile(r"b[0-9]+-[0-9a-f]{8}")
# the hidden id a clicked province's tooltip text ends with (see compact_geojson)
_PROVINCE_ID = re.compile(r"id:([0-9]{2}0000)$")

# Panes fix the drawing order whatever layers the user toggles: outlines under
# large units under counties under points, so a county inside a pilot prefecture
# stays clickable.
_PANES: tuple[tuple[str, int], ...] = (
    ("atlas-base", 390),
    ("atlas-large", 410),
    ("atlas-county", 420),
    ("atlas-points", 430),
    ("atlas-selected", 440),
)
_PANE_OF_LEVEL = {"province": "atlas-large", "prefecture": "atlas-large", "county": "atlas-county"}
_LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "zone": 4}



@dataclass(frozen=True, slots=True)
class MapSpec:
    """How to draw; everything that changes the HTML is here or in the data."""

    lang: str = "zh"
    style: str = "pilots"  # pilots | choropleth
    basemap: bool = False  # OpenStreetMap tiles: the only online request, opt-in
    focus: str = ""  # a province adcode: draw only it, with its prefectures (small maps)
    large: bool = False  # presenting: bigger type and dots
    fill: bool = False  # presenting: the map fills a frame the page sizes from the viewport
    measure: str = "count"  # choropleth: count | share of county-level units covered
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None  # fit; None: China
    view: tuple[float, float, float] | None = None  # (zoom, lat, lon) from a shared link
    # small maps side by side at one scale: every map's bounds; each takes the zoom of the
    # largest (computed in the browser, where the map's size in pixels is known)
    same_zoom: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = ()
    selected: str = ""  # pilot id drawn highlighted
    drill: str = ""  # a province adcode opened at full context: outline its prefectures
    labels: bool = True
    asset_base: str = field(default_factory=offline.asset_base)
    attribution: str = ""


def _tooltip_rows(row: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Tooltip lines: names and facts. The pilot id is not shown; the layer adds it
    hidden, for the click to return to the app."""
    published = str(row["name_published"])
    name = str(row.get("name") or published)  # simplified, the published form beside it
    today = str(row["unit_name"] or "")
    town = str(row["town"] or "")
    shown_today = f"{today}{town}" if town and not today.endswith(town) else today
    title = name if not shown_today or shown_today == name else f"{name} · {shown_today}"
    if published != name:
        title = title.replace(name, f"{name}（{published}）", 1)
    if lang == "en":
        english = unit_name_en(today, town)
        title = f"{english} ({title})" if english else title
    meta = [
        batch_label(int(row["batch"]), int(row["year"]), lang),
        value_label("status", str(row["status"]), lang),
        province_label(str(row["province"]), lang) if lang == "en" else "",
    ]
    if row["geometry_kind"] == "approximate":
        meta.append(t("approximate_place", lang))
    if row.get("list_mark") in ("not_in_list", "from_list"):
        meta.append(value_label("list_mark", str(row["list_mark"]), lang))
    return {"t_name": _esc(title), "t_meta": _esc(" · ".join(m for m in meta if m)),
            "pid": _esc(row["pilot_id"])}


def _style(row: Mapping[str, Any], *, large: bool) -> dict[str, Any]:
    colour = BATCH_COLOURS.get(int(row["batch"]), OTHER_COLOUR)
    style = {"color": colour, "fillColor": colour, **STATUS_STYLE.get(str(row["status"]), {})}
    if row["level"] == "province":
        # a whole province must not hide the outlines of its neighbours' pilots
        style["fillOpacity"] = min(style["fillOpacity"], 0.28)
    if row["geometry_kind"] in ("town_point", "approximate"):
        style.update(color="#222222", weight=1.5 if large else 1, radius=9 if large else 6,
                     opacity=1, fill=True, fillOpacity=0.9)
        if str(row["status"]) == "unconfirmed":
            style.update(fillOpacity=0.35, dashArray="3 2")
        if row["geometry_kind"] == "approximate":
            style.update(dashArray="3 2", fillOpacity=0.45)
    if row.get("list_mark") == "not_in_list":  # a shipped member the list in use lacks
        style.update(NOT_IN_LIST_LINE)
    return style


def _tooltip_lines(row: Mapping[str, Any], lang: str) -> list[str]:
    """[title, meta], escaped; the page joins them with line breaks."""
    parts = _tooltip_rows(row, lang)
    return [parts["t_name"], parts["t_meta"]]


def _pilot_layer(rows: Sequence[Mapping[str, Any]], *, pane: str, spec: MapSpec) -> CompactGeoJson:
    # points and areas share one layer type; the geometry decides
    return CompactGeoJson(
        [(r["geometry"], _style(r, large=spec.large), _tooltip_lines(r, spec.lang),
          str(r["pilot_id"])) for r in rows],
        precision=map_detail.precision(spec), pane=pane, name=pane,
        highlight={"weight": 3.5, "fillOpacity": 0.75},
    )


def _provinces_layer(provinces: pd.DataFrame,
                     values: Mapping[str, choropleth.ProvinceValue] | None,
                     spec: MapSpec) -> CompactGeoJson:
    feats = []
    for adcode, name, geom in zip(provinces["adcode"], provinces["name"], provinces.geometry,
                                  strict=True):
        label = province_label(str(name), spec.lang)
        fill = EMPTY_FILL
        if values is not None:
            v = values.get(str(adcode), choropleth.ProvinceValue(0, 0, 0, False))
            label = t("pilots_in", spec.lang, name=label, n=v.count)
            if v.whole:
                label += " · " + t("choro_whole", spec.lang)
            elif v.total:
                label += " · " + t("choro_share_of", spec.lang, covered=v.covered,
                                   total=v.total, share=f"{v.share:.0%}")
            fill = choropleth.fill_of(choropleth.class_of(v, spec.measure))
        style = {"color": OUTLINE, "weight": 0.8, "fillColor": fill,
                 "fillOpacity": 0.85 if values is not None else 0.6}
        feats.append((geom, style, _esc(label), str(adcode)))
    name = _choropleth_name(spec) if values is not None else t("layer_provinces", spec.lang)
    return CompactGeoJson(feats, precision=map_detail.precision(spec), pane="atlas-base",
                          name=name, control=True)


def _choropleth_name(spec: MapSpec) -> str:
    """The choropleth's layer named for what it shows: counts, or the share covered."""
    return t("layer_share" if spec.measure == "share" else "layer_counts", spec.lang)


def province_counts(pilots: pd.DataFrame) -> dict[str, int]:
    """Pilots per province adcode (a whole-province pilot counts once)."""
    codes = pilots["province_adcode"].astype(str)
    return {str(k): int(v) for k, v in codes[codes != ""].value_counts().sort_index().items()}


def _bounds_of(geoms: Any) -> list[list[float]]:
    minx, miny, maxx, maxy = (float(v) for v in geoms.total_bounds)
    return [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]]


@dataclass
class MapParts:
    """A map in two parts: `base` stays the same while filters change (so the browser
    keeps its map), `groups` and `control` are swapped in place on every change."""

    base: folium.Map
    groups: list[folium.FeatureGroup]
    control: folium.LayerControl
    legend: str = ""  # the legend's HTML, as drawn
    layers: list[CompactGeoJson] = field(default_factory=list)  # its features, as drawn
    # the page's pieces by role (inset, manners, fill, labels, fit), each with the data it
    # gives its script (`.options`)
    elements: dict[str, MacroElement] = field(default_factory=dict)


def build_parts(
    pilots: pd.DataFrame,
    provinces: pd.DataFrame,
    *,
    spec: MapSpec | None = None,
    prefectures: pd.DataFrame | None = None,
) -> MapParts:
    """The map of `pilots` as a fixed base and swappable groups (see `build_map`)."""
    spec = spec or MapSpec()
    elements: dict[str, MacroElement] = {}
    m = folium.Map(tiles=None, control_scale=False, zoom_start=4, location=[35.5, 104.0],
                   min_zoom=2, max_zoom=13, zoom_snap=0.5)
    # Leaflet and the map's own scripts, from the app's static folder: no CDN, no
    # jQuery/Bootstrap.
    m.default_js, m.default_css = offline.map_assets(spec.asset_base)
    m.get_root().header.add_child(  # type: ignore[attr-defined]  # the root is a Figure
        Element(css(spec.large)), name="atlas_css")
    for name, z in _PANES:
        folium.map.CustomPane(name, z_index=z, pointer_events=True).add_to(m)
    Decoder().add_to(m)
    elements["scale"] = MetricScale()
    elements["scale"].add_to(m)
    FocusWithoutScroll().add_to(m)  # a press must not scroll the page (or the click is lost)
    if spec.basemap:
        note = _esc(t("basemap_not_standard", spec.lang))
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False,
                         attr=f"© OpenStreetMap contributors · {note}").add_to(m)

    shown_provinces = provinces
    if spec.focus:
        shown_provinces = provinces[provinces["adcode"].astype(str) == spec.focus]
    # the outlines travel with the swappable groups (not the fixed base), so the national
    # view can send them coarser, and a province view fine
    national = map_detail.is_national(spec)
    if national:
        shown_provinces = shown_provinces.assign(geometry=[
            map_detail.coarse(g, "province") for g in shown_provinces.geometry])
    values = choropleth.province_values(pilots) if spec.style == "choropleth" else None
    if not spec.focus:  # a national map: the 南海诸岛 inset in the lower right
        elements["inset"] = SouthChinaSeaInset(spec.lang, CHINA_BOUNDS)
        elements["inset"].add_to(m)
    if spec.attribution:
        Attribution(marking.sentence(spec.attribution, spec.lang, as_html=True),
                    marking.name("Leaflet", spec.lang, as_html=True), spec.lang).add_to(m)
    if not spec.focus:  # the small maps of a comparison stay as they are
        elements["manners"] = MapManners()
        elements["manners"].add_to(m)
    if spec.fill:
        elements["fill"] = FillFrame(
            _bounds_of(shown_provinces.geometry) if spec.focus and len(shown_provinces)
            else CHINA_BOUNDS)
        elements["fill"].add_to(m)

    groups: list[folium.FeatureGroup] = []
    drawn: list[CompactGeoJson] = []
    if values is not None:
        counts = folium.FeatureGroup(name=_choropleth_name(spec), control=True)
        drawn.append(_provinces_layer(shown_provinces, values, spec).add_to(counts))
        groups.append(counts)
    else:
        outlines = folium.FeatureGroup(name=t("layer_provinces", spec.lang), control=True)
        drawn.append(_provinces_layer(shown_provinces, None, spec).add_to(outlines))
        groups.append(outlines)
        records = _pilot_records(pilots)
        if national:
            for r in records:
                r["geometry"] = map_detail.coarse(r["geometry"], "pilot")
        groups += _pilot_groups(records, spec, drawn)
    extra = folium.FeatureGroup(name="atlas-on-top", control=False)
    outlined = spec.focus or spec.drill
    if outlined and prefectures is not None and len(prefectures):
        inner = prefectures[prefectures["province_adcode"].astype(str) == outlined]
        drawn.append(CompactGeoJson(
            [(g, {"color": "#b0b0b0", "weight": 0.6, "fill": False}, "", str(a))
             for a, g in zip(inner["adcode"], inner.geometry, strict=True)],
            precision=OUTLINE_PRECISION, pane="atlas-base", name="prefectures",
        ).add_to(extra))
    legend = count_legend_html(values, spec) if values is not None else _pilot_legend(
        records, spec)
    HtmlControl(legend, slot="legend").add_to(extra)
    if values is None:
        _add_selected(extra, pilots, spec, drawn)
    if spec.labels:
        elements["labels"] = _add_labels(extra, records if values is None else [],
                                         shown_provinces, spec)
    if spec.bounds:
        fit = [list(spec.bounds[0]), list(spec.bounds[1])]
    elif spec.focus and len(shown_provinces):
        fit = _bounds_of(shown_provinces.geometry)
    else:
        fit = CHINA_BOUNDS
    elements["fit"] = FitView(fit, spec.view, local=bool(spec.bounds or spec.focus),
                              clear=not spec.focus,
                              common=[[list(c) for c in b] for b in spec.same_zoom])
    elements["fit"].add_to(extra)
    NarrowLayers().add_to(extra)
    groups.append(extra)

    control = folium.LayerControl(collapsed=bool(spec.focus), position="topright")
    return MapParts(m, groups, control, legend, drawn, elements)


def build_map(
    pilots: pd.DataFrame,
    provinces: pd.DataFrame,
    *,
    spec: MapSpec | None = None,
    prefectures: pd.DataFrame | None = None,
    more: Callable[[folium.Map], object] | None = None,
) -> folium.Map:
    """The national (or, with `spec.focus`, one province's) map of `pilots`, whole.

    `pilots` is a filtered `resolved_registry()` frame, `provinces` the province
    layer (all of it; only the focus province is drawn when focusing) and
    `prefectures` the prefecture outlines to draw inside a focus or drill province.
    `more` adds further layers (a list's, `list_layer.add_list_layer`) before the layer
    control, which lists the layers added before it.
    """
    parts = build_parts(pilots, provinces, spec=spec, prefectures=prefectures)
    m = parts.base
    for g in parts.groups:
        g.add_to(m)
    if more is not None:
        more(m)
    parts.control.add_to(m)
    return m


def _pilot_records(pilots: pd.DataFrame) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()}
        for r in pilots.to_dict("records") if r.get("geometry") is not None
    ]
    records.sort(key=lambda r: (int(r["batch"]), _LEVEL_ORDER.get(str(r["level"]), 9),
                                str(r["pilot_id"])))
    return records


def _pilot_groups(records: list[dict[str, Any]], spec: MapSpec,
                  drawn: list[CompactGeoJson]) -> list[folium.FeatureGroup]:
    """One switchable group per batch."""
    out = []
    for b in sorted({int(r["batch"]) for r in records}):
        mine = [r for r in records if int(r["batch"]) == b]
        colour = BATCH_COLOURS.get(b, OTHER_COLOUR)
        label = (f'<span style="color:{colour}">■</span> '
                 f"{_esc(batch_label(b, BATCH_YEARS.get(b, int(mine[0]['year'])), spec.lang))}")
        group = folium.FeatureGroup(name=label, show=True)
        for pane in ("atlas-large", "atlas-county"):
            areas = [r for r in mine if r["geometry"].geom_type != "Point"
                     and _PANE_OF_LEVEL.get(str(r["level"]), "atlas-county") == pane]
            if areas:
                drawn.append(_pilot_layer(areas, pane=pane, spec=spec).add_to(group))
        points = [r for r in mine if r["geometry"].geom_type == "Point"]
        if points:
            drawn.append(_pilot_layer(points, pane="atlas-points", spec=spec).add_to(group))
        out.append(group)
    return out


def _pilot_legend(records: list[dict[str, Any]], spec: MapSpec) -> str:
    batches = sorted({int(r["batch"]) for r in records})
    kinds = {str(r["geometry_kind"]) for r in records}
    has_points = any(r["geometry"].geom_type == "Point" for r in records)
    statuses = {str(r["status"]) for r in records}
    lacking = any(r.get("list_mark") == "not_in_list" for r in records)
    return legend_html(batches, statuses, spec, has_points, "approximate" in kinds, lacking)


def _add_selected(m: folium.FeatureGroup, pilots: pd.DataFrame, spec: MapSpec,
                  drawn: list[CompactGeoJson]) -> None:
    """The chosen pilot outlined on top of everything, until another is chosen."""
    if not spec.selected:
        return
    rows = pilots[pilots["pilot_id"] == spec.selected]
    feats = []
    for geom in rows.geometry:
        if geom is None:
            continue
        style: dict[str, Any] = {"color": "#000000", "weight": 3.5, "opacity": 1,
                                 "fill": False}
        if geom.geom_type == "Point":
            style.update(radius=12 if spec.large else 9, weight=3)
        feats.append((geom, style, "", spec.selected))
    if feats:
        drawn.append(CompactGeoJson(feats, precision=PILOT_PRECISION, pane="atlas-selected",
                                    name="selected").add_to(m))


def _add_labels(m: folium.FeatureGroup, records: list[dict[str, Any]],
                provinces: pd.DataFrame, spec: MapSpec) -> LabelLayer:
    items = [] if spec.focus else province_labels(provinces, spec.lang)
    items += pilot_labels(records, spec.lang)
    # the small maps of a comparison are each one province: pilot names at any zoom
    layer = LabelLayer(items, threshold=0 if spec.focus else None, large=spec.large)
    layer.add_to(m)
    return layer


def province_code_from_tooltip(text: str | None) -> str:
    """The province adcode of a clicked province ('' for pilots and misses)."""
    found = _PROVINCE_ID.search((text or "").strip())
    return found.group(1) if found else ""


def pilot_id_from_tooltip(text: str | None) -> str:
    """The pilot id inside a clicked tooltip's text ('' for provinces and misses)."""
    found = PILOT_ID.search(text or "")
    return found.group(0) if found else ""
