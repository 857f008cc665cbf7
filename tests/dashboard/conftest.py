"""Fixtures shared by the dashboard tests: the real resolved registry and province layer."""

from __future__ import annotations

import geopandas as gpd
import pytest

from geodata.boundaries import load_layer
from geodata.registry import resolved_registry


@pytest.fixture(scope="session")
def registry() -> gpd.GeoDataFrame:
    return resolved_registry(simplified=True)


@pytest.fixture(scope="session")
def provinces() -> gpd.GeoDataFrame:
    return load_layer("province", simplified=True)
