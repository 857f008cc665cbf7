"""The 南海诸岛 inset on national Leaflet maps, not on a province's."""

from __future__ import annotations

import pytest

from dashboard.map.compact_geojson import decode_ring
from dashboard.map.inset import inset_payload
from dashboard.map.view import MapSpec, build_map, build_parts
from geodata.boundaries.layers import SCS_INSET_BOUNDS
from geodata.registry.pilots import resolved_registry


@pytest.fixture(scope="module")
def pilots():
    return resolved_registry(simplified=True).iloc[:20]


def test_national_map_has_the_inset_with_its_line_and_label(pilots, provinces):
    for lang, label in (("zh", "南海诸岛"), ("en", "South China Sea Islands")):
        inset = build_parts(pilots, provinces, spec=MapSpec(lang=lang)).elements["inset"]
        assert inset.options["label"] == label
        assert len(inset.options["payload"]["line"]) == 10  # the ten dashes
        # drawn: tests/browser/test_inset_browser.py


def test_province_view_has_no_inset(pilots, provinces):
    assert "inset" not in build_parts(pilots, provinces, spec=MapSpec(focus="330000")).elements


def test_the_encoded_line_decodes_to_the_dashed_line():
    data = inset_payload()
    segs = [decode_ring(s, data["lp"]) for s in data["line"]]
    assert len(segs) == 10
    lons = [p[0] for seg in segs for p in seg]
    lats = [p[1] for seg in segs for p in seg]
    assert min(lons) < 109 and max(lons) > 122 and min(lats) < 4 and max(lats) > 24
    x0, y0, x1, y1 = SCS_INSET_BOUNDS
    assert data["bounds"] == [[y0, x0], [y1, x1]]


def test_the_osm_layer_says_its_borders_are_not_the_standard_map(pilots, provinces):
    html = build_map(pilots, provinces, spec=MapSpec(basemap=True, lang="en")).get_root().render()
    assert "borders and names are not China" in html and "standard map" in html
    plain = build_map(pilots, provinces, spec=MapSpec()).get_root().render()
    assert "standard map" not in plain and "标准地图" not in plain
