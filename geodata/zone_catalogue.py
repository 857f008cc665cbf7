"""China's main economic function zones, read whole before a name is split into units.

A zone's name often begins with characters that look like a unit (市北…, a park of 上海's
静安区, is no 市 + 北…; 新芜…, named after a district merged away in 2005, lies where the
zone lies). The national list of zones (seeds/data/dev_zones.csv, derived by
scripts/derive_dev_zones.py with the place each zone is proved to lie in) is looked up
first: a name it lists, with or without the province it begins with, is that zone; a
name made of a listed zone's own name (one that names no unit of today) and other zone
words (市北高新技术服务业园区 for 上海市北工业园区) is that zone, approximately. Both are
rows of geodata.forms' table, ranked by its one key; a zone listed without a proved
place, or one whose name fits zones in several places, answers nothing by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import seeds
from geodata.gazetteer import Gazetteer
from geodata.names import normalise
from geodata.settings import ZONE_OWN_NAME_MIN

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
                 keep: frozenset[str] = frozenset()) -> None:
        # every written form of a province (河北省, 河北; 新疆生产建设兵团), longest first
        provinces = {
            form: gz.units[i].code
            for form, hits in gz.aliases.items()
            for i, _ in hits
            if gz.units[i].level == "province" and gz.units[i].current
        }
        self._provinces: dict[str, list[tuple[str, str]]] = {}  # by first character
        for form, code in sorted(provinces.items(), key=lambda kv: -len(kv[0])):
            self._provinces.setdefault(form[0], []).append((form, code))
        self.whole: dict[str, list[Zone]] = {}
        self.cores: dict[str, list[Zone]] = {}
        # the provinces where an own name is also a unit's (市北: 青岛's 市北区)
        self.unit_provinces: dict[str, frozenset[str]] = {}
        self._ends: set[str] = set()  # the last two characters of any name it may read
        for row in rows:
            if not row["adcode"]:
                continue  # listed, but no place is proved: nothing to answer with
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


def zone_catalogue(gz: Gazetteer, keep: frozenset[str] = frozenset()) -> ZoneCatalogue:
    """The list of zones, indexed for `gz` (built in ~0.1 s, once per geocoder)."""
    return ZoneCatalogue(gz, seeds.load_dev_zones(), keep)
