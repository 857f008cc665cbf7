"""Zones read whole before they are split (issue 17, class 7): the national list of economic
function zones derived by scripts/derive_dev_zones.py, and the geocoder reading it."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import seeds
from geodata.basics.codes import within
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Method
from geodata.geocode.gazetteer import gazetteer
from geodata.geocode.geocoder import Geocoder
from geodata.lists.published import geocode_lines

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "derive_dev_zones.py"
GC = Geocoder()
UNITS_ONLY = Geocoder(catalogue=False)
ROWS = {r["name"]: r for r in seeds.load_dev_zones()}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("derive_dev_zones", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# -- the derived table ---------------------------------------------------------------------
def test_the_table_holds_every_zone_of_the_source_once_with_a_proved_place() -> None:
    rows = seeds.load_dev_zones()
    assert len(rows) == 2606 == len(ROWS)  # the source's names, none twice
    assert [int(r["n"]) for r in rows] == list(range(1, 2607))
    current = gazetteer().current
    for r in rows:
        assert r["proof"] in ("unit", "former_unit", "province", "order", "none"), r
        if r["proof"] == "none":
            assert not r["adcode"] and not r["province"], r
            continue
        # every place is a unit of today's boundary files, in the province the row says
        assert r["adcode"] in current, r
        assert current[r["adcode"][:2] + "0000"].name == r["province"], r
        if r["proof"] in ("province",):
            assert r["adcode"].endswith("0000"), r
        if r["proof"] == "former_unit":
            assert r["adcode"].endswith("00"), r  # never the successor county
    proved = sum(1 for r in rows if r["adcode"])
    assert proved > 2500


@pytest.mark.parametrize(
    ("name", "adcode", "proof"),
    [
        ("西青经济技术开发区", "120111", "unit"),  # 天津's 西青区
        ("河北鹿泉经济开发区", "130110", "unit"),
        ("河北滦县经济开发区", "130284", "unit"),  # 滦县, renamed 滦州市 2018: the same land
        ("漕河泾新兴技术开发区", "310000", "order"),  # no unit named: 上海 from the order
        ("宾西经济技术开发区", "230000", "order"),  # between 哈尔滨's zones
        ("西安经济技术开发区", "610100", "order"),  # 陕西's, not 吉林's or 黑龙江's 西安区
        ("东山经济技术开发区", "350626", "order"),  # 福建's 东山县, not 鹤岗's 东山区
        ("海南洋浦经济开发区", "460000", "order"),
        ("安徽新芜经济开发区", "340200", "former_unit"),  # 新芜区, merged away 2005
        ("上海南汇工业园区", "310000", "former_unit"),
        ("明水经济技术开发区", "", "none"),  # 黑龙江's 明水县 by name, 山东's zones by order
        ("黑龙江富蕴工业园区", "", "none"),  # among 新疆's zones: the copy is wrong
    ],
)
def test_known_facts_of_the_table(name: str, adcode: str, proof: str) -> None:
    row = ROWS[name]
    assert (row["adcode"], row["proof"]) == (adcode, proof)


def test_the_order_of_the_source_proves_a_province_only_between_two_of_its_zones() -> None:
    derive = _script().derive
    rows = derive(["哈尔滨经济技术开发区", "宾西经济技术开发区", "海林经济技术开发区"])
    assert [r[3] for r in rows] == ["230100", "230000", "231083"]
    assert rows[1][4] == "order"
    # at the border of two provinces nothing is proved
    rows = derive(["哈尔滨经济技术开发区", "宾西经济技术开发区", "闵行经济技术开发区"])
    assert (rows[1][3], rows[1][4]) == ("", "none")
    # a name that says another province than its neighbours' proves nothing either
    rows = derive(["石河子经济技术开发区", "黑龙江富蕴工业园区", "五家渠经济技术开发区"])
    assert (rows[1][3], rows[1][4]) == ("", "none")


# -- the geocoder reads it ---------------------------------------------------------------------
def test_every_listed_zone_with_a_place_answers_as_that_zone() -> None:
    for row in seeds.load_dev_zones():
        if row["adcode"]:
            r = GC.resolve(row["name"])
            assert r.adcode == row["adcode"], (row, r.status, r.adcode)


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("漕河泾新兴技术开发区", "310000"),
        ("西青经济技术开发区", "120111"),
        ("鹿泉经济开发区", "130110"),  # written without the province the list gives it
        ("河北省鹿泉经济开发区", "130110"),  # or with it, in full
        ("苏州工业园区管委会", "320500"),  # a listed name and its committee
    ],
)
def test_a_listed_name_answers_as_the_zone(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", adcode)
    assert Method.ZONE_LISTED in r.method and r.notes[0].code == "zone_listed"


def test_a_province_written_before_a_listed_name_must_be_the_zones() -> None:
    # 鹿泉经济开发区 is 河北's: written after 山西 it is no listed zone
    r = GC.resolve("山西鹿泉经济开发区")
    assert Method.ZONE_LISTED not in r.method


def test_a_zone_beginning_like_a_municipality_is_read_whole() -> None:
    # 上海市北工业园区: the park 市北 of 上海, not 上海市 + a zone called 北工业园区
    r = GC.resolve("上海市北工业园区")
    assert (r.adcode, r.level) == ("310000", "zone")
    assert Method.ZONE_LISTED in r.method
    # 市北高新技术服务业园区: its own name with other words of its kind, in a line about 上海
    for line in ["上海：市北高新技术服务业园区", "上海市闵行区、市北高新技术服务业园区"]:
        r = geocode_lines([line], GC)[-1]
        assert (r.status, r.adcode, r.reason) == (APPROXIMATE, "310000", "zone_own_name")


def test_an_own_name_that_is_also_a_unit_keeps_todays_reading_outside_the_lists_province() -> None:
    # with no province given, 市北 is 青岛's 市北区 (a zone named after it), as before
    r = GC.resolve("市北高新技术服务业园区")
    assert (r.adcode, r.reason) == ("370203", "zone_named_after_unit")


def test_a_zone_named_after_a_former_unit_lies_where_the_zone_lies() -> None:
    # 新芜区 was merged into 镜湖区 (2005); the zone is not surely there: 芜湖市, listed
    # or not (the list's place was proved so; the grammar alone places it so too)
    for gc in (GC, UNITS_ONLY):
        r = gc.resolve("新芜经济开发区")
        assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "340200")
    r = UNITS_ONLY.resolve("新芜经济开发区")
    assert r.merged_into == "镜湖区" and r.notes[-1].code == "zone_of_merged_unit"
    # a zone in a district merged into a municipality's: the municipality (白下 -> 秦淮区
    # is a prefecture's: 南京市)
    assert UNITS_ONLY.resolve("上海市闸北区开发区").adcode == "310000"
    assert UNITS_ONLY.resolve("白下高新区").adcode == "320100"
    # a renamed unit is the same land: its zone stays in it (滦县 -> 滦州市 2018)
    assert UNITS_ONLY.resolve("滦县经济开发区").adcode == "130284"


def test_a_stated_province_is_a_fence_for_listed_zones_too() -> None:
    # 西安经济技术开发区 is 陕西's; in a line about 吉林 it is 辽源's 西安区' namesake
    r = GC.resolve("西安经济技术开发区", ("220000",), strict=True)
    assert within(r.adcode, "220000") and Method.ZONE_LISTED not in r.method
    assert GC.resolve("西安经济技术开发区").adcode == "610100"


@pytest.mark.parametrize(
    "text",
    [
        "华容经济技术开发区",  # 湖南's 华容县 or 湖北's 华容区; the list's 华容… is another zone
        "朝阳高新区",  # 朝阳: a city of 辽宁 and districts of 北京 and 长春
        "河北井陉高新区",  # 井陉县 or 井陉矿区, both in 河北
    ],
)
def test_a_zone_not_listed_where_its_unit_is_ambiguous_is_not_guessed(text: str) -> None:
    r = GC.resolve(text)
    assert r.status == AMBIGUOUS and not r.adcode and len(r.candidates.split(" | ")) >= 2


def test_an_unknown_zone_answers_as_before() -> None:
    for text in ["某某高新技术产业开发区", "泰山高新区"]:
        r, before = GC.resolve(text), UNITS_ONLY.resolve(text)
        assert (r.status, r.adcode, r.reason) == (before.status, before.adcode, before.reason)
        assert Method.ZONE_LISTED not in r.method
    assert GC.resolve("某某高新技术产业开发区").status == UNMATCHED


def test_a_bare_unit_name_before_a_zone_word_is_never_matched_with_the_list_either() -> None:
    for row in list(seeds.load_dev_zones())[::50]:
        r = GC.resolve(row["name"])
        assert r.status != MATCHED or r.level != "zone", row


def test_the_index_kept_with_the_prepared_data_reads_as_the_one_built() -> None:
    """Each process reads the list's index from the prepared data: read back, it finds
    the same zones for every listed name, whole and by its own name, as an index built
    from the list (with and without a province given)."""
    from geodata.geocode.zone_catalogue import ZoneCatalogue, ZoneReader

    built = ZoneCatalogue(GC.gz, seeds.load_dev_zones(), GC.keep)
    kept = ZoneReader(GC.gz, GC.placer, GC.keep).catalogue  # the shipped gazetteer's: kept
    assert kept is not built and kept.whole == built.whole and kept.cores == built.cores
    for name in list(ROWS)[::7]:
        for by_core in (False, True):
            for province in ("", "310000", "370000"):
                assert kept.lookup(name, by_core, province) == built.lookup(
                    name, by_core, province
                ), name


def test_a_zone_listed_without_a_place_is_not_placed_by_the_unit_its_name_recalls() -> None:
    from geodata.geocode.geocoder import AMBIGUOUS, Geocoder

    gc = Geocoder()
    r = gc.resolve("明水经济技术开发区")  # listed; 明水县 (黑龙江) is no proof of its place
    assert (r.status, r.adcode, r.reason) == (AMBIGUOUS, "", "zone_unplaced")
    # the writer who names the province places it
    assert gc.resolve("黑龙江明水经济技术开发区").adcode == "231225"
