"""Numbers of the dashboard alone: what it shows, and how its server caches. Limits,
tolerances and caches that guard geodata's work live in `geodata/basics/settings.py`."""

from __future__ import annotations

from typing import Final

COMPARE_MAX: Final[int] = 4  # provinces side by side on the compare page
# A comparison's small map is never narrower than this (the page has room for 4 in a row
# at 1920, 2 at 1024–1366, 1 on a phone); its height is COMPARE_MAP_HEIGHT_PX.
COMPARE_MIN_MAP_PX: Final[int] = 300
COMPARE_GAP_PX: Final[int] = 16  # between the small maps: st.columns(gap="small")
COMPARE_MAP_HEIGHT_PX: Final[int] = 380
PRESENT_RESERVE_PX: Final[int] = 12  # kept free below a map sized to the viewport
# The explore map: this tall where the screen has room, else the rest of the first screen
# (1024×768: ~490 px) but never under the minimum; a phone's takes the country's shape.
EXPLORE_MAP_PX: Final[int] = 620
EXPLORE_MAP_MIN_PX: Final[int] = 400
PHONE_MAX_PX: Final[int] = 767  # the widest viewport laid out as a phone (Streamlit's too)
# Presenting: names and legend follow the map frame's width (1.3 % of it: 24.5 px on a
# 1920 screen), never under 14 px (a 1024 screen) nor over 30 px.
PRESENT_TYPE: Final[str] = "clamp(14px, 1.3vw, 30px)"
SLIDE_TOP_PROVINCES: Final[int] = 8  # provinces ranked on a slide's side panel

# --- slides and the deck -------------------------------------------------------------------
# A slide's smallest text (its sources): 12 pt at 100 dpi is 16.7 px at 1920×1080.
SLIDE_FOOTER_PT: Final[float] = 12.0
SLIDE_NAME_PT: Final[float] = 12.0  # province names on a slide's national map
SLIDE_REGION_PAD: Final[float] = 0.06  # room around a region's outline, share of its side
SLIDE_INSET_HEIGHT: Final[float] = 0.36  # the 南海诸岛 inset, share of the map's height
DECK_WIDTH_IN: Final[float] = 13.333  # 16:9
DECK_HEIGHT_IN: Final[float] = 7.5
DECK_MARGIN_IN: Final[float] = 0.6
DECK_TABLE_GAP_IN: Final[float] = 0.4  # between two parts of a table side by side
DECK_CELL_MARGIN_PT: Final[tuple[float, float]] = (5.0, 2.5)  # a table cell's (sides, top/bottom)

# --- the Leaflet map -----------------------------------------------------------------------
MAP_NARROW_PX: Final[int] = 600  # below this map width (phones) legend and layers fold
MAP_POINT_HALF_SIDE: Final[float] = 0.2  # degrees around a town or zone chosen alone (~20 km)
MAP_PILOT_LABEL_ZOOM: Final[float] = 5.5  # below it province names, from it pilot names
MAP_SMALL_LABELS_PX: Final[int] = 900  # a map narrower than this sets its names at 11 px, not 12
# Detail sent to the browser: the national view (a pixel is 0.03–0.1°) gets coarser
# outlines and 0.01° coordinates; a province, drill-down or shared zoom the finer 0.001°.
MAP_NATIONAL_TOLERANCE: Final[dict[str, float]] = {"province": 0.03, "pilot": 0.01}
MAP_NATIONAL_PRECISION: Final[int] = 2
MAP_FINE_PRECISION: Final[int] = 3
# The 南海诸岛 inset: 0.01° is well below a pixel there; islets under 0.01 deg² are left
# out of the land; islands closer than 0.04° merge, which keeps every one of them drawn.
INSET_PRECISION: Final[int] = 2
INSET_LAND_TOLERANCE: Final[float] = 0.05
INSET_LAND_MIN_AREA: Final[float] = 0.01
INSET_ISLAND_MERGE: Final[float] = 0.04
INSET_ISLAND_TOLERANCE: Final[float] = 0.02
# the first page completes after this (seconds) even if the map never reports
FIRST_PAINT_FALLBACK_S: Final[float] = 3.0

# Text a person typed or linked is echoed on the page cut to this many characters (with
# its length): an unknown value of a link, an item of a list.
ECHO_CHARS: Final[int] = 40
# Unknown values of a link named on the page; the rest are counted.
ECHO_ITEMS: Final[int] = 5
# a list's notes written out under its audit table (the rest are in its downloads)
LIST_NOTES_SHOWN: Final[int] = 300

# --- serving ------------------------------------------------------------------------------
# Meeting exports (slide, deck, standalone map) made at once; a further click waits up to
# EXPORT_WAIT_S for its turn, then is told to try again. Each takes 0.3–2.5 s of CPU.
EXPORTS_AT_ONCE: Final[int] = 2
EXPORT_WAIT_S: Final[float] = 30.0
# A made export is kept this long under a digest of its view (dashboard/export/served.py),
# within this many bytes in all: the browser fetches it once made, a room asks it again.
EXPORT_KEEP_S: Final[float] = 300.0
EXPORT_KEEP_BYTES: Final[int] = 64 * 1024 * 1024
# Entries of the server's memo caches that a person's choices key (each filter combination
# gives a tally table; each shape on a map a label anchor): bounded, so a day of many
# different choices cannot grow the server without end.
TALLIES_CACHE: Final[int] = 256
LABEL_ANCHOR_CACHE: Final[int] = 8192
# Browser cache of /app/static/ (Leaflet): a day, then a revalidation (dashboard.static_cache).
STATIC_MAX_AGE_S: Final[int] = 24 * 3600
