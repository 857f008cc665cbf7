"""What every column of a download means, in Chinese and English, and its coded values'
labels (geodata.exports.value_labels, shared with the UI): the headers and values of a `zh` file,
and the documentation sheet of an XLSX.

`en` files keep the stable snake_case names and raw codes (for code); `zh` files carry
the Chinese name of each column and the Chinese label of each coded value (for people).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import seeds
from geodata.basics.notes import catalogue, note_text
from geodata.exports.value_labels import LABELS

LANGS = ("zh", "en")
# "words": the app's own, in the file's language; "names": names and quotations of
# published text, as published; "codes": stable identifiers; "words+names": the app's
# words with the row's names as parameters (a geocoder note)
Content = Literal["words", "names", "codes", "words+names"]


@dataclass(frozen=True, slots=True)
class ColumnDoc:
    zh: str
    en_meaning: str
    zh_meaning: str
    values: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # code -> (zh, en)
    code: bool = False  # digits that must stay text (leading zeros, no scientific form)
    # what a person reads in it: the app's words (in the file's language), names or
    # quotations as published (in their own language), or stable codes; the language
    # test of every download holds each column to it (tests/dashboard/test_download_language.py)
    content: Content = "words"


_BATCH = {
    "1": ("第一批", "batch 1"),
    "2": ("第二批", "batch 2"),
    "3": ("第三批", "batch 3"),
    "1or2": ("第一或第二批（来源未说明）", "batch 1 or 2 (the source does not say)"),
}
_STATUS = LABELS["status"]
_MATCH = LABELS["match_status"]
_LEVEL = LABELS["level"]
_KIND = LABELS["kind"]
_GEOM = LABELS["geometry_kind"]
_MARK = LABELS["list_mark"]
_CATEGORY = LABELS["category"]
_EVIDENCE = LABELS["evidence_kind"]
_DOUBT = LABELS["doubt"]
_DATASET = LABELS["dataset_check"]
# what a label alone does not say, for the documentation sheet
_MEANING = {
    "official": "named in the batch's own notice, or in a saved list a person vouches for",
    "reported": "a newspaper, government site or journal states the batch",
    "unconfirmed": "one non-official source, or a batch inferred",
    "contradicted": "a source contradicts it; never shown or counted",
    "matched": "resolved to one unit",
    "ambiguous": "several units fit; see the candidates",
    "unmatched": "no unit fits; see the note",
    "notice": "the batch's own notice (or a saved list vouched for as it)",
    "press": "a newspaper, government site or journal",
    "encyclopedia": "an encyclopedia page or its copy; never more than unconfirmed",
    "dataset": "a research dataset's coding; never more than unconfirmed",
    "elimination": "the batch follows from the others being complete",
    "inference": "the batch inferred from a date or a series",
    "agrees": "the panel's first treated year is this batch's year",
    "differs": "the panel treats it first in another year",
    "untreated": "in the panel, never treated",
    "not_in_panel": "a city the panel does not have",
    "from_list": "the row comes from the saved list in use",
    "in_list": "a shipped member the list also has",
    "not_in_list": "a shipped member the list lacks",
}
# parts of a `method` code, joined by "+" (e.g. name+town:geonames): how a name was placed
# the parts of a `method` (geodata.geocode.answer.Method flags), from the one catalogue
_METHOD = {k: (v["zh"], v["en"]) for k, v in catalogue()["method"].items()}
# columns whose values are Chinese words: an `en` file gives their English label
_ENGLISH_LABELLED = ("category",)

DOCS: dict[str, ColumnDoc] = {
    "pilot_id": ColumnDoc(
        "编号",
        "stable id: batch and a hash of the name as published",
        "稳定编号：批次加公布名称的散列",
    ),
    "batch": ColumnDoc("批次", "the batch", "批次", _BATCH),
    "year": ColumnDoc("年份", "year of the batch's notice", "该批通知的年份"),
    "document": ColumnDoc("文件", "document number of the notice", "通知文号"),
    "category": ColumnDoc("类别", "kind of pilot", "试点类别", _CATEGORY),
    "status": ColumnDoc("来源状态", "how the membership is known", "成员身份的来源", _STATUS),
    "evidence_kind": ColumnDoc(
        "依据类型", "the kind of evidence the status rests on", "来源状态所依据的证据类型",
        _EVIDENCE,
    ),
    "doubt": ColumnDoc(
        "存疑原因", "why a row on notice or press evidence stays unconfirmed",
        "依据为通知或报道但仍未确认的原因", _DOUBT,
    ),
    "name_published": ColumnDoc(
        "公布名称", "the name exactly as the source prints it", "来源原文中的名称（保留繁体）"
    ),
    "name_en": ColumnDoc(
        "英文名称", "the place in English (pinyin), as the English page shows it",
        "地名的英文（拼音）写法，与英文界面一致",
    ),
    "name": ColumnDoc(
        "名称",
        "the name in simplified characters (pilots: the published name; research table: the "
        "unit's name today)",
        "简体名称（试点表：公布名称的简体写法；研究用表：单位今名称）"
    ),
    "province": ColumnDoc("省份", "province today", "今所在省份"),
    "prefecture": ColumnDoc("地级", "prefecture-level unit today", "今所在地级单位"),
    "county": ColumnDoc("县级", "county-level unit today", "今所在县级单位"),
    "town": ColumnDoc("镇", "town or zone, when the pilot is one", "试点为镇或开发区时的名称"),
    "level": ColumnDoc("层级", "administrative level of the unit found", "定位单位的层级", _LEVEL),
    "kind": ColumnDoc(
        "类型", "kind of member in the NDRC's count", "国家发展改革委统计口径中的类型", _KIND
    ),
    "adcode": ColumnDoc("行政区划代码", "today's six-digit code", "今六位行政区划代码", code=True),
    "adcode_then": ColumnDoc(
        "公布时代码", "the code when the list was published", "名单公布时的代码", code=True
    ),
    "unit_name": ColumnDoc("今名称", "the unit's name today", "单位今名称"),
    "renamed_from": ColumnDoc(
        "原名称", "the name before a change since publication", "公布后更名前的名称"
    ),
    "members": ColumnDoc(
        "所含单位代码",
        "codes of the units a group pilot covers",
        "一个试点涵盖多个单位时各单位的代码",
        code=True,
    ),
    "method": ColumnDoc("定位方法", "how the name was resolved", "名称的解析方法", _METHOD),
    "match_status": ColumnDoc("匹配结果", "how the name resolved", "名称解析结果", _MATCH),
    "note": ColumnDoc("说明", "why, for anything not matched exactly", "未精确匹配的原因"),
    "reason": ColumnDoc("原因代码", "the geocoder's reason code", "定位器的原因代码"),
    "candidates": ColumnDoc("候选", "possible units of an ambiguous name", "有歧义名称的候选单位"),
    "lon": ColumnDoc("经度", "longitude (WGS84) of a point", "点位经度（WGS84）"),
    "lat": ColumnDoc("纬度", "latitude (WGS84) of a point", "点位纬度（WGS84）"),
    "geometry_kind": ColumnDoc("定位方式", "what is drawn", "地图上绘制的方式", _GEOM),
    "sources": ColumnDoc("来源", "public documents and addresses", "公开文件与网址"),
    "evidence": ColumnDoc("依据", "a short quotation from the source", "来源中的简短引文"),
    "dataset_year": ColumnDoc(
        "数据集处理年份",
        "first treated year in a public research panel (GitHub Bingchen054/"
        "NTUPP_Spatial_Analysis, baseline.dta); prefecture-level rows only",
        "公开研究面板数据（GitHub Bingchen054/NTUPP_Spatial_Analysis，baseline.dta）中的"
        "首次处理年份；仅地级单位",
    ),
    "dataset_check": ColumnDoc(
        "数据集核对", "what that panel's coding says of the row", "该面板数据对该行的编码是否一致",
        _DATASET,
    ),
    "province_adcode": ColumnDoc(
        "省级代码", "today's code of the province", "今省级代码", code=True
    ),
    "list_mark": ColumnDoc(
        "名单核对", "what a saved list in use says about the row", "所用名单对该行的说明", _MARK
    ),
    "list_id": ColumnDoc(
        "名单编号",
        "the saved list the row comes from or is checked against",
        "该行来自或对照的名单编号",
    ),
    # geocoder rows (lists people bring)
    "input": ColumnDoc("输入名称", "the item as the list gives it", "名单中的原文"),
    "status_geocoder": ColumnDoc("匹配结果", "how the name resolved", "名称解析结果", _MATCH),
    # research table
    "first_batch": ColumnDoc(
        "最早批次",
        "first batch in which the unit, or one containing it, became a pilot",
        "该单位（或包含它的单位）最早成为试点的批次",
        _BATCH,
    ),
    "first_year": ColumnDoc("最早年份", "year of that batch", "该批次年份"),
    "via_level": ColumnDoc(
        "经由层级", "level of the pilot that covers the unit", "覆盖该单位的试点的层级", _LEVEL
    ),
    "via_pilot": ColumnDoc("经由试点", "the pilot that covers the unit", "覆盖该单位的试点"),
    "pilot_ids": ColumnDoc(
        "试点编号", "ids of every pilot covering the unit", "覆盖该单位的全部试点编号"
    ),
    "name_then": ColumnDoc("公布时名称", "the unit's name in that year", "该年份的单位名称"),
    "town_pilots": ColumnDoc("镇级试点", "town pilots inside the unit", "单位内的镇级试点"),
}

# Names and quotations as published (a document number, a unit's name, a source's words),
# and stable codes: a file in either language carries them as they are.
_NAMES = ("document", "name_published", "name_en", "name", "province", "prefecture", "county",
          "town", "unit_name", "renamed_from", "candidates", "sources", "evidence", "input",
          "via_pilot", "name_then", "town_pilots")
_CODES = ("pilot_id", "adcode", "adcode_then", "members", "province_adcode", "list_id",
          "pilot_ids")
DOCS.update({c: replace(DOCS[c], content="names") for c in _NAMES})
DOCS.update({c: replace(DOCS[c], content="codes") for c in _CODES})
DOCS["note"] = replace(DOCS["note"], content="words+names")


def _reason_text(code: str, lang: str) -> str:
    """The geocoder's reason code in words (geodata.geocode.reasons, once the geocoder has it)."""
    import importlib

    try:
        reasons = importlib.import_module("geodata.geocode.reasons")
        return str(reasons.reason_text(code, lang))
    except (ImportError, KeyError, AttributeError):
        return code


def method_text(code: str, lang: str) -> str:
    """A `method` column in words, flag by flag (geodata/basics/notes.toml, [method.*])."""
    from geodata.basics.notes import render
    from geodata.geocode.answer import Method

    sep = "＋" if lang == "zh" else " + "
    flags = [m.name.lower() for m in Method if m in Method.parse(code) and m.name]
    return sep.join(render("method", f, {}, lang) for f in flags or ["none"])


def doc_for(column: str, *, geocoder: bool = False) -> ColumnDoc:
    if geocoder and column == "status":
        return DOCS["status_geocoder"]
    return DOCS.get(column) or ColumnDoc(column, "", "")


def header(columns: Sequence[str], lang: str, *, geocoder: bool = False) -> list[str]:
    if lang == "en":
        return list(columns)
    return [doc_for(c, geocoder=geocoder).zh for c in columns]


def cell(column: str, value: object, lang: str, *, geocoder: bool = False) -> object:
    """A value as a `lang` file shows it: coded values labelled in Chinese, the 1-or-2
    batch as `1or2`, None as empty."""
    if value is None:
        return ""
    if column in ("batch", "first_batch") and value == seeds.BATCH_1_OR_2:
        value = "1or2"
    if column == "note":
        return note_text(str(value), lang)
    if lang == "en":
        if column in _ENGLISH_LABELLED and value in doc_for(column).values:
            return doc_for(column).values[str(value)][1]
        return value
    if column == "method" and value:
        return method_text(str(value), lang)
    if column == "reason" and value:
        return _reason_text(str(value), lang)
    doc = doc_for(column, geocoder=geocoder)
    if doc.values:
        return doc.values.get(str(value), (value,))[0] if value != "" else ""
    return value


def localised(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    lang: str,
    *,
    geocoder: bool = False,
) -> tuple[list[str], list[list[object]]]:
    """(header, body) of a table in `lang`."""
    body = [[cell(c, r.get(c), lang, geocoder=geocoder) for c in columns] for r in rows]
    return header(columns, lang, geocoder=geocoder), body


def doc_rows(columns: Sequence[str], lang: str = "zh", *, geocoder: bool = False
             ) -> list[list[str]]:
    """One row per column in `lang`: its name (and code), meaning and allowed values,
    each value's code with its label (an English file writes the codes themselves)."""
    out = []
    for c in columns:
        d = doc_for(c, geocoder=geocoder)
        if lang == "en":
            values = "; ".join(f"{k} = {en} ({_MEANING[k]})" if k in _MEANING
                               else f"{k} = {en}" for k, (_, en) in d.values.items())
            out.append([c, d.en_meaning, values])
        else:
            values = "；".join(f"{k} = {zh}" for k, (zh, _) in d.values.items())
            out.append([d.zh, c, d.zh_meaning, values])
    return out
