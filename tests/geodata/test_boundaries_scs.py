"""The South China Sea inset's data comes from the boundary file itself."""

from __future__ import annotations

from geodata.boundaries.layers import (
    SCS_INSET_BOUNDS,
    inset_land,
    load_layer,
    raw_features,
    south_china_sea_islands,
    south_china_sea_line,
)


def test_the_dashed_line_is_the_long_border_line_with_ten_segments():
    line = south_china_sea_line()
    assert line.geom_type == "MultiLineString"
    assert len(line.geoms) == 10
    lon0, lat0, lon1, lat1 = line.bounds
    assert 108 < lon0 < 109 and 122 < lon1 < 123.5
    assert 3 < lat0 < 4 and 24 < lat1 < 25


def test_the_line_is_never_a_unit():
    names = {name for _, name, _ in raw_features("province")}
    assert "境界线" not in names
    assert len(raw_features("province")) == 34


def test_islands_are_hainans_parts_south_of_its_main_island():
    islands = south_china_sea_islands()
    assert islands.geom_type == "MultiPolygon"
    assert len(islands.geoms) > 300
    _lon0, lat0, _lon1, lat1 = islands.bounds
    assert lat1 < 18 and lat0 < 4.5  # down to Zengmu Ansha
    hainan = next(g for code, _, g in raw_features("province") if code == "460000")
    assert hainan.covers(islands)


def test_everything_fits_the_inset_frame_and_the_coast_is_around_it():
    x0, y0, x1, y1 = SCS_INSET_BOUNDS
    for geom in (south_china_sea_line(), south_china_sea_islands()):
        a, b, c, d = geom.bounds
        assert x0 <= a and y0 <= b and c <= x1 and d <= y1
    codes = {code for code, _ in inset_land(load_layer("province", simplified=True))}
    assert {"440000", "450000", "460000", "710000"} <= codes
    assert "110000" not in codes
