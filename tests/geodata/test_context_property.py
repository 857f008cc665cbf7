"""Honesty of answers: in a line that states its province (a head before a colon), every
matched or approximate answer lies in that province, whatever the items are (names of
other provinces' units, towns, generic zones, group names, marks, junk). A province an
item names is the next items' preference, not a fence: an answer outside it is the one
the item has alone (a bare zone word, 新区, is the zone of the unit the item before names)."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import seeds
from geodata.basics.codes import within
from geodata.geocode.gazetteer import GENERIC_ZONES, gazetteer
from geodata.geocode.geocoder import APPROXIMATE, MATCHED, Geocoder
from geodata.lists.items import starts_with_province
from geodata.lists.published import geocode_lines

GC = Geocoder()


@cache
def provinces() -> list[tuple[str, str]]:
    gz = gazetteer()
    return sorted((u.code, u.name) for u in gz.current.values() if u.level == "province")


@cache
def pool() -> list[str]:
    """Item texts from every province, none of which begins with a province's name."""
    gz = gazetteer()
    names = sorted({u.name for u in gz.current.values() if u.level != "province"})
    names += sorted({u.name for u in gz.units if not u.current})[::7]
    names += [t[1] for t in seeds.load_townships()[::97]]
    names += [*sorted(GENERIC_ZONES), "主城九区", "主城区", "市辖区", "城区", "和平区和平县"]
    names += ["德清县※", "①安吉县", "(含开发区)", "试点县", "abc", "火星市"]
    # the forms of issue 10 (a bracketed province names its own, so it is left out here)
    names += ["宽城县城", "代县县城", "唐山市人民政府", "唐山市本级", "唐山市区", "迁西县全县",
              "石家庄市（桥西区）", "朝阳区(长春)", "长沙——宁乡市", "门头沟区斋堂镇底下村",
              "德清两县", "涿鹿县赵家蓬区", "洪江区", "长白山华美胜地旅游度假区", "大同市南郊区"]
    return [n for n in names if not starts_with_province(n)]


ITEMS = st.lists(st.sampled_from(pool()), min_size=1, max_size=6)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(provinces()), ITEMS, st.sampled_from(["：", ":"]))
def test_answers_stay_in_the_named_province(
    province: tuple[str, str], items: list[str], joint: str
) -> None:
    code, name = province
    line = name + joint + "、".join(items)
    for r in geocode_lines([line], GC):
        if r.status in (MATCHED, APPROXIMATE):
            assert within(r.adcode, code), (line, r.input, r.adcode, r.note)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(provinces()), ITEMS, st.sampled_from(["", "、"]))
def test_an_inherited_province_is_a_preference_not_a_fence(
    province: tuple[str, str], items: list[str], joint: str
) -> None:
    code, name = province
    line = name + joint + "、".join(items)
    preferred = code  # the province the line starts with, then each answer's province
    results = geocode_lines([line], GC)
    for before, r in zip([None, *results], results, strict=False):
        answered = r.status in (MATCHED, APPROXIMATE)
        if answered and r.input in GENERIC_ZONES:
            # a bare 新区 is the zone of the unit the item before names, wherever that is
            assert before is not None and before.status in (MATCHED, APPROXIMATE)
            assert within(before.adcode, r.adcode), (line, r.input, r.adcode)
        elif answered and not within(r.adcode, preferred):
            alone = GC.resolve(r.input)
            # outside the preferred province only as the item reads with no context at all
            assert (alone.status, alone.adcode) == (r.status, r.adcode), (line, r.input)
        if answered:
            preferred = r.adcode[:2] + "0000"


def test_a_name_inside_the_inherited_province_wins_over_one_outside() -> None:
    # 朝阳区 lies in 北京 and in 长春: after 吉林省长春市 it is 长春's, after 北京 北京's
    rows = geocode_lines(["吉林省长春市、朝阳区、北京市东城区、朝阳区"], GC)
    assert [r.adcode for r in rows] == ["220100", "220104", "110101", "110105"]
    # a name found only outside the inherited province is answered there
    rows = geocode_lines(["北京、天津、沈阳、武汉"], GC)
    assert [r.adcode for r in rows] == ["110000", "120000", "210100", "420100"]
    # a head before a colon is a fence: 沈阳 is refused in a line about 天津
    rows = geocode_lines(["天津：沈阳"], GC)
    assert rows[0].status == "unmatched" and rows[0].reason == "outside_context"


@cache
def county_paths() -> list[tuple[str, str]]:
    """(full written path, adcode) of every county-level unit today."""
    gz = gazetteer()
    out = []
    for u in gz.current.values():
        if u.level == "county":
            pref = gz.name_of(u.code[:4] + "00") if u.code[2:4] != "00" else ""
            out.append((gz.name_of(u.code[:2] + "0000") + pref + u.name, u.code))
    return sorted(out)


LEADING = st.sampled_from(["", "※", "*", "△", "▲", "★", "#", "①"])
TRAILING = st.sampled_from(["", "※", "*", "#", "①", "²", "（含经济开发区）", "(下同)"])
NUMBERING = st.sampled_from(["", "1、", "(2)", "（三）", "④", "5. ", "十一、", "１、"])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(county_paths()), NUMBERING, LEADING, TRAILING)
def test_marks_and_numbering_never_change_the_answer(
    path: tuple[str, str], numbering: str, before: str, after: str
) -> None:
    text, code = path
    plain = GC.resolve(text)
    rows = geocode_lines([numbering + before + text + after], GC)
    assert len(rows) == 1
    assert (rows[0].status, rows[0].adcode) == (plain.status, plain.adcode)
    assert (plain.status, plain.adcode) == (MATCHED, code)
