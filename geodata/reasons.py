"""Why an answer is what it is: a stable code on each result (`Result.reason`), with its
text in English and Chinese for the CLI and the dashboard. The free-text `note` gives
the particulars (which name, which unit)."""

from __future__ import annotations

EMPTY = "empty"
NOT_A_PLACE = "not_a_place"
NOT_INSIDE = "not_inside"
NO_SUCCESSOR = "no_successor"
SEVERAL_PLACES = "several_places"
SEVERAL_TOWNS = "several_towns"
TOWN_WITHOUT_COUNTY = "town_without_county"
TOWN_UNKNOWN = "town_unknown"
OUTSIDE_CONTEXT = "outside_context"
GENERIC_ZONE = "generic_zone"
GROUP_UNKNOWN = "group_unknown"
TOWN_POINT_UNKNOWN = "town_point_unknown"
ZONE_NO_BOUNDARY = "zone_no_boundary"
RENAMED = "renamed"
MERGED = "merged"
GROUP = "group"
NEAR_NAME = "near_name"
NEAR_NAMES = "near_names"
ZONE_NAMED_AFTER = "zone_named_after_unit"
SPLIT = "split"
VILLAGE = "village"
OVER_BUDGET = "over_budget"
LIST_OVER_BUDGET = "list_over_budget"

# code -> (English, 中文)
REASONS: dict[str, tuple[str, str]] = {
    EMPTY: ("empty name", "名称为空"),
    NOT_A_PLACE: (
        "no province, prefecture, county or town has this name",
        "没有这个名称的省、市、县或乡镇",
    ),
    NOT_INSIDE: (
        "the end of the name is no unit, town or zone inside the part before it",
        "名称后半部分不是前面所写单位下的单位、乡镇或园区",
    ),
    NO_SUCCESSOR: (
        "a former unit with no recorded successor",
        "已撤销的单位，没有记录的继承单位",
    ),
    SEVERAL_PLACES: (
        "several places fit; add the province or prefecture",
        "有多个地方符合，请写明省或地级市",
    ),
    SEVERAL_TOWNS: ("several towns of this name lie in the unit", "该单位内有多个同名乡镇"),
    TOWN_WITHOUT_COUNTY: (
        "a town named without its county or province",
        "乡镇名未写明所属县或省",
    ),
    TOWN_UNKNOWN: (
        "looks like a town, but no town of this name is known",
        "看似乡镇，但没有这个名称的乡镇记录",
    ),
    OUTSIDE_CONTEXT: (
        "the only place of this name lies outside the province the line is about",
        "同名地方不在本行所写的省份内",
    ),
    GENERIC_ZONE: (
        "a generic zone name needs the unit it lies in",
        "通用园区名称需写明所在单位",
    ),
    GROUP_UNKNOWN: (
        "a group of districts that no curated table lists for this city",
        "该城市的这一区组不在整理的区组表中",
    ),
    TOWN_POINT_UNKNOWN: (
        "no point is known for the town; placed at a point inside its unit",
        "该乡镇没有坐标，置于所在单位内的一点",
    ),
    ZONE_NO_BOUNDARY: (
        "a zone has no boundary of its own; placed at a point inside its unit",
        "园区没有自身边界，置于所在单位内的一点",
    ),
    RENAMED: ("renamed or re-coded since publication", "发布后已更名或改码"),
    MERGED: ("merged into another unit since publication", "发布后已并入其他单位"),
    NEAR_NAME: (
        "no unit has this name; read as the only unit of the context one character away "
        "(a typing or OCR slip)",
        "没有这个名称的单位；按所在省内唯一只差一个字的单位理解（疑为录入或识别错误）",
    ),
    NEAR_NAMES: (
        "no unit has this name; several units of the context are one character away",
        "没有这个名称的单位；所在省内有多个只差一个字的单位",
    ),
    ZONE_NAMED_AFTER: (
        "a zone named after a unit, not the unit: placed at a point inside that unit, "
        "which it may not lie in",
        "以某单位命名的园区，并非该单位：置于该单位内的一点，园区未必在其境内",
    ),
    GROUP: ("a named group of units: every member is a pilot", "区组名称：其中每个单位均为试点"),
    VILLAGE: (
        "a village: placed at its town (or a point inside the town's unit)",
        "村：定位在所在乡镇（或乡镇所在单位内的一点）",
    ),
    OVER_BUDGET: (
        "too long, or too many ways to split it, to be read as one item; put each name "
        "on its own line or between 、",
        "条目过长或拆分方式过多，无法作为一个条目读取；请每行一个名称或用“、”分隔",
    ),
    LIST_OVER_BUDGET: (
        "not read: the list before it used up the work one list may take; split the list",
        "未读取：前面的条目已用尽一个名单的处理上限；请将名单分成几份",
    ),
    SPLIT: (
        "a former unit divided between several of today's units: choose one",
        "已撤销的单位，辖区分属今天的多个单位：请选择",
    ),
}


def reason_text(code: str, lang: str = "en") -> str:
    """The text of a reason code in `lang` ("en" or "zh"); "" for no code, the code itself
    for one this version does not know (a list saved by a newer version)."""
    if not code:
        return ""
    en, zh = REASONS.get(code, (code, code))
    return zh if lang == "zh" else en
