"""Forms fresh lists broke (issue 17's classes), each with the case it must not answer."""

from __future__ import annotations

import pytest

from geodata.geocode.geocoder import AMBIGUOUS, MATCHED, UNMATCHED, Geocoder
from geodata.lists.published import geocode_lines

GC = Geocoder()


def _read(line: str) -> list[tuple[str, str, str]]:
    return [(r.input, r.status, r.adcode) for r in geocode_lines([line], GC)]


# -- class 6: a bare name that is a prefecture-level city and districts elsewhere ----------
def test_in_a_list_of_cities_a_bare_name_is_the_city_with_its_alternatives_kept() -> None:
    rows = geocode_lines(["杭州市、苏州市、福州市、广州市、朝阳"], GC)
    r = rows[-1]
    assert (r.status, r.adcode) == (MATCHED, "211300")
    assert {"110105", "220104"} <= {c.split()[0] for c in r.candidates.split(" | ")}
    assert "city_in_city_list" in {n.code for n in r.notes}


def test_in_a_list_of_cities_a_county_level_city_beats_its_county() -> None:
    r = geocode_lines(["杭州市、苏州市、福州市、广州市、伊宁"], GC)[-1]
    assert (r.status, r.adcode) == (MATCHED, "654002")  # 伊宁市, not 伊宁县
    assert _read("江阴市、昆山市、义乌市、慈溪市、伊宁")[-1][1] == AMBIGUOUS  # counties


def test_a_bare_name_stays_ambiguous_outside_a_list_of_cities() -> None:
    # a list of counties: 朝阳 is not read as the city
    assert _read("江阴市、昆山市、义乌市、慈溪市、朝阳")[-1][1] == AMBIGUOUS
    # 海南 is a province and a prefecture (青海's): no city to prefer
    assert _read("沈阳市、大连市、鞍山市、抚顺市、长春市、海南")[-1][1] == AMBIGUOUS


# -- names run together, a numbered grid in one line, pinyin inside a name ----------------
def test_names_run_together_are_read_apart_when_they_divide_one_way() -> None:
    assert _read("南京沈阳天津") == [
        ("南京", MATCHED, "320100"), ("沈阳", MATCHED, "210100"), ("天津", MATCHED, "120000")]
    # no division into names: one unmatched item, nothing guessed
    assert _read("火星沈阳") == [("火星沈阳", UNMATCHED, "")]


def test_full_names_run_together_divide_into_the_fewest_names() -> None:
    # a table's cells that lost their borders: full names, county-level ones included,
    # former units too (崇文区, 宣武区 became parts of 东城区 and 西城区 in 2010)
    got = _read("东城区西城区崇文区宣武区朝阳区")
    assert [a for _, _, a in got] == ["110101", "110102", "110101", "110102", "110105"]
    assert [a for _, _, a in _read("江阴市昆山市张家港市")] == ["320281", "320583", "320582"]


def test_a_county_run_after_a_province_it_is_not_in_is_no_division() -> None:
    # 北京市丁青县 is a chain that fails (丁青县 lies in 西藏), not two names
    assert _read("北京市丁青县") == [("北京市丁青县", UNMATCHED, "")]


def test_a_district_run_after_its_city_is_one_name_a_county_level_city_is_not() -> None:
    # 苏州市吴江区 is the district written with its city; 苏州市 and 昆山市 are two items
    assert [(i, a) for i, _, a in _read("烟台市苏州市吴江区威海市")] == [
        ("烟台市", "370600"), ("苏州市吴江区", "320509"), ("威海市", "371000")]
    assert [a for _, _, a in _read("烟台市苏州市昆山市")] == ["370600", "320500", "320583"]
    # a district right after a city it is not in: a chain that fails, not a guess
    assert [s for _, s, _ in _read("烟台市威海市吴江区")] == [UNMATCHED]


@pytest.mark.parametrize("line", ["119973烟台市威海市", "1 1997 3 烟台市威海市",
                                  "1\t1997\t3\t烟台市威海市", "１１９９７３烟台市威海市"])
def test_a_tables_number_cells_glued_before_its_names_are_dropped(line: str) -> None:
    # a table's row pasted as text: rank, year and count cells lose their borders
    assert [a for _, _, a in _read(line)] == ["370600", "371000"]


def test_two_of_todays_cities_run_together_are_not_a_chain_through_history() -> None:
    # 威海 was a county of 烟台 until 1987: run together, today's two cities
    assert [a for _, _, a in _read("烟台市威海市")] == ["370600", "371000"]
    # a former county after its city stays a chain: 萧山市 is 杭州's 萧山区 today
    assert [a for _, _, a in _read("杭州市萧山市")] == ["330109"]


def test_a_long_lead_in_before_a_colon_is_prose() -> None:
    got = _read("1982年2月8日国务院公布第一批国家历史文化名城：北京、承德")
    assert [(s, a) for _, s, a in got] == [(MATCHED, "110000"), (MATCHED, "130800")]
    assert _read("1982年2月8日国务院公布第一批国家历史文化名城：火星")[0][1] == UNMATCHED


@pytest.mark.parametrize("line", ["• 石家庄市 • 唐山市 • 秦皇岛市", "●石家庄市●唐山市●秦皇岛市",
                                  "石家庄市 唐山市秦皇岛市"])
def test_bullets_and_spaces_separate_items(line: str) -> None:
    assert [a for _, _, a in _read(line)] == ["130100", "130200", "130300"]


def test_a_part_between_spaces_that_is_no_place_is_reported_not_dropped() -> None:
    got = _read("石家庄市 唐山市 火星 秦皇岛市")
    assert got[2] == ("火星", UNMATCHED, "") and len(got) == 4
    # mostly no places: no division, one unmatched item
    assert _read("火星 木星 沈阳") == [("火星 木星 沈阳", UNMATCHED, "")]


def test_a_numbered_grid_flattened_into_a_line_is_a_list() -> None:
    assert [a for _, _, a in _read("1.北京7.杭州13.開封")] == ["110000", "330100", "410200"]
    # numbers that are no numbering stay: 莲花3县 is 莲花 with its count
    assert _read("安吉2号")[0][1] == UNMATCHED


def test_pinyin_inside_a_name_is_dropped() -> None:
    assert [a for _, _, a in _read("衢qu州市、開fēng封")] == ["330800", "410200"]
    assert _read("qu州")[0][1] == UNMATCHED  # pinyin for a character: no name left


# -- class 2: standard short forms of banners and autonomous counties ---------------------
def test_short_forms_of_banners_and_autonomous_counties_are_generated_by_rule() -> None:
    expected = {"阿左旗": "152921", "土右旗": "150221", "乌前旗": "150823", "莫旗": "150722",
                "喀左县": "211324", "杜蒙县": "230624", "科左中旗": "150521"}
    got = {t: GC.resolve(t) for t in expected}
    assert {t: (r.status, r.adcode) for t, r in got.items()} == {
        t: (MATCHED, a) for t, a in expected.items()}
    assert _read("内蒙古自治区：阿左旗、土右旗")[1][2] == "150221"


def test_a_short_form_that_collides_is_not_made() -> None:
    from geodata.geocode.short_forms import candidates, short_forms

    assert candidates("阿拉善左旗") == {"阿左旗"}
    # two units would give 阿左旗, or the form is a written form already: neither gets it
    assert short_forms([(1, "阿拉善左旗"), (2, "阿巴嘎左旗")], set()) == []
    assert short_forms([(1, "阿拉善左旗")], {"阿左旗"}) == []
    # a form the rule does not give is no name
    assert GC.resolve("阿中旗").status == UNMATCHED


# -- class 3: a province or prefecture then a full stop is context -------------------------
def test_a_province_then_a_full_stop_is_context_as_a_colon_is() -> None:
    assert _read("河北省。迁西县") == [("河北省。迁西县", MATCHED, "130227")]
    assert [a for _, _, a in _read("河北省.迁西县、丰润区")] == ["130227", "130208"]
    # context as a colon is: a name found only outside it is not answered
    r = geocode_lines(["江苏省。迁西县"], GC)[0]
    assert (r.status, r.reason) == (UNMATCHED, "outside_context")


# -- class 4: prose glued to the first or last item ----------------------------------------
def test_the_unit_at_the_edge_of_prose_is_read_and_the_prose_kept() -> None:
    r = geocode_lines(["历史文化名城是唐山市"], GC)[0]
    assert (r.input, r.status, r.adcode) == ("唐山市", MATCHED, "130200")
    assert [n.get("text") for n in r.notes] == ["历史文化名城是"]
    assert [a for _, _, a in _read("先后批准在大连、烟台")] == ["210200", "370600"]
    assert _read("宜丰等县的湘鄂赣革命根据地") == [("宜丰", MATCHED, "360924")]
    # the first item at the start and the last at the end of one stretch of prose
    assert [a for _, _, a in _read("湛江等城市兴办开发区又批准了上海的闵行")] == [
        "440800", "310112"]
    rows = _read("革命根据地(包括瑞金、安远、信丰等11县)")
    assert [a for _, _, a in rows if a] == ["360781", "360726", "360722"]


def test_prose_around_no_unit_stays_unmatched() -> None:
    assert [s for _, s, _ in _read("是火星市")] == [UNMATCHED]
    assert [s for _, s, _ in _read("其中著名的有赣西井冈山革命根据地")] == [UNMATCHED]


# -- class 5: near names --------------------------------------------------------------------
def test_a_slip_that_sounds_the_same_beats_one_that_does_not() -> None:
    # 江凝县: 凝 sounds as 宁 (江宁区, a 县 until 2000, measured on the stem); 江浦县, the
    # former name of 浦口区, is one character off too but does not sound the same
    r = geocode_lines(["江苏省：江凝县"], GC)[0]
    assert (r.status, r.adcode, r.reason) == ("approximate", "320115", "near_name")


def test_former_names_count_and_ties_are_ambiguous() -> None:
    # 江丁县: one off 江宁区 and 江都区 on the stem, and off 江浦县 (浦口区's former name):
    # none sounds the same, so all are offered and none is picked
    r = geocode_lines(["江苏省：江丁县"], GC)[0]
    assert r.status == AMBIGUOUS
    assert {"320115", "321012", "320111"} <= {c.split()[0] for c in r.candidates.split(" | ")}


# -- class 7: a zone named after a unit part of which became another since -----------------
def test_a_zone_in_a_divided_county_is_placed_in_its_prefecture() -> None:
    # part of 余杭区 became 临平区 (2021): its zone may lie in either
    r = geocode_lines(["浙江：杭州余杭高新区"], GC)[0]
    assert (r.status, r.adcode, r.level) == ("approximate", "330100", "zone")
    assert [n.code for n in r.notes] == ["divided_unit"]
    # the zone of the national list is placed so too (scripts/derive_dev_zones.py)
    r = geocode_lines(["浙江：杭州余杭经济技术开发区"], GC)[0]
    assert (r.status, r.adcode, r.level) == ("approximate", "330100", "zone")
    assert [n.code for n in r.notes] == ["zone_listed"]
    # a town the township list places stays in its county
    r = geocode_lines(["杭州市余杭区良渚街道"], GC)[0]
    assert r.adcode == "330110"
    # a zone of a county never divided stays in it
    r = geocode_lines(["山东省泰安市泰山经济开发区"], GC)[0]
    assert r.adcode.startswith("3709") and r.adcode != "370900"


# -- class 4: units and zones named inside a sentence ---------------------------------------
@pytest.mark.parametrize(("line", "adcodes"), [
    ("1992年10月上海浦东新区成立", ["310115"]),  # a district with its municipality before it
    ("我省昆明市", ["530100"]),
    ("丽江市榜上有名", ["530700"]),
    ("2012年8月甘肃兰州新区成立", ["620100"]),  # a zone, placed in its city
    ("2014年1月设立陕西西咸新区和贵州贵安新区成立", ["610000", "520000"]),
])
def test_units_named_inside_a_sentence_are_read_and_the_prose_kept(
        line: str, adcodes: list[str]) -> None:
    got = geocode_lines([line], GC)
    assert [r.adcode for r in got] == adcodes
    assert all(any(n.code == "edge_prose" for n in r.notes) for r in got)


@pytest.mark.parametrize("line", ["今年天气很好", "火星县很远", "名单如下：某市",
                                  "第13个国家级新区", "堵雲縣"])
def test_a_sentence_without_a_unit_named_with_its_type_word_is_no_answer(line: str) -> None:
    assert [r.status for r in geocode_lines([line], GC)] == [UNMATCHED]


def test_a_place_below_a_village_is_placed_at_its_town() -> None:
    r = GC.resolve("恩施土家族苗族自治州来凤县革勒车乡鼓架山村铁匠沟")
    assert r.adcode == "422827" and r.level == "town" and r.status == "approximate"


# -- a table's row pasted as text: the name, its province's column, numbers ------------------
@pytest.mark.parametrize("line", ["1 张家港市 江苏省 1997", "张家港市\t江苏省\t1997年"])
def test_a_table_row_is_its_unit_with_the_province_column_as_a_remark(line: str) -> None:
    got = geocode_lines([line], GC)
    assert [(r.adcode, r.status) for r in got] == [("320582", MATCHED)]
    assert any(n.code == "column_unit" for n in got[0].notes)


def test_a_province_column_that_does_not_hold_the_unit_is_no_remark() -> None:
    # 张家港市 does not lie in 浙江: the two are read as they are written, nothing folded
    got = geocode_lines(["张家港市 浙江省"], GC)
    assert [r.adcode for r in got] == ["320582", "330000"]


@pytest.mark.parametrize(("line", "adcodes"), [
    ("陕西省 | 西安、咸阳、渭南 |", ["610100", "610400", "610500"]),  # a head cell, its items
    ("| 1 | 张家港市 | 江苏省 | 1997 |", ["320582"]),  # cells apart
])
def test_a_table_row_drawn_with_bars(line: str, adcodes: list[str]) -> None:
    assert [r.adcode for r in geocode_lines([line], GC)] == adcodes


def test_a_slip_in_brackets_is_read_inside_the_unit_before_but_a_remark_is_not() -> None:
    got = geocode_lines(["陕西省：西安(闫良、临潼)"], GC)
    assert [r.adcode for r in got] == ["610114", "610115"]
    assert [r.adcode for r in geocode_lines(["宜昌市（含宜都市）"], GC)] == ["420500"]


# -- class 6: in a list of cities, a 地区 is no city ------------------------------------------
def test_in_a_list_of_cities_a_bare_prefecture_that_is_no_city_is_its_city() -> None:
    got = geocode_lines(["新疆：乌鲁木齐、阿克苏、和田、哈密、喀什"], GC)
    assert [r.adcode for r in got] == ["650100", "652901", "653201", "650500", "653101"]
    assert "652900" in got[1].candidates  # the prefecture stays among the candidates
    # alone, or in a list of cities that are prefectures (湘潭市 holds 湘潭县): the prefecture
    assert GC.resolve("阿克苏").adcode == "652900"
    assert geocode_lines(["湘潭、长沙、株洲、衡阳"], GC)[0].adcode == "430300"


def test_a_prefecture_before_a_colon_holds_the_towns_of_its_line() -> None:
    # the county is never named: the towns are read inside the prefecture, each of them
    got = _read("南昌市:蒋巷镇、黄马乡")
    assert [(s, a) for _, s, a in got] == [(MATCHED, "360121"), (MATCHED, "360121")]
    # a town the prefecture has none of is not answered from elsewhere in China
    assert _read("宜春市:上塘镇、阁山镇")[-1][1] not in (MATCHED, "approximate")


def test_a_number_cell_of_a_row_drawn_with_bars_is_no_head() -> None:
    assert [a for _, _, a in _read("8 | 广州、深圳 |")] == ["440100", "440300"]
    assert [a for _, _, a in _read("| 3 | 河北 | 2016 | 石家庄、唐山 |")] == ["130100", "130200"]
