"""A worked list's rows as places (where each item is, in words and as geometry) and
as the files a person downloads: CSV, XLSX, GeoJSON. Pure, no Streamlit."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

from shapely.geometry import Point, mapping
from shapely.geometry.base import BaseGeometry

from geodata.exports.spreadsheet import table_csv, table_xlsx
from geodata.geocode.geocoder import APPROXIMATE, COLUMNS, MATCHED
from geodata.registry.pilots import unit_shapes

AREA_LEVELS: tuple[str, ...] = ("province", "prefecture", "county")
DRAWN: tuple[str, ...] = (MATCHED, APPROXIMATE)  # ambiguous and unmatched items have no place


def _number(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        out = float(value)  # type: ignore[arg-type]  # a loosely typed row value or frame
    except (TypeError, ValueError):
        return None
    return None if math.isnan(out) else out


def row_geometry(row: Mapping[str, Any], shapes: Mapping[str, BaseGeometry]) -> BaseGeometry | None:
    """The unit's polygon for a province/prefecture/county, a point for a town or zone
    (or when the polygon is missing); None for items that did not resolve."""
    if row.get("status") not in DRAWN:
        return None
    if row.get("level") in AREA_LEVELS:
        geom = shapes.get(str(row.get("adcode") or ""))
        if geom is not None:
            return geom
    lon, lat = _number(row.get("lon")), _number(row.get("lat"))
    if lon is None or lat is None:
        return None
    return Point(lon, lat)


def unit_text(row: Mapping[str, Any]) -> str:
    """Where an item was placed: its path of today's names, town or zone last."""
    parts: list[str] = []
    for key in ("province", "prefecture", "county", "unit_name", "town"):
        value = str(row.get(key) or "")
        if value and value not in parts:
            parts.append(value)
    return " ".join(parts)


def csv_bytes(rows: Sequence[Mapping[str, object]], lang: str = "zh") -> bytes:
    # BOM, formulas, Chinese headers and values: geodata.exports (spreadsheet, schema)
    return table_csv(rows, COLUMNS, lang, geocoder=True).encode("utf-8")


def xlsx(rows: Sequence[Mapping[str, object]], lang: str = "zh") -> bytes:
    return table_xlsx(rows, COLUMNS, lang, geocoder=True)


def geojson_bytes(rows: Sequence[Mapping[str, object]], *, simplified: bool = False) -> bytes:
    """Every item as a feature (unresolved ones with null geometry), WGS84."""
    shapes = unit_shapes(simplified)
    feats = []
    for r in rows:
        geom = row_geometry(r, shapes)
        feats.append({
            "type": "Feature",
            "properties": {c: r.get(c) for c in COLUMNS},
            "geometry": mapping(geom) if geom is not None else None,
        })
    return json.dumps({"type": "FeatureCollection", "features": feats},
                      ensure_ascii=False).encode("utf-8")
