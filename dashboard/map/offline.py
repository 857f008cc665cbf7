"""Leaflet and the map's own scripts served by the app itself, so the map needs no CDN.

Leaflet's JS/CSS come from the XStatic-Leaflet wheel and are copied into
`dashboard/static/vendor/leaflet/` (git-ignored); the map's own browser code is in
`dashboard/static/atlas/*.js`. Streamlit serves both at `/app/static/` when
`server.enableStaticServing` is on (`static_cache.py` adds browser caching; each URL
carries the file's digest, so a changed file is fetched anew).
"""

from __future__ import annotations

import hashlib
import shutil
from functools import cache
from pathlib import Path

from geodata.basics.atomic import atomic_write

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet"
# Streamlit's route for <main script folder>/static (see .streamlit/config.toml).
STATIC_ROUTE = "app/static"
_FILES = ("leaflet.js", "leaflet.css")
LEAFLET_PATH = "vendor/leaflet"
ATLAS_DIR = STATIC_DIR / "atlas"
# The map's own scripts, loaded by every map after Leaflet (each defines functions on
# `window.atlas` that the map's elements call with their data).
MAP_SCRIPTS = ("geo.js", "controls.js", "labels.js", "inset.js", "manners.js", "fill.js")


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
    return f"{prefix}/{STATIC_ROUTE}/{LEAFLET_PATH}"


def leaflet_assets(base: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(default_js, default_css) for a folium.Map: Leaflet only, nothing else."""
    return [("leaflet", f"{base}/leaflet.js")], [("leaflet_css", f"{base}/leaflet.css")]


@cache
def _digest(path: Path) -> str:
    return hashlib.blake2b(path.read_bytes(), digest_size=6).hexdigest()


def atlas_script(name: str) -> str:
    """The text of one of the app's own browser scripts (`dashboard/static/atlas/`)."""
    return (ATLAS_DIR / name).read_text(encoding="utf-8")


def atlas_url(name: str, base_url_path: str = "") -> str:
    """URL path of one of the app's own scripts, with its digest (a changed file is a
    new URL, whatever the browser cached)."""
    root = asset_base(base_url_path).removesuffix("/" + LEAFLET_PATH)
    return f"{root}/atlas/{name}?v={_digest(ATLAS_DIR / name)}"


def map_assets(base: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(default_js, default_css) for the app's folium.Map: Leaflet, then the map's own
    scripts, all from the app's static folder (`base`: Leaflet's folder, `asset_base`)."""
    js, css = leaflet_assets(base)
    root = base.removesuffix("/" + LEAFLET_PATH)
    js += [(f"atlas_{name.removesuffix('.js')}",
            f"{root}/atlas/{name}?v={_digest(ATLAS_DIR / name)}") for name in MAP_SCRIPTS]
    return js, css


def local_script(url: str) -> str | None:
    """The text of a script the app serves itself at `url` (Leaflet or one of its own),
    None for any other URL."""
    path = url.split("?", 1)[0]
    if path.endswith(f"/{STATIC_ROUTE}/{LEAFLET_PATH}/leaflet.js"):
        return leaflet_js()
    for name in MAP_SCRIPTS:
        if path.endswith(f"/{STATIC_ROUTE}/atlas/{name}"):
            return atlas_script(name)
    return None
