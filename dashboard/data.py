"""Streamlit-cached access to geodata: resources by key, derived tables by value.

Nothing here takes a GeoDataFrame argument, so caches never hash geometry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import streamlit as st

from dashboard import settings
from dashboard.map import offline
from dashboard.tallies import province_tallies

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


def registry(simplified: bool = True, use: str = "") -> gpd.GeoDataFrame:
    """The registry a view shows: the shipped rows plus the saved lists its `use`
    names (geodata.registry.effective decides, and caches per state of the lists on disk)."""
    from geodata.registry.effective import effective_frame

    return effective_frame(use or None, simplified=simplified)


def applied(use: str = "") -> tuple[Any, ...]:
    """The saved lists a view with `use` applies (for its banner)."""
    from geodata.registry.effective import effective

    return effective(use or None)[1]


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


@st.cache_data(show_spinner=False, max_entries=settings.TALLIES_CACHE)
def tallies_for(pilot_ids: tuple[str, ...], provinces: tuple[str, ...], use: str = ""
                ) -> pd.DataFrame:
    """Province tallies of the given pilots over the given province names ('' = all)."""
    frame = registry(True, use)
    pilots = frame[frame["pilot_id"].isin(pilot_ids)]
    rows = province_rows()
    if provinces:  # in the order given (a comparison keeps the user's order)
        by_name = {r[1]: r for r in rows}
        rows = [by_name[p] for p in provinces if p in by_name]
    return province_tallies(pilots, rows)
