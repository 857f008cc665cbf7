"""The printed maps' Albers projection keeps areas and its standard parallels."""

from __future__ import annotations

import math

import pytest
import shapely
from pyproj import Geod

from geodata.boundaries.layers import load_layer
from geodata.boundaries.projection import CENTRAL_MERIDIAN, project, project_xy, projected_box


def test_the_central_meridian_is_vertical_and_parallels_are_arcs():
    x_south, _ = project_xy(CENTRAL_MERIDIAN, 20.0)
    x_north, _ = project_xy(CENTRAL_MERIDIAN, 50.0)
    assert x_south == pytest.approx(0.0, abs=1e-6) and x_north == pytest.approx(0.0, abs=1e-6)
    # a parallel is an arc round the cone's apex (north): its ends sit higher than its middle
    _, y_mid = project_xy(105.0, 40.0)
    _, y_end = project_xy(135.0, 40.0)
    assert y_end > y_mid + 50_000


@pytest.mark.parametrize("lat", [25.0, 47.0])
def test_scale_is_true_along_the_standard_parallels(lat):
    x0, y0 = project_xy(100.0, lat)
    x1, y1 = project_xy(110.0, lat)
    along = Geod(ellps="GRS80").line_length([100.0, 105.0, 110.0], [lat, lat, lat])
    # the chord of the projected arc against the geodesic along the parallel
    assert math.hypot(x1 - x0, y1 - y0) == pytest.approx(along, rel=2e-3)


def test_province_areas_are_true():
    """Equal-area: each province's projected area is its area on the ellipsoid."""
    geod = Geod(ellps="GRS80")
    layer = load_layer("province", simplified=True)
    for name in ("黑龙江省", "海南省", "新疆维吾尔自治区", "浙江省"):
        geom = layer[layer["name"] == name].geometry.iloc[0]
        true = abs(geod.geometry_area_perimeter(shapely.segmentize(geom, 0.1))[0])
        assert project(geom).area == pytest.approx(true, rel=5e-3), name


def test_a_box_keeps_its_curved_parallels():
    box = projected_box(100.0, 20.0, 110.0, 30.0)
    assert len(box.exterior.coords) > 30
    assert box.area == pytest.approx(abs(Geod(ellps="GRS80").geometry_area_perimeter(
        shapely.segmentize(shapely.box(100, 20, 110, 30), 0.1))[0]), rel=5e-3)
