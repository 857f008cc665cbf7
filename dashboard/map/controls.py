"""Leaflet controls and script pieces of the map, as branca MacroElements: a legend box,
fitting the view, the geometry decoder, the metric scale, the attribution, the
narrow-screen fold; the map CSS. Their browser code is `dashboard/static/atlas/controls.js`;
each element passes it its data."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from dashboard.i18n import t
from dashboard.map.compact_geojson import ALPHABET
from dashboard.map.focus import MANNERS_CSS
from dashboard.map.labels import LABEL_CSS
from dashboard.settings import MAP_NARROW_PX, PRESENT_TYPE


class HtmlControl(MacroElement):
    """A fixed box on the map (legend) made of static HTML; `atlas.htmlControl`."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% set target = this._parent._parent if this.slot else this._parent %}
        var {{ this.get_name() }} = atlas.htmlControl({{ target.get_name() }},
            {{ this.html|tojson }}, {{ this.options|tojson }});
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
        self.slot = slot
        self.options = {"position": position, "cssClass": css_class, "slot": slot,
                        "narrow": MAP_NARROW_PX}


class FitView(MacroElement):
    """Fit the map to bounds (or a shared link's view) when its group is drawn: the
    view travels with the layers, so a filter change refits without a new map
    (`atlas.fitView`)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.fitView({{ this._parent._parent.get_name() }}, {{ this.options|tojson }});
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
        self.options = {
            "bounds": bounds,
            "view": list(view) if view else None,
            "local": local,
            "clear": local and clear,
            "common": common or None,
            "gap": 6,  # px between a corner box and the place fitted beside it
        }


class Decoder(MacroElement):
    """The compact geometry's alphabet, given once to the decoder (`atlas.alphabet`)."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.alphabet({{ this.alphabet|tojson }});"
        "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "Decoder"
        self.alphabet = ALPHABET


class MetricScale(MacroElement):
    """The scale bar, in kilometres only (`atlas.scale`)."""

    _template = Template(
        "{% macro script(this, kwargs) %}atlas.scale({{ this._parent.get_name() }});"
        "{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "MetricScale"


class Attribution(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.attribution({{ this._parent.get_name() }}, {{ this.text|tojson }},
                          {{ this.prefix|tojson }}, {{ this.titles|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str, prefix: str, lang: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text  # HTML: names marked with their language (dashboard.marking)
        self.prefix = prefix
        # Leaflet's own button titles are English; a Chinese map gives its own
        self.titles = {"zoom_in": t("map_zoom_in", lang), "zoom_out": t("map_zoom_out", lang),
                       "layers": t("map_layers", lang)}


def css(large: bool) -> str:
    # presenting: the type follows the screen (the frame's width), ≥ 24 px at 1920 and
    # never under 14 px at 1024, read from the back of a room
    size = PRESENT_TYPE if large else "13px"
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
        # the map takes its frame's height, which the page may set below the height given
        # to st_folium (views/explore.py, frame_fit.py); 100vh is the frame's height. Not
        # while the frame is still 0 px tall: a map fitted then would be fitted to nothing
        "@media (min-height:1px){"
        "div#map_div,#map_div .folium-map{height:100vh!important}"
        "body:has(#map_div){overflow:hidden}}"
        + LABEL_CSS + MANNERS_CSS
        + "</style>"
    )


class NarrowLayers(MacroElement):
    """On a narrow map the layer control becomes a button (`atlas.narrowLayers`)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.narrowLayers({{ this._parent._parent.get_name() }}, {{ this.narrow }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "NarrowLayers"
        self.narrow = MAP_NARROW_PX
