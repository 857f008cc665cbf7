"""Names on the map as real text: province short names at the national view, pilot
names once zoomed to a province.

Each label is a Leaflet divIcon holding a text node (selectable, read by screen
readers), placed at the pole of inaccessibility of its shape. Which group shows is
decided by the zoom; a small collision pass in the page hides a label that would
overlap one of higher priority (larger units first).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import shapely
from branca.element import MacroElement, Template
from shapely.ops import polylabel

from dashboard import settings
from dashboard.map.compact_geojson import script_json
from geodata.romanise import place_name_en, short_name, short_name_en

if TYPE_CHECKING:
    import pandas as pd

PROV, PILOT = 0, 1  # kinds of label, as sent
# Below this zoom the map shows province names, from it on pilot names.
PILOT_LABEL_ZOOM = settings.MAP_PILOT_LABEL_ZOOM
_LEVEL_PRIORITY = {"province": 0, "prefecture": 1, "county": 2, "zone": 3, "town": 3}

# The marker is a zero-size point at the anchor; its text is a span centred on it (or, for
# a dot, beside it) that the placing pass may move to a free spot nearby.
LABEL_CSS = (
    ".atlas-label{background:none;border:none;pointer-events:none;width:0!important;"
    "height:0!important}"
    ".atlas-label>span{position:absolute;left:0;top:0;white-space:nowrap;"
    "transform:translate(-50%,-50%);font:600 12px/1.2 sans-serif;color:#222;"
    "text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff}"
    ".atlas-label.pilot>span{font-weight:500;color:#111}"
    ".atlas-label.pt>span{transform:translate(7px,-50%)}"
    # a unit too small to hold its name (香港, 澳门): a dot, the name beside it
    ".atlas-label.prov.pt::before{content:'';position:absolute;left:-2.5px;top:-2.5px;"
    "width:5px;height:5px;border-radius:50%;background:#333}"
    ".atlas-big .atlas-label>span{font-size:17px}"
    ".atlas-leader{position:absolute;left:0;top:0;height:0;border-top:1px solid #444;"
    "transform-origin:0 0}"
    ".atlas-zoom-national .atlas-label.pilot,.atlas-zoom-province .atlas-label.prov"
    "{display:none}"
    # zoomed into a province the map is no longer a national one: the 南海诸岛 inset
    # (which every national map carries) would only cover it
    ".atlas-zoom-province .atlas-inset{display:none}"
)
# a province smaller than this (square degrees) is labelled beside a dot
_TINY_PROVINCE = settings.MAP_TINY_PROVINCE


@lru_cache(maxsize=settings.LABEL_ANCHOR_CACHE)
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
        tiny = 1 if float(geom.area) < _TINY_PROVINCE else 0
        out.append([lat, lon, _clean(province_label_text(str(name), lang)), PROV,
                    -round(float(geom.area)), tiny])
    # the dotted small units first: their names have the fewest places to go
    return sorted(out, key=lambda r: (-r[5], r[4]))


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
            // Each label, in priority order, takes the first of a few nearby spots where
            // it keeps clear of the labels already placed (a gap of 2*PX by 2*PY px);
            // a label with no free spot is hidden. One layout for all the reads.
            var PX = 3, PY = 1;
            function spots(pt, w, h) {
                var x = w / 2 + 8, y = h + 2;
                if (pt) return [[0, 0], [-(w + 14), 0], [-(w / 2 + 7), -(h / 2 + 6)],
                                [-(w / 2 + 7), h / 2 + 6], [0, y], [-(w + 14), y], [0, -y],
                                [-(w + 14), -y]];
                return [[0, 0], [0, -y], [0, y], [x, 0], [-x, 0], [x, -y], [x, y], [-x, -y],
                        [-x, y]];
            }
            function place() {
                var c = map.getContainer(), z = map.getZoom();
                // a view fitted to a province (or a search) names its pilots, however
                // large the province: 新疆 fits at a national-looking zoom
                var fit = map.atlasFitZoom;
                var at = fit == null ? {{ this.threshold }}
                                     : Math.min({{ this.threshold }}, fit - 0.25);
                var national = z < at;
                c.classList.toggle("atlas-zoom-national", national);
                c.classList.toggle("atlas-zoom-province", !national);
                var kind = national ? "prov" : "pilot";
                ensure(kind);
                var shown = markers[kind].map(function (m) { return m.getElement(); })
                    .filter(function (el) { return el && el.firstChild; });
                var spans = shown.map(function (el) { return el.firstChild; });
                spans.forEach(function (s) {
                    s.style.visibility = ""; s.style.marginLeft = ""; s.style.marginTop = "";
                    var old = s.parentNode.querySelector(".atlas-leader");
                    if (old) old.remove();
                });
                var rects = spans.map(function (s) { return s.getBoundingClientRect(); });
                var kept = [];
                function free(q) {
                    return !kept.some(function (o) {
                        return q.left < o.right && q.right > o.left &&
                               q.top < o.bottom && q.bottom > o.top;
                    });
                }
                function shifted(r, dx, dy) {
                    return {left: r.left + dx - PX, right: r.right + dx + PX,
                            top: r.top + dy - PY, bottom: r.bottom + dy + PY};
                }
                spans.forEach(function (s, i) {
                    var r = rects[i], pt = shown[i].classList.contains("pt");
                    var moves = spots(pt, r.width, r.height);
                    for (var k = 0; k < moves.length; k++) {
                        var q = shifted(r, moves[k][0], moves[k][1]);
                        if (free(q)) {
                            kept.push(q);
                            if (moves[k][0]) s.style.marginLeft = moves[k][0] + "px";
                            if (moves[k][1]) s.style.marginTop = moves[k][1] + "px";
                            return;
                        }
                    }
                    // no room next to it: a little further off, with a leader line
                    var ax = pt ? r.left - 7 : r.left + r.width / 2, ay = r.top + r.height / 2;
                    var cx = r.left + r.width / 2, cy = ay;
                    for (var d = 1; d <= 3; d++) {
                        var ox = r.width / 2 + 14 * d, oy = r.height / 2 + 12 * d;
                        var ring = [[ox, 0], [-ox, 0], [0, oy], [0, -oy],
                                    [ox, oy], [-ox, oy], [ox, -oy], [-ox, -oy]];
                        for (var j = 0; j < ring.length; j++) {
                            var dx = ax + ring[j][0] - cx, dy = ay + ring[j][1] - cy;
                            var q2 = shifted(r, dx, dy);
                            if (!free(q2)) continue;
                            kept.push(q2);
                            s.style.marginLeft = dx + "px"; s.style.marginTop = dy + "px";
                            // from the place to the nearest point of the name's box
                            var ex = Math.max(q2.left + PX, Math.min(ax, q2.right - PX)) - ax;
                            var ey = Math.max(q2.top + PY, Math.min(ay, q2.bottom - PY)) - ay;
                            var line = document.createElement("i");
                            line.className = "atlas-leader";
                            line.style.width = Math.hypot(ex, ey) + "px";
                            line.style.transform = "rotate(" + Math.atan2(ey, ex) + "rad)";
                            s.parentNode.appendChild(line);
                            return;
                        }
                    }
                    s.style.visibility = "hidden";
                });
            }
            // the group is swapped as filters change: one handler, the newest
            if (window.atlasPlace) map.off("zoomend moveend resize", window.atlasPlace);
            window.atlasPlace = place;
            // from the shapes' first frame on: placing measures every name (a forced
            // layout), and the fit to the view that follows would run it before that
            map.whenReady(function () {
                requestAnimationFrame(function () { setTimeout(function () {
                    if (window.atlasPlace !== place) return;  // swapped meanwhile
                    map.on("zoomend moveend resize", place);
                    place();
                }, 0); });
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
