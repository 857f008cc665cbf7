"""What the evidence for batch-1/2 members says beyond their status: counts by evidence
kind, the research panel's coding beside each row it covers, the batch a town must be in
by elimination, the rural land-reform cross-check, and the contradictions between sources.

Derived from the seeds and the registry each time; nothing here is a curated answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import seeds

if TYPE_CHECKING:
    from geodata.registry.pilots import Pilot

# what the panel's coding says of a row (empty: the panel does not cover its level)
DATASET_CHECKS = ("agrees", "differs", "untreated", "not_in_panel")
SHOWN = seeds.SHOWN_STATUSES  # contradicted rows are never counted


@cache
def _panel() -> dict[str, int]:
    """Prefecture-level city code -> first treated year (0: never treated)."""
    return {c.city_code: c.first_treated for c in seeds.load_dataset_coding()}


@cache
def _panel_by_province() -> dict[str, tuple[int, ...]]:
    out: dict[str, list[int]] = {}
    for code, year in _panel().items():
        out.setdefault(code[:2], []).append(year)
    return {k: tuple(v) for k, v in out.items()}


def batch_years(batch: int) -> tuple[int, ...]:
    """The treatment years that mean `batch` (the 1-or-2 group: either)."""
    years = {b.batch: b.year for b in seeds.load_batches()}
    if batch == seeds.BATCH_1_OR_2:
        return (years[1], years[2])
    return (years[batch],) if batch in years else ()


def dataset_coding(adcode: str, level: str, batch: int) -> tuple[int | None, str]:
    """(first treated year in the panel, check) for a prefecture-level row, or a whole
    province (every city of it coded alike); (None, "") for levels the panel does not
    code (districts, counties, towns, a group of districts)."""
    if not adcode or level not in ("province", "prefecture"):
        return None, ""
    if level == "province":
        years = set(_panel_by_province().get(adcode[:2], ()))
        if not years:
            return None, "not_in_panel"
        if len(years) > 1:
            return None, "differs"
        year = years.pop()
    elif adcode not in _panel():
        return None, "not_in_panel"
    else:
        year = _panel()[adcode]
    if not year:
        return None, "untreated"
    return year, "agrees" if year in batch_years(batch) else "differs"


# --- counts by status and by evidence kind ----------------------------------------------


def kind_counts(pilots: Iterable[Pilot], batch: int) -> dict[str, dict[str, int]]:
    """status -> evidence kind -> members of `batch` (shown statuses only)."""
    out: dict[str, dict[str, int]] = {s: {} for s in SHOWN}
    for p in pilots:
        if p.batch == batch and p.status in SHOWN:
            kinds = out[p.status]
            kinds[p.evidence_kind] = kinds.get(p.evidence_kind, 0) + 1
    return out


def by_kind(pilots: Iterable[Pilot], batch: int) -> dict[str, int]:
    """evidence kind -> members of `batch`, in seeds.EVIDENCE_KINDS order."""
    counts = kind_counts(pilots, batch)
    return {k: n for k in seeds.EVIDENCE_KINDS
            if (n := sum(c.get(k, 0) for c in counts.values()))}


# --- batch by elimination ---------------------------------------------------------------


def batch_by_elimination(row: Pilot, pilots: Sequence[Pilot]) -> int | None:
    """The batch a town named as a national pilot must be in, or None when the data
    cannot tell: batch 1's towns are all known (as many official/reported towns as the
    stated official count) and batch 3 is complete, so a town in neither is batch 2."""
    if row.kind != "town":
        return None
    stated = next((k.official for k in seeds.load_batch_kinds()
                   if k.batch == "1" and k.kind == "town" and k.basis == "stated"), None)
    sure = ("official", "reported")
    first = {p.key() for p in pilots if p.batch == 1 and p.kind == "town" and p.status in sure}
    if stated is None or len(first) < stated:
        return None
    if row.key() in first:
        return 1
    official3 = next(b.official_members for b in seeds.load_batches() if b.batch == 3)
    third = [p for p in pilots if p.batch == 3 and p.status in sure]
    if len(third) < official3:
        return None
    return 3 if row.key() in {p.key() for p in third} else 2


# --- contradictions ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contradiction:
    what: str  # kind_exceeds | dataset
    batch: str
    subject: str  # an NDRC kind, or a place
    detail: str  # plain English, for the audit


def contradictions(pilots: Sequence[Pilot]) -> list[Contradiction]:
    """Sources that cannot all be right: more members of a kind known than the official
    count allows, and rows the research panel codes another way (or not at all)."""
    from geodata.registry.pilots import kind_completeness

    shown = [p for p in pilots if p.status in SHOWN]
    wanted = {"1": (1,), "2": (2,), "1+2": (1, 2, seeds.BATCH_1_OR_2)}
    out = []
    for k in kind_completeness(shown):
        if int(str(k["known"])) > int(str(k["official"])):
            names = [p.name for p in shown
                     if p.batch in wanted[str(k["batch"])] and p.kind == k["kind"]]
            out.append(Contradiction(
                "kind_exceeds", str(k["batch"]), str(k["kind"]),
                f"{k['known']} known ({'、'.join(names)}) > {k['official']} official "
                f"({k['basis']}: {k['source']})"))
    for p in shown:
        if p.batch != 3 and p.dataset_check in ("differs", "untreated", "not_in_panel"):
            year = f" ({p.dataset_year})" if p.dataset_year else ""
            out.append(Contradiction("dataset", _b(p.batch), p.name,
                                     f"{p.status}; the panel: {p.dataset_check}{year}"))
    return out


def panel_leads(pilots: Sequence[Pilot]) -> list[tuple[str, str, int]]:
    """(province, city, year) of cities the panel treats in 2014 or 2015 that no shown
    registry row covers: leads the panel alone gives."""
    shown = [p for p in pilots if p.status in SHOWN and p.adcode]
    covered = {p.adcode[:4] for p in shown if p.level == "prefecture"}
    covered |= {p.adcode[:2] for p in shown if p.level == "province"}
    early = set(batch_years(seeds.BATCH_1_OR_2))
    return [(c.province, c.city, c.first_treated) for c in seeds.load_dataset_coding()
            if c.first_treated in early and c.city_code[:4] not in covered
            and c.city_code[:2] not in covered]


def _b(batch: int) -> str:
    return "1or2" if batch == seeds.BATCH_1_OR_2 else str(batch)
