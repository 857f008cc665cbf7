"""A 10,000-row upload (real county names as a CSV column) read, resolved and drawn
as the My-lists page does it: parse, geocode, build the map with the list layer, render
the HTML st_folium sends. Target: at most 10 s. Prints JSON.

    .venv/bin/python -m bench.upload_figures
"""

from __future__ import annotations

import csv
import io
import json
import time


def main(rows: int = 10_000) -> dict[str, object]:
    from bench.county_names import county_names
    from dashboard.filters import filtered_registry
    from dashboard.map.list_layer import add_list_layer
    from dashboard.map.shared import render_args
    from dashboard.map.view import MapSpec, build_map
    from dashboard.state import ViewState
    from geodata.boundaries.layers import load_layer
    from geodata.worklist.flow import read_upload, resolve

    names = county_names()
    names = (names * (rows // len(names) + 1))[:rows]
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["name"])
    w.writerows([n] for n in names)
    data = buf.getvalue().encode("gb18030")  # as a Windows Excel export would be

    provinces = load_layer("province", simplified=True)
    t0 = time.perf_counter()
    parsed = read_upload(data, "list.csv")
    t1 = time.perf_counter()
    resolved = resolve(parsed)
    t2 = time.perf_counter()
    m = build_map(filtered_registry(ViewState(batches=())), provinces, spec=MapSpec(),
                  more=lambda m: add_list_layer(m, resolved, name="10k"))
    html = render_args(m)["script"]
    t3 = time.perf_counter()
    status: dict[str, int] = {}
    for r in resolved:
        status[str(r["status"])] = status.get(str(r["status"]), 0) + 1
    return {
        "rows": len(resolved),
        "upload_bytes": len(data),
        "read_s": round(t1 - t0, 3),
        "resolve_s": round(t2 - t1, 3),
        "draw_s": round(t3 - t2, 3),
        "total_s": round(t3 - t0, 3),
        "target_total_s_max": 10,
        "map_bytes": len(html.encode()),
        "status_counts": status,
    }


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False, indent=2))
