"""Forms a name is read in again when the whole is no name (宽城县城, 唐山市人民政府,
苏州工业园区管委会, *自治区昭苏县, 涿鹿县赵家蓬区), and a province or prefecture written in
brackets after a name (遂宁(四川)). Each re-reading resolves a part of the text the usual
way (`resolve`) and keeps the answer only when it is of the form's kind."""

from __future__ import annotations

import re
from collections.abc import Callable

from geodata import reasons as why
from geodata.answer import APPROXIMATE, MATCHED, UNMATCHED, Method, Result
from geodata.codes import within
from geodata.gazetteer import Gazetteer
from geodata.names import normalise
from geodata.notes import note

Resolve = Callable[[str, tuple[str, ...], bool], Result]

_ORPHAN_TYPES = ("自治区", "省")
_COMMITTEE = re.compile("(管理委员会|管委会)$")
_GOVERNMENT = re.compile("(人民政府|政府)$")
# 浙江全省, 唐山市全域: the whole unit, of the level the word names
_WHOLE = re.compile("全(省|市|区|县|域|境|岛)$")
_ANY_LEVEL = ("province", "prefecture", "county")
_WHOLE_LEVELS = {
    "全省": ("province",),
    "全区": ("province", "county"),
    "全市": _ANY_LEVEL,  # a municipality, a prefecture or a county-level city
    "全县": ("county",),
    "全域": _ANY_LEVEL,
    "全境": _ANY_LEVEL,
    "全岛": ("province",),
}
# a village after its town: 斋堂镇|底下村, 宏村镇|宏村 (the town's own suffix ends the town)
_VILLAGE = re.compile("(?<=[镇乡])([\u4e00-\u9fff]{1,6}村)$")


def bracketed_unit(gz: Gazetteer, removed: tuple[str, ...]) -> tuple[str, str]:
    """The name of the province or prefecture a bracketed remark is, alone, and the
    remark as written (遂宁(四川) -> 四川省, 四川; 朝阳区(长春) -> 长春市, 长春);
    ("", "") for none. A county in brackets is another name (喀左县), no place."""
    for remark in removed:
        inner = normalise(remark[1:-1]) if remark[:1] in "(（" else ""
        hits = gz.aliases.get(inner, ()) if len(inner) >= 2 else ()
        found = {
            u.code: u.name
            for u in (gz.units[i] for i, _ in hits)
            if u.level in ("province", "prefecture") and u.current
        }
        # 吉林 is a province and a prefecture in it: the outer holds the name either way
        outer = [c for c in found if all(within(o, c) for o in found)]
        if outer:
            return found[outer[0]], inner
    return "", ""


def reread(s: str, context: tuple[str, ...], strict: bool, resolve: Resolve) -> Result | None:
    """The answer one of the forms gives `s` (normalised), or None."""
    if s.endswith("县城"):
        return _county_seat(s, context, strict, resolve)
    if s.endswith("区") and len(s) > 3:
        # 涿鹿县赵家蓬区: a county has no districts; an area below it written with 区 is
        # its district office (区公所), when the township list knows one
        office = resolve(s + "公所", context, strict)
        known = office.town and Method.UNIT_POINT not in office.method
        if office.status != UNMATCHED and known:
            office.add(note("district_office", name=office.town))
            return office
    orphan = next((t for t in _ORPHAN_TYPES if s.startswith(t)), "")
    if orphan and len(s) > len(orphan) + 1:
        # *自治区昭苏县: the province's name was lost in copying, its type word was not;
        # the type word starts a new province, so the list's context no longer holds
        rest = resolve(s[len(orphan) :], (), strict)
        if rest.status != UNMATCHED and rest.province.endswith(orphan):
            rest.add(note("orphan", text=orphan))
            return rest
    village = _VILLAGE.search(s)
    if village and village.start() > 1:
        # 斋堂镇底下村: a village lies in its town; the town is the answer, approximate
        found = resolve(s[: village.start()], context, strict)
        if found.status in (MATCHED, APPROXIMATE) and found.level == "town":
            found.status = APPROXIMATE
            found.reason = found.reason or why.VILLAGE
            found.add(note("village", village=village.group(1)))
            return found
    whole = _WHOLE.search(s)
    if whole and whole.start() > 1:
        # 浙江全省, 唐山市全域: the whole of the unit is the unit
        found = resolve(s[: whole.start()], context, strict)
        if found.status == MATCHED and found.level in _WHOLE_LEVELS[whole.group(0)]:
            found.add(note("whole_unit", word=whole.group(0)))
            return found
    if s.endswith("各区") and len(s) > 3:
        # 北京市各区: every district of the unit (the group 北京市市辖区)
        found = resolve(s[:-2] + "市辖区", context, strict)
        if found.status == MATCHED and found.members:
            return found
    if s.endswith("本级") and len(s) > 3:
        # 唐山市本级 (a budget line): the unit's own level is the unit
        found = resolve(s[:-2], context, strict)
        if found.status == MATCHED and found.level in ("province", "prefecture", "county"):
            found.add(note("own_level"))
            return found
    if s.endswith("市区") and len(s) > 3:
        # 唐山市区: a city's urban area is its districts (the group 唐山市市辖区)
        city = resolve(s[:-1], context, strict)
        if city.status == MATCHED and city.level == "prefecture":
            found = resolve(s[:-1] + "市辖区", context, strict)
            if found.status == MATCHED and found.members:
                found.add(note("urban_area"))
                return found
    government = _GOVERNMENT.search(s)
    if government and government.start() > 1:
        # 唐山市人民政府: a unit's government stands for the unit
        found = resolve(s[: government.start()], context, strict)
        if found.status != UNMATCHED and found.level != "zone":
            found.add(note("government"))
            return found
    committee = _COMMITTEE.search(s)
    if committee and committee.start() > 1:
        # 苏州工业园区管委会: a zone's management committee stands for the zone (an area
        # named after it, 长白山保护开发区管委会池北区, is no zone of its own: unmatched)
        found = resolve(s[: committee.start()], context, strict)
        if found.level == "zone" and found.status != UNMATCHED:
            found.add(note("committee"))
            return found
    return None


def _county_seat(
    s: str, context: tuple[str, ...], strict: bool, resolve: Resolve
) -> Result | None:
    """宽城县城, 代县县城: a county's seat town (县城), placed at a point of the county."""
    for head in (s[:-1], s[:-2]):  # 宽城县 + 城, 代县 + 县城
        if not head.endswith("县"):
            continue
        found = resolve(head, context, strict)
        if found.status == MATCHED and found.level == "county":
            found.level, found.town, found.status = "town", "县城", APPROXIMATE
            found.reason = found.reason or why.TOWN_POINT_UNKNOWN
            found.method |= Method.COUNTY_SEAT
            found.add(note("county_seat", county=head, unit=found.unit_name))
            return found
    return None
