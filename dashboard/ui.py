"""Streamlit pieces the views share: the map component, the pilot table, the
details panel, downloads, completeness and the sources footer."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Literal

import streamlit as st

from dashboard import data, marking, state
from dashboard.escape import html_text
from dashboard.escape import md as _md
from dashboard.evidence import dataset_text, doubt_text, kinds_line
from dashboard.export import downloads, facts
from dashboard.export.filenames import download_name
from dashboard.i18n import batch_label, province_label, t, value_label
from dashboard.map import offline
from dashboard.map import shared as shared_map
from dashboard.map.focus import focus_bounds
from dashboard.map.view import (
    MapSpec,
    build_parts,
    pilot_id_from_tooltip,
    province_code_from_tooltip,
)
from dashboard.practices import practices_for
from dashboard.settings import ECHO_CHARS
from geodata.basics.attribution import attribution_lines, map_attribution
from geodata.basics.notes import note_text
from geodata.geocode.romanise import unit_name_en

if TYPE_CHECKING:
    import pandas as pd

    from dashboard.state import ViewState
    from dashboard.view_data import ViewData

def shortened(text: str, lang: str) -> str:
    """Text a person typed or linked, cut for echoing on the page: its first ECHO_CHARS
    characters and how many there were (a 100,000-character value is one line)."""
    if len(text) <= ECHO_CHARS:
        return text
    return t("echo_cut", lang, head=text[:ECHO_CHARS], n=f"{len(text):,}")


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
        "attribution": map_attribution(s.lang),
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
    v: ViewData, *, key: str, pilots: pd.DataFrame | None = None, s: ViewState | None = None,
    height: int = 620, drill_down: bool = False, **overrides: Any
) -> None:
    """The map of the view's rows (or of `pilots`, drawn as `s`: a compared province, the
    tallies' choropleth), fitted to what is chosen; `drill_down`: a click on a province
    opens it (the explore view)."""
    pilots = v.rows if pilots is None else pilots
    s = v.state if s is None else s
    data.leaflet_ready()
    provinces = data.layer("province")
    if "bounds" not in overrides and not overrides.get("focus"):
        bounds = focus_bounds(pilots=pilots, provinces=provinces, chosen_provinces=s.provinces,
                              query=s.q, selected=v.selected())
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


# One block in the caption's grey: a line above, a small table as compact as a few lines
# of text (a phone included), a line below; one element, so no gaps between its parts.
_COUNTS_CSS = (
    "<style>.atlas-head p{font-size:.875rem;color:rgba(49,51,63,.6);margin:0;"
    "line-height:1.45}.atlas-count-table{border-collapse:collapse;font-size:.85rem;"
    "color:#555;margin:.3rem 0}.atlas-count-table th,.atlas-count-table td{border:none;"
    "padding:0 .9em 0 0;text-align:left;font-weight:400;line-height:1.4}"
    ".atlas-count-table th{font-size:.78rem;color:#777}"
    ".atlas-count-table td:first-child{font-weight:600}"
    # a phone keeps the whole map on its first screen: the subtitle (the title says it)
    # gives way, the counts and their caveat stay, smaller
    "@media (max-width:480px){.atlas-head p.atlas-sub{display:none}"
    ".atlas-head p,.atlas-count-table{font-size:.75rem;line-height:1.3}"
    ".atlas-count-table th{font-size:.7rem}}</style>"
)


def counts_table(v: ViewData, above: str = "", below: str = "") -> str:
    """The explore header's counts as HTML, between two lines of caption: a row a batch,
    each column headed by what it counts (on the map, known incl. unconfirmed,
    official; facts.count_table)."""
    head, *rows = facts.count_table(v.counts, v.state.lang)
    cells = "".join(f"<th>{html_text(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html_text(x)}</td>" for x in r) + "</tr>"
                   for r in rows)
    table = (f'<table class="atlas-count-table"><thead><tr>{cells}</tr></thead>'
             f"<tbody>{body}</tbody></table>")
    lines = [f'<p class="{cls}">{html_text(x)}</p>' if x else ""
             for cls, x in (("atlas-sub", above), ("atlas-note", below))]
    return f'{_COUNTS_CSS}<div class="atlas-head">{lines[0]}{table}{lines[1]}</div>'


def completeness_strip(v: ViewData) -> None:
    """Per batch: its counts line, how far the known members reach the official count,
    how they are known; the "batch 1 or 2" group; the same by kind of member. Of the
    registry this view shows (with the lists it uses)."""
    lang = v.state.lang
    cols = st.columns(3)
    for col, c in zip(cols, [c for c in v.counts if c.official], strict=False):
        known = next(k for k in v.completeness if k.batch == c.batch)
        with col:
            st.markdown("**" + _md(facts.count_line(c, lang)) + "**")
            st.progress(min(c.known / c.official, 1.0))
            st.caption(t("completeness_detail", lang, official=known.official,
                         reported=known.reported, unconfirmed=known.unconfirmed))
            st.caption(kinds_line(v, c.batch, lang))
    st.caption(t("completeness_kinds_rule", lang))
    group = [c for c in v.counts if not c.official and c.known]
    if group:
        st.markdown("**" + _md(facts.count_line(group[0], lang)) + "**")
        st.caption(t("completeness_1or2", lang, n=group[0].known))
    with st.expander(t("kinds_title", lang)):
        st.dataframe(kinds_frame(v), hide_index=True, key="kinds_table")
        unplaced = v.unplaced()
        if unplaced:
            st.caption(t("completeness_unplaced", lang, n=len(unplaced),
                         names=marking.names_in(unplaced, lang, t("list_sep", lang))),
                       unsafe_allow_html=True)


def kinds_frame(v: ViewData) -> pd.DataFrame:
    """Known vs official members of each kind (batch 1, batch 2, batches 1+2)."""
    import pandas as pd

    lang = v.state.lang
    rows = v.kinds
    return pd.DataFrame(
        {
            t("kinds_batch", lang): [t(f"kinds_batch_{r.batch}", lang) for r in rows],
            t("kinds_kind", lang): [value_label("kind", r.kind, lang) for r in rows],
            t("kinds_known", lang): [r.known for r in rows],
            t("kinds_official", lang): [r.official for r in rows],
            t("kinds_basis", lang): [t(f"kinds_basis_{r.basis}", lang) for r in rows],
        }
    )


def lists_banner(v: ViewData) -> None:
    """On every view: which saved list replaces or supplements which batch here."""
    lang = v.state.lang
    for a in v.applied:
        label = batch_label(a.use.batch, 0, lang, short=True)
        if not a.found:
            st.warning(t("use_missing", lang, token=_md(a.use.token())), icon="⚠️")
            continue
        key = "use_banner_replace" if a.use.mode == "replace" else "use_banner_supplement"
        text = t(key, lang, name=_md(a.name), batch=label, n=a.items,
                 lacking=a.not_in_list, replaced=a.replaced)
        if a.default_by:
            text += " " + t("use_banner_default", lang, by=_md(a.default_by))
        st.info(text, icon=":material/playlist_add_check:")


def display_table(pilots: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The pilot list with readable, translated columns, the name first (ids last, kept
    for selection): the name in simplified characters, the published form beside it;
    when a saved list is in use, what it says about each row."""
    columns = {
        "name": t("f_name_simplified", lang),
        "name_published": t("f_name_published", lang),
        "unit_name": t("f_unit_name", lang),
        "batch": t("f_batch", lang),
        "province": t("f_province", lang),
        "level": t("f_level", lang),
        "category": t("f_category", lang),
        "status": t("f_status", lang),
        "evidence_kind": t("f_evidence_kind", lang),
        "dataset_check": t("f_dataset", lang),
    }
    if lang == "en":
        columns = {"name_en": t("f_name_en", lang), **columns}
    if (pilots["list_mark"].astype(str) != "").any():
        columns["list_mark"] = t("f_list_mark", lang)
    columns["pilot_id"] = t("f_pilot_id", lang)
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
        evidence_kind=[value_label("evidence_kind", str(v), lang) if v else ""
                       for v in pilots["evidence_kind"]],
        dataset_check=[dataset_text(c, y, lang)
                       for c, y in zip(pilots["dataset_check"], pilots["dataset_year"],
                                       strict=True)],
        list_mark=[value_label("list_mark", str(v), lang) if v else ""
                   for v in pilots["list_mark"]],
    )[list(columns)].rename(columns=columns)


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


def details_panel(v: ViewData) -> None:
    lang = v.state.lang
    st.subheader(t("details", lang))
    row = v.selected_row()  # a pilot a saved list adds, too
    if row is None:
        st.caption(t("details_hint", lang))
        return
    # at the top: a button below a long panel would scroll the page, and the map with it
    st.button(
        t("clear_selection", lang), key="clear_pilot", on_click=state.update, kwargs={"pilot": ""}
    )
    # Names keep their own language, marked with it (dashboard.marking); an English page
    # heads a place with the name its map label gives (pinyin), the Chinese beside it.
    name, words = partial(marking.name, page_lang=lang), _md
    unit = name(f"{row['unit_name']}{'' if not row['town'] else ' ' + row['town']}")
    heading = name(row["name"] or row["name_published"])
    if lang == "en" and row["unit_name"]:
        in_english = words(unit_name_en(str(row["unit_name"]), str(row["town"] or "")))
        heading, unit = f"{in_english} ({heading})", f"{in_english} ({unit})"
    st.markdown("#### " + heading, unsafe_allow_html=True)
    fields = [
        ("f_name_published", name(row["name_published"])
         if row["name"] != row["name_published"] else ""),
        ("f_kind", words(value_label("kind", str(row["kind"]), lang)) if row["kind"] else ""),
        ("f_list_mark", words(value_label("list_mark", str(row["list_mark"]), lang))
         if row["list_mark"] else ""),
        ("f_unit_name", unit if row["unit_name"] else ""),
        ("f_renamed_from", name(row["renamed_from"]) if row["renamed_from"] else ""),
        ("f_batch", words(batch_label(int(row["batch"]), int(row["year"]), lang))),
        ("f_document", name(row["document"]) if row["document"]
         else words(t("document_missing", lang))),
        ("f_category", words(value_label("category", str(row["category"]), lang))),
        ("f_level", words(value_label("level", str(row["level"]), lang))),
        ("f_status", words(value_label("status", str(row["status"]), lang))),
        ("f_evidence_kind", words(value_label("evidence_kind", str(row["evidence_kind"]), lang))
         if row["evidence_kind"] else ""),
        ("f_doubt", words(doubt_text(row, lang))),
        ("f_dataset", words(dataset_text(row["dataset_check"], row["dataset_year"], lang))),
        ("f_province", name(province_label(str(row["province"]), lang))),
        ("f_adcode", words(row["adcode"] or "")),
        ("f_location", words(value_label("geometry_kind", str(row["geometry_kind"]), lang))),
        ("f_note", note_text(str(row["note"] or ""), lang, words=words, names=name)),
        ("f_pilot_id", words(row["pilot_id"])),
    ]
    lines = [f"- **{t(k, lang)}**: {v}" for k, v in fields if v]
    st.markdown("\n".join(lines), unsafe_allow_html=True)
    sources = [p.strip() for p in str(row["sources"] or "").split(" | ") if p.strip()]
    if sources:
        st.markdown(f"**{t('f_sources', lang)}**")
        st.markdown("\n".join(f"- {_source_md(src, lang)}" for src in sources),
                    unsafe_allow_html=True)
    if row.get("evidence"):  # the sources' words, as published (seeds: `evidence`)
        st.markdown(f"**{t('f_evidence', lang)}**: {marking.quote(row['evidence'], lang)}",
                    unsafe_allow_html=True)
    st.markdown(f"**{t('practices', lang)}**")
    cited = practices_for(row)
    if not cited:
        st.caption(marking.sentence(t("no_practices", lang), lang), unsafe_allow_html=True)
    for p in cited:
        area = p["policy_area_en"] if lang == "en" else p["policy_area"]
        summary = p["summary_en"] if lang == "en" else p["summary_zh"]
        st.markdown(f"- **{_md(area)}** ({name(p['place_published'])}): {_md(summary)}",
                    unsafe_allow_html=True)


def _source_md(src: str, lang: str) -> str:
    """A source as a link when it is a web address, else as its title (a name)."""
    if re.fullmatch(r"https?://\S+", src):
        target = src.replace("(", "%28").replace(")", "%29")
        return f"[{_md(src)}]({target})"
    return marking.name(src, lang)


MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_row(items: Sequence[tuple[str, Callable[[], bytes], str, str]], key: str) -> None:
    """A row of download buttons: (label, data made on click, file name, mime). Each button
    is as wide as its label, and the row wraps when they do not fit (equal columns cut
    "幻灯片 PNG（1920×1…" on a narrow screen)."""
    with st.container(horizontal=True, gap="xsmall"):
        for label, make, file_name, mime in items:
            st.download_button(
                label,
                data=make,
                file_name=file_name,
                mime=mime,
                key=f"{key}_{file_name.rsplit('.', 1)[-1]}",
                on_click="ignore",
            )


def download_buttons(v: ViewData) -> None:
    """The pilots on screen as files, in the view's language (Chinese headers and values
    in Chinese; English files keep the stable snake_case schema): the view's rows, as
    many as its counts say are on the map."""
    from dashboard.export.buttons import bounded  # it imports this module

    s, pilots = v.state, v.rows
    lang = s.lang
    st.markdown(f"**{t('downloads', lang)}**")
    download_row(
        [
            (
                t("download_csv", lang),
                partial(downloads.csv_bytes, pilots, lang),
                download_name(s, "fn_pilots", "csv"),
                "text/csv",
            ),
            (
                t("download_xlsx", lang),
                partial(downloads.xlsx, pilots, lang, t("app_title", lang)),
                download_name(s, "fn_pilots", "xlsx"),
                MIME_XLSX,
            ),
            (
                t("download_geojson", lang),
                partial(downloads.full_geojson, v),
                download_name(s, "fn_pilots", "geojson"),
                "application/geo+json",
            ),
            (
                t("download_dta", lang),
                partial(downloads.dta, pilots, lang, t("app_title", lang)),
                download_name(s, "fn_pilots", "dta"),
                "application/x-stata-dta",
            ),
            (
                t("download_gpkg", lang),
                bounded(partial(downloads.full_gpkg, v)),
                download_name(s, "fn_pilots", "gpkg"),
                "application/geopackage+sqlite3",
            ),
        ],
        key="dl",
    )


def sources_footer(lang: str) -> None:
    with st.expander(t("sources_header", lang)):
        st.markdown("\n".join(f"- {marking.sentence(line, lang)}"
                               for line in attribution_lines(lang)), unsafe_allow_html=True)
