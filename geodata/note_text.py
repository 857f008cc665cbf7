"""The geocoder's notes, and the reasons a list is refused, written in Chinese (or
English), particulars included, so a Chinese user reads in Chinese why a name was placed
as it was, or why a file was not read.

The geocoder writes a note of `; `-joined parts in English, with the names and codes
involved; its stable code is `Result.reason` (geodata.reasons, issue 8). Each part is
recognised here by its pattern and written in a language; a part no pattern knows is kept
as it is (visible, never dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    pattern: re.Pattern[str]
    zh: str
    en: str


def _r(code: str, pattern: str, zh: str, en: str) -> Reason:
    # a value never holds "; " (that joins the parts of a note)
    return Reason(code, re.compile(pattern.replace(".+", "[^;]+") + r"$"), zh, en)


REASONS: tuple[Reason, ...] = (
    _r("empty", r"empty name", "名称为空", "empty name"),
    _r("ambiguous", r"(?P<n>\d+) places fit '(?P<name>.+)'; add the province or prefecture",
       "有 {n} 个地方符合“{name}”：请加上省或地级市", "{n} places fit “{name}”; add the province "
       "or prefecture"),
    _r("bare_name", r"a bare name: read as (?P<unit>.+), not (?P<inner>.+)",
       "只写了专名：读作{unit}，而非{inner}", "a bare name: read as {unit}, not {inner}"),
    _r("abolished", r"(?P<name>.+) \((?P<code>\d+)\) is last listed in GB2260 (?P<rev>\d+); "
       r"no successor unit is recorded",
       "{name}（{code}）最后见于 GB2260 {rev} 版，没有记录继承单位",
       "{name} ({code}) is last listed in GB2260 {rev}; no successor unit is recorded"),
    _r("renamed", r"(?P<old>.+) became (?P<new>.+?)(?: \((?P<year>[^)]+)\))?",
       "{old}已改为{new}{year_zh}", "{old} became {new}{year_en}"),
    _r("gb2260_code", r"GB2260 (?P<rev>\d+) lists it with code (?P<code>\d+)",
       "GB2260 {rev} 版代码为 {code}", "GB2260 {rev} lists it with code {code}"),
    _r("zone_point", r"zone point: (?P<source>.+)", "开发区点位来源：{source}",
       "zone point: {source}"),
    _r("zone_no_boundary", r"(?P<zone>.+) has no boundary of its own; placed at a point inside "
       r"(?P<unit>.+)", "{zone}没有自己的边界：定位在{unit}内的一点",
       "{zone} has no boundary of its own; placed at a point inside {unit}"),
    _r("zone_named_after", r"(?P<zone>.+) is a zone named after (?P<unit>.+); placed at a "
       r"point inside (?P<place>.+)", "{zone}是以{unit}命名的园区：定位在{place}内的一点",
       "{zone} is a zone named after {unit}; placed at a point inside {place}"),
    _r("towns_same_name", r"(?P<n>\d+) towns named (?P<town>.+) in (?P<unit>.+)",
       "{unit}有 {n} 个名为{town}的镇", "{n} towns named {town} in {unit}"),
    _r("town_no_point", r"no point known for (?P<town>.+); placed at a point inside (?P<unit>.+)",
       "没有{town}的点位：定位在{unit}内的一点",
       "no point known for {town}; placed at a point inside {unit}"),
    _r("town_unknown", r"(?P<name>.+) looks like a town but no county is given and the town "
       r"index has no place of that name; add its county",
       "“{name}”像是镇名，但没有给出县，镇名表中也没有：请加上所在县",
       "{name} looks like a town but no county is given and the town index has no place of "
       "that name; add its county"),
    _r("town_without_county", r"a town named without its county: (?P<n>\d+) known place\(s\) "
       r"called (?P<name>.+); add the county",
       "镇名没有给出所在县：已知 {n} 处叫“{name}”：请加上县",
       "a town named without its county: {n} known place(s) called {name}; add the county"),
    _r("not_inside", r"'(?P<rest>.+)' is not a known unit, town or zone inside (?P<unit>.+)",
       "“{rest}”不是{unit}内已知的行政区、镇或开发区",
       "“{rest}” is not a known unit, town or zone inside {unit}"),
    _r("unknown", r"no province, prefecture, county or town is named '(?P<name>.+)'",
       "没有名为“{name}”的省、地级、县级单位或镇",
       "no province, prefecture, county or town is named “{name}”"),
    _r("merged", r"(?P<old>.+) was merged into (?P<new>.+?)(?: \((?P<year>[^)]+)\))?",
       "{old}已并入{new}{year_zh}", "{old} was merged into {new}{year_en}"),
    _r("group", r"(?P<name>.+): (?P<n>\d+) units \((?P<units>.+)\)",
       "{name}：{n} 个单位（{units}）", "{name}: {n} units ({units})"),
    _r("source_districts", r"source: every district \(区\) of the unit in the boundary files",
       "来源：边界数据中该单位的每个区",
       "source: every district (区) of the unit in the boundary files"),
    _r("source", r"source: (?P<source>.+)", "来源：{source}", "source: {source}"),
    _r("address", r"(?P<url>https?://\S+)", "{url}", "{url}"),
    _r("township", r"(?P<town>.+) is a township of (?P<unit>.+) \(township list\)",
       "{town}是{unit}下的乡镇（乡镇表）", "{town} is a township of {unit} (township list)"),
    _r("placed_inside", r"placed at a point inside (?P<unit>.+)", "定位在{unit}内的一点",
       "placed at a point inside {unit}"),
    _r("generic_zone", r"'(?P<name>.+)' names no zone without the unit it lies in",
       "“{name}”须写明所在单位才能确定是哪个园区",
       "“{name}” names no zone without the unit it lies in"),
    _r("group_unknown", r"'(?P<name>.+)' names a group of districts that no curated table lists",
       "“{name}”所指的区组不在整理的区组表中",
       "“{name}” names a group of districts that no curated table lists"),
    _r("outside_context", r"not in (?P<province>.+): the only reading is (?P<where>.+)",
       "不在{province}：唯一的读法是{where}", "not in {province}: the only reading is {where}"),
    _r("orphan", r"'(?P<text>.+)' without a name before it ignored",
       "“{text}”前面没有名称，已忽略", "“{text}” without a name before it ignored"),
    _r("near", r"one character away: (?P<names>.+)", "只差一个字的有：{names}",
       "one character away: {names}"),
    _r("near_name", r"'(?P<rest>.+)' is no unit; read as (?P<unit>.+), the only one "
       r"(?P<alike>that sounds the same )?one character away",
       "“{rest}”不是行政区名：读作{unit}（唯一{alike_zh}只差一个字的单位）",
       "“{rest}” is no unit; read as {unit}, the only one {alike}one character away"),
    _r("split", r"(?P<name>.+) \((?P<code>\d+)\) was divided between (?P<units>.+) "
       r"\((?P<year>\d+)\)", "{name}（{code}）{year}年已分属{units_zh}",
       "{name} ({code}) was divided between {units} ({year})"),
    _r("county_seat", r"the seat \(县城\) of (?P<county>.+)", "{county}的县城",
       "the seat (县城) of {county}"),
    _r("government", r"read as the unit its government runs", "按其人民政府所在单位理解",
       "read as the unit its government runs"),
    _r("committee", r"read as the zone its management committee runs", "按其管委会所管园区理解",
       "read as the zone its management committee runs"),
    _r("type_word", r"(?P<old>[^\sA-Za-z;:]+): read as (?P<new>[^\sA-Za-z;]+)", "{old}：即{new}",
       "{old}: read as {new}"),
    _r("read_as", r"read as (?P<name>[^\sA-Za-z;]+)", "读作{name}", "read as {name}"),
    _r("bracketed_province", r"read in (?P<province>.+), the unit in brackets",
       "按括号中的{province}理解", "read in {province}, the unit in brackets"),
    _r("village", r"the village (?P<village>.+): placed at its town", "{village}：定位在所在乡镇",
       "the village {village}: placed at its town"),
    _r("whole_unit", r"(?P<word>全.): the whole unit", "{word}：即该单位全境",
       "{word}: the whole unit"),
    _r("in_brackets", r"in brackets after (?P<unit>.+)", "写在{unit}后的括号中",
       "in brackets after {unit}"),
    _r("count_closer", r"'(?P<words>.+)' closes the list", "“{words}”是名单末尾的计数",
       "“{words}” closes the list"),
    _r("urban_area", r"市区: read as the city's districts", "市区：按该市的市辖区理解",
       "市区: read as the city's districts"),
    _r("own_level", r"本级: the unit's own level, read as the unit", "本级：按该单位本身理解",
       "本级: the unit's own level, read as the unit"),
    _r("chosen", r"chosen by hand: (?P<path>.+)", "人工选择：{path}", "chosen by hand: {path}"),
    _r("corrected", r"corrected by hand to '(?P<text>.+)'", "人工改为“{text}”",
       "corrected by hand to “{text}”"),
)
CODES: tuple[str, ...] = tuple(r.code for r in REASONS)

# Why a list was not read (geodata.inputs, listwork, isolated, tables): one line each.
_N = r"(?P<n>[\d,.]+)"
REFUSALS: tuple[Reason, ...] = (
    _r("empty_list", r"the list is empty", "名单为空", "the list is empty"),
    _r("no_names", r"the (?P<what>list|file|sheet) holds no names",
       "{what_zh}中没有名称", "the {what} holds no names"),
    _r("separators_only", r"the list holds no names, only separators",
       "名单中只有分隔符，没有名称", "the list holds no names, only separators"),
    _r("too_many_items", rf"the list has more than the limit of {_N} items",
       "名单超过 {n} 项的上限", "the list has more than the limit of {n} items"),
    _r("too_many_rows", rf"{_N} rows is more than the limit of (?P<m>[\d,.]+)",
       "{n} 行，超过 {m} 行的上限", "{n} rows is more than the limit of {m}"),
    _r("too_large", rf"the file is {_N} MB; the limit is (?P<m>[\d,.]+) MB",
       "文件为 {n} MB，上限为 {m} MB", "the file is {n} MB; the limit is {m} MB"),
    _r("file_type", r"(?P<ext>.+) files are not read; use \.txt, \.csv or \.xlsx",
       "不读取 {ext} 文件：请用 .txt、.csv 或 .xlsx", "{ext} files are not read; use .txt, "
       ".csv or .xlsx"),
    _r("name_nul", r"the file name contains a NUL character; rename the file",
       "文件名含有 NUL 字符：请重命名文件", "the file name contains a NUL character; rename "
       "the file"),
    _r("name_long", r"the file name is longer than 255 characters; rename the file",
       "文件名超过 255 个字符：请重命名文件", "the file name is longer than 255 characters; "
       "rename the file"),
    _r("utf16", r"the text starts like UTF-16 but is not valid UTF-16",
       "文本开头像 UTF-16 编码，却不是有效的 UTF-16", "the text starts like UTF-16 but is not "
       "valid UTF-16"),
    _r("encoding", r"the text is neither UTF-8 nor GB18030/GBK; save it in one of those",
       "文本既不是 UTF-8 也不是 GB18030/GBK 编码：请另存为其中一种",
       "the text is neither UTF-8 nor GB18030/GBK; save it in one of those"),
    _r("binary_nul", r"this looks like a binary file \(it contains NUL bytes\), not a text list",
       "这像是二进制文件（含有 NUL 字节），不是文本名单",
       "this looks like a binary file (it contains NUL bytes), not a text list"),
    _r("binary_control", r"this looks like a binary file \(many control characters\), not text",
       "这像是二进制文件（控制字符很多），不是文本",
       "this looks like a binary file (many control characters), not text"),
    _r("csv_cells", rf"the CSV has more than {_N} cells", "CSV 超过 {n} 个单元格的上限",
       "the CSV has more than {n} cells"),
    _r("csv_broken", r"the CSV cannot be read: (?P<detail>.+)", "无法读取 CSV：{detail}",
       "the CSV cannot be read: {detail}"),
    _r("sheet_rows", rf"the sheet has more than {_N} rows", "工作表超过 {n} 行的上限",
       "the sheet has more than {n} rows"),
    _r("sheet_cells", rf"the sheet has more than {_N} cells", "工作表超过 {n} 个单元格的上限",
       "the sheet has more than {n} cells"),
    _r("no_sheet", r"the \.xlsx file has no sheet", ".xlsx 文件中没有工作表",
       "the .xlsx file has no sheet"),
    _r("not_zip", r"the \.xlsx file cannot be opened: it is not a valid zip file",
       "无法打开 .xlsx 文件：它不是有效的 zip 文件",
       "the .xlsx file cannot be opened: it is not a valid zip file"),
    _r("zip_parts", rf"the \.xlsx file holds {_N} parts; that is not a list",
       ".xlsx 文件含有 {n} 个部件，不是名单", "the .xlsx file holds {n} parts; that is not a list"),
    _r("zip_size", rf"the \.xlsx file unpacks to {_N} MB; the limit is (?P<m>[\d,.]+) MB",
       ".xlsx 文件解压后为 {n} MB，上限为 {m} MB",
       "the .xlsx file unpacks to {n} MB; the limit is {m} MB"),
    _r("zip_ratio", rf"the \.xlsx file is compressed {_N} to 1 \(a zip bomb\?\); it is not read",
       ".xlsx 文件的压缩比为 {n}:1（疑似压缩炸弹），不予读取",
       "the .xlsx file is compressed {n} to 1 (a zip bomb?); it is not read"),
    _r("xml_entities", r"the \.xlsx file declares XML entities \(an entity bomb or an external "
       r"reference\); it is not read", ".xlsx 文件声明了 XML 实体（实体炸弹或外部引用），不予读取",
       "the .xlsx file declares XML entities (an entity bomb or an external reference); it "
       "is not read"),
    _r("xml_damaged", r"the \.xlsx file's XML is damaged \(truncated or malformed\)",
       ".xlsx 文件的 XML 已损坏（截断或格式错误）",
       "the .xlsx file's XML is damaged (truncated or malformed)"),
    _r("xlsx_memory", r"the \.xlsx file needs more memory to read than a list may use",
       "读取该 .xlsx 文件所需的内存超过名单的上限",
       "the .xlsx file needs more memory to read than a list may use"),
    _r("zip_damaged", r"the \.xlsx file is a damaged zip file", ".xlsx 文件是损坏的 zip 文件",
       "the .xlsx file is a damaged zip file"),
    _r("xlsx_other", r"the \.xlsx file cannot be opened \((?P<kind>\w+)\)",
       "无法打开 .xlsx 文件（{kind}）", "the .xlsx file cannot be opened ({kind})"),
    _r("no_defusedxml", r"xlsx files are not read here \(defusedxml is not installed\)",
       "此处不读取 xlsx 文件（未安装 defusedxml）",
       "xlsx files are not read here (defusedxml is not installed)"),
    _r("read_slow", rf"reading the file took more than {_N} s; it is not read",
       "读取文件超过 {n} 秒，不予读取", "reading the file took more than {n} s; it is not read"),
    _r("read_costly", r"reading the file needs more memory or time than a list may use",
       "读取文件所需的内存或时间超过名单的上限",
       "reading the file needs more memory or time than a list may use"),
    _r("unreadable", r"the file could not be read", "无法读取该文件", "the file could not be read"),
    _r("no_column_n", rf"column {_N} is not in the table \(it has (?P<m>\d+) columns\)",
       "表中没有第 {n} 列（共 {m} 列）", "column {n} is not in the table (it has {m} columns)"),
    _r("no_column", r"no column is headed '(?P<col>.+)'; the headers are: (?P<headers>.*)",
       "没有标题为“{col}”的列；各列标题为：{headers}",
       "no column is headed “{col}”; the headers are: {headers}"),
)
_WHAT_ZH = {"list": "名单", "file": "文件", "sheet": "工作表"}


def _match(text: str, table: tuple[Reason, ...] = REASONS
           ) -> tuple[Reason, dict[str, str]] | None:
    for r in table:
        m = r.pattern.match(text)
        if m:
            return r, {k: v or "" for k, v in m.groupdict().items()}
    return None


def parts(note: str) -> list[tuple[str, dict[str, str]]]:
    """(code, values) of each part of a geocoder note; code "" for a part not known.
    A reason's own text may hold "; ", so the longest run of parts that reads as one
    reason is taken first."""
    pieces = [p.strip() for p in str(note or "").split("; ") if p.strip()]
    out: list[tuple[str, dict[str, str]]] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            found = _match("; ".join(pieces[i:j]))
            if found:
                out.append((found[0].code, found[1]))
                i = j
                break
        else:
            out.append(("", {"text": pieces[i]}))
            i += 1
    return out


def refusal_text(message: str, lang: str = "zh") -> str:
    """Why a list was not read (one line from geodata's readers), written in `lang`; a
    message no pattern knows is kept as it is."""
    found = _match(message, REFUSALS)
    if found is None:
        return message
    r, values = found
    values["what_zh"] = _WHAT_ZH.get(values.get("what", ""), "")
    return (r.en if lang == "en" else r.zh).format(**values)


def note_text(note: str, lang: str = "zh") -> str:
    """A geocoder note written in `lang` ("zh" or "en")."""
    by_code = {r.code: r for r in REASONS}
    out = []
    for code, values in parts(note):
        if not code:
            out.append(values["text"])
            continue
        year = values.get("year", "")
        values = {**values, "year_zh": f"（{year}年）" if year else "",
                  "alike_zh": "读音相同、" if values.get("alike") else "",
                  "units_zh": values.get("units", "").replace(" and ", "和"),
                  "year_en": f" ({year})" if year else ""}
        r = by_code[code]
        out.append((r.en if lang == "en" else r.zh).format(**values))
    return ("；" if lang != "en" else "; ").join(out)
