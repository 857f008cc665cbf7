"""Evidence kinds beside statuses, the research panel's coding beside the rows it covers,
the batch of a town by elimination, contradictions kept, and the land-reform cross-check:
all derived from the seeds and the real registry."""

from __future__ import annotations

from dataclasses import replace

import pytest

import seeds
from geodata.registry import evidence, land_reform
from geodata.registry.pilots import audit_text, shipped_pilots


def test_only_notice_and_press_make_a_row_official_or_reported() -> None:
    rows = shipped_pilots()
    assert {p.evidence_kind for p in rows} <= set(seeds.EVIDENCE_KINDS)
    for p in rows:
        if p.status == "official":
            assert p.evidence_kind == "notice", p.name
        if p.status == "reported":
            assert p.evidence_kind == "press", p.name
        if p.evidence_kind not in ("notice", "press"):
            assert p.status in ("unconfirmed", "contradicted"), p.name
        if p.status == "unconfirmed" and p.evidence_kind in ("notice", "press"):
            assert p.doubt in seeds.DOUBTS, p.name  # the reason a reader can weigh
    # every kind but the notice's own is in use for batches 1 and 2
    kinds12 = {p.evidence_kind for p in rows if p.batch != 3}
    assert set(seeds.EVIDENCE_KINDS) <= kinds12


@pytest.mark.parametrize(("status", "kind", "doubt"), [
    ("reported", "dataset", ""), ("official", "press", ""), ("unconfirmed", "press", ""),
    ("unconfirmed", "rumour", ""), ("unconfirmed", "press", "hearsay"),
])
def test_the_seed_loader_refuses_a_status_its_evidence_cannot_carry(
        status: str, kind: str, doubt: str) -> None:
    row = {"place": "某地", "status": status, "evidence_kind": kind, "doubt": doubt}
    with pytest.raises(ValueError, match="某地"):
        seeds.check_evidence(row)


def test_the_two_towns_are_batch_2_by_elimination_derived_from_the_data() -> None:
    rows = list(shipped_pilots())
    for name in ("榆树沟镇", "北泉镇"):
        town = next(p for p in rows if p.name.endswith(name))
        assert town.kind == "town" and town.adcode, town  # placed, in its county
        assert town.evidence_kind == "elimination" and town.status == "unconfirmed"
        assert town.batch == 2 == evidence.batch_by_elimination(town, rows)
    # every row the seeds say is batch-by-elimination is what the rule gives
    for p in rows:
        if p.evidence_kind == "elimination":
            assert evidence.batch_by_elimination(p, rows) == p.batch, p.name


def test_elimination_says_nothing_when_batch_1s_towns_are_not_all_known() -> None:
    rows = list(shipped_pilots())
    town = next(p for p in rows if p.name.endswith("榆树沟镇"))
    first_towns = [p for p in rows if p.batch == 1 and p.kind == "town"]
    assert len(first_towns) == 2  # 龙港, 二道白河: the stated count of batch 1's towns
    fewer = [p for p in rows if p is not first_towns[1]]
    assert evidence.batch_by_elimination(town, fewer) is None
    # a batch-1 town only reported as unconfirmed does not make the list complete either
    weaker = [replace(p, status="unconfirmed") if p is first_towns[0] else p for p in rows]
    assert evidence.batch_by_elimination(town, weaker) is None
    # the same town in batch 3 would be batch 3; a county is never decided this way
    moved = [*rows, replace(town, batch=3, status="official", evidence_kind="notice")]
    assert evidence.batch_by_elimination(town, moved) == 3
    county = next(p for p in rows if p.kind == "county" and p.batch == 2)
    assert evidence.batch_by_elimination(county, rows) is None


def test_the_panel_codes_batch_3s_prefecture_level_entries_exactly() -> None:
    """What makes the panel credible: its 2016 cities are our 19 prefecture-level
    batch-3 entries, no more, no less."""
    third = {p.adcode for p in shipped_pilots() if p.batch == 3 and p.level == "prefecture"}
    panel2016 = {c.city_code for c in seeds.load_dataset_coding() if c.first_treated == 2016}
    assert len(third) == 19 and panel2016 == third


def test_the_panel_coding_beside_each_row_it_covers() -> None:
    rows = {p.name: p for p in shipped_pilots()}
    assert (rows["广东省惠州市"].dataset_year, rows["广东省惠州市"].dataset_check) == (
        2014, "agrees")
    assert rows["江西省南昌市"].dataset_check == "agrees" and rows["江西省南昌市"].batch == 2
    assert rows["广东省东莞市"].dataset_check == "untreated"  # reported, the panel disagrees
    assert rows["江苏省"].dataset_check == "agrees"  # all its cities coded 2014
    assert rows["浙江省金华市义乌市"].dataset_check == ""  # a county: the panel has none
    # a batch the panel codes differently reads as differing, not agreeing
    assert evidence.dataset_coding("441300", "prefecture", 2) == (2014, "differs")
    assert evidence.dataset_coding("441300", "prefecture", seeds.BATCH_1_OR_2) == (
        2014, "agrees")


def test_contradictions_are_kept_and_named() -> None:
    found = evidence.contradictions(list(shipped_pilots()))
    capitals = [c for c in found if (c.what, c.batch, c.subject) == ("kind_exceeds", "2",
                                                                     "capital")]
    assert len(capitals) == 1 and "南昌" in capitals[0].detail
    assert any(c.what == "dataset" and "东莞" in c.subject for c in found)
    # without 南昌 batch 2's capitals fit the derived count again
    fewer = [p for p in shipped_pilots() if not p.name.endswith("南昌市")]
    assert not [c for c in evidence.contradictions(fewer) if c.subject == "capital"]


def test_land_reform_cross_check() -> None:
    checks = {c.place: c for c in land_reform.cross_check(list(shipped_pilots()))}
    notice = [c for c in checks.values() if c.evidence_kind == "notice"]
    assert len(notice) == 14 and all(c.verdict == "batch2_notice" for c in notice)
    assert checks["四川省泸县"].verdict == "batch1_consistent"  # inside 泸州 (batch 1)
    assert checks["湖北省宜城市"].verdict == "lead_upgrade"  # only 襄阳 (1 or 2) holds it
    assert all(c.adcode for c in checks.values())  # every named pilot geocoded


def test_audit_shows_status_and_evidence_kind_per_batch() -> None:
    text = audit_text()
    assert "by evidence kind" in text
    line2 = next(ln for ln in text.splitlines() if ln.strip().startswith("2  official"))
    b2 = evidence.by_kind(shipped_pilots(), 2)
    assert f"dataset {b2['dataset']}" in line2 and f"elimination {b2['elimination']}" in line2
    assert "广东省东莞市 (reported): untreated" in text
    assert "rural land-reform pilots" in text and "湖北省宜城市" in text
