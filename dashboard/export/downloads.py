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


def full_geojson(ids: tuple[str, ...], use: str = "") -> bytes:
    """GeoJSON with full-resolution outlines (loaded only when asked for)."""
    from dashboard import data

    full = data.registry(False, use)
    return geojson_bytes(full[full["pilot_id"].isin(ids)])


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


def full_gpkg(ids: tuple[str, ...], use: str = "", lang: str = "zh") -> bytes:
    from dashboard import data

    full = data.registry(False, use)
    return gpkg(full[full["pilot_id"].isin(ids)], lang)


def research_table(
    ids: tuple[str, ...], use: str, statuses: tuple[str, ...]
) -> list[dict[str, object]]:
    """The research rows of the pilots `ids` (registry with the lists `use` names)."""
    from geodata.registry.effective import effective_rows
    from geodata.registry.research import research_rows

    wanted = set(ids)
    chosen = [r for r in effective_rows(use or None) if r["pilot_id"] in wanted]
    return research_rows(chosen, statuses=statuses)


def research_csv(ids: tuple[str, ...], use: str, statuses: tuple[str, ...], lang: str) -> bytes:
    """Every county-level unit in (or under) the pilots `ids`, with its batch."""
    from geodata.registry.research import COLUMNS as RESEARCH_COLUMNS

    return table_csv(research_table(ids, use, statuses), RESEARCH_COLUMNS, lang).encode("utf-8")


def research_dta(ids: tuple[str, ...], use: str, statuses: tuple[str, ...], lang: str,
                 title: str = "") -> bytes:
    """The research table as a Stata dataset (first_batch value-labelled)."""
    from geodata.exports.stata import dta_bytes
    from geodata.registry.research import COLUMNS as RESEARCH_COLUMNS

    return dta_bytes(research_table(ids, use, statuses), RESEARCH_COLUMNS, lang, title=title)
