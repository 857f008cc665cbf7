"""Names on the map as real text: province names at the national view, pilot names
once zoomed to a province.

Each label is a Leaflet divIcon holding a text node (selectable, read by screen
readers). Which group shows is decided by the zoom. Province names sit at fixed places
(`anchors.py`) and step down a ladder when they would overlap a name already set: a
smaller size, then the short form (简称 / ISO code), then hidden; they never move off
their province. Pilot names sit at the pole of inaccessibility of their shape, and a
small collision pass in the page moves or hides one that would overlap one of higher
priority (larger units first).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import shapely
from branca.element import MacroElement
from jinja2 import Template
from shapely.ops import polylabel

from dashboard import settings
from dashboard.map.anchors import ANCHORS
from dashboard.map.compact_geojson import script_json
from dashboard.settings import PRESENT_TYPE
from geodata.geocode.romanise import place_name_en, short_name, short_name_en

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
    # a dotted province's name on the sea side of its dot
    ".atlas-label.side-e>span{transform:translate(6px,-50%)}"
    ".atlas-label.side-s>span{transform:translate(-50%,8px)}"
    # a unit too small to hold its name (香港, 澳门; anchors.py): a dot, the name beside it
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
    """[lat, lon, text, PROV, priority, is a dot, extent, short form, dot side] per
    province, at its fixed place (`anchors.py`); the dotted (tiny) ones first, then
    larger provinces first (they keep their full names when room runs out)."""
    out = []
    for code, name, geom in zip(provinces["adcode"].astype(str), provinces["name"],
                                provinces.geometry, strict=True):
        a = ANCHORS[code]
        dot = 1 if a.side else 0
        out.append([a.lat, a.lon, _clean(province_label_text(str(name), lang)), PROV,
                    -round(float(geom.area)), dot, extent(geom),
                    a.en_short if lang == "en" else a.zh_short, a.side])
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
