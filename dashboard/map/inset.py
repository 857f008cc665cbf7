"""The 南海诸岛 inset of every national Leaflet map: a framed box in the lower right with
the coast around the South China Sea, the islands and the dashed line.

It is a second, static L.map inside a corner control, drawn from the same compact data
as the main map (no tiles, no requests), by `atlas.inset` (static/atlas/inset.js). Its
features are not interactive, so they never count as pilots; the dashed line is a real
SVG path with the class `atlas-scs-line`.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from branca.element import MacroElement
from jinja2 import Template

from dashboard import settings
from dashboard.i18n import t
from dashboard.map.compact_geojson import encode_geometry, encode_ring

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
# Each of the line's ten segments is one dash: drawn solid, never cut by a dash pattern.
LINE_STYLE = {"color": "#3a3a3a", "weight": 1.6, "lineCap": "butt", "fill": False}


@cache
def inset_payload() -> dict[str, Any]:
    """The inset's data, encoded once per process: land, islands, line, frame bounds."""
    from shapely.geometry import MultiPolygon

    from geodata.boundaries.layers import (
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
    # the caption in a band of its own under the map (inset.js sizes it): never over the line
    ".atlas-inset .atlas-inset-label{position:absolute;right:4px;bottom:1px;z-index:800;"
    "font:12px/1.3 sans-serif;color:#222;padding:0 2px;white-space:pre;text-align:right}"
    "</style>"
)


class SouthChinaSeaInset(MacroElement):
    """Adds the inset to its parent map (a folium.Map) in the lower-right corner."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}
        atlas.inset({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, lang: str, national: list[list[float]]) -> None:
        """`national`: [[south, west], [north, east]] of the main map's national view."""
        super().__init__()
        self._name = "SouthChinaSeaInset"
        (south, west), (north, east) = national
        payload = inset_payload()
        (lat0, lon0), (lat1, lon1) = payload["bounds"]
        self.options = {
            "payload": payload,
            "label": t("scs_inset", lang),
            "national": national,
            "nationalAspect": round(inset_aspect(west, south, east, north), 4),
            "aspect": round(inset_aspect(lon0, lat0, lon1, lat1), 4),
            "styles": {"land": LAND_STYLE, "island": ISLAND_STYLE, "line": LINE_STYLE},
        }
        self.css = _CSS


def inset_aspect(lon0: float, lat0: float, lon1: float, lat1: float) -> float:
    """Width / height of the frame in Web Mercator, so the box hugs the bounds."""
    import math

    def y(lat: float) -> float:
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    return (lon1 - lon0) / (y(lat1) - y(lat0))
