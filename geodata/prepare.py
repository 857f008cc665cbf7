"""The prepared data (geodata/settings.cache_dir), built in a child process.

Preparing parses the packages' full-resolution GeoJSON and the GeoNames table. Done in the
server the first time it runs, that work's memory stays with the server for good: measured,
a full session on a cold cache ended at 322 MB against 247 MB on a prepared one. A child
builds the files and exits; the server then only reads them.

    python -m geodata.prepare     # what `ensure()` runs when the cache is not ready
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from geodata.basics.settings import PREPARE_TIMEOUT_S, cache_dir

_READY = "prepared"  # written last: its presence means every file above is in place


def build() -> None:
    """Every prepared file a server reads (each builder skips a file already there)."""
    from geodata.boundaries.layers import load_layer, south_china_sea_line
    from geodata.geocode.gazetteer import gazetteer
    from geodata.geocode.romanise import place_readings
    from geodata.registry.pilots import resolved_registry
    from geodata.worklist.flow import geocoder

    for layer in ("province", "prefecture", "county"):
        for simplified in (False, True):
            load_layer(layer, simplified=simplified)
    south_china_sea_line()
    gazetteer().towns.get("")
    place_readings()
    geocoder().resolve("河北省安平县")  # the written forms and the province characters
    resolved_registry()
    (cache_dir() / _READY).touch()


def ensure(timeout: float = PREPARE_TIMEOUT_S) -> bool:
    """Build the prepared data in a child process unless it is ready; True when it is.
    On failure the caller's process builds what it needs itself, as before."""
    if (cache_dir() / _READY).exists():
        return True
    root = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run([sys.executable, "-m", "geodata.prepare"], cwd=root,
                              timeout=timeout, check=False, capture_output=True)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and (cache_dir() / _READY).exists()


if __name__ == "__main__":
    build()
