"""Where an answer lies: today's unit with its path and point, and a town or zone placed
inside a unit (its own point where one is known, else a point of the unit)."""

from __future__ import annotations

import seeds
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.geocode import reasons as why
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Method, Result
from geodata.geocode.gazetteer import Gazetteer, Unit
from geodata.geocode.name_chains import TAIL_TOWN, TAIL_ZONE, TOWN_TAIL
from geodata.geocode.town_store import Town

TOWNSHIP_SOURCE = "township"  # a town known from the township list, without a point


class Placer:
    def __init__(self, gz: Gazetteer) -> None:
        self.gz = gz
        self._divided: dict[str, tuple[str, str]] | None = None  # on first use
        # every answer names its path: each unit's is looked up once
        self._paths: dict[str, tuple[str, str, str]] = {}

    def divided(self) -> dict[str, tuple[str, str]]:
        """Today's counties part of whose area became another unit since (余杭区: 临平区,
        2021; 苍南县: 龙港市, 2019), from the sourced change table and the curated
        renames: code -> (the new unit's name, year)."""
        if self._divided is None:
            out: dict[str, tuple[str, str]] = {}
            for r in seeds.load_changes():
                u = self.gz.current.get(r["old_code"])
                if u and u.level == "county" and u.name == r["old_name"] != r["new_name"]:
                    out[u.code] = (r["new_name"], r["year"])
            for r in seeds.load_renames():
                u = self.gz.current.get(r["old_parent_adcode"])
                if u and u.level == "county" and not r["old_adcode"]:  # a town made a unit
                    out[u.code] = (r["new_name"], r["year"])
            self._divided = out
        return self._divided

    def _outside_a_divided_unit(self, res: Result, unit: Unit) -> None:
        """A zone or town with no point of its own, in a county part of which became
        another unit since: it may lie in either, so it is placed in the prefecture."""
        if unit.level != "county" or unit.code not in self.divided():
            return
        new, year = self.divided()[unit.code]
        parent = unit.code[:4] + "00"
        parent = parent if parent in self.gz.current else unit.code[:2] + "0000"
        res.adcode, res.county = parent, ""
        self.fill_path(res, parent)
        res.unit_name = self.gz.current[parent].name
        res.lon, res.lat = self.gz.points[parent]
        res.notes = res.notes[:-1]  # not "placed inside" the county after all
        res.add(note("divided_unit", unit=unit.name, new=new, year=year,
                     parent=self.gz.current[parent].name))

    def zone_of_a_merged_unit(self, res: Result, unit: Unit, successor: Unit) -> None:
        """新芜经济开发区: a zone named after (or in) a unit merged away since lies where
        the zone lies, not surely in the unit's successor (新芜区 -> 镜湖区, and the zone is
        not there; 邢台县 went to more than one district): placed in the successor's
        prefecture (its province for a municipality's district)."""
        code = successor.code
        parent = code[:4] + "00"
        parent = parent if parent in self.gz.current else code[:2] + "0000"
        if parent == code:
            return
        res.adcode, res.county = parent, ""
        self.fill_path(res, parent)
        res.unit_name = self.gz.current[parent].name
        res.lon, res.lat = self.gz.points[parent]
        res.add(note("zone_of_merged_unit", unit=unit.name, new=successor.name,
                     parent=res.unit_name))

    # -- names and paths ---------------------------------------------------------
    def _path_names(self, code: str) -> tuple[str, str, str]:
        """(province, prefecture, unit) names of today's `code`; the prefecture is "" for
        a unit right under its province, the unit "" for a province or prefecture."""
        known = self._paths.get(code)
        if known is None:
            gz = self.gz
            prov, pref = code[:2] + "0000", code[:4] + "00"
            known = self._paths[code] = (
                gz.name_of(prov),
                gz.name_of(pref) if pref != prov else "",
                gz.name_of(code) if code not in (prov, pref) else "",
            )
        return known

    def path(self, code: str) -> str:
        """浙江省丽水市缙云县: the names from the province down to `code`."""
        return "".join(dict.fromkeys(p for p in self._path_names(code) if p))

    def fill_path(self, res: Result, code: str) -> None:
        res.province, res.prefecture, county = self._path_names(code)
        if self.gz.current[code].level == "county":
            res.county = county
        elif self.gz.current[code].level == "prefecture":
            res.prefecture = self.gz.current[code].name

    def unit_result(
        self, target: Unit, code_then: str, method: Method, renamed: str = ""
    ) -> Result:
        """A match on today's unit `target`, with its path and representative point."""
        res = Result(
            "",
            MATCHED,
            level=target.level,
            adcode=target.code,
            unit_name=target.name,
            renamed_from=renamed,
            adcode_then=code_then,
            method=method,
        )
        self.fill_path(res, target.code)
        res.lon, res.lat = self.gz.points[target.code]
        return res

    # -- towns -------------------------------------------------------------------
    def towns_named(self, name: str, unit: Unit | None = None) -> list[Town]:
        """The town index's places called `name` (or its stem without 镇/乡), one per
        county, inside `unit` when one is given."""
        names = [name, name[:-1]] if name.endswith(("镇", "乡")) else [name]
        found: dict[str, Town] = {}
        for n in names:
            for entry in self.gz.towns.get(n):
                county = str(entry[0])
                if unit is None or within(county, unit.code):
                    found.setdefault(county, entry)
        return list(found.values())

    def town_alone(self, s: str) -> Result | None:
        """A town named without any unit above it: list what the index knows, never pick
        (the town index is incomplete, so one hit does not prove there is one town);
        None when `s` is no town's name."""
        if not TOWN_TAIL.match(s):
            return None
        hits = self.towns_named(s)
        if not hits:
            return Result(
                "",
                UNMATCHED,
                level="town",
                town=s,
                method=Method.TOWN,
                notes=(note("town_unknown", name=s),),
                reason=why.TOWN_UNKNOWN,
            )
        return Result(
            "",
            AMBIGUOUS,
            level="town",
            town=s,
            method=Method.TOWN,
            candidates=" | ".join(f"{h[0]} {self.path(str(h[0]))}{s}" for h in hits),
            notes=(note("town_without_county", n=len(hits), name=s),),
            reason=why.TOWN_WITHOUT_COUNTY,
        )

    # -- below a unit --------------------------------------------------------------
    def place_below(self, res: Result, tail: str, kind: int, unit: Unit) -> None:
        """Put a town or zone inside `unit`: its own point if known, else the unit's."""
        res.town = tail
        res.level = "town" if kind == TAIL_TOWN else "zone"
        if kind == TAIL_ZONE:
            self._zone(res, tail, unit)
            return
        hits = self.towns_named(tail, unit)
        if len(hits) == 1:
            self._town(res, tail, unit, hits[0])
        elif len(hits) > 1:
            res.status = AMBIGUOUS
            res.reason = why.SEVERAL_TOWNS
            res.candidates = " | ".join(f"{h[0]} {self.path(str(h[0]))}{tail}" for h in hits)
            res.add(note("towns_same_name", n=len(hits), town=tail, unit=unit.name))
        else:
            self._approximate(res, why.TOWN_POINT_UNKNOWN, Method.UNIT_POINT)
            res.add(note("town_no_point", town=tail, unit=unit.name))
            self._outside_a_divided_unit(res, unit)

    def _town(self, res: Result, tail: str, unit: Unit, hit: Town) -> None:
        county, lon, lat, src = hit
        cu = self.gz.current[str(county)]
        if unit.level != "county":
            res.adcode, res.unit_name = cu.code, cu.name
            self.fill_path(res, cu.code)
        if str(src).startswith(TOWNSHIP_SOURCE):
            # the township list knows the town but no point: one inside its county
            res.lon, res.lat = self.gz.points[cu.code]
            self._approximate(res, why.TOWN_POINT_UNKNOWN, Method.TOWNSHIP_LIST)
            res.add(note("township", town=tail, unit=cu.name))
            return
        res.lon, res.lat = float(str(lon)), float(str(lat))
        res.method |= Method.CURATED if str(src).startswith("curated") else Method.GEONAMES

    def _zone(self, res: Result, tail: str, unit: Unit) -> None:
        """A zone has no boundary in the boundary files and no public source gives its
        point: it is placed at a point of its unit, approximate."""
        self._approximate(res, why.ZONE_NO_BOUNDARY, Method.ZONE_UNIT_POINT)
        res.add(note("zone_no_boundary", zone=tail, unit=unit.name))
        self._outside_a_divided_unit(res, unit)

    def zone_named_after(self, res: Result, zone: str, unit: Unit) -> None:
        """长白山保护开发区, 泰山经济开发区: a zone whose name begins with a unit's name
        without its type word is named after the unit, not the unit (nor surely inside
        it): placed at a point of the unit, approximate."""
        res.town, res.level = zone, "zone"
        res.status, res.reason = APPROXIMATE, why.ZONE_NAMED_AFTER
        res.method |= Method.ZONE_NAMED_AFTER
        res.add(note("zone_named_after", zone=zone, unit=unit.name))
        self._outside_a_divided_unit(res, unit)

    @staticmethod
    def _approximate(res: Result, reason: str, method: Method) -> None:
        res.status, res.reason = APPROXIMATE, res.reason or reason
        res.method |= method
