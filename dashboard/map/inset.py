"""The 南海诸岛 inset of every national Leaflet map: a framed box in the lower right with
the coast around the South China Sea, the islands and the dashed line.

It is a second, static L.map inside a corner control, drawn from the same compact data
as the main map (no tiles, no requests). Its features are not interactive, so they never
count as pilots; the dashed line is a real SVG path with the class `atlas-scs-line`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from branca.element import Element, MacroElement, Template

from dashboard import settings
from dashboard.i18n import t
from dashboard.map.compact_geojson import DECODER_JS, encode_geometry, encode_ring

# Inset drawing detail: the box is ~90–260 px for ~22 degrees (4–12 px a degree), so
# 0.01° is well below a pixel. Coastal islets under 0.01 deg² are left out of the land
# (the South China Sea islands are drawn as their own layer); islands closer together
# than 0.08° merge (a third of a pixel here), which keeps every one of them drawn.
_PRECISION = settings.INSET_PRECISION
_LAND_TOLERANCE = settings.INSET_LAND_TOLERANCE
_LAND_MIN_AREA = settings.INSET_LAND_MIN_AREA
_ISLAND_MERGE = settings.INSET_ISLAND_MERGE
_ISLAND_TOLERANCE = settings.INSET_ISLAND_TOLERANCE
LAND_STYLE = {"color": "#a0a0a0", "weight": 0.6, "fillColor": "#f2f2f2", "fillOpacity": 1}
# Islands get an outline of their own so the smallest stay visible at this scale.
ISLAND_STYLE = {"color": "#5a5a5a", "weight": 0.8, "fillColor": "#9a9a9a", "fillOpacity": 1}
LINE_STYLE = {"color": "#3a3a3a", "weight": 1.3, "dashArray": "5 3", "fill": False}


@cache
def inset_payload() -> dict[str, Any]:
    """The inset's data, encoded once per process: land, islands, line, frame bounds."""
    from shapely.geometry import MultiPolygon

    from geodata.boundaries import (
        SCS_INSET_BOUNDS,
        inset_land,
        load_layer,
        south_china_sea_islands,
        south_china_sea_line,
    )

    land = []
    for code, geom in inset_land(load_layer("province", simplified=True)):
        parts = [p for p in getattr(geom, "geoms", [geom]) if p.area >= _LAND_MIN_AREA]
        if parts:
            shape = MultiPolygon(parts).simplify(_LAND_TOLERANCE, preserve_topology=True)
            kind, coords = encode_geometry(shape, _PRECISION)
            land.append([kind, coords, 0, "", code])
    islands = south_china_sea_islands().buffer(_ISLAND_MERGE, quad_segs=2).simplify(
        _ISLAND_TOLERANCE)
    kind, coords = encode_geometry(islands, _PRECISION)
    line = south_china_sea_line()
    lon0, lat0, lon1, lat1 = SCS_INSET_BOUNDS
    return {
        "land": {"p": _PRECISION, "f": land},
        "islands": {"p": _PRECISION, "f": [[kind, coords, 0, "", "scs-islands"]]},
        "line": [encode_ring(seg.coords, _PRECISION) for seg in line.geoms],
        "lp": _PRECISION,
        "bounds": [[lat0, lon0], [lat1, lon1]],
    }


_CSS = (
    "<style>"
    ".atlas-inset{background:#fff;border:1.5px solid #555;box-shadow:0 1px 4px rgba(0,0,0,.3);"
    "position:relative;overflow:hidden}"
    ".atlas-inset .atlas-inset-map{position:absolute;inset:0;background:#fff}"
    ".atlas-inset .atlas-inset-label{position:absolute;right:4px;bottom:2px;z-index:800;"
    "font:12px/1.3 sans-serif;color:#222;background:rgba(255,255,255,.85);padding:0 2px;"
    "white-space:nowrap}"
    "</style>"
)


class SouthChinaSeaInset(MacroElement):
    """Adds the inset to its parent map (a folium.Map) in the lower-right corner."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.decoder }}
        // after the main map's first frame is painted: the pilots come first
        requestAnimationFrame(function () { setTimeout(function (main) {
            var d = {{ this.payload|tojson }};
            var ctl = L.control({position: "bottomright"});
            ctl.onAdd = function () {
                var box = L.DomUtil.create("div", "atlas-inset leaflet-control");
                box.setAttribute("data-atlas", "scs-inset");
                L.DomEvent.disableClickPropagation(box);
                L.DomEvent.disableScrollPropagation(box);
                return box;
            };
            ctl.addTo(main);
            var box = ctl.getContainer();
            // sized from the main map, so it reads the same on a laptop and a projector
            function size() {
                // the box fits the empty sea east of Taiwan and south of Japan in the
                // national view: a share of the width China takes in this map
                var px = main.getSize();
                var china = Math.min(px.x, px.y * {{ this.national_aspect }});
                var h = Math.max(90, Math.min(260, Math.round(china * 0.2)));
                box.style.height = h + "px";
                box.style.width = Math.round(h * {{ this.aspect }}) + "px";
                fitLabel();
            }
            var inner = L.DomUtil.create("div", "atlas-inset-map", box);
            var label = L.DomUtil.create("div", "atlas-inset-label", box);
            label.textContent = {{ this.label|tojson }};
            // Measuring a hidden box (display:none here, or under the labels' province
            // class) reads 0 px: the caption loop would shrink the frame to a sliver and
            // the inner map would fit a 0 px box. So a hidden box only notes that it is
            // out of date, and is measured once it has a layout again.
            var stale = false;
            function laidOut() { return box.offsetWidth > 0 && box.offsetHeight > 0; }
            // the caption on one line, in the largest size (12 px down to 9) that fits
            // the frame; a small frame is widened to hold it at 9 px
            function fitLabel() {
                if (!laidOut()) { stale = true; return; }
                var fs = 12;
                label.style.fontSize = fs + "px";
                while (fs > 9 && label.offsetWidth > box.clientWidth - 8) {
                    fs -= 0.5;
                    label.style.fontSize = fs + "px";
                }
                if (label.offsetWidth > box.clientWidth - 8) {
                    box.style.width = Math.ceil(label.offsetWidth + 8 + box.offsetWidth
                        - box.clientWidth) + "px";
                }
            }
            size();
            var m = L.map(inner, {zoomControl: false, attributionControl: false,
                dragging: false, scrollWheelZoom: false, doubleClickZoom: false,
                boxZoom: false, keyboard: false, touchZoom: false, tap: false,
                zoomSnap: 0, inertia: false});
            m.fitBounds(d.bounds, {padding: [0, 0], animate: false});
            if (!laidOut()) { stale = true; }
            var plain = {interactive: false};
            L.geoJSON(atlasGeo(d.land), Object.assign({style: {{ this.land_style|tojson }}},
                plain)).addTo(m);
            L.geoJSON(atlasGeo(d.islands), Object.assign({style: {{ this.island_style|tojson }}},
                plain)).addTo(m);
            var f = Math.pow(10, d.lp);
            d.line.forEach(function (s) {
                var ll = atlasLine(s, f).map(function (c) { return [c[1], c[0]]; });
                L.polyline(ll, Object.assign({className: "atlas-scs-line"},
                    {{ this.line_style|tojson }}, plain)).addTo(m);
            });
            function redraw() {
                size();
                if (!laidOut()) { stale = true; return; }
                stale = false;
                m.invalidateSize(false);
                m.fitBounds(d.bounds, {padding: [0, 0], animate: false});
            }
            // shown again (by toggle() or by the labels' class): measure now
            if (window.ResizeObserver) {
                new ResizeObserver(function () {
                    if (stale && laidOut()) { redraw(); }
                }).observe(box);
            }
            // only a national view gets the inset: on a province (or closer) it would
            // cover part of the map the view is about
            var nation = L.latLngBounds({{ this.national|tojson }});
            function national() {
                return main.getZoom() <= main.getBoundsZoom(nation) + 0.5;
            }
            function toggle() {
                var show = national();
                var was = box.style.display !== "none";
                box.style.display = show ? "" : "none";
                if (show && !was) { redraw(); }
            }
            main.on("resize", function () { redraw(); toggle(); });
            main.on("zoomend", toggle);
            toggle();
            main.atlasInset = m;
        }, 0, {{ this._parent.get_name() }}); });
        {% endmacro %}
        """
    )

    def __init__(self, lang: str, national: list[list[float]]) -> None:
        """`national`: [[south, west], [north, east]] of the main map's national view."""
        super().__init__()
        self._name = "SouthChinaSeaInset"
        (south, west), (north, east) = national
        self.national = national
        self.national_aspect = round(inset_aspect(west, south, east, north), 4)
        self.payload = inset_payload()
        self.label = t("scs_inset", lang)
        (lat0, lon0), (lat1, lon1) = self.payload["bounds"]
        self.aspect = round(inset_aspect(lon0, lat0, lon1, lat1), 4)
        self.decoder = Element(DECODER_JS).render()
        self.css = _CSS
        self.land_style = LAND_STYLE
        self.island_style = ISLAND_STYLE
        self.line_style = LINE_STYLE


def inset_aspect(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    """Width / height of the frame in Web Mercator, so the box hugs the bounds."""
    import math

    def y(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    return (lon1 - lon0) / (y(lat1) - y(lat0))
