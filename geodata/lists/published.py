"""Lists in the published shape, read: the entry points (`geocode_lines`, its
streaming form `iter_geocode_lines`, a table's column `read_column`, curated tables'
`geocode_names`) and how one item is read in the context of the items before it (a head
before a colon or a full stop, prose around a list in brackets, a list of cities).

One province (or 新疆生产建设兵团) per line, items separated by 、，,；;, later items
inheriting the province or prefecture before them as a preference; a header above them
(cut by geodata.lists.items) is a fence. An item holding more than one unit is split by
geodata.lists.joined; names run together or inside a sentence are found by geodata.lists.runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import Note, note
from geodata.geocode import reasons as why
from geodata.geocode.answer import Method
from geodata.geocode.geocoder import (
    AMBIGUOUS,
    APPROXIMATE,
    MATCHED,
    UNMATCHED,
    Geocoder,
    Result,
)
from geodata.lists.items import (
    ENUM,
    HEADER,
    Item,
    clean_item,
    items_of,
    leading_province,
    province_only,
    split_items,
)
from geodata.lists.joined import resolve_joined
from geodata.lists.reader import OverBudget, Reader, over_budget
from geodata.lists.runs import names_run_together, unit_at_an_edge, units_in_prose

# 河北省。迁西县: a head then a full stop (a colon is HEADER's)
_STOP_HEAD = re.compile(r"^(?P<head>[^:：。.．]{2,20})[。.．]+(?P<rest>.+)$")
# a list in brackets: （包括宁冈、永新…）; the words that introduce one
_LISTING_WORDS = ("包括", "包含", "其中")
ITEM_NAME_MAX = settings.ITEM_NAME_MAX
_BRACKETED_LIST = re.compile(r"[（(](?P<inner>[^（）()]*[、，,][^（）()]*)[）)]")
CITY_LIST_MIN, CITY_LIST_SHARE = settings.CITY_LIST_MIN, settings.CITY_LIST_SHARE
_MUNICIPALITIES = frozenset({"110000", "120000", "310000", "500000"})


def geocode_lines(lines: Iterable[str], geocoder: Geocoder | None = None) -> list[Result]:
    """One result per item (more where 和/及/与 or spaces join units), in input order;
    context resets at each line, to the province of the header above it if there is one."""
    gc = geocoder or Geocoder()
    return cities_of_a_city_list(list(iter_geocode_lines(lines, gc)), gc)


def cities_of_a_city_list(results: list[Result], gc: Geocoder) -> list[Result]:
    """朝阳 is 辽宁's prefecture-level city and a district of 北京 and of 长春: in a list
    whose other answers are (mostly) prefecture-level cities, a bare name that fits one
    city (prefecture-level, else county-level) and districts or counties elsewhere is the
    city; the alternatives stay in `candidates`."""
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
        if not one:  # else a county-level city beside counties (伊宁: 伊宁市, not 伊宁县)
            one = [u for u in found if u.name.endswith("市")]
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
    m = HEADER.match(text)
    if m and m.group("rest").strip():  # "河北省：唐山市" — the part before the colon is context
        text = m.group("rest").strip()
        if province := province_only(m.group("head")):
            # 河南：… heads with the province (河南 is also a county of 青海)
            context, strict = (province,), True
        elif (head := rd.resolve(m.group("head"), context)).status not in (
            UNMATCHED,
            AMBIGUOUS,
        ):
            context = _held_by(head)
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
            or unit_at_an_edge(rd, text, context, strict)
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
            # an answer inside the context's innermost unit keeps it (南昌市:蒋巷镇、
            # 黄马乡: both towns of 南昌市), one outside hands on its own
            inside = context and res.adcode and within(res.adcode, context[-1])
            context = context if inside and len(context) > len(res.context) else res.context
        elif leading := leading_province(res.input):
            # 北京市丁青县 is no place, but the line is about 北京市 all the same
            context = (leading,)
    return out, context, strict


def _unit_head(rd: Reader, head: str, context: tuple[str, ...]) -> tuple[str, ...]:
    """The context a province or prefecture written as a head gives, or ()."""
    if province := province_only(head):
        return (province,)
    r = rd.resolve(head, context, strict=False)
    if r.status == MATCHED and r.level in ("province", "prefecture"):
        return _held_by(r)
    return ()


def _held_by(head: Result) -> tuple[str, ...]:
    """The context a head before a colon or a full stop gives the items after it: the
    unit itself (南昌市:蒋巷镇 is a town of 南昌市), where an item's own answer hands
    on only its province to the next item (a list of cities runs on across them)."""
    if head.level in ("prefecture", "county") and head.adcode:
        return (*head.context, head.adcode)
    return head.context or (head.adcode,)


def _list_in_brackets(
    rd: Reader, item: Item, text: str, context: tuple[str, ...], strict: bool
) -> list[Result]:
    """…革命根据地(包括宁冈、永新、莲花3县和吉安…): a list in brackets inside prose that is
    no place. Its items are read as a list's are, after the prose, in the prose's context."""
    m = _BRACKETED_LIST.search(text) if len(text) <= settings.ITEM_NAME_MAX else None
    if m is None:
        return []
    parts = [p for p in (clean_item(x) for x in split_items(m.group("inner"))) if p]
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
        parts = [p for p in (clean_item(x) for x in split_items(name.strip())) if p]
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
        res = gc.resolve(clean_item(name) if ENUM.match(name) else name.strip())
        res.input = name
        out.append(res)
    return out
