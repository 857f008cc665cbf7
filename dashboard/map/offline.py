"""Leaflet served by the app itself, so the map needs no CDN.

The JS/CSS come from the XStatic-Leaflet wheel and are copied into
`dashboard/static/vendor/leaflet/` (git-ignored), which Streamlit serves at
`/app/static/` when `server.enableStaticServing` is on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from geodata.atomic import atomic_write

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet"
# Streamlit's route for <main script folder>/static (see .streamlit/config.toml).
STATIC_ROUTE = "app/static"
_FILES = ("leaflet.js", "leaflet.css")


def _source_dir() -> Path:
    import xstatic.pkg.leaflet as xl

    return Path(xl.BASE_DIR)


def _copy_if_changed(src: Path, dest: Path) -> None:
    if dest.exists() and dest.stat().st_size == src.stat().st_size:
        return
    # Written beside and renamed: concurrent sessions never see half a file.
    atomic_write(dest, lambda tmp: shutil.copyfile(src, tmp), durable=False)


def ensure_leaflet(dest: Path = VENDOR_DIR) -> Path:
    """Copy leaflet.js, leaflet.css and images/ into `dest` (idempotent); return it."""
    src = _source_dir()
    for name in _FILES:
        _copy_if_changed(src / name, dest / name)
    for image in sorted((src / "images").glob("*.png")):
        _copy_if_changed(image, dest / "images" / image.name)
    return dest


def leaflet_js(dest: Path = VENDOR_DIR) -> str:
    """Leaflet's JavaScript as served (for the map's first-load bundle, `map_code`)."""
    return (ensure_leaflet(dest) / "leaflet.js").read_text(encoding="utf-8")


def asset_base(base_url_path: str = "") -> str:
    """Absolute URL path of the Leaflet folder, honouring `server.baseUrlPath`."""
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    return f"{prefix}/{STATIC_ROUTE}/vendor/leaflet"


def leaflet_assets(base: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(default_js, default_css) for a folium.Map: Leaflet only, nothing else."""
    return [("leaflet", f"{base}/leaflet.js")], [("leaflet_css", f"{base}/leaflet.css")]
