"""Resolve one published name (with the context its list gives it) to one unit.

A name is read as a chain of administrative names, each inside the one before
(province → prefecture → county), then optionally a town or a zone. Every chain
that explains the text is considered; the best explain the most characters with
the strongest forms. When the best chains end in different places the answer is
`ambiguous` with candidates; when none explains the text it is `unmatched` with
the reason. Nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import seeds
from geodata import reasons as why
from geodata.codes import within
from geodata.gazetteer import (
    GENERIC_ZONES,
    LEVEL_DEPTH,
    ZONE_NAME,
    ZONE_SUFFIXES,
    Gazetteer,
    Unit,
    gazetteer,
)
from geodata.names import BARE, normalise, strip_annotations
from geodata.near_names import MAX_OFFERED, one_character_away, same_sound

MATCHED, APPROXIMATE, AMBIGUOUS, UNMATCHED = "matched", "approximate", "ambiguous", "unmatched"

TOWN_SUFFIXES = ("镇", "乡", "街道", "苏木", "办事处")
TOWNSHIP_SOURCE = "township"  # a town known from the township list, without a point
_ORPHAN_TYPES = ("自治区", "省")
# answers to a name that is no unit but one character off one (or several)
NEAR_REASONS = (why.NEAR_NAME, why.NEAR_NAMES)
_COMMITTEE = re.compile("(管理委员会|管委会)$")
_GROUP_WORDS = ("主城区", "中心城区", "主城九区", "主城各区")
# a town's name is Chinese characters (never 省): `<镇` is no town
_TOWN_TAIL = re.compile(r"^(?!.*省)[\u4e00-\u9fff]{1,8}?(" + "|".join(TOWN_SUFFIXES) + ")$")

TAIL_NONE, TAIL_TOWN, TAIL_ZONE = 0, 1, 2
# last characters of town and zone names: only a name ending in one can have a tail
_TAIL_ENDS = frozenset(suffix[-1] for suffix in TOWN_SUFFIXES + ZONE_SUFFIXES)


@dataclass(slots=True)
class Result:
    """One resolved item: the row the CLI writes (see COLUMNS)."""

    input: str
    status: str
    level: str = ""
    adcode: str = ""
    province: str = ""
    prefecture: str = ""
    county: str = ""
    town: str = ""
    unit_name: str = ""
    renamed_from: str = ""
    adcode_then: str = ""
    lon: float | None = None
    lat: float | None = None
    method: str = ""
    candidates: str = ""
    note: str = ""
    merged_into: str = ""  # today's unit a former one was merged into (闸北区 -> 静安区)
    changed: str = ""  # the year of the rename or merge
    reason: str = ""  # a code of geodata.reasons: why the answer is what it is
    members: tuple[str, ...] = ()  # adcodes of a group name (重庆市主城九区 -> nine districts)
    # the text itself began with a province (not a column): its list may hold it to it
    named_province: bool = field(default=False, repr=False)
    # context this item hands to the next item of its list (not a column)
    context: tuple[str, ...] = field(default=(), repr=False)

    def row(self) -> dict[str, object]:
        row = {c: getattr(self, c) for c in COLUMNS}
        row["members"] = " ".join(self.members)
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, object]) -> Result:
        """The inverse of `row()`, tolerant of a stored row from an older version
        (missing columns are empty, unreadable coordinates None)."""
        res = cls(str(row.get("input") or ""), str(row.get("status") or ""))
        for name in COLUMNS[2:]:
            if name in ("lon", "lat"):
                setattr(res, name, _coordinate(row.get(name)))
            elif name == "members":
                res.members = tuple(str(row.get(name) or "").split())
            else:
                setattr(res, name, str(row.get(name) or ""))
        return res


def _coordinate(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


COLUMNS = (
    "input",
    "status",
    "level",
    "adcode",
    "province",
    "prefecture",
    "county",
    "town",
    "unit_name",
    "renamed_from",
    "adcode_then",
    "lon",
    "lat",
    "method",
    "candidates",
    "note",
    "merged_into",
    "changed",
    "reason",
    "members",
)


@dataclass(slots=True)
class _Parse:
    chain: tuple[int, ...]
    strength: int
    covered: int
    tail: str
    tail_kind: int
    current: int
    bare_end: str = ""  # the last unit as written, when without its type word (长白 for 长白县)


class Geocoder:
    def __init__(self, gz: Gazetteer | None = None) -> None:
        self.gz = gz or gazetteer()
        self.garbles = seeds.load_garbles()
        self.keep = frozenset(ch for u in self.gz.units if u.current for ch in u.name)
        self.zones = {(z["parent_adcode"], z["zone_name"]): z for z in seeds.load_zones()}
        self.groups = {
            g["group_name"]: (g["parent_adcode"], tuple(g["member_adcodes"].split()), g["source"])
            for g in seeds.load_groups()
        }
        self.group_ends = (*self.groups, "市辖区")
        self._by_length: dict[int, list[tuple[str, str]]] | None = None  # names, on first use

    # -- parsing ---------------------------------------------------------------
    def _parses(self, s: str, root: Unit | None) -> list[_Parse]:
        units, aliases, prefixes = self.gz.units, self.gz.aliases, self.gz.prefixes
        out: list[_Parse] = []
        n = len(s)
        tail_possible = s[-1] in _TAIL_ENDS  # only then can a town or zone end the name

        def walk(
            pos: int, chain: tuple[int, ...], strength: int, covered: int, cur: int, bare: str
        ) -> None:
            last = units[chain[-1]] if chain else root
            if last is not None:
                if pos == n:
                    out.append(_Parse(chain, strength, covered, "", TAIL_NONE, cur, bare))
                elif tail_possible:
                    kind = self._tail_kind(s[pos:])
                    if kind is not None and (chain or self._root_may_hold(root, s[pos:], kind)):
                        out.append(_Parse(chain, strength, covered, s[pos:], kind, cur, bare))
            for end in range(pos + 1, n + 1):
                sub = s[pos:end]
                if sub not in prefixes:
                    break
                for idx, st in aliases.get(sub, ()):
                    u = units[idx]
                    if last is None and u.name in GENERIC_ZONES:
                        continue  # 新区 alone is no place: only inside a unit the text names
                    if last is None or _inside(u, last):
                        walk(
                            end,
                            (*chain, idx),
                            strength + st,
                            covered + end - pos,
                            cur + u.current,
                            sub if st == BARE else "",
                        )

        walk(0, (), 0, 0, 0, "")
        return out

    def _root_may_hold(self, root: Unit | None, tail: str, kind: int) -> bool:
        """A town or zone named alone inherits a prefecture from the item before only when
        the town index confirms it is there; otherwise only the province is trusted."""
        if root is None or root.level == "province" or tail in GENERIC_ZONES:
            return True  # a bare 新区 after 南京市江宁区 is 南京's
        return kind == TAIL_TOWN and bool(self._towns_in(tail, root))

    @staticmethod
    def _tail_kind(tail: str) -> int | None:
        if not tail:
            return TAIL_NONE
        if tail[-1] not in _TAIL_ENDS:
            return None
        if ZONE_NAME.search(tail):
            return TAIL_ZONE
        if _TOWN_TAIL.match(tail):
            return TAIL_TOWN
        return None

    # -- public ----------------------------------------------------------------
    def resolve(self, text: str, context: tuple[str, ...] = (), *, strict: bool = True) -> Result:
        """Resolve `text`; `context` is the (province, prefecture) codes inherited
        from the item before in the same list, tried innermost first. Annotation marks
        and bracketed remarks are dropped and kept in the note. With `strict` (the list
        named the province of `context`), an answer never lies outside that province
        unless the text names another province."""
        bare, removed = strip_annotations(text)
        s = normalise(bare, self.garbles, self.keep, annotated=False)
        res = self._resolve(text, s, context, strict)
        if res.status == UNMATCHED or res.reason in NEAR_REASONS:
            res = self._reread(text, s, context, strict) or res
        if removed:
            res.note = _join(res.note, "annotation removed: " + " ".join(removed))
        return res

    def _reread(
        self, text: str, s: str, context: tuple[str, ...], strict: bool
    ) -> Result | None:
        """Two forms read again when the whole is no name."""
        orphan = next((t for t in _ORPHAN_TYPES if s.startswith(t)), "")
        if orphan and len(s) > len(orphan) + 1:
            # *自治区昭苏县: the province's name was lost in copying, its type word was not;
            # the type word starts a new province, so the list's context no longer holds
            rest = self._resolve(text, s[len(orphan) :], (), strict)
            if rest.status != UNMATCHED and rest.province.endswith(orphan):
                rest.note = _join(rest.note, f"'{orphan}' without a name before it ignored")
                return rest
        committee = _COMMITTEE.search(s)
        if committee and committee.start() > 1:
            # 苏州工业园区管委会: a zone's management committee stands for the zone (an area
            # named after it, 长白山保护开发区管委会池北区, is no zone of its own: unmatched)
            found = self._resolve(text, s[: committee.start()], context, strict)
            if found.level == "zone" and found.status != UNMATCHED:
                found.note = _join(found.note, "read as the zone its management committee runs")
                return found
        return None

    def _resolve(self, text: str, s: str, context: tuple[str, ...], strict: bool = True) -> Result:
        if not s:
            return Result(text, UNMATCHED, method="none", note="empty name", reason=why.EMPTY)
        group = self._group(text, s, context)
        if group is not None:
            return group
        roots: list[Unit | None] = [
            self.gz.current[c] for c in reversed(context) if c in self.gz.current
        ]
        roots.append(None)
        # every context is tried; the reading that explains the most wins, and on a tie
        # the innermost context (the one the list gave) decides
        best: tuple[tuple[int, ...], list[_Parse], Unit | None] | None = None
        for root in roots:
            parses = self._parses(s, root)
            if not parses:
                continue
            keyed = [(self._key(p, root), p) for p in parses]
            k = max(k for k, _ in keyed)
            if best is None or k > best[0]:
                best = (k, [p for kp, p in keyed if kp == k], root)
        if best is not None:
            res = self._decide(text, s, best[1], best[2])
            units = self.gz.units
            res.named_province = best[2] is None and all(
                p.chain and units[p.chain[0]].level == "province" for p in best[1]
            )
            if best[2] is None and context and strict:
                return self._inside_context(res, best[1], context)
            return res
        town_only = self._town_only(s)
        if town_only is not None:
            return self._finish_town_only(text, s, town_only)
        return self._unmatched(text, s, context, strict)

    # -- deciding --------------------------------------------------------------
    def _decide(self, text: str, s: str, parses: list[_Parse], root: Unit | None) -> Result:
        units = self.gz.units
        best = parses
        outcomes: dict[tuple[object, ...], tuple[_Parse, Result]] = {}
        for p in best:
            res = self._outcome(text, p, root)
            sig = (res.status, res.adcode, res.town, (res.lon and round(res.lon, 3)) or "")
            outcomes.setdefault(sig if res.status != UNMATCHED else ("u", res.note), (p, res))
        if len(outcomes) == 1:
            return next(iter(outcomes.values()))[1]
        outer = self._outer_bare_reading(s, list(outcomes.values()))
        if outer is not None:
            return outer
        # several readings explain the text equally well: report, never pick
        cands = []
        for p, res in outcomes.values():
            u = units[p.chain[-1]] if p.chain else root
            if res.adcode:
                cands.append(f"{res.adcode} {self._path(res.adcode)}{res.town}".strip())
            elif u is not None:
                cands.append(f"{u.code} {u.name} (former unit, no successor)")
        return Result(
            text,
            AMBIGUOUS,
            method="name",
            candidates=" | ".join(sorted(set(cands))),
            note=f"{len(outcomes)} places fit '{s}'; add the province or prefecture",
            reason=why.SEVERAL_PLACES,
            context=(root and (root.code,)) or (),
        )

    def _key(self, p: _Parse, root: Unit | None) -> tuple[int, ...]:
        """Rank readings: a town the index knows inside its unit beats one it does not
        (二道白河镇 is in 安图县, not 二道区 + 白河镇); then explain the most characters by
        names; then a clean end over a town/zone; then the strongest written forms; then
        today's names over former ones."""
        found = 1
        if p.tail_kind == TAIL_TOWN:
            u = self.gz.units[p.chain[-1]] if p.chain else root
            target = self.gz.current.get(u.target) if u is not None and u.target else None
            found = int(target is not None and bool(self._towns_in(p.tail, target)))
        tail_rank = -p.tail_kind if p.tail_kind != TAIL_ZONE else -1
        return (found, p.covered, tail_rank, p.strength, p.current)

    def _outer_bare_reading(self, s: str, outcomes: list[tuple[_Parse, Result]]) -> Result | None:
        """湘潭 names 湘潭市 and, without its 县, 湘潭县 inside it: a bare name that fits a
        unit and units inside it reads as the outer one (the usage of every notice)."""
        bare = [r for _, r in outcomes]
        if any(r.status != MATCHED or r.town or not r.adcode for r in bare):
            return None
        if s.endswith(tuple(r.unit_name for r in bare)):
            return None  # a full name ends the text: not a bare reading
        for cand in bare:
            if all(within(o.adcode, cand.adcode) for o in bare):
                inner = "、".join(o.unit_name for o in bare if o is not cand)
                cand.note = _join(cand.note, f"a bare name: read as {cand.unit_name}, not {inner}")
                return cand
        return None

    def _outcome(self, text: str, p: _Parse, root: Unit | None) -> Result:
        units = self.gz.units
        u = units[p.chain[-1]] if p.chain else root
        assert u is not None
        if u.target is None:
            return Result(
                text,
                UNMATCHED,
                method="history",
                adcode_then=u.code,
                reason=why.NO_SUCCESSOR,
                note=f"{u.name} ({u.code}) is last listed in GB2260 {u.last_seen}; "
                f"no successor unit is recorded",
            )
        target = self.gz.current[u.target]
        if u.level == "zone":
            return self._zone_with_code(text, u, target, p)
        renamed = "" if u.current or u.name == target.name or u.merged else u.name
        method = "name" + ("+history" if renamed or not u.current else "")
        res = self._unit_result(text, target, u.code, method, renamed)
        when = f" ({u.changed})" if u.changed else ""
        if u.merged:
            res.merged_into, res.changed, res.reason = target.name, u.changed, why.MERGED
            res.note = f"{u.name} was merged into {target.name}{when}; source: {u.source}"
        elif renamed:
            res.changed, res.reason = u.changed, why.RENAMED
            res.note = f"{u.name} became {target.name}{when}"
        res.context = _context_after(u, p, units)
        if p.tail_kind == TAIL_ZONE and p.tail and p.bare_end:
            self._zone_named_after(res, p.bare_end + p.tail, target)
        elif p.tail_kind == TAIL_TOWN or (p.tail_kind == TAIL_ZONE and p.tail):
            self._place_below(res, p.tail, p.tail_kind, target)
        return res

    def _zone_named_after(self, res: Result, zone: str, unit: Unit) -> None:
        """长白山保护开发区, 泰山经济开发区: a zone whose name begins with a unit's name
        without its type word is named after the unit, not the unit (nor surely inside
        it): placed at a point of the unit, approximate."""
        res.town, res.level, res.status = zone, "zone", APPROXIMATE
        res.reason, res.method = why.ZONE_NAMED_AFTER, res.method + "+zone:named_after"
        res.note = _join(
            res.note,
            f"{zone} is a zone named after {unit.name}; placed at a point inside {unit.name}",
        )

    def _unit_result(
        self, text: str, target: Unit, code_then: str, method: str, renamed: str = ""
    ) -> Result:
        """A match on today's unit `target`, with its path and representative point."""
        res = Result(
            text,
            MATCHED,
            level=target.level,
            adcode=target.code,
            unit_name=target.name,
            renamed_from=renamed,
            adcode_then=code_then,
            method=method,
        )
        self._fill_path(res, target.code)
        res.lon, res.lat = self.gz.points[target.code]
        return res

    def _zone_with_code(self, text: str, u: Unit, target: Unit, p: _Parse) -> Result:
        res = self._unit_result(text, target, u.code, "name+history")
        res.context = _context_after(u, p, self.gz.units)
        self._place_below(res, u.name, TAIL_ZONE, target)
        res.note = _join(res.note, f"GB2260 {u.last_seen} lists it with code {u.code}")
        return res

    def _place_below(self, res: Result, tail: str, kind: int, unit: Unit) -> None:
        """Put a town or zone inside `unit`: its own point if known, else the unit's."""
        res.town = tail
        res.level = "town" if kind == TAIL_TOWN else "zone"
        if kind == TAIL_ZONE:
            zone = self.zones.get((unit.code, tail))
            if zone and zone["lon"]:
                res.lon, res.lat = float(zone["lon"]), float(zone["lat"])
                res.method += "+zone:curated"
                res.note = _join(res.note, f"zone point: {zone['source']}")
            else:
                res.status = APPROXIMATE
                res.reason = res.reason or why.ZONE_NO_BOUNDARY
                res.method += "+zone:unit_point"
                res.note = _join(
                    res.note,
                    f"{tail} has no boundary of its own; placed at a point inside {unit.name}",
                )
            return
        hits = self._towns_in(tail, unit)
        if len(hits) == 1:
            county, lon, lat, src = hits[0]
            cu = self.gz.current[str(county)]
            if unit.level != "county":
                res.adcode, res.unit_name = cu.code, cu.name
                self._fill_path(res, cu.code)
            if str(src).startswith(TOWNSHIP_SOURCE):
                # the township list knows the town but no point: one inside its county
                res.lon, res.lat = self.gz.points[cu.code]
                res.status = APPROXIMATE
                res.reason = res.reason or why.TOWN_POINT_UNKNOWN
                res.method += "+town:township_list"
                res.note = _join(
                    res.note,
                    f"{tail} is a township of {cu.name} (township list); "
                    f"placed at a point inside {cu.name}",
                )
                return
            res.lon, res.lat = float(str(lon)), float(str(lat))
            res.method += "+town:" + str(src).split(":")[0]
            return
        if len(hits) > 1:
            res.status = AMBIGUOUS
            res.reason = why.SEVERAL_TOWNS
            res.candidates = " | ".join(f"{h[0]} {self._path(str(h[0]))}{tail}" for h in hits)
            res.note = _join(res.note, f"{len(hits)} towns named {tail} in {unit.name}")
            return
        res.status = APPROXIMATE
        res.reason = res.reason or why.TOWN_POINT_UNKNOWN
        res.method += "+town:unit_point"
        res.note = _join(
            res.note, f"no point known for {tail}; placed at a point inside {unit.name}"
        )

    def _towns_in(self, tail: str, unit: Unit) -> list[list[object]]:
        names = [tail]
        if tail.endswith(("镇", "乡")):
            names.append(tail[:-1])
        found: dict[str, list[object]] = {}
        for name in names:
            for entry in self.gz.towns.get(name, ()):
                county = str(entry[0])
                if within(county, unit.code):
                    found.setdefault(county, entry)
        return list(found.values())

    def _town_only(self, s: str) -> list[list[object]] | None:
        if not _TOWN_TAIL.match(s):
            return None
        hits = list(self.gz.towns.get(s) or ())
        if s.endswith(("镇", "乡")):
            hits += [h for h in self.gz.towns.get(s[:-1]) or () if h not in hits]
        return hits

    def _finish_town_only(self, text: str, s: str, hits: list[list[object]]) -> Result:
        """A town named without any unit above it: list what the index knows, never pick
        (the town index is incomplete, so one hit does not prove there is one town)."""
        if not hits:
            return Result(
                text,
                UNMATCHED,
                level="town",
                town=s,
                method="town",
                note=f"{s} looks like a town but no county is given and the town "
                f"index has no place of that name; add its county",
                reason=why.TOWN_UNKNOWN,
            )
        cands = " | ".join(f"{h[0]} {self._path(str(h[0]))}{s}" for h in hits)
        return Result(
            text,
            AMBIGUOUS,
            level="town",
            town=s,
            method="town",
            candidates=cands,
            note=f"a town named without its county: {len(hits)} known place(s) "
            f"called {s}; add the county",
            reason=why.TOWN_WITHOUT_COUNTY,
        )

    def _unmatched(
        self, text: str, s: str, context: tuple[str, ...] = (), strict: bool = False
    ) -> Result:
        # explain how far the name could be read
        parses = self._parses_partial(s)
        if s in GENERIC_ZONES:
            note, reason = f"'{s}' names no zone without the unit it lies in", why.GENERIC_ZONE
        elif s.endswith(_GROUP_WORDS):
            note = f"'{s}' names a group of districts that no curated table lists"
            reason = why.GROUP_UNKNOWN
        elif parses:
            chain, pos = parses
            last = self.gz.units[chain[-1]]
            note = f"'{s[pos:]}' is not a known unit, town or zone inside {last.name}"
            reason = why.NOT_INSIDE
        else:
            note = f"no province, prefecture, county or town is named '{s}'"
            reason = why.NOT_A_PLACE
        rest, outer = s, context[0][:2] + "0000" if context else ""
        if parses:
            rest, outer = s[parses[1] :], self.gz.units[parses[0][-1]].code
        near = one_character_away(rest, self._names_by_length().get(len(rest), ()), outer)
        if near and (parses or (context and strict)) and rest not in self.gz.aliases:
            # the context leaves few units to have meant: read as the one, or offer them
            # (a unit's own name elsewhere, 勃利县 in a 陕西 line, is no slip)
            res = self._near_name(text, rest, near, (note, reason), context if strict else ())
            res.named_province = parses is not None and (
                self.gz.units[parses[0][0]].level == "province"
            )
            return res
        near = near[:MAX_OFFERED]
        if near:
            note = _join(note, "one character away: " + "、".join(self.gz.name_of(c) for c in near))
        cands = " | ".join(f"{c} {self._path(c)}" for c in near)
        return Result(text, UNMATCHED, method="none", note=note, reason=reason, candidates=cands)

    def _near_name(
        self,
        text: str,
        rest: str,
        near: list[str],
        why_not: tuple[str, str],
        context: tuple[str, ...],
    ) -> Result:
        """`rest` is one character off the units `near`, all inside the context: the one
        unit (or the one whose differing character sounds the same) is the approximate
        answer; several are offered to choose from."""
        if context:  # a line about one province: never an answer outside it
            near = [c for c in near if within(c, context[0][:2] + "0000")]
        alike = [c for c in near if same_sound(rest, self.gz.name_of(c))]
        pick = near if len(near) == 1 else alike if len(alike) == 1 else []
        if not pick:
            note, reason = why_not
            cands = [f"{c} {self._path(c)}" for c in near[:MAX_OFFERED]]
            names = "、".join(self.gz.name_of(c) for c in near[:MAX_OFFERED])
            return Result(
                text,
                AMBIGUOUS if len(near) > 1 else UNMATCHED,
                method="none",
                candidates=" | ".join(cands),
                note=_join(note, "one character away: " + names) if names else note,
                reason=why.NEAR_NAMES if len(near) > 1 else reason,
            )
        target = self.gz.current[pick[0]]
        res = self._unit_result(text, target, target.code, "name+one_character_off")
        res.status, res.reason = APPROXIMATE, why.NEAR_NAME
        how = "the only one" if len(near) == 1 else "the only one that sounds the same"
        res.note = f"'{rest}' is no unit; read as {target.name}, {how} one character away"
        res.candidates = f"{target.code} {self._path(target.code)}"
        res.context = (target.code[:2] + "0000",)
        return res

    def _names_by_length(self) -> dict[int, list[tuple[str, str]]]:
        if self._by_length is None:
            by: dict[int, list[tuple[str, str]]] = {}
            for u in self.gz.current.values():
                if u.level in ("prefecture", "county"):
                    by.setdefault(len(u.name), []).append((u.code, u.name))
            self._by_length = by
        return self._by_length

    def _inside_context(
        self, res: Result, parses: list[_Parse], context: tuple[str, ...]
    ) -> Result:
        """A reading found without the list's context must lie in the context's province,
        unless the text itself begins with a province (福建省…，江西省萍鄉市)."""
        units, province = self.gz.units, context[0][:2] + "0000"
        explicit = all(p.chain and units[p.chain[0]].level == "province" for p in parses)
        if explicit or res.status in (AMBIGUOUS, UNMATCHED) or within(res.adcode, province):
            return res
        where = f"{res.adcode} {self._path(res.adcode)}{res.town}".strip()
        return Result(
            res.input,
            UNMATCHED,
            method="none",
            candidates=where,
            note=f"not in {self.gz.name_of(province)}: the only reading is {where}",
            reason=why.OUTSIDE_CONTEXT,
        )

    def _group(self, text: str, s: str, context: tuple[str, ...]) -> Result | None:
        """A named group of units (重庆市主城九区, 市辖区) -> its member units."""
        if not s.endswith(self.group_ends):
            return None
        for name in self.groups:
            if s.endswith(name):
                prefix, rule = s[: -len(name)], ""
                parent, members, source = self.groups[name]
                break
        else:
            if not s.endswith("市辖区"):
                return None
            name, prefix, parent, members, source = "市辖区", s[:-3], "", (), ""
            rule = "districts"
        if prefix:
            head = self._resolve(prefix, prefix, context)
            if head.status != MATCHED or head.level not in ("province", "prefecture"):
                return None
            if parent and head.adcode != parent:
                return None
            parent = head.adcode
        elif not parent:
            parent = next((c for c in reversed(context) if c.endswith("00")), "")
        if not parent or (not prefix and context and not within(parent, context[0][:2] + "0000")):
            return None
        if rule:
            depth = 2 if parent.endswith("0000") else 4
            members = tuple(
                c
                for c, u in self.gz.current.items()
                if u.level == "county" and c[:depth] == parent[:depth] and u.name.endswith("区")
            )
            source = "every district (区) of the unit in the boundary files"
            if not members:
                return None
        res = self._unit_result(text, self.gz.current[parent], parent, "group")
        res.level, res.unit_name, res.members, res.reason = "group", name, members, why.GROUP
        names = "、".join(self.gz.name_of(m) for m in members)
        res.note = f"{name}: {len(members)} units ({names}); source: {source}"
        res.context = (parent[:2] + "0000",) + ((parent,) if not parent.endswith("0000") else ())
        return res

    def _parses_partial(self, s: str) -> tuple[tuple[int, ...], int] | None:
        gz, units, best = self.gz, self.gz.units, None

        def walk(pos: int, chain: tuple[int, ...]) -> None:
            nonlocal best
            if chain and (best is None or pos > best[1]):
                best = (chain, pos)
            last = units[chain[-1]] if chain else None
            for end in range(pos + 1, len(s) + 1):
                sub = s[pos:end]
                if sub not in gz.prefixes:
                    break
                for idx, strength in gz.aliases.get(sub, ()):
                    if strength > BARE and (last is None or _inside(units[idx], last)):
                        walk(end, (*chain, idx))

        walk(0, ())
        return best

    def _fill_path(self, res: Result, code: str) -> None:
        gz = self.gz
        res.province = gz.name_of(code[:2] + "0000")
        pref = code[:4] + "00"
        res.prefecture = gz.name_of(pref) if pref != code[:2] + "0000" else ""
        if gz.current[code].level == "county":
            res.county = gz.current[code].name
        elif gz.current[code].level == "prefecture":
            res.prefecture = gz.current[code].name

    def _path(self, code: str) -> str:
        gz = self.gz
        parts = [gz.name_of(code[:2] + "0000"), gz.name_of(code[:4] + "00"), gz.name_of(code)]
        out: list[str] = []
        for p in parts:
            if p and p not in out:
                out.append(p)
        return "".join(out)


def _inside(u: Unit, outer: Unit) -> bool:
    return outer.code in u.ancestors and LEVEL_DEPTH[u.level] > LEVEL_DEPTH[outer.level]


def _context_after(u: Unit, p: _Parse, units: list[Unit]) -> tuple[str, ...]:
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


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a else b
