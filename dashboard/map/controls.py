"""Leaflet controls and script pieces of the map, as branca MacroElements: a legend box,
fitting the view, the geometry decoder, the attribution, the narrow-screen fold; the map
CSS; stable element ids."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import folium
from branca.element import Element, MacroElement, Template

from dashboard.map.compact_geojson import DECODER_JS
from dashboard.map.focus import MANNERS_CSS
from dashboard.map.labels import LABEL_CSS
from dashboard.settings import MAP_NARROW_PX

if TYPE_CHECKING:
    pass


class HtmlControl(MacroElement):
    """A fixed box on the map (legend) made of static HTML; plain Leaflet."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% set target = this._parent._parent if this.slot else this._parent %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
            div.innerHTML = {{ this.html|tojson }};
            // a legend folds into its title on a narrow map (phones)
            var fold = div.querySelector("details.atlas-fold");
            if (fold) fold.open = map.getSize().x >= {{ this.narrow }};
            L.DomEvent.disableClickPropagation(div);
            return div;
        };
        {% if this.slot %}
        // redrawn in place when the map's layers are swapped: one box per slot
        if (window[{{ this.slot|tojson }}]) window[{{ this.slot|tojson }}].remove();
        window[{{ this.slot|tojson }}] = {{ this.get_name() }};
        {% endif %}
        {{ this.get_name() }}.addTo({{ target.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, html_text: str, position: str = "bottomleft",
                 css_class: str = "atlas-legend", slot: str = "") -> None:
        """`slot`: set when the control lives in a layer group (inside the map):
        the control is added to the map, replacing the previous one of that slot."""
        super().__init__()
        self._name = "HtmlControl"
        self.html = html_text
        self.position = position
        self.css_class = css_class
        self.slot = slot
        self.narrow = MAP_NARROW_PX


class FitView(MacroElement):
    """Fit the map to bounds (or a shared link's view) when its group is drawn: the
    view travels with the layers, so a filter change refits without a new map."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% set m = this._parent._parent.get_name() %}
        // the zoom a province (or search) view is fitted at: its pilots get names there
        {{ m }}.atlasFitZoom = {% if this.local and not this.view %}Math.min(10,
            {{ m }}.getBoundsZoom({{ this.bounds|tojson }})){% else %}null{% endif %};
        // the app moves the map now, not the user: the move writes no z/c to the URL; a
        // shared link's view is no fitted home (moving back to it keeps z/c)
        {{ m }}.atlasMoved = false;
        {% if this.view %}{{ m }}.atlasHome = null;
        {% else %}if ({{ m }}.atlasHome === null) {{ m }}.atlasHome = undefined;{% endif %}
        {% if this.view %}{{ m }}.setView({{ this.view[1:]|tojson }}, {{ this.view[0] }});
        {% elif this.common %}(function (m, own, all) {
            // one scale for several maps of one size: the zoom that fits the largest box,
            // centred on this map's own box (in projected space, as fitBounds centres)
            var z = Math.min(10, Math.min.apply(null, all.map(function (b) {
                return m.getBoundsZoom(b); })));
            var b = L.latLngBounds(own);
            var mid = m.project(b.getSouthWest(), z).add(m.project(b.getNorthEast(), z))
                .divideBy(2);
            m.setView(m.unproject(mid, z), z);
        })({{ m }}, {{ this.bounds|tojson }}, {{ this.common|tojson }});
        {% else %}if ({{ m }}.atlasFill) {{ m }}.atlasFill({{ this.bounds|tojson }});  // presenting
        else {{ m }}.fitBounds({{ this.bounds|tojson }}, {% if this.clear -%}
        (function (map, bounds) {
            // A chosen place is fitted clear of the legend, the layer control (and the
            // 南海诸岛 inset, when shown): each corner box is kept clear of either beside
            // it or above/below it, whichever set of choices draws the place largest.
            function ready(el) {  // Leaflet's CSS applied: the box sits in its corner
                var corner = el.closest(".leaflet-top, .leaflet-bottom");
                return corner && getComputedStyle(corner).position === "absolute";
            }
            function options() {
                var c = map.getContainer().getBoundingClientRect(), boxes = [];
                map.getContainer().querySelectorAll(
                    ".atlas-legend, .atlas-inset, .leaflet-control-layers")
                    .forEach(function (el) {
                        var r = el.getBoundingClientRect();
                        if (!r.width || !r.height || !ready(el)) return;
                        var left = r.left - c.left < c.right - r.right;
                        var top = r.top - c.top < c.bottom - r.bottom;
                        boxes.push({left: left, top: top,
                            w: (left ? r.right - c.left : c.right - r.left) + {{ this.gap }},
                            h: (top ? r.bottom - c.top : c.bottom - r.top) + {{ this.gap }}});
                    });
                var size = map.getSize(), best = {z: -Infinity, tl: [0, 0], br: [0, 0]};
                for (var k = 0; k < (1 << boxes.length); k++) {
                    var tl = [0, 0], br = [0, 0];
                    boxes.forEach(function (b, i) {
                        var a = (k >> i) & 1 ? 0 : 1, pad = a ? b.h : b.w;
                        var side = (a ? b.top : b.left) ? tl : br;
                        side[a] = Math.max(side[a], pad);
                    });
                    var pad = L.point(tl[0] + br[0], tl[1] + br[1]);
                    // a box as large as half the map (a tiny map) is no corner to avoid
                    if (pad.x >= size.x / 2 || pad.y >= size.y / 2) continue;
                    var z = map.getBoundsZoom(bounds, false, pad);
                    if (isFinite(z) && z > best.z) best = {z: z, tl: tl, br: br};
                }
                // the labels' switch to pilot names follows the zoom actually fitted
                if (isFinite(best.z)) map.atlasFitZoom = Math.min(10, best.z);
                return {maxZoom: 10, paddingTopLeft: best.tl, paddingBottomRight: best.br};
            }
            // Leaflet's CSS may arrive after this script, and a new map's layer control
            // is made after its layers: then fit again once the legend has its place and
            // the control is there (folded on a phone a tick later), unless the user has
            // moved the map meanwhile (both fits without animation: a zoom animation's
            // end would undo the second)
            var legend = map.getContainer().querySelector(".atlas-legend");
            function settled() {
                return (!legend || ready(legend)) &&
                    map.getContainer().querySelector(".leaflet-control-layers");
            }
            if (settled()) return options();
            var tries = 0, touched = false, c = map.getContainer();
            ["mousedown", "wheel", "touchstart", "keydown"].forEach(function (e) {
                c.addEventListener(e, function () { touched = true; },
                                   {passive: true, once: true});
            });
            requestAnimationFrame(function again() {
                if (touched) return;
                if (!settled()) { if (++tries < 300) requestAnimationFrame(again); return; }
                setTimeout(function () {
                    if (!touched) map.fitBounds(bounds, Object.assign(options(), {animate: false}));
                }, 0);
            });
            return Object.assign(options(), {animate: false});
        })({{ m }}, L.latLngBounds({{ this.bounds|tojson }}))
        {%- else %}{maxZoom: 10}{% endif %});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]], view: tuple[float, float, float] | None,
                 *, local: bool = False, clear: bool = False,
                 common: list[list[list[float]]] | None = None) -> None:
        """`clear`: keep the fitted place clear of the legend, the layer control and a
        shown inset (the explore map; the small maps of a comparison keep one scale).
        `common`: the boxes of maps shown side by side at one scale (this one's among
        them); every map takes the zoom that fits the largest, around its own `bounds`."""
        super().__init__()
        self._name = "FitView"
        self.common = common or None
        self.local = local
        self.clear = local and clear
        self.bounds = bounds
        self.gap = 6  # px between a corner box and the place fitted beside it
        self.view = list(view) if view else None


class Decoder(MacroElement):
    """The compact-geometry decoder, once, in the map's own script."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.js }}{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "Decoder"
        self.js = DECODER_JS


class Attribution(MacroElement):
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


def css(large: bool) -> str:
    size = "18px" if large else "13px"
    return (
        "<style>"
        f".atlas-legend{{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;"
        f"font:{size}/1.45 sans-serif;color:#222;box-shadow:0 1px 4px rgba(0,0,0,.3)}}"
        ".atlas-legend b{display:inline;margin-bottom:2px}"
        ".atlas-legend summary{cursor:pointer;margin-bottom:2px}"
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
        ".atlas-legend svg.sw{vertical-align:-2px;margin-right:5px}"
        # an open legend is drawn over the other corners' boxes (on a phone the
        # 南海诸岛 inset would cut its last rows); folded, it is a small button
        ".leaflet-bottom.leaflet-left:has(details.atlas-fold[open]){z-index:1001}"
        ".atlas-legend .method{margin-top:3px;color:#555;font-size:85%;max-width:210px}"
        + LABEL_CSS + MANNERS_CSS
        + "</style>"
    )


class NarrowLayers(MacroElement):
    """On a narrow map the layer control becomes a button (Leaflet's collapsed form).
    The control is created after the layers, so this looks for it a tick later."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            setTimeout(function () {
                var c = window.layer_control;
                if (c && !c.options.collapsed && map.getSize().x < {{ this.narrow }}) {
                    c.remove(); c.options.collapsed = true; c.addTo(map);
                }
            }, 0);
        })({{ this._parent._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "NarrowLayers"
        self.narrow = MAP_NARROW_PX


def walk(element: Element) -> Iterator[Element]:
    yield element
    for child in list(element._children.values()):
        yield from walk(child)


def stabilise_ids(m: folium.Map) -> None:
    """Replace folium's random element ids with their position in the tree."""
    for n, element in enumerate(walk(m.get_root())):
        element._id = f"{n:04d}"

