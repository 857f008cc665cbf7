"""Figures for the meeting exports of the default view: time to make each file (after the
registry is loaded), its size, and the standalone map's size with Leaflet inlined. JSON out.

    .venv/bin/python -m bench.export_figures
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from dashboard.export.build import slide_bytes, standalone_map
    from dashboard.export.deck import render_deck
    from dashboard.state import from_query
    from geodata.registry.pilots import resolved_registry

    frame = resolved_registry(simplified=True)
    view = from_query({"mode": "present"})
    slide_bytes(frame, view)  # fonts and boundary layers loaded once, as in a running app
    makers = {
        "slide_png": lambda: slide_bytes(frame, view, fmt="png"),
        "slide_svg": lambda: slide_bytes(frame, view, fmt="svg"),
        "slide_pdf": lambda: slide_bytes(frame, view, fmt="pdf"),
        "deck_pptx": lambda: render_deck(frame, from_query({"compare": "浙江省,湖南省"})),
        "map_html": lambda: standalone_map(frame, view).encode("utf-8"),
    }
    out: dict[str, object] = {}
    for name, make in makers.items():
        t0 = time.perf_counter()
        data = make()
        out[name] = {"seconds": round(time.perf_counter() - t0, 2), "kb": len(data) // 1024}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
