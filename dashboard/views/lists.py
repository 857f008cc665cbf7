"""My lists: bring a list of regions (pasted or uploaded), audit how each item was
resolved, fix the doubtful ones, see it on the map, download it, keep it, and
optionally let it complete a batch of the registry.

The page only: reading, resolving, fixing and saving are geodata.worklist.flow's, the files
geodata.worklist.places', the session and callbacks dashboard.lists.session's, the tables
dashboard.lists.tables'.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Any

import streamlit as st

from dashboard import marking, ui
from dashboard.escape import md
from dashboard.i18n import t, value_label
from dashboard.lists import saved as lists_saved
from dashboard.lists import session
from dashboard.lists.tables import (
    audit_frame,
    candidate_label,
    list_tallies,
    localised_tallies,
    note_lines,
    source_label,
)
from dashboard.map.list_layer import LIST_COLOUR, add_list_layer
from dashboard.settings import LIST_NOTES_SHOWN
from dashboard.state import ViewState
from geodata.basics.notes import note_text, refusal_text
from geodata.basics.settings import LIST_CORRECTION_MAX, LIST_NAME_MAX
from geodata.geocode.geocoder import AMBIGUOUS
from geodata.geocode.reasons import reason_text
from geodata.lists.inputs import MAX_BYTES, MAX_ROWS
from geodata.registry.pilots import unit_shapes
from geodata.worklist import flow as listwork
from geodata.worklist.flow import Work
from geodata.worklist.places import DRAWN, csv_bytes, geojson_bytes, xlsx


def render(s: ViewState) -> None:
    lang = s.lang
    st.title(t("lists_title", lang))
    st.caption(t("lists_caption", lang))
    ui.lists_banner(s)
    _input(lang)
    work: Work | None = st.session_state.get(session.WORK)
    if work is not None:
        _column_pick(work, lang)
        _audit(work, lang)
        _fixes(work, lang)
        _map(work, s)
        _tallies(work, lang)
        _downloads(work, lang)
        lists_saved.save_section(work, lang)
    lists_saved.saved_section(lang, s.use)


def _input(lang: str) -> None:
    st.text_input(
        t("lists_name", lang),
        key="lists_name",
        max_chars=LIST_NAME_MAX,
        placeholder=t("lists_name_placeholder", lang),
    )
    paste, upload = st.tabs([t("lists_tab_paste", lang), t("lists_tab_upload", lang)])
    with paste:
        st.text_area(
            t("lists_paste", lang),
            key="lists_text",
            height=160,
            placeholder="贵州省黔南州独山县、三都县\n浙江省苍南县龙港镇",
        )
        st.button(t("lists_resolve", lang), key="lists_go_text", on_click=session.on_paste,
                  type="primary")
    with upload:
        # No `type=`: Streamlit would then check the name itself and raise for a NUL in
        # it, taking the whole page down; geodata.lists.inputs refuses other types in one line.
        st.file_uploader(
            t("lists_upload", lang),
            key="lists_file",
            max_upload_size=MAX_BYTES // (1024 * 1024),
        )
        st.button(t("lists_resolve_file", lang), key="lists_go_file",
                  on_click=session.on_upload, type="primary")
    st.caption(t("lists_limits", lang, mb=MAX_BYTES // (1024 * 1024), rows=f"{MAX_ROWS:,}"))
    if st.session_state.get(session.ERROR):
        reason = refusal_text(st.session_state[session.ERROR], lang)
        st.error(t("lists_error", lang, reason=md(reason)), icon="⚠️")
    notice = st.session_state.get(session.NOTICE)
    if notice:
        kind, name = notice
        key = "use_notice_unset" if kind == "unset" else f"lists_notice_{kind}"
        st.success(t(key, lang, name=md(name)), icon="✅")


def _column_pick(work: Work, lang: str) -> None:
    """For a table: which column was read as the names, and a way to pick another."""
    kept = st.session_state.get(session.TABLE)
    if not kept or work.kind != "column" or work.list_id:
        return
    from geodata.lists.columns import read_table

    cells = [list(r) for r in kept[0]]
    read = read_table(cells)
    width = max((len(r) for r in cells), default=0)
    if width < 2:
        return
    if not read.sure:
        st.warning(t("tables_unsure", lang), icon="⚠️")

    def label(i: int) -> str:
        head = read.header[i] if i < len(read.header) and read.header[i] else ""
        sample = next((str(r[i]) for r in cells[1:] if i < len(r) and str(r[i]).strip()), "")
        return t("tables_column", lang, n=i + 1, head=head or sample[:12])

    key = session.COLUMN  # forgotten when a new table is read (load_into)
    st.selectbox(t("tables_pick", lang), list(range(width)), index=read.column, key=key,
                 placeholder=t("choose_option", lang),
                 format_func=label, on_change=session.on_repick, args=(key,),
                 help=t("tables_pick_help", lang))


def _audit(work: Work, lang: str) -> None:
    st.subheader(t("lists_audit", lang, name=md(work.name)))
    counts = listwork.status_counts(work.rows)
    cols = st.columns(len(listwork.STATUSES) + 1)
    cols[0].metric(t("lists_items", lang), len(work.rows))
    for col, status in zip(cols[1:], listwork.STATUSES, strict=True):
        col.metric(value_label("match_status", status, lang), counts[status])
    st.caption(
        t(
            "lists_read_as",
            lang,
            kind=t(f"lists_kind_{work.kind}", lang),
            source=md(source_label(work.source_name, lang)),
            encoding=work.encoding or "—",
        )
    )
    st.dataframe(
        audit_frame(work.rows, lang),
        hide_index=True,
        key="lists_audit_table",
        height=min(36 * (len(work.rows) + 1) + 2, 420),
    )
    lines, more = note_lines(work.rows, lang, LIST_NOTES_SHOWN)
    if lines:
        with st.expander(t("lists_notes", lang, n=len(lines) + more)):
            st.markdown("\n".join(lines), unsafe_allow_html=True)
            if more:
                st.caption(t("lists_notes_more", lang, n=f"{more:,}"))


def _fixes(work: Work, lang: str) -> None:
    todo = listwork.problems(work.rows)
    if not todo:
        return
    st.subheader(t("lists_fix", lang, n=len(todo)))
    rows = work.rows

    def label(i: int) -> str:  # an option cannot mark the item's language: it is below
        return f"#{i + 1} — {value_label('match_status', str(rows[i]['status']), lang)}"

    if st.session_state.get("lists_fix_row") not in todo:
        st.session_state.pop("lists_fix_row", None)
    index = st.selectbox(t("lists_fix_pick", lang), todo, key="lists_fix_row", format_func=label,
                         placeholder=t("choose_option", lang))
    if index is None:
        return
    row = rows[index]
    item = marking.name(ui.shortened(str(row["input"]), lang), lang)
    why = (note_text(str(row["note"] or ""), lang, words=md,
                     names=partial(marking.name, page_lang=lang))
           or md(reason_text(str(row.get("reason") or ""), lang)))
    st.caption(t("lists_fix_item", lang, item=item) + "  \n"
               + t("lists_fix_reason", lang, note=why or "—"), unsafe_allow_html=True)
    cands = listwork.candidates_of(row)
    if row["status"] == AMBIGUOUS and cands:
        key = f"lists_cand_{work.token}_{index}"
        st.radio(t("lists_candidates", lang), cands, key=key,
                 format_func=partial(candidate_label, lang=lang))
        st.button(
            t("lists_choose", lang),
            key=f"lists_choose_{work.token}_{index}",
            on_click=session.on_choose,
            args=(index, key),
        )
    else:
        key = f"lists_corr_{work.token}_{index}"
        if key not in st.session_state:
            st.session_state[key] = str(row["input"])[:LIST_CORRECTION_MAX]
        st.text_input(t("lists_correct", lang), key=key, max_chars=LIST_CORRECTION_MAX,
                      help=t("lists_correct_help", lang))
        st.button(
            t("lists_reresolve", lang),
            key=f"lists_redo_{work.token}_{index}",
            on_click=session.on_correct,
            args=(index, key),
        )


def _map(work: Work, s: ViewState) -> None:
    from streamlit_folium import st_folium

    from dashboard import data, ui
    from dashboard.filters import filter_pilots
    from dashboard.map.view import build_map

    lang = s.lang
    st.subheader(t("lists_map", lang))
    beside = st.toggle(
        t("lists_beside", lang), key="lists_beside", help=t("lists_beside_help", lang)
    )
    frame = data.registry(True, s.use)
    pilots = filter_pilots(frame, s) if beside else frame.iloc[0:0]
    data.leaflet_ready()
    m = build_map(pilots, data.layer("province"), spec=ui.map_spec(s, style="pilots"),
                  more=lambda m: add_list_layer(m, work.rows, name=work.name,
                                                colour=LIST_COLOUR, lang=lang,
                                                shapes=_shapes(), fit=not beside))
    st_folium(m, key="map_lists", height=560, use_container_width=True, returned_objects=[])


@st.cache_resource(show_spinner=False)
def _shapes() -> Any:
    return unit_shapes(True)


def _tallies(work: Work, lang: str) -> None:
    st.subheader(t("lists_tallies", lang))
    table = list_tallies(work.rows)
    left = sum(1 for r in work.rows if r["status"] not in DRAWN)
    if left:
        st.caption(t("lists_tallies_left", lang, n=left))
    if len(table):
        st.dataframe(localised_tallies(table, lang), hide_index=True, key="lists_tally_table")


def _downloads(work: Work, lang: str) -> None:
    st.markdown(f"**{t('lists_downloads', lang)}**")
    rows = work.rows
    stem = "_".join([t("fn_list", lang), _safe_stem(work.name), time.strftime("%Y-%m-%d")])
    ui.download_row(
        [
            (t("download_csv", lang), partial(csv_bytes, rows, lang), f"{stem}.csv", "text/csv"),
            (t("download_xlsx", lang), partial(xlsx, rows, lang), f"{stem}.xlsx", ui.MIME_XLSX),
            (
                t("download_geojson", lang),
                partial(geojson_bytes, rows),
                f"{stem}.geojson",
                "application/geo+json",
            ),
        ],
        key="lists_dl",
    )


def _safe_stem(name: str) -> str:
    return "".join("-" if ch in '\\/:*?"<>|' or ch.isspace() else ch for ch in name)[:40]


