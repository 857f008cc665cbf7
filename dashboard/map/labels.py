"""Names on the map as real text: province short names at the national view, pilot
names once zoomed to a province.

Each label is a Leaflet divIcon holding a text node (selectable, read by screen
readers), placed at the pole of inaccessibility of its shape. Which group shows is
decided by the zoom; a small collision pass in the page hides a label that would
overlap one of higher priority (larger units first).
"""

from __future__ import annotations

import math
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
    # a small map (a laptop's national view) sets its names a size smaller: more fit
    ".atlas-small .atlas-label>span{font-size:11px}"
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


def extent(geom: Any) -> list[float]:
    """[south, west, north, east] of the part a name belongs to (the largest: 海南's
    name goes on the island, not out among the South China Sea islands), rounded outwards."""
    parts = getattr(geom, "geoms", [geom])
    minx, miny, maxx, maxy = max(parts, key=lambda g: g.area).bounds
    return [math.floor(miny * 100) / 100, math.floor(minx * 100) / 100,
            math.ceil(maxy * 100) / 100, math.ceil(maxx * 100) / 100]


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
    """[lat, lon, text, PROV, priority, is a dot, extent] per province, the dotted
    (tiny) ones first, then larger provinces first."""
    out = []
    for name, geom in zip(provinces["name"], provinces.geometry, strict=True):
        lat, lon = anchor(geom)
        tiny = 1 if float(geom.area) < _TINY_PROVINCE else 0
        out.append([lat, lon, _clean(province_label_text(str(name), lang)), PROV,
                    -round(float(geom.area)), tiny, extent(geom)])
    # the dotted small units first: their names have the fewest places to go
    return sorted(out, key=lambda r: (-r[5], r[4]))


def pilot_labels(rows: Sequence[Mapping[str, Any]], lang: str) -> list[list[Any]]:
    """[lat, lon, text, PILOT, priority, is a dot, extent] per pilot with a geometry."""
    out = []
    for r in rows:
        geom = r.get("geometry")
        if geom is None or geom.is_empty:
            continue
        lat, lon = anchor(geom)
        prio = _LEVEL_PRIORITY.get(str(r.get("level")), 4) * 1000 - round(float(geom.area) * 10)
        # a dot's name sits beside it, an area's on it
        beside = 1 if geom.geom_type == "Point" else 0
        out.append([lat, lon, _clean(pilot_label_text(r, lang)), PILOT, prio, beside,
                    extent(geom)])
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
                    var mk = L.marker([it[0], it[1]], {icon: icon,
                        pane: "atlas-labels", interactive: false, keyboard: false});
                    mk.atlasExtent = L.latLngBounds([it[6][0], it[6][1]], [it[6][2], it[6][3]]);
                    markers[kind].push(mk.addTo(group));
                });
            }
            // Each label, in priority order, takes the first of a few nearby spots where
            // it keeps clear of the labels already placed (a gap of 2*PX by 2*PY px) and
            // still touches its own unit's box (grown by BESIDE px; a dot's by NEAR px),
            // within NEAR px of its place (LEAD px with a leader line), so a name never
            // sits on a neighbour; a label with no such spot is hidden (its shape keeps
            // its tooltip), which on a small map leaves the larger units named. One
            // layout for all the reads.
            var PX = 3, PY = 1, NEAR = 12, LEAD = 28, BESIDE = 4;
            // on a phone's map a leader of 28 px crosses a province or two
            function lead() { return map.getSize().x < {{ this.narrow }} ? 14 : LEAD; }
            function spots(pt, w, h) {
                var x = w / 2 + 8, y = h + 2;
                if (pt) return [[0, 0], [-(w + 14), 0], [-(w / 2 + 7), -(h / 2 + 6)],
                                [-(w / 2 + 7), h / 2 + 6], [0, y], [-(w + 14), y], [0, -y],
                                [-(w + 14), -y]];
                return [[0, 0], [0, -y], [0, y], [x, 0], [-x, 0], [x, -y], [x, y], [-x, -y],
                        [-x, y]];
            }
            // further spots for the name's centre around its place, nearest first: a
            // grid out to a name's width plus 42 px across and two lines plus 36 px up
            // and down (the spots that still touch the unit are kept, see own())
            function far(w, h) {
                var out = [], mx = w / 2 + 42, my = h + 36;
                for (var x = -mx; x <= mx + 0.1; x += mx / 8) {
                    for (var y = -my; y <= my + 0.1; y += my / 6) {
                        if (Math.abs(x) > w / 2 + 6 || Math.abs(y) > h / 2 + 4) {
                            out.push([x, y]);
                        }
                    }
                }
                return out.sort(function (a, b) {
                    return Math.hypot(a[0], a[1] * 1.5) - Math.hypot(b[0], b[1] * 1.5);
                });
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
                c.classList.toggle("atlas-small", map.getSize().x < {{ this.small }});
                var kind = national ? "prov" : "pilot";
                ensure(kind);
                var live = markers[kind].filter(function (m) {
                    var el = m.getElement(); return el && el.firstChild; });
                var shown = live.map(function (m) { return m.getElement(); });
                var spans = shown.map(function (el) { return el.firstChild; });
                // each unit's box on screen, in the labels' own (client) coordinates
                var cr = c.getBoundingClientRect();
                var units = live.map(function (m, i) {
                    var e = m.atlasExtent, g = shown[i].classList.contains("pt") ? NEAR : BESIDE;
                    var a = map.latLngToContainerPoint(e.getNorthWest());
                    var b = map.latLngToContainerPoint(e.getSouthEast());
                    return {left: cr.left + a.x - g, right: cr.left + b.x + g,
                            top: cr.top + a.y - g, bottom: cr.top + b.y + g};
                });
                spans.forEach(function (s) {
                    s.style.visibility = ""; s.style.marginLeft = ""; s.style.marginTop = "";
                    var old = s.parentNode.querySelector(".atlas-leader");
                    if (old) old.remove();
                });
                var rects = spans.map(function (s) { return s.getBoundingClientRect(); });
                function shifted(r, dx, dy) {
                    return {left: r.left + dx - PX, right: r.right + dx + PX,
                            top: r.top + dy - PY, bottom: r.bottom + dy + PY};
                }
                // the name's own box (without the gap) touches its unit's
                function own(q, u) {
                    return q.left + PX < u.right && q.right - PX > u.left &&
                           q.top + PY < u.bottom && q.bottom - PY > u.top;
                }
                // how far the name's box is from its place (its anchor; a dot's, 7 px
                // left of the unmoved box)
                function reach(q, r, pt) {
                    var ax = pt ? r.left - 7 : r.left + r.width / 2, ay = r.top + r.height / 2;
                    var ex = Math.max(q.left + PX - ax, 0, ax - q.right + PX);
                    var ey = Math.max(q.top + PY - ay, 0, ay - q.bottom + PY);
                    return Math.hypot(ex, ey);
                }
                var longest = lead();
                // One greedy pass in `order`: per label [dx, dy, leader] or null (hidden).
                function layout(order) {
                    var kept = [], out = [];
                    function free(q) {
                        return !kept.some(function (o) {
                            return q.left < o.right && q.right > o.left &&
                                   q.top < o.bottom && q.bottom > o.top;
                        });
                    }
                    order.forEach(function (i) {
                        var r = rects[i], pt = shown[i].classList.contains("pt"), u = units[i];
                        var moves = spots(pt, r.width, r.height);
                        for (var k = 0; k < moves.length; k++) {
                            var q = shifted(r, moves[k][0], moves[k][1]);
                            if (free(q) && own(q, u) && reach(q, r, pt) <= NEAR) {
                                kept.push(q);
                                out[i] = [moves[k][0], moves[k][1], false];
                                return;
                            }
                        }
                        // no room next to it: a little further off, with a leader line
                        var ax = pt ? r.left - 7 : r.left + r.width / 2;
                        var ay = r.top + r.height / 2, cx = r.left + r.width / 2;
                        var ring = far(r.width, r.height);
                        for (var j = 0; j < ring.length; j++) {
                            var dx = ax + ring[j][0] - cx, dy = ring[j][1];
                            var q2 = shifted(r, dx, dy);
                            if (!free(q2) || !own(q2, u) || reach(q2, r, pt) > longest) continue;
                            kept.push(q2);
                            out[i] = [dx, dy, [ax, ay, q2]];
                            return;
                        }
                        out[i] = null;
                    });
                    return out;
                }
                // The names hidden in a pass go first in the next (a crowded corner's
                // small units have the fewest spots). The pass that hides fewest names
                // wins, and of those the one hiding the smaller units (later in `items`).
                var n = spans.length, all = spans.map(function (s, i) { return i; });
                var best = null, lost = Infinity, order = all;
                for (var round = 0; round < 8; round++) {
                    var got = layout(order), cost = 0;
                    var hid = order.filter(function (i) { return !got[i]; });
                    hid.forEach(function (i) { cost += n + n - i; });
                    if (cost < lost) { best = got; lost = cost; }
                    if (!cost) break;
                    order = hid.concat(order.filter(function (i) { return got[i]; }));
                }
                spans.forEach(function (s, i) {
                    var g = best[i];
                    if (!g) { s.style.visibility = "hidden"; return; }
                    if (g[0]) s.style.marginLeft = g[0] + "px";
                    if (g[1]) s.style.marginTop = g[1] + "px";
                    if (!g[2]) return;
                    // from the place to the nearest point of the name's box
                    var ax = g[2][0], ay = g[2][1], q2 = g[2][2];
                    var ex = Math.max(q2.left + PX, Math.min(ax, q2.right - PX)) - ax;
                    var ey = Math.max(q2.top + PY, Math.min(ay, q2.bottom - PY)) - ay;
                    var line = document.createElement("i");
                    line.className = "atlas-leader";
                    line.style.width = Math.hypot(ex, ey) + "px";
                    line.style.transform = "rotate(" + Math.atan2(ey, ex) + "rad)";
                    s.parentNode.appendChild(line);
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
                    // names measured before the web font arrived, or in a frame that was
                    // still being sized, are placed again once both are settled
                    function again() { if (window.atlasPlace === place) place(); }
                    if (document.fonts && document.fonts.ready) document.fonts.ready.then(again);
                    if (window.ResizeObserver) {
                        var seen = null;
                        new ResizeObserver(function (entries) {
                            var r = entries[0].contentRect, key = r.width + "x" + r.height;
                            if (seen !== null && key !== seen) again();
                            seen = key;
                        }).observe(map.getContainer());
                    }
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
        self.small = settings.MAP_SMALL_LABELS_PX
        self.narrow = settings.MAP_NARROW_PX
