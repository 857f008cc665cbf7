"""Derive seeds/data/dev_zones.csv: China's main economic function zones (national and
provincial development zones, new areas, bonded zones …), each with the place it can be
proved to lie in, from the names of the national standard's list as the public repository
WuHututu/wuhu-dataset holds them
(`省市县乡四级行政区划+全国主要经济功能区/全国主要经济功能区.json`).

    python scripts/derive_dev_zones.py PATH/TO/全国主要经济功能区.json

Read the file from a clone at the commit named in seeds/data/README.md (its sha256 is
checked). The source gives names only, no province: each zone's place is derived, never
guessed, and kept at the level it is proved at (`proof`):

- `unit`: the name names one of today's units (or one renamed since), read by the
  geocoder (河北鹿泉经济开发区 -> 鹿泉区; 西青经济技术开发区 -> 西青区);
- `former_unit`: the name names a unit merged away since: the zone lies where the zone
  lies, not surely in the successor, so only the prefecture (安徽新芜经济开发区 -> 芜湖市);
- `province`: only the province the name begins with (海南洋浦经济开发区 -> 海南省);
- `order`: the name alone proves nothing, but the source lists each section province by
  province, so a zone between two zones of one province lies in that province (宾西 between
  哈尔滨's zones); the unit is then read inside that province when it names one;
- `none`: nothing proves a place (the name and the order disagree: 黑龙江富蕴工业园区 among
  新疆's zones), left empty.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, MATCHED
from geodata.geocode.geocoder import Geocoder

OUT = Path(__file__).resolve().parents[1] / "seeds" / "data" / "dev_zones.csv"
# the file at the commit named in seeds/data/README.md
EXPECTED_SHA256 = "8a58273589fb74e1ac42d650954d3c59fd69b235fb566ec49f244c52124d2625"


def _place(g: Geocoder, name: str, context: tuple[str, ...]) -> tuple[str, str, set[str]]:
    """(adcode, proof, candidates) of the place the name itself names: ("", "", {the
    adcodes an ambiguous reading offers}) when it proves none."""
    res = g.resolve(name, context, strict=bool(context))
    if res.status == AMBIGUOUS:
        return "", "", {c.split()[0] for c in res.candidates.split(" | ") if c.strip()}
    if res.status not in (MATCHED, APPROXIMATE) or not res.adcode:
        return "", "", set()
    code = res.adcode
    if res.merged_into and any(n.code == "zone_of_merged_unit" for n in res.notes):
        # named after a unit merged away since: the geocoder placed it where it surely
        # lies, the prefecture (geodata.geocode.placing.zone_of_a_merged_unit)
        return code, "former_unit", set()
    if code.endswith("0000"):
        return code, "province", set()
    return code, "unit", set()


def derive(names: list[str]) -> list[tuple[str, str, str, str, str]]:
    g = Geocoder(catalogue=False)  # the names themselves, not this table's reading
    placed = [_place(g, n, ()) for n in names]
    provinces = [c[:2] for c, _, _ in placed]
    rows = []
    for i, name in enumerate(names):
        code, proof, candidates = placed[i]
        before = next((p for p in reversed(provinces[:i]) if p), "")
        after = next((p for p in provinces[i + 1 :] if p), "")
        order = before if before and before == after else ""
        if code and order and code[:2] != order:
            code, proof = "", "none"  # the name and the source's order disagree
        elif not code and order:
            code, proof, _ = _place(g, name, (order + "0000",))
            code = code if code[:2] == order else order + "0000"
            proof = "order"
        elif not code and candidates and before and after and before <= after:
            # within one section the provinces run in code order: only a candidate whose
            # province lies between its neighbours' can be the place (西安 is 陕西's, not
            # 吉林's or 黑龙江's 西安区, between 西藏's and 陕西's zones)
            fit = {c for c in candidates if before <= c[:2] <= after}
            code, proof = (fit.pop(), "order") if len(fit) == 1 else ("", "none")
        elif not code:
            proof = "none"
        province = g.gz.name_of(code[:2] + "0000") if code else ""
        rows.append((str(i + 1), name, province, code, proof))
    return rows


def main(path: str) -> None:
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != EXPECTED_SHA256:
        raise SystemExit(f"sha256 {digest} is not the file named in seeds/data/README.md")
    names = [str(n).strip() for n in json.loads(raw.decode("utf-8-sig"))]
    rows = derive(names)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["n", "name", "province", "adcode", "proof"])
        w.writerows(rows)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[4]] = counts.get(r[4], 0) + 1
    print(f"{len(rows)} zones -> {OUT}: {counts}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    main(sys.argv[1])
