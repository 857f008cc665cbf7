"""How much of each province the pilots cover, counted in county-level units.

A county pilot covers itself, a prefecture pilot every county-level unit of that
prefecture, a whole-province pilot all of them; towns and zones cover no whole unit.
A prefecture-level city without counties (东莞, 嘉峪关 …) is one unit of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from geodata.basics.codes import level_of
from geodata.boundaries.layers import load_layer


@dataclass(frozen=True, slots=True)
class Coverage:
    covered: int
    total: int
    whole_province: bool  # a pilot is the whole province

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0


@cache
def county_units() -> dict[str, tuple[str, ...]]:
    """Province adcode -> adcodes of its county-level units (boundary file)."""
    # the display layers: already loaded for the registry, so no second copy of shapes
    counties = [str(c) for c in load_layer("county", simplified=True)["adcode"]]
    prefectures = [str(c) for c in load_layer("prefecture", simplified=True)["adcode"]]
    with_counties = {c[:4] for c in counties}
    units = counties + [p for p in prefectures if p[:4] not in with_counties]
    out: dict[str, list[str]] = {}
    for code in sorted(units):
        out.setdefault(code[:2] + "0000", []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def coverage(pilots: Iterable[Mapping[str, object]],
             units: Mapping[str, tuple[str, ...]] | None = None) -> dict[str, Coverage]:
    """Per province adcode: county-level units covered by the given pilot rows (each
    with `adcode`, `level` and, for a group, `members`), out of all of them. A group
    (重庆市主城九区: code 500000, nine districts) covers its members, never the province."""
    units = county_units() if units is None else units
    prefixes: dict[str, set[str]] = {}
    whole: set[str] = set()
    for r in pilots:
        code, level = str(r.get("adcode") or ""), str(r.get("level") or "")
        members = str(r.get("members") or "").split()
        if members:
            for m in members:
                if len(m) == 6 and level_of(m) in ("prefecture", "county"):
                    prefixes.setdefault(m[:2] + "0000", set()).add(
                        m[:4] if level_of(m) == "prefecture" else m)
            continue
        if len(code) != 6:
            continue
        prov = code[:2] + "0000"
        if level == "province" or (not level and level_of(code) == "province"):
            whole.add(prov)
        elif level in ("prefecture", "county"):
            prefixes.setdefault(prov, set()).add(code[:4] if level == "prefecture" else code)
    out = {}
    for prov, codes in units.items():
        if prov in whole:
            out[prov] = Coverage(len(codes), len(codes), True)
            continue
        mine = prefixes.get(prov, set())
        n = sum(1 for c in codes if c in mine or c[:4] in mine)
        out[prov] = Coverage(n, len(codes), False)
    return out
