"""Map first: on a browser's first load of the explore view, the map and the page's
header are sent alone; the rest (the sidebar's widgets, details, downloads) follows one
rerun later, once the map has reported that it is drawn.

Everything drawn in the first run competes with the map for the browser's one main
thread (each widget type is a script chunk to fetch, parse and lay out), and a person
opens the page for the map. The header and the column layout are the same in both runs
and the sidebar holds a placeholder, so nothing on screen moves when the rest arrives.

The signal is the map component's first message (streamlit-folium reports its state as
soon as its map is up). A fragment timer completes the page anyway if that message never
comes. A client that is not a web browser (AppTest, scripted websocket sessions) would
send neither, so it gets the whole page at once.
"""

from __future__ import annotations

import streamlit as st

from dashboard import settings

_DONE = "_first_paint_done"
_ARMED = "_first_paint_armed"
# the page is completed after this long even if the map never reports (seconds)
FALLBACK_S = settings.FIRST_PAINT_FALLBACK_S


def _browser() -> bool:
    # every web browser's User-Agent starts with "Mozilla/"; test clients send none
    return str(st.context.headers.get("User-Agent", "")).startswith("Mozilla/")


def page_complete(map_key: str) -> bool:
    """Whether this run draws the whole page (False: the map and header only)."""
    ss = st.session_state
    if not ss.get(_DONE) and (ss.get(map_key) is not None or not _browser()):
        ss[_DONE] = True
    return bool(ss.get(_DONE))


def complete_later() -> None:
    """Draw nothing visible; complete the page after FALLBACK_S if the map is silent."""

    @st.fragment(run_every=FALLBACK_S)
    def _fallback() -> None:
        if st.session_state.get(_ARMED):
            st.session_state[_DONE] = True
            st.rerun()
        st.session_state[_ARMED] = True

    _fallback()
