"""Place names in English: standard pinyin for the proper name, the unit type in English
("Shunyi District", "Jiangsu"), and a search key that matches pinyin typed with or
without tone marks and spaces. The one romanisation rule of the project."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from pypinyin import Style, lazy_pinyin

from geodata.names import split_suffix

# Official English forms that are not the plain pinyin of the stem.
_EXCEPTIONS: dict[str, str] = {
    "陕西": "Shaanxi",  # keeps it apart from 山西 Shanxi
    "内蒙古": "Inner Mongolia",
    "西藏": "Xizang",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
# Unit-type words, longest first; "" means the type is not written in English.
_TYPES: tuple[tuple[str, str], ...] = (
    ("经济技术开发区", "Economic and Technological Development Zone"),
    ("高新技术产业开发区", "High-tech Industrial Development Zone"),
    ("经济开发区", "Economic Development Zone"),
    ("开发区", "Development Zone"),
    ("新区", "New Area"),
    ("街道", "Subdistrict"),
    ("镇", "Town"),
    ("乡", "Township"),
)
_SUFFIX_EN: dict[str, str] = {
    "省": "",
    "特别行政区": "",
    "自治区": "",
    "自治州": "Autonomous Prefecture",
    "自治县": "Autonomous County",
    "自治旗": "Autonomous Banner",
    "地区": "Prefecture",
    "林区": "Forestry District",
    "新区": "New Area",
    "矿区": "Mining District",
    "特区": "Special District",
    "市": "City",
    "县": "County",
    "区": "District",
    "旗": "Banner",
    "盟": "League",
}
# Province-level cities are written without "City" (Beijing, Chongqing).
_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
_VOWEL_START = re.compile(r"^[aoe]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def pinyin_word(chinese: str) -> str:
    """One capitalised pinyin word, syllables joined, an apostrophe where a syllable
    starting with a, o or e would run on (Xi'an)."""
    syllables = lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore")
    out = ""
    for i, s in enumerate(syllables):
        s = s.replace("ü", "u").replace("v", "u")
        out += ("'" if i and _VOWEL_START.match(s) else "") + s
    return out[:1].upper() + out[1:]


@cache
def place_name_en(name: str) -> str:
    """English form of one official unit name: 顺义区 -> Shunyi District, 江苏省 -> Jiangsu,
    延边朝鲜族自治州 -> Yanbian Autonomous Prefecture. Text with no Han characters
    comes back as it is."""
    name = name.strip()
    if not name or not _HAN.search(name):
        return name
    for zh, en in _TYPES:
        if name.endswith(zh) and len(name) > len(zh):
            return f"{pinyin_word(name[: -len(zh)])} {en}"
    stem, suffix = split_suffix(name)
    if stem in _EXCEPTIONS:
        return _EXCEPTIONS[stem]
    kind = _SUFFIX_EN.get(suffix, "")
    if suffix == "市" and stem in _MUNICIPALITIES:
        kind = ""
    word = pinyin_word(stem)
    return f"{word} {kind}" if kind else word


def short_name(name: str) -> str:
    """The short form a map labels a unit with: 湖南省 -> 湖南, 新疆维吾尔自治区 -> 新疆."""
    return split_suffix(name.strip())[0]


def short_name_en(name: str) -> str:
    """English short form: 湖南省 -> Hunan, 陕西省 -> Shaanxi, 北京市 -> Beijing."""
    stem = short_name(name)
    return _EXCEPTIONS.get(stem) or pinyin_word(stem)


def unit_name_en(unit_name: str, town: str = "") -> str:
    """A pilot's place in English: its unit, and the town or zone inside it if any."""
    town_en = place_name_en(town) if town else ""
    unit_en = place_name_en(unit_name) if unit_name else ""
    return ", ".join(p for p in (town_en, unit_en) if p)


@lru_cache(maxsize=8192)
def search_key(text: str) -> str:
    """What search compares: lower-case latin letters and digits only, tone marks and
    spaces gone ("Lóng gǎng" -> "longgang"), Han characters as toneless pinyin."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    if _HAN.search(s):
        s = "".join(lazy_pinyin(s, style=Style.NORMAL, errors="default"))
    return re.sub(r"[^0-9a-z]", "", s.casefold().replace("ü", "u"))
