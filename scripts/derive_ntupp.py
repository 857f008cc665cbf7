"""Derive seeds/data/dataset_ntupp.csv from a public research panel: the year each
prefecture-level city is first treated by the new-type urbanization pilot policy in the
difference-in-differences panel of Bingchen054/NTUPP_Spatial_Analysis
(`baseline/baseline.dta`), checked against the same coding in
Bingchen054/AI4CITYLAB_urbaneconomics (`did.dta`).

    python scripts/derive_ntupp.py BASELINE.dta DID.dta

Read the files from a clone at the commits named in seeds/data/README.md. The first
repository states no licence, so only the facts the app needs are kept: province, city,
the panel's city code and the first year its `did` is 1 (empty: never treated).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "seeds" / "data" / "dataset_ntupp.csv"


def first_treated(frame: object) -> dict[str, int]:
    import pandas as pd

    assert isinstance(frame, pd.DataFrame)
    treated = frame[frame["did"] == 1].groupby("city")["year"].min()
    return {str(c): int(y) for c, y in treated.items()}


def main(baseline: str, did: str) -> None:
    import pandas as pd

    base = pd.read_stata(baseline, convert_categoricals=False)
    other = pd.read_stata(did, convert_categoricals=False)
    years = first_treated(base)
    if years != first_treated(other) or set(base["city"]) != set(other["city"]):
        raise SystemExit("the two panels code the cities differently; compare them first")
    cities = base.groupby(["prov", "city", "id"]).size().reset_index()
    rows = sorted(
        (str(r.prov), str(r.city), str(int(r.id)), str(years.get(str(r.city), "")))
        for r in cities.itertuples()
    )
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["province", "city", "city_code", "first_treated"])
        w.writerows(sorted(rows, key=lambda r: r[2]))
    print(f"{len(rows)} cities -> {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
