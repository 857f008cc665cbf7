"""The printed maps' projection: Albers equal-area conic with standard parallels 25° N
and 47° N and central meridian 105° E, as China's national maps use (areas true, the
north not stretched, the south not squashed). The slides, their PDF/SVG and the deck
draw in it; the web map stays Web Mercator. Coordinates in metres on the GRS80
ellipsoid, which CGCS2000 (the boundary files' datum) shares to a millimetre."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyproj import Transformer
    from shapely.geometry.base import BaseGeometry

from geodata.basics.settings import ALBERS_CENTRAL_MERIDIAN as CENTRAL_MERIDIAN
from geodata.basics.settings import ALBERS_PARALLELS as STANDARD_PARALLELS

ALBERS_CHINA: str = (
    f"+proj=aea +lat_1={STANDARD_PARALLELS[0]} +lat_2={STANDARD_PARALLELS[1]} +lat_0=0 "
    f"+lon_0={CENTRAL_MERIDIAN} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"
)


@cache
def _forward() -> Transformer:
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", ALBERS_CHINA, always_xy=True)


def project_xy(lon: Any, lat: Any) -> tuple[Any, Any]:
    """(x, y) in metres of longitudes and latitudes (numbers or arrays)."""
    x, y = _forward().transform(lon, lat)
    return x, y


def project(geoms: Any) -> Any:
    """Shapely geometries (one or an array) from longitude/latitude into the projection.
    Straight edges stay straight: the display layers' edges are short enough for that."""
    import numpy as np
    import shapely

    def forward(xy: np.ndarray) -> np.ndarray:
        x, y = _forward().transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, forward)


def projected_box(lon0: float, lat0: float, lon1: float, lat1: float) -> BaseGeometry:
    """A longitude/latitude box in the projection: its parallels curve, so it is densified
    (a degree a vertex) before projecting."""
    import shapely

    box = shapely.segmentize(shapely.box(lon0, lat0, lon1, lat1), 1.0)
    return project(box)
