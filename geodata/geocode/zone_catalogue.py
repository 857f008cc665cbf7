"""China's main economic function zones, read whole before a name is split into units.

A zone's name often begins with characters that look like a unit (市北…, a park of 上海's
静安区, is no 市 + 北…; 新芜…, named after a district merged away in 2005, lies where the
zone lies). The national list of zones (seeds/data/dev_zones.csv, derived by
scripts/derive_dev_zones.py with the place each zone is proved to lie in) is looked up
first: a name it lists, with or without the province it begins with, is that zone; a
name made of a listed zone's own name (one that names no unit of today) and other zone
words (市北高新技术服务业园区 for 上海市北工业园区) is that zone, approximately. Both are
rows of geodata.geocode.forms' table, ranked by its one key; a zone listed without a proved
place, or one whose name fits zones in several places, answers nothing by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import seeds
from geodata.basics.cache import cached_json
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.basics.settings import OUTSIDE_INHERITED_COST, ZONE_OWN_NAME_MIN
from geodata.geocode import reasons as why
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, UNMATCHED, Method, Result
from geodata.geocode.gazetteer import Gazetteer, gazetteer
from geodata.geocode.names import normalise
from geodata.geocode.placing import Placer

# the words that begin a zone's kind after its own name (市北|工业园区, 漕河泾|新兴技术开发区)
_KIND_WORDS = re.compile(
    "经济|高新|高技术|工业|产业|开发|保税|出口|综合|科技|新兴|农业|技术|边境|现代|循环"
    "|旅游|台商|投资|国家|国际|物流|化学|化工|生态|创新|软件|信息|金融|商贸|临港|临空"
    "|空港|航空|航天|服务业"
)


@dataclass(frozen=True, slots=True)
class Zone:
    name: str  # as the list writes it
    adcode: str  # today's unit it is proved to lie in (county, prefecture or province)
    proof: str  # how (seeds/data/README.md)


def core(name: str) -> str:
    """A zone name's own part, before its kind (市北工业园区 -> 市北); "" for none."""
    m = _KIND_WORDS.search(name)
    return name[: m.start()] if m and m.start() >= ZONE_OWN_NAME_MIN else ""


class ZoneCatalogue:
    def __init__(self, gz: Gazetteer, rows: Iterable[dict[str, str]],
                 keep: frozenset[str] = frozenset(), *,
                 tables: dict[str, Any] | None = None) -> None:
        """The list `rows` indexed for `gz`; or the index `tables()` wrote, read back."""
        self.whole: dict[str, list[Zone]]
        self.cores: dict[str, list[Zone]]
        # the provinces where an own name is also a unit's (市北: 青岛's 市北区)
        self.unit_provinces: dict[str, frozenset[str]]
        self._ends: set[str]  # the last two characters of any name it may read
        self._provinces: dict[str, list[tuple[str, str]]]  # by first character
        if tables is not None:
            zones = [Zone(*z) for z in tables["zones"]]
            self.whole = {k: [zones[i] for i in b] for k, b in tables["whole"].items()}
            self.cores = {k: [zones[i] for i in b] for k, b in tables["cores"].items()}
            self.unit_provinces = {k: frozenset(v) for k, v in tables["unit_provinces"].items()}
            self._ends = set(tables["ends"])
            self._provinces = {k: [(f, c) for f, c in v] for k, v in tables["provinces"].items()}
            return
        # every written form of a province (河北省, 河北; 新疆生产建设兵团), longest first
        provinces = {
            form: gz.units[i].code
            for form, hits in gz.aliases.items()
            for i, _ in hits
            if gz.units[i].level == "province" and gz.units[i].current
        }
        self._provinces = {}
        for form, code in sorted(provinces.items(), key=lambda kv: -len(kv[0])):
            self._provinces.setdefault(form[0], []).append((form, code))
        self.whole, self.cores, self.unit_provinces, self._ends = {}, {}, {}, set()
        for row in rows:
            # a zone listed without a proved place is kept: its name is known (a split
            # of it into a unit is no proof), its place is not
            zone = Zone(row["name"], row["adcode"], row["proof"])
            name = normalise(zone.name, None, keep, annotated=False)
            # 河北鹿泉经济开发区 is written 鹿泉经济开发区 as often (上海市北… not 北…)
            rests = [r for r, _ in self._without_province(name) if core(r)]
            for key in (name, *rests):
                _add(self.whole, key, zone)
                self._ends.add(key[-2:])
            for key in rests or [name]:
                own = core(key)
                if own:
                    _add(self.cores, own, zone)
                    self.unit_provinces[own] = frozenset(
                        gz.units[i].code[:2] for i, _ in gz.aliases.get(own, ())
                        if gz.units[i].current
                    )

    def tables(self) -> dict[str, Any]:
        """The catalogue's indexes as JSON (each zone once, referred to by its place)."""
        zones = list(dict.fromkeys(z for table in (self.whole, self.cores)
                                   for bucket in table.values() for z in bucket))
        at = {z: i for i, z in enumerate(zones)}
        return {
            "zones": [[z.name, z.adcode, z.proof] for z in zones],
            "whole": {k: [at[z] for z in b] for k, b in self.whole.items()},
            "cores": {k: [at[z] for z in b] for k, b in self.cores.items()},
            "unit_provinces": {k: sorted(v) for k, v in self.unit_provinces.items()},
            "ends": sorted(self._ends),
            "provinces": self._provinces,
        }

    def _without_province(self, s: str) -> list[tuple[str, str]]:
        """(the rest, the province's code) for each province name `s` begins with."""
        return [
            (s[len(form):], code)
            for form, code in self._provinces.get(s[:1], ())
            if s.startswith(form) and len(s) - len(form) >= 4
        ]

    def province_of(self, s: str) -> str:
        """The code of the province `s` begins with the name of; "" for none."""
        return next((code for form, code in self._provinces.get(s[:1], ()) if s.startswith(form)),
                    "")

    def lookup(self, s: str, by_core: bool, province: str = "") -> list[Zone]:
        """The listed zones `s` names (whole, or by their own name with other zone words
        when `by_core`); a province `s` begins with must be the zone's. `province` is the
        one the list gives (its code), if any."""
        if s[-2:] not in self._ends:
            # most names (every county's) end as no listed zone does; a name read by a
            # zone's own name must still end as one (…高新技术服务业园区, …产业区)
            return []
        found = list(self._hits(s, by_core, province))
        for rest, code in self._without_province(s):
            found += [z for z in self._hits(rest, by_core, code) if z.adcode[:2] == code[:2]]
        return list(dict.fromkeys(found))

    def _hits(self, s: str, by_core: bool, province: str) -> list[Zone]:
        if not by_core:
            return self.whole.get(s, [])
        own = core(s)
        if not own:
            return []
        # an own name that is also a unit's is that unit's namesake (today's reading),
        # unless the list's province holds no such unit (市北… among 上海's items)
        units = self.unit_provinces.get(own, frozenset())
        if units and (not province or province[:2] in units):
            return []
        return self.cores.get(own, [])


def _add(table: dict[str, list[Zone]], key: str, zone: Zone) -> None:
    bucket = table.setdefault(key, [])
    if zone not in bucket:
        bucket.append(zone)


class ZoneReader:
    """Reads a name as a zone of the list, into the geocoder's answer."""

    def __init__(self, gz: Gazetteer, placer: Placer, keep: frozenset[str]) -> None:
        self.gz, self.placer = gz, placer

        def build() -> dict[str, Any]:
            return ZoneCatalogue(gz, seeds.load_dev_zones(), keep).tables()

        # the list of zones, indexed for `gz`: ~0.03 s to build, so the shipped gazetteer's
        # index is kept with the prepared data (whose key covers the list and this code)
        # and each process only reads it
        tables = cached_json(f"zones-{len(gz.units)}.json", build) if gz is gazetteer() else build()
        self.catalogue = ZoneCatalogue(gz, (), tables=tables)

    def read(self, s: str, context: tuple[str, ...], strict: bool, by_core: bool) -> Result:
        """The zone of the list `s` names: inside the list's province when it states one,
        preferably so when one was inherited; unless `s` begins with a province's name."""
        zones = self.catalogue.lookup(s, by_core, context[0] if context else "")
        if not zones:  # most names
            return Result("", UNMATCHED)
        if not by_core and not any(z.adcode for z in zones):
            # listed whole, placed nowhere: known, and not to be placed by a unit its name
            # recalls (明水经济技术开发区 is no zone of 黑龙江's 明水县 for the list)
            return Result("", AMBIGUOUS, level="zone", method=Method.NAME | Method.ZONE_LISTED,
                          reason=why.ZONE_UNPLACED,
                          notes=(note("zone_unplaced", zone=zones[0].name),))
        zones = [z for z in zones if z.adcode]
        if context and not self.catalogue.province_of(s):
            inside = [z for z in zones if z.adcode[:2] == context[0][:2]]
            zones = inside if strict or inside else zones
        places = sorted({z.adcode for z in zones})
        if not places:
            return Result("", UNMATCHED)
        if len(places) > 1:
            cands = " | ".join(f"{c} {self.placer.path(c)}" for c in places)
            return Result("", AMBIGUOUS, level="zone", method=Method.NAME, candidates=cands,
                          reason=why.SEVERAL_PLACES,
                          notes=(note("several_places", n=len(places), name=s),))
        code = places[0]
        res = self.placer.unit_result(self.gz.current[code], "",
                                      Method.NAME | Method.ZONE_LISTED | Method.ZONE_UNIT_POINT)
        res.level, res.town = "zone", s  # the zone as written; the note names the listed
        # no boundary of its own: a point of the unit it is proved to lie in
        res.status = APPROXIMATE
        res.reason = why.ZONE_OWN_NAME if by_core else why.ZONE_NO_BOUNDARY
        named = "、".join(z.name for z in zones[:3]) + ("…" if len(zones) > 3 else "")
        res.add(note("zone_listed", zone=named, unit=res.unit_name))
        prefecture = code[:4] + "00"
        below = prefecture in self.gz.current and not prefecture.endswith("0000")
        res.context = (code[:2] + "0000",) + ((prefecture,) if below else ())
        return res

    # the readers of geodata.geocode.forms' two rows that read a listed zone (bound methods:
    # they are tried on every name)
    def listed(self, s: str, context: tuple[str, ...], strict: bool) -> Result:
        return self.read(s, context, strict, by_core=False)

    def by_own_name(self, s: str, context: tuple[str, ...], strict: bool) -> Result:
        return self.read(s, context, strict, by_core=True)


def no_zone(s: str, context: tuple[str, ...], strict: bool) -> Result:
    """The reader of those rows for a geocoder without the list of zones."""
    return Result("", UNMATCHED)


def prefer_context(readings: list[tuple[Result, int]], context: tuple[str, ...],
                   strict: bool) -> list[tuple[Result, int]]:
    """A province an earlier item named (not this line) is a preference: a reading outside
    it costs more, so one inside wins a tie of status (市北高新技术服务业园区 after 上海's
    items is 上海's listed zone, not 青岛's 市北区)."""
    if not context or strict:
        return readings
    province = context[0][:2] + "0000"
    return [
        (r, c + (OUTSIDE_INHERITED_COST if r.adcode and not within(r.adcode, province) else 0))
        for r, c in readings
    ]
