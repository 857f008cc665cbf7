"""The filtered pilots as files: CSV (UTF-8 with BOM), XLSX and GeoJSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.exports import csv_text, xlsx_bytes
from geodata.registry import COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    table = frame[list(COLUMNS)].astype(object)
    return [{str(k): v for k, v in r.items()}
            for r in table.where(table.notna(), None).to_dict("records")]


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return csv_text(_records(frame), COLUMNS).encode("utf-8")


def xlsx(frame: pd.DataFrame) -> bytes:
    return xlsx_bytes(_records(frame), COLUMNS)


def geojson_bytes(frame: gpd.GeoDataFrame) -> bytes:
    """GeoJSON in WGS84; pass the full-resolution registry rows for exact outlines."""
    out = frame[[*COLUMNS, "geometry"]]
    text: str = out.to_json(drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")
