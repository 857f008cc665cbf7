"""Tallies by province: table with totals, stacked bar chart, choropleth, completeness."""

from __future__ import annotations

from dataclasses import replace

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, export_downloads, ui
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map_view import BATCH_COLOURS, BATCH_YEARS
from dashboard.state import BATCH_CHOICES, LEVELS, ViewState
from dashboard.tallies import stacked_long, with_totals


def tally_table(pilots: pd.DataFrame, s: ViewState) -> pd.DataFrame:
    ids = tuple(sorted(str(i) for i in pilots["pilot_id"]))
    return data.tallies_for(ids, s.provinces, s.use)


def localised(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    shown = with_totals(table, t("totals_row", lang)).drop(columns=["province_adcode"])
    shown["province"] = [province_label(str(p), lang) for p in shown["province"]]
    names = {"province": t("col_province", lang), "total": t("col_total", lang)}
    names.update(
        {f"batch_{b}": batch_label(b, BATCH_YEARS[b], lang, short=True) for b in BATCH_CHOICES}
    )
    names.update({f"level_{lv}": value_label("level", lv, lang) for lv in LEVELS})
    return shown.rename(columns=names)


def bar_chart(table: pd.DataFrame, lang: str) -> alt.Chart:
    long = stacked_long(table)
    long["province"] = [province_label(str(p), lang) for p in long["province"]]
    labels = {b: batch_label(b, BATCH_YEARS[b], lang, short=True) for b in BATCH_CHOICES}
    long["batch_label"] = long["batch"].map(labels)
    order = (
        table.assign(province=[province_label(str(p), lang) for p in table["province"]])
        .sort_values(["total", "province_adcode"], ascending=[False, True])
        .query("total > 0")["province"]
        .tolist()
    )
    # horizontal bars: thirty-odd province names stay readable
    return (
        alt.Chart(long, title=t("chart_title", lang))
        .mark_bar()
        .encode(
            y=alt.Y(
                "province:N",
                sort=order,
                title=None,
                axis=alt.Axis(labelOverlap=False, labelLimit=180),
            ),
            x=alt.X(
                "count:Q", stack="zero", title=t("chart_count", lang), axis=alt.Axis(tickMinStep=1)
            ),
            color=alt.Color(
                "batch_label:N",
                title=None,
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(
                    domain=[labels[b] for b in BATCH_CHOICES],
                    range=[BATCH_COLOURS[b] for b in BATCH_CHOICES],
                ),
            ),
            order=alt.Order("batch:Q"),
            tooltip=[
                alt.Tooltip("province:N", title=t("col_province", lang)),
                alt.Tooltip("batch_label:N", title=t("batch", lang)),
                alt.Tooltip("count:Q", title=t("chart_count", lang)),
            ],
        )
        .properties(height=max(120, 24 * len(order)))
    )


def render(s: ViewState) -> None:
    lang = s.lang
    st.title(t("tallies", lang))
    st.caption(t("tallies_caption", lang))
    ui.lists_banner(s)
    ui.completeness_strip(s)

    pilots = filter_pilots(data.registry(True, s.use), s)
    table = tally_table(pilots, s)
    st.markdown(f"**{t('shown', lang, n=len(pilots))}**")
    st.dataframe(
        localised(table, lang), hide_index=True, height=36 * (len(table) + 2), key="tally_table"
    )
    left, right = st.columns([1, 1], gap="medium")
    with left:
        if len(pilots):
            st.altair_chart(bar_chart(table, lang), width="stretch")
    with right:
        ui.show_map(pilots, replace(s, style="choropleth"), key="map_counts", height=560)
    ui.download_buttons(pilots, s)
    export_downloads.buttons(s, key="dl_tallies")
    ui.research_download(pilots, s)
