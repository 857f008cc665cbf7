"""The researchers' table: every county-level unit of China with the batch and year in
which it, or a unit containing it, became a pilot; today's and announcement-era codes."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from geodata.basics.codes import within
from geodata.geocode.gazetteer import gazetteer

COLUMNS = (
    "adcode",
    "name",
    "province",
    "prefecture",
    "first_batch",
    "first_year",
    "via_level",
    "via_pilot",
    "pilot_ids",
    "adcode_then",
    "name_then",
    "town_pilots",
)
# Taiwan, Hong Kong and Macao are in the boundary files but never in the lists.
_OUTSIDE = ("71", "81", "82")


@cache
def _codes_then() -> dict[tuple[str, int], tuple[str, str]]:
    """(today's adcode, year) -> (code, name) as listed in the last GB2260 snapshot of
    that year or before, for units whose code or name has changed since."""
    gz = gazetteer()
    from geodata.geocode.history import snapshots

    snaps = snapshots()
    by_target: dict[str, list[tuple[str, str]]] = {}
    for u in gz.units:
        if not u.current and u.target and u.level == "county" and u.code:
            by_target.setdefault(u.target, []).append((u.code, u.name))
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for year in (2014, 2015, 2016):
        table = next(t for rev, t in reversed(snaps) if int(rev[:4]) <= year)
        for target, olds in by_target.items():
            for code, name in olds:
                if table.get(code) == name:
                    out[(target, year)] = (code, name)
    return out


def research_rows(
    pilots: Iterable[dict[str, object]], *, statuses: tuple[str, ...] = ("official", "reported")
) -> list[dict[str, object]]:
    """One row per county-level unit; `pilots` are registry rows (any subset)."""
    gz = gazetteer()
    usable = [p for p in pilots
              if (p.get("adcode") or p.get("members")) and p.get("status") in statuses]
    units = [p for p in usable if p.get("level") not in ("town", "zone")]
    towns = [p for p in usable if p.get("level") in ("town", "zone")]
    then = _codes_then()
    rows = []
    for code, unit in sorted(gz.current.items()):
        if unit.level != "county" or code.startswith(_OUTSIDE):
            continue
        covering = sorted(
            # a group pilot (重庆市主城九区) covers its members only, not its parent's land
            (p for p in units if (code in str(p["members"]).split() if p.get("members")
                                  else within(code, str(p["adcode"])))),
            key=lambda p: (int(p["year"]), int(p["batch"])),  # type: ignore[call-overload]
        )
        first = covering[0] if covering else None
        year = int(first["year"]) if first else 0  # type: ignore[call-overload]
        code_then, name_then = then.get((code, year), (code, unit.name)) if first else ("", "")
        pref = gz.name_of(code[:4] + "00")
        rows.append(
            {
                "adcode": code,
                "name": unit.name,
                "province": gz.name_of(code[:2] + "0000"),
                "prefecture": pref,
                "first_batch": first["batch"] if first else "",
                "first_year": first["year"] if first else "",
                "via_level": first["level"] if first else "",
                "via_pilot": first["unit_name"] if first else "",
                "pilot_ids": " ".join(str(p["pilot_id"]) for p in covering),
                "adcode_then": code_then,
                "name_then": name_then,
                "town_pilots": " ".join(
                    f"{p['town']}(b{p['batch']})" for p in towns if p["adcode"] == code
                ),
            }
        )
    return rows
