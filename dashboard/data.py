"""Streamlit-cached access to geodata: resources by key, derived tables by value.

The registry a view shows is not here: `dashboard.view_data` builds it once per run.
No cache hashes a frame: a table drawn from rows is keyed by their ids and the data
version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard import settings
from dashboard.map import offline
from dashboard.tallies import province_tallies

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


def version() -> tuple[object, ...]:
    """What the registry the views show depends on: the data (packages, seeds, code) and
    the saved lists and defaults as they are on disk now (a key for caches of things
    drawn from it)."""
    from geodata.basics.settings import cache_key
    from geodata.registry.effective import signature

    return (cache_key(), signature())


@st.cache_resource(show_spinner=False)
def layer(name: str) -> gpd.GeoDataFrame:
    from geodata.boundaries.layers import load_layer

    return load_layer(name, simplified=True)


@st.cache_resource(show_spinner=False)
def leaflet_ready() -> str:
    """Copy Leaflet into the static folder once per server process."""
    return str(offline.ensure_leaflet())


def province_rows() -> list[tuple[str, str]]:
    """(adcode, name) of every provincial unit in the boundary file, by adcode."""
    prov = layer("province")
    return [(str(a), str(n)) for a, n in zip(prov["adcode"], prov["name"], strict=True)]


def tallies(pilots: pd.DataFrame, provinces: tuple[str, ...]) -> pd.DataFrame:
    """Province tallies of `pilots` (a view's rows) over the given province names ('' =
    all), cached by the pilots' ids: the same rows give the same table."""
    ids = tuple(sorted(str(i) for i in pilots["pilot_id"]))
    return _tallies(ids, provinces, version(), pilots)


@st.cache_data(show_spinner=False, max_entries=settings.TALLIES_CACHE)
def _tallies(pilot_ids: tuple[str, ...], provinces: tuple[str, ...], data_version: object,
             _pilots: pd.DataFrame) -> pd.DataFrame:
    """The ids and the data version are the key; `_pilots` (not hashed) are their rows."""
    del pilot_ids, data_version  # only the cache key
    pilots = _pilots
    rows = province_rows()
    if provinces:  # in the order given (a comparison keeps the user's order)
        by_name = {r[1]: r for r in rows}
        rows = [by_name[p] for p in provinces if p in by_name]
    return province_tallies(pilots, rows)
