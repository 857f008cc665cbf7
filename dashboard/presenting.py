"""Presenting on a projector: clicker keys and a map sized from the viewport.

One script (dashboard/static/atlas/presenting.js) runs in the app's page once. It
- steps with the keys clickers send: →, PageDown, space forward; ←, PageUp, shift+space
  back; F toggles fullscreen; Esc leaves the presentation. It listens on the page and
  inside the map's frame, so the keys work wherever the focus is, and it presses the
  real step buttons, so the URL follows as with a click.
It does nothing on a page without the presenting buttons. The map's frame is sized to
the rest of the viewport by `dashboard/frame_fit.py` (the map inside fills its frame and
refits, see `dashboard/map/fill.py`).
"""

from __future__ import annotations

from html import escape

from dashboard import frame_fit

SCRIPT = "presenting.js"


def script_tag(base_url_path: str = "") -> str:
    """The tag that loads the presenting script (dashboard/static/atlas/presenting.js,
    cached by the browser)."""
    from dashboard.map import offline

    url = offline.atlas_url(SCRIPT, base_url_path)
    return f'<script src="{escape(url)}"></script>'


def install() -> None:
    """Put the presenting script and the frame sizing into the app's page (each runs once
    per page). `st.html` runs scripts in the page itself (not in a frame), which is where
    the keys and the map's frame are."""
    import streamlit as st

    st.html(script_tag(str(st.get_option("server.baseUrlPath") or "")) + frame_fit.tag(),
            unsafe_allow_javascript=True)
