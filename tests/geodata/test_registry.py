"""The registry against the official totals: a future full list changes a number, not code."""

from __future__ import annotations

from collections import Counter

import seeds
from geodata.registry import completeness, registry_rows, resolved_registry


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


def test_batches_1_and_2_as_far_as_public_sources_go() -> None:
    """Batch 1: at least 45 places besides the two provinces; batch 2 at least 25; the
    members whose batch is only known to be 1 or 2 are their own group."""
    rows = [r for r in registry_rows() if r["status"] != "contradicted"]
    b1 = [r for r in rows if r["batch"] == 1]
    assert sum(r["kind"] == "province" for r in b1) == 2
    assert len(b1) - 2 >= 45
    assert len([r for r in rows if r["batch"] == 2]) >= 25
    group = [r for r in rows if r["batch"] == seeds.BATCH_1_OR_2]
    assert len(group) >= 5 and all(r["status"] == "unconfirmed" for r in group)
    assert {"河北省定州市", "湖北省孝感市"} <= {r["name_published"] for r in group}
    # 石家庄 and 长春 were upgraded to batch 1 by the annex's table of contents
    names1 = {r["name_published"] for r in b1}
    assert {"河北省石家庄市", "吉林省长春市", "重庆市主城九区"} <= names1
    assert not {"河北省石家庄市", "吉林省长春市"} & {r["name_published"] for r in group}


def test_haidong_is_marked_contradicted_and_not_counted() -> None:
    haidong = [r for r in registry_rows() if r["name_published"] == "青海省海东市"]
    assert len(haidong) == 1 and haidong[0]["status"] == "contradicted"
    assert "7" in str(haidong[0]["evidence"])
    b1 = next(c for c in completeness() if c["batch"] == 1)
    assert b1["contradicted"] == 1
    assert b1["known"] == sum(
        1 for r in registry_rows() if r["batch"] == 1 and r["status"] != "contradicted"
    )


def test_known_against_official_by_kind() -> None:
    from geodata.registry import kind_completeness

    kinds = {(k["batch"], k["kind"]): k for k in kind_completeness()}
    assert kinds[("1", "plan_listed")]["known"] == kinds[("1", "plan_listed")]["official"] == 3
    assert kinds[("1", "capital")]["official"] == 6 and kinds[("1", "town")]["official"] == 2
    assert kinds[("1+2", "county")]["official"] == 66
    # the structure adds up: batch 1 is 64, batches 1+2 are 135
    assert sum(k["official"] for (b, _), k in kinds.items() if b == "1") == 64
    assert sum(k["official"] for (b, _), k in kinds.items() if b == "1+2") == 135
    # "1 or 2" members count in 1+2 only
    group_counties = sum(
        1 for r in registry_rows()
        if r["batch"] == seeds.BATCH_1_OR_2 and r["kind"] == "county"
    )
    assert group_counties and kinds[("1+2", "county")]["known"] == (
        kinds[("1", "county")]["known"] + kinds[("2", "county")]["known"] + group_counties
    )


def test_sources_are_public_never_internal() -> None:
    for r in registry_rows():
        text = f"{r['sources']} {r['evidence']} {r['document']}"
        assert "seed" not in text.lower() and "../" not in text and "shared/" not in text, r
        assert r["sources"], r["name_published"]
    for b in seeds.load_batches():
        assert "seed" not in b.source.lower() and "../" not in b.source


def test_batch3_names_simplified_beside_the_published_form() -> None:
    row = next(r for r in registry_rows() if r["name_published"] == "三都縣")
    assert row["name"] == "三都县"


def test_batch2_has_the_14_land_reform_pilots() -> None:
    land = [r for r in registry_rows() if r["category"] == "农村土地制度改革试点"]
    assert len(land) == 14 and {r["batch"] for r in land} == {2}
    assert all(r["status"] == "official" for r in land)


def test_pilot_ids_are_unique_and_stable() -> None:
    ids = [r["pilot_id"] for r in registry_rows()]
    assert len(ids) == len(set(ids)) == len(registry_rows())
    assert seeds.pilot_id(3, "三都縣", "x") == seeds.pilot_id(3, "三都縣", "x")


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
    from geodata.boundaries import load_layer

    counties = load_layer("county").set_index("adcode")
    for _, r in towns.iterrows():
        if r["adcode"] in counties.index:
            assert counties.loc[r["adcode"], "geometry"].buffer(0.01).contains(r.geometry)


def test_a_group_pilot_is_drawn_as_one_shape_over_its_units() -> None:
    """A pilot whose unit is several units (重庆市主城九区) is ONE row with the union of
    their polygons, whichever way the geocoder reports the members."""
    from dataclasses import replace

    from geodata.registry import pilot_geometry, shipped_pilots, unit_shapes

    shapes = unit_shapes(True)
    base = next(p for p in shipped_pilots() if p.name_published == "重庆市主城九区")
    members = ("500103", "500104", "500105", "500106", "500107", "500108", "500109", "500112",
               "500113")
    group = replace(base, members=" ".join(members), geometry_kind="boundary", adcode="500000")
    geom = pilot_geometry(group, shapes)
    assert geom is not None
    assert abs(geom.area - sum(shapes[c].area for c in members)) < 0.01 * geom.area
    assert not geom.contains(shapes["500101"].representative_point())  # 万州 is not in it


def test_cache_key_follows_the_seed_tables_and_the_code(tmp_path) -> None:
    """A curated town added to towns.csv (or a change to the code that prepares the
    cache) gives another cache key, so a warm cache never hides it."""
    import shutil
    from pathlib import Path

    from geodata.settings import cache_key, data_hash, source_hash

    root = Path(__file__).resolve().parents[2]
    copy = tmp_path / "repo"
    shutil.copytree(root / "seeds" / "data", copy / "seeds" / "data")
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(root / "geodata", copy / "geodata", ignore=skip)
    before = source_hash(copy)
    assert before == data_hash() and data_hash()[:12] in cache_key()
    towns = copy / "seeds" / "data" / "towns.csv"
    towns.write_text(towns.read_text(encoding="utf-8") + "x\n", encoding="utf-8")
    after_seed = source_hash(copy)
    (copy / "geodata" / "towns.py").write_text("# changed\n", encoding="utf-8")
    assert len({before, after_seed, source_hash(copy)}) == 3
