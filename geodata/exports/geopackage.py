"""The pilots as a GeoPackage for GIS work (QGIS): each layer holds one geometry type, so
it opens without a choice of sublayers: `pilots` (the units' outlines, MultiPolygon),
`pilot_points` (towns and zones, and units placed at a point), the `province`,
`prefecture` and `county` boundaries at full resolution, and the `south_china_sea_line`
(the dashed line that every national map shows). WGS84 (EPSG:4326) throughout; field names
are the stable snake_case columns, values in the chosen language (geodata.exports.schema)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.exports.schema import cell

if TYPE_CHECKING:
    import geopandas as gpd

LAYERS = ("pilots", "pilot_points", "province", "prefecture", "county",
          "south_china_sea_line")
GPKG_VERSION = "1.2"
_TITLES = {
    "pilots": ("试点（行政区边界）", "Pilots (unit outlines)"),
    "pilot_points": ("试点（镇、开发区及点位）", "Pilots (towns, zones and points)"),
    "province": ("省级行政区", "Provinces"),
    "prefecture": ("地级行政区", "Prefecture-level units"),
    "county": ("县级行政区", "County-level units"),
    "south_china_sea_line": ("南海断续线", "South China Sea dashed line"),
}


def _localised(frame: gpd.GeoDataFrame, columns: Sequence[str], lang: str) -> gpd.GeoDataFrame:
    import geopandas as gpd

    records = frame[list(columns)].astype(object)
    data = {c: [cell(c, None if v is None or v != v else v, lang) for v in records[c]]
            for c in columns}
    for c in ("year", "lon", "lat", "dataset_year"):
        if c in data:  # numbers stay numbers
            data[c] = [None if v == "" else v for v in data[c]]
    return gpd.GeoDataFrame(data, geometry=list(frame.geometry), crs="EPSG:4326")


def gpkg_bytes(pilots: gpd.GeoDataFrame, columns: Sequence[str], lang: str = "zh", *,
               description: str = "") -> bytes:
    """`pilots` (full-resolution geometry) and the boundary layers, as one .gpkg file."""
    import geopandas as gpd
    import pyogrio

    from geodata.boundaries.layers import load_layer, south_china_sea_line

    table = _localised(pilots, columns, lang)
    kinds = table.geometry.geom_type.fillna("")
    areas = table[kinds.isin(("Polygon", "MultiPolygon", ""))]
    points = table[kinds == "Point"]
    layers: list[tuple[str, gpd.GeoDataFrame, str]] = [
        ("pilots", areas, "MultiPolygon"),
        ("pilot_points", points, "Point"),
    ]
    for level in ("province", "prefecture", "county"):
        frame = load_layer(level, simplified=False)[["adcode", "name", "geometry"]]
        layers.append((level, frame, "MultiPolygon"))
    line = gpd.GeoDataFrame({"name": ["南海断续线"]}, geometry=[south_china_sea_line()],
                            crs="EPSG:4326")
    layers.append(("south_china_sea_line", line, "MultiLineString"))
    index = 1 if lang == "en" else 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pilots.gpkg"
        for i, (name, frame, geometry_type) in enumerate(layers):
            pyogrio.write_dataframe(
                frame, path, layer=name, driver="GPKG", append=i > 0,
                promote_to_multi=geometry_type.startswith("Multi"),
                geometry_type=geometry_type,
                layer_options={"IDENTIFIER": _TITLES[name][index],
                               "DESCRIPTION": description},
                # GeoPackage 1.2: what GDAL ≥ 2.2 (QGIS 3) reads without a version warning
                dataset_options={"VERSION": GPKG_VERSION} if i == 0 else None,
            )
        return path.read_bytes()
