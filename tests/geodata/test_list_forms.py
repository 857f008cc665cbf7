"""Name forms of real government lists (issue 8): marks and footnotes, numbering and
headers, conjunctions, merges to today, towns without their county, generic zones,
group names. Each pinned by today's adcode."""

from __future__ import annotations

import pytest

from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Geocoder
from geodata.geocode.names import strip_annotations
from geodata.geocode.reasons import REASONS, reason_text
from geodata.lists.items import items_of, split_line
from geodata.lists.published import geocode_lines


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder()


def codes(lines: list[str], gc: Geocoder) -> list[str]:
    return [r.adcode for r in geocode_lines(lines, gc)]


# -- 1. annotation marks and footnotes -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("德清县※", "330521"),
        ("安吉縣*", "330523"),
        ("△浦江县", "330726"),
        ("象山县▲", "330225"),
        ("★新昌县", "330624"),
        ("泰顺县#", "330329"),
        ("江山市①", "330881"),
        ("磐安县²", "330727"),
        ("天台县（含国家级风景名胜区）", "331023"),
        ("桐庐县(下同)", "330122"),
    ],
)
def test_marks_and_remarks_are_dropped_and_noted(gc: Geocoder, text: str, adcode: str) -> None:
    r = gc.resolve(text)
    assert (r.status, r.adcode) == (MATCHED, adcode)
    assert "annotation removed" in r.note


def test_footnote_after_the_first_marked_item_keeps_the_line_whole(gc: Geocoder) -> None:
    rs = geocode_lines(["浙江省德清县※(※表示新增县级行政区,下同)、安吉县※、江山市"], gc)
    assert [r.adcode for r in rs] == ["330521", "330523", "330881"]
    assert "下同" in rs[0].note


def test_strip_annotations_returns_what_it_removed() -> None:
    assert strip_annotations("德清县※(注)") == ("德清县", ("(注)", "※"))
    assert strip_annotations("德清县") == ("德清县", ())


# -- 2. numbering and headers ----------------------------------------------------------
def test_numbering_gives_no_rows_of_numbers(gc: Geocoder) -> None:
    rs = geocode_lines(["1、安吉县", "(2)德清县", "（三）江山市", "④浦江县", "5. 象山县"], gc)
    assert [r.adcode for r in rs] == ["330523", "330521", "330881", "330726", "330225"]


def test_section_headers_give_no_row() -> None:
    lines = ["一、试点县", "浙江省安吉县", "（二）试点镇", "浙江省德清县"]
    lines.append("二、国家园林城市(共46个)")
    assert [i.text for i in items_of(lines)] == ["浙江省安吉县", "浙江省德清县"]


def test_province_header_lines_give_context(gc: Geocoder) -> None:
    lines = ["一、天津市(2个)", "和平区", "二、河北省（3个）", "迁西县", "涉 县"]
    assert codes(lines, gc) == ["120101", "130227", "130426"]


def test_bare_province_line_above_its_items_is_context_with_counts(gc: Geocoder) -> None:
    # a table flattened to lines: spaced province, a count, items wrapping over lines
    lines = ["天 津", "", "2", "", "河北区、河东区、", "南开区", "河 北", "1", "任丘市"]
    assert codes(lines, gc) == ["120105", "120102", "120104", "130982"]


def test_province_lines_of_whole_province_lists_stay_items(gc: Geocoder) -> None:
    assert codes(["江苏省", "安徽省"], gc) == ["320000", "340000"]
    assert codes(["北京市", "天津市和平区"], gc) == ["110000", "120101"]


def test_colon_after_a_province_is_context(gc: Geocoder) -> None:
    assert codes(["江苏省:南京市江宁区、溧水区", "江苏省：沛县"], gc) == [
        "320115",
        "320117",
        "320322",
    ]


def test_split_line_keeps_brackets_whole() -> None:
    assert split_line("德清县(甲,乙)、安吉县") == ["德清县(甲,乙)", "安吉县"]
    assert split_line("1、安吉县；2、德清县") == ["安吉县", "德清县"]


# -- 3. conjunctions -------------------------------------------------------------------
def test_two_units_joined_by_a_conjunction_are_two_items(gc: Geocoder) -> None:
    rs = geocode_lines(["广东省梅州市五华县以及河源市紫金县"], gc)
    assert [r.adcode for r in rs] == ["441424", "441621"]
    rs = geocode_lines(["浙江省舟山市、桐庐县、安吉县和江山市", "湖北省黄石市和宜都市"], gc)
    assert [r.adcode for r in rs] == ["330900", "330122", "330523", "330881", "420200", "420581"]
    assert [r.adcode for r in geocode_lines(["福建省南平市浦城县与宁德市周宁县"], gc)] == [
        "350722",
        "350925",
    ]


def test_a_conjunction_inside_a_name_stays(gc: Geocoder) -> None:
    assert codes(["广东省和平县", "天津市和平区"], gc) == ["441624", "120101"]


# -- 4. merged and abolished units -----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "adcode", "merged_into", "year"),
    [
        ("上海市闸北区", "310106", "静安区", "2015"),
        ("天津市塘沽区", "120116", "滨海新区", "2009"),
        ("山东省莱芜市", "370100", "济南市", "2018"),  # 国函〔2018〕163号, effective 2019
        ("莱芜市莱城区", "370116", "莱芜区", "2018"),
        ("杭州市下城区", "330105", "拱墅区", "2021"),
    ],
)
def test_merged_units_resolve_to_todays_successor(
    gc: Geocoder, text: str, adcode: str, merged_into: str, year: str
) -> None:
    r = gc.resolve(text)
    assert (r.status, r.adcode, r.merged_into, r.changed) == (MATCHED, adcode, merged_into, year)
    assert r.reason == "merged" and not r.renamed_from and "source" in r.note


def test_a_county_replaced_on_the_same_land_is_a_rename_not_a_merge(gc: Geocoder) -> None:
    # 撤销户县，设立鄠邑区 (2016): the change table's only link, one to one, a new code
    r = gc.resolve("陕西省西安市户县")
    assert (r.adcode, r.renamed_from, r.merged_into) == ("610118", "户县", "")
    assert r.reason == "renamed" and r.changed == "2016"


def test_a_rename_says_renamed_from_with_the_year(gc: Geocoder) -> None:
    r = gc.resolve("浙江省临安市")
    assert (r.adcode, r.renamed_from, r.reason) == ("330112", "临安市", "renamed")
    assert r.changed.startswith("20") and not r.merged_into


# -- 5. towns without their county -----------------------------------------------------
def test_town_resolves_to_its_county_from_the_township_list(gc: Geocoder) -> None:
    r = gc.resolve("山东省临沂市义堂镇")
    assert (r.status, r.adcode, r.town, r.level) == (APPROXIMATE, "371302", "义堂镇", "town")
    assert r.reason == "town_point_unknown"


def test_town_under_a_province_header_resolves(gc: Geocoder) -> None:
    rs = geocode_lines(["山东省：义堂镇"], gc)
    assert rs[0].adcode == "371302"


def test_same_town_in_two_counties_of_the_context_is_ambiguous(gc: Geocoder) -> None:
    # 城关镇 is in many counties of 甘肃省
    r = gc.resolve("甘肃省城关镇")
    assert r.status == AMBIGUOUS and r.candidates.count("|") >= 1


# -- 6. generic zone names -------------------------------------------------------------
def test_generic_zone_belongs_to_its_context(gc: Geocoder) -> None:
    rs = geocode_lines(["江苏省南京市江宁区、新区"], gc)
    assert rs[1].adcode == "320100" and rs[1].level == "zone" and rs[1].status == APPROXIMATE


def test_a_bare_zone_word_after_a_province_it_was_not_stated_in_is_no_answer(gc: Geocoder) -> None:
    # 北京市丁青县 is no place: 北京 is only inherited, too weak to place a bare 产业园
    assert geocode_lines(["北京市丁青县、产业园"], gc)[-1].status == UNMATCHED


@pytest.mark.parametrize("line", ["西藏自治区昌都市、市辖区", "江苏省：南京市、市辖区", "市辖区"])
def test_a_bare_heading_row_is_no_answer_whatever_comes_before(gc: Geocoder, line: str) -> None:
    # GB2260's 市辖区 heads a city's districts: after a city it is no group of the province
    last = geocode_lines([line], gc)[-1]
    assert last.status == UNMATCHED and not last.adcode


def test_a_city_s_districts_written_whole_are_its_group(gc: Geocoder) -> None:
    r = gc.resolve("昌都市市辖区")
    assert r.adcode == "540300" and r.level == "group"


@pytest.mark.parametrize("text", ["新区", "经济开发区", "高新区", "工业园区"])
def test_generic_zone_without_context_is_no_answer(gc: Geocoder, text: str) -> None:
    r = gc.resolve(text)
    assert r.status in (UNMATCHED, AMBIGUOUS) and not r.adcode


def test_no_answer_outside_the_province_of_the_line(gc: Geocoder) -> None:
    # 迁西县 exists only in Hebei: in a line stated to be about Jiangsu it is not answered
    rs = geocode_lines(["江苏省：南京市江宁区、迁西县"], gc)
    assert rs[1].status == UNMATCHED and rs[1].reason == "outside_context"
    assert rs[1].candidates.startswith("130227")
    # after an item that names Jiangsu, the province is a preference: the one 迁西县
    rs = geocode_lines(["江苏省南京市江宁区、迁西县"], gc)
    assert (rs[1].status, rs[1].adcode) == (MATCHED, "130227")


# -- 7. group names --------------------------------------------------------------------
CHONGQING_NINE = ("500103", "500104", "500105", "500106", "500107", "500108", "500109")


def test_group_name_resolves_to_its_members(gc: Geocoder) -> None:
    r = gc.resolve("重庆市主城九区")
    assert (r.status, r.level, r.adcode) == (MATCHED, "group", "500000")
    assert r.members[:7] == CHONGQING_NINE and set(r.members[7:]) == {"500112", "500113"}
    assert r.row()["members"] == " ".join(r.members)


def test_districts_of_a_city(gc: Geocoder) -> None:
    r = gc.resolve("江苏省南京市市辖区")
    assert r.level == "group" and r.adcode == "320100"
    assert "320115" in r.members and all(m.startswith("3201") for m in r.members)


def test_main_districts_of_an_uncurated_city_are_not_guessed(gc: Geocoder) -> None:
    r = gc.resolve("江苏省南京市主城区")
    assert (r.status, r.reason) == (UNMATCHED, "group_unknown")


# -- 8. reasons ------------------------------------------------------------------------
def test_every_reason_has_both_languages(gc: Geocoder) -> None:
    for code, (en, zh) in REASONS.items():
        assert en and zh and en != zh, code
    r = gc.resolve("火星市")
    assert r.reason == "not_a_place" and reason_text(r.reason, "zh") == REASONS[r.reason][1]
    assert reason_text("", "zh") == ""
    assert reason_text("a_future_code", "zh") == "a_future_code"


def test_a_province_line_is_a_heading_only_when_lines_below_lie_in_it(gc: Geocoder) -> None:
    lines = ["北京市", "昌平区", "天津市", "中新天津生态城", "和平区"]
    rs = geocode_lines(lines, gc)
    assert [r.adcode for r in rs] == ["110114", "120000", "120101"]
    assert rs[1].level == "zone" and rs[1].status == APPROXIMATE
    # 天津市 above a zone only: an item, and the 北京 heading no longer holds below it
    rs = geocode_lines(["北京市", "昌平区", "天津市", "中新天津生态城"], gc)
    assert [r.adcode for r in rs[:2]] == ["110114", "120000"]
    assert not rs[2].adcode.startswith("11")


def test_strictness_comes_from_a_named_province_only(gc: Geocoder) -> None:
    # no province named: a list of cities may cross provinces
    rs = geocode_lines(["徐州市、苏州市、寿光市、珠海市"], gc)
    assert [r.adcode for r in rs] == ["320300", "320500", "370783", "440400"]
    # 北京市丁青县 is no place; the 北京 it names is the next item's preference only
    rs = geocode_lines(["北京市丁青县、丁青县"], gc)
    assert [(r.status, r.adcode) for r in rs] == [(UNMATCHED, ""), (MATCHED, "540324")]
    rs = geocode_lines(["北京市：丁青县"], gc)  # a head before a colon is a fence
    assert rs[0].status == UNMATCHED


def test_batch2_town_is_pinned_to_its_county(gc: Geocoder) -> None:
    import seeds

    entry = next(e for e in seeds.load_entries() if "义堂镇" in e["text"])
    (r,) = geocode_lines([entry["text"]], gc)
    assert (r.adcode, r.county, r.town) == ("371302", "兰山区", "义堂镇")


def test_ji_between_two_units(gc: Geocoder) -> None:
    assert codes(["浙江省湖州市安吉县及德清县"], gc) == ["330523", "330521"]


def test_more_numbering_forms() -> None:
    assert split_line("１、安吉县") == ["安吉县"]  # full-width digit
    assert split_line("Ⅱ、安吉县") == ["安吉县"]  # Roman numeral
    assert split_line("12\t安吉县") == ["安吉县"]  # a spreadsheet's serial number


def test_names_apart_by_spaces_are_items_when_the_whole_is_no_name(gc: Geocoder) -> None:
    rs = geocode_lines(["河北省 唐山市 邯郸市", "浙江省温岭 市"], gc)
    assert [(r.input, r.adcode) for r in rs] == [
        ("唐山市", "130200"),
        ("邯郸市", "130400"),
        ("浙江省温岭 市", "331081"),
    ]


def test_what_closes_an_enumeration_is_dropped() -> None:
    assert split_line("河北省石家庄市、唐山市、秦皇岛市等3个城市") == [
        "河北省石家庄市",
        "唐山市",
        "秦皇岛市",
    ]
    assert split_line("唐山市等地。") == ["唐山市"]
    assert split_line("唐山市等地") == ["唐山市"]
    assert split_line("安吉县等县（市、区）") == ["安吉县"]
    assert split_line("平等乡") == ["平等乡"]
    # 等县 closes a list only after a unit's type word: 天等县 is a county
    assert split_line("广西壮族自治区崇左市天等县") == ["广西壮族自治区崇左市天等县"]
    assert split_line("天等县、龙州县等") == ["天等县", "龙州县"]
    assert split_line("天等县※") == ["天等县※"]


def test_a_column_of_names_drops_numbering_too(gc: Geocoder) -> None:
    from geodata.lists.published import geocode_names

    rs = geocode_names(["1、安吉县", "（2）德清县※", "3"], gc)
    assert [r.adcode for r in rs] == ["330523", "330521", ""]
    assert [r.input for r in rs] == ["1、安吉县", "（2）德清县※", "3"]


@pytest.mark.parametrize(
    ("line", "adcode"),
    [
        ("浙江省：堵雲縣", "331122"),  # 缙雲縣 as an OCR read it: the one such unit in 浙江
        ("广东省：台山布", "440781"),  # 市 read as 布
        ("福建省：闽猴县", "350121"),  # 闽侯县 and 闽清县 are one off: 猴 sounds as 侯
        ("江苏省：四阳县", "321323"),  # 射阳 沭阳 泗阳 are one off: 四 sounds as 泗
        ("江苏省徐州市睢宇县", "320324"),  # the unit the text names first is context too
    ],
)
def test_a_slip_of_one_character_in_context_is_approximate(
    gc: Geocoder, line: str, adcode: str
) -> None:
    (r,) = geocode_lines([line], gc)
    assert (r.status, r.adcode, r.reason) == (APPROXIMATE, adcode, "near_name")
    assert r.candidates.startswith(adcode) and "one character away" in r.note


def test_a_slip_with_several_units_one_off_is_ambiguous(gc: Geocoder) -> None:
    (r,) = geocode_lines(["河北省唐山市迁西市"], gc)  # 迁西县 or 迁安市
    assert (r.status, r.adcode, r.reason) == (AMBIGUOUS, "", "near_names")
    assert {c.split()[0] for c in r.candidates.split(" | ")} == {"130227", "130283"}
    # 射阳 沭阳 泗阳 and, on the stem, 溧阳市 丹阳市: none sounds as 凉, and 沭 and 溧
    # (once 溧阳县) look as much like it (3 digits of 5 of the four-corner code)
    (r,) = geocode_lines(["江苏省：凉阳县"], gc)
    offered = {c.split()[0] for c in r.candidates.split(" | ")}
    assert r.status == AMBIGUOUS and {"320924", "321322", "321323"} <= offered


def test_a_slip_without_a_province_is_no_answer(gc: Geocoder) -> None:
    r = gc.resolve("堵雲縣")  # 左云 灌云 缙云 庆云 凌云: offered, never answered
    assert (r.status, r.adcode) == (UNMATCHED, "")
    assert "331122 浙江省丽水市缙云县" in r.candidates.split(" | ")
    # the province of the item before, not named on the line, is no context for a slip
    rs = geocode_lines(["桐庐县、堵雲縣"], gc)
    assert [r.status for r in rs] == [MATCHED, UNMATCHED]


def test_a_slip_is_read_only_inside_the_lines_province(gc: Geocoder) -> None:
    # in 江苏, 堵云县 is one off 灌云县 and, on the stem, 连云区 (a 县 may since have been
    # made a 区): two at the same distance, neither sounding the same, are offered, never
    # picked; 缙云县 lies in 浙江 and is not among them
    (r,) = geocode_lines(["江苏省：堵雲縣"], gc)
    assert r.status == AMBIGUOUS
    assert {c.split()[0] for c in r.candidates.split(" | ")} == {"320723", "320703"}
    # a unit's own name (勃利县, in 黑龙江) is no slip for 平利县 in a 陕西 line
    rs = geocode_lines(["陕西省勃利县", "陕西省：丁青县"], gc)
    assert [r.status for r in rs] == [UNMATCHED, UNMATCHED]


def test_a_zones_management_committee_stands_for_the_zone(gc: Geocoder) -> None:
    r = gc.resolve("江苏省苏州工业园区管委会")
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "320500")
    assert gc.resolve("北京市海淀区管委会").status == UNMATCHED  # a district is no zone


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("湖北省省直辖县级行政区划仙桃市", "429004"),  # the code list's headings in a path
        ("海南省省直辖县级行政单位琼海市", "469002"),
        ("新疆维吾尔自治区自治区直辖县级行政区划石河子市", "659001"),
        ("北京市市辖区东城区", "110101"),
        ("天津市市辖区和平区", "120101"),
    ],
)
def test_code_list_headings_inside_a_path(gc: Geocoder, text: str, adcode: str) -> None:
    assert (gc.resolve(text).status, gc.resolve(text).adcode) == (MATCHED, adcode)


def _slips() -> list[tuple[str, str]]:
    """(province adcode, a county's name with one character of its stem replaced)."""
    from geodata.geocode.gazetteer import gazetteer

    gz = gazetteer()
    out = []
    for u in sorted(gz.current.values(), key=lambda u: u.code)[::23]:
        if u.level == "county" and len(u.name) >= 3:
            out.append((u.code[:2] + "0000", "丶" + u.name[1:]))
    return out


@pytest.mark.parametrize(("province", "slip"), _slips()[:60])
def test_a_slip_is_never_matched_nor_outside_its_province(
    gc: Geocoder, province: str, slip: str
) -> None:
    from geodata.geocode.gazetteer import gazetteer

    name = gazetteer().current[province].name
    (r,) = geocode_lines([f"{name}：{slip}"], gc)
    assert r.status != MATCHED, r
    if r.status == APPROXIMATE:
        assert r.adcode.startswith(province[:2]) and r.reason == "near_name", r
