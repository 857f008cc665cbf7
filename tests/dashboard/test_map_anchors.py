"""Every province has a name place inside it, on the real boundary file."""

from __future__ import annotations

import shapely

from dashboard.map.anchors import ANCHORS
from geodata.boundaries.layers import load_layer


def test_every_province_has_its_anchor_inside_it() -> None:
    layer = load_layer("province", simplified=False)
    assert set(ANCHORS) == set(layer["adcode"].astype(str))
    outside = [a for a, g in zip(layer["adcode"].astype(str), layer.geometry, strict=True)
               if not g.contains(shapely.Point(ANCHORS[a].lon, ANCHORS[a].lat))]
    assert outside == []


def test_short_forms_are_one_character_and_two_letters() -> None:
    assert all(len(a.zh_short) == 1 for a in ANCHORS.values())
    assert all(len(a.en_short) == 2 and a.en_short.isupper() for a in ANCHORS.values())
    assert len({a.zh_short for a in ANCHORS.values()}) == len(ANCHORS)
    assert len({a.en_short for a in ANCHORS.values()}) == len(ANCHORS)
