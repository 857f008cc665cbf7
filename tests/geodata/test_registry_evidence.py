"""The registry as complete as public sources allow: batches 1 and 2 with their evidence,
the "1 or 2" group, a contradicted member, counts by kind, public sources only, group
pilots drawn as one shape, and a cache that follows the seed tables."""

from __future__ import annotations

import seeds
from geodata.registry.pilots import completeness, registry_rows


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
    assert "河北省定州市" in {r["name_published"] for r in group}
    # 孝感 left the group for batch 1 on the research panel's coding alone: unconfirmed
    xiaogan = next(r for r in b1 if r["name_published"] == "湖北省孝感市")
    assert (xiaogan["status"], xiaogan["evidence_kind"]) == ("unconfirmed", "dataset")
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
    from geodata.registry.pilots import kind_completeness

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


def test_a_group_pilot_is_drawn_as_one_shape_over_its_units() -> None:
    """A pilot whose unit is several units (重庆市主城九区) is ONE row with the union of
    their polygons, whichever way the geocoder reports the members."""
    from dataclasses import replace

    from geodata.registry.pilots import pilot_geometry, shipped_pilots, unit_shapes

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

    from geodata.basics.settings import cache_key, data_hash, source_hash

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
    (copy / "geodata" / "geocode" / "towns.py").write_text("# changed\n", encoding="utf-8")
    assert len({before, after_seed, source_hash(copy)}) == 3


def test_the_research_table_covers_a_group_pilots_members_only() -> None:
    from geodata.registry.research import research_rows

    rows = {r["adcode"]: r for r in research_rows(list(registry_rows()))}
    group = next(r for r in registry_rows() if r["name_published"] == "重庆市主城九区")
    assert len(group["members"].split()) == 9
    assert rows["500103"]["first_batch"] == 1 and group["pilot_id"] in rows["500103"]["pilot_ids"]
    assert group["pilot_id"] not in rows["500101"]["pilot_ids"]  # 万州区 is not a member
