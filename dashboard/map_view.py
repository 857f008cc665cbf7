"""The map as a plain function: data in, `folium.Map` out, no Streamlit.

Only Leaflet itself is loaded (from the app, see `offline.py`); every element
used here needs no other JS. Element ids are numbered in tree order, so equal
inputs give byte-identical HTML and streamlit-folium does not remount the map.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, MacroElement, Template

from dashboard import offline
from dashboard.compact_geojson import CompactGeoJson, share_decoder
from dashboard.escape import html_text as _esc
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map_fill import FillFrame
from dashboard.map_inset import SouthChinaSeaInset

if TYPE_CHECKING:
    import pandas as pd

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
# 12: members known only as "batch 1 or 2" (seeds.BATCH_1_OR_2), Okabe–Ito vermillion
BATCH_COLOURS: dict[int, str] = {1: "#E69F00", 2: "#56B4E9", 3: "#009E73", 12: "#D55E00"}
BATCH_YEARS: dict[int, int] = {1: 2014, 2: 2015, 3: 2016, 12: 2015}
# Sequential ColorBrewer YlGnBu classes for counts (light to dark), colour-blind safe.
COUNT_COLOURS: tuple[str, ...] = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494")
COUNT_BINS: tuple[tuple[int, int | None], ...] = ((1, 1), (2, 2), (3, 3), (4, 5), (6, 8), (9, None))
EMPTY_FILL = "#f2f2f2"
# Decimal places sent to the browser: 1e-3 degrees (~100 m) is finer than the display
# simplification of the units themselves.
PILOT_PRECISION = 3
OUTLINE_PRECISION = 3
OUTLINE = "#8c8c8c"
# South-west and north-east corners (lat, lon) of the national view.
CHINA_BOUNDS: list[list[float]] = [[17.5, 73.0], [53.6, 135.1]]
PILOT_ID = re.compile(r"b[0-9]+-[0-9a-f]{8}")

# Panes fix the drawing order whatever layers the user toggles: outlines under
# large units under counties under points, so a county inside a pilot prefecture
# stays clickable.
_PANES: tuple[tuple[str, int], ...] = (
    ("atlas-base", 390),
    ("atlas-large", 410),
    ("atlas-county", 420),
    ("atlas-points", 430),
)
_PANE_OF_LEVEL = {"province": "atlas-large", "prefecture": "atlas-large", "county": "atlas-county"}
_LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "zone": 4}

_STATUS_STYLE: dict[str, dict[str, Any]] = {
    "official": {"weight": 1.2, "opacity": 0.95, "fillOpacity": 0.6},
    "reported": {"weight": 1.2, "opacity": 0.85, "fillOpacity": 0.32},
    "unconfirmed": {"weight": 2.0, "opacity": 0.9, "fillOpacity": 0.12, "dashArray": "6 4"},
}


@dataclass(frozen=True, slots=True)
class MapSpec:
    """How to draw; everything that changes the HTML is here or in the data."""

    lang: str = "zh"
    style: str = "pilots"  # pilots | choropleth
    basemap: bool = False  # OpenStreetMap tiles: the only online request, opt-in
    focus: str = ""  # a province adcode: zoom there and outline its prefectures
    large: bool = False  # presenting: bigger type and dots
    fill: bool = False  # presenting: the map fills a frame the page sizes from the viewport
    asset_base: str = field(default_factory=offline.asset_base)
    attribution: str = ""


class HtmlControl(MacroElement):
    """A fixed box on the map (legend) made of static HTML; plain Leaflet."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
            div.innerHTML = {{ this.html|tojson }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str = "bottomleft",
                 css_class: str = "atlas-legend") -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html = html_text
        self.position = position
        self.css_class = css_class


class _Attribution(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix("Leaflet");
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


def _css(large: bool) -> str:
    size = "18px" if large else "13px"
    return (
        "<style>"
        f".atlas-legend{{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;"
        f"font:{size}/1.45 sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,.3)}}"
        ".atlas-legend b{display:block;margin-bottom:2px}"
        ".atlas-legend i{display:inline-block;width:14px;height:11px;margin-right:6px;"
        "vertical-align:-1px;border:1px solid #555}"
        ".atlas-legend i.dot{width:10px;height:10px;border-radius:50%}"
        ".atlas-legend i.line{height:0;border-width:2px 0 0 0;width:18px;vertical-align:3px}"
        f".leaflet-tooltip{{font-size:{size}}}"
        ".leaflet-tooltip table td{padding:0 2px}"
        ".leaflet-tooltip table tr:last-child td{color:#777;font-size:85%}"
        ".leaflet-control-attribution{font-size:11px;max-width:70%;white-space:normal}"
        # Leaflet 1.9 outlines a clicked (focused) path with a box; the hover style is enough
        ".leaflet-interactive:focus{outline:none}"
        "</style>"
    )


def _count_colour(n: int) -> str:
    if n <= 0:
        return EMPTY_FILL
    for colour, (low, high) in zip(COUNT_COLOURS, COUNT_BINS, strict=True):
        if n >= low and (high is None or n <= high):
            return colour
    return COUNT_COLOURS[-1]


def _bin_label(low: int, high: int | None) -> str:
    if high is None:
        return f"≥ {low}"
    return str(low) if low == high else f"{low}–{high}"


def _tooltip_rows(row: Mapping[str, Any], lang: str) -> dict[str, str]:
    """Three tooltip lines; the last is the pilot id, which a click returns to the app."""
    published = str(row["name_published"])
    name = str(row.get("name") or published)  # simplified, the published form beside it
    today = str(row["unit_name"] or "")
    town = str(row["town"] or "")
    shown_today = f"{today}{town}" if town and not today.endswith(town) else today
    title = name if not shown_today or shown_today == name else f"{name} · {shown_today}"
    if published != name:
        title = title.replace(name, f"{name}（{published}）", 1)
    meta = [
        batch_label(int(row["batch"]), int(row["year"]), lang),
        value_label("status", str(row["status"]), lang),
        province_label(str(row["province"]), lang) if lang == "en" else "",
    ]
    if row["geometry_kind"] == "approximate":
        meta.append(t("approximate_place", lang))
    return {"t_name": _esc(title), "t_meta": _esc(" · ".join(m for m in meta if m)),
            "pid": _esc(row["pilot_id"])}


def _style(row: Mapping[str, Any], *, large: bool) -> dict[str, Any]:
    colour = BATCH_COLOURS.get(int(row["batch"]), "#999999")
    style = {"color": colour, "fillColor": colour, **_STATUS_STYLE.get(str(row["status"]), {})}
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
    return style


def _tooltip_lines(row: Mapping[str, Any], lang: str) -> list[str]:
    """[title, meta, pilot id], escaped; the page joins them with line breaks."""
    parts = _tooltip_rows(row, lang)
    return [parts["t_name"], parts["t_meta"], parts["pid"]]


def _pilot_layer(rows: Sequence[Mapping[str, Any]], *, pane: str, spec: MapSpec,
                 points: bool) -> CompactGeoJson:
    del points  # points and areas share one layer type; the geometry decides
    return CompactGeoJson(
        [(r["geometry"], _style(r, large=spec.large), _tooltip_lines(r, spec.lang),
          str(r["pilot_id"])) for r in rows],
        precision=PILOT_PRECISION, pane=pane, name=pane,
        highlight={"weight": 3.5, "fillOpacity": 0.75},
    )


def _provinces_layer(provinces: pd.DataFrame, counts: Mapping[str, int] | None,
                     spec: MapSpec) -> CompactGeoJson:
    feats = []
    for adcode, name, geom in zip(provinces["adcode"], provinces["name"], provinces.geometry,
                                  strict=True):
        label = province_label(str(name), spec.lang)
        if counts is not None:
            label = t("pilots_in", spec.lang, name=label, n=counts.get(str(adcode), 0))
        fill = _count_colour(counts.get(str(adcode), 0)) if counts is not None else EMPTY_FILL
        style = {"color": OUTLINE, "weight": 0.8, "fillColor": fill,
                 "fillOpacity": 0.85 if counts is not None else 0.6}
        feats.append((geom, style, _esc(label), str(adcode)))
    name = t("layer_counts" if counts is not None else "layer_provinces", spec.lang)
    return CompactGeoJson(feats, precision=OUTLINE_PRECISION, pane="atlas-base", name=name,
                          control=True)


def _legend_html(batches: Sequence[int], statuses: set[str], spec: MapSpec,
                 has_points: bool, has_approx: bool) -> str:
    lang = spec.lang
    parts = [f"<b>{_esc(t('legend', lang))}</b>"]
    for b in batches:
        colour = BATCH_COLOURS.get(b, "#999")
        parts.append(f'<div><i style="background:{colour}"></i>'
                     f"{_esc(batch_label(b, BATCH_YEARS.get(b, 0), lang))}</div>")
    if spec.focus:  # small side-by-side maps: batch colours only
        return "".join(parts)
    for status in ("official", "reported", "unconfirmed"):
        if status in statuses:
            dash = "dashed" if status == "unconfirmed" else "solid"
            parts.append(f'<div><i class="line" style="border-style:{dash}"></i>'
                         f"{_esc(t('legend_' + status, lang))}</div>")
    if has_points:
        parts.append(f'<div><i class="dot" style="background:#999"></i>'
                     f"{_esc(t('legend_point', lang))}</div>")
    if has_approx:
        parts.append(f'<div><i class="dot" style="border-style:dashed;background:#ddd"></i>'
                     f"{_esc(t('legend_approx', lang))}</div>")
    return "".join(parts)


def _count_legend_html(counts: Mapping[str, int], spec: MapSpec) -> str:
    top = max(counts.values(), default=0)
    parts = [f"<b>{_esc(t('choropleth_title', spec.lang))}</b>",
             f'<div><i style="background:{EMPTY_FILL}"></i>0</div>']
    for colour, (low, high) in zip(COUNT_COLOURS, COUNT_BINS, strict=True):
        if low <= max(top, 1):
            parts.append(f'<div><i style="background:{colour}"></i>{_bin_label(low, high)}</div>')
    return "".join(parts)


def province_counts(pilots: pd.DataFrame) -> dict[str, int]:
    """Pilots per province adcode (a whole-province pilot counts once)."""
    codes = pilots["province_adcode"].astype(str)
    return {str(k): int(v) for k, v in codes[codes != ""].value_counts().sort_index().items()}


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def stabilise_ids(m: folium.Map) -> None:
    """Replace folium's random element ids with their position in the tree."""
    for n, element in enumerate(_walk(m.get_root())):
        element._id = f"{n:04d}"


def _bounds_of(geoms: Any) -> list[list[float]]:
    minx, miny, maxx, maxy = (float(v) for v in geoms.total_bounds)
    return [[round(miny, 4), round(minx, 4)], [round(maxy, 4), round(maxx, 4)]]


def build_map(
    pilots: pd.DataFrame,
    provinces: pd.DataFrame,
    *,
    spec: MapSpec | None = None,
    prefectures: pd.DataFrame | None = None,
) -> folium.Map:
    """The national (or, with `spec.focus`, one province's) map of `pilots`.

    `pilots` is a filtered `resolved_registry()` frame, `provinces` the province
    layer (all of it; only the focus province is drawn when focusing) and
    `prefectures` the prefecture outlines to draw inside a focus province.
    """
    spec = spec or MapSpec()
    m = folium.Map(tiles=None, control_scale=True, zoom_start=4, location=[35.5, 104.0],
                   min_zoom=3, max_zoom=13, zoom_snap=0.5)
    # Leaflet only, from the app's own static folder: no CDN, no jQuery/Bootstrap.
    m.default_js, m.default_css = offline.leaflet_assets(spec.asset_base)
    m.get_root().header.add_child(  # type: ignore[attr-defined]  # the root is a Figure
        Element(_css(spec.large)), name="atlas_css")
    for name, z in _PANES:
        folium.map.CustomPane(name, z_index=z, pointer_events=True).add_to(m)
    if spec.basemap:
        note = _esc(t("basemap_not_standard", spec.lang))
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False,
                         attr=f"© OpenStreetMap contributors · {note}").add_to(m)

    shown_provinces = provinces
    if spec.focus:
        shown_provinces = provinces[provinces["adcode"].astype(str) == spec.focus]
    counts = province_counts(pilots) if spec.style == "choropleth" else None
    _provinces_layer(shown_provinces, counts, spec).add_to(m)
    if spec.focus and prefectures is not None and len(prefectures):
        inner = prefectures[prefectures["province_adcode"].astype(str) == spec.focus]
        CompactGeoJson(
            [(g, {"color": "#b0b0b0", "weight": 0.6, "fill": False}, "", str(a))
             for a, g in zip(inner["adcode"], inner.geometry, strict=True)],
            precision=OUTLINE_PRECISION, pane="atlas-base", name="prefectures",
        ).add_to(m)

    if counts is not None:
        HtmlControl(_count_legend_html(counts, spec)).add_to(m)
    else:
        _add_pilots(m, pilots, spec)

    if not spec.focus:  # a national map: the 南海诸岛 inset in the lower right
        SouthChinaSeaInset(spec.lang, CHINA_BOUNDS).add_to(m)
    if spec.attribution:
        _Attribution(_esc(spec.attribution)).add_to(m)
    folium.LayerControl(collapsed=bool(spec.focus), position="topright").add_to(m)
    if spec.focus and len(shown_provinces):
        m.fit_bounds(_bounds_of(shown_provinces.geometry))
    else:
        m.fit_bounds(CHINA_BOUNDS)
    if spec.fill:
        FillFrame(_bounds_of(shown_provinces.geometry) if spec.focus and len(shown_provinces)
                  else CHINA_BOUNDS).add_to(m)
    share_decoder(m)
    stabilise_ids(m)
    return m


def _add_pilots(m: folium.Map, pilots: pd.DataFrame, spec: MapSpec) -> None:
    records: list[dict[str, Any]] = [
        {str(k): v for k, v in r.items()}
        for r in pilots.to_dict("records") if r.get("geometry") is not None
    ]
    records.sort(key=lambda r: (int(r["batch"]), _LEVEL_ORDER.get(str(r["level"]), 9),
                                str(r["pilot_id"])))
    batches = sorted({int(r["batch"]) for r in records})
    for b in batches:
        mine = [r for r in records if int(r["batch"]) == b]
        colour = BATCH_COLOURS.get(b, "#999")
        label = (f'<span style="color:{colour}">■</span> '
                 f"{_esc(batch_label(b, BATCH_YEARS.get(b, int(mine[0]['year'])), spec.lang))}")
        group = folium.FeatureGroup(name=label, show=True)
        for pane in ("atlas-large", "atlas-county"):
            areas = [r for r in mine if r["geometry"].geom_type != "Point"
                     and _PANE_OF_LEVEL.get(str(r["level"]), "atlas-county") == pane]
            if areas:
                _pilot_layer(areas, pane=pane, spec=spec, points=False).add_to(group)
        points = [r for r in mine if r["geometry"].geom_type == "Point"]
        if points:
            _pilot_layer(points, pane="atlas-points", spec=spec, points=True).add_to(group)
        group.add_to(m)
    kinds = {str(r["geometry_kind"]) for r in records}
    has_points = any(r["geometry"].geom_type == "Point" for r in records)
    statuses = {str(r["status"]) for r in records}
    legend = _legend_html(batches, statuses, spec, has_points, "approximate" in kinds)
    HtmlControl(legend).add_to(m)


def pilot_id_from_tooltip(text: str | None) -> str:
    """The pilot id inside a clicked tooltip's text ('' for provinces and misses)."""
    found = PILOT_ID.search(text or "")
    return found.group(0) if found else ""
