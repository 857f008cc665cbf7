"""Tallies by province: table with totals, stacked bar chart, choropleth, completeness."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, marking, ui
from dashboard.escape import md
from dashboard.export import buttons as export_downloads
from dashboard.export import facts
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map.palette import BATCH_COLOURS
from dashboard.state import BATCH_CHOICES, BATCH_YEARS, LEVELS
from dashboard.tallies import stacked_long, with_totals
from dashboard.view_data import ViewData
from geodata.geocode.romanise import unit_name_en
from geodata.registry.pilots import KindCompleteness, Pilot
from seeds import BATCH_1_OR_2, EVIDENCE_KINDS, SHOWN_STATUSES


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
            # every channel titled in the page's language (Vega describes each mark to a
            # screen reader by its channels' titles, else their field names), the axis
            # and legend titles hidden
            "y": {"field": "province", "type": "nominal", "sort": order,
                  "title": t("col_province", lang),
                  "axis": {"labelOverlap": False, "labelLimit": 180, "title": None}},
            "x": {"field": "count", "type": "quantitative", "stack": "zero", "title": count,
                  "axis": {"tickMinStep": 1}},
            "color": {"field": "batch_label", "type": "nominal", "title": t("batch", lang),
                      # below the bars, one entry a line: a bottom legend starts where
                      # the bars do, and at 1024 px that leaves ~150 px, too narrow for
                      # two labels side by side; never truncated
                      "legend": {"orient": "bottom", "direction": "vertical",
                                 "labelLimit": 0, "title": None},
                      "scale": {"domain": [labels[b] for b in BATCH_CHOICES],
                                "range": [BATCH_COLOURS[b] for b in BATCH_CHOICES]}},
            "order": {"field": "batch", "type": "quantitative", "title": t("batch", lang)},
            "tooltip": [
                {"field": "province", "type": "nominal", "title": t("col_province", lang)},
                {"field": "batch_label", "type": "nominal", "title": t("batch", lang)},
                {"field": "count", "type": "quantitative", "title": count},
            ],
        },
    }
    return long, spec


def evidence_table(pilots: list[Pilot], lang: str) -> pd.DataFrame:
    """Batch × status rows, one column per evidence kind: what each count rests on."""
    from geodata.registry.evidence import kind_counts

    rows = []
    for b in (*BATCH_CHOICES,):
        for status, kinds in kind_counts(pilots, b).items():
            if not kinds:
                continue
            row: dict[str, object] = {
                t("ev_col_batch", lang): batch_label(b, BATCH_YEARS[b], lang, short=True),
                t("ev_col_status", lang): value_label("status", status, lang),
            }
            for k in EVIDENCE_KINDS:
                row[value_label("evidence_kind", k, lang)] = kinds.get(k, 0)
            row[t("ev_col_total", lang)] = sum(kinds.values())
            rows.append(row)
    return pd.DataFrame(rows)


def contradiction_lines(pilots: Sequence[Pilot], kinds: Sequence[KindCompleteness],
                        lang: str) -> list[str]:
    from dashboard.evidence import dataset_text
    from geodata.registry.evidence import contradictions

    out = []
    for c in contradictions(pilots):
        batch = (t(f"kinds_batch_{c.batch}", lang) if c.what == "kind_exceeds"
                 else batch_label(BATCH_1_OR_2 if c.batch == "1or2" else int(c.batch), 0, lang,
                                  short=True))
        if c.what == "kind_exceeds":
            k = next(r for r in kinds if r.batch == c.batch and r.kind == c.subject)
            names = t("list_sep", lang).join(
                _place(p.unit_name, p.town, p.name, lang) for p in pilots
                if p.status in SHOWN_STATUSES and p.kind == c.subject and _in(p.batch, c.batch))
            out.append(t("contradiction_kind_exceeds", lang, batch=batch,
                         kind=value_label("kind", c.subject, lang), known=k.known,
                         names=names, official=k.official,
                         basis=t(f"kinds_basis_{k.basis}", lang)))
        else:
            p = next(p for p in pilots if p.name == c.subject)
            out.append(t("contradiction_dataset", lang, batch=batch,
                         name=_place(p.unit_name, p.town, p.name, lang),
                         status=value_label("status", p.status, lang),
                         check=dataset_text(p.dataset_check, p.dataset_year, lang)))
    return out


def _place(unit: str, town: str, published: str, lang: str) -> str:
    """A place as the page names it: the name as published, or in pinyin in English."""
    return (unit_name_en(unit, town) or published) if lang == "en" else published


def _in(batch: int, group: str) -> bool:
    return batch in {"1": (1,), "2": (2,), "1+2": (1, 2, BATCH_1_OR_2)}[group]


def land_reform_table(pilots: list[Pilot], lang: str) -> pd.DataFrame:
    from geodata.registry.land_reform import cross_check

    return pd.DataFrame([{
        t("lr_col_place", lang): c.place,
        t("lr_col_unit", lang): _place(c.unit_name, "", c.unit_name, lang),
        t("lr_col_kind", lang): value_label("evidence_kind", c.evidence_kind, lang),
        t("lr_col_covered", lang): t("lr_covered_sep", lang).join(
            t("lr_covered", lang, batch=batch_label(b, BATCH_YEARS[b], lang, short=True),
              unit=_place(unit, "", unit, lang), status=value_label("status", status, lang))
            for b, unit, status in c.covered_by),
        t("lr_col_verdict", lang): t(f"lr_verdict_{c.verdict}", lang),
    } for c in cross_check(pilots)])


def evidence_section(v: ViewData) -> None:
    """Per batch, known members by status and evidence kind; the contradictions kept; the
    land-reform cross-check. Of the registry this view shows (lists applied)."""
    lang = v.state.lang
    pilots = list(v.pilots)
    with st.expander(t("evidence_title", lang)):
        st.caption(t("evidence_caption", lang))
        st.dataframe(evidence_table(pilots, lang), hide_index=True, key="evidence_table")
        st.caption(marking.sentence(t("dataset_source", lang), lang), unsafe_allow_html=True)
        st.markdown(f"**{t('contradictions_title', lang)}**")
        lines = contradiction_lines(pilots, v.kinds, lang)
        st.markdown("\n".join(f"- {md(x)}" for x in lines) or t("contradictions_none", lang))
        st.markdown(f"**{t('land_reform_title', lang)}**")
        table = land_reform_table(pilots, lang)
        st.caption(t("land_reform_caption", lang, n=len(table)))
        st.dataframe(table, hide_index=True, key="land_reform_table")


def render(v: ViewData) -> None:
    s, pilots = v.state, v.rows
    lang = s.lang
    st.title(t("tallies", lang))
    st.caption(t("tallies_caption", lang))
    ui.lists_banner(v)
    ui.completeness_strip(v)
    evidence_section(v)

    table = data.tallies(pilots, s.provinces)
    line = f"**{md(t('shown', lang, n=v.shown))}**"
    if v.shown == 0:
        line += " · " + md(facts.nothing_text(v, lang))
    st.markdown(line)
    st.dataframe(
        localised(table, lang), hide_index=True, height=36 * (len(table) + 2), key="tally_table"
    )
    left, right = st.columns([1, 1], gap="medium")
    with left:
        if len(pilots):  # the title in Markdown wraps; Vega's is cut at ~270 px
            st.markdown(f"**{t('chart_title', lang)}**")
            st.vega_lite_chart(*bar_chart(table, lang), width="stretch")
    with right:
        ui.show_map(v, s=replace(s, style="choropleth"), key="map_counts", height=560)
    ui.download_buttons(v)
    export_downloads.buttons(v, key="dl_tallies")
    export_downloads.research_buttons(v)
