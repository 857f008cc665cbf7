"""Two to four provinces side by side: maps, tallies and lists."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from dashboard import data, state, ui
from dashboard.i18n import batch_label, province_code, province_label, t
from dashboard.settings import COMPARE_GAP_PX, COMPARE_MAP_HEIGHT_PX, COMPARE_MIN_MAP_PX
from dashboard.state import BATCH_YEARS, BATCHES, MAX_COMPARE, PROVINCE_NAMES
from dashboard.view_data import ViewData
from dashboard.views.counts import localised
from geodata.basics.attribution import map_attribution
from geodata.geocode.romanise import short_name

GRID = "compare_maps"  # the keyed container of the small maps (its CSS class st-key-…)
# The page's side padding as on the map page (Streamlit's 5rem leaves 2 maps no room at 1024).
_PAGE = ('[data-testid="stMainBlockContainer"]'
         "{padding-left:2rem!important;padding-right:2rem!important}")


def grid_css(n: int) -> str:
    """The small maps laid out for the room they have: all `n` in a row while each gets
    COMPARE_MIN_MAP_PX, else two a row, else one (a container query on the maps' own
    width, so an open or closed sidebar counts too). A heading stays on one line, so
    every map of a row starts at the same height."""
    cols = f".st-key-{GRID}>div>[data-testid=stHorizontalBlock]>[data-testid=stColumn]"

    def width_below(k: int) -> int:  # the room k maps in a row need
        return k * COMPARE_MIN_MAP_PX + (k - 1) * COMPARE_GAP_PX

    rules = [_PAGE, f".st-key-{GRID}{{container-type:inline-size}}",
             f".st-key-{GRID}>div>[data-testid=stHorizontalBlock]{{flex-wrap:wrap}}"]
    if n > 2:
        rules.append(f"@container (max-width:{width_below(n) - 1}px){{{cols}"
                     f"{{flex:0 0 calc(50% - {COMPARE_GAP_PX / 2}px)!important;"
                     f"width:calc(50% - {COMPARE_GAP_PX / 2}px)!important;"
                     "min-width:0!important}}")
    rules.append(f"@container (max-width:{width_below(2) - 1}px){{{cols}"
                 "{flex:0 0 100%!important;width:100%!important}}")
    return "<style>" + "".join(rules) + "</style>"


def heading(name: str, lang: str) -> str:
    """A small map's heading: the name a map labels the province with (湖南, 新疆; the
    English names are short already), whose full form is in the table above."""
    return province_label(name, lang) if lang == "en" else short_name(name)


def render(v: ViewData) -> None:
    s = v.state
    lang = s.lang
    st.title(t("compare", lang))
    ui.lists_banner(v)
    st.multiselect(
        t("compare_pick", lang),
        PROVINCE_NAMES,
        key="w_compare",
        max_selections=MAX_COMPARE,
        on_change=state.write_url,
        placeholder=t("province_placeholder", lang),
        format_func=lambda p: province_label(p, lang),
    )
    chosen = s.compare
    if len(chosen) < 2:
        st.info(t("compare_need", lang))
        return
    # the province filter does not apply here: the picked provinces do
    pilots = v.with_state(replace(s, provinces=chosen)).rows
    table = data.tallies(pilots, chosen)
    st.subheader(t("compare_table", lang))
    st.dataframe(localised(table, lang), hide_index=True, key="compare_table")

    st.toggle(t("compare_same_scale", lang), key="w_same_scale", on_change=state.write_url,
              help=t("compare_same_scale_help", lang))
    boxes = _boxes(chosen) if s.same_scale else {}
    one_scale = tuple(boxes.values())
    clicked = st.session_state.get(ui.CLICKED_MAP, "")
    shown_details = False
    st.html(grid_css(len(chosen)))
    with st.container(key=GRID):
        cols = st.columns(len(chosen), gap="small")
    for col, name in zip(cols, chosen, strict=True):
        mine = pilots[pilots["province"] == name]
        with col:
            st.subheader(heading(name, lang), wrap=False)
            # side by side on a phone too (columns would stack there)
            with st.container(horizontal=True, gap="small"):
                for b in BATCHES:
                    st.metric(batch_label(b, BATCH_YEARS[b], lang, short=True),
                              int((mine["batch"] == b).sum()))
            key = f"map_compare_{province_code(name)}"
            ui.show_map(
                v,
                pilots=mine,
                s=replace(s, style="pilots"),
                key=key,
                height=COMPARE_MAP_HEIGHT_PX,
                focus=province_code(name),
                attribution=map_attribution(s.lang, short=True),
                bounds=boxes.get(name),
                same_zoom=one_scale,
            )
            if s.pilot and clicked == key:  # the details of a pilot beside its map
                ui.details_panel(v)
                shown_details = True
            ui.pilot_table(mine, lang, key=f"table_compare_{province_code(name)}")
    if not shown_details:
        ui.details_panel(v)


Box = tuple[tuple[float, float], tuple[float, float]]


def _boxes(chosen: tuple[str, ...]) -> dict[str, Box]:
    """Each province's bounds ((south, west), (north, east)), for maps at one scale: every
    map takes the zoom that fits the largest of them (in the browser, see MapSpec)."""
    prov = data.layer("province")
    out: dict[str, Box] = {}
    for n in chosen:
        w, s, e, north = (float(v) for v in prov[prov["name"] == n].total_bounds)
        out[n] = ((round(s, 3), round(w, 3)), (round(north, 3), round(e, 3)))
    return out
