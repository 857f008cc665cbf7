"""Streamlit pieces the views share: the map component, the pilot table, the
details panel, downloads, completeness and the sources footer."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

from dashboard import data, downloads, offline, shared_map, state
from dashboard.escape import md as _md
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map_focus import focus_bounds
from dashboard.map_view import (
    MapSpec,
    build_parts,
    pilot_id_from_tooltip,
    province_code_from_tooltip,
)
from dashboard.practices import practices_for
from geodata.attribution import attribution_lines, map_attribution
from geodata.romanise import unit_name_en

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.state import ViewState

# Only clicks on a feature rerun the app, never pans or zooms. The click counter is
# there so clicking the same pilot again (after "clear selection") still selects it.
MAP_RETURNS = ["last_object_clicked_tooltip", "last_object_clicked_count"]


def map_spec(s: ViewState, **overrides: Any) -> MapSpec:
    base = offline.asset_base(str(st.get_option("server.baseUrlPath") or ""))
    fields: dict[str, Any] = {
        "lang": s.lang,
        "style": "choropleth" if s.style == "share" else s.style,
        "measure": "share" if s.style == "share" else "count",
        "selected": s.pilot,
        "view": (s.z, s.c[0], s.c[1]) if s.z is not None and s.c else None,
        "basemap": s.basemap,
        "asset_base": base,
        "attribution": map_attribution(),
    }
    fields.update(overrides)
    return MapSpec(**fields)


CLICKED_MAP = "_clicked_map"  # the key of the map last clicked (compare: details beside it)


def _on_map_click(key: str, drill_down: bool) -> None:
    value = st.session_state.get(key) or {}
    text = value.get("last_object_clicked_tooltip")
    pid = pilot_id_from_tooltip(text)
    if pid:
        st.session_state[CLICKED_MAP] = key
        state.update(pilot=pid)
        return
    code = province_code_from_tooltip(text)
    name = province_name(code)
    if drill_down and name and state.current_state().provinces != (name,):
        state.update(provinces=(name,), pilot="")


def province_name(code: str) -> str:
    return dict(data.province_rows()).get(code, "") if code else ""


def drilled_province(s: ViewState) -> str:
    """The adcode of the one province the view is opened at ('' for more or none)."""
    if len(s.provinces) != 1:
        return ""
    return next((a for a, n in data.province_rows() if n == s.provinces[0]), "")


def show_map(
    pilots: pd.DataFrame, s: ViewState, *, key: str, height: int = 620,
    drill_down: bool = False, **overrides: Any
) -> None:
    """The map of `pilots`, fitted to what is chosen; `drill_down`: a click on a province
    opens it (the explore view)."""
    data.leaflet_ready()
    provinces = data.layer("province")
    if "bounds" not in overrides and not overrides.get("focus"):
        selected = None
        if s.pilot:
            frame = data.registry(True)
            rows = frame[frame["pilot_id"] == s.pilot]
            selected = rows.geometry.iloc[0] if len(rows) else None
        bounds = focus_bounds(pilots=pilots, provinces=provinces, chosen_provinces=s.provinces,
                              query=s.q, selected=selected)
        overrides["bounds"] = tuple(tuple(p) for p in bounds) if bounds else None
    if "drill" not in overrides:
        overrides["drill"] = drilled_province(s)
    spec = map_spec(s, **overrides)

    def build() -> Any:
        prefectures = data.layer("prefecture") if spec.focus or spec.drill else None
        return build_parts(pilots, provinces, spec=spec, prefectures=prefectures)

    # Built once per view and data version, shared by every session (a busy meeting).
    # The base stays while filters change, so the browser keeps its map and only swaps
    # the layers (a new base would be a new map frame: ~1 s instead of ~0.1 s).
    shared_map.show(
        build,
        (spec, tuple(pilots["pilot_id"]), data.version()),
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=MAP_RETURNS,
        on_change=partial(_on_map_click, key, drill_down),
    )


def completeness_strip(lang: str) -> None:
    cols = st.columns(3)
    for col, c in zip(cols, _completeness(), strict=False):
        label = batch_label(int(str(c["batch"])), int(str(c["year"])), lang, short=True)
        known, official = int(str(c["known"])), int(str(c["official_members"]))
        with col:
            st.markdown(
                "**"
                + t("completeness_line", lang, batch=label, known=known, official=official)
                + "**"
            )
            st.progress(min(known / official, 1.0) if official else 1.0)
            st.caption(
                t(
                    "completeness_detail",
                    lang,
                    official=c["official"],
                    reported=c["reported"],
                    unconfirmed=c["unconfirmed"],
                )
            )


@st.cache_data(show_spinner=False)
def _completeness() -> list[dict[str, object]]:
    from dashboard.tallies import completeness_rows

    return completeness_rows()


def display_table(pilots: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pilot list with readable, translated columns, the name first (ids last,
    kept for selection)."""
    names = ["name_published", "unit_name"]
    if lang == "en":
        names.insert(0, "name_en")
    return pilots.assign(
        name_en=[unit_name_en(str(u or ""), str(tn or ""))
                 for u, tn in zip(pilots["unit_name"], pilots["town"], strict=True)],
        batch=[
            batch_label(int(b), int(y), lang, short=True)
            for b, y in zip(pilots["batch"], pilots["year"], strict=True)
        ],
        province=[province_label(str(p), lang) for p in pilots["province"]],
        level=[value_label("level", str(v), lang) for v in pilots["level"]],
        category=[value_label("category", str(v), lang) for v in pilots["category"]],
        status=[value_label("status", str(v), lang) for v in pilots["status"]],
    )[
        [*names, "batch", "province", "level", "category", "status", "pilot_id"]
    ].rename(
        columns={
            "name_en": t("f_name_en", lang),
            "pilot_id": t("f_pilot_id", lang),
            "batch": t("f_batch", lang),
            "name_published": t("f_name_published", lang),
            "unit_name": t("f_unit_name", lang),
            "province": t("f_province", lang),
            "level": t("f_level", lang),
            "category": t("f_category", lang),
            "status": t("f_status", lang),
        }
    )


def _on_row_select(key: str, ids: tuple[str, ...]) -> None:
    rows = st.session_state[key].selection.rows
    if rows:
        state.update(pilot=ids[rows[0]])


def pilot_table(
    pilots: pd.DataFrame, lang: str, *, key: str, height: int | Literal["auto"] = "auto"
) -> None:
    ids = tuple(str(i) for i in pilots["pilot_id"])
    st.dataframe(
        display_table(pilots, lang),
        hide_index=True,
        key=key,
        height=height,
        on_select=partial(_on_row_select, key, ids),
        selection_mode="single-row",
    )


def details_panel(s: ViewState) -> None:
    lang = s.lang
    st.subheader(t("details", lang))
    frame = data.registry(True)
    found = frame[frame["pilot_id"] == s.pilot] if s.pilot else frame.iloc[0:0]
    if found.empty:
        st.caption(t("details_hint", lang))
        return
    row = found.iloc[0].to_dict()
    # at the top: a button below a long panel would scroll the page, and the map with it
    st.button(
        t("clear_selection", lang), key="clear_pilot", on_click=state.update, kwargs={"pilot": ""}
    )
    st.markdown("#### " + _md(row["name_published"]))
    fields = [
        ("f_unit_name", f"{row['unit_name']}{'' if not row['town'] else ' ' + row['town']}"),
        ("f_renamed_from", row["renamed_from"]),
        ("f_batch", batch_label(int(row["batch"]), int(row["year"]), lang)),
        ("f_document", row["document"] or t("document_missing", lang)),
        ("f_category", value_label("category", str(row["category"]), lang)),
        ("f_level", value_label("level", str(row["level"]), lang)),
        ("f_status", value_label("status", str(row["status"]), lang)),
        ("f_province", province_label(str(row["province"]), lang)),
        ("f_adcode", row["adcode"]),
        ("f_location", value_label("kind", str(row["geometry_kind"]), lang)),
        ("f_note", row["note"]),
        ("f_pilot_id", row["pilot_id"]),
    ]
    lines = [f"- **{t(k, lang)}**: {_md(v)}" for k, v in fields if v not in (None, "")]
    st.markdown("\n".join(lines))
    sources = [p.strip() for p in str(row["sources"] or "").split(" | ") if p.strip()]
    if sources:
        st.markdown(f"**{t('f_sources', lang)}**")
        st.markdown("\n".join(f"- {_source_md(src)}" for src in sources))
    if row.get("evidence"):
        st.markdown(f"**{t('f_evidence', lang)}**: {_md(row['evidence'])}")
    st.markdown(f"**{t('practices', lang)}**")
    cited = practices_for(row)
    if not cited:
        st.caption(t("no_practices", lang))
    for p in cited:
        area = p["policy_area_en"] if lang == "en" else p["policy_area"]
        summary = p["summary_en"] if lang == "en" else p["summary_zh"]
        st.markdown(f"- **{_md(area)}** ({_md(p['place_published'])}): {_md(summary)}")


def _source_md(src: str) -> str:
    """A source as a link when it is a web address, else as plain text."""
    if re.fullmatch(r"https?://\S+", src):
        target = src.replace("(", "%28").replace(")", "%29")
        return f"[{_md(src)}]({target})"
    return _md(src)


MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_row(items: Sequence[tuple[str, Callable[[], bytes], str, str]], key: str) -> None:
    """One row of download buttons: (label, data made on click, file name, mime)."""
    for col, (label, make, file_name, mime) in zip(st.columns(len(items)), items, strict=True):
        col.download_button(
            label,
            data=make,
            file_name=file_name,
            mime=mime,
            key=f"{key}_{file_name.rsplit('.', 1)[-1]}",
            on_click="ignore",
        )


def download_buttons(pilots: pd.DataFrame, lang: str) -> None:
    st.markdown(f"**{t('downloads', lang)}**")
    ids = tuple(str(i) for i in pilots["pilot_id"])
    download_row(
        [
            (
                t("download_csv", lang),
                partial(downloads.csv_bytes, pilots),
                "pilot-atlas-pilots.csv",
                "text/csv",
            ),
            (
                t("download_xlsx", lang),
                partial(downloads.xlsx, pilots),
                "pilot-atlas-pilots.xlsx",
                MIME_XLSX,
            ),
            (
                t("download_geojson", lang),
                partial(_full_geojson, ids),
                "pilot-atlas-pilots.geojson",
                "application/geo+json",
            ),
        ],
        key="dl",
    )


def research_download(pilots: pd.DataFrame, lang: str) -> None:
    """Every county-level unit with the batch in which it (or a unit containing it)
    became a pilot, for the pilots the filters show."""
    ids = tuple(str(i) for i in pilots["pilot_id"])
    st.download_button(
        t("download_research", lang),
        data=partial(_research_csv, ids),
        file_name="pilot-atlas-counties.csv",
        mime="text/csv",
        key="dl_research",
        on_click="ignore",
        help=t("research_help", lang),
    )


def _research_csv(ids: tuple[str, ...]) -> bytes:
    from geodata.exports import csv_text
    from geodata.registry import registry_rows
    from geodata.research import COLUMNS, research_rows

    chosen = [r for r in registry_rows() if r["pilot_id"] in set(ids)]
    statuses = tuple({str(r["status"]) for r in chosen}) or ("official",)
    return csv_text(research_rows(chosen, statuses=statuses), COLUMNS).encode("utf-8")


def _full_geojson(ids: tuple[str, ...]) -> bytes:
    """GeoJSON with full-resolution outlines (loaded only when asked for)."""
    full = data.registry(False)
    return downloads.geojson_bytes(full[full["pilot_id"].isin(ids)])


def sources_footer(lang: str) -> None:
    with st.expander(t("sources_header", lang)):
        st.markdown("\n".join(f"- {_md(line)}" for line in attribution_lines()))
