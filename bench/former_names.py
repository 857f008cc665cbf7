"""Every county- and prefecture-level name of a GB2260 edition since 1980 that is not
today's, written after its province as a list would (湖南省酃县), resolved: how many
answer the unit the history links it to, how many are offered as several places or
reported abolished with no known successor, and how many read as today's unit of that
very name in the province (a generic 郊区 or 城区 of 1983 is today's only 郊区 of the
province: the text's reading today, not the former unit's). Prints JSON.

    .venv/bin/python -m bench.former_names
"""

from __future__ import annotations

import json
from collections import Counter

from geodata.basics.codes import within
from geodata.geocode.gazetteer import PLACEHOLDER_NAMES, gazetteer
from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, MATCHED, Geocoder


def main() -> dict[str, object]:
    gz = gazetteer()
    gc = Geocoder(gz)
    counts: Counter[str] = Counter()
    seen = set()
    for u in gz.units:
        if u.current or not u.code or u.level not in ("county", "prefecture"):
            continue
        if u.name in PLACEHOLDER_NAMES or (u.code, u.name) in seen:
            continue
        seen.add((u.code, u.name))
        r = gc.resolve(gz.name_of(u.code[:2] + "0000") + u.name)
        if r.status in (MATCHED, APPROXIMATE):
            # its successor, or inside it (a prefecture merged into a county: 莱芜市)
            mine = u.target is not None and (r.adcode == u.target or within(r.adcode, u.target))
            counts["its successor" if mine else "today's unit of that name"] += 1
        elif r.status == AMBIGUOUS:
            counts["ambiguous"] += 1
        else:
            counts[f"unmatched ({r.reason})"] += 1
    first = min(u.last_seen for u in gz.units if not u.current and u.code and u.last_seen)
    return {"former_names": len(seen), "earliest_edition_listed": first, **dict(counts)}


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
