"""The pilot registry resolved: one typed row (`Pilot`) per published pilot entry, with
its unit, codes, geometry and provenance (schema in DESIGN.md and `geodata.exports.schema`).

`Pilot` is built in one place (`make_pilot`) for the shipped entries and for the items of
a saved list alike; `geodata.registry.effective` combines them into the registry a view shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Any

import seeds
from geodata.basics.notes import encode, note_text
from geodata.geocode.geocoder import APPROXIMATE, MATCHED, Geocoder, Result
from geodata.geocode.names import to_simplified
from geodata.lists.published import geocode_lines
from geodata.registry.evidence import dataset_coding

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

AREA_LEVELS: tuple[str, ...] = ("province", "prefecture", "county")
# NDRC's kinds of member (the structure of batches 1+2), in the order it lists them
KINDS: tuple[str, ...] = (
    "province",
    "municipality",
    "plan_listed",
    "capital",
    "prefecture",
    "county",
    "town",
)
# what a saved list in use says about a row (empty when no list is in use for its batch)
LIST_MARKS: tuple[str, ...] = ("from_list", "in_list", "not_in_list")


@dataclass(frozen=True, slots=True)
class Pilot:
    """One pilot as the registry holds it. Field order is the export's column order."""

    pilot_id: str
    batch: int  # 1, 2, 3, or seeds.BATCH_1_OR_2
    year: int
    document: str
    category: str
    status: str  # seeds.STATUSES
    evidence_kind: str  # seeds.EVIDENCE_KINDS: what the status rests on
    doubt: str  # seeds.DOUBTS: why a row on notice or press evidence is still unconfirmed
    name_published: str  # exactly as the source prints it (traditional characters kept)
    name: str  # the same name in simplified characters
    province: str
    prefecture: str
    county: str
    town: str
    level: str
    kind: str  # KINDS, or "" when the source does not say
    adcode: str
    adcode_then: str
    unit_name: str
    renamed_from: str
    members: str  # adcodes of the units a group pilot covers (space-separated), else ""
    method: str
    match_status: str
    note: str
    reason: str  # the geocoder's reason code for an unmatched/ambiguous/approximate item
    candidates: str
    lon: float | None
    lat: float | None
    geometry_kind: str  # boundary | town_point | approximate | ""
    sources: str  # public URLs and document titles, " | "-separated
    evidence: str
    dataset_year: int | None  # the research panel's first treated year (seeds.DATASET_SOURCE)
    dataset_check: str  # geodata.registry.evidence.DATASET_CHECKS, "" where the panel does not code
    province_adcode: str
    list_mark: str = ""  # LIST_MARKS
    list_id: str = ""  # the saved list this row comes from or is checked against

    def row(self) -> dict[str, object]:
        return asdict(self)

    def key(self) -> str:
        """What a list item and a registry row are compared by: unit and town."""
        return unit_key(self.row())


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Pilot))


def unit_key(row: Mapping[str, Any]) -> str:
    return f"{row.get('adcode') or ''}|{row.get('town') or ''}"


def kind_of_level(level: str) -> str:
    """The NDRC kind a unit's level implies when no source says more (a prefecture-level
    city may also be a capital or plan-listed: only the seeds say so)."""
    return {
        "province": "province",
        "prefecture": "prefecture",
        "county": "county",
        "town": "town",
        "zone": "town",
    }.get(level, "")


def geometry_kind(res: Result) -> str:
    if res.status == MATCHED and (res.level in AREA_LEVELS or _members(res)):
        return "boundary"
    if res.status == MATCHED:
        return "town_point"
    if res.status == APPROXIMATE:
        return "approximate"
    return ""


def _level(res: Result) -> str:
    """A group pilot (several units named at once) takes its units' level, so filters
    and tallies count it as one pilot of that level."""
    members = _members(res)
    if not members:
        return res.level
    if all(c.endswith("0000") for c in members):
        return "province"
    return "prefecture" if all(c.endswith("00") for c in members) else "county"


def _members(res: Result) -> tuple[str, ...]:
    # a group name (重庆市主城九区) resolves to several units: `Result.members`
    return tuple(getattr(res, "members", ()) or ())


def make_pilot(
    res: Result,
    *,
    pilot_id: str,
    batch: int,
    year: int,
    document: str,
    category: str,
    status: str,
    evidence_kind: str = "",
    doubt: str = "",
    kind: str = "",
    sources: str = "",
    evidence: str = "",
    list_mark: str = "",
    list_id: str = "",
) -> Pilot:
    """The one constructor of registry rows, from a geocoder result and its provenance."""
    level = _level(res)
    dataset_year, dataset_check = dataset_coding(res.adcode, level, batch)
    return Pilot(
        pilot_id=pilot_id,
        batch=batch,
        year=year,
        document=document,
        category=category,
        status=status,
        evidence_kind=evidence_kind,
        doubt=doubt,
        name_published=res.input,
        name=to_simplified(res.input),
        province=res.province,
        prefecture=res.prefecture,
        county=res.county,
        town=res.town,
        level=level,
        kind=kind or kind_of_level(res.level),
        adcode=res.adcode,
        adcode_then=res.adcode_then,
        unit_name=res.unit_name,
        renamed_from=res.renamed_from,
        members=" ".join(_members(res)),
        method=res.method.token(),
        match_status=res.status,
        note=encode(res.notes),  # codes: geodata.basics.notes renders them
        reason=str(getattr(res, "reason", "") or ""),  # geodata.geocode.reasons codes
        candidates=res.candidates,
        lon=res.lon,
        lat=res.lat,
        geometry_kind=geometry_kind(res),
        sources=sources,
        evidence=evidence,
        dataset_year=dataset_year,
        dataset_check=dataset_check,
        province_adcode=res.adcode[:2] + "0000" if res.adcode else "",
        list_mark=list_mark,
        list_id=list_id,
    )


@cache
def shipped_pilots() -> tuple[Pilot, ...]:
    """Every published entry resolved (no geometry): fast, for tables and the CLI."""
    gc = Geocoder()
    out = []
    for entry in seeds.load_entries():
        text = str(entry["text"])
        lines = text.splitlines()
        for line in lines:
            # an item name can recur on another line (e.g. 城区), so a published list's line
            # is part of its id; context never crosses lines, so each is geocoded alone
            for res in geocode_lines([line], gc):
                context = line if len(lines) > 1 else ""
                out.append(
                    make_pilot(
                        res,
                        pilot_id=seeds.pilot_id(int(entry["batch"]), res.input, context),
                        batch=int(entry["batch"]),
                        year=int(entry["year"]),
                        document=str(entry["document"]),
                        category=str(entry["category"]),
                        status=str(entry["status"]),
                        evidence_kind=str(entry["evidence_kind"]),
                        doubt=str(entry["doubt"]),
                        kind=str(entry.get("kind") or ""),
                        sources=str(entry["sources"]),
                        evidence=str(entry["evidence"]),
                    )
                )
    return tuple(out)


def registry_rows() -> tuple[dict[str, object], ...]:
    """The shipped registry as plain rows (the registry before any saved list)."""
    return tuple(p.row() for p in shipped_pilots())


@cache
def unit_shapes(simplified: bool = True) -> Mapping[str, BaseGeometry]:
    """adcode -> polygon of every province, prefecture and county."""
    from geodata.boundaries.layers import load_layer

    shapes: dict[str, BaseGeometry] = {}
    for level in AREA_LEVELS:
        frame = load_layer(level, simplified=simplified)
        shapes.update(zip(frame["adcode"].astype(str), frame.geometry, strict=True))
    return shapes


def pilot_geometry(p: Pilot, shapes: Mapping[str, BaseGeometry]) -> BaseGeometry | None:
    """A unit's polygon (a group pilot: the union of its units' polygons, ONE shape), a
    point for a town or zone, None for an entry that did not resolve."""
    import shapely

    if p.geometry_kind == "boundary":
        if p.members:
            parts = [shapes[c] for c in p.members.split() if c in shapes]
            return shapely.union_all(parts) if parts else None
        geom = shapes.get(p.adcode)
        if geom is not None:
            return geom
    if p.geometry_kind and p.lon is not None and p.lat is not None:
        return shapely.Point(float(p.lon), float(p.lat))
    return None


def pilots_frame(pilots: Sequence[Pilot], *, simplified: bool = True) -> gpd.GeoDataFrame:
    """Pilots with geometry, as the map and the geographic exports take them."""
    import geopandas as gpd

    shapes = unit_shapes(simplified)
    return gpd.GeoDataFrame(
        [p.row() for p in pilots],
        columns=list(COLUMNS),
        geometry=[pilot_geometry(p, shapes) for p in pilots],
        crs="EPSG:4326",
    )


@cache
def resolved_registry(*, simplified: bool = True) -> gpd.GeoDataFrame:
    """The shipped registry with geometry: boundaries for units, points for towns."""
    return pilots_frame(shipped_pilots(), simplified=simplified)


# --- how complete the registry is ------------------------------------------------------

COUNTED: tuple[str, ...] = ("official", "reported", "unconfirmed")  # not `contradicted`


def completeness(pilots: Iterable[Pilot] | None = None) -> list[dict[str, object]]:
    """Per batch: official member count, members known, and how they are known; then the
    group whose batch is known only to be 1 or 2 (no official count of its own)."""
    rows = list(shipped_pilots() if pilots is None else pilots)
    out = []
    for b in seeds.load_batches():
        out.append(_known(rows, b.batch, b.year, b.document, b.official_members))
    group = _known(rows, seeds.BATCH_1_OR_2, seeds.BATCH_1_OR_2_YEAR, "", 0)
    group["complete"] = False
    out.append(group)
    return out


def _known(
    rows: list[Pilot], batch: int, year: int, document: str, official: int
) -> dict[str, object]:
    mine = [r for r in rows if r.batch == batch]
    counted = [r for r in mine if r.status in COUNTED]
    by_status = {s: sum(1 for r in counted if r.status == s) for s in COUNTED}
    return {
        "batch": batch,
        "year": year,
        "document": document,
        "official_members": official,
        "known": len(counted),
        **by_status,
        "contradicted": len(mine) - len(counted),
        "complete": official > 0 and len(counted) >= official,
    }


def kind_completeness(pilots: Iterable[Pilot] | None = None) -> list[dict[str, object]]:
    """Known vs official members of each kind, for batch 1, batch 2 and batches 1+2 (the
    1-or-2 group counts in 1+2 only)."""
    rows = [r for r in (shipped_pilots() if pilots is None else pilots) if r.status in COUNTED]
    wanted = {"1": (1,), "2": (2,), "1+2": (1, 2, seeds.BATCH_1_OR_2)}
    out = []
    for k in seeds.load_batch_kinds():
        batches = wanted[k.batch]
        known = sum(1 for r in rows if r.batch in batches and r.kind == k.kind)
        out.append(
            {
                "batch": k.batch,
                "kind": k.kind,
                "known": known,
                "official": k.official,
                "basis": k.basis,
                "source": k.source,
            }
        )
    return out


def audit_text(pilots: Sequence[Pilot] | None = None, applied: Sequence[str] = ()) -> str:
    """The audit the CLI prints: known vs official per batch and per kind, the lists in
    use, every entry not matched exactly, every unconfirmed or contradicted member."""
    rows = list(shipped_pilots() if pilots is None else pilots)
    lines = [f"list in use: {a}" for a in applied]
    lines.append("batch     year  official  known  official/reported/unconfirmed  document")
    for c in completeness(rows):
        either = c["batch"] == seeds.BATCH_1_OR_2
        name = "1or2" if either else str(c["batch"])
        year = "2014/15" if either else str(c["year"])  # the group's batch, so its year, is open
        official = str(c["official_members"] or "-")
        lines.append(
            f"{name:>5}  {year:>7}  {official:>8}  {c['known']:>5}  "
            f"{c['official']:>8}/{c['reported']}/{c['unconfirmed']:<19}  {c['document'] or '-'}"
        )
    for c in completeness(rows):
        mine = [r for r in rows if r.batch == c["batch"] and r.status in COUNTED]
        provinces = sum(1 for r in mine if r.kind == "province")
        if provinces:
            lines.append(
                f"  batch {c['batch']}: {int(str(c['known'])) - provinces} places "
                f"+ {provinces} whole provinces"
            )
    lines.append(
        "  1or2: named as a national pilot outside batch 3, batch not stated; "
        "counted in neither batch 1 nor batch 2"
    )
    lines.append("")
    lines += evidence_lines(rows)
    lines.append("")
    lines.append("by kind (NDRC structure)  batch  kind          known / official  basis")
    for k in kind_completeness(rows):
        lines.append(
            f"{'':26}{k['batch']:>5}  {k['kind']:<12}  {k['known']:>5} / "
            f"{k['official']:<8}  {k['basis']}"
        )
    lines.append("")
    doubtful = [r for r in rows if r.match_status != MATCHED]
    lines.append(f"entries not matched exactly: {len(doubtful)}")
    for r in doubtful:
        why = note_text(r.note, 'en')
        lines.append(f"  b{_b(r.batch)} {r.name_published}: {r.match_status} — {why}")
    unconfirmed = [r for r in rows if r.status == "unconfirmed"]
    lines.append(f"unconfirmed members (shown only on request): {len(unconfirmed)}")
    for r in unconfirmed:
        why = r.evidence_kind + (f", {r.doubt}" if r.doubt else "")
        lines.append(f"  b{_b(r.batch)} {r.name_published} [{why}]: {r.evidence[:80]}")
    against = [r for r in rows if r.status == "contradicted"]
    lines.append(f"contradicted by a source (never shown or counted): {len(against)}")
    for r in against:
        lines.append(f"  b{_b(r.batch)} {r.name_published}: {r.evidence[:120]}")
    return "\n".join(lines) + "\n"


def evidence_lines(rows: Sequence[Pilot]) -> list[str]:
    """Known members per batch by evidence kind, the research panel's coding beside every
    batch-1/2 row it covers, the elimination rule, contradictions, the land-reform check."""
    from geodata.registry import evidence, land_reform

    lines = ["by evidence kind (only notice and press make a row official or reported)"]
    for c in completeness(rows):
        b = int(str(c["batch"]))
        parts = [f"{s} " + (", ".join(f"{k} {n}" for k, n in kinds.items()) or "-")
                 for s, kinds in evidence.kind_counts(rows, b).items()]
        lines.append(f"{_b(b):>5}  " + " | ".join(parts))
    lines.append("")
    lines.append(f"research panel coding (first treated year; {seeds.DATASET_SOURCE})")
    for r in rows:
        if r.batch != 3 and r.dataset_check and r.status in COUNTED:
            year = r.dataset_year or "-"
            lines.append(f"  b{_b(r.batch)} {r.name} ({r.status}): {r.dataset_check} {year}")
    leads = evidence.panel_leads(rows)
    lines.append(f"  treated in 2014/2015 by the panel, no registry row: {len(leads)}")
    lines += [f"  {prov}{city}: {year}" for prov, city, year in leads]
    lines.append("")
    lines.append("batch by elimination (towns: batch 1's towns all known, batch 3 complete)")
    for r in rows:
        if r.evidence_kind == "elimination":
            derived = evidence.batch_by_elimination(r, rows)
            verdict = "holds" if derived == r.batch else f"does not hold (gives {derived})"
            lines.append(f"  b{_b(r.batch)} {r.name}: {verdict}")
    lines.append("")
    found = evidence.contradictions(rows)
    lines.append(f"contradictions between sources (kept, not resolved): {len(found)}")
    for x in found:
        lines.append(f"  b{x.batch} {x.subject}: {x.detail}")
    lines.append("")
    return lines + land_reform.audit_lines(rows)


def _b(batch: int) -> str:
    return "1or2" if batch == seeds.BATCH_1_OR_2 else str(batch)
