"""The prepared files the server reads instead of the packages' GeoJSON: boundary layers
and the South China Sea inset as WKB, the town index in SQLite. Read back, they hold what
the packages hold; a damaged file is rebuilt, never served."""

from __future__ import annotations

import threading

import pytest
import shapely

from geodata.basics.settings import DISPLAY_TOLERANCE, cache_dir
from geodata.boundaries import layers as boundaries
from geodata.boundaries.layers import load_layer, raw_features
from geodata.geocode.town_store import open_town_index


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    """An empty cache folder, and the in-process memos cleared around the test."""
    monkeypatch.setenv("PILOT_ATLAS_CACHE", str(tmp_path))
    load_layer.cache_clear()
    boundaries._scs.cache_clear()
    yield cache_dir()
    load_layer.cache_clear()
    boundaries._scs.cache_clear()


@pytest.mark.parametrize("layer", ["province", "prefecture", "county"])
def test_a_layer_read_from_its_file_is_the_package_layer(layer) -> None:
    load_layer(layer)  # the file exists after this
    load_layer.cache_clear()
    frame = load_layer(layer)
    raw = sorted(raw_features(layer), key=lambda r: r[0])
    assert list(frame["adcode"]) == [r[0] for r in raw]
    assert list(frame["name"]) == [r[1] for r in raw]
    same = shapely.equals_exact(frame.geometry.values, [r[2] for r in raw], tolerance=0)
    assert bool(same.all())
    assert set(frame["province_adcode"]) <= {c for c, _, _ in raw_features("province")}


def test_the_display_copy_is_simplified_within_its_tolerance(own_cache) -> None:
    full = load_layer("province")
    shown = load_layer("province", simplified=True)
    assert list(shown["adcode"]) == list(full["adcode"])
    tol = DISPLAY_TOLERANCE["province"]
    for a, b in zip(full.geometry, shown.geometry, strict=True):
        assert b.is_valid and not b.is_empty
        assert shapely.get_num_coordinates(b) < shapely.get_num_coordinates(a)
        # every vertex kept lies on or near the file's border, and the area is kept
        # (an islet both provinces' files hold goes to one of them: no symmetric distance)
        near = shapely.distance(shapely.points(shapely.get_coordinates(b)), a)
        assert float(near.max()) < tol
        if a.area > 1.0:  # 澳门 (0.002 deg²) is a few pixels at the scale of this copy
            assert abs(b.area - a.area) < 0.05 * a.area  # 海南's reefs shrink most
    load_layer.cache_clear()
    again = load_layer("province", simplified=True)  # now from the file
    assert bool(shapely.equals_exact(again.geometry.values, shown.geometry.values, 0).all())


def test_a_damaged_layer_file_is_rebuilt(own_cache) -> None:
    path = own_cache / "province.npz"
    load_layer("province")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # cut short
    load_layer.cache_clear()
    assert len(load_layer("province")) == 34
    load_layer.cache_clear()
    path.write_bytes(b"not a zip at all")
    assert len(load_layer("province")) == 34
    assert path.read_bytes()[:2] == b"PK"  # written again, whole


def test_the_inset_from_its_file_is_the_derived_one(own_cache) -> None:
    derived = boundaries._derive_scs()
    boundaries._scs()  # writes the file
    boundaries._scs.cache_clear()
    assert (own_cache / "south_china_sea.npz").exists()
    stored = boundaries._scs()
    assert set(stored) == {"line", "islands"}
    for key, geom in derived.items():
        assert stored[key].equals_exact(geom, tolerance=0)


def _small_index() -> dict[str, list[list[object]]]:
    return {
        "总寨": [["620902", 98.6, 39.6, "geonames:1"], ["630103", 101.7, 36.5, "geonames:2"]],
        "义堂镇": [["371302", None, None, "township:371302105"]],
    }


def test_the_town_index_keeps_each_names_places_in_order(tmp_path) -> None:
    index = open_town_index(tmp_path / "towns.sqlite", _small_index)
    assert index.get("总寨") == _small_index()["总寨"]
    assert index.get("义堂镇") == [["371302", None, None, "township:371302105"]]
    assert index.get("无此镇") == []
    assert len(index) == 3


def test_a_damaged_town_index_is_rebuilt(tmp_path) -> None:
    path = tmp_path / "towns.sqlite"
    path.write_bytes(b"SQLite format 3\0" + b"\xff" * 200)
    assert open_town_index(path, _small_index).get("义堂镇")[0][0] == "371302"
    path.write_bytes(b"")
    assert len(open_town_index(path, _small_index)) == 3


def test_the_town_index_answers_many_threads_at_once(tmp_path) -> None:
    index = open_town_index(tmp_path / "towns.sqlite", _small_index)
    wrong: list[object] = []

    def ask() -> None:
        for _ in range(300):
            got = index.get("总寨")
            if [row[0] for row in got] != ["620902", "630103"]:
                wrong.append(got)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong
