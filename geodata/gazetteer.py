"""The compact name index the geocoder runs on: built once from the boundary files,
GB2260 history and GeoNames, then stored as JSON so a process starts in milliseconds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import seeds
from geodata._cache import cached_json
from geodata.boundaries import level_of, raw_features
from geodata.history import historical_units
from geodata.names import BARE, FULL, name_forms
from geodata.towns import build_town_index

LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "zone": 3}

ZONE_NAME = re.compile(
    r"(经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|新区|园区|产业园|工业园|"
    r"试验区|实验区|示范区|合作区|保税区)$"
)


def is_zone(code: str, name: str) -> bool:
    """GB2260 gave some zones codes of their own (xxxx7x) though they have no boundary."""
    return bool(ZONE_NAME.search(name)) or code[4:5] == "7"


# Names that stand for a province without being one (XPCC cities lie in Xinjiang).
PSEUDO_PROVINCES = {"新疆生产建设兵团": ("650000", FULL), "兵团": ("650000", BARE)}


def _build() -> dict[str, object]:
    units: dict[str, list[object]] = {}
    for layer in ("province", "prefecture", "county"):
        for code, name, geom in raw_features(layer):
            if code in units:
                continue
            pt = geom.representative_point()
            units[code] = [code, name, level_of(code), round(pt.x, 5), round(pt.y, 5)]
    current = {c: u[1] for c, u in units.items()}
    hist = []
    for h in historical_units(current):
        code, name, target = str(h["code"]), str(h["name"]), h["target"]
        level = level_of(code)
        if target is None and is_zone(code, name):
            # a development zone or new area with a code but no boundary: keep it as a
            # zone inside the prefecture (or province) that still exists
            level = "zone"
            target = next((c for c in (code[:4] + "00", code[:2] + "0000") if c in current), None)
        hist.append([code, name, level, target, h["changed"], h["source"], str(h["last"])])
    # curated renames of places that had no code of their own (龙港镇, 光明新区)
    for r in seeds.load_renames():
        if not r["old_adcode"]:
            hist.append(
                [
                    "",
                    r["old_name"],
                    "town",
                    r["new_adcode"],
                    r["year"],
                    r["source"],
                    r["old_parent_adcode"],
                ]
            )
    return {"units": sorted(units.values()), "history": hist, "towns": build_town_index()}


@dataclass(slots=True)
class Unit:
    """A name the geocoder can match: today's unit, or a former one linked to it."""

    code: str  # code as written then ("" for a place that had none)
    name: str
    level: str
    target: str | None  # today's adcode
    ancestors: frozenset[str]
    current: bool = True
    changed: str = ""
    source: str = ""
    last_seen: str = ""  # last GB2260 revision that lists a former unit


@dataclass(slots=True)
class Gazetteer:
    units: list[Unit]
    current: dict[str, Unit]
    points: dict[str, tuple[float, float]]
    towns: dict[str, list[list[object]]]
    aliases: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)
    max_alias: int = 0

    def add_alias(self, form: str, unit_idx: int, strength: int) -> None:
        bucket = self.aliases.setdefault(form, [])
        if all(u != unit_idx for u, _ in bucket):
            bucket.append((unit_idx, strength))
        for i in range(1, len(form) + 1):
            self.prefixes.add(form[:i])
        self.max_alias = max(self.max_alias, len(form))

    def name_of(self, code: str) -> str:
        unit = self.current.get(code)
        return unit.name if unit else ""


def ancestors_of(code: str) -> frozenset[str]:
    out = {code[:2] + "0000", code[:4] + "00"}
    out.discard(code)
    return frozenset(out)


@cache
def gazetteer() -> Gazetteer:
    raw = cached_json("gazetteer.json", _build)
    units: list[Unit] = []
    points: dict[str, tuple[float, float]] = {}
    for code, name, level, lon, lat in raw["units"]:
        units.append(Unit(code, name, level, code, ancestors_of(code)))
        points[code] = (lon, lat)
    current = {u.code: u for u in units}
    for code, name, level, target, changed, source, extra in raw["history"]:
        last = ""
        if code:
            anc, last = ancestors_of(code), extra
        else:  # a place without a code: `extra` is the code of the unit it lay in
            anc = ancestors_of(extra) | {extra}
            code = extra
        units.append(Unit(code, name, level, target, anc, False, changed, source, last))
    gz = Gazetteer(units=units, current=current, points=points, towns=raw["towns"])
    for i, u in enumerate(units):
        for form, strength in name_forms(u.name).items():
            gz.add_alias(form, i, strength)
    for form, (code, strength) in PSEUDO_PROVINCES.items():
        gz.add_alias(form, units.index(current[code]), strength)
    return gz
