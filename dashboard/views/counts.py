"""Tallies by province: table with totals, stacked bar chart, choropleth, completeness."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, ui
from dashboard.export import buttons as export_downloads
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map.palette import BATCH_COLOURS
from dashboard.state import BATCH_CHOICES, BATCH_YEARS, LEVELS, ViewState
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


def bar_chart(table: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """(data, Vega-Lite spec) of the stacked bars. A plain spec, not altair: importing
    altair (and its schema) would add ~25 MB to the server for this one chart."""
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
    count = t("chart_count", lang)
    # horizontal bars: thirty-odd province names stay readable
    spec = {
        "mark": {"type": "bar"},
        "height": max(120, 24 * len(order)),
        "encoding": {
            "y": {"field": "province", "type": "nominal", "sort": order, "title": None,
                  "axis": {"labelOverlap": False, "labelLimit": 180}},
            "x": {"field": "count", "type": "quantitative", "stack": "zero", "title": count,
                  "axis": {"tickMinStep": 1}},
            "color": {"field": "batch_label", "type": "nominal", "title": None,
                      # below the bars, one entry a line: a bottom legend starts where
                      # the bars do, and at 1024 px that leaves ~150 px, too narrow for
                      # two labels side by side; never truncated
                      "legend": {"orient": "bottom", "direction": "vertical",
                                 "labelLimit": 0},
                      "scale": {"domain": [labels[b] for b in BATCH_CHOICES],
                                "range": [BATCH_COLOURS[b] for b in BATCH_CHOICES]}},
            "order": {"field": "batch", "type": "quantitative"},
            "tooltip": [
                {"field": "province", "type": "nominal", "title": t("col_province", lang)},
                {"field": "batch_label", "type": "nominal", "title": t("batch", lang)},
                {"field": "count", "type": "quantitative", "title": count},
            ],
        },
    }
    return long, spec


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
        if len(pilots):  # the title in Markdown wraps; Vega's is cut at ~270 px
            st.markdown(f"**{t('chart_title', lang)}**")
            st.vega_lite_chart(*bar_chart(table, lang), width="stretch")
    with right:
        ui.show_map(pilots, replace(s, style="choropleth"), key="map_counts", height=560)
    ui.download_buttons(pilots, s)
    export_downloads.buttons(s, key="dl_tallies")
    ui.research_download(pilots, s)
