"""seeds/data/renames.csv holds only what derivation cannot give: a coded row there is
one the GB2260 snapshots and the sourced change table miss, date only as 'after 2019',
or do not see as a merge; rows they derive in full were removed (listed below)."""

from __future__ import annotations

from functools import cache

import pytest

import seeds
from geodata.boundaries.layers import raw_features
from geodata.geocode.history import derived_successor

# Removed from renames.csv: derivation gives today's code and the year by itself.
DERIVED = [
    ("520222", "盘县", "520281", "2017"),
    ("610821", "神木县", "610881", "2017"),
    ("450331", "荔浦县", "450381", "2018"),
    ("130223", "滦县", "130284", "2018"),
]


@cache
def current() -> dict[str, str]:
    return {code: name for layer in ("province", "prefecture", "county")
            for code, name, _ in raw_features(layer)}


@pytest.mark.parametrize(("old", "name", "new", "year"), DERIVED)
def test_removed_rows_are_derived(old: str, name: str, new: str, year: str) -> None:
    assert derived_successor(old, current()) == (new, year, False), name
    assert all(r["old_adcode"] != old for r in seeds.load_renames())


def test_every_coded_row_left_adds_what_derivation_lacks() -> None:
    coded = [r for r in seeds.load_renames() if r["old_adcode"]]
    assert coded
    for r in coded:
        merged = r["kind"].startswith("merged")
        derived = derived_successor(r["old_adcode"], current())
        assert derived != (r["new_adcode"], r["year"], merged), (
            f"{r['old_name']}: derived in full; remove its row from renames.csv")
        assert r["source"], r
