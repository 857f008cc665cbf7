"""The cross-check with the 33 rural land-system reform pilots of 2015 (农村土地征收、集体
经营性建设用地入市、宅基地制度改革试点).

The batch-2 notice made 14 of them batch-2 members; the other 19 were urbanization pilots
already, so each of those is a batch-1 member or lies inside one. Every named pilot that
the registry does not place so is a lead for batch 1. Only the pilots a public source
names are checked (seeds/data/land_reform_pilots.csv; what was searched is in its README).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import seeds

if TYPE_CHECKING:
    from geodata.registry.pilots import Pilot

LAND_REFORM = "农村土地制度改革试点"
# what the registry says of a named land-reform pilot
VERDICTS = ("batch2_notice", "batch1_consistent", "lead_upgrade", "lead_new", "unplaced")


@dataclass(frozen=True, slots=True)
class Check:
    place: str  # as the source names it
    unit_name: str
    adcode: str
    evidence_kind: str
    source: str
    covered_by: tuple[tuple[int, str, str], ...]  # (batch, unit, status) of rows containing it
    verdict: str  # VERDICTS


def _contains(p: Pilot, adcode: str) -> bool:
    if not p.adcode or p.members:
        return adcode in p.members.split()
    if p.level == "province":
        return p.adcode[:2] == adcode[:2]
    if p.level == "prefecture":
        return p.adcode[:4] == adcode[:4]
    return p.adcode == adcode and not p.town


def cross_check(pilots: Sequence[Pilot]) -> list[Check]:
    from geodata.lists.published import geocode_names

    rows = seeds.load_land_reform()
    results = geocode_names([r["place"] for r in rows])
    shown = [p for p in pilots if p.status in seeds.SHOWN_STATUSES]
    out = []
    for row, res in zip(rows, results, strict=True):
        covering = [p for p in shown if res.adcode and _contains(p, res.adcode)]
        covering.sort(key=lambda p: (p.batch, p.level != "county"))
        out.append(Check(
            place=row["place"], unit_name=res.unit_name, adcode=res.adcode,
            evidence_kind=row["evidence_kind"], source=row["source_url"],
            covered_by=tuple((p.batch, p.unit_name, p.status) for p in covering),
            verdict=_verdict(res.adcode, covering),
        ))
    return out


def _verdict(adcode: str, covering: Sequence[Pilot]) -> str:
    if not adcode:
        return "unplaced"
    if any(p.batch == 2 and p.category == LAND_REFORM for p in covering):
        return "batch2_notice"
    if any(p.batch == 1 for p in covering):
        return "batch1_consistent"
    return "lead_upgrade" if covering else "lead_new"


def audit_lines(pilots: Sequence[Pilot]) -> list[str]:
    checks = cross_check(pilots)
    total = seeds.LAND_REFORM_PILOTS
    lines = [f"rural land-reform pilots (2015): {len(checks)} of {total} named by a public "
             f"source; the 14 of batch 2's notice, the others urbanization pilots already"]
    for c in checks:
        where = ", ".join(f"b{_b(b)} {unit} ({status})" for b, unit, status in c.covered_by)
        where = where or "no registry row"
        lines.append(f"  {c.place} -> {c.unit_name or '?'}: {c.verdict} [{c.evidence_kind}] "
                     f"({where})")
    return lines


def _b(batch: int) -> str:
    return "1or2" if batch == seeds.BATCH_1_OR_2 else str(batch)
