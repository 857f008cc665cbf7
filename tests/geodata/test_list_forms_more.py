"""Name forms of the lists added to the accuracy corpus in issue 10 (poverty counties,
health towns, sponge cities, garden towns, Hunan tourism): each pinned by today's adcode,
and each with the case that must stay without an answer."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.basics.codes import within
from geodata.geocode.gazetteer import gazetteer
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Geocoder
from geodata.geocode.names import normalise
from geodata.lists.published import geocode_lines

GC = Geocoder()


# -- a dash joins a unit to the one it lies in ------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode"),
    [("长沙——宁乡市", "430182"), ("湘西—泸溪县", "433122"), ("怀化－芷江县", "431228")],
)
def test_a_dash_joins_a_unit_to_the_one_above_it(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode) == (MATCHED, adcode)


def test_a_dash_between_two_units_side_by_side_is_no_path() -> None:
    assert GC.resolve("北京—天津").status == UNMATCHED
    assert normalise("2014-2016年") == "2014-2016年"  # digits keep their dash


# -- the province in brackets after a name ------------------------------------------------
def test_the_province_in_brackets_is_where_the_name_lies() -> None:
    r = GC.resolve("遂宁(四川)", ("500000",))  # after 重庆 on the same line
    assert (r.status, r.adcode) == (MATCHED, "510900")
    assert "四川省" in r.note


def test_the_province_in_brackets_is_never_overruled() -> None:
    r = GC.resolve("遂宁(陕西)")  # no 遂宁 in 陕西: no answer, not 四川's
    assert r.status == UNMATCHED and not r.adcode
    assert GC.resolve("重庆(重庆)").adcode == "500000"


def test_two_zones_joined_by_and_each_take_their_bracketed_province() -> None:
    rs = geocode_lines(["重庆、遂宁(四川)、贵安新区(贵州)和西咸新区(陕西)。"], GC)
    got = [(r.status, r.level, r.adcode) for r in rs]
    assert got == [
        (MATCHED, "province", "500000"),
        (MATCHED, "prefecture", "510900"),
        (APPROXIMATE, "zone", "520000"),
        (APPROXIMATE, "zone", "610000"),
    ]


def test_two_zone_names_joined_by_and_are_no_zone_of_the_context() -> None:
    r = GC.resolve("贵安新区和西咸新区", ("500000",), strict=True)
    assert r.status == UNMATCHED


# -- a county seat (县城) ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("宽城县城", "130827"),  # 宽城满族自治县, not 长春's 宽城区
        ("代县县城", "140923"),  # the county's name ends in 县 itself
        ("唐山市滦南县城", "130224"),
        ("南和县城", "130506"),  # 南和县 is 南和区 since 2020
    ],
)
def test_a_county_seat_is_placed_in_its_county(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.level, r.adcode, r.town) == (APPROXIMATE, "town", adcode, "县城")


def test_a_seat_outside_the_lines_province_gets_no_answer() -> None:
    r = GC.resolve("宽城县城", ("140000",), strict=True)  # 山西: 宽城 is 河北's
    assert r.status == UNMATCHED and not r.adcode


# -- GB2260's 管理区 written 区 ---------------------------------------------------------
@pytest.mark.parametrize("text", ["怀化市洪江区", "湖南省洪江区", "洪江区"])
def test_a_management_area_written_as_a_district_is_its_zone(text: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "431200")
    assert r.reason == "zone_no_boundary" and "431271" in r.note


def test_a_former_district_of_the_same_name_still_wins() -> None:
    # 汉沽区 is 天津's former district (FULL name), 唐山's 汉沽管理区 only a short form
    assert GC.resolve("汉沽区").adcode == "120116"


# -- a whole item in brackets; a 区 under a county -----------------------------------------
@pytest.mark.parametrize("text", ["(涿鹿县赵家蓬区)", "涿鹿縣趙家蓬區"])
def test_a_district_office_below_a_county(text: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode, r.town) == (APPROXIMATE, "130731", "赵家蓬区公所")


def test_an_unknown_area_below_a_unit_is_no_district_office() -> None:
    assert GC.resolve("山东新汶矿区").status == UNMATCHED
    assert GC.resolve("涿鹿县某某区").status == UNMATCHED


# -- a town whose name begins with another unit's full name --------------------------------
def test_a_county_of_another_province_is_no_town_name() -> None:
    r = GC.resolve("陕西省阳城县北留镇")  # 阳城县 is in 山西
    assert r.status == UNMATCHED and not r.adcode
    ok = GC.resolve("山西省阳城县北留镇")
    assert (ok.adcode, ok.town) == ("140522", "北留镇")


def test_a_town_the_index_knows_keeps_its_name() -> None:
    r = GC.resolve("河北省唐山市黄各庄镇")  # county left out; the township list knows it
    assert (r.status, r.adcode, r.town) == (APPROXIMATE, "130207", "黄各庄镇")


# -- a province row over 'district：towns' rows ---------------------------------------------
def test_a_province_row_heads_rows_with_their_own_head() -> None:
    lines = ["北京市", "门头沟区：斋堂镇", "通州区：梨园镇、张家湾镇", "河北省", "承德市：宽城县城"]
    rs = geocode_lines(lines, GC)
    assert [r.adcode for r in rs] == ["110109", "110112", "110112", "130827"]


def test_without_the_province_row_a_shared_district_name_stays_open() -> None:
    r = geocode_lines(["通州区：梨园镇"], GC)[0]
    assert r.status == AMBIGUOUS and not r.adcode


# -- property: a county seat lies in its county, wherever it is ------------------------------
def _counties() -> list[tuple[str, str]]:
    gz = gazetteer()
    units = gz.current.values()
    return sorted((u.code, u.name) for u in units if u.level == "county" and u.name.endswith("县"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_counties()))
def test_every_county_seat_is_answered_in_its_county_or_not_at_all(county: tuple[str, str]) -> None:
    code, name = county
    r = GC.resolve(name + "城")
    if r.status in (MATCHED, APPROXIMATE):
        assert within(r.adcode, code) or r.adcode == code
    prov = GC.resolve(name + "城", (code[:2] + "0000",), strict=True)
    assert prov.status in (APPROXIMATE, AMBIGUOUS, UNMATCHED)
    if prov.status == APPROXIMATE:
        assert prov.adcode == code and prov.town == "县城"


# -- a unit's government; a prefecture in brackets -------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode"),
    [("唐山市人民政府", "130200"), ("迁西县人民政府", "130227"), ("沧州市政府", "130900")],
)
def test_a_units_government_stands_for_the_unit(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode) == (MATCHED, adcode)


def test_a_government_of_no_unit_is_no_place() -> None:
    assert GC.resolve("火星市人民政府").status == UNMATCHED


@pytest.mark.parametrize(
    ("text", "adcode"),
    [("朝阳区(长春)", "220104"), ("朝阳区（北京）", "110105"), ("白城(吉林)", "220800")],
)
def test_the_prefecture_in_brackets_settles_a_shared_name(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode) == (MATCHED, adcode)


def test_a_county_in_brackets_is_another_name_not_a_place() -> None:
    r = GC.resolve("辽宁省喀喇沁左翼蒙古族自治县(喀左县)")
    assert (r.status, r.adcode) == (MATCHED, "211324")
    assert GC.resolve("朝阳区(沈阳)").status == UNMATCHED  # 沈阳 has no 朝阳区


def _provinces() -> list[tuple[str, str]]:
    gz = gazetteer()
    return sorted((u.code, u.name) for u in gz.current.values() if u.level == "province")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_counties()), st.sampled_from(_provinces()))
def test_a_bracketed_province_is_never_left(county: tuple[str, str], prov: tuple[str, str]) -> None:
    _, name = county
    code, pname = prov
    r = GC.resolve(f"{name}({pname})")
    if r.status in (MATCHED, APPROXIMATE):
        # or the unit lay in that province then (城口县 was 四川's, 511228, until 1997)
        assert within(r.adcode, code) or within(r.adcode_then, code), (name, pname, r)


# -- budget and heading words: 本级, 市区, 省直管县 -------------------------------------------
def test_a_units_own_level_is_the_unit() -> None:
    r = GC.resolve("唐山市本级")
    assert (r.status, r.level, r.adcode) == (MATCHED, "prefecture", "130200")


def test_a_citys_urban_area_is_its_districts() -> None:
    r = GC.resolve("唐山市区")
    assert (r.status, r.level, r.adcode) == (MATCHED, "group", "130200")
    assert set(r.members) >= {"130202", "130203", "130209"} and "130229" not in r.members
    assert GC.resolve("义乌市区").status == UNMATCHED  # a county-level city has no districts


@pytest.mark.parametrize(
    "text", ["河南省直管县巩义市", "省直管县巩义市", "河南省省直管县级市巩义市"]
)
def test_the_directly_run_heading_is_no_part_of_the_name(text: str) -> None:
    assert GC.resolve(text).adcode == "410181"


def test_a_bare_province_before_a_colon_heads_its_items() -> None:
    # 河南 is also 河南蒙古族自治县 (青海): before a colon it is the province
    r = geocode_lines(["河南：郑州经济技术开发区"], GC)[0]
    assert (r.status, r.adcode) == (APPROXIMATE, "410100")
    assert "not a place" not in r.note
    out = geocode_lines(["河南：朝阳区"], GC)[0]  # no 朝阳区 in 河南: never 北京's or 长春's
    assert out.status in (UNMATCHED, AMBIGUOUS) and not out.adcode


# -- a province header glued into the line of its items; a village after its town ------------
def test_a_glued_province_header_heads_the_items_after_it() -> None:
    lines = [
        "二、天津市(10個)",
        "薊縣漁陽鎮。",
        "三、河北省(191個) 石家莊市井陘礦區賈莊鎮,行唐縣口頭鎮、龍州鎮",
    ]
    rs = geocode_lines(lines, GC)
    assert [r.adcode for r in rs] == ["120119", "130107", "130125", "130125"]


def test_a_town_after_a_glued_header_is_never_placed_in_the_province_before() -> None:
    rs = geocode_lines(["二、天津市(10個)", "薊縣漁陽鎮。", "三、河北省(191個) 某某鎮"], GC)
    assert not rs[-1].adcode.startswith("12")


@pytest.mark.parametrize(
    ("text", "adcode", "town"),
    [
        ("北京市门头沟区斋堂镇底下村", "110109", "斋堂镇"),
        ("安徽省黟县宏村镇宏村", "341023", "宏村镇"),
    ],
)
def test_a_village_is_placed_at_its_town(text: str, adcode: str, town: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode, r.town) == (APPROXIMATE, adcode, town)
    assert any(n.code == "village" for n in r.notes)


def test_a_village_without_a_known_town_gets_no_answer() -> None:
    assert GC.resolve("北京市门头沟区斋堂村").status == UNMATCHED
    assert GC.resolve("宏村").status == UNMATCHED


@pytest.mark.parametrize(
    "text",
    ["新疆兵团第八师石河子市", "新疆维吾尔自治区兵团第八师石河子市", "新疆生产建设兵团石河子市"],
)
def test_the_xpcc_after_xinjiangs_name_adds_nothing(text: str) -> None:
    assert GC.resolve(text).adcode == "659001"


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("浙江全省", "330000"),
        ("唐山市全域", "130200"),
        ("宁夏全区", "640000"),
        ("迁西县全县", "130227"),
    ],
)
def test_the_whole_of_a_unit_is_the_unit(text: str, adcode: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode) == (MATCHED, adcode)


def test_a_whole_word_of_another_level_is_no_answer() -> None:
    assert GC.resolve("唐山市全县").status == UNMATCHED  # a prefecture is no county
    assert GC.resolve("北京市各区").members and GC.resolve("北京市各区").level == "group"


# -- a count closing an enumeration -------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("浙江省安吉、德清两县", ["330523", "330521"]),
        ("江苏省南京、无锡、常州三市", ["320100", "320200", "320400"]),
        ("安徽省：合肥市、芜湖市等5市", ["340100", "340200"]),
        ("河南省郑州市二七区", ["410103"]),  # a unit whose name holds a count word
    ],
)
def test_a_count_closing_the_list_is_no_part_of_the_last_name(line: str, codes: list[str]) -> None:
    assert [r.adcode for r in geocode_lines([line], GC)] == codes


# -- units in brackets after the unit they lie in -------------------------------------------------
@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("河北省：石家庄市（鹿泉区、栾城区）", ["130110", "130111"]),
        ("贵州省黔南州（独山县、三都县）", ["522726", "522732"]),
        ("浙江省湖州市（安吉县）", ["330523"]),
        ("石家庄市（桥西区）", ["130104"]),  # 张家口 has a 桥西区 too
        ("马鞍山市（含山县）", ["340522"]),  # a county whose name begins with 含
        ("忻州市（原平市）", ["140981"]),  # and one that begins with 原
        ("四川省成都市郫都区（原郫县）", ["510117"]),
        ("湖北省：宜昌市（含宜都市）", ["420500"]),  # 含: a remark, the city is the item
        ("唐山市(迁西县、火星县)", ["130200"]),  # not all of them units inside it
        ("辽宁省喀喇沁左翼蒙古族自治县(喀左县)", ["211324"]),  # another name of the unit
    ],
)
def test_units_in_brackets_after_their_unit_are_the_items(line: str, codes: list[str]) -> None:
    assert [r.adcode for r in geocode_lines([line], GC)] == codes


# -- properties: brackets and dashes never carry a name out of the unit before them ------------
def _prefecture_county_pairs() -> list[tuple[str, str, str, str]]:
    gz = gazetteer()
    units = gz.current.values()
    prefs = {u.code: u.name for u in units if u.level == "prefecture"}
    return sorted(
        (u.code[:4] + "00", prefs[u.code[:4] + "00"], u.code, u.name)
        for u in units
        if u.level == "county" and u.code[:4] + "00" in prefs
    )


PAIRS = _prefecture_county_pairs()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PAIRS), st.sampled_from(PAIRS))
def test_a_county_in_brackets_is_read_inside_the_unit_before_or_not_at_all(
    own: tuple[str, str, str, str], other: tuple[str, str, str, str]
) -> None:
    pref_code, pref_name, _, _ = own
    _, _, county_code, county_name = other
    for r in geocode_lines([f"{pref_name}（{county_name}）"], GC):
        if r.status in (MATCHED, APPROXIMATE) and r.adcode != pref_code:
            assert within(r.adcode, pref_code), (pref_name, county_name, r)
    if county_code[:4] + "00" == pref_code:
        rs = geocode_lines([f"{pref_name}（{county_name}）"], GC)
        assert [r.adcode for r in rs] == [county_code]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PAIRS))
def test_a_dash_between_a_prefecture_and_its_county_reads_as_the_path(
    pair: tuple[str, str, str, str],
) -> None:
    _, pref_name, county_code, county_name = pair
    joined = GC.resolve(f"{pref_name}——{county_name}")
    plain = GC.resolve(f"{pref_name}{county_name}")
    assert (joined.status, joined.adcode) == (plain.status, plain.adcode)
    if plain.status == MATCHED:
        assert plain.adcode == county_code


def test_a_unit_written_with_another_type_word_before_its_town() -> None:
    r = GC.resolve("北京市海淀县温泉镇")  # 海淀 has been a 区 in every GB2260 edition
    assert (r.adcode, r.town) == ("110108", "温泉镇")
    assert "海淀县: read as 海淀区" in r.note
    # 合川县 was a county until 1992 (合川市, then 合川区 2006): a former name, not a slip
    r = GC.resolve("重庆市合川县涞滩镇")
    assert (r.adcode, r.town, r.reason) == ("500117", "涞滩镇", "renamed")


def test_a_town_named_with_a_district_word_is_no_type_word_swap() -> None:
    r = GC.resolve("南城区街道")  # a township's own name, not 南城县 + 街道
    assert r.town != "街道"
