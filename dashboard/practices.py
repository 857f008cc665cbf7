"""Practices the 2021 notice cites (seeds/practices.csv), looked up by admin code.

The places are resolved with geodata's geocoder (`geocode_names`), never parsed
here; a place the geocoder cannot pin to one unit is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import seeds

_USABLE = ("matched", "approximate")


@cache
def practices_by_unit() -> dict[str, tuple[dict[str, str], ...]]:
    """adcode -> practice rows (each with its resolved `town`, '' for a whole unit)."""
    from geodata.lists.published import geocode_names

    rows = seeds.load_practices()
    results = geocode_names([r["place_published"] for r in rows])
    out: dict[str, list[dict[str, str]]] = {}
    for row, res in zip(rows, results, strict=True):
        if res.status in _USABLE and res.adcode:
            out.setdefault(res.adcode, []).append({**row, "town": res.town})
    return {k: tuple(v) for k, v in out.items()}


def practices_for(pilot: Mapping[str, Any]) -> list[dict[str, str]]:
    """Practices cited for the pilot's own unit: same admin code and, when the
    practice names a town, the same town."""
    adcode = str(pilot.get("adcode") or "")
    town = str(pilot.get("town") or "")
    return [p for p in practices_by_unit().get(adcode, ()) if not p["town"] or p["town"] == town]
