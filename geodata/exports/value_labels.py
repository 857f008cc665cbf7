"""One label per coded value, in Chinese and English: what a Chinese download writes in
the cell and what the UI shows in a table, a filter or a legend.

Keyed by the column that holds the code (a registry or geocoder column). The dashboard's
catalogue takes every label as the text key `<field>_<code>` (dashboard/i18n), so the UI
and the downloads cannot drift apart. One wording per value, short enough for a legend and
plain in a table cell: e.g. 省级（全省）, because 省级 alone reads as 省级试点 (a pilot a
province named), not a whole province that is a national pilot.
"""

from __future__ import annotations

from typing import Final

LABELS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    # administrative level of the unit found (geocoder and registry `level`)
    "level": {
        "province": ("省级（全省）", "Province (whole)"),
        "prefecture": ("地级", "Prefecture"),
        "county": ("县级", "County"),
        "town": ("镇", "Town"),
        "zone": ("开发区/新区", "Zone"),
        "group": ("多个单位", "Group of units"),  # 重庆市主城九区: one name, several units
    },
    # how a pilot's membership is known (seeds.STATUSES)
    "status": {
        "official": ("官方名单", "Official list"),
        "reported": ("公开报道", "Reported"),
        "unconfirmed": ("未确认", "Unconfirmed"),
        "contradicted": ("与来源矛盾", "Contradicted"),
    },
    # what a member's status rests on (seeds.EVIDENCE_KINDS)
    "evidence_kind": {
        "notice": ("批次通知", "The batch's notice"),
        "press": ("报道", "Press"),
        "encyclopedia": ("百科", "Encyclopedia"),
        "dataset": ("研究数据集", "Research dataset"),
        "elimination": ("排除法", "By elimination"),
        "inference": ("推断", "Inference"),
    },
    # why a row on notice or press evidence is still unconfirmed (seeds.DOUBTS)
    "doubt": {
        "single_source": ("仅一个来源", "One source only"),
        "unofficial_repost": ("来历不明的转载", "A repost of unknown origin"),
        "year_inconsistent": ("来源年份矛盾", "The source's year is inconsistent"),
        "batch_not_stated": ("未说明批次", "The batch is not stated"),
        "source_not_recorded": ("来源出处未记录", "Where the source is was not recorded"),
        "may_not_be_pilot": ("可能并非试点", "May cite a place that is no pilot"),
    },
    # what the research panel's coding says of a row (geodata.registry.evidence.DATASET_CHECKS)
    "dataset_check": {
        "agrees": ("数据集一致", "Dataset agrees"),
        "differs": ("数据集年份不同", "Dataset gives another year"),
        "untreated": ("数据集未列为试点", "Dataset: never treated"),
        "not_in_panel": ("不在数据集中", "Not in the dataset"),
    },
    # how a name resolved (geocoder `status`, registry `match_status`)
    "match_status": {
        "matched": ("已匹配", "Matched"),
        "approximate": ("位置近似", "Approximate"),
        "ambiguous": ("有歧义", "Ambiguous"),
        "unmatched": ("未匹配", "Unmatched"),
    },
    # NDRC's kind of member (registry.KINDS)
    "kind": {
        "province": ("全省", "Whole province"),
        "municipality": ("直辖市", "Municipality"),
        "plan_listed": ("计划单列市", "Plan-listed city"),
        "capital": ("省会城市", "Provincial capital"),
        "prefecture": ("地级市", "Prefecture-level city"),
        "county": ("县级市/县/区", "County-level unit"),
        "town": ("建制镇", "Town"),
    },
    # what the map draws for a pilot
    "geometry_kind": {
        "boundary": ("行政区边界", "Administrative boundary"),
        "town_point": ("镇的点位", "Town point"),
        "approximate": ("近似位置（所在单位内一点）", "Approximate (a point inside the unit)"),
    },
    "category": {
        "综合试点": ("综合试点", "Comprehensive pilot"),
        "农村土地制度改革试点": ("农村土地制度改革试点", "Rural land-system reform pilot"),
    },
    # what a saved list in use says about a row (registry.LIST_MARKS)
    "list_mark": {
        "from_list": ("来自所用名单", "From the list in use"),
        "in_list": ("名单中也有", "Also in the list"),
        "not_in_list": ("名单中没有", "Not in the list"),
    },
}


def label(field: str, code: str, lang: str) -> str:
    """`code`'s label in `lang`; an unknown field or code stays as it is."""
    pair = LABELS.get(field, {}).get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]


def text_keys() -> dict[str, tuple[str, str]]:
    """Every label as a UI text key `<field>_<code>` -> (zh, en)."""
    return {f"{field}_{code}": pair for field, codes in LABELS.items()
            for code, pair in codes.items()}
