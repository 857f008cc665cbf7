"""The prepared data is built by a child process, so a server never holds the build's
memory: after `ensure()` every file is on disk and this process loaded none of it."""

from __future__ import annotations

from geodata import prepare
from geodata.basics.settings import cache_dir
from geodata.boundaries.layers import load_layer


def test_a_cold_cache_is_prepared_by_a_child(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PILOT_ATLAS_CACHE", str(tmp_path))
    folder = cache_dir()
    assert not folder.exists()
    loads_before = load_layer.cache_info().misses
    assert prepare.ensure()
    names = {p.name for p in folder.iterdir()}
    assert {"prepared", "towns.sqlite", "gazetteer.json", "south_china_sea.npz",
            "county.npz", "county_display.npz", "province-chars.json"} <= names
    assert any(n.startswith("aliases-") for n in names)
    assert any(n.startswith("place_pinyin_") for n in names)
    assert load_layer.cache_info().misses == loads_before  # built there, not here
    assert prepare.ensure()  # ready: nothing to do
