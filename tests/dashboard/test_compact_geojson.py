"""The compact encoding round-trips and is much smaller than plain GeoJSON."""

from __future__ import annotations

import json

import folium
import shapely
from shapely.geometry import mapping

from dashboard.map.compact_geojson import CompactGeoJson, decode_ring, encode_ring
from geodata.boundaries.layers import load_layer


def test_ring_round_trip_at_precision() -> None:
    ring = [(116.4074, 39.9042), (116.5, 39.8), (-0.001, -89.999), (116.4074, 39.9042)]
    back = decode_ring(encode_ring(ring, 3), 3)
    assert back == [(round(x, 3), round(y, 3)) for x, y in ring]


def test_province_layer_is_far_smaller_than_geojson() -> None:
    prov = load_layer("province", simplified=True)
    feats = [(g, {"color": "#888"}, str(n), str(a))
             for a, n, g in zip(prov["adcode"], prov["name"], prov.geometry, strict=True)]
    m = folium.Map(tiles=None)
    layer = CompactGeoJson(feats, precision=3)
    layer.add_to(m)
    compact = len(json.dumps(layer.data))
    plain = len(json.dumps([mapping(g) for g in prov.geometry]))
    assert compact < plain / 3
    # every vertex survives at 1e-3 degrees
    first = layer.data["f"][0][1]
    ring = first[0][0] if layer.data["f"][0][0] == "M" else first[0]
    assert len(decode_ring(ring, 3)) > 10
    assert shapely.get_num_coordinates(prov.geometry.values[0]) >= len(decode_ring(ring, 3)) // 2
