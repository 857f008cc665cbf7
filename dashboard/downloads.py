"""The filtered pilots as files: CSV (UTF-8 with BOM), XLSX and GeoJSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.exports import table_csv, table_xlsx
from geodata.registry import COLUMNS

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    table = frame[list(COLUMNS)].astype(object)
    return [{str(k): v for k, v in r.items()}
            for r in table.where(table.notna(), None).to_dict("records")]


def csv_bytes(frame: pd.DataFrame, lang: str = "zh") -> bytes:
    return table_csv(_records(frame), COLUMNS, lang).encode("utf-8")


def xlsx(frame: pd.DataFrame, lang: str = "zh", title: str = "") -> bytes:
    return table_xlsx(_records(frame), COLUMNS, lang, title=title)


def geojson_bytes(frame: gpd.GeoDataFrame) -> bytes:
    """GeoJSON in WGS84; pass the full-resolution registry rows for exact outlines."""
    out = frame[[*COLUMNS, "geometry"]]
    text: str = out.to_json(drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")
