"""Where the map looks, and how it behaves under the mouse.

`focus_bounds` is pure: the bounds to fit, computed on the server from the data (a
chosen pilot, a search's hits, the chosen provinces), so equal views give equal HTML.
`MapManners` is the page side (manners.js): the wheel scrolls the page until the map is clicked or
focused, the map cannot be zoomed out past China, and once the user pans or zooms,
the zoom and centre are written into the address bar (`z`, `c`) for sharing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from branca.element import MacroElement
from jinja2 import Template

from dashboard import settings

if TYPE_CHECKING:
    import pandas as pd

# South-west and north-east corners (lat, lon) of the national view.
CHINA_BOUNDS: list[list[float]] = [[17.5, 73.0], [53.6, 135.1]]
# The map may be panned this far beyond China, and no further.
MAX_BOUNDS: list[list[float]] = [[0.0, 60.0], [60.0, 150.0]]
POINT_HALF_SIDE = settings.MAP_POINT_HALF_SIDE


def _bounds(geoms: Iterable[Any]) -> list[list[float]] | None:
    boxes = [g.bounds for g in geoms if g is not None and not g.is_empty]
    if not boxes:
        return None
    minx = min(b[0] for b in boxes)
    miny = min(b[1] for b in boxes)
    maxx = max(b[2] for b in boxes)
    maxy = max(b[3] for b in boxes)
    if maxx - minx < 2 * POINT_HALF_SIDE and maxy - miny < 2 * POINT_HALF_SIDE:
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        minx, maxx = cx - POINT_HALF_SIDE, cx + POINT_HALF_SIDE
        miny, maxy = cy - POINT_HALF_SIDE, cy + POINT_HALF_SIDE
    # rounded outwards: the box always holds all of the shape
    def lo(v: float) -> float:
        return math.floor(v * 1000) / 1000

    def hi(v: float) -> float:
        return math.ceil(v * 1000) / 1000

    return [[lo(miny), lo(minx)], [hi(maxy), hi(maxx)]]


def focus_bounds(
    *,
    pilots: pd.DataFrame,
    provinces: pd.DataFrame,
    chosen_provinces: Iterable[str] = (),
    query: str = "",
    selected: Any = None,
) -> list[list[float]] | None:
    """Bounds to fit, most specific first: the selected pilot's geometry, the pilots a
    search found, the chosen provinces (full names). None: the national view."""
    if selected is not None:
        found = _bounds([selected])
        if found:
            return found
    if query.strip() and len(pilots):
        found = _bounds(pilots.geometry)
        if found:
            return found
    wanted = set(chosen_provinces)
    if wanted:
        return _bounds(provinces[provinces["name"].isin(wanted)].geometry)
    return None


class MapManners(MacroElement):
    """Wheel only after a click or focus; no zooming out past China; z/c into the URL
    once the user has moved the map (the page's own view is the clean URL). The code is
    `atlas.manners` (dashboard/static/atlas/manners.js)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.manners({{ this._parent.get_name() }}, {{ this.options|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MapManners"
        self.options = {"china": CHINA_BOUNDS, "maxBounds": MAX_BOUNDS}


MANNERS_CSS = (
    # a hint that the wheel now zooms the map
    ".leaflet-container.atlas-awake{box-shadow:inset 0 0 0 2px rgba(47,127,193,.45)}"
)


class FocusWithoutScroll(MacroElement):
    """A press on the map focuses it without scrolling the page. Leaflet focuses the map
    on mousedown with a plain `focus()`; when the map's iframe is partly below the fold,
    Chromium then scrolls the app's page to show all of it, the release lands on another
    point of the map (often the 南海诸岛 inset) and no click fires: a pilot could not be
    chosen with the mouse. Focusing first, in the capture phase, with `preventScroll`
    leaves Leaflet nothing to do (it skips an already focused map)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        atlas.focusWithoutScroll({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"
