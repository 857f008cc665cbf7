"""Presenting: no sidebar, large type, full-width map, batches 2014 → 2016 cumulative."""

from __future__ import annotations

import streamlit as st

from dashboard import data, state, ui
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, t
from dashboard.map_view import BATCH_YEARS
from dashboard.state import BATCHES, ViewState

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="collapsedControl"] {display: none;}
.block-container {padding-top: 1.2rem; max-width: 100%;}
.stMarkdown p, .stButton button p {font-size: 1.35rem;}
h1 {font-size: 2.8rem !important;}
[data-testid="stMetricValue"] {font-size: 3rem;}
</style>
"""


def render(s: ViewState) -> None:
    lang = s.lang
    st.html(CSS)
    year = BATCH_YEARS[s.step]
    st.title(t("present_title", lang, start=BATCH_YEARS[1], year=year))
    ui.lists_banner(s)

    buttons = st.columns([1, 1, 1, 1, 1, 2], vertical_alignment="center")
    buttons[0].button(
        t("present_prev", lang),
        key="present_prev",
        disabled=s.step <= 1,
        on_click=state.update,
        kwargs={"step": s.step - 1},
    )
    for col, b in zip(buttons[1:4], BATCHES, strict=True):
        col.button(
            f"{BATCH_YEARS[b]}",
            key=f"present_step_{b}",
            type="primary" if b == s.step else "secondary",
            on_click=state.update,
            kwargs={"step": b},
        )
    buttons[4].button(
        t("present_next", lang),
        key="present_next",
        disabled=s.step >= 3,
        on_click=state.update,
        kwargs={"step": s.step + 1},
    )
    buttons[5].button(
        t("present_exit", lang),
        key="present_exit",
        on_click=state.update,
        kwargs={"mode": "explore"},
    )

    pilots = filter_pilots(data.registry(True, s.use), s)
    metrics = st.columns(len(BATCHES) + 1)
    metrics[0].metric(t("present_total", lang), len(pilots))
    for col, b in zip(metrics[1:], BATCHES, strict=True):
        shown = int((pilots["batch"] == b).sum()) if b <= s.step else "–"
        col.metric(batch_label(b, BATCH_YEARS[b], lang), shown)
    ui.show_map(pilots, s, key=f"map_present_{s.step}", height=760, large=True)
    st.caption(t("incomplete_note", lang))
    ids = tuple(str(i) for i in pilots["pilot_id"])
    st.download_button(
        t("download_png", lang),
        data=ui.partial_slide(ids, lang, s.use),
        file_name="pilot-atlas-slide.png",
        mime="image/png",
        key="dl_png_present",
        on_click="ignore",
    )
