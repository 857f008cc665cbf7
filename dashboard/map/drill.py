"""Drill-down: the explore view opened at one province (a province filter of one,
set by clicking the province on the map), with a breadcrumb back and its tallies."""

from __future__ import annotations

from typing import TYPE_CHECKING

import streamlit as st

from dashboard import data, state
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.state import BATCH_YEARS, BATCHES, LEVELS

if TYPE_CHECKING:
    from dashboard.state import ViewState
    from dashboard.view_data import ViewData




def breadcrumb(s: ViewState) -> None:
    """全国 › 湖南省 above the map when one province is open."""
    lang = s.lang
    if len(s.provinces) != 1:
        return
    back, here = st.columns([1, 2], vertical_alignment="center")
    back.button(f"‹ {t('crumb_all', lang)}", key="crumb_all", help=t("crumb_back", lang),
                on_click=state.update, kwargs={"provinces": (), "pilot": ""})
    here.markdown(f"**{t('crumb_all', lang)} › {province_label(s.provinces[0], lang)}**")


def hint(s: ViewState) -> str:
    """What a click on the map does, while the national view is shown ('' otherwise)."""
    return t("drill_hint", s.lang) if not s.provinces and not s.q and not s.pilot else ""


def province_tallies(v: ViewData) -> None:
    """The open province's pilots by batch and level, beside the map."""
    s = v.state
    if len(s.provinces) != 1:
        return
    lang = s.lang
    table = data.tallies(v.rows, s.provinces)
    if table.empty:
        return
    row = table.iloc[0]
    st.subheader(t("drill_tallies", lang, name=province_label(s.provinces[0], lang)))
    # a line, not metrics: it stays readable in a narrow column
    st.markdown("  \n".join(
        f"{batch_label(b, BATCH_YEARS[b], lang, short=True)}: **{int(row[f'batch_{b}'])}**"
        for b in BATCHES))
    levels = [f"{value_label('level', lv, lang)} {int(row[f'level_{lv}'])}"
              for lv in LEVELS if int(row[f"level_{lv}"])]
    if levels:
        st.caption(" · ".join(levels))

