"""Reading a normalised name as chains of administrative names, each inside the one
before (province → prefecture → county), optionally ended by a town or a zone.

`parses` gives every chain that explains the whole text; `longest_prefix` the chain of
fully written names that explains the most of its start (to say where reading stopped).
Both walk the same way, through the gazetteer's written forms and their prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from geodata.geocode.gazetteer import (
    LEVEL_DEPTH,
    ZONE_NAME,
    ZONE_SUFFIXES,
    Gazetteer,
    Unit,
)
from geodata.geocode.names import BARE

TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木", "办事处", "区公所")
# a town's name is Chinese characters (never 省): `<镇` is no town
TOWN_TAIL = re.compile(r"^(?!.*省)[\u4e00-\u9fff]{1,8}?(" + "|".join(TOWN_SUFFIXES) + ")$")

TAIL_NONE, TAIL_TOWN, TAIL_ZONE = 0, 1, 2
# last characters of town and zone names: only a name ending in one can have a tail
_TAIL_ENDS = frozenset(suffix[-1] for suffix in TOWN_SUFFIXES + ZONE_SUFFIXES)
# 贵安新区和西咸新区: a town's or zone's name ended, then another began after a conjunction
_TWO_NAMES = re.compile(
    "(?:" + "|".join(TOWN_SUFFIXES + ZONE_SUFFIXES) + ")(?:以及|和|及|与)[\u4e00-\u9fff]"
)


@dataclass(slots=True)
class Parse:
    chain: tuple[int, ...]  # indexes into Gazetteer.units, outermost first
    strength: int
    covered: int  # characters explained by unit names
    tail: str
    tail_kind: int
    current: int  # how many of the chain's units are today's
    bare_end: str = ""  # the last unit as written, when without its type word (长白 for 长白县)


Prefix = tuple[tuple[int, ...], int]  # a chain and where it ends in the text
# where a walk stands: where the rest begins, the last unit's code and depth ("" and -1:
# none yet), the chain, its strength, the characters it covers, how many of its units
# are today's, the last unit as written when bare
_State = tuple[int, str, int, tuple[int, ...], int, int, int, str]
MayHold = Callable[[str, int], bool]


def _never(tail: str, kind: int) -> bool:
    return False


def _walk(
    s: str, gz: Gazetteer, root: Unit | None, may_hold: MayHold | None
) -> tuple[list[Parse], Prefix | None]:
    """Walk every chain of names that reads `s` from its start, each unit inside the one
    before (the first inside `root`, when there is one). With `may_hold` (whether a town
    or zone with no unit before it may lie in `root`): the readings of the whole text,
    those by names alone when there are some, else those that end in a town or zone (a
    reading by names alone explains more characters, the first thing the geocoder's key
    weighs after a town's being known, so no reading with a tail could win: its tail is
    not even looked at). Without: only names written in full or with their type word,
    and the chain that reads the most of the start.

    The walk runs on a stack, depth first, each unit's readings in the order of their
    end in the text (the order the readings come out in decides ties downstream); one
    look-up in `gz.steps` per character read gives both whether a form may go on and
    the units a form names, with what the walk checks of each."""
    n, steps = len(s), gz.steps
    whole = may_hold is not None
    hold: MayHold = may_hold if may_hold is not None else _never
    tail_possible = whole and s[-1] in _TAIL_ENDS  # only then can a town or zone end it
    weakest = 0 if whole else BARE + 1
    out: list[Parse] = []
    tails: list[tuple[tuple[int, ...], int, int, int, int, str]] = []  # read if `out` is empty
    best: Prefix | None = None
    root_state = (root.code, LEVEL_DEPTH[root.level]) if root is not None else ("", -1)
    stack: list[_State] = [(0, *root_state, (), 0, 0, 0, "")]
    while stack:
        pos, last, last_depth, chain, strength, covered, cur, bare = stack.pop()
        if last_depth >= 0:
            if pos == n and whole:
                out.append(Parse(chain, strength, covered, "", TAIL_NONE, cur, bare))
            elif tail_possible:
                tails.append((chain, pos, strength, covered, cur, bare))
            elif not whole and (best is None or pos > best[1]):
                best = (chain, pos)
        inner: list[_State] = []
        for end in range(pos + 1, n + 1):
            sub = s[pos:end]
            hits = steps.get(sub)
            if hits is None:
                break
            for st, (idx, code, ancestors, depth, current, generic) in hits:
                if st < weakest:
                    continue
                if last_depth < 0:
                    if whole and generic:
                        continue  # 新区 alone is no place: only inside a unit the text names
                # each unit inside the one before: among its ancestors, and of a deeper level
                elif last not in ancestors or depth <= last_depth:
                    continue
                inner.append((end, code, depth, (*chain, idx), strength + st,
                              covered + end - pos, cur + current, sub if st == BARE else ""))
        if inner:
            inner.reverse()  # popped in the order found
            stack += inner
    if not out:
        for chain, pos, strength, covered, cur, bare in tails:
            kind = tail_kind(s[pos:])
            if kind is not None and (chain or hold(s[pos:], kind)):
                out.append(Parse(chain, strength, covered, s[pos:], kind, cur, bare))
    return out, best


def parses(s: str, gz: Gazetteer, root: Unit | None, root_may_hold: MayHold) -> list[Parse]:
    """Every reading of the whole of `s` that may win: chains of names, or when there is
    none, chains then a town or a zone. `root_may_hold(tail, kind)` says whether a town or
    zone with no unit before it in the text may lie in `root`."""
    return _walk(s, gz, root, root_may_hold)[0]


def longest_prefix(s: str, gz: Gazetteer) -> Prefix | None:
    """The chain of names written in full (or with their type word) that reads the most
    of the start of `s`, and where it ends; None when no name starts it."""
    return _walk(s, gz, None, None)[1]


def tail_kind(tail: str) -> int | None:
    """TAIL_NONE for no tail, TAIL_ZONE or TAIL_TOWN for a zone's or town's name, None
    for anything else."""
    if not tail:
        return TAIL_NONE
    if tail[-1] not in _TAIL_ENDS:
        return None
    if ("和" in tail or "及" in tail or "与" in tail) and _TWO_NAMES.search(tail):
        return None
    if ZONE_NAME.search(tail):
        return TAIL_ZONE
    if TOWN_TAIL.match(tail):
        return TAIL_TOWN
    return None


def context_after(u: Unit, p: Parse, units: list[Unit]) -> tuple[str, ...]:
    """What the next item inherits: the province, and the prefecture when this item
    named something below one."""
    prov = u.code[:2] + "0000" if u.code else ""
    ctx = [prov] if prov else []
    if u.level in ("county", "town"):
        codes = [units[i].code for i in p.chain]
        pref = next((c for c in codes if c.endswith("00") and not c.endswith("0000")), "")
        if not pref and u.code[:4] + "00" != prov:
            pref = u.code[:4] + "00"
        if pref:
            ctx.append(pref)
    return tuple(ctx)
