"""The national map with details beside it, the list and downloads below.

The header is kept to a few lines and the map's height follows the screen (`frame_fit`),
so the whole map is on the first screen (at 1024×768 too); the fuller completeness
figures are in the tallies view. On a browser's first load the rest of the page follows
the map (see `first_paint`)."""

from __future__ import annotations

import streamlit as st

from dashboard import data, first_paint, frame_fit, ui
from dashboard.escape import md
from dashboard.export import buttons as export_downloads
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, t
from dashboard.map import drill
from dashboard.settings import EXPLORE_MAP_PX, PHONE_MAX_PX
from dashboard.state import ViewState
from geodata.registry.effective import effective_pilots
from geodata.registry.pilots import completeness

MAP_KEY = "map_explore"
# Streamlit's default top padding (6rem) and title size would push the map below the
# fold on a laptop screen. Its header (3.75rem) is see-through beside an open sidebar but
# opaque once the sidebar is closed (as it starts on a phone): then the title goes below it.
_BELOW_HEADER = '[data-testid="stMainBlockContainer"]{padding-top:4.1rem!important}'
# On a phone the map's frame takes the country's shape (4:5 with the 南海诸岛 inset, not
# the desktop's 620 px), never taller than the screen under the header, so the country
# shows on the first screen under the title. The map inside follows its frame's height
# (`controls.css`); the frame is sized before Leaflet starts, so its first fit is right.
_PHONE_MAP = (
    'iframe[title="streamlit_folium.st_folium"]'
    "{height:auto!important;aspect-ratio:4/5;max-height:calc(100svh - 4rem)}"
)
CSS = (
    "<style>"
    '[data-testid="stMainBlockContainer"]{padding:2.6rem 2rem 2rem 2rem!important}'
    f"@media (max-width:{PHONE_MAX_PX + 0.98}px){{{_BELOW_HEADER}{_PHONE_MAP}}}"
    f'.stApp:has([data-testid="stSidebar"][data-collapsed="true"]) {_BELOW_HEADER}'
    '[data-testid="stMainBlockContainer"] h1{font-size:1.65rem!important;'
    "padding:0 0 .15rem 0!important;line-height:1.25!important}"
    "</style>"
)


def render(s: ViewState) -> bool:
    """Draw the view; False when only the map and header were drawn (first paint)."""
    lang = s.lang
    complete = first_paint.page_complete(MAP_KEY)
    # The map is built and sent first (the header is filled in above it afterwards):
    # the browser starts loading it before anything else on the page.
    head = st.container()
    pilots = filter_pilots(data.registry(True, s.use), s)
    map_col, side = st.columns([3, 1], gap="medium")
    with map_col:
        drill.breadcrumb(s)
        with frame_fit.frame("explore"):  # the whole map on the first screen (1024×768)
            ui.show_map(pilots, s, key=MAP_KEY, height=EXPLORE_MAP_PX, drill_down=True)
    with head:
        _header(s, len(pilots))
    if not complete:
        first_paint.complete_later()
        return False
    with side:  # on a phone this column comes right under the map: a chosen pilot first
        if s.pilot:
            ui.details_panel(s)
        drill.province_tallies(pilots, s)
        if not s.pilot:
            ui.details_panel(s)

    # The table loads on request: its grid is the heaviest thing on the page and would
    # otherwise delay the map (which is what a person opens the page for).
    if st.toggle(f"{t('list', lang)} · {len(pilots)}", key="show_list_explore"):
        ui.pilot_table(pilots, lang, key="table_explore")
    ui.download_buttons(pilots, s)
    export_downloads.buttons(s, key="dl_explore")
    export_downloads.research_buttons(pilots, s)
    return True


def _header(s: ViewState, shown: int) -> None:
    """Title, one line of known/official per batch with the caveat, the count shown."""
    lang = s.lang
    st.html(CSS + frame_fit.tag(), unsafe_allow_javascript=True)
    st.title(t("app_title", lang))
    ui.lists_banner(s)
    counts = []
    for c in completeness(effective_pilots(s.use or None)):
        if not c["official_members"]:
            continue
        label = batch_label(int(str(c["batch"])), int(str(c["year"])), lang, short=True)
        counts.append("**" + md(t("completeness_line", lang, batch=label, known=c["known"],
                                  official=c["official_members"])) + "**")
    st.caption(md(t("app_caption", lang)) + "\n\n" + " · ".join(counts) + "  \n"
               + md(t("incomplete_note", lang)))
    line = f"**{md(t('shown', lang, n=shown))}**"
    if shown == 0:
        line += " · " + md(t("nothing", lang))
    elif drill.hint(s):
        line += " · " + md(drill.hint(s))
    st.markdown(line)
