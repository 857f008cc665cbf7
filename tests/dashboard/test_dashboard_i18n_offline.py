"""Every UI text exists in both languages; province names match the boundary file;
Leaflet is copied locally."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard import offline
from dashboard.i18n import PROVINCES, TEXT, batch_label, province_label, t, value_label
from geodata.boundaries import load_layer

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def test_every_text_key_used_exists_in_both_languages():
    used: set[str] = set()
    for path in DASHBOARD.rglob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no t() calls found"
    assert used <= set(TEXT), sorted(used - set(TEXT))
    for key, (zh, en) in TEXT.items():
        assert zh and en, key


def test_province_names_match_the_boundary_file():
    layer = load_layer("province", simplified=True)
    assert dict(zip(layer["adcode"], layer["name"], strict=True)) == {
        code: zh for code, (zh, _) in PROVINCES.items()}
    assert province_label("浙江省", "en") == "Zhejiang"
    assert province_label("浙江省", "zh") == "浙江省"


def test_labels():
    assert batch_label(1, 2014, "zh") == "第一批（2014）"
    assert batch_label(3, 2016, "en", short=True) == "Batch 3"
    assert value_label("status", "unconfirmed", "en") == "Unconfirmed"
    assert value_label("level", "unknown-level", "en") == "unknown-level"
    assert t("completeness_line", "zh", batch="第一批", known=28, official=64) == \
        "第一批：已知 28 / 官方 64"


def test_leaflet_is_copied_once_and_served_from_the_app(tmp_path):
    dest = offline.ensure_leaflet(tmp_path / "leaflet")
    assert (dest / "leaflet.js").stat().st_size > 100_000
    assert (dest / "leaflet.css").exists()
    assert (dest / "images" / "layers.png").exists()
    before = (dest / "leaflet.js").stat().st_mtime_ns
    offline.ensure_leaflet(dest)
    assert (dest / "leaflet.js").stat().st_mtime_ns == before  # idempotent
    assert offline.asset_base() == "/app/static/vendor/leaflet"
    assert offline.asset_base("/atlas/") == "/atlas/app/static/vendor/leaflet"
