"""Streamlit-cached access to geodata: resources by key, derived tables by value.

Nothing here takes a GeoDataFrame argument, so caches never hash geometry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard import offline
from dashboard.tallies import province_tallies

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd


@st.cache_resource(show_spinner=False)
def shipped_registry(simplified: bool = True) -> gpd.GeoDataFrame:
    from geodata.registry import resolved_registry

    return resolved_registry(simplified=simplified)


def registry(simplified: bool = True) -> gpd.GeoDataFrame:
    """The registry the views show: the shipped one, except that a saved list which
    completes a batch ("My lists") stands for that batch."""
    signature = _saved_lists()
    if not signature:
        return shipped_registry(simplified)
    return _completed_registry(simplified, signature)


def version() -> tuple[object, ...]:
    """What the registry the views show depends on: the data packages and the saved
    lists as they are on disk now (a key for caches of things drawn from it)."""
    from geodata.settings import cache_key

    return (cache_key(), _saved_lists())


def _saved_lists() -> tuple[tuple[str, int, int], ...]:
    """(folder, mtime, size) of each saved list: cheap to read on every run, and it
    changes whenever a list is saved, changed or deleted."""
    from geodata.userlists import data_root

    root = data_root()
    out = []
    try:
        for d in root.iterdir():
            f = d / "list.json"
            if not d.name.startswith(".") and f.is_file():
                st_ = f.stat()
                out.append((str(d), st_.st_mtime_ns, st_.st_size))
    except OSError:
        return ()
    return tuple(sorted(out))


@st.cache_resource(show_spinner=False, max_entries=8)
def _completed_registry(simplified: bool, signature: tuple[tuple[str, int, int], ...]
                        ) -> gpd.GeoDataFrame:
    del signature  # only the cache key: the lists on disk as they are now
    from dashboard.list_layer import override_registry
    from geodata.userlists import Store

    lists = Store().batch_lists()  # only the lists that complete a batch are read
    return override_registry(shipped_registry(simplified), lists, simplified=simplified)


@st.cache_resource(show_spinner=False)
def layer(name: str) -> gpd.GeoDataFrame:
    from geodata.boundaries import load_layer

    return load_layer(name, simplified=True)


@st.cache_resource(show_spinner=False)
def leaflet_ready() -> str:
    """Copy Leaflet into the static folder once per server process."""
    return str(offline.ensure_leaflet())


def province_rows() -> list[tuple[str, str]]:
    """(adcode, name) of every provincial unit in the boundary file, by adcode."""
    prov = layer("province")
    return [(str(a), str(n)) for a, n in zip(prov["adcode"], prov["name"], strict=True)]


@st.cache_data(show_spinner=False)
def tallies_for(pilot_ids: tuple[str, ...], provinces: tuple[str, ...]) -> pd.DataFrame:
    """Province tallies of the given pilots over the given province names ('' = all)."""
    frame = registry(True)
    pilots = frame[frame["pilot_id"].isin(pilot_ids)]
    rows = province_rows()
    if provinces:  # in the order given (a comparison keeps the user's order)
        by_name = {r[1]: r for r in rows}
        rows = [by_name[p] for p in provinces if p in by_name]
    return province_tallies(pilots, rows)
