"""The registry against the official totals: a future full list changes a number, not code."""

from __future__ import annotations

from collections import Counter

import seeds
from geodata.registry.pilots import completeness, registry_rows, resolved_registry


def test_each_batch_known_against_official() -> None:
    official = {b.batch: b.official_members for b in seeds.load_batches()}
    assert official == {1: 64, 2: 73, 3: 111}
    for c in completeness():
        rows = [r for r in registry_rows() if r["batch"] == c["batch"]]
        counted = [r for r in rows if r["status"] != "contradicted"]
        assert c["known"] == len(counted)
        assert c["official"] + c["reported"] + c["unconfirmed"] == len(counted)
        assert c["complete"] == (0 < official.get(int(c["batch"]), 0) <= len(counted))
    by_batch = {c["batch"]: c for c in completeness()}
    assert by_batch[3]["complete"] and not by_batch[1]["complete"]


def test_batch2_has_the_14_land_reform_pilots() -> None:
    land = [r for r in registry_rows() if r["category"] == "农村土地制度改革试点"]
    assert len(land) == 14 and {r["batch"] for r in land} == {2}
    assert all(r["status"] == "official" for r in land)


def test_pilot_ids_are_unique_and_stable() -> None:
    ids = [r["pilot_id"] for r in registry_rows()]
    assert len(ids) == len(set(ids)) == len(registry_rows()) > 190
    # ids are in shared links (?pilot=…): they follow batch, context and name only, so
    # they survive reordering the seeds and new rows; these are ids links already carry
    by_id = {r["pilot_id"]: r for r in registry_rows()}
    assert by_id["b3-8ecc3630"]["unit_name"] == "顺义区"
    assert seeds.pilot_id(3, "三都縣", "x") == "b3-835691d3"
    assert len({seeds.pilot_id(3, "三都縣", "x"), seeds.pilot_id(2, "三都縣", "x"),
                seeds.pilot_id(3, "三都縣", "y"), seeds.pilot_id(3, "三都县", "x")}) == 4


def test_batch3_zhejiang_has_four() -> None:
    zj = [r for r in registry_rows() if r["batch"] == 3 and r["province"] == "浙江省"]
    assert len(zj) == 4


def test_whole_province_pilots_are_provinces() -> None:
    b1 = {r["unit_name"]: r for r in registry_rows() if r["batch"] == 1}
    assert b1["江苏省"]["level"] == "province" and b1["安徽省"]["level"] == "province"


def test_geometry_kinds() -> None:
    frame = resolved_registry()
    assert len(frame) == len(registry_rows()) and frame.crs.to_epsg() == 4326
    kinds = Counter(frame["geometry_kind"])
    assert set(kinds) <= {"boundary", "town_point", "approximate", ""}
    # only an entry that did not resolve has nothing to draw
    assert set(frame[frame["geometry_kind"] == ""]["match_status"]) <= {"unmatched", "ambiguous"}
    units = frame[frame["geometry_kind"] == "boundary"]
    assert units.geometry.geom_type.isin(["Polygon", "MultiPolygon"]).all()
    towns = frame[frame["level"].isin(["town", "zone"])]
    assert (towns.geometry.geom_type == "Point").all()
    # each town point lies inside (or on the edge of) its county
    from geodata.boundaries.layers import load_layer

    counties = load_layer("county").set_index("adcode")
    for _, r in towns.iterrows():
        if r["adcode"] in counties.index:
            assert counties.loc[r["adcode"], "geometry"].buffer(0.01).contains(r.geometry)
