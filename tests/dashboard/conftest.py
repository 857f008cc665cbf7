"""Fixtures shared by the dashboard tests: the real resolved registry and province layer."""

from __future__ import annotations

import geopandas as gpd
import pytest

from geodata.boundaries.layers import load_layer
from geodata.registry.pilots import resolved_registry
from geodata.store.record import UserList
from geodata.worklist import flow as listwork


@pytest.fixture(scope="session")
def registry() -> gpd.GeoDataFrame:
    return resolved_registry(simplified=True)


@pytest.fixture(scope="session")
def provinces() -> gpd.GeoDataFrame:
    return load_layer("province", simplified=True)


def saved_batch3_list(tmp_path, monkeypatch, text: str, name: str, provenance: str) -> UserList:
    """`text` read, resolved and saved as a list meant for batch 3, in this test's own
    data folder (what a person does on the My lists page)."""
    monkeypatch.setenv("PILOT_ATLAS_DATA", str(tmp_path / "data"))
    work = listwork.new_work(name, listwork.PASTED, listwork.read_paste(text))
    return listwork.save(work, name=name, as_batch=3, provenance=provenance)
