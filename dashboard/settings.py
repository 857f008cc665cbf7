"""Numbers that only shape what the dashboard shows. Limits, tolerances and caches that
guard work live in `geodata/settings.py`; this module holds presentation alone."""

from __future__ import annotations

from typing import Final

COMPARE_MAX: Final[int] = 4  # provinces side by side on the compare page
PRESENT_RESERVE_PX: Final[int] = 12  # kept free below the full-screen map when presenting
SLIDE_TOP_PROVINCES: Final[int] = 8  # provinces ranked on a slide's side panel
DECK_TABLE_ROWS: Final[int] = 18  # rows per deck table; a longer tally continues beside it
