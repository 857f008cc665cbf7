"""Page setup, the sidebar of filters, and the choice of view."""

from __future__ import annotations

import streamlit as st

from dashboard import marking, state, ui
from dashboard.escape import md
from dashboard.i18n import LANGS, batch_label, province_label, t, value_label
from dashboard.settings import ECHO_ITEMS
from dashboard.view_data import ViewData, view_data


def batch_choice(b: int, v: ViewData) -> str:
    """A batch pill's label. The group with no official count of its own (batch 1 or 2)
    says what it holds, its unconfirmed members, so a pill on by default and drawing
    nothing until they are asked for never looks like an empty choice (the help and an
    empty map say the rest)."""
    c = v.count(b)
    lang = v.state.lang
    if c.official or not c.unconfirmed:
        return batch_label(b, state.BATCH_YEARS.get(b, 0), lang)
    return t("batch_pill_group", lang, label=batch_label(b, 0, lang, short=True),
             n=c.unconfirmed)


def sidebar(v: ViewData) -> None:
    lang = v.state.lang
    on_change = state.write_url
    with st.sidebar:
        st.segmented_control(t("lang", lang), LANGS, key="w_lang", required=True,
                             on_change=on_change,
                             format_func=lambda v: {"zh": "中文", "en": "English"}[v])
        st.segmented_control(t("view", lang), state.MODES, key="w_mode", required=True,
                             on_change=on_change, format_func=lambda v: t(f"mode_{v}", lang))
        st.header(t("filters", lang))
        st.pills(t("batch", lang), state.BATCH_CHOICES, key="w_batch", selection_mode="multi",
                 on_change=on_change, help=t("batch_help", lang),
                 format_func=lambda b: batch_choice(b, v))
        st.multiselect(t("province", lang), state.PROVINCE_NAMES, key="w_province",
                       help=t("province_help", lang), on_change=on_change,
                       placeholder=t("province_placeholder", lang),
                       format_func=lambda p: province_label(p, lang))
        st.pills(t("level", lang), state.LEVELS, key="w_level", selection_mode="multi",
                 on_change=on_change, format_func=lambda v: value_label("level", v, lang))
        st.pills(t("category", lang), state.CATEGORIES, key="w_category", selection_mode="multi",
                 on_change=on_change, format_func=lambda v: value_label("category", v, lang))
        st.pills(t("status", lang), state.STATUSES, key="w_status", selection_mode="multi",
                 help=t("status_help", lang), on_change=on_change,
                 format_func=lambda v: value_label("status", v, lang))
        st.text_input(t("q", lang), key="w_q", placeholder=t("q_placeholder", lang),
                      on_change=on_change)
        st.segmented_control(t("map_style", lang), state.STYLES, key="w_style", required=True,
                             on_change=on_change, format_func=lambda v: t(f"style_{v}", lang))
        st.checkbox(t("basemap", lang), key="w_basemap",
                    help=t("basemap_help", lang) + " " + t("basemap_not_standard", lang),
                    on_change=on_change)
        st.button(t("reset", lang), key="reset", on_click=state.reset_filters)
        st.caption(t("share_hint", lang))


def run() -> None:
    s = state.sync_from_url()
    v = view_data(s)  # the registry, rows and counts of this run: every part reads these
    presenting = s.mode == "present"
    # "auto": the sidebar starts collapsed on phones, open on larger screens
    st.set_page_config(page_title=t("app_title", s.lang), page_icon="🗺️", layout="wide",
                       initial_sidebar_state="collapsed" if presenting else "auto")
    ignored = state.ignored_in_url()
    if ignored:  # a mistyped or outdated link: say what was left out, in one short line
        shown = ", ".join(ui.shortened(i, s.lang) for i in ignored[:ECHO_ITEMS])
        if len(ignored) > ECHO_ITEMS:
            shown = t("url_ignored_more", s.lang, items=shown, total=len(ignored),
                      more=len(ignored) - ECHO_ITEMS)
        st.warning(t("url_ignored", s.lang, items=md(shown)), icon="⚠️")
    if presenting:
        from dashboard.views import present

        present.render(v)
        st.html(marking.page_lang(s.lang), unsafe_allow_javascript=True)
        return
    if s.mode == "tallies":
        from dashboard.views import counts

        counts.render(v)
    elif s.mode == "compare":
        from dashboard.views import compare

        compare.render(v)
    elif s.mode == "lists":
        from dashboard.views import lists

        lists.render(v)
    else:
        from dashboard.views import explore

        if not explore.render(v):  # first paint: the map alone (see first_paint)
            st.sidebar.header(t("filters", s.lang))
            return
    # the sidebar goes after the view, so the map is the first thing the browser loads
    sidebar(v)
    ui.sources_footer(s.lang)
    st.html(marking.page_lang(s.lang), unsafe_allow_javascript=True)
