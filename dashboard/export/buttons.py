"""Download buttons for the meeting exports of the view on screen: the slide as PNG, SVG
and PDF, the deck (PPTX) and the standalone map (HTML). Each file is made on click, by
the same functions as `pilot-atlas slide | deck | html`."""

from __future__ import annotations

from functools import partial

import streamlit as st

from dashboard import data, ui
from dashboard.i18n import t
from dashboard.state import ViewState

MIME_PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


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
            (t("download_png", lang), partial(_slide, s, "png"), "pilot-atlas-slide.png",
             "image/png"),
            (t("download_svg", lang), partial(_slide, s, "svg"), "pilot-atlas-slide.svg",
             "image/svg+xml"),
            (t("download_pdf", lang), partial(_slide, s, "pdf"), "pilot-atlas-slide.pdf",
             "application/pdf"),
            (t("download_pptx", lang), partial(_deck, s), "pilot-atlas-deck.pptx", MIME_PPTX),
            (t("download_html", lang), partial(_html, s), "pilot-atlas-map.html", "text/html"),
        ],
        key=key,
    )
