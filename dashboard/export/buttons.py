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

from dashboard import memory, settings, ui
from dashboard.escape import html_text
from dashboard.export import downloads, served
from dashboard.export.filenames import download_name
from dashboard.i18n import t
from dashboard.state import ViewState

if TYPE_CHECKING:
    import pandas as pd

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


def buttons(s: ViewState, *, key: str) -> None:
    """The meeting exports of the view `s`: links to the app's export route where it is
    served (dashboard/export/served.py: a file that cannot vanish before it is fetched),
    else Streamlit's download buttons, each file made on click."""
    lang = s.lang
    st.markdown(f"**{t('exports', lang)}**")
    labels = {"png": t("download_png", lang), "svg": t("download_svg", lang),
              "pdf": t("download_pdf", lang), "pptx": t("download_pptx", lang),
              "html": t("download_html", lang)}
    if served.ENABLED:
        base = str(st.get_option("server.baseUrlPath") or "")
        links = "".join(
            f'<a href="{html_text(served.url(s, kind, base))}" '
            f'download="{html_text(served.KINDS[kind].file_name(s))}" style="{_LINK_STYLE}">'
            f"{html_text(label)}</a>"
            for kind, label in labels.items()
        )
        st.html(f'<div style="display:flex;flex-wrap:wrap;gap:0.5rem">{links}</div>')
        return
    ui.download_row(
        [
            (label, bounded(partial(served.KINDS[kind].make, s)),
             served.KINDS[kind].file_name(s), served.KINDS[kind].mime)
            for kind, label in labels.items()
        ],
        key=key,
    )


# as Streamlit draws a secondary button
_LINK_STYLE = (
    "display:inline-block;padding:0.25rem 0.75rem;border:1px solid rgba(49,51,63,0.2);"
    "border-radius:0.5rem;text-decoration:none;color:inherit;line-height:1.6;"
    "min-height:2.5rem;box-sizing:border-box;align-content:center"
)


def research_buttons(pilots: pd.DataFrame, s: ViewState) -> None:
    """Every county-level unit with the batch in which it (or a unit containing it)
    became a pilot, for the pilots the filters show (statuses as the filter says)."""
    ids = tuple(str(i) for i in pilots["pilot_id"])
    row = st.container(horizontal=True, gap="xsmall")  # as wide as their labels, wrapping
    row.download_button(
        t("download_research", s.lang),
        data=partial(downloads.research_csv, ids, s.use, s.statuses, s.lang),
        file_name=download_name(s, "fn_research", "csv"),
        mime="text/csv",
        key="dl_research",
        on_click="ignore",
        help=t("research_help", s.lang),
    )
    row.download_button(
        t("download_research_dta", s.lang),
        data=partial(downloads.research_dta, ids, s.use, s.statuses, s.lang,
                     t("download_research", s.lang)),
        file_name=download_name(s, "fn_research", "dta"),
        mime="application/x-stata-dta",
        key="dl_research_dta",
        on_click="ignore",
        help=t("research_help", s.lang),
    )
