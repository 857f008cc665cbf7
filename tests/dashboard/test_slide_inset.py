"""The slide's 南海诸岛 inset: ten dashes, each one solid stroke, none covered by the
inset's name in Chinese or English; the map in the Albers projection."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from dashboard.export.draw import DPI, HEIGHT_PX, WIDTH_PX
from dashboard.export.slide_map import draw_map, prepare
from geodata.registry.pilots import resolved_registry


def _national_map(lang: str):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((60 / WIDTH_PX, 140 / HEIGHT_PX, 1160 / WIDTH_PX, 770 / HEIGHT_PX))
    draw_map(ax, prepare(resolved_registry(simplified=True), (1, 2, 3)), lang)
    fig.canvas.draw()
    (inset,) = [a for a in ax.child_axes if a.get_gid() == "scs-inset"]
    (line,) = [c for c in inset.collections if c.get_gid() == "scs-line"]
    (label,) = [t for t in inset.texts if t.get_gid() == "scs-inset-label"]
    return fig, inset, line, label


def visible_dashes(inset, line, label) -> int:
    """Dashes of the line no part of which lies under the name's box (on screen)."""
    renderer = inset.figure.canvas.get_renderer()
    box = label.get_window_extent(renderer) if label.get_visible() else None
    cover = shapely.box(box.x0, box.y0, box.x1, box.y1) if box is not None else None
    frame = inset.get_window_extent(renderer)
    seen = 0
    for seg in line.get_segments():
        px = inset.transData.transform(np.asarray(seg))
        dash = shapely.LineString(px)
        inside = shapely.box(frame.x0, frame.y0, frame.x1, frame.y1).contains(dash)
        if inside and (cover is None or not cover.intersects(dash)):
            seen += 1
    return seen


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ten_dashes_visible_and_the_name_shown(lang):
    _, inset, line, label = _national_map(lang)
    assert len(line.get_segments()) == 10
    assert line.get_linestyle() == [(0, None)]  # solid: one stroke a dash
    assert label.get_visible() and label.get_fontsize() >= 9
    assert visible_dashes(inset, line, label) == 10


def test_a_name_over_a_dash_is_counted():
    """The count above can fail: the name moved onto a dash hides it."""
    _, inset, line, label = _national_map("en")
    seg = np.asarray(line.get_segments()[4])
    label.set_transform(inset.transData)
    label.set_position(tuple(seg.mean(axis=0)))
    label.set_horizontalalignment("center")
    label.set_verticalalignment("center")
    assert visible_dashes(inset, line, label) == 9


def test_the_map_is_drawn_in_the_albers_projection():
    from geodata.boundaries.projection import project_xy

    fig, _, _, _ = _national_map("zh")
    ax = fig.axes[0]
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    # metres, not degrees: Beijing and Haikou fall where the projection puts them
    for lon, lat in ((116.4, 39.9), (110.3, 20.0)):
        x, y = project_xy(lon, lat)
        assert x0 < x < x1 and y0 < y < y1
    assert x1 - x0 > 1e6 and ax.get_aspect() == 1.0
