"""Each name form of DESIGN.md, pinned by today's adcode."""

from __future__ import annotations

import pytest

from geodata.basics.notes import note
from geodata.geocode.answer import Method
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Geocoder, Result


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder()


def resolve(gc: Geocoder, text: str, *context: str) -> Result:
    return gc.resolve(text, tuple(context))


@pytest.mark.parametrize(
    ("text", "adcode", "level"),
    [
        ("貴州省六盤水市盤縣", "520281", "county"),  # renamed 2017, traditional
        ("榆林市神木縣", "610881", "county"),
        ("邢台市南和縣", "130506", "county"),  # county -> district 2020
        ("漳州市長泰縣", "350605", "county"),
        ("永州市祁陽縣", "431181", "county"),
        ("新疆生產建設兵團五家渠市", "659004", "county"),  # XPCC city
        ("延邊州敦化市", "222403", "county"),  # 延邊州 = 延边朝鲜族自治州
        ("廣西自治區北流市", "450981", "county"),  # ethnic name elided
        ("宜昌市長陽縣", "420528", "county"),
        ("海南省保亭縣", "469029", "county"),
        ("青海省海南州貴德縣", "632523", "county"),  # 海南州 is in Qinghai, not 海南省
        ("深圳光明新區", "440311", "county"),  # new area -> 光明区 2018
        ("浙江省温州市苍南县龙港镇", "330383", "county"),  # town -> 龙港市 2019
        ("吉林省松原市乾安縣", "220723", "county"),  # t2s would write 干安
        ("江苏省", "320000", "province"),
        ("黑龍江省伊春市", "230700", "prefecture"),
        ("山东济南", "370100", "prefecture"),
        ("浙江富阳", "330111", "county"),  # 富阳市 -> 富阳区 2014 (GB2260 history)
    ],
)
def test_units(gc: Geocoder, text: str, adcode: str, level: str) -> None:
    r = resolve(gc, text)
    assert (r.status, r.adcode, r.level) == (MATCHED, adcode, level), r


def test_renamed_unit_keeps_the_code_then(gc: Geocoder) -> None:
    r = resolve(gc, "貴州省六盤水市盤縣")
    assert (r.renamed_from, r.adcode_then, r.unit_name) == ("盘县", "520222", "盘州市")


def test_unit_moved_to_another_prefecture(gc: Geocoder) -> None:
    r = resolve(gc, "四平市公主嶺市范家屯鎮", "220000")
    assert r.level == "town" and r.adcode == "220184" and r.prefecture == "长春市"
    assert r.adcode_then == "220381" and r.town == "范家屯镇"


@pytest.mark.parametrize(
    ("text", "context", "county"),
    [
        ("南寧市橫縣六景鎮", ("450000",), "450181"),
        ("梅州市豐順縣阝留隍鎮", ("440000",), "441423"),  # garbled copy
        ("永州市東安縣蘆洪市鎮", ("430000",), "431122"),  # 市 inside a town name
        ("晉城市城區北石店鎮", ("140000",), "140502"),
        ("呼倫貝爾市鄂倫春旗大楊樹鎮", ("150000",), "150723"),
        ("香河县安平镇", (), "131024"),  # not 安平县
    ],
)
def test_towns_lie_in_their_county(
    gc: Geocoder, text: str, context: tuple[str, ...], county: str
) -> None:
    r = gc.resolve(text, context)
    assert r.level == "town" and r.adcode == county, r
    assert r.status in (MATCHED, APPROXIMATE)
    assert r.lon is not None and r.lat is not None


def test_town_point_comes_from_geonames_when_it_has_it(gc: Geocoder) -> None:
    r = resolve(gc, "上海市宝山区罗店镇")
    assert r.status == MATCHED and Method.GEONAMES in r.method
    assert 121.2 < r.lon < 121.5 and 31.3 < r.lat < 31.5  # type: ignore[operator]


def test_town_without_point_is_approximate_inside_its_county(gc: Geocoder) -> None:
    r = resolve(gc, "香河县安平镇")
    assert r.status == APPROXIMATE and r.reason == "town_point_unknown" and r.adcode == "131024"


def test_elided_prefecture_is_carried_by_context(gc: Geocoder) -> None:
    r = gc.resolve("三都縣", ("520000", "522700"))
    assert (r.status, r.adcode) == (MATCHED, "522732")


def test_context_decides_same_named_units(gc: Geocoder) -> None:
    alone = resolve(gc, "城区")
    assert alone.status == AMBIGUOUS
    assert "140302" in alone.candidates and "140502" in alone.candidates
    assert resolve(gc, "城区", "140000", "140500").adcode == "140502"
    assert resolve(gc, "晋城市城区").adcode == "140502"


def test_a_town_named_alone_is_never_placed(gc: Geocoder) -> None:
    r = resolve(gc, "罗店镇")
    assert r.status == AMBIGUOUS and "310113" in r.candidates and not r.adcode


def test_zone_without_boundary_is_a_point_in_its_prefecture(gc: Geocoder) -> None:
    r = resolve(gc, "臨沂經濟技術開發區", "370000")
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "371300")
    assert r.town == "临沂经济技术开发区"


def test_unknown_zone_is_placed_in_the_unit_that_names_it(gc: Geocoder) -> None:
    r = resolve(gc, "唐山市某某高新区")
    assert (r.status, r.level, r.adcode) == (APPROXIMATE, "zone", "130200")


@pytest.mark.parametrize("text", ["abc", "火星市", "唐山市迁西县东", "石家庄市郊区", "   "])
def test_unmatched_says_why(gc: Geocoder, text: str) -> None:
    r = resolve(gc, text)
    assert r.status == UNMATCHED and r.note and not r.adcode


@pytest.mark.parametrize("text", ["山西省大同市城区", "大同市南郊区"])
def test_a_unit_divided_between_successors_offers_them_all(gc: Geocoder, text: str) -> None:
    # split between 平城区 and 云冈区 in 2018 (国函〔2018〕22号): never pick one
    r = resolve(gc, text)
    assert (r.status, r.adcode, r.reason) == (AMBIGUOUS, "", "split")
    assert [c.split()[0] for c in r.candidates.split(" | ")] == ["140213", "140214"]
    split = r.notes[0]
    assert (split.code, split.get("units"), split.get("year")) == (
        "split", ("平城区", "云冈区"), "2018")


def test_the_living_namesake_of_a_divided_unit_is_untouched(gc: Geocoder) -> None:
    assert resolve(gc, "阳泉市城区").adcode == "140302"
    assert resolve(gc, "大同市矿区").adcode == "140214"  # whole into 云冈区


def test_abolished_unit_reports_its_last_listing(gc: Geocoder) -> None:
    # abolished after 2000 with no successor in any table
    r = resolve(gc, "河北省石家庄市郊区")
    assert r.status == UNMATCHED and "130106" in r.note and "GB2260" in r.note
    assert r.reason == "no_successor"


def test_a_unit_renamed_in_place_reads_as_today_s() -> None:
    # 安西县 became 瓜州县 in 2006 keeping 620922 (民函〔2006〕31号)
    r = Geocoder().resolve("甘肃省安西县")
    assert (r.status, r.adcode, r.reason) == (MATCHED, "620922", "renamed")


def test_shijiazhuang_qiaodong_was_divided(gc: Geocoder) -> None:
    r = resolve(gc, "石家庄市桥东区")
    assert (r.status, r.reason) == (AMBIGUOUS, "split")
    assert [c.split()[0] for c in r.candidates.split(" | ")] == ["130102", "130104"]


@pytest.mark.parametrize(
    ("text", "adcode", "year"),
    [
        ("山东省济宁市市中区", "370811", "2013"),  # into 任城区, which kept its code
        ("长治市郊区", "140403", "2018"),  # with 城区 into the new 潞州区
        ("长治市城区", "140403", "2018"),
        ("大同市矿区", "140214", "2018"),  # into 云冈区, not 阳泉市矿区 of the same name
    ],
)
def test_a_former_district_resolves_to_the_one_it_was_merged_into(
    gc: Geocoder, text: str, adcode: str, year: str
) -> None:
    r = resolve(gc, text)
    assert (r.status, r.adcode, r.reason, r.changed) == (MATCHED, adcode, "merged", year)
    assert "http" in r.note  # the curated row's public source


def test_a_code_handed_to_another_unit_links_nothing(gc: Geocoder) -> None:
    # 232701 was 加格达奇区 in 2006-2008 and is 漠河市 (from 漠河县 232723) since 2018;
    # 加格达奇区 has a statistical code (232761) but no county status or boundary
    r = resolve(gc, "黑龙江省大兴安岭地区加格达奇区")
    assert (r.status, r.level, r.adcode, r.town) == (APPROXIMATE, "zone", "232700", "加格达奇区")
    assert "232701" not in r.candidates
    # 410307 was 洛龙区 until 2006 (now 410311) and is 偃师区 since 2021
    assert resolve(gc, "洛阳市洛龙区").adcode == "410311"
    # renamed in place though the code also took in another unit (邢台县 -> 信都区)
    r = resolve(gc, "邢台市桥西区")
    assert (r.status, r.adcode, r.reason) == (MATCHED, "130503", "renamed")


def test_bare_name_reads_as_the_outer_unit(gc: Geocoder) -> None:
    r = resolve(gc, "湖南湘潭")
    assert (r.status, r.adcode) == (MATCHED, "430300") and "湘潭县" in r.note
    assert resolve(gc, "湘潭县").adcode == "430321"
    assert resolve(gc, "朝阳区").status == AMBIGUOUS  # not nested: still reported


def test_copy_keeps_every_field_and_shares_no_state(gc: Geocoder) -> None:
    """The list reader remembers answers by copy: a copy equals its original in every
    field (those the CLI never writes too), and changing it leaves the original alone."""
    res = gc.resolve("北京市朝阳区")
    res.named_province = True
    dup = res.copy()
    assert dup == res and dup is not res
    assert dup.context == res.context != () and dup.named_province
    dup.input = "changed"
    dup.add(note("empty"))
    assert res.input == "北京市朝阳区" and dup.notes != res.notes


def test_chain_readings_leave_out_tails_only_when_names_explain_all(gc: Geocoder) -> None:
    """A name read by units alone (省张家口市下花园区 could also end in a zone called
    …下花园区) is given no reading with a tail; a name that only a tail ends still is."""
    from functools import partial

    from geodata.geocode.name_chains import TAIL_NONE, TAIL_TOWN, parses

    def kinds(s: str) -> set[int]:
        return {p.tail_kind for p in parses(s, gc.gz, None, partial(gc._may_hold, None, True))}

    assert kinds("河北省张家口市下花园区") == {TAIL_NONE}
    assert kinds("安图县二道白河镇") == {TAIL_TOWN}
    assert resolve(gc, "安图县二道白河镇").adcode.startswith("222426")
