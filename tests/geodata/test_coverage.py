"""County-level coverage of a province by its pilots, on the real boundary file."""

from __future__ import annotations

from geodata.registry.coverage import county_units, coverage


def test_units_are_county_level_and_complete() -> None:
    units = county_units()
    assert len(units["320000"]) > 90  # Jiangsu: ~95 county-level units
    assert all(code[:2] == "44" for code in units["440000"])
    # Dongguan has no counties: it is one unit of its own
    assert "441900" in units["440000"]


def test_prefecture_covers_its_counties_county_itself_town_nothing() -> None:
    units = {"330000": ("330102", "330105", "330302", "330303", "330327")}
    got = coverage([{"adcode": "330300", "level": "prefecture"},
                    {"adcode": "330102", "level": "county"},
                    {"adcode": "330105", "level": "town"}], units)["330000"]
    assert (got.covered, got.total, got.whole_province) == (4, 5, False)
    assert abs(got.share - 0.8) < 1e-9


def test_whole_province() -> None:
    units = {"320000": ("320102", "320111")}
    got = coverage([{"adcode": "320000", "level": "province"}], units)["320000"]
    assert got.whole_province and got.covered == got.total == 2


def test_nothing_chosen_covers_nothing() -> None:
    assert all(c.covered == 0 for c in coverage([]).values())


def test_a_group_covers_its_members_never_the_province() -> None:
    # 重庆市主城九区 is written with the province's code and lists its nine districts
    units = {"500000": ("500103", "500104", "500105", "500118", "500120", "500230")}
    got = coverage([{"adcode": "500000", "level": "county",
                     "members": "500103 500104 500105"},
                    {"adcode": "500118", "level": "county", "members": ""}], units)["500000"]
    assert not got.whole_province
    assert (got.covered, got.total) == (4, 6)


def test_the_shipped_registry_has_no_whole_province_but_jiangsu_and_anhui() -> None:
    from geodata.registry.effective import effective_pilots

    rows = [p.row() for p in effective_pilots(None)]
    whole = {prov for prov, c in coverage(rows).items() if c.whole_province}
    assert whole == {"320000", "340000"}
