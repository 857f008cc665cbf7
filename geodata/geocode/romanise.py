"""Place names in English: standard pinyin for the proper name, the unit type in English
("Shunyi District", "Jiangsu"), and a search key that matches pinyin typed with or
without tone marks and spaces. The one romanisation rule of the project.

pypinyin's phrase dictionary (which reads 重庆 as Chongqing, not Zhongqing) takes ~45 MB
in every process that loads it. The readings of every boundary unit's name are worked
out once, in a child process with the full dictionary, and kept on disk; this process
loads pypinyin without phrases and teaches it just those place names.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from functools import cache, lru_cache
from typing import Any

from geodata.basics.cache import cached_json
from geodata.basics.settings import ROMANISE_CACHE
from geodata.geocode.names import split_suffix

_TABLE_VERSION = "1"
_READ_NAMES = (
    "import json, sys\n"
    "from pypinyin import Style, lazy_pinyin\n"
    "names = json.load(sys.stdin)\n"
    "json.dump({n: lazy_pinyin(n, style=Style.NORMAL) for n in names}, sys.stdout)\n"
)

# Official English forms that are not the plain pinyin of the stem.
_EXCEPTIONS: dict[str, str] = {
    "陕西": "Shaanxi",  # keeps it apart from 山西 Shanxi
    "内蒙古": "Inner Mongolia",
    "西藏": "Xizang",
    "香港": "Hong Kong",
    "澳门": "Macao",
}
# Place-name readings that differ from the dictionary's: 朝阳 (Chaoyang, not the "morning
# sun" zhaoyang), 单县 (Shan), 番禺 (Panyu), 乐亭 (Laoting), 铅山 (Yanshan), 大埔 (Dabu).
_STEM_EN: dict[str, str] = {
    "朝阳": "Chaoyang", "单": "Shan", "番禺": "Panyu", "乐亭": "Laoting", "铅山": "Yanshan",
    "大埔": "Dabu",
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


def _place_names() -> list[str]:
    """Every boundary unit's name and its stem (湖南省, 湖南, 顺义区, 顺义 …)."""
    from geodata.boundaries.layers import load_layer

    names: set[str] = set()
    for layer in ("province", "prefecture", "county"):
        for name in load_layer(layer, simplified=True)["name"]:
            names.update((str(name), split_suffix(str(name))[0]))
    return sorted(n for n in names if len(n) >= 2)


@cache
def place_readings() -> dict[str, list[str]]:
    """Name -> syllables, from the full dictionary, cached on disk."""
    import pypinyin

    name = f"place_pinyin_v{_TABLE_VERSION}_{pypinyin.__version__}.json"
    return dict(cached_json(name, _read_place_names))


def _read_place_names() -> dict[str, list[str]]:
    """The readings from pypinyin's full dictionary (with its phrases), read in a child
    process: this process runs pypinyin without them (see `_pinyin`)."""
    done = subprocess.run([sys.executable, "-c", _READ_NAMES], input=json.dumps(_place_names()),
                          capture_output=True, text=True, check=True, timeout=300,
                          env={**os.environ, "PYPINYIN_NO_PHRASES": ""})
    return dict(json.loads(done.stdout))


@cache
def _pinyin() -> Any:
    """pypinyin without its phrase dictionary, taught the place names instead."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")
    import pypinyin

    readings = place_readings()
    pypinyin.load_phrases_dict({n: [[s] for s in syl] for n, syl in readings.items()
                                if len(syl) == len(n)})
    return pypinyin


def _syllables(text: str, errors: str) -> list[str]:
    p = _pinyin()
    return list(p.lazy_pinyin(text, style=p.Style.NORMAL, errors=errors))


def pinyin_word(chinese: str) -> str:
    """One capitalised pinyin word, syllables joined, an apostrophe where a syllable
    starting with a, o or e would run on (Xi'an)."""
    syllables = _syllables(chinese, "ignore")
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
    word = _STEM_EN.get(stem) or pinyin_word(stem)
    return f"{word} {kind}" if kind else word


def short_name(name: str) -> str:
    """The short form a map labels a unit with: 湖南省 -> 湖南, 新疆维吾尔自治区 -> 新疆."""
    return split_suffix(name.strip())[0]


def short_name_en(name: str) -> str:
    """English short form: 湖南省 -> Hunan, 陕西省 -> Shaanxi, 北京市 -> Beijing."""
    stem = short_name(name)
    return _EXCEPTIONS.get(stem) or _STEM_EN.get(stem) or pinyin_word(stem)


def unit_name_en(unit_name: str, town: str = "") -> str:
    """A pilot's place in English: its unit, and the town or zone inside it if any."""
    town_en = place_name_en(town) if town else ""
    unit_en = place_name_en(unit_name) if unit_name else ""
    return ", ".join(p for p in (town_en, unit_en) if p)


@lru_cache(maxsize=ROMANISE_CACHE)
def search_key(text: str) -> str:
    """What search compares: lower-case latin letters and digits only, tone marks and
    spaces gone ("Lóng gǎng" -> "longgang"), Han characters as toneless pinyin."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    if _HAN.search(s):
        s = "".join(_syllables(s, "default"))
    return re.sub(r"[^0-9a-z]", "", s.casefold().replace("ü", "u"))
