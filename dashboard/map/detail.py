"""How much detail a map is sent with. The national view shows China in ~600–1900 px,
where a pixel is 0.03–0.1 degrees: its outlines and pilots are simplified further than
the display copies (topology kept, once per shape) and their coordinates sent to 0.01
degrees, about half the bytes for the browser to receive, parse and draw. A view fitted
to a province, a drill-down or a shared zoom keeps the finer copies."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from dashboard import settings

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

# degrees: about a pixel at the national view of a 1920-px screen, half of one on a laptop
NATIONAL_TOLERANCE = settings.MAP_NATIONAL_TOLERANCE
NATIONAL_PRECISION = settings.MAP_NATIONAL_PRECISION  # decimals of a degree
FINE_PRECISION = settings.MAP_FINE_PRECISION


def is_national(spec: Any) -> bool:
    """A map fitted to all of China (no province, bounds, drill-down or shared zoom)."""
    return not (spec.focus or spec.drill or spec.bounds or spec.view)


def precision(spec: Any) -> int:
    return NATIONAL_PRECISION if is_national(spec) else FINE_PRECISION


@lru_cache(maxsize=8192)
def coarse(geom: BaseGeometry, kind: str) -> BaseGeometry:
    """`geom` simplified for the national view, once per shape (points stay as they are)."""
    if geom.geom_type == "Point":
        return geom
    return geom.simplify(NATIONAL_TOLERANCE[kind], preserve_topology=True)
