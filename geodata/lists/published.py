"""Lists in the published shape: one province (or 新疆生产建设兵团) per line, items
separated by 、，,；; and later items inheriting the province/prefecture before them.

Published lists also carry numbering (1、 (1) （一） ①), section headers (一、试点县,
二、国家园林城市(共46个)), count lines, a province on a line of its own above its items,
and two units joined by 和/及/与/以及. Headers give context, never rows.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import Note, note
from geodata.geocode import reasons as why
from geodata.geocode.answer import Method
from geodata.geocode.geocoder import (
    AMBIGUOUS,
    APPROXIMATE,
    MATCHED,
    NEAR_REASONS,
    UNMATCHED,
    Geocoder,
    Result,
)
from geodata.geocode.names import BARE, normalise
from geodata.lists.reader import OverBudget, Reader, over_budget
from geodata.lists.runs import CONJUNCTIONS, PLAIN, names_run_together, units_in_prose

# 、，,；; and the bullets a page or a generated document puts before each item (the
# middle dot · stays: it joins the parts of a transliterated name)
_SEPARATORS = "、，,；;•●◆◇■▪►▶★☆"
SEPARATORS = re.compile(f"[{_SEPARATORS}]")
_OPEN, _CLOSE = "（(【[〔", "）)】]〕"
_BRACKETS = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_HEADER = re.compile(r"^(?P<head>[^:：]{2,60})[:：](?P<rest>.*)$")  # a lead-in sentence may be long
_NUMERAL = "一二三四五六七八九十"
# numbering at the start of a line or an item: 1、 1. (1) （一） 一、 ① Ⅱ、 第一批：, a
# spreadsheet's serial number before a tab (1\t唐山市), and a table's number cells glued
# to the name when its row is pasted as text (rank, year, count: 119973张家港市); no
# administrative name holds a digit
_ENUM = re.compile(
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
    rf"[{_NUMERAL}]+、[^{_SEPARATORS}\s]{{1,30}}?[(（][共计]?[0-9]+[个個][)）]"
)
# a number and its mark between two names: a numbered grid flattened into one line
_INLINE_ENUM = re.compile(r"(?<=[\u4e00-\u9fff])\s*[0-9０-９]{1,3}\s*[.．、](?=\s*[\u4e00-\u9fff])")
# 河北省。迁西县: a head then a full stop (a colon is _HEADER's)
_STOP_HEAD = re.compile(r"^(?P<head>[^:：。.．]{2,20})[。.．]+(?P<rest>.+)$")
# words prose joins a unit with: …是某市, …在大连, 包括江西的瑞金; 宜丰等县的…, 某市。另有…
_PROSE_BEFORE = re.compile(r"(?:是|为|在|即|有|的|包括|包含|其中|如下|分别为|分别是)[:：]?$")
_PROSE_AFTER = re.compile(r"(?:等|的|另|共|。|，|,)")
# a list in brackets: （包括宁冈、永新…）; the words that introduce one
_LISTING_WORDS = ("包括", "包含", "其中")
_REMARK_WORDS = ("含", "原", "不含", "即", "今", "包括")
ITEM_NAME_MAX = settings.ITEM_NAME_MAX
_BRACKETED_LIST = re.compile(r"[（(](?P<inner>[^（）()]*[、，,][^（）()]*)[）)]")
_NUMBER_ONLY = re.compile(rf"^[\s0-9０-９{_NUMERAL}.．、()（）\u2160-\u216f\u2460-\u2473]*$")
# what closes an enumeration: 。 等 等3个城市 等地 等县（市、区） 等市县; a lone 等县 only
# after a unit's own type word (安吉县等县), so 天等县 (and 天等县※) keeps its name
_TRAILING = re.compile(
    r"[。．.!！?？\s]+$|等(?:[0-9一二三四五六七八九十百]+[个個家处處]\S*|地"
    r"|[县市区旗](?:[（(][^）)]*[）)]|[县市区旗]+))?$"
    r"|(?<=[县市区旗盟州镇乡)）])等[县市区旗]$"
)
# 石家庄市（鹿泉区、栾城区）: a unit, then units inside it in brackets
_TRAILING_BRACKETS = re.compile(r"^(?P<head>[^（(]{2,}?)[（(](?P<inner>[^（）()]+)[）)]$")
# a count after the last item closes an enumeration: 两县, 三市, 等5市, 等十个县
_CJK = re.compile(r"[^\u4e00-\u9fff]")
# most items hold none of their characters: nothing to find, no split point
_CONJUNCTION_CHARS = frozenset("".join(CONJUNCTIONS))
_NOT_JOINED: dict[str, list[int]] = {c: [] for c in CONJUNCTIONS}
_SPACES = re.compile(r"[\s\u3000]+")
_BAR = re.compile(r"[|｜]")
HEAD_LOOKAHEAD = settings.HEADING_LOOKAHEAD
CITY_LIST_MIN, CITY_LIST_SHARE = settings.CITY_LIST_MIN, settings.CITY_LIST_SHARE
_MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})
# a cell of a table that is a number or a date (1997, 1997年, 2016-06)
_DATE_OR_NUMBER = re.compile(r"[0-9０-９.．/\-]+(?:[年月日号號])?(?:[0-9０-９]+[月日号號])*")
_HEAD_CHARS = frozenset(_NUMERAL + "百个個共计計家处處")  # of numbering and counts


@dataclass(frozen=True, slots=True)
class Item:
    text: str  # as published (trimmed)
    line: int  # 1-based line number in the input
    starts_line: bool
    header: str = ""  # adcode of the province a header line above names ("" for none)


def _split_items(line: str) -> list[str]:
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
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    if depth:  # an unclosed bracket: fall back to plain separators
        parts = SEPARATORS.split(line)
    return parts


def _clean_item(part: str) -> str:
    part = _ENUM.sub("", part.strip())
    part = _TRAILING.sub("", _TRAILING.sub("", part.strip()))  # 等地。: both
    return "" if _NUMBER_ONLY.match(part) else part


def split_line(line: str) -> list[str]:
    line = line.strip()
    if PLAIN.fullmatch(line) and "等" not in line:
        return [line]  # most lines of a column of names: one name, nothing to take off
    line = _GLUED_HEADER.sub("、", line)
    parts = [_clean_item(p) for p in _split_items(_ENUM.sub("", line))]
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


def _province_only(text: str) -> str:
    """The adcode of the province a header-like line names (北 京, 一、北京市(3個),
    河北?</span>4個)), or ""."""
    allowed = _province_chars()
    if PLAIN.fullmatch(text):
        if not allowed.issuperset(text):
            return ""  # most lines: a character no province name has
    elif any(c not in allowed and c not in _HEAD_CHARS and "\u4e00" <= c <= "\u9fff" for c in text):
        return ""
    s = _CJK.sub("", _COUNT.sub("", _ENUM.sub("", text.strip())))
    if not 2 <= len(s) <= 9 or not allowed.issuperset(s):
        return ""
    strong, bare = _province_forms()
    s = normalise(s)
    return strong.get(s) or bare.get(s) or ""


def _leading_province(text: str) -> str:
    """The adcode of the province `text` begins with: 河北省唐山市 and 内蒙古呼和浩特市
    begin with one; 河北区 (a district of 天津) does not."""
    s = normalise(_ENUM.sub("", text.strip()))
    strong, bare = _province_forms()
    for n in range(min(len(s), 9), 1, -1):
        head = s[:n]
        if head in strong:
            return strong[head]
        if head in bare and (n == len(s) or s[n] not in "区县市镇乡旗路街"):
            return bare[head]
    return ""


def _starts_with_province(text: str) -> bool:
    return bool(_leading_province(text))


def _section_header(text: str) -> bool:
    """一、试点县 （二）试点镇 二、国家园林城市(共46个): numbered, a single item, and
    worded as a heading or followed by a count."""
    counted = bool(_COUNT.search(text))
    if not counted and not _CHINESE_ENUM.match(text):
        return False
    if len(_split_items(_ENUM.sub("", text))) > 1:
        return False
    return counted or bool(_HEADER_WORDS.search(normalise(_ENUM.sub("", text))))


def _heads_next(province: str, following: list[str], gc: Geocoder) -> bool:
    """A bare province line heads the lines below it when they name no province and one
    of the first few lies inside it (北京市 above 昌平区; not 北京市 above 天津市)."""
    for nxt in following:
        if _province_only(nxt) or _starts_with_province(nxt):
            return False
        first = split_line(nxt)[:1]
        if not first:
            continue
        m = _HEADER.match(first[0])  # 门头沟区：斋堂镇 — a row's own head lies in the province
        res = gc.resolve(m.group("head") if m else first[0], (province,))
        # an approximate answer counts only when it found a unit below the province
        found = res.status == MATCHED or (res.status == APPROXIMATE and res.adcode != province)
        if found and within(res.adcode, province):
            return True
    return False


def items_of(lines: Iterable[str], geocoder: Geocoder | None = None) -> Iterator[Item]:
    lines = list(lines)
    content = [i for i, ln in enumerate(lines) if ln.strip() and not _NUMBER_ONLY.match(ln)]
    header = ""
    gc: Geocoder | None = geocoder
    for pos, no in enumerate(content):
        line = _table_row(lines[no])
        province = _province_only(line)
        if province:
            following = [lines[i] for i in content[pos + 1 : pos + 1 + HEAD_LOOKAHEAD]]
            numbered = bool(_COUNT.search(line)) or bool(_ENUM.match(line))
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
    return "：".join(cells) if len(cells) == 2 else "  ".join(cells)


def _glued_provinces(line: str) -> list[tuple[str, str | None]]:
    """The line cut where a numbered province header is glued into it (三、河北省(191個)
    石家莊市…): each part with the province that heads it (None: the heading above)."""
    if "、" not in line or not _BRACKETS.search(line):  # most lines: no glued header
        return [(line, None)]
    cuts = [m for m in _GLUED_HEADER.finditer(line) if _province_only(m.group(0))]
    if not cuts:
        return [(line, None)]
    parts: list[tuple[str, str | None]] = [(line[: cuts[0].start()], None)]
    for m, nxt in zip(cuts, [*cuts[1:], None], strict=True):
        end = nxt.start() if nxt else len(line)
        parts.append((line[m.end() : end], _province_only(m.group(0))))
    return [(text, heading) for text, heading in parts if text.strip() or heading is not None]


def geocode_lines(lines: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """One result per item (more where 和/及/与 or spaces join units), in input order;
    context resets at each line, to the province of the header above it if there is one."""
    gc = geocoder or Geocoder()
    return cities_of_a_city_list(list(iter_geocode_lines(lines, gc)), gc)


def cities_of_a_city_list(results: list[Result], gc: Geocoder) -> list[Result]:
    """朝阳 is 辽宁's prefecture-level city and a district of 北京 and of 长春: in a list
    whose other answers are (mostly) prefecture-level cities, a bare name that fits one
    city and districts elsewhere is the city; the alternatives stay in `candidates`."""
    cities = [r.level == "prefecture" or r.adcode in _MUNICIPALITIES for r in results
              if r.status in (MATCHED, APPROXIMATE)]
    if len(cities) < CITY_LIST_MIN or sum(cities) < CITY_LIST_SHARE * len(cities):
        return results
    units = gc.gz.current
    for i, r in enumerate(results):
        if (city := _the_city_not_its_prefecture(r, gc)) is not None:
            results[i] = city
            continue
        if r.status != AMBIGUOUS or r.reason != why.SEVERAL_PLACES:
            continue
        codes = [c.split(" ")[0] for c in r.candidates.split(" | ")]
        found = [units[c] for c in codes if c in units]
        one = [u for u in found if u.level == "prefecture" or u.code in _MUNICIPALITIES]
        # the others are districts or counties (海南 is a province and a prefecture: no)
        if len(found) != len(codes) or len(one) != 1 or any(
            u.level != "county" for u in found if u is not one[0]
        ):
            continue
        city = gc.placer.unit_result(one[0], one[0].code, Method.NAME)
        city.input, city.candidates = r.input, r.candidates
        city.context = (one[0].code[:2] + "0000", one[0].code)
        city.add(note("city_in_city_list", unit=one[0].name))
        results[i] = city
    return results


def _the_city_not_its_prefecture(r: Result, gc: Geocoder) -> Result | None:
    """阿克苏 in a list of cities: read bare as 阿克苏地区, which is no city; the one city
    of its name inside it (阿克苏市) is the one the list names. None for anything else."""
    said = next((n for n in r.notes if n.code == "bare_name"), None)
    if said is None or r.level != "prefecture" or r.unit_name.endswith("市"):
        return None
    inner = said.get("inner")
    names = [inner] if isinstance(inner, str) else list(inner)
    cities = [u for u in gc.gz.current.values() if u.name in names and u.name.endswith("市")
              and within(u.code, r.adcode)]
    if len(cities) != 1:
        return None
    city = gc.placer.unit_result(cities[0], cities[0].code, Method.NAME)
    city.input = r.input
    city.candidates = f"{r.adcode} {r.unit_name}"
    city.context = (cities[0].code[:2] + "0000", cities[0].code)
    city.add(note("city_in_city_list", unit=cities[0].name))
    return city


def iter_geocode_lines(
    lines: Iterable[str], geocoder: Geocoder | None = None, *, reader: Reader | None = None
) -> Iterator[Result]:
    """geocode_lines, yielding each result as its item is read. The work is bounded (by
    `reader`'s budget, a fresh Reader's by default): an item past its budget, and every
    item once the list is past its own, is unmatched with the reason; reading goes on."""
    gc = reader.gc if reader else geocoder or Geocoder()
    rd = reader or Reader(gc)
    context: tuple[str, ...] = ()
    strict = False  # the line named the province of `context`: answers stay inside it
    for item in items_of(lines, gc):
        if item.starts_line:
            context = (item.header,) if item.header else ()
            strict = bool(item.header)
        rd.next_item()
        try:
            results, context, strict = _read_item(rd, item, context, strict)
        except OverBudget as over:
            results = [over_budget(item.text, over.reason)]
        yield from results


def _read_item(
    rd: Reader, item: Item, context: tuple[str, ...], strict: bool
) -> tuple[list[Result], tuple[str, ...], bool]:
    """The results of one item, and the context and strictness it hands on."""
    text = item.text
    head_note: Note | None = None
    m = _HEADER.match(text)
    if m and m.group("rest").strip():  # "河北省：唐山市" — the part before the colon is context
        text = m.group("rest").strip()
        if province := _province_only(m.group("head")):
            # 河南：… heads with the province (河南 is also a county of 青海)
            context, strict = (province,), True
        elif (head := rd.resolve(m.group("head"), context)).status not in (
            UNMATCHED,
            AMBIGUOUS,
        ):
            context = head.context or (head.adcode,)
            strict = strict or head.named_province or head.level == "province"
        else:
            head_note = note("head_not_place", head=m.group("head"))
    elif (p := _STOP_HEAD.match(text)) and (ctx := _unit_head(rd, p["head"], context)):
        # 河北省。迁西县: a province or prefecture then a full stop is context, as with a
        # colon; when nothing after it reads, the head was the item and the rest prose
        got = resolve_joined(rd, p["rest"].strip(), ctx, True)
        if any(r.reason != why.NOT_A_PLACE for r in got):  # a name, answered or refused
            return _hand_on(got, item, p["rest"].strip(), None, ctx, True)
        text = p["head"]
        head_note = note("edge_prose", text=p["rest"].strip())
    out = resolve_joined(rd, text, context, strict)
    listed = _BRACKETED_LIST.search(text)
    if listed and listed["inner"].startswith(_LISTING_WORDS) and len(text) <= ITEM_NAME_MAX:
        # 赣东北革命根据地(包括弋阳、横峰…): a list that prose introduces in brackets
        out = _list_in_brackets(rd, item, text, context, strict) or out
    elif len(out) == 1 and out[0].method & Method.HISTORY and (
            split := names_run_together(rd, text, context)) and all(
            r.status == MATCHED and not r.method & Method.HISTORY for r in split):
        # 烟台市威海市: two of today's cities run together, not a chain through the years
        # when 威海 was a county of 烟台; today's names beat a former one, as in a name
        out = split
    elif len(out) == 1 and out[0].status == UNMATCHED:
        out = (
            names_run_together(rd, text, context)
            or _unit_at_an_edge(rd, text, context, strict)
            or _list_in_brackets(rd, item, text, context, strict)
            or units_in_prose(rd, text, context, strict)
            or out
        )
    return _hand_on(out, item, text, head_note, context, strict)


def _hand_on(
    out: list[Result], item: Item, text: str, head_note: Note | None,
    context: tuple[str, ...], strict: bool,
) -> tuple[list[Result], tuple[str, ...], bool]:
    """The item's results with their inputs and notes, and the context they hand on."""
    for res in out:
        if res.input == text:
            res.input = item.text
        if head_note is not None:
            res.notes = (head_note, *res.notes)
        # what an item names is the next items' context, a preference and not a fence:
        # only a header or a head before a colon holds the answers (a national list runs
        # 北京、天津、沈阳 with no headers, and 沈阳 lies outside 天津 all the same)
        if res.status not in (UNMATCHED, AMBIGUOUS):
            context = res.context
        elif leading := _leading_province(res.input):
            # 北京市丁青县 is no place, but the line is about 北京市 all the same
            context = (leading,)
    return out, context, strict


def _unit_head(rd: Reader, head: str, context: tuple[str, ...]) -> tuple[str, ...]:
    """The context a province or prefecture written as a head gives, or ()."""
    if province := _province_only(head):
        return (province,)
    r = rd.resolve(head, context, strict=False)
    if r.status == MATCHED and r.level in ("province", "prefecture"):
        return r.context or (r.adcode,)
    return ()


def _unit_at_an_edge(
    rd: Reader, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """…名单如下：某市, 先后批准在大连, 宜丰等县的…: prose glued to the first or last item
    of a sentence. The unit at each edge of the item, next to a word prose joins with, is
    read (a whole unit, matched; the longest), the rest kept in the note: the first item
    at the start, the last at the end (湛江等…批准了上海的闵行). [] for none."""
    s = text.strip()
    if len(s) > settings.ITEM_NAME_MAX:  # no name is that long: the work stays bounded
        return []
    first = _edge(rd, s, [(s[:k], s[k:]) for k in range(len(s) - 1, 1, -1)
                          if _PROSE_AFTER.match(s[k:])], context, strict)
    end = len(first[0].input) if first else 0
    last = _edge(rd, s, [(s[k:], s[:k]) for k in range(max(end, 1), len(s) - 1)
                         if _PROSE_BEFORE.search(s[:k])], context, strict)
    return first + last


def _edge(rd: Reader, s: str, cuts: list[tuple[str, str]], context: tuple[str, ...],
          strict: bool) -> list[Result]:
    """The first of `cuts` ((unit, prose), longest unit first) whose unit is a whole
    unit, matched; [] for none."""
    for unit, prose in cuts:
        if len(unit) < 2:
            continue
        r = rd.resolve(unit, context, strict=strict)
        if r.status == MATCHED and r.level in ("province", "prefecture", "county"):
            r.input = unit
            r.add(note("edge_prose", text=prose))
            return [r]
    return []


def _list_in_brackets(
    rd: Reader, item: Item, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """…革命根据地(包括宁冈、永新、莲花3县和吉安…): a list in brackets inside prose that is
    no place. Its items are read as a list's are, after the prose, in the prose's context."""
    m = _BRACKETED_LIST.search(text) if len(text) <= settings.ITEM_NAME_MAX else None
    if m is None:
        return []
    parts = [p for p in (_clean_item(x) for x in _split_items(m.group("inner"))) if p]
    if len(parts) < 2:
        return []
    out: list[Result] = []
    ctx = context
    # in the order of the text: the prose before the brackets, their items, the prose after
    pieces = [(text[: m.start()].strip(), ""), *((p, "list_in_brackets") for p in parts),
              (text[m.end() :].strip(), "after_brackets")]
    for piece, said in pieces:
        if piece:
            found, ctx, _ = _read_item(rd, Item(piece, item.line, False), ctx, strict)
            for r in found if said else ():
                r.add(note(said))
            out.extend(found)
    return out


def _units_in_brackets(
    gc: Reader, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """石家庄市（鹿泉区、栾城区）, 湖州市（安吉县）: units in brackets after a unit, each
    inside it, are the items; the unit before is their context. [] for anything else
    (喀左县 after its own full name, 唐山市 after 迁西县, a remark: 含宜都市, 原郫县)."""
    m = _TRAILING_BRACKETS.match(text.strip())
    if m is None:
        return []
    head = gc.resolve(m.group("head"), context, strict=strict)
    if head.status != MATCHED or head.level not in ("province", "prefecture"):
        return []
    ctx = tuple(dict.fromkeys((*head.context, head.adcode)))  # 石家庄市's 桥西区, not 张家口's
    out = []
    for part in SEPARATORS.split(m.group("inner")):
        r = gc.resolve(part, ctx, strict=True)
        # a remark is no unit (含宜都市, 原郫县; 含山县 of 马鞍山市 is one): a slip is read
        # only inside the unit before and not after a remark's word (闫良 in 西安: 阎良区)
        slip = r.status == APPROXIMATE and r.reason in NEAR_REASONS
        remark = slip and part.startswith(_REMARK_WORDS)
        if r.status not in (MATCHED, APPROXIMATE) or remark or r.adcode == head.adcode:
            return []
        if not within(r.adcode, head.adcode):
            return []
        r.input = part
        r.add(note("in_brackets", unit=head.unit_name))
        out.append(r)
    return out


# a state of reading a joined item: where the rest begins, its context, its strictness
_State = tuple[int, tuple[str, ...], bool]
# a reading of the rest of an item, and whether it was split at a conjunction
_Reading = tuple[list[Result], bool]


def resolve_joined(
    rd: Reader, text: str, context: tuple[str, ...], strict: bool = True
) -> list[Result]:
    """`text`, or the units that 和/及/与/以及 or spaces join in it when the whole is no
    name (安吉县和江山市 -> two; 和平县 stays one). The one place an item is split.

    Each split point is tried once per context (memoised), and only where the piece before
    it is short enough to be a name, so the work grows linearly with the item, and runs on
    an explicit stack, never recursing on the item's size; Reader bounds it in total."""
    occurrences = (
        _NOT_JOINED if _CONJUNCTION_CHARS.isdisjoint(text)
        else {c: _positions(text, c) for c in CONJUNCTIONS}
    )
    memo: dict[_State, _Reading] = {}
    root: _State = (0, context, strict)
    stack = [(root, _read_rest(rd, text, root, occurrences))]
    sent: _Reading | None = None
    while True:
        state, reading = stack[-1]
        try:
            child = reading.send(sent) if sent is not None else next(reading)
        except StopIteration as done:
            got: _Reading = done.value
            memo[state] = got
            stack.pop()
            if not stack:
                return got[0]
            sent = got
            continue
        sent = memo.get(child)
        if sent is None:
            stack.append((child, _read_rest(rd, text, child, occurrences)))


def _positions(text: str, conj: str) -> list[int]:
    out, at = [], text.find(conj, 1)
    while at > 0:
        out.append(at)
        at = text.find(conj, at + 1)
    return out


def _read_rest(
    rd: Reader, full: str, state: _State, occurrences: dict[str, list[int]]
) -> Generator[_State, _Reading, _Reading]:
    """How `full[begin:]` reads: yields the state of each rest it needs read (the caller
    sends back its reading) and returns its own."""
    begin, context, strict = state
    short = len(full) - begin <= settings.ITEM_NAME_MAX
    if not short and begin:
        # a long rest can only be more units joined: never copied, never resolved whole
        # (its reading is used only when it splits); the work is counted all the same
        rd.spend()
        res, text = Result("", UNMATCHED, reason=why.OVER_BUDGET), ""
    else:
        text = full[begin:]
        if short and text.endswith((")", "）")):
            inner = _units_in_brackets(rd, text, context, strict)  # 石家庄市（鹿泉区、栾城区）
            if inner:
                return inner, False
        res = rd.resolve(text, context, strict=strict)
    # (a count closing the enumeration, 德清两县, is a form of geodata.geocode.forms)
    if res.status != UNMATCHED and res.reason not in NEAR_REASONS:
        return [res], False  # a name one character off a unit may yet be two units joined
    spaced = _split_at_spaces(rd, text, context, strict) if text else []
    if spaced:
        return spaced, False
    for conj in CONJUNCTIONS:
        found = occurrences[conj]
        # split points whose piece before is short enough to be a name
        lo = bisect_right(found, begin)
        hi = bisect_right(found, begin + settings.ITEM_NAME_MAX)
        for at in found[lo:hi]:
            rest = at + len(conj)
            if rest >= len(full):
                continue
            left = full[begin:at]
            first = rd.resolve(left, context, strict=strict)
            if first.status == UNMATCHED:
                continue
            after = first.context if first.status != AMBIGUOUS else context
            got, split = yield (rest, after or context, strict or first.named_province)
            if all(r.status != UNMATCHED for r in got):
                first.input = left
                # each unit says once where it was split: the rest's own split said it
                for r in (first,) if split else (first, *got):
                    r.add(note("split_at", word=conj))
                return [first, *got], True
    return [res], False


def _split_at_spaces(
    rd: Reader, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """唐山市 邯郸市: names apart by spaces (温岭 市 is one, and resolves whole). A part
    may be names run together (唐山市邯郸市 承德市), and a part that is no place is
    reported as such when most parts are places; [] when they are not."""
    text = text.strip()
    if not _SPACES.search(text):
        return []
    parts = _SPACES.split(text)
    if len(parts) > 1:
        first = rd.resolve(parts[0], context, strict=strict)
        after = rd.resolve(parts[1], first.context or context, strict=False)
        if after.status == UNMATCHED:
            after = next(iter(names_run_together(rd, parts[1], first.context)), after)
        if first.level == "province" and within(after.adcode, first.adcode):
            # 河北省 唐山市 邯郸市: a province before names inside it is their context
            context, strict = first.context or (first.adcode,), True
            parts = parts[1:]
    out: list[Result] = []
    places = 0
    parts = [p for p in parts if not _DATE_OR_NUMBER.fullmatch(p)]  # a table's other cells
    for part in parts:
        r = rd.resolve(part, context, strict=strict)
        if out and _remark_of(out[-1], r):
            # 张家港市 江苏省: a table's province column after the name is where it lies
            out[-1].add(note("column_unit", unit=part))
            places += 1
            continue
        got = [r] if r.status != UNMATCHED else names_run_together(rd, part, context) or [r]
        for r in got:
            if r.input in ("", part):
                r.input = part
                r.add(note("split_at_space"))
            if r.status not in (UNMATCHED, AMBIGUOUS):
                context = r.context or context
            places += r.status != UNMATCHED
            out.append(r)
    return out if out and places >= 2 and places * 2 > len(out) else []


def _remark_of(before: Result, r: Result) -> bool:
    """A province or prefecture written after a unit that lies in it (a table's column)."""
    return (r.status == MATCHED and r.level in ("province", "prefecture")
            and before.status in (MATCHED, APPROXIMATE) and before.adcode != r.adcode
            and within(before.adcode, r.adcode))


def read_column(names: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """A table's name column, read by the same code as a pasted list (separators, 和/及/与,
    counts, units in brackets: 安吉、德清两县 gives two answers), each cell on its own: no
    context is carried from one row to the next."""
    return list(iter_read_column(names, geocoder))


def iter_read_column(
    names: Iterable[str], geocoder: Geocoder | None = None, *, reader: Reader | None = None
) -> Iterator[Result]:
    """read_column, yielding each cell's answers as it is read (under `reader`'s budget)."""
    gc = reader.gc if reader else geocoder or Geocoder()
    rd = reader or Reader(gc)
    for row, name in enumerate(names, 1):
        context: tuple[str, ...] = ()
        strict = False
        parts = [p for p in (_clean_item(x) for x in _split_items(name.strip())) if p]
        if not parts:
            yield _no_name(name)
            continue
        for part in parts:
            rd.next_item()
            try:
                found, context, strict = _read_item(rd, Item(part, row, True), context, strict)
            except OverBudget as over:
                found = [over_budget(part, over.reason)]
            for r in found:
                r.input = name if len(parts) == 1 and r.input == part else r.input
            yield from found


def _no_name(name: str) -> Result:
    res = Result(name, UNMATCHED, reason=why.EMPTY)
    res.add(note("empty"))
    return res


def geocode_names(names: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """Exactly one answer per name, no context carried: for curated tables whose rows are
    one place each (practices, land reform); a person's table is read by read_column."""
    gc = geocoder or Geocoder()
    out = []
    for name in names:
        res = gc.resolve(_clean_item(name) if _ENUM.match(name) else name.strip())
        res.input = name
        out.append(res)
    return out
