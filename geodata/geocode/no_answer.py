"""Why a name gets no answer, said as far as it could be read; and the one answer a name
that is no unit may still get: the unit it is one character off (see near_names)."""

from __future__ import annotations

from geodata.basics.codes import within
from geodata.basics.notes import Note, note
from geodata.geocode import reasons as why
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, UNMATCHED, Method, Result
from geodata.geocode.gazetteer import GENERIC_ZONES, Gazetteer
from geodata.geocode.name_chains import longest_prefix
from geodata.geocode.names import stem_of
from geodata.geocode.near_names import MAX_OFFERED, one_character_away, pick, ranked
from geodata.geocode.placing import Placer

GROUP_WORDS = ("主城区", "中心城区", "主城九区", "主城各区")


class Explainer:
    def __init__(self, gz: Gazetteer, placer: Placer) -> None:
        self.gz, self.placer = gz, placer
        self._by_length: dict[tuple[str, int], list[tuple[str, str]]] | None = None  # on use

    def explain(self, s: str, context: tuple[str, ...], strict: bool) -> Result:
        """The no-answer for `s` with how far it could be read, or the answer that a slip
        of one character leaves within the context."""
        prefix = longest_prefix(s, self.gz)
        said: Note
        if s in GENERIC_ZONES:
            said, reason = note("generic_zone", name=s), why.GENERIC_ZONE
        elif s.endswith(GROUP_WORDS):
            said, reason = note("group_unknown", name=s), why.GROUP_UNKNOWN
        elif prefix:
            chain, pos = prefix
            last = self.gz.units[chain[-1]]
            said, reason = note("not_inside", rest=s[pos:], unit=last.name), why.NOT_INSIDE
        else:
            said, reason = note("unknown", name=s), why.NOT_A_PLACE
        rest, outer = s, context[0][:2] + "0000" if context else ""
        if prefix:
            rest, outer = s[prefix[1] :], self.gz.units[prefix[0][-1]].code
        near = one_character_away(rest, self._names_by_stem(rest), outer)
        stated = bool(prefix or (context and strict))
        if near and rest not in self.gz.aliases:
            # the context leaves few units to have meant: read as the one, or offer them
            # (a unit's own name elsewhere, 勃利县 in a 陕西 line, is no slip); with no
            # context only a close slip is read (毫州 for 亳州)
            res = self._near_name(rest, near, (said, reason), context if strict else (), stated)
            if res.status == APPROXIMATE or stated:
                res.named_province = prefix is not None and (
                    self.gz.units[prefix[0][0]].level == "province"
                )
                return res
        named = [(c, n) for c, n in self._names_by_stem(rest) if c in near]
        near = [c for c, _ in ranked(rest, named, strict=False)][:MAX_OFFERED]  # closest first
        notes: tuple[Note, ...] = (said,)
        if near:
            notes += (note("near", names=tuple(self.gz.name_of(c) for c in near)),)
        cands = " | ".join(f"{c} {self.placer.path(c)}" for c in near)
        return Result("", UNMATCHED, notes=notes, reason=reason, candidates=cands)

    def _near_name(
        self, rest: str, near: list[str], why_not: tuple[Note, str], context: tuple[str, ...],
        stated: bool,
    ) -> Result:
        """`rest` is one character off the units `near`, all inside the context: the one
        unit (inside a stated context), or the one whose differing character is closest
        in sound or shape, is the approximate answer; several are offered to choose
        from."""
        if context:  # a line about one province: never an answer outside it
            near = [c for c in near if within(c, context[0][:2] + "0000")]
        written = [(c, n) for c, n in self._names_by_stem(rest) if c in near]
        closest = pick(rest, written, strict=stated)
        chosen = near if stated and len(near) == 1 else closest if len(closest) == 1 else []
        if not chosen:
            said, reason = why_not
            # the closest first
            order = [c for c, _ in ranked(rest, written, strict=stated)]
            offered = list(dict.fromkeys([*order, *near]))[:MAX_OFFERED]
            cands = [f"{c} {self.placer.path(c)}" for c in offered]
            names = tuple(self.gz.name_of(c) for c in offered)
            return Result(
                "",
                AMBIGUOUS if len(near) > 1 else UNMATCHED,
                candidates=" | ".join(cands),
                notes=(said, note("near", names=names)) if names else (said,),
                reason=why.NEAR_NAMES if len(near) > 1 else reason,
            )
        target = self.gz.current[chosen[0]]
        res = self.placer.unit_result(
            target, target.code, Method.NAME | Method.ONE_CHARACTER_OFF
        )
        res.status, res.reason = APPROXIMATE, why.NEAR_NAME
        code = "near_name" if len(near) == 1 else "near_name_alike"
        res.notes = (note(code, rest=rest, unit=target.name),)
        res.candidates = f"{target.code} {self.placer.path(target.code)}"
        res.context = (target.code[:2] + "0000",)
        return res

    def _names_by_stem(self, rest: str) -> list[tuple[str, str]]:
        """(code, name) of today's prefectures and counties whose stem is as long as the
        stem of `rest`, or whose name is as long as `rest`, and their former names with
        today's code (a slip on a name since changed: 江凝县 for 江宁县, 江宁区 since 2000)."""
        if self._by_length is None:
            by: dict[tuple[str, int], list[tuple[str, str]]] = {}
            named = [(u.code, u.name) for u in self.gz.current.values()
                     if u.level in ("prefecture", "county")]
            named += [(str(u.target), u.name) for u in self.gz.units
                      if not u.current and u.target in self.gz.current
                      and u.level in ("prefecture", "county")]
            for code, name in named:
                by.setdefault(("stem", len(stem_of(name))), []).append((code, name))
                by.setdefault(("name", len(name)), []).append((code, name))
            self._by_length = by
        found = self._by_length.get(("stem", len(stem_of(rest))), [])
        same = self._by_length.get(("name", len(rest)), [])
        return list(dict.fromkeys([*found, *same]))
