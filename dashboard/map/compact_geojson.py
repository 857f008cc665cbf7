"""GeoJSON layers sent in a compact form: coordinates as delta-encoded polyline
strings (about 4 bytes a vertex instead of about 20), styles as a shared table,
decoded by a few lines of plain JS in the map itself. Plain Leaflet on the page, no
other library; each feature is still a Leaflet layer with its own tooltip, so
streamlit-folium's click reporting works as with folium.GeoJson."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from branca.element import Element, Template
from folium.map import Layer
from shapely.geometry.base import BaseGeometry

# 6-bit digits as letters, digits, "-" and "~": nothing a template engine, JSON or HTML would
# read as syntax (folium passes rendered scripts through Jinja again, so "{{" must never
# appear in the data; no "_" either, which streamlit-folium rewrites next to element ids).
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-~"
_DIGIT = {c: i for i, c in enumerate(ALPHABET)}

# Decoder, emitted once per map (guarded): polyline rings -> GeoJSON coordinates.
DECODER_JS = (
    """
if (!window.atlasGeo) {
  // digit values by character code: an array read, not a string-keyed lookup (the
  // decoding was the largest part of drawing the first map)
  window.atlasDigits = new Int8Array(128);
  for (var k = 0; k < 64; k++) atlasDigits["""
    + repr(ALPHABET)
    + """.charCodeAt(k)] = k;
  window.atlasLine = function (s, f) {
    var i = 0, n = s.length, x = 0, y = 0, out = [], D = atlasDigits, r, sh, b;
    while (i < n) {
      r = 0; sh = 0;
      do { b = D[s.charCodeAt(i++)]; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
      x += (r & 1) ? ~(r >> 1) : (r >> 1);
      r = 0; sh = 0;
      do { b = D[s.charCodeAt(i++)]; r |= (b & 31) << sh; sh += 5; } while (b >= 32);
      y += (r & 1) ? ~(r >> 1) : (r >> 1);
      out.push([x / f, y / f]);
    }
    return out;
  };
  window.atlasGeo = function (d) {
    var f = Math.pow(10, d.p), feats = [];
    function poly(rings) { return rings.map(function (r) { return atlasLine(r, f); }); }
    d.f.forEach(function (g) {
      var geom;
      if (g[0] === "P") geom = {type: "Point", coordinates: g[1]};
      else if (g[0] === "A") geom = {type: "Polygon", coordinates: poly(g[1])};
      else geom = {type: "MultiPolygon", coordinates: g[1].map(poly)};
      feats.push({type: "Feature", geometry: geom, properties: {s: g[2], t: g[3], id: g[4]}});
    });
    return {type: "FeatureCollection", features: feats};
  };
}
"""
)


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
        {% if this.emits_decoder %}{{ this.decoder }}{% endif %}
        var {{ this.get_name() }}_styles = {{ this.styles|tojson }};
        var {{ this.get_name() }} = L.geoJSON(atlasGeo({{ this.data_json }}), {
            pane: {{ this.pane|tojson }},
            style: function (f) { return {{ this.get_name() }}_styles[f.properties.s]; },
            pointToLayer: function (f, ll) {
                return L.circleMarker(ll, Object.assign({pane: {{ this.pane|tojson }}},
                    {{ this.get_name() }}_styles[f.properties.s]));
            },
            onEachFeature: function (f, layer) {
                var t = f.properties.t;
                // a list is [title, line, ...] of escaped text; a string is ready HTML
                if (Array.isArray(t)) t = "<b>" + t[0] + "</b><br>" + t.slice(1).join("<br>");
                // the id rides along hidden: a click reports the tooltip's text, the
                // reader sees names only
                var id = f.properties.id;
                if (t && /^[A-Za-z0-9-]+$/.test(id)) t += "<span hidden>id:" + id + "</span>";
                if (t) layer.bindTooltip(t, {sticky: true});
                {% if this.highlight %}
                layer.on("mouseover", function () { layer.setStyle({{ this.highlight|tojson }}); });
                layer.on("mouseout", function () {
                    layer.setStyle({{ this.get_name() }}_styles[f.properties.s]); });
                {% endif %}
            }
        });
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
        self.pane = pane
        self.highlight = dict(highlight) if highlight else None
        self.decoder = Element(DECODER_JS).render()
        self.emits_decoder = True


def share_decoder(root: Element) -> None:
    """Emit the decoder with the first compact layer only (it defines window.atlasGeo
    for the rest): a map with eight layers sends it once, not eight times."""
    first = True
    stack = [root]
    while stack:
        el = stack.pop(0)
        if isinstance(el, CompactGeoJson):
            el.emits_decoder = first
            first = False
        stack[:0] = list(el._children.values())
