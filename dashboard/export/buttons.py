"""Download buttons for the meeting exports of the view on screen: the slide as PNG, SVG
and PDF, the deck (PPTX) and the standalone map (HTML). Each file is made on click, by
the same functions as `pilot-atlas slide | deck | html`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial

import streamlit as st

from dashboard import data, memory, settings, ui
from dashboard.export.filenames import download_name
from dashboard.i18n import t
from dashboard.state import ViewState

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
