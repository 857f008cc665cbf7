"""The filtered pilots as files: CSV (UTF-8 with BOM), XLSX, GeoJSON, Stata (.dta),
GeoPackage (.gpkg), and the research table of county-level units (CSV, .dta)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.exports.spreadsheet import table_csv, table_xlsx
from geodata.geocode.romanise import unit_name_en
from geodata.registry.pilots import COLUMNS as REGISTRY_COLUMNS

# the registry's columns, with the place in English (pinyin) after the published name
_AT = REGISTRY_COLUMNS.index("name_published") + 1
COLUMNS = (*REGISTRY_COLUMNS[:_AT], "name_en", *REGISTRY_COLUMNS[_AT:])

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from dashboard.view_data import ViewData


def _names_en(frame: pd.DataFrame) -> list[str]:
    return [unit_name_en(str(u or ""), str(t or ""))
            for u, t in zip(frame["unit_name"], frame["town"], strict=True)]


def _with_name_en(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(name_en=_names_en(frame))


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    table = _with_name_en(frame)[list(COLUMNS)].astype(object)
    return [{str(k): v for k, v in r.items()}
            for r in table.where(table.notna(), None).to_dict("records")]


def csv_bytes(frame: pd.DataFrame, lang: str = "zh") -> bytes:
    return table_csv(_records(frame), COLUMNS, lang).encode("utf-8")


def xlsx(frame: pd.DataFrame, lang: str = "zh", title: str = "") -> bytes:
    return table_xlsx(_records(frame), COLUMNS, lang, title=title)


def geojson_bytes(frame: gpd.GeoDataFrame) -> bytes:
    """GeoJSON in WGS84; pass the full-resolution registry rows for exact outlines."""
    out = frame.assign(name_en=_names_en(frame))[[*COLUMNS, "geometry"]]
    text: str = out.to_json(drop_id=True, ensure_ascii=False)
    return text.encode("utf-8")


def full_geojson(v: ViewData) -> bytes:
    """The view's rows as GeoJSON with full-resolution outlines (loaded only when asked
    for)."""
    return geojson_bytes(v.full_rows())


def dta(frame: pd.DataFrame, lang: str = "zh", title: str = "") -> bytes:
    """Stata 118: variable labels in `lang`, batch/status/evidence kind … value-labelled."""
    from geodata.exports.stata import dta_bytes

    return dta_bytes(_records(frame), COLUMNS, lang, title=title)


def gpkg(frame: gpd.GeoDataFrame, lang: str = "zh") -> bytes:
    """A GeoPackage of `frame` (full-resolution rows) and the boundary layers."""
    from geodata.basics.attribution import attribution_lines
    from geodata.exports.geopackage import gpkg_bytes

    table = frame.assign(name_en=_names_en(frame))
    return gpkg_bytes(table, COLUMNS, lang, description=" | ".join(attribution_lines(lang)))


def full_gpkg(v: ViewData) -> bytes:
    """The view's rows as a GeoPackage with full-resolution outlines, in its language."""
    return gpkg(v.full_rows(), v.state.lang)


def research_table(v: ViewData) -> list[dict[str, object]]:
    """The research rows of the view's pilots (registry with its saved lists)."""
    from geodata.registry.research import research_rows

    wanted = set(v.rows["pilot_id"])
    chosen = [p.row() for p in v.pilots if p.pilot_id in wanted]
    return research_rows(chosen, statuses=v.state.statuses)


def research_csv(v: ViewData) -> bytes:
    """Every county-level unit in (or under) the view's pilots, with its batch."""
    from geodata.registry.research import COLUMNS as RESEARCH_COLUMNS

    return table_csv(research_table(v), RESEARCH_COLUMNS, v.state.lang).encode("utf-8")


def research_dta(v: ViewData, title: str = "") -> bytes:
    """The research table as a Stata dataset (first_batch value-labelled)."""
    from geodata.exports.stata import dta_bytes
    from geodata.registry.research import COLUMNS as RESEARCH_COLUMNS

    return dta_bytes(research_table(v), RESEARCH_COLUMNS, v.state.lang, title=title)
