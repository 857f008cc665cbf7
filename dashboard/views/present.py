"""Presenting: no sidebar, a compact header, a map filling the rest of the screen, and
steps 2014 → 2014–2015 → 2014–2016 (cumulative) driven by buttons or a clicker."""

from __future__ import annotations

import streamlit as st

from dashboard import data, frame_fit, presenting, state, ui
from dashboard.escape import html_text
from dashboard.export import buttons as export_downloads
from dashboard.export import facts
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, t
from dashboard.map.palette import BATCH_COLOURS
from dashboard.state import BATCH_YEARS, BATCHES, ViewState

# Type scales with the viewport (clamp): 1024×768 and 1920×1080 both read from the back.
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="collapsedControl"],
header[data-testid="stHeader"] {display: none;}
.block-container, [data-testid="stMainBlockContainer"]
  {padding: 0.5rem 1rem 0.5rem 1rem !important; max-width: 100%;}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {gap: 0.3rem;}
[data-testid="stVerticalBlock"] > * {flex-shrink: 0 !important;}
h1 {font-size: clamp(1.35rem, 2.4vw, 2.5rem) !important; padding: 0 !important;
    line-height: 1.2 !important;}
/* Streamlit pulls the next element 1rem up under a heading: a title that wraps (a phone)
   would run into the line under it */
[data-testid="stHeading"] [data-testid="stMarkdownContainer"] {margin-bottom: 0 !important;}
.atlas-sub {font-size: clamp(0.8rem, 1.05vw, 1.1rem); color: #555; margin: 0.3rem 0 0 0;}
.atlas-counts {font-size: clamp(0.95rem, 1.55vw, 1.7rem); margin: 0; line-height: 1.3;}
.atlas-counts span.b {white-space: nowrap; margin-right: 1.4em;}
.atlas-counts i {display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.3em;
                 border: 1px solid #555; vertical-align: -0.05em;}
.atlas-counts b {font-weight: 700;}
.atlas-caveat {font-size: clamp(0.75rem, 0.9vw, 0.95rem); color: #555; margin: 0;}
[class*="st-key-present_"] button {min-height: 2.1rem; padding: 0.15rem 0.55rem;}
[class*="st-key-present_"] button p {font-size: clamp(0.85rem, 1.05vw, 1.1rem);}
</style>
"""


def _counts_html(pilots_n: int, counts: list[facts.BatchCount], lang: str) -> str:
    parts = [f'<span class="b">{html_text(t("present_total", lang))} <b>{pilots_n}</b></span>']
    shown = {c.batch: c for c in counts}
    for b in BATCHES:
        label = html_text(batch_label(b, BATCH_YEARS[b], lang))
        value = html_text(facts.count_text(shown[b], lang)) if b in shown else "–"
        parts.append(f'<span class="b"><i style="background:{BATCH_COLOURS[b]}"></i>'
                     f"{label} <b>{value}</b></span>")
    return f'<p class="atlas-counts">{"".join(parts)}</p>'


def render(s: ViewState) -> None:
    lang = s.lang
    st.html(CSS)
    pilots = filter_pilots(data.registry(True, s.use), s)
    counts = facts.batch_counts(pilots, s)

    head, nav = st.columns([1, 1], vertical_alignment="center", gap="small")
    with head:
        st.title(facts.step_title(s, lang))
        sub = f"{facts.filters_text(s, lang)} · {facts.dates_text(lang)}"
        st.html(f'<p class="atlas-sub">{html_text(sub)}</p>')
    with nav:
        _buttons(s)

    ui.lists_banner(s)
    st.html(_counts_html(len(pilots), counts, lang))
    line = facts.caveat(counts, lang)
    if line:
        st.html(f'<p class="atlas-caveat">{html_text(line)}</p>')
    # the page script sizes this map's frame to the rest of the viewport
    with frame_fit.frame("present"):
        ui.show_map(pilots, s, key=f"map_present_{s.step}", height=520, large=True, fill=True)

    st.caption(t("present_keys", lang))
    with st.expander(t("present_notes", lang)):
        st.text(facts.speaker_notes(pilots, s, lang))
    export_downloads.buttons(s, key="dl_present")
    presenting.install()


def _buttons(s: ViewState) -> None:
    """The steps and the way out in a row, each button as wide as its text: side by side on
    a phone too (columns would stack there), wrapping to a second row only when they must."""
    lang = s.lang
    with st.container(horizontal=True, gap="xxsmall", vertical_alignment="center"):
        st.button("◀", key="present_prev", help=t("present_prev", lang),
                  disabled=s.step <= 1, on_click=state.update, kwargs={"step": s.step - 1})
        for b in BATCHES:
            st.button(f"{BATCH_YEARS[b]}", key=f"present_step_{b}",
                      type="primary" if b == s.step else "secondary",
                      on_click=state.update, kwargs={"step": b})
        st.button("▶", key="present_next", help=t("present_next", lang),
                  disabled=s.step >= len(BATCHES), on_click=state.update,
                  kwargs={"step": s.step + 1})
        # the page script turns this click into fullscreen (a browser needs the user's click)
        st.button(t("present_fullscreen", lang), key="present_fullscreen", help="F")
        st.button(t("present_exit", lang), key="present_exit", help="Esc",
                  on_click=state.update, kwargs={"mode": "explore"})
