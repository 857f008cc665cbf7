"""Every form a name is read in besides a chain of administrative names, in one table.

A row is a form: its pattern, where it may apply, the levels of the answer it accepts, its
cost in the score, an example and the source that justifies it. When the text is no chain
of names (or only one character off one), every form whose pattern matches gives an
*alternative reading* of a part of the text, resolved the usual way; all readings, the
plain one included, are ranked by one key (`reading_key`: the surest status, then the
cheapest form), and two readings tied at the best key that end in different places make
the answer `ambiguous`. No form wins because it comes first.

The chain itself (a province, prefecture, county, then a town or zone) is name_chains';
the shapes of a list (separators, 和/及/与, counts, numbering) are lists'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.geocode import reasons as why
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Method, Result
from geodata.geocode.gazetteer import PLACEHOLDER_NAMES, Gazetteer
from geodata.geocode.names import normalise

Resolve = Callable[[str, tuple[str, ...], bool], Result]
_ANY = ("province", "prefecture", "county", "town", "zone", "group")
_UNITS = ("province", "prefecture", "county")
# words that name no unit by themselves: a city's urban area, the seat, the whole, and
# GB2260's heading rows (市辖区: 昌都市市辖区 is a group, a bare 市辖区 is nobody's)
PLACEHOLDERS = frozenset(
    {"市区", "县城", "本级", "市本级", "县本级", "全省", "全市", "全县", "全区", "全域", "全境"}
    | {"全岛"} | PLACEHOLDER_NAMES
)


@dataclass(frozen=True, slots=True)
class Form:
    code: str  # its note, when it gives the answer (notes.toml [note.*])
    pattern: re.Pattern[str]  # group "head": the part read the usual way
    applies: str  # where it may apply
    levels: tuple[str, ...]  # the levels of an answer the form accepts
    statuses: tuple[str, ...]  # the statuses of an answer the form accepts
    cost: int  # in the score: a cheaper form wins a tie of status
    example: str
    source: str  # what justifies reading it so
    suffix: str = ""  # appended to the head before it is read (涿鹿县赵家蓬区 + 公所)
    context_free: bool = False  # the head is read without the list's context
    reader: str = "units"  # what reads the head: units (a chain of names) or zones (the list)
    whole: bool = False  # tried before the name is split: it competes with every reading


_CONFIDENT = (MATCHED, APPROXIMATE)
_ANSWERED = (MATCHED, APPROXIMATE, AMBIGUOUS)
_WHOLE_LEVELS = {
    "全省": ("province",),
    "全区": ("province", "county"),
    "全市": _UNITS,  # a municipality, a prefecture or a county-level city
    "全县": ("county",),
    "全域": _UNITS,
    "全境": _UNITS,
    "全岛": ("province",),
}

FORMS: tuple[Form, ...] = (
    Form("county_seat", re.compile(r"^(?P<head>.+县)城$"), "a county's name then 城",
         ("county",), (MATCHED,), 2, "宽城县城",
         "县城: the seat town of a county (现代汉语词典)"),
    Form("county_seat", re.compile(r"^(?P<head>.+县)县城$"), "a county's name then 县城",
         ("county",), (MATCHED,), 2, "代县县城",
         "县城: the seat town of a county (现代汉语词典)"),
    Form("district_office", re.compile(r"^(?P<head>.{3,}区)$"),
         "an area below a county written with 区, known to the township list",
         ("town",), _ANSWERED, 2, "涿鹿县赵家蓬区",
         "区公所: a county's district office (township list, quhua)", suffix="公所"),
    Form("orphan", re.compile(r"^(?:自治区|省)(?P<head>.{2,})$"),
         "a province's type word whose name was lost in copying", _ANY, _ANSWERED, 3,
         "*自治区昭苏县", "copies with a censored province name (issue 10)", context_free=True),
    Form("village", re.compile(r"^(?P<head>.+[镇乡])(?P<word>[\u4e00-\u9fff]{2,12})$"),
         "a village (or a hamlet, a street of one) after its town", ("town",), _CONFIDENT, 2,
         "门头沟区斋堂镇底下村",
         "a village lies in its town (中国传统村落名录 lists villages so, at times with the "
         "hamlet after the village: 来凤县革勒车乡鼓架山村铁匠沟)"),
    Form("whole_unit", re.compile(r"^(?P<head>.{2,})(?P<word>全[省市区县域境岛])$"),
         "a unit then 全省/全市/全县…: the whole unit", _UNITS, (MATCHED,), 1, "浙江全省",
         "全省/全市: the whole of the unit (provincial notices)"),
    Form("districts_each", re.compile(r"^(?P<head>.{2,})各区$"),
         "a city then 各区: every district of it", ("group",), (MATCHED,), 1, "北京市各区",
         "各区: every district (the group 市辖区)", suffix="市辖区"),
    Form("own_level", re.compile(r"^(?P<head>.{2,})本级$"),
         "a unit then 本级 (a budget line): the unit's own level", _UNITS, (MATCHED,), 1,
         "唐山市本级", "本级: a unit's own level in budget tables (财政部 notices)"),
    Form("urban_area", re.compile(r"^(?P<head>.{2,}市)区$"),
         "a prefecture-level city then 区: its districts", ("group",), (MATCHED,), 1,
         "唐山市区", "市区: a city's urban districts (the group 市辖区)", suffix="市辖区"),
    Form("government", re.compile(r"^(?P<head>.{2,}?)(?:人民政府|政府)$"),
         "a unit's government", ("province", "prefecture", "county", "town", "group"),
         _ANSWERED, 1, "唐山市人民政府", "a government stands for its unit"),
    Form("count_closer",
         re.compile(r"^(?P<head>.{2,}?)(?P<word>等?[0-9０-９两二三四五六七八九十]+[个個]?[县市区旗州盟])$"),
         "a count after the last item of an enumeration", _ANY, _ANSWERED, 1, "德清两县",
         "安吉、德清两县, 合肥市、芜湖市等5市: a count closes a list (provincial notices)"),
    Form("committee", re.compile(r"^(?P<head>.{2,}?)(?:管理委员会|管委会)$"),
         "a zone's management committee", ("zone",), _ANSWERED, 1, "苏州工业园区管委会",
         "a management committee runs its zone (开发区 notices)"),
    # a zone the national list names is read whole before its name is split: cheaper than
    # any split of it (上海市北工业园区 is no 上海市 + 北工业园区)
    Form("zone_listed", re.compile(r"^(?P<head>.{4,}?)(?P<word>管理委员会|管委会)?$"),
         "a zone the national list of economic function zones names, with or without its "
         "province or 管委会", ("zone",), (APPROXIMATE, AMBIGUOUS), -1, "漕河泾新兴技术开发区",
         "全国主要经济功能区 (national standard; seeds/data/dev_zones.csv)", reader="zones",
         whole=True),
    Form("zone_listed", re.compile(r"^(?P<head>.{4,}?)(?P<word>管理委员会|管委会)?$"),
         "a listed zone's own name, then other words of a zone's kind (an own name that is "
         "a unit's only where the list's province holds no such unit)",
         ("zone",), (APPROXIMATE, AMBIGUOUS), 1, "漕河泾开发区",
         "a zone keeps its own name when its kind is written otherwise (上海市北工业园区 is "
         "written 市北高新技术服务业园区)",
         reader="zone_names", whole=True),
)


_WHOLE_FORMS = tuple(form for form in FORMS if form.whole)  # tried on every name


def reading_key(res: Result, cost: int) -> tuple[int, int]:
    """The one key every reading of a name is ranked by: the surest status (matched,
    approximate, ambiguous), then the cheapest form (the plain reading costs 0, a name
    one character off a unit more than any form)."""
    rank = {MATCHED: 3, APPROXIMATE: 2, AMBIGUOUS: 1}.get(res.status, 0)
    return rank, -cost


NEAR_COST = settings.NEAR_NAME_COST


def alternatives(s: str, context: tuple[str, ...], strict: bool,
                 readers: Mapping[str, Resolve], *, whole_only: bool = False
                 ) -> list[tuple[Result, int]]:
    """Every reading the forms give `s` (normalised), each with its cost; with
    `whole_only`, those of the forms tried before a name is split."""
    out = []
    for form in _WHOLE_FORMS if whole_only else FORMS:
        m = form.pattern.match(s)
        if m is None:
            continue
        head = m.group("head")
        read = readers[form.reader]
        found = read(head + form.suffix, () if form.context_free else context, strict)
        if found.status not in form.statuses or found.level not in form.levels:
            continue
        if not _fits(form, found, m):
            continue
        _mark(form, found, m)
        out.append((found, form.cost))
    return out


def _fits(form: Form, found: Result, m: re.Match[str]) -> bool:
    if form.code == "whole_unit":
        return found.level in _WHOLE_LEVELS[m.group("word")]
    if form.code == "orphan":  # the type word starts a province of that kind
        return found.province.endswith(m.group(0)[: len(m.group(0)) - len(m.group("head"))])
    if form.code == "district_office":  # the township list must know the office
        return bool(found.town) and Method.UNIT_POINT not in found.method
    if form.code in ("districts_each", "urban_area"):
        return bool(found.members)
    return True


def _mark(form: Form, found: Result, m: re.Match[str]) -> None:
    """The answer as the form reads it, and its note."""
    if form.code == "county_seat":
        county = m.group("head")
        found.level, found.town, found.status = "town", "县城", APPROXIMATE
        found.reason = found.reason or why.TOWN_POINT_UNKNOWN
        found.method |= Method.COUNTY_SEAT
        found.add(note("county_seat", county=county, unit=found.unit_name))
    elif form.code == "district_office":
        found.add(note("district_office", name=found.town))
    elif form.code == "orphan":
        found.add(note("orphan", text=m.group(0)[: len(m.group(0)) - len(m.group("head"))]))
    elif form.code == "village":
        found.status = APPROXIMATE
        found.reason = found.reason or why.VILLAGE
        found.add(note("village", village=m.group("word")))
    elif form.code == "whole_unit":
        found.add(note("whole_unit", word=m.group("word")))
    elif form.code == "count_closer":
        found.add(note("count_closer", words=m.group("word")))
    elif form.code in ("own_level", "urban_area", "districts_each", "government", "committee"):
        found.add(note(form.code))
    elif form.code == "zone_listed" and m.group("word"):
        found.add(note("committee"))


def best_reading(s: str, readings: list[tuple[Result, int]]) -> Result | None:
    """The reading with the best key; several that tie and end in different places are
    offered as candidates, never picked."""
    if not readings:
        return None
    top = max(reading_key(r, c) for r, c in readings)
    if top[0] == 0:
        return None
    best = [r for r, c in readings if reading_key(r, c) == top]
    places = {(r.adcode, r.town) for r in best}
    if len(places) == 1:
        return best[0]
    cands = sorted({f"{r.adcode} {r.province}{r.prefecture}{r.county}{r.town}" for r in best})
    return Result("", AMBIGUOUS, method=Method.NAME, candidates=" | ".join(cands),
                  reason=why.SEVERAL_PLACES,
                  notes=(note("several_places", n=len(places), name=s),))


def bracketed_unit(gz: Gazetteer, removed: tuple[str, ...]) -> tuple[str, str]:
    """The form `name(province)`: the name of the province or prefecture a bracketed
    remark is, alone, and the remark as written (遂宁(四川) -> 四川省, 四川; 朝阳区(长春) ->
    长春市, 长春); ("", "") for none. A county in brackets is another name (喀左县), no
    place."""
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


def placeholder(s: str) -> bool:
    """市区, 县城, 全省: a word that names no unit by itself (never answered alone)."""
    return s in PLACEHOLDERS


__all__ = ["FORMS", "NEAR_COST", "UNMATCHED", "Form", "Resolve", "alternatives", "best_reading",
           "bracketed_unit", "placeholder", "reading_key"]
