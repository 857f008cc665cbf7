"""One item that may hold more than one unit: two units joined by 和/及/与/以及
(安吉县和江山市), names apart by spaces (唐山市 邯郸市, a table's cells), and units in
brackets after the unit they lie in (石家庄市（鹿泉区、栾城区）). `resolve_joined` is the
one place an item is split; the work stays linear in the item's length."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Generator

from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.geocode import reasons as why
from geodata.geocode.geocoder import (
    AMBIGUOUS,
    APPROXIMATE,
    MATCHED,
    NEAR_REASONS,
    UNMATCHED,
    Result,
)
from geodata.lists.items import DATE_OR_NUMBER, SEPARATORS
from geodata.lists.reader import Reader
from geodata.lists.runs import CONJUNCTIONS, names_run_together

_REMARK_WORDS = ("含", "原", "不含", "即", "今", "包括")
# 石家庄市（鹿泉区、栾城区）: a unit, then units inside it in brackets
_TRAILING_BRACKETS = re.compile(r"^(?P<head>[^（(]{2,}?)[（(](?P<inner>[^（）()]+)[）)]$")
# most items hold none of their characters: nothing to find, no split point
_CONJUNCTION_CHARS = frozenset("".join(CONJUNCTIONS))
_NOT_JOINED: dict[str, list[int]] = {c: [] for c in CONJUNCTIONS}
_SPACES = re.compile(r"[\s\u3000]+")
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
    runs: dict[tuple[str, tuple[str, ...]], list[Result]] = {}

    def run_together(part: str, ctx: tuple[str, ...]) -> list[Result]:
        # a part read as names run together once, whether the province or the loop asks
        if (part, ctx) not in runs:
            runs[part, ctx] = names_run_together(rd, part, ctx)
        return runs[part, ctx]

    first = rd.resolve(parts[0], context, strict=strict) if len(parts) > 1 else None
    if first is not None and first.level == "province":
        inside = first.context or (first.adcode,)
        after = rd.resolve(parts[1], inside, strict=False)
        if after.status == UNMATCHED:
            after = next(iter(run_together(parts[1], inside)), after)
        if within(after.adcode, first.adcode):
            # 河北省 唐山市 邯郸市: a province before names inside it is their context
            context, strict = inside, True
            parts = parts[1:]
    out: list[Result] = []
    places = 0
    parts = [p for p in parts if not DATE_OR_NUMBER.fullmatch(p)]  # a table's other cells
    for part in parts:
        r = rd.resolve(part, context, strict=strict)
        if out and _remark_of(out[-1], r):
            # 张家港市 江苏省: a table's province column after the name is where it lies
            out[-1].add(note("column_unit", unit=part))
            places += 1
            continue
        got = [r] if r.status != UNMATCHED else run_together(part, context) or [r]
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
