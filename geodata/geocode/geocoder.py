"""Resolve one published name (with the context its list gives it) to one unit.

A name is read as a chain of administrative names, each inside the one before
(province → prefecture → county), then optionally a town or a zone (name_chains). Every
chain that explains the text is considered; the best explain the most characters with
the strongest forms. When the best chains end in different places the answer is
`ambiguous` with candidates; when none explains the text it is `unmatched` with the
reason (no_answer). Nothing is guessed. Where an answer lies is placing's; the answer
itself is answer.Result, re-exported here.
"""

from __future__ import annotations

from functools import partial

import seeds
from geodata.basics import settings
from geodata.basics.codes import within
from geodata.basics.notes import note
from geodata.geocode import reasons as why
from geodata.geocode.answer import (
    AMBIGUOUS,
    APPROXIMATE,
    COLUMNS,
    MATCHED,
    NEAR_REASONS,
    UNMATCHED,
    Method,
    Result,
)
from geodata.geocode.forms import (
    NEAR_COST,
    Resolve,
    alternatives,
    best_reading,
    bracketed_unit,
    placeholder,
)
from geodata.geocode.gazetteer import GENERIC_ZONES, Gazetteer, Unit, gazetteer
from geodata.geocode.name_chains import (
    TAIL_TOWN,
    TAIL_ZONE,
    TOWN_TAIL,
    Parse,
    context_after,
    parses,
)
from geodata.geocode.names import FULL, normalise, strip_annotations
from geodata.geocode.no_answer import Explainer
from geodata.geocode.placing import Placer
from geodata.geocode.zone_catalogue import ZoneReader, no_zone, prefer_context

__all__ = [
    "AMBIGUOUS",
    "APPROXIMATE",
    "COLUMNS",
    "MATCHED",
    "NEAR_REASONS",
    "UNMATCHED",
    "Geocoder",
    "Result",
]

# a unit's name without its type word, then 山 or 湖, is a mountain's or lake's name
# (长白山, 鄱阳湖), not the unit: a zone so named is not named after the unit (江, 海, 岛
# begin words as often: 南京江北新区 is 南京's); nor is a unit's abolished before the zones'
# time (湘江区 of 湘潭, 1992: 湘江新区 is 长沙's; 新芜区, 2005, names 新芜经济开发区)
_ZONES_FROM = str(settings.ZONE_NAMES_FROM)
_FEATURES = frozenset("山湖")
_TYPE_WORDS = "_县市区旗"  # [1:]: the type words a county-level unit is written with


class Geocoder:
    def __init__(self, gz: Gazetteer | None = None, *, catalogue: bool = True) -> None:
        """`catalogue=False` reads names as units only, without the list of zones (the
        list's own derivation, scripts/derive_dev_zones.py, reads its names so)."""
        self.gz = gz or gazetteer()
        self.garbles = seeds.load_garbles()
        self.keep = frozenset(ch for u in self.gz.units if u.current for ch in u.name)
        self.placer = Placer(self.gz)
        zones = ZoneReader(self.gz, self.placer, self.keep) if catalogue else None
        self.readers: dict[str, Resolve] = {
            "units": self._resolve,
            "zones": zones.listed if zones else no_zone,
            "zone_names": zones.by_own_name if zones else no_zone,
        }
        self.explainer = Explainer(self.gz, self.placer)
        self.groups = {
            g["group_name"]: (g["parent_adcode"], tuple(g["member_adcodes"].split()), g["source"])
            for g in seeds.load_groups()
        }
        self.group_ends = (*self.groups, "市辖区")
        self.splits = {(r["old_adcode"], r["old_name"]): r for r in seeds.load_splits()}

    # -- public ----------------------------------------------------------------
    def resolve(self, text: str, context: tuple[str, ...] = (), *, strict: bool = True) -> Result:
        """Resolve `text`; `context` is the (province, prefecture) codes inherited
        from the item before in the same list, tried innermost first. Annotation marks
        and bracketed remarks are dropped and kept in the note. With `strict` (the list
        named the province of `context`), an answer never lies outside that province
        unless the text names another province."""
        bare, removed = strip_annotations(text)
        if not bare and len(removed) == 1 and len(removed[0]) > 2:
            # (涿鹿县赵家蓬区): a whole item in brackets is set apart, not a remark
            bare, removed = removed[0][1:-1], ()
        province, written = bracketed_unit(self.gz, removed) if removed else ("", "")
        s = normalise(bare, self.garbles, self.keep, annotated=False)
        if province and s.startswith((province, written)):
            province = ""  # 重庆(重庆): the name itself says it
        elif province:
            # 遂宁(四川): the province (or prefecture) in brackets is where the name lies
            s = province + s
            removed = tuple(r for r in removed if normalise(r[1:-1]) != written)
        if placeholder(s):  # 市区, 县城 alone: nothing to answer, nothing guessed
            res = Result("", UNMATCHED, reason=why.PLACEHOLDER)
            res.add(note("placeholder", name=s))
        else:
            res = self._resolve(s, context, strict)
        unread = res.status == UNMATCHED and res.reason != why.PLACEHOLDER
        near = res.reason in NEAR_REASONS
        # a zone the list names is read whole, before any split of it competes
        whole = alternatives(s, context, strict, self.readers, whole_only=True)
        if unread or near or whole:
            # the text is no chain of names: every form of geodata.geocode.forms reads it, and
            # the plain reading competes under the same key
            plain = [(res, NEAR_COST if near else 0)]
            if unread or near:
                whole = alternatives(s, context, strict, self.readers)
            # a listed zone competes with a split of its name: there, a province an earlier
            # item named is a preference (class 1), not a fence
            readings = plain + whole
            if not (strict and context) and any(r.reason == why.ZONE_UNPLACED for r, _ in whole):
                # the list knows the zone by its whole name: a split of the name into a
                # unit and zone words is no reading of it (where the line states no
                # province to read the split inside)
                readings = [(r, c) for r, c in readings if r.level != "zone"
                            or Method.ZONE_LISTED in r.method]
            if any(Method.ZONE_LISTED in r.method for r, _ in readings):
                readings = prefer_context(readings, context, strict)
            res = best_reading(s, readings) or res
        if province:
            res.add(note("bracketed_province", province=province))
        if removed:
            res.add(note("annotation_removed", text=" ".join(removed)))
        res.input = text
        return res

    # -- reading ---------------------------------------------------------------
    def _resolve(self, s: str, context: tuple[str, ...], strict: bool = True) -> Result:
        if not s:
            return Result("", UNMATCHED, notes=(note("empty"),), reason=why.EMPTY)
        group = self._group(s, context)
        if group is not None:
            return group
        roots: list[Unit | None] = [
            self.gz.current[c] for c in reversed(context) if c in self.gz.current
        ]
        roots.append(None)
        # every context is tried; the reading that explains the most wins, and on a tie
        # the innermost context (the one the list gave) decides
        best: tuple[tuple[int, ...], list[Parse], Unit | None] | None = None
        for root in roots:
            found = [
                p
                for p in parses(s, self.gz, root, partial(self._may_hold, root, strict))
                if not (p.tail_kind == TAIL_TOWN and self._unit_as_town(p, root))
                and not (p.bare_end and p.tail_kind == TAIL_ZONE and (
                    p.tail[:1] in _FEATURES or self._last_seen(p)[:4] < _ZONES_FROM))
            ]
            if not found:
                continue
            keyed = [(self._key(p, root), p) for p in found]
            k = max(k for k, _ in keyed)
            if best is None or k > best[0]:
                best = (k, [p for kp, p in keyed if kp == k], root)
        if best is not None:
            res = self._decide(s, best[1], best[2])
            units = self.gz.units
            res.named_province = best[2] is None and all(
                p.chain and units[p.chain[0]].level == "province" for p in best[1]
            )
            if best[2] is None and context and strict:
                return self._inside_context(res, best[1], context)
            return res
        return self.placer.town_alone(s) or self.explainer.explain(s, context, strict)

    def _unit_as_town(self, p: Parse, root: Unit | None) -> bool:
        """陕西省阳城县北留镇: a town the index does not know, whose name begins with the
        full name of a unit (阳城县, in 山西), names that unit and a town in it, wherever
        the unit lies: never a town of the unit written before it."""
        tail, aliases, units = p.tail, self.gz.aliases, self.gz.units
        named = any(
            st == FULL and units[i].current and units[i].level in ("prefecture", "county")
            for k in range(2, len(tail) - 1)
            for i, st in aliases.get(tail[:k], ())
        )
        if not named:
            return False
        u = units[p.chain[-1]] if p.chain else root
        target = self.gz.current.get(u.target) if u is not None and u.target else None
        return not (target is not None and self.placer.towns_named(p.tail, target))

    def _may_hold(self, root: Unit | None, strict: bool, tail: str, kind: int) -> bool:
        """A town or zone named alone inherits a prefecture from the item before only when
        the town index confirms it is there; otherwise only a province the line states
        (a province an earlier item named is a preference: the index must confirm)."""
        if root is None:
            return True
        if root.level == "province":
            # a zone with a name of its own (白沟新城) may lie in the province an earlier
            # item named; a bare zone word after one character (含开发区) names none
            return strict or (kind == TAIL_ZONE and not {tail, tail[1:]} & GENERIC_ZONES)
        if tail in GENERIC_ZONES:
            return True  # a bare 新区 after 南京市江宁区 is 南京's
        return kind == TAIL_TOWN and bool(self.placer.towns_named(tail, root))

    # -- deciding --------------------------------------------------------------
    def _decide(self, s: str, best: list[Parse], root: Unit | None) -> Result:
        if len(best) == 1:  # most names: one reading, one outcome
            return self._outcome(best[0], root)
        outcomes: dict[tuple[object, ...], tuple[Parse, Result]] = {}
        # the latest code of a name listed under several (公主岭市 220319, then 220381)
        for p in sorted(best, key=self._last_seen, reverse=True):
            res = self._outcome(p, root)
            sig = (res.status, res.adcode, res.town, (res.lon and round(res.lon, 3)) or "")
            outcomes.setdefault(sig if res.status != UNMATCHED else ("u", res.notes), (p, res))
        if len(outcomes) == 1:
            return next(iter(outcomes.values()))[1]
        outer = self._outer_bare_reading(s, [r for _, r in outcomes.values()])
        if outer is not None:
            return outer
        # several readings explain the text equally well: report, never pick
        cands = []
        for p, res in outcomes.values():
            u = self.gz.units[p.chain[-1]] if p.chain else root
            if res.adcode:
                cands.append(f"{res.adcode} {self.placer.path(res.adcode)}{res.town}".strip())
            elif u is not None:
                cands.append(f"{u.code} {u.name} (former unit, no successor)")
        return Result(
            "",
            AMBIGUOUS,
            method=Method.NAME,
            candidates=" | ".join(sorted(set(cands))),
            notes=(note("several_places", n=len(outcomes), name=s),),
            reason=why.SEVERAL_PLACES,
            context=(root and (root.code,)) or (),
        )

    def _last_seen(self, p: Parse) -> str:
        """The last GB2260 edition that lists the reading's unit ("9999": today's)."""
        u = self.gz.units[p.chain[-1]] if p.chain else None
        return "9999" if u is None or u.current else u.last_seen

    def _key(self, p: Parse, root: Unit | None) -> tuple[int, ...]:
        """Rank readings: a town the index knows inside its unit beats one it does not
        (二道白河镇 is in 安图县, not 二道区 + 白河镇); then explain the most characters by
        names; then a clean end over a town/zone; then the strongest written forms; then
        today's names over former ones. (name_chains.parses leaves out the readings with a
        tail when some explain every character by names: they could never rank first.)"""
        found = 1
        if p.tail_kind == TAIL_TOWN:
            u = self.gz.units[p.chain[-1]] if p.chain else root
            target = self.gz.current.get(u.target) if u is not None and u.target else None
            found = int(target is not None and bool(self.placer.towns_named(p.tail, target)))
        tail_rank = -p.tail_kind if p.tail_kind != TAIL_ZONE else -1
        return (found, p.covered, tail_rank, p.strength, p.current)

    @staticmethod
    def _outer_bare_reading(s: str, readings: list[Result]) -> Result | None:
        """湘潭 names 湘潭市 and, without its 县, 湘潭县 inside it: a bare name that fits a
        unit and units inside it reads as the outer one (the usage of every notice); so
        does a zone named after it (岳阳洞庭湖旅游度假区 lies in 岳阳市 either way)."""
        zones = {r.town for r in readings if r.level == "zone" and r.status == APPROXIMATE}
        one_zone = len(zones) == 1 and all(r.level == "zone" and r.adcode for r in readings)
        if not one_zone and any(r.status != MATCHED or r.town or not r.adcode for r in readings):
            return None
        if s.endswith(tuple(r.unit_name for r in readings)):
            return None  # a full name ends the text: not a bare reading
        for cand in readings:
            if all(within(o.adcode, cand.adcode) for o in readings):
                inner = tuple(o.unit_name for o in readings if o is not cand)
                cand.add(note("bare_name", unit=cand.unit_name, inner=inner))
                return cand
        return None

    def _outcome(self, p: Parse, root: Unit | None) -> Result:
        u = self.gz.units[p.chain[-1]] if p.chain else root
        assert u is not None
        split = None if u.current else self.splits.get((u.code, u.name))
        if split is not None:
            return self._split(u, split)
        if u.target is None:
            return Result(
                "",
                UNMATCHED,
                method=Method.HISTORY,
                adcode_then=u.code,
                reason=why.NO_SUCCESSOR,
                notes=(note("abolished", name=u.name, code=u.code, rev=u.last_seen),),
            )
        target = self.gz.current[u.target]
        if u.level == "zone":  # a zone with a code of its own (苏州工业园区 320571)
            res = self.placer.unit_result(target, u.code, Method.NAME | Method.HISTORY)
            res.context = context_after(u, p, self.gz.units)
            self.placer.place_below(res, u.name, TAIL_ZONE, target)
            res.add(note("gb2260_code", rev=u.last_seen, code=u.code))
            return res
        renamed = "" if u.current or u.name == target.name or u.merged else u.name
        method = Method.NAME | Method.HISTORY if renamed or not u.current else Method.NAME
        res = self.placer.unit_result(target, u.code, method, renamed)
        if u.merged:
            res.merged_into, res.changed, res.reason = target.name, u.changed, why.MERGED
            res.notes = (
                note("merged", old=u.name, new=target.name, year=u.changed),
                note("source", source=u.source),
            )
        elif renamed:
            res.changed, res.reason = u.changed, why.RENAMED
            res.notes = (note("renamed", old=u.name, new=target.name, year=u.changed),)
        res.context = context_after(u, p, self.gz.units)
        if p.tail_kind == TAIL_ZONE and p.tail and p.bare_end:
            self.placer.zone_named_after(res, p.bare_end + p.tail, target)
        elif (
            p.tail_kind == TAIL_TOWN
            and p.bare_end
            and p.tail[0] in _TYPE_WORDS[1:]
            and TOWN_TAIL.match(p.tail[1:])
        ):
            # 合川县涞滩镇: the unit under another type word (合川区 today), then its town
            res.add(note("type_word", old=p.bare_end + p.tail[0], new=target.name))
            self.placer.place_below(res, p.tail[1:], p.tail_kind, target)
        elif p.tail_kind == TAIL_TOWN or (p.tail_kind == TAIL_ZONE and p.tail):
            self.placer.place_below(res, p.tail, p.tail_kind, target)
        if u.merged and p.tail_kind == TAIL_ZONE and p.tail and res.level == "zone":
            self.placer.zone_of_a_merged_unit(res, u, target)
        return res

    def _split(self, u: Unit, split: dict[str, str]) -> Result:
        """A former unit divided between today's units: offer them all, pick none."""
        codes = split["successor_adcodes"].split()
        names = tuple(self.gz.name_of(c) for c in codes)
        return Result(
            "",
            AMBIGUOUS,
            method=Method.HISTORY,
            adcode_then=u.code,
            candidates=" | ".join(f"{c} {self.placer.path(c)}" for c in codes),
            notes=(
                note("split", name=u.name, code=u.code, units=names, year=split["year"]),
                note("source", source=split["source"]),
            ),
            reason=why.SPLIT,
        )

    def _inside_context(self, res: Result, best: list[Parse], context: tuple[str, ...]) -> Result:
        """A reading found without the list's context must lie in the context's province,
        unless the text itself begins with a province (福建省…，江西省萍鄉市)."""
        units, province = self.gz.units, context[0][:2] + "0000"
        heads = [units[p.chain[0]] if p.chain else None for p in best]
        # every reading begins with a province, or the answer lies in the one a reading
        # begins with (吉林长白山… reads as 吉林省 or 吉林市: 吉林's either way)
        explicit = all(h is not None and h.level == "province" for h in heads) or any(
            h is not None and h.level == "province" and within(res.adcode, h.code) for h in heads
        )
        if explicit or res.status in (AMBIGUOUS, UNMATCHED) or within(res.adcode, province):
            return res
        where = f"{res.adcode} {self.placer.path(res.adcode)}{res.town}".strip()
        return Result(
            "",
            UNMATCHED,
            candidates=where,
            notes=(note("outside_context", province=self.gz.name_of(province), where=where),),
            reason=why.OUTSIDE_CONTEXT,
        )

    def _group(self, s: str, context: tuple[str, ...]) -> Result | None:
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
            head = self._resolve(prefix, context)
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
            if not members:
                return None
        res = self.placer.unit_result(self.gz.current[parent], parent, Method.GROUP)
        res.level, res.unit_name, res.members, res.reason = "group", name, members, why.GROUP
        names = tuple(self.gz.name_of(m) for m in members)
        res.notes = (
            note("group", name=name, n=len(members), units=names),
            note("source", source=source) if source else note("source_districts"),
        )
        res.context = (parent[:2] + "0000",) + ((parent,) if not parent.endswith("0000") else ())
        return res
