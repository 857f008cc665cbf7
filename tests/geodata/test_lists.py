"""Lists in the published shape, with context carried along a line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from geodata.geocode.geocoder import APPROXIMATE, MATCHED
from geodata.lists.items import split_line
from geodata.lists.published import geocode_lines

SHARED = Path(__file__).resolve().parents[3] / "shared" / "sources"
BATCH3 = Path(__file__).resolve().parents[2] / "seeds" / "data" / "batch3_as_published.txt"

# today's adcode of every batch-3 item that is a unit or lies in one, in published order
BATCH3_ADCODES = [
    "110113",
    "110119",
    "110117",
    "120111",
    "120118",
    "120118",
    "130283",
    "130324",
    "130426",
    "130506",
    "141081",
    "141122",
    "140181",
    "140502",
    "150521",
    "150824",
    "150723",
    "210115",
    "210521",
    "210321",
    "210782",
    "220581",
    "222403",
    "220184",
    "222404",
    "230700",
    "231181",
    "231123",
    "231226",
    "310120",
    "310113",
    "310118",
    "330824",
    "330502",
    "330603",
    "330702",
    "350181",
    "350605",
    "350823",
    "350922",
    "360300",
    "360700",
    "361000",
    "360881",
    "370100",
    "370300",
    "370600",
    "371500",
    "370782",
    "371300",
    "410600",
    "410183",
    "410185",
    "411082",
    "420800",
    "421300",
    "420528",
    "420281",
    "420682",
    "430300",
    "431000",
    "431181",
    "431122",
    "440200",
    "445100",
    "441284",
    "441423",
    "450381",
    "450722",
    "451081",
    "450181",
    "469023",
    "469029",
    "469030",
    "500118",
    "500120",
    "500152",
    "510900",
    "511700",
    "510322",
    "511922",
    "520281",
    "522301",
    "522601",
    "522726",
    "522732",
    "530581",
    "532301",
    "533102",
    "532931",
    "540225",
    "540521",
    "540402",
    "610600",
    "610881",
    "611024",
    "610323",
    "620422",
    "620503",
    "621023",
    "632223",
    "632523",
    "632621",
    "630225",
    "640100",
    "640323",
    "640205",
    "652801",
    "650421",
    "654321",
    "659004",
]


def test_batch3_as_published_resolves_every_item() -> None:
    results = geocode_lines(BATCH3.read_text(encoding="utf-8").splitlines())
    assert len(results) == 111
    assert Counter(r.status for r in results).keys() <= {MATCHED, APPROXIMATE}
    assert [r.adcode for r in results] == BATCH3_ADCODES


def test_shared_copy_is_the_seed() -> None:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the repository")
    assert (SHARED / "batch3_as_published.txt").read_text(encoding="utf-8") == BATCH3.read_text(
        encoding="utf-8"
    )


def test_batch12_names_one_per_line_all_resolve() -> None:
    import seeds

    names = [e["text"] for e in seeds.load_entries() if e["batch"] != 3]
    results = geocode_lines(names)
    assert len(results) == len(names)  # one item a name; 重庆市主城九区 too (the group table)
    assert all(r.status in (MATCHED, APPROXIMATE) for r in results), [
        (r.input, r.status, r.note) for r in results if r.status not in (MATCHED, APPROXIMATE)
    ]
    # each resolves in the province the seed names, at the seed's level, to the unit the
    # text names (or the unit it became), never elsewhere
    seed_rows = seeds.read_csv("batches_1_2_found.csv")
    level_of_seed = {"province": "province", "prefecture": "prefecture", "county": "county",
                     "county_city": "county", "district": "county", "town": "town",
                     "municipality": "group"}  # 重庆市主城九区: nine districts, one pilot
    from geodata.boundaries.layers import raw_features

    province_code = {name: code for code, name, _ in raw_features("province")}
    province_code["新疆生产建设兵团"] = province_code["新疆维吾尔自治区"]  # XPCC cities lie in it
    for seed, res in zip(seed_rows, results, strict=True):
        row = res.row()
        assert str(row["adcode"])[:2] == province_code[seed["province"]][:2], (seed, row)
        level = level_of_seed[seed["level"]]
        became_unit = level == "town" and row["renamed_from"]  # 龙港镇 is 龙港市 today
        # 儋州 was a county-level city in 2014 and became prefecture-level in 2015
        upgraded = seed["place"] == "海南省儋州市" and row["level"] == "prefecture"
        became_unit = became_unit or upgraded
        assert row["level"] == level or (level == "town" and row["town"]) or became_unit, (
            seed, row)
        named = str(row["town"] or row["renamed_from"] or row["unit_name"])
        assert named[:2] in seed["place"], (seed["place"], row)
    by_place = {s["place"]: r.adcode for s, r in zip(seed_rows, results, strict=True)}
    assert {k: by_place[k] for k in ("云南省大理州大理市", "河南省开封市兰考县",
                                     "河南省新乡市长垣县", "浙江省温州市苍南县龙港镇",
                                     "广东省深圳市光明新区")} == {
        "云南省大理州大理市": "532901", "河南省开封市兰考县": "410225",
        "河南省新乡市长垣县": "410783", "浙江省温州市苍南县龙港镇": "330383",
        "广东省深圳市光明新区": "440311",
    }


def test_two_provinces_on_one_line() -> None:
    rs = geocode_lines(["福建省寧德市古田縣,江西省萍鄉市、贛州市"])
    assert [r.adcode for r in rs] == ["350922", "360300", "360700"]


def test_context_resets_at_each_line() -> None:
    rs = geocode_lines(["山西省晋城市城区", "城区"])
    assert rs[0].adcode == "140502" and rs[1].status == "ambiguous"


def test_header_with_colon_and_numbering() -> None:
    lines = ["1. 河北省：唐山市遷安市、邯鄲市涉縣。", "（二）贵州省黔南州独山县；三都县等"]
    rs = geocode_lines(lines)
    assert [r.adcode for r in rs] == ["130283", "130426", "522726", "522732"]
    assert rs[0].input == "河北省：唐山市遷安市"


def test_split_line_separators() -> None:
    assert split_line("a、b，c,d；e;f") == list("abcdef")
    assert split_line("   ") == []


def test_zone_named_alone_does_not_inherit_a_prefecture() -> None:
    rs = geocode_lines(["河北省张家口市张北县、白沟新城、保定市白沟新城"])
    assert rs[1].level == "zone" and rs[1].adcode == "130000" and rs[1].status == "approximate"
    assert rs[2].adcode == "130600"


def test_bare_stem_does_not_swallow_a_known_town() -> None:
    rs = geocode_lines(["吉林省延边州延吉市、二道白河镇"])
    assert rs[1].level == "town" and rs[1].adcode == "222426"  # 安图县, not 二道区


def test_more_real_name_forms() -> None:
    rs = geocode_lines(["天津市蓟县", "广西省柳州市", "四川省成都市郫县", "湖北省仙桃市"])
    assert [r.adcode for r in rs] == ["120119", "450200", "510117", "429004"]


def test_xpcc_division_and_renamed_county_towns() -> None:
    rs = geocode_lines(["新疆生产建设兵团第八师石河子市北泉镇", "大兴安岭地区漠河县北极镇"])
    assert rs[0].adcode == "659001" and rs[0].town == "北泉镇"
    assert rs[1].adcode == "232701" and rs[1].renamed_from == "漠河县"
