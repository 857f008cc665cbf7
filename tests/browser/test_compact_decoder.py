"""The map's JavaScript decoder reads back, in Chromium, exactly the coordinates the
Python encoder wrote, for every ring of the real province layer (precision as drawn)."""

from __future__ import annotations

import pytest

from dashboard.map.compact_geojson import ALPHABET, decode_ring, encode_ring
from dashboard.map.offline import atlas_script
from geodata.boundaries.layers import load_layer

pytestmark = pytest.mark.browser


def test_the_browser_decodes_every_province_ring_as_encoded(offline_page) -> None:
    precision = 3
    rings = []
    for geom in load_layer("province", simplified=True).geometry:
        for poly in getattr(geom, "geoms", [geom]):
            rings += [poly.exterior.coords, *(r.coords for r in poly.interiors)]
    encoded = [encode_ring(r, precision) for r in rings]
    page = offline_page.page
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=atlas_script("geo.js"))  # the map's own decoder
    page.evaluate("(letters) => atlas.alphabet(letters)", ALPHABET)
    decoded = page.evaluate(
        "([rings, f]) => rings.map(s => atlas.line(s, f))", [encoded, 10**precision])
    assert len(decoded) == len(encoded) > 34
    for s, got in zip(encoded, decoded, strict=True):
        want = decode_ring(s, precision)
        assert len(got) == len(want)
        assert all(abs(a - c) < 1e-9 and abs(b - d) < 1e-9
                   for (a, b), (c, d) in zip(got, want, strict=True))
    # and the decoding is the geometry: within half a unit of the last decimal
    first = rings[0]
    assert abs(decoded[0][0][0] - first[0][0]) <= 0.5 / 10**precision
