"""A map's frame sized to the rest of the viewport below it: the presenting map fills
the screen, the explore map fits the first screen on a laptop (1024×768) and keeps its
620 px where there is room. One script (dashboard/static/atlas/frame_fit.js) runs in the
app's page once (its tag, `tag()`, goes into a page's own `st.html`: no element of its
own); a map goes inside `frame(kind)`, and each kind's rule is data here."""

from __future__ import annotations

import json
from html import escape
from typing import Any, Final

from dashboard.settings import (
    EXPLORE_MAP_MIN_PX,
    EXPLORE_MAP_PX,
    PHONE_MAX_PX,
    PRESENT_RESERVE_PX,
)

SCRIPT = "frame_fit.js"
# kind: {min, max, reserve, minWidth} in px (see frame_fit.js)
RULES: Final[dict[str, dict[str, int]]] = {
    "present": {"min": 220, "reserve": PRESENT_RESERVE_PX},
    # a phone's explore map takes the country's shape (views/explore.py)
    "explore": {"min": EXPLORE_MAP_MIN_PX, "max": EXPLORE_MAP_PX,
                "reserve": PRESENT_RESERVE_PX, "minWidth": PHONE_MAX_PX + 1},
}


def tag() -> str:
    """The tag that loads frame_fit.js (cached by the browser), the rules as data; for
    `st.html(..., unsafe_allow_javascript=True)`, which runs it in the page itself (not in
    a frame), where the map's frame is."""
    import streamlit as st

    from dashboard.map import offline

    url = offline.atlas_url(SCRIPT, str(st.get_option("server.baseUrlPath") or ""))
    return (f'<script src="{escape(url)}" '
            f'data-rules="{escape(json.dumps(RULES, separators=(",", ":")))}"></script>')


def frame(kind: str) -> Any:
    """The container a map of `kind` goes in (its CSS class `st-key-fit_<kind>`)."""
    import streamlit as st

    if kind not in RULES:
        raise ValueError(f"no frame rule for {kind!r}")
    return st.container(key=f"fit_{kind}")
