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

from geodata.gazetteer import GENERIC_ZONES, LEVEL_DEPTH, ZONE_NAME, ZONE_SUFFIXES, Gazetteer, Unit
from geodata.names import BARE

TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木", "办事处")
# a town's name is Chinese characters (never 省): `<镇` is no town
TOWN_TAIL = re.compile(r"^(?!.*省)[\u4e00-\u9fff]{1,8}?(" + "|".join(TOWN_SUFFIXES) + ")$")

TAIL_NONE, TAIL_TOWN, TAIL_ZONE = 0, 1, 2
# last characters of town and zone names: only a name ending in one can have a tail
_TAIL_ENDS = frozenset(suffix[-1] for suffix in TOWN_SUFFIXES + ZONE_SUFFIXES)


@dataclass(slots=True)
class Parse:
    chain: tuple[int, ...]  # indexes into Gazetteer.units, outermost first
    strength: int
    covered: int  # characters explained by unit names
    tail: str
    tail_kind: int
    current: int  # how many of the chain's units are today's
    bare_end: str = ""  # the last unit as written, when without its type word (长白 for 长白县)


# (position, chain, strength, covered, current, bare_end) of one step of a walk
Visit = Callable[[int, tuple[int, ...], int, int, int, str], None]


def _walk(s: str, gz: Gazetteer, root: Unit | None, visit: Visit, strong_only: bool) -> None:
    """Call `visit` at every chain of names that reads `s` from its start, each unit
    inside the one before (the first inside `root`, when there is one; no visit with
    neither a chain nor a root). `strong_only`:
    only names written in full or with their type word, and a visit at every step; else
    only where the rest of `s` could be a town or zone (or there is no rest)."""
    units, aliases, prefixes, n = gz.units, gz.aliases, gz.prefixes, len(s)
    every = strong_only or s[-1] in _TAIL_ENDS  # a name's end has a visit in any case
    weakest = BARE + 1 if strong_only else 0

    def step(
        pos: int, chain: tuple[int, ...], strength: int, covered: int, cur: int, bare: str
    ) -> None:
        last = units[chain[-1]] if chain else root
        if (every or pos == n) and last is not None:
            visit(pos, chain, strength, covered, cur, bare)
        for end in range(pos + 1, n + 1):
            sub = s[pos:end]
            if sub not in prefixes:
                break
            for idx, st in aliases.get(sub, ()):
                u = units[idx]
                if st < weakest:
                    continue
                if last is None and not strong_only and u.name in GENERIC_ZONES:
                    continue  # 新区 alone is no place: only inside a unit the text names
                if last is None or inside(u, last):
                    step(
                        end,
                        (*chain, idx),
                        strength + st,
                        covered + end - pos,
                        cur + u.current,
                        sub if st == BARE else "",
                    )

    step(0, (), 0, 0, 0, "")


def parses(
    s: str, gz: Gazetteer, root: Unit | None, root_may_hold: Callable[[str, int], bool]
) -> list[Parse]:
    """Every reading of the whole of `s`: a chain, then nothing, a town or a zone.
    `root_may_hold(tail, kind)` says whether a town or zone with no unit before it in
    the text may lie in `root`."""
    out: list[Parse] = []
    n = len(s)
    tail_possible = s[-1] in _TAIL_ENDS  # only then can a town or zone end the name

    def visit(
        pos: int, chain: tuple[int, ...], strength: int, covered: int, cur: int, bare: str
    ) -> None:
        if pos == n:
            out.append(Parse(chain, strength, covered, "", TAIL_NONE, cur, bare))
        elif tail_possible:
            kind = tail_kind(s[pos:])
            if kind is not None and (chain or root_may_hold(s[pos:], kind)):
                out.append(Parse(chain, strength, covered, s[pos:], kind, cur, bare))

    _walk(s, gz, root, visit, strong_only=False)
    return out


def longest_prefix(s: str, gz: Gazetteer) -> tuple[tuple[int, ...], int] | None:
    """The chain of names written in full (or with their type word) that reads the most
    of the start of `s`, and where it ends; None when no name starts it."""
    best: tuple[tuple[int, ...], int] | None = None

    def visit(pos: int, chain: tuple[int, ...], *_: object) -> None:
        nonlocal best
        if chain and (best is None or pos > best[1]):
            best = (chain, pos)

    _walk(s, gz, None, visit, strong_only=True)
    return best


def tail_kind(tail: str) -> int | None:
    """TAIL_NONE for no tail, TAIL_ZONE or TAIL_TOWN for a zone's or town's name, None
    for anything else."""
    if not tail:
        return TAIL_NONE
    if tail[-1] not in _TAIL_ENDS:
        return None
    if ZONE_NAME.search(tail):
        return TAIL_ZONE
    if TOWN_TAIL.match(tail):
        return TAIL_TOWN
    return None


def inside(u: Unit, outer: Unit) -> bool:
    return outer.code in u.ancestors and LEVEL_DEPTH[u.level] > LEVEL_DEPTH[outer.level]


def context_after(u: Unit, p: Parse, units: list[Unit]) -> tuple[str, ...]:
    """What the next item inherits: the province, and the prefecture when this item
    named something below one."""
    codes = [units[i].code for i in p.chain]
    prov = u.code[:2] + "0000" if u.code else ""
    ctx = [prov] if prov else []
    if u.level in ("county", "town"):
        pref = next((c for c in codes if c.endswith("00") and not c.endswith("0000")), "")
        if not pref and u.code[:4] + "00" != prov:
            pref = u.code[:4] + "00"
        if pref:
            ctx.append(pref)
    return tuple(ctx)
