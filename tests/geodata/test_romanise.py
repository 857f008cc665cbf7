"""English place names and the pinyin search key (geodata.geocode.romanise)."""

from __future__ import annotations

import pytest

from geodata.geocode.romanise import (
    place_name_en,
    search_key,
    short_name,
    short_name_en,
    unit_name_en,
)


@pytest.mark.parametrize(("zh", "en"), [
    ("顺义区", "Shunyi District"), ("江苏省", "Jiangsu"), ("陕西省", "Shaanxi"),
    ("山西省", "Shanxi"), ("内蒙古自治区", "Inner Mongolia"), ("西藏自治区", "Xizang"),
    ("广西壮族自治区", "Guangxi"), ("北京市", "Beijing"), ("西安市", "Xi'an City"),
    ("延边朝鲜族自治州", "Yanbian Autonomous Prefecture"), ("龙港镇", "Longgang Town"),
    ("门源回族自治县", "Menyuan Autonomous County"), ("朝阳区", "Chaoyang District"),
    ("单县", "Shan County"), ("重庆市", "Chongqing"), ("长沙市", "Changsha City"),
    ("临沂经济技术开发区", "Linyi Economic and Technological Development Zone"),
])
def test_place_names(zh: str, en: str) -> None:
    assert place_name_en(zh) == en


@pytest.mark.parametrize(("zh", "short", "en"), [
    ("湖南省", "湖南", "Hunan"), ("新疆维吾尔自治区", "新疆", "Xinjiang"),
    ("宁夏回族自治区", "宁夏", "Ningxia"), ("香港特别行政区", "香港", "Hong Kong"),
    ("内蒙古自治区", "内蒙古", "Inner Mongolia"), ("黑龙江省", "黑龙江", "Heilongjiang"),
])
def test_short_forms(zh: str, short: str, en: str) -> None:
    assert short_name(zh) == short
    assert short_name_en(zh) == en


def test_every_province_has_an_english_short_name_in_the_ui_table() -> None:
    from dashboard.i18n import PROVINCES

    for zh, en in PROVINCES.values():
        assert en.startswith(short_name_en(zh)), (zh, en)


def test_unit_with_town() -> None:
    assert unit_name_en("苍南县", "龙港镇") == "Longgang Town, Cangnan County"
    assert unit_name_en("", "") == ""


@pytest.mark.parametrize(("typed", "name"), [
    ("shunyi", "顺义区"), ("Shùnyì", "顺义区"), ("Long gang", "龙港镇"), ("HUNAN", "湖南省"),
])
def test_search_key_matches_pinyin_typed_any_way(typed: str, name: str) -> None:
    assert search_key(typed) in search_key(name)


def test_search_key_does_not_match_another_place() -> None:
    assert search_key("shunyi") not in search_key("顺德区")
