"""A zone named after a unit is not that unit (issue 8): 长白山保护开发区 is no 长白县."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.geocode.gazetteer import ZONE_SUFFIXES, gazetteer
from geodata.geocode.geocoder import APPROXIMATE, MATCHED, UNMATCHED, Geocoder
from geodata.geocode.names import split_suffix

# the grammar of names alone: the national list of zones, read before a name is split,
# is tested in test_zone_catalogue.py
GC = Geocoder(catalogue=False)


@pytest.mark.parametrize(
    ("text", "adcode", "zone"),
    [
        ("长白保护开发区", "220623", "长白保护开发区"),  # named after 长白县's name
        ("湖南省岳阳洞庭湖旅游度假区", "430600", "岳阳洞庭湖旅游度假区"),  # 岳阳市 or 岳阳县
        ("北京密云古北水镇国际休闲旅游度假区", "110118", "密云古北水镇国际休闲旅游度假区"),
        ("泰山经济开发区", "370902", "泰山经济开发区"),
        ("宁波杭州湾新区", "330200", "宁波杭州湾新区"),
        ("嘉兴秀洲高新区", "330411", "秀洲高新区"),  # 嘉兴 is context, 秀洲 the namesake
    ],
)
def test_a_zone_named_after_a_unit_is_approximate(text: str, adcode: str, zone: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.level, r.adcode, r.town) == (APPROXIMATE, "zone", adcode, zone)
    assert r.reason == "zone_named_after_unit"


@pytest.mark.parametrize("text", ["长白山保护开发区", "鄱阳湖生态旅游度假区"])
def test_a_mountain_or_lake_named_like_a_unit_is_not_the_unit(text: str) -> None:
    # 长白山 is the mountain (the zone lies in 安图县 and 抚松县), not 长白县
    r = GC.resolve(text)
    assert r.status == UNMATCHED and not r.adcode


def test_a_zone_word_beginning_with_a_river_word_is_still_named_after_the_unit() -> None:
    r = GC.resolve("南京江北新区")
    assert (r.status, r.adcode, r.reason) == (APPROXIMATE, "320100", "zone_named_after_unit")


def test_a_zone_named_after_a_mountain_lies_in_the_province_it_names() -> None:
    r = GC.resolve("吉林长白山华美胜地旅游度假区", ("210000",), strict=True)
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "220000")


def test_a_zone_written_inside_its_unit_is_the_units_zone() -> None:
    # the unit with its type word, then the zone: a zone of that unit, not named after it
    r = GC.resolve("长白县经济开发区")
    assert (r.status, r.adcode, r.town, r.reason) == (
        APPROXIMATE,
        "220623",
        "经济开发区",
        "zone_no_boundary",
    )


@cache
def bare_units() -> list[tuple[str, str]]:
    """(bare name, adcode) of today's prefectures and counties (唐山, 长白)."""
    gz = gazetteer()
    out = []
    for u in gz.current.values():
        stem = split_suffix(u.name)[0]
        if u.level != "province" and len(stem) >= 2 and stem != u.name:
            out.append((stem, u.code))
    return sorted(out)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(bare_units()),
    st.sampled_from(["", "山", "湖", "港", "国际"]),
    st.sampled_from(ZONE_SUFFIXES),
)
def test_a_bare_unit_name_before_a_zone_word_is_never_matched(
    unit: tuple[str, str], word: str, suffix: str
) -> None:
    stem, code = unit
    text = stem + word + suffix
    if text in gazetteer().aliases:
        return  # 滨海新区 is a district's own name
    r = GC.resolve(text)
    assert r.status != MATCHED, (text, r)
    if r.status == APPROXIMATE and r.adcode == code:
        # a stem that is itself a former unit's whole name (沙县, 沙县区 since 2021) reads
        # as that unit, renamed, with the zone inside it
        reason = "renamed" if r.renamed_from == stem else "zone_named_after_unit"
        assert r.level == "zone" and r.reason == reason, (text, r)
