"""Name normalisation and the short forms an official unit name is written in."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import opencc

# Ethnic names as they appear inside autonomous-area names. Most carry 族; a few
# names use the bare form (巴音郭楞蒙古自治州, 察布查尔锡伯自治县 ...).
_ETHNIC = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
]
_ETHNIC_BARE_OK = ("蒙古", "哈萨克", "柯尔克孜", "塔吉克", "锡伯", "维吾尔")
_ETHNIC_TOKENS = sorted([e + "族" for e in _ETHNIC] + list(_ETHNIC_BARE_OK), key=len, reverse=True)

# Longest first, so 地区 wins over 区.
_SUFFIXES = (
    "特别行政区",
    "地区",
    "林区",
    "新区",
    "矿区",
    "特区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
)
_AUTONOMOUS = re.compile(r"^(?P<pre>.+?)自治(?P<kind>区|州|县|旗)$")

# Characters and marks that copied lists carry but names never contain.
_DROP = re.compile(r"[\s\u200b\u200c\u200d\ufeff\u3000·•\"'“”‘’《》〈〉「」『』]")
_PAREN = re.compile(r"[（(][^（）()]*[）)]")
# XPCC divisions and their cities are one unit (师市合一): 兵团第八师石河子市 = 石河子市
_XPCC_DIVISION = re.compile(r"(兵团)第[一二三四五六七八九十]+师")
# 新疆兵团石河子市, 新疆维吾尔自治区兵团…: 兵团 after 新疆's own name adds nothing
_XPCC_AFTER_XINJIANG = re.compile(r"(新疆(?:维吾尔自治区)?)兵团(?=.)")
# GB2260's heading over the county-level units a province governs directly (湖北省省直辖
# 县级行政区划仙桃市, as code-list exports write it): a heading, never part of a name
_DIRECT_HEADING = re.compile(r"(?:省|自治区)?直辖县级行政(?:区划|单位)")
# 河南省直管县巩义市: the counties a province runs directly (省直管县), a heading as well
_DIRECT_RUN = re.compile(r"(?:省|自治区)?直管(?:县级市|县|市)(?=.)")
# 北京市市辖区东城区: 市辖区 as a heading inside a path (at the end it names the districts)
_DISTRICTS_HEADING = re.compile(r"市辖区(?=.)")
# 长沙——宁乡市: a dash between two names joins a unit to the one it lies in (no official
# name holds a dash); NFKC has made a full-width dash ASCII by then
_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2500\u2501"
_DASHES = frozenset(_DASH_CHARS)
_JOINING_DASH = re.compile(f"(?<=[\u4e00-\u9fff])[{_DASH_CHARS}]+(?=[\u4e00-\u9fff])")
# 衢qu州: pinyin a page put inside a name (no official name holds a Latin letter)
_PINYIN_INSIDE = re.compile(
    "(?<=[\u4e00-\u9fff])[a-zA-Z\u00e0-\u00fc\u0101-\u01dc]+(?=[\u4e00-\u9fff])"
)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    out: str = _t2s().convert(text)  # opencc ships no type information
    return out


# Variant characters that t2s leaves alone but official names write otherwise.
_VARIANTS = str.maketrans(
    {"濬": "浚", "澂": "澄", "邨": "村", "峯": "峰", "㠶": "岭", "陜": "陕"}  # 陜西 in Big5 copies
)


# Annotation marks glued to names in published lists (德清县※, 安吉縣*, ①, ¹): no official
# name contains one. Matched before NFKC, which would turn ① and ¹ into plain digits.
_MARKS = re.compile(
    r"[※*＊△▲▽▼☆★#＃◆◇●○◎■□†‡§✱✳✻⊙♦\u2460-\u24ff\u2776-\u2793"
    r"\u00b9\u00b2\u00b3\u2070-\u209f]+"
)
# a digit footnote after a name (安吉县2): names never hold Arabic digits
_TRAILING_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff])[0-9]+$")


# any character that may start an annotation: most names have none (the fast path)
_ANNOTATION_START = re.compile(_MARKS.pattern[:-2] + r"（(0-9]")


def strip_annotations(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without annotation marks and bracketed remarks, and what was removed
    (德清县※(※表示新增,下同) -> 德清县, ('※', '(※表示新增,下同)'))."""
    if not _ANNOTATION_START.search(text):
        return text.strip(), ()
    removed: list[str] = []

    def take(m: re.Match[str]) -> str:
        removed.append(m.group(0))
        return ""

    s = _PAREN.sub(take, text)
    s = _PAREN.sub(take, s)  # a remark inside a remark
    s = _MARKS.sub(take, s)
    s = _TRAILING_DIGITS.sub(take, s.strip())
    return s, tuple(r for r in removed if r.strip())


def normalise(
    text: str,
    garbles: dict[str, str] | None = None,
    keep: frozenset[str] = frozenset(),
    *,
    annotated: bool = True,
) -> str:
    """Simplified characters, half-width forms, no spaces, notes in brackets and
    annotation marks dropped.

    `keep` holds characters that official names use as they are: t2s turns 乾 into 干
    (乾安县, 乾县), so a character of `keep` is never converted away.
    """
    s = strip_annotations(text)[0] if annotated else text
    s = unicodedata.normalize("NFKC", s)
    if "(" in s:  # NFKC made （ into (; most names hold no remark
        s = _PAREN.sub("", s)
    s = _DROP.sub("", s)
    if not s.isascii():
        s = _PINYIN_INSIDE.sub("", s)
    if not _DASHES.isdisjoint(s):  # most names hold no dash: a set test is cheaper
        s = _JOINING_DASH.sub("", s)
    s = s.translate(_VARIANTS)
    if "师" in s:  # the test is much cheaper than the regex's scan, and names are many
        s = _XPCC_DIVISION.sub(r"\1", s)
    if "兵团" in s:
        s = _XPCC_AFTER_XINJIANG.sub(r"\1", s)
    if "直辖县级" in s:
        s = _DIRECT_HEADING.sub("", s)
    if "直管" in s:
        s = _DIRECT_RUN.sub("", s)
    if "市辖区" in s:
        s = _DISTRICTS_HEADING.sub("", s)
    conv = to_simplified(s)
    if keep and conv != s and len(conv) == len(s):
        conv = "".join(o if o in keep and c != o else c for o, c in zip(s, conv, strict=True))
    s = conv
    if garbles:
        for bad, good in garbles.items():
            if bad in s:
                s = s.replace(bad, good)
    return s


def ethnic_stem(pre: str) -> str:
    """Strip trailing ethnic names from the part before 自治 (保亭黎族苗族 -> 保亭)."""
    stem = pre
    changed = True
    while changed:
        changed = False
        for tok in _ETHNIC_TOKENS:
            if stem.endswith(tok) and len(stem) - len(tok) >= 2:
                stem = stem[: -len(tok)]
                changed = True
                break
    if stem == pre and pre.endswith("族") and len(pre) >= 3:
        stem = pre[:-1]  # 鄂温克族自治旗 -> 鄂温克(旗)
    return stem


def split_suffix(name: str) -> tuple[str, str]:
    """('延边', '自治州') for 延边朝鲜族自治州, ('唐山', '市') for 唐山市."""
    m = _AUTONOMOUS.match(name)
    if m:
        return ethnic_stem(m.group("pre")), "自治" + m.group("kind")
    for suf in _SUFFIXES:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)], suf
    return name, ""


FULL, SHORT, BARE = 3, 2, 1


def name_forms(name: str) -> dict[str, int]:
    """Every written form of an official name, with how strong a match it is.

    FULL is the name itself; SHORT keeps a type word (延边州, 保亭县, 广西自治区);
    BARE is the stem alone (延边, 唐山), only when it has two or more characters.
    """
    forms = {name: FULL}
    stem, suffix = split_suffix(name)
    if suffix.startswith("自治"):
        kind = suffix[-1]
        forms.setdefault(stem + suffix, SHORT)
        if kind != "区":
            forms.setdefault(stem + kind, SHORT)
        else:
            forms.setdefault(stem + "省", BARE)  # 广西省: a common slip, never another unit
        m = _AUTONOMOUS.match(name)
        pre = m.group("pre") if m else stem
        if pre != stem and len(pre) >= 2:
            forms.setdefault(pre, BARE)  # 鄂伦春族 style
    if len(stem) >= 2 and stem != name:
        forms.setdefault(stem, BARE)
    if name.endswith("管理区") and len(name) > 5:
        # GB2260's 怀化市洪江管理区 is written 怀化市洪江区, or 洪江区 without its prefecture
        short = name[:-3] + "区"
        forms.setdefault(short, SHORT)
        head, sep, own = short.partition("市")
        if sep and head and len(own) >= 3:
            forms.setdefault(own, SHORT)
    return forms


def stem_of(name: str) -> str:
    return split_suffix(name)[0]
