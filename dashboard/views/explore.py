"""The national map with details beside it, the list and downloads below."""

from __future__ import annotations

import streamlit as st

from dashboard import data, export_downloads, ui
from dashboard.filters import filter_pilots
from dashboard.i18n import t
from dashboard.state import ViewState


def render(s: ViewState) -> None:
    lang = s.lang
    # The map is built and sent first (the heading is filled in above it afterwards):
    # the browser starts loading it before anything else on the page.
    head = st.container()
    pilots = filter_pilots(data.registry(True, s.use), s)
    map_col, side = st.columns([3, 1], gap="medium")
    with map_col:
        ui.show_map(pilots, s, key="map_explore")
    with head:
        st.title(t("app_title", lang))
        st.caption(t("app_caption", lang))
        ui.lists_banner(s)
        ui.completeness_strip(s)
        st.info(t("incomplete_note", lang), icon="ℹ️")
        st.markdown(f"**{t('shown', lang, n=len(pilots))}**")
        if pilots.empty:
            st.warning(t("nothing", lang))
    with side:
        ui.details_panel(s)

    # The table loads on request: its grid is the heaviest thing on the page and would
    # otherwise delay the map (which is what a person opens the page for).
    if st.toggle(f"{t('list', lang)} · {len(pilots)}", key="show_list_explore"):
        ui.pilot_table(pilots, lang, key="table_explore")
    ui.download_buttons(pilots, s)
    export_downloads.buttons(s, key="dl_explore")
    ui.research_download(pilots, s)
