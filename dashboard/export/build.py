"""A view (a `ViewState`, as read from the URL or the command line) made into files:
the slide, the deck and the standalone map. Every function takes the registry frame
the view filters (the app passes its own, which may hold a user's completed batch; the
CLI passes the shipped one), so the app's buttons and the CLI give the same files."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from dashboard.export import facts
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, t
from dashboard.state import BATCHES, ViewState

if TYPE_CHECKING:
    import geopandas as gpd

    from dashboard.export.slide import Format


def slide_title(s: ViewState, lang: str) -> str:
    return facts.step_title(s, lang) if s.mode == "present" else t("app_title", lang)


def slide_bytes(frame: gpd.GeoDataFrame, s: ViewState, *, fmt: Format = "png",
                made_on: date | None = None) -> bytes:
    """The slide of the view `s` in `fmt`: title, filters named, honest counts, inset."""
    from dashboard.export.slide import render_slide
    from geodata.basics.attribution import attribution_line

    s = s.normalised()
    lang = s.lang
    pilots = filter_pilots(frame, s)
    counts = facts.batch_counts(pilots, s)
    return render_slide(
        pilots,
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


def standalone_map(frame: gpd.GeoDataFrame, s: ViewState) -> str:
    """One offline HTML file of the view's national map (the app's map, Leaflet inlined)."""
    from dashboard.export.standalone import standalone_html
    from dashboard.map.view import MapSpec, build_map
    from geodata.basics.attribution import map_attribution
    from geodata.boundaries.layers import load_layer

    s = s.normalised()
    pilots = filter_pilots(frame, s)
    spec = MapSpec(lang=s.lang, style=s.style, basemap=False, asset_base="",
                   attribution=map_attribution(s.lang), large=s.mode == "present")
    m = build_map(pilots, load_layer("province", simplified=True), spec=spec)
    counts = facts.batch_counts(pilots, s)
    years = facts.batch_years()
    shown = " · ".join(f"{batch_label(c.batch, years[c.batch], s.lang, short=True)} "
                       f"{facts.count_text(c, s.lang)}" for c in counts)
    return standalone_html(m, title=slide_title(s, s.lang), lines=(
        facts.filters_text(s, s.lang), shown, facts.caveat(counts, s.lang),
        facts.dates_text(s.lang)), lang=s.lang)
