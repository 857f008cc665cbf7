"""GeoJSON layers sent in a compact form: coordinates as delta-encoded polyline
strings (about 4 bytes a vertex instead of about 20), styles as a shared table,
decoded in the page by `atlas.geo` (dashboard/static/atlas/geo.js), which the map's
`Decoder` element gives the alphabet. Plain Leaflet on the page, no
other library; each feature is still a Leaflet layer with its own tooltip, so
streamlit-folium's click reporting works as with folium.GeoJson."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from branca.element import Element
from folium.map import Layer
from jinja2 import Template
from shapely.geometry.base import BaseGeometry

# 6-bit digits as letters, digits, "-" and "~": nothing a template engine, JSON or HTML would
# read as syntax (folium passes rendered scripts through Jinja again, so "{{" must never
# appear in the data; no "_" either, which streamlit-folium rewrites next to element ids).
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~"
_DIGIT = {c: i for i, c in enumerate(ALPHABET)}

def script_json(value: Any) -> str:
    """JSON for inside a <script>: CJK as itself (a third of the bytes of \\uXXXX), and
    the characters HTML or an attribute could read escaped, as Jinja's tojson does."""
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))


def _num(v: int) -> str:
    v = ~(v << 1) if v < 0 else v << 1
    out = []
    while v >= 0x20:
        out.append(ALPHABET[0x20 | (v & 0x1F)])
        v >>= 5
    out.append(ALPHABET[v])
    return "".join(out)


def encode_ring(coords: Sequence[Sequence[float]], precision: int) -> str:
    """A ring as one polyline string of (lon, lat) deltas at `precision` decimals."""
    f = 10**precision
    px = py = 0
    parts: list[str] = []
    for c in coords:
        x, y = round(c[0] * f), round(c[1] * f)
        if parts and x == px and y == py:
            continue  # rounding made it a repeat
        parts.append(_num(x - px) + _num(y - py))
        px, py = x, y
    return "".join(parts)


def decode_ring(s: str, precision: int) -> list[tuple[float, float]]:
    """Python twin of the JS decoder (for tests)."""
    f = 10**precision
    i, x, y, out = 0, 0, 0, []

    def nxt() -> int:
        nonlocal i
        r = sh = 0
        while True:
            b = _DIGIT[s[i]]
            i += 1
            r |= (b & 31) << sh
            sh += 5
            if b < 32:
                break
        return ~(r >> 1) if r & 1 else r >> 1

    while i < len(s):
        x += nxt()
        y += nxt()
        out.append((x / f, y / f))
    return out


def encode_geometry(geom: BaseGeometry, precision: int) -> tuple[str, Any]:
    """A geometry as ("P" | "A" | "M", coordinates or rings). The same shapes are sent on
    every rerun, so encodings are kept (bounded; keyed by the shape's value)."""
    return _encode_cached(geom, precision)


@lru_cache(maxsize=4096)
def _encode_cached(geom: BaseGeometry, precision: int) -> tuple[str, Any]:
    return _encode(geom, precision)


def _encode(geom: BaseGeometry, precision: int) -> tuple[str, Any]:
    def rings(poly: Any) -> list[str]:
        return [encode_ring(poly.exterior.coords, precision)] + [
            encode_ring(r.coords, precision) for r in poly.interiors
        ]

    kind = geom.geom_type
    if kind == "Point":
        return "P", [round(geom.x, precision + 1), round(geom.y, precision + 1)]
    if kind == "Polygon":
        return "A", rings(geom)
    if kind == "MultiPolygon":
        return "M", [rings(p) for p in geom.geoms]
    raise ValueError(f"cannot draw a {kind}")


class CompactGeoJson(Layer):
    """A layer of features (geometry, style, tooltip html, id) in compact form."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = atlas.compactLayer({{ this.data_json }},
            {{ this.styles|tojson }}, {{ this.options|tojson }});
        {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        features: Sequence[tuple[BaseGeometry, Mapping[str, Any], str | list[str], str]],
        *,
        precision: int = 3,
        pane: str = "overlayPane",
        name: str | None = None,
        control: bool = False,
        show: bool = True,
        highlight: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(name=name, overlay=True, control=control, show=show)
        self._name = "CompactGeoJson"
        table: dict[str, int] = {}
        styles: list[Mapping[str, Any]] = []
        rows = []
        for geom, style, tooltip, fid in features:
            key = json.dumps(style, sort_keys=True)
            if key not in table:
                table[key] = len(styles)
                styles.append(style)
            kind, coords = encode_geometry(geom, precision)
            rows.append([kind, coords, table[key], tooltip, fid])
        self.data = {"p": precision, "f": rows}
        self.data_json = script_json(self.data)
        self.styles = styles
        self.options = {"pane": pane, "highlight": dict(highlight) if highlight else None}

    def add_to(self, parent: Element, name: str | None = None,
               index: int | None = None) -> CompactGeoJson:
        """branca's `add_to`, typed as the layer it adds (the map keeps what it drew)."""
        super().add_to(parent, name=name, index=index)
        return self
