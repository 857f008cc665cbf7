"""Numbers of the dashboard alone: what it shows, and how its server caches. Limits,
tolerances and caches that guard geodata's work live in `geodata/settings.py`."""

from __future__ import annotations

from typing import Final

COMPARE_MAX: Final[int] = 4  # provinces side by side on the compare page
PRESENT_RESERVE_PX: Final[int] = 12  # kept free below the full-screen map when presenting
SLIDE_TOP_PROVINCES: Final[int] = 8  # provinces ranked on a slide's side panel
DECK_TABLE_ROWS: Final[int] = 18  # rows per deck table; a longer tally continues beside it

# --- serving ------------------------------------------------------------------------------
# Browser cache of /app/static/ (Leaflet): a day, then a revalidation (dashboard.static_cache).
STATIC_MAX_AGE_S: Final[int] = 24 * 3600
