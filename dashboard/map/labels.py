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
from dashboard.settings import PRESENT_TYPE
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
    f".atlas-big .atlas-label>span{{font-size:{PRESENT_TYPE}}}"
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
    """Labels, zoom groups and the collision pass (`atlas.labels`, labels.js)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.labels({{ this._parent._parent.get_name() }}, {{ this._parent.get_name() }},
            {{ this.options_json }});
        {% endmacro %}
        """
    )

    def __init__(self, items: list[list[Any]], *, threshold: float | None = None,
                 large: bool = False) -> None:
        super().__init__()
        self._name = "LabelLayer"
        self.items = items
        self.options = {
            "items": items,
            "threshold": PILOT_LABEL_ZOOM if threshold is None else threshold,
            "large": large,
            "small": settings.MAP_SMALL_LABELS_PX,
            "narrow": settings.MAP_NARROW_PX,
        }
        self.options_json = script_json(self.options)
