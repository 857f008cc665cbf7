"""The national map with details beside it, the list and downloads below."""

from __future__ import annotations

import streamlit as st

from dashboard import data, ui
from dashboard.filters import filter_pilots
from dashboard.i18n import t
from dashboard.state import ViewState


def render(s: ViewState) -> None:
    lang = s.lang
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    ui.completeness_strip(lang)
    st.info(t("incomplete_note", lang), icon="ℹ️")

    pilots = filter_pilots(data.registry(True), s)
    st.markdown(f"**{t('shown', lang, n=len(pilots))}**")
    if pilots.empty:
        st.warning(t("nothing", lang))
    map_col, side = st.columns([3, 1], gap="medium")
    with map_col:
        ui.show_map(pilots, s, key="map_explore")
    with side:
        ui.details_panel(s)

    st.subheader(t("list", lang))
    ui.pilot_table(pilots, lang, key="table_explore")
    ui.download_buttons(pilots, lang)
