"""Names on the map as real text: province short names at the national view, pilot
names once zoomed to a province.

Each label is a Leaflet divIcon holding a text node (selectable, read by screen
readers), placed at the pole of inaccessibility of its shape. Which group shows is
decided by the zoom; a small collision pass in the page hides a label that would
overlap one of higher priority (larger units first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import shapely
from branca.element import MacroElement, Template
from shapely.ops import polylabel

from dashboard.compact_geojson import script_json
from geodata.romanise import place_name_en, short_name, short_name_en

if TYPE_CHECKING:
    import pandas as pd

PROV, PILOT = 0, 1  # kinds of label, as sent
# Below this zoom the map shows province names, from it on pilot names.
PILOT_LABEL_ZOOM = 5.5
_LEVEL_PRIORITY = {"province": 0, "prefecture": 1, "county": 2, "zone": 3, "town": 3}

LABEL_CSS = (
    ".atlas-label{background:none;border:none;white-space:nowrap;pointer-events:none;"
    "font:600 12px/1.2 sans-serif;color:#222;text-shadow:0 0 2px #fff,0 0 2px #fff,"
    "0 0 3px #fff;transform:translate(-50%,-50%);width:auto!important;height:auto!important}"
    ".atlas-label.pilot{font-weight:500;color:#111}"
    ".atlas-label.pt{transform:translate(9px,-50%)}"
    ".atlas-big .atlas-label{font-size:17px}"
    ".atlas-zoom-national .atlas-label.pilot,.atlas-zoom-province .atlas-label.prov"
    "{display:none}"
    # zoomed into a province the map is no longer a national one: the 南海诸岛 inset
    # (which every national map carries) would only cover it
    ".atlas-zoom-province .atlas-inset{display:none}"
)


@cache
def _anchor(wkb: bytes) -> tuple[float, float]:
    """(lat, lon) inside the largest part of a shape, far from its edges."""
    geom = shapely.from_wkb(wkb)
    if geom.geom_type == "Point":
        return round(geom.y, 3), round(geom.x, 3)
    parts = getattr(geom, "geoms", [geom])
    largest = max(parts, key=lambda g: g.area)
    size = max(largest.bounds[2] - largest.bounds[0], largest.bounds[3] - largest.bounds[1])
    p = polylabel(largest, tolerance=max(size / 50, 0.005))
    return round(p.y, 2), round(p.x, 2)  # ~1 km: plenty for where a name goes


def anchor(geom: Any) -> tuple[float, float]:
    return _anchor(shapely.to_wkb(geom))


def _clean(text: str) -> str:
    # folium renders scripts through Jinja once more: no braces in data
    return text.replace("{", "").replace("}", "")


def province_label_text(name: str, lang: str) -> str:
    return short_name_en(name) if lang == "en" else short_name(name)


def pilot_label_text(row: Mapping[str, Any], lang: str) -> str:
    town, unit = str(row.get("town") or ""), str(row.get("unit_name") or "")
    place = town or unit or str(row.get("name_published") or "")
    if lang == "en":
        return place_name_en(place)
    return place


def province_labels(provinces: pd.DataFrame, lang: str) -> list[list[Any]]:
    """[lat, lon, text, PROV, priority, 0] per province, larger provinces first."""
    out = []
    for name, geom in zip(provinces["name"], provinces.geometry, strict=True):
        lat, lon = anchor(geom)
        out.append([lat, lon, _clean(province_label_text(str(name), lang)), PROV,
                    -round(float(geom.area)), 0])
    return sorted(out, key=lambda r: r[4])


def pilot_labels(rows: Sequence[Mapping[str, Any]], lang: str) -> list[list[Any]]:
    """[lat, lon, text, PILOT, priority, is a dot] per pilot with a geometry."""
    out = []
    for r in rows:
        geom = r.get("geometry")
        if geom is None or geom.is_empty:
            continue
        lat, lon = anchor(geom)
        prio = _LEVEL_PRIORITY.get(str(r.get("level")), 4) * 1000 - round(float(geom.area) * 10)
        # a dot's name sits beside it, an area's on it
        beside = 1 if geom.geom_type == "Point" else 0
        out.append([lat, lon, _clean(pilot_label_text(r, lang)), PILOT, prio, beside])
    return sorted(out, key=lambda r: (r[4], r[2]))


class LabelLayer(MacroElement):
    """Labels, zoom groups and the collision pass, in plain Leaflet."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, group) {
            var pane = map.getPane("atlas-labels");
            if (!pane) {
                pane = map.createPane("atlas-labels");
                pane.style.zIndex = 450;
                pane.style.pointerEvents = "none";
            }
            {% if this.large %}map.getContainer().classList.add("atlas-big");{% endif %}
            var items = {{ this.items_json }}, kinds = ["prov", "pilot"];
            var markers = {prov: [], pilot: []}, made = {};
            // a kind's labels are made when first shown, after the shapes are painted
            function ensure(kind) {
                if (made[kind]) return;
                made[kind] = true;
                items.forEach(function (it) {
                    if (kinds[it[3]] !== kind) return;
                    var span = document.createElement("span");
                    span.textContent = it[2];
                    var icon = L.divIcon({html: span, iconSize: null,
                        className: "atlas-label " + kinds[it[3]] + (it[5] ? " pt" : "")});
                    markers[kind].push(L.marker([it[0], it[1]], {icon: icon,
                        pane: "atlas-labels", interactive: false, keyboard: false}
                    ).addTo(group));
                });
            }
            function place() {
                var c = map.getContainer(), z = map.getZoom();
                var national = z < {{ this.threshold }};
                c.classList.toggle("atlas-zoom-national", national);
                c.classList.toggle("atlas-zoom-province", !national);
                var kind = national ? "prov" : "pilot";
                ensure(kind);
                // writes, then one layout for all the reads, then writes: no thrashing
                var shown = markers[kind].map(function (m) { return m.getElement(); })
                    .filter(function (el) { return el; });
                shown.forEach(function (el) { el.style.visibility = ""; });
                var rects = shown.map(function (el) { return el.getBoundingClientRect(); });
                var kept = [];
                shown.forEach(function (el, i) {
                    var r = rects[i];
                    var hit = kept.some(function (k) {
                        return r.left < k.right + 2 && r.right + 2 > k.left &&
                               r.top < k.bottom && r.bottom > k.top;
                    });
                    if (hit) el.style.visibility = "hidden"; else kept.push(r);
                });
            }
            // the group is swapped as filters change: one handler, the newest
            if (window.atlasPlace) map.off("zoomend moveend resize", window.atlasPlace);
            window.atlasPlace = place;
            map.on("zoomend moveend resize", place);
            map.whenReady(function () {
                requestAnimationFrame(function () { setTimeout(place, 0); });
            });
        })({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, items: list[list[Any]], *, threshold: float | None = None,
                 large: bool = False) -> None:
        super().__init__()
        self._name = "LabelLayer"
        self.items = items
        self.items_json = script_json(items)
        self.threshold = PILOT_LABEL_ZOOM if threshold is None else threshold
        self.large = large
