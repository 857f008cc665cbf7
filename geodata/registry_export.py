"""The registry a view (or the CLI) uses, as a file: .csv / .xlsx in Chinese (default) or
English, .geojson, .parquet (GeoParquet)."""

from __future__ import annotations

import io

from geodata.effective import effective, effective_frame
from geodata.exports import table_csv, table_xlsx
from geodata.inputs import InputError
from geodata.registry import COLUMNS

TITLES = {"zh": "国家新型城镇化综合试点地区", "en": "National new-type urbanization pilots"}
FORMATS = (".csv", ".xlsx", ".geojson", ".json", ".parquet", ".geoparquet")


def export_registry(suffix: str, *, use: str | None = None, lang: str = "zh") -> bytes | str:
    """The effective registry (shipped rows + the lists `use` names; operator defaults
    when `use` is None) in the format of `suffix`."""
    if suffix not in FORMATS:
        raise InputError(f"unknown export format '{suffix}'; use .csv .xlsx .geojson or .parquet")
    if lang not in ("zh", "en"):
        raise InputError(f"unknown language '{lang}'; use zh or en")
    pilots, _ = effective(use)
    rows = [p.row() for p in pilots]
    if suffix == ".csv":
        return table_csv(rows, COLUMNS, lang)
    if suffix == ".xlsx":
        title = TITLES.get(lang, TITLES["zh"])
        return table_xlsx(rows, COLUMNS, lang, title=title)
    frame = effective_frame(use, simplified=False)
    if suffix in (".geojson", ".json"):
        text: str = frame.to_json(drop_id=True, ensure_ascii=False)
        return text
    buf = io.BytesIO()
    frame.to_parquet(buf)
    return buf.getvalue()
