"""The county research table: coverage by a unit or a unit containing it."""

from geodata.registry.pilots import registry_rows
from geodata.registry.research import research_rows


def table() -> dict[str, dict[str, object]]:
    return {str(r["adcode"]): r for r in research_rows(registry_rows())}


def test_every_county_level_unit_once() -> None:
    t = table()
    assert 2800 < len(t) < 2900
    assert not any(code.startswith(("71", "81", "82")) for code in t)


def test_county_pilot_with_code_then() -> None:
    r = table()["520281"]  # 盘州市, published as 盘县 (520222) in 2016
    assert (r["first_batch"], r["first_year"], r["via_level"]) == (3, 2016, "county")
    assert (r["adcode_then"], r["name_then"]) == ("520222", "盘县")


def test_whole_province_and_prefecture_cover_their_counties() -> None:
    t = table()
    assert t["320583"]["first_batch"] == 1 and t["320583"]["via_level"] == "province"  # 昆山
    assert t["330212"]["via_pilot"] == "宁波市"  # 鄞州区 inside 宁波 (batch 1)
    assert t["620503"]["first_batch"] == 3  # 麦积区


def test_towns_do_not_make_their_county_a_pilot() -> None:
    r = table()["110117"]  # 平谷区: only 金海湖镇 is a pilot
    assert r["first_batch"] == "" and "金海湖镇" in str(r["town_pilots"])


def test_unconfirmed_only_on_request() -> None:
    rows = list(registry_rows())
    base = {r["adcode"]: r for r in research_rows(rows)}
    more = {
        r["adcode"]: r
        for r in research_rows(rows, statuses=("official", "reported", "unconfirmed"))
    }
    assert base["530302"]["first_batch"] == "" and more["530302"]["first_batch"] == 1  # 麒麟区
