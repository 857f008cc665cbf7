"""The display layers are one coverage: neighbours meet with no overlap and no gap at
every level the maps draw (province, prefecture, county)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from geodata.basics.settings import DISPLAY_TOLERANCE
from geodata.boundaries.layers import display_coverage, load_layer, raw_features


def _overlaps(geoms: np.ndarray) -> tuple[int, float]:
    """Neighbouring pairs whose interiors overlap, and the area they share (deg²)."""
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="intersects")
    pair = a < b
    area = shapely.area(shapely.intersection(geoms[a[pair]], geoms[b[pair]]))
    return int((area > 0).sum()), float(area.sum())


def _gaps(geoms: np.ndarray) -> tuple[int, float]:
    """Holes in the union of the units: slivers between neighbours (deg²)."""
    union = shapely.union_all(geoms)
    holes = [shapely.Polygon(r) for p in getattr(union, "geoms", [union]) for r in p.interiors]
    return len(holes), float(sum(h.area for h in holes))


@pytest.mark.parametrize("layer", ["province", "prefecture", "county"])
def test_display_layer_has_no_overlaps_and_no_gaps(layer) -> None:
    shown = np.asarray(load_layer(layer, simplified=True).geometry.values, dtype=object)
    assert bool(shapely.is_valid(shown).all()) and not bool(shapely.is_empty(shown).any())
    assert shapely.coverage_is_valid(shown)  # shared borders vertex for vertex
    assert _overlaps(shown) == (0, 0.0)
    assert _gaps(shown) == (0, 0.0)
    # the simplification simplifies: fewer vertices than the files
    full = [g for _, _, g in raw_features(layer)]
    assert shapely.get_num_coordinates(shown).sum() < 0.7 * shapely.get_num_coordinates(
        full).sum()


def test_simplifying_each_unit_alone_would_leave_overlaps_and_gaps() -> None:
    """The check above can fail: the former per-unit simplification fails it."""
    rows = sorted(raw_features("province"))
    geoms = np.asarray([g for _, _, g in rows], dtype=object)
    alone = shapely.simplify(geoms, DISPLAY_TOLERANCE["province"] / 2, preserve_topology=True)
    assert _overlaps(alone)[0] > 10 and _gaps(alone)[0] > 10
    together = display_coverage(geoms, DISPLAY_TOLERANCE["province"])
    assert _overlaps(together)[0] == 0 and _gaps(together)[0] == 0


def test_an_overlap_and_a_sliver_between_neighbours_are_closed() -> None:
    west = shapely.box(0, 0, 1.02, 3)  # overlaps its eastern neighbours by 0.02°
    south, north = shapely.box(1, 0, 3, 1), shapely.box(1, 2, 3, 3)
    middle = shapely.box(1.01, 1, 2, 2)  # a 0.01° sliver from the eastern one …
    east = shapely.box(2, 1, 3, 2)
    before = np.asarray([west, south, north, middle, east], dtype=object)
    assert _overlaps(before)[0] == 3
    out = np.asarray(display_coverage(before, 0.001), dtype=object)
    assert _overlaps(out) == (0, 0.0) and _gaps(out) == (0, 0.0)
    assert abs(float(shapely.area(out).sum()) - 9.0) < 1e-6  # … is nobody's land no more
