"""A pasted list cut into items: lines, separators (、，,；; and bullets) outside
brackets, numbering (1、 (1) （一） ①), what closes an enumeration (等3个城市), and the
lines that are no items but context: a province on a line of its own above its items, a
numbered province header (三、河北省(191個)), section headers (一、试点县), count lines,
a table row drawn with bars. Nothing here reads a name except to tell whether a province
line heads the lines below it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.geocode.geocoder import APPROXIMATE, MATCHED, Geocoder
from geodata.geocode.names import BARE, normalise
from geodata.lists.runs import PLAIN

# 、，,；; and the bullets a page or a generated document puts before each item (the
# middle dot · stays: it joins the parts of a transliterated name)
SEPARATOR_CHARS = "、，,；;•●◆◇■▪►▶★☆"
SEPARATORS = re.compile(f"[{SEPARATOR_CHARS}]")
_OPEN, _CLOSE = "（(【[〔", "）)】]〕"
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
HEADER = re.compile(r"^(?P<head>[^:：]{2,60})[:：](?P<rest>.*)$")  # a lead-in sentence may be long
_NUMERAL = "一二三四五六七八九十"
# numbering at the start of a line or an item: 1、 1. (1) （一） 一、 ① Ⅱ、 第一批：, a
# spreadsheet's serial number before a tab (1\t唐山市), and a table's number cells glued
# to the name when its row is pasted as text (rank, year, count: 119973张家港市); no
# administrative name holds a digit
ENUM = re.compile(
    rf"^\s*(?:[(（]\s*[0-9０-９{_NUMERAL}]+\s*[)）]|[0-9０-９]+\s*[.．、)）](?![0-9])"
    rf"|[{_NUMERAL}]+\s*[、.．]|第[{_NUMERAL}0-9]+[批部类類][、.．:：]?"
    r"|[\u2160-\u216f]+\s*[、.．]?|[\u2460-\u2473\u2776-\u277f]|(?:[0-9０-９]+\s*)+(?=[\u4e00-\u9fff])(?![年月日号號个個座名位]))\s*"
)
_CHINESE_ENUM = re.compile(rf"^\s*(?:[(（]\s*[{_NUMERAL}]+\s*[)）]|[{_NUMERAL}]+\s*[、.．])")
# a count after a header: (3个) （共46个） 4個)
_COUNT = re.compile(
    r"[(（]?\s*[共计計]?\s*[0-9一二三四五六七八九十百]+\s*[个個家处處]\s*[)）]?\s*$"
)
# words that make an enumerated line a section header rather than an item
_HEADER_WORDS = re.compile(
    r"试点|示范|名单|国家|全国|第.批|园林|生态|卫生|森林|旅游|特色|城镇$|县城$"
)
# a numbered header glued into running text: 二、国家园林县城(共31个)
_GLUED_HEADER = re.compile(
    rf"[{_NUMERAL}]+、[^{SEPARATOR_CHARS}\s]{{1,30}}?[(（][共计]?[0-9]+[个個][)）]"
)
# a number and its mark between two names: a numbered grid flattened into one line
_INLINE_ENUM = re.compile(r"(?<=[\u4e00-\u9fff])\s*[0-9０-９]{1,3}\s*[.．、](?=\s*[\u4e00-\u9fff])")
NUMBER_ONLY = re.compile(rf"^[\s0-9０-９{_NUMERAL}.．、()（）\u2160-\u216f\u2460-\u2473]*$")
# what closes an enumeration: 。 等 等3个城市 等地 等县（市、区） 等市县; a lone 等县 only
# after a unit's own type word (安吉县等县), so 天等县 (and 天等县※) keeps its name
_TRAILING = re.compile(
    r"[。．.!！?？\s]+$|等(?:[0-9一二三四五六七八九十百]+[个個家处處]\S*|地"
    r"|[县市区旗](?:[（(][^）)]*[）)]|[县市区旗]+))?$"
    r"|(?<=[县市区旗盟州镇乡)）])等[县市区旗]$"
)
# what is not a Chinese character
_CJK = re.compile(r"[^\u4e00-\u9fff]")
_BAR = re.compile(r"[|｜]")
HEAD_LOOKAHEAD = settings.HEADING_LOOKAHEAD
# a cell of a table that is a number or a date (1997, 1997年, 2016-06)
DATE_OR_NUMBER = re.compile(r"[0-9０-９.．/\-]+(?:[年月日号號])?(?:[0-9０-９]+[月日号號])*")
_HEAD_CHARS = frozenset(_NUMERAL + "百个個共计計家处處")  # of numbering and counts


@dataclass(frozen=True, slots=True)
class Item:
    text: str  # as published (trimmed)
    line: int  # 1-based line number in the input
    starts_line: bool
    header: str = ""  # adcode of the province a header line above names ("" for none)


def split_items(line: str) -> list[str]:
    """Split at separators outside brackets, so 德清县※(※表示新增,下同) stays one item;
    numbering inside a line (1.北京7.杭州13.开封, a grid flattened) separates too."""
    line = _INLINE_ENUM.sub("、", line)
    if not _BRACKETS.search(line):
        return SEPARATORS.split(line)
    parts: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in line:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        if ch in SEPARATOR_CHARS and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    if depth:  # an unclosed bracket: fall back to plain separators
        parts = SEPARATORS.split(line)
    return parts


def clean_item(part: str) -> str:
    part = ENUM.sub("", part.strip())
    part = _TRAILING.sub("", _TRAILING.sub("", part.strip()))  # 等地。: both
    return "" if NUMBER_ONLY.match(part) else part


def split_line(line: str) -> list[str]:
    line = line.strip()
    if PLAIN.fullmatch(line) and "等" not in line:
        return [line]  # most lines of a column of names: one name, nothing to take off
    line = _GLUED_HEADER.sub("、", line)
    parts = [clean_item(p) for p in split_items(ENUM.sub("", line))]
    return [p for p in parts if p]


@cache
def _province_forms() -> tuple[dict[str, str], dict[str, str]]:
    """({full or short form: adcode}, {bare form: adcode}) of province names, simplified."""
    from geodata.geocode.gazetteer import PSEUDO_PROVINCES, gazetteer

    gz = gazetteer()
    strong: dict[str, str] = {}
    bare: dict[str, str] = {}
    for form, hits in gz.aliases.items():
        for idx, strength in hits:
            u = gz.units[idx]
            if u.level == "province" and u.current:
                (bare if strength == BARE else strong)[form] = u.code
    strong.update({f: c for f, (c, st) in PSEUDO_PROVINCES.items() if st != BARE})
    return strong, bare


@cache
def _province_chars() -> frozenset[str]:
    """Every character a province's name may be written with, simplified or traditional:
    a line with any other character names no province (a fast test before normalising)."""
    from geodata.basics.cache import cached_json

    def build() -> str:
        import opencc  # the s2t tables take a tenth of a second to load: once, with the cache

        chars = {ch for forms in _province_forms() for f in forms for ch in f}
        s2t = opencc.OpenCC("s2t")
        return "".join(sorted(chars | {ch for c in chars for ch in s2t.convert(c)}))

    return frozenset(cached_json("province-chars.json", build))


def province_only(text: str) -> str:
    """The adcode of the province a header-like line names (北 京, 一、北京市(3個),
    河北?</span>4個)), or ""."""
    allowed = _province_chars()
    if PLAIN.fullmatch(text):
        if not allowed.issuperset(text):
            return ""  # most lines: a character no province name has
    elif any(c not in allowed and c not in _HEAD_CHARS and "\u4e00" <= c <= "\u9fff" for c in text):
        return ""
    s = _CJK.sub("", _COUNT.sub("", ENUM.sub("", text.strip())))
    if not 2 <= len(s) <= 9 or not allowed.issuperset(s):
        return ""
    strong, bare = _province_forms()
    s = normalise(s)
    return strong.get(s) or bare.get(s) or ""


def leading_province(text: str) -> str:
    """The adcode of the province `text` begins with: 河北省唐山市 and 内蒙古呼和浩特市
    begin with one; 河北区 (a district of 天津) does not."""
    s = normalise(ENUM.sub("", text.strip()))
    strong, bare = _province_forms()
    for n in range(min(len(s), 9), 1, -1):
        head = s[:n]
        if head in strong:
            return strong[head]
        if head in bare and (n == len(s) or s[n] not in "区县市镇乡旗路街"):
            return bare[head]
    return ""


def starts_with_province(text: str) -> bool:
    return bool(leading_province(text))


def _section_header(text: str) -> bool:
    """一、试点县 （二）试点镇 二、国家园林城市(共46个): numbered, a single item, and
    worded as a heading or followed by a count."""
    counted = bool(_COUNT.search(text))
    if not counted and not _CHINESE_ENUM.match(text):
        return False
    if len(split_items(ENUM.sub("", text))) > 1:
        return False
    return counted or bool(_HEADER_WORDS.search(normalise(ENUM.sub("", text))))


def _heads_next(province: str, following: list[str], gc: Geocoder) -> bool:
    """A bare province line heads the lines below it when they name no province and one
    of the first few lies inside it (北京市 above 昌平区; not 北京市 above 天津市)."""
    for nxt in following:
        if province_only(nxt) or starts_with_province(nxt):
            return False
        first = split_line(nxt)[:1]
        if not first:
            continue
        m = HEADER.match(first[0])  # 门头沟区：斋堂镇 — a row's own head lies in the province
        res = gc.resolve(m.group("head") if m else first[0], (province,))
        # an approximate answer counts only when it found a unit below the province
        found = res.status == MATCHED or (res.status == APPROXIMATE and res.adcode != province)
        if found and within(res.adcode, province):
            return True
    return False


def items_of(lines: Iterable[str], geocoder: Geocoder | None = None) -> Iterator[Item]:
    lines = list(lines)
    content = [i for i, ln in enumerate(lines) if ln.strip() and not NUMBER_ONLY.match(ln)]
    header = ""
    gc: Geocoder | None = geocoder
    for pos, no in enumerate(content):
        line = _table_row(lines[no])
        province = province_only(line)
        if province:
            following = [lines[i] for i in content[pos + 1 : pos + 1 + HEAD_LOOKAHEAD]]
            numbered = bool(_COUNT.search(line)) or bool(ENUM.match(line))
            gc = gc or Geocoder()
            if numbered or _heads_next(province, following, gc):
                header = province  # a province above its items: context, no row
                continue
            header = ""  # a province as an item: the heading above no longer holds
        elif _section_header(line):
            header = ""
            continue
        for part, heading in _glued_provinces(line):
            header = heading if heading is not None else header
            for i, text in enumerate(split_line(part)):
                yield Item(text, no + 1, i == 0, header)


def _table_row(line: str) -> str:
    """A row of a table drawn with bars (陕西省 | 西安、咸阳 |, as pages and Markdown draw
    them): two cells are a head and its items (as with a colon), more are cells apart."""
    if not _BAR.search(line):
        return line
    cells = [c.strip() for c in _BAR.split(line) if c.strip()]
    # a rank, year or count cell is no head and no item (8 | 广州、深圳 |)
    named = [c for c in cells if not DATE_OR_NUMBER.fullmatch(c)]
    return "：".join(cells) if len(named) == len(cells) == 2 else "  ".join(named)


def _glued_provinces(line: str) -> list[tuple[str, str | None]]:
    """The line cut where a numbered province header is glued into it (三、河北省(191個)
    石家莊市…): each part with the province that heads it (None: the heading above)."""
    if "、" not in line or not _BRACKETS.search(line):  # most lines: no glued header
        return [(line, None)]
    cuts = [m for m in _GLUED_HEADER.finditer(line) if province_only(m.group(0))]
    if not cuts:
        return [(line, None)]
    parts: list[tuple[str, str | None]] = [(line[: cuts[0].start()], None)]
    for m, nxt in zip(cuts, [*cuts[1:], None], strict=True):
        end = nxt.start() if nxt else len(line)
        parts.append((line[m.end() : end], province_only(m.group(0))))
    return [(text, heading) for text, heading in parts if text.strip() or heading is not None]
