"""Download buttons for the meeting exports of the view on screen: the slide as PNG, SVG
and PDF, the deck (PPTX) and the standalone map (HTML); and the research table (CSV,
Stata). Each file is made on click, by the same functions as `pilot-atlas slide | deck |
html | export --table research`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import streamlit as st

from dashboard import data, memory, settings, ui
from dashboard.export import downloads
from dashboard.export.filenames import download_name
from dashboard.i18n import t
from dashboard.state import ViewState

if TYPE_CHECKING:
    import pandas as pd

MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
# Shared by every session of the server: a room clicking "PDF" at once takes turns.
_AT_ONCE = threading.BoundedSemaphore(settings.EXPORTS_AT_ONCE)


class ExportsBusy(RuntimeError):
    """Every export slot stayed taken for EXPORT_WAIT_S."""


def bounded(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """`make`, run when an export slot is free, with its freed memory given back after."""

    def run() -> bytes:
        if not _AT_ONCE.acquire(timeout=settings.EXPORT_WAIT_S):
            raise ExportsBusy("the server is busy making other exports; try again shortly")
        try:
            return make()
        finally:
            _AT_ONCE.release()
            memory.give_back()

    return run


def _slide(s: ViewState, fmt: str) -> bytes:
    from dashboard.export.build import slide_bytes

    return slide_bytes(data.registry(True, s.use), s, fmt=fmt)  # type: ignore[arg-type]


def _deck(s: ViewState) -> bytes:
    from dashboard.export.deck import render_deck

    return render_deck(data.registry(True, s.use), s)


def _html(s: ViewState) -> bytes:
    from dashboard.export.build import standalone_map

    return standalone_map(data.registry(True, s.use), s).encode("utf-8")


def buttons(s: ViewState, *, key: str) -> None:
    lang = s.lang
    st.markdown(f"**{t('exports', lang)}**")
    ui.download_row(
        [
            (t("download_png", lang), bounded(partial(_slide, s, "png")),
             download_name(s, "fn_slide", "png"), "image/png"),
            (t("download_svg", lang), bounded(partial(_slide, s, "svg")),
             download_name(s, "fn_slide", "svg"), "image/svg+xml"),
            (t("download_pdf", lang), bounded(partial(_slide, s, "pdf")),
             download_name(s, "fn_slide", "pdf"), "application/pdf"),
            (t("download_pptx", lang), bounded(partial(_deck, s)),
             download_name(s, "fn_deck", "pptx"), MIME_PPTX),
            (t("download_html", lang), bounded(partial(_html, s)),
             download_name(s, "fn_map", "html"), "text/html"),
        ],
        key=key,
    )


def research_buttons(pilots: pd.DataFrame, s: ViewState) -> None:
    """Every county-level unit with the batch in which it (or a unit containing it)
    became a pilot, for the pilots the filters show (statuses as the filter says)."""
    ids = tuple(str(i) for i in pilots["pilot_id"])
    csv_col, dta_col = st.columns(2)
    csv_col.download_button(
        t("download_research", s.lang),
        data=partial(downloads.research_csv, ids, s.use, s.statuses, s.lang),
        file_name=download_name(s, "fn_research", "csv"),
        mime="text/csv",
        key="dl_research",
        on_click="ignore",
        help=t("research_help", s.lang),
    )
    dta_col.download_button(
        t("download_research_dta", s.lang),
        data=partial(downloads.research_dta, ids, s.use, s.statuses, s.lang,
                     t("download_research", s.lang)),
        file_name=download_name(s, "fn_research", "dta"),
        mime="application/x-stata-dta",
        key="dl_research_dta",
        on_click="ignore",
        help=t("research_help", s.lang),
    )
