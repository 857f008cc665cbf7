"""A view made into files: the slide, the deck and the standalone map. Every function
takes the view's `ViewData` (dashboard.view_data: the registry with the view's saved lists,
its rows and counts), built by the app, the export route and the CLI alike from a
`ViewState`, so the page, its links and the command line give the same files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from dashboard.export import facts
from dashboard.i18n import batch_label, t
from dashboard.state import BATCHES, ViewState

if TYPE_CHECKING:
    from dashboard.export.slide import Format
    from dashboard.view_data import ViewData


def slide_title(s: ViewState, lang: str) -> str:
    return facts.step_title(s, lang) if s.mode == "present" else t("app_title", lang)


def slide_bytes(v: ViewData, *, fmt: Format = "png", made_on: date | None = None) -> bytes:
    """The slide of the view `v` in `fmt`: title, filters named, named counts, inset."""
    from dashboard.export.slide import render_slide
    from geodata.basics.attribution import attribution_line

    s = v.state
    lang = s.lang
    counts = v.visible_counts()
    return render_slide(
        v.rows,
        title=slide_title(s, lang),
        subtitle=facts.filters_text(s, lang),
        lang=lang,
        batches=s.visible_batches or BATCHES,
        source_line=attribution_line(lang),
        counts=counts,
        provinces=s.provinces,
        caveat=facts.caveat(counts, lang),
        dates=facts.dates_text(lang, made_on),
        fmt=fmt,
    )


def deck_steps(s: ViewState) -> tuple[int, ...]:
    """Presenting steps a deck holds: 1 up to the last batch the view's filter keeps."""
    last = max(s.normalised().batches, default=len(BATCHES))
    return tuple(b for b in BATCHES if b <= last)


def step_view(s: ViewState, step: int) -> ViewState:
    return replace(s, mode="present", step=step).normalised()


def counts_line(v: ViewData) -> str:
    """"第一批 地图显示 34 / 官方 64 · 第二批 …": the counts of the batches on screen."""
    years = facts.batch_years()
    lang = v.state.lang
    return " · ".join(f"{batch_label(c.batch, years[c.batch], lang, short=True)} "
                      f"{facts.count_text(c, lang)}" for c in v.visible_counts() if c.shown
                      or c.official)


def standalone_map(v: ViewData) -> str:
    """One offline HTML file of the view's national map (the app's map, Leaflet inlined)."""
    from dashboard.export.standalone import standalone_html
    from dashboard.map.view import MapSpec, build_map
    from geodata.basics.attribution import map_attribution
    from geodata.boundaries.layers import load_layer

    s = v.state
    spec = MapSpec(lang=s.lang, style=s.style, basemap=False, asset_base="",
                   attribution=map_attribution(s.lang), large=s.mode == "present")
    m = build_map(v.rows, load_layer("province", simplified=True), spec=spec)
    return standalone_html(m, title=slide_title(s, s.lang), lines=(
        facts.filters_text(s, s.lang), counts_line(v), facts.caveat(v.visible_counts(), s.lang),
        facts.dates_text(s.lang)), lang=s.lang)
