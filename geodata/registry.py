"""The pilot registry resolved: one row per published pilot entry, with its unit,
codes, geometry and provenance (schema in DESIGN.md)."""

from __future__ import annotations

import io
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

import seeds
from geodata.exports import csv_text, xlsx_bytes
from geodata.geocoder import APPROXIMATE, MATCHED, Geocoder, Result
from geodata.lists import geocode_lines

if TYPE_CHECKING:
    import geopandas as gpd

COLUMNS = (
    "pilot_id",
    "batch",
    "year",
    "document",
    "category",
    "status",
    "name_published",
    "province",
    "prefecture",
    "county",
    "town",
    "level",
    "adcode",
    "adcode_then",
    "unit_name",
    "renamed_from",
    "method",
    "match_status",
    "note",
    "candidates",
    "lon",
    "lat",
    "geometry_kind",
    "sources",
    "evidence",
    "province_adcode",
)


def _row(entry: dict[str, object], res: Result, context: str) -> dict[str, object]:
    level = res.level
    if res.status == MATCHED and level in ("province", "prefecture", "county"):
        kind = "boundary"
    elif res.status == MATCHED:
        kind = "town_point"
    elif res.status == APPROXIMATE:
        kind = "approximate"
    else:
        kind = ""
    return {
        "pilot_id": seeds.pilot_id(int(str(entry["batch"])), res.input, context),
        "batch": entry["batch"],
        "year": entry["year"],
        "document": entry["document"],
        "category": entry["category"],
        "status": entry["status"],
        "name_published": res.input,
        "province": res.province,
        "prefecture": res.prefecture,
        "county": res.county,
        "town": res.town,
        "level": level,
        "adcode": res.adcode,
        "adcode_then": res.adcode_then,
        "unit_name": res.unit_name,
        "renamed_from": res.renamed_from,
        "method": res.method,
        "match_status": res.status,
        "note": res.note,
        "candidates": res.candidates,
        "lon": res.lon,
        "lat": res.lat,
        "geometry_kind": kind,
        "sources": entry["sources"],
        "evidence": entry["evidence"],
        "province_adcode": res.adcode[:2] + "0000" if res.adcode else "",
    }


@cache
def registry_rows() -> tuple[dict[str, object], ...]:
    """Every published entry resolved (no geometry): fast, for tables and the CLI."""
    gc = Geocoder()
    rows = []
    for entry in seeds.load_entries():
        text = str(entry["text"])
        lines = text.splitlines()
        for line in lines:
            # an item name can recur on another line (e.g. 城区), so a published list's line
            # is part of its id; context never crosses lines, so each is geocoded alone
            for res in geocode_lines([line], gc):
                rows.append(_row(entry, res, line if len(lines) > 1 else ""))
    return tuple(rows)


@cache
def resolved_registry(*, simplified: bool = True) -> gpd.GeoDataFrame:
    """The registry with geometry: boundaries for units, points for towns and zones."""
    import geopandas as gpd
    import shapely

    from geodata.boundaries import load_layer

    shapes: dict[str, object] = {}
    for layer in ("province", "prefecture", "county"):
        frame = load_layer(layer, simplified=simplified)
        shapes.update(zip(frame["adcode"], frame.geometry, strict=True))
    geoms = []
    for r in registry_rows():
        if r["geometry_kind"] == "boundary":
            geoms.append(shapes.get(str(r["adcode"])))
        elif r["lon"] is not None:
            # the ignore below: a loosely typed row value or frame
            geoms.append(shapely.Point(float(r["lon"]), float(r["lat"])))  # type: ignore[arg-type]
        else:
            geoms.append(None)
    return gpd.GeoDataFrame(
        list(registry_rows()), columns=list(COLUMNS), geometry=geoms, crs="EPSG:4326"
    )


def export_registry(suffix: str) -> bytes | str:
    """The resolved registry as .csv, .xlsx, .geojson or .parquet (GeoParquet)."""
    if suffix == ".csv":
        return csv_text(registry_rows(), COLUMNS)
    if suffix == ".xlsx":
        return xlsx_bytes(registry_rows(), COLUMNS)
    frame = resolved_registry(simplified=False)
    if suffix in (".geojson", ".json"):
        safe = frame.copy()
        text: str = safe.to_json(drop_id=True, ensure_ascii=False)
        return text
    if suffix in (".parquet", ".geoparquet"):
        buf = io.BytesIO()
        frame.to_parquet(buf)
        return buf.getvalue()
    from geodata.inputs import InputError

    raise InputError(f"unknown export format '{suffix}'; use .csv .xlsx .geojson or .parquet")


def completeness() -> list[dict[str, object]]:
    """Per batch: official member count, members known here, and how they are known."""
    rows = registry_rows()
    out = []
    for b in seeds.load_batches():
        mine = [r for r in rows if r["batch"] == b.batch]
        by_status = Counter(str(r["status"]) for r in mine)
        out.append(
            {
                "batch": b.batch,
                "year": b.year,
                "document": b.document,
                "official_members": b.official_members,
                "known": len(mine),
                "official": by_status.get("official", 0),
                "reported": by_status.get("reported", 0),
                "unconfirmed": by_status.get("unconfirmed", 0),
                "complete": len(mine) >= b.official_members,
            }
        )
    return out


def audit_text() -> str:
    lines = ["batch  year  official  known  official/reported/unconfirmed  document"]
    for c in completeness():
        lines.append(
            f"{c['batch']:>5}  {c['year']}  {c['official_members']:>8}  {c['known']:>5}  "
            f"{c['official']:>8}/{c['reported']}/{c['unconfirmed']:<19}  {c['document'] or '-'}"
        )
    lines.append("")
    doubtful = [r for r in registry_rows() if r["match_status"] != MATCHED]
    lines.append(f"entries not matched exactly: {len(doubtful)}")
    for r in doubtful:
        lines.append(f"  b{r['batch']} {r['name_published']}: {r['match_status']} — {r['note']}")
    unconfirmed = [r for r in registry_rows() if r["status"] == "unconfirmed"]
    lines.append(f"unconfirmed members (shown only on request): {len(unconfirmed)}")
    for r in unconfirmed:
        lines.append(f"  b{r['batch']} {r['name_published']}: {str(r['evidence'])[:80]}")
    return "\n".join(lines) + "\n"
