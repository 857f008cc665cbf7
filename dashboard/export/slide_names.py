"""Names on a slide's national map: every province that has a pilot in the view, at
the pole of inaccessibility of its largest part (the web map's anchor), moved to a free
spot beside it when a neighbour's name is there first (larger provinces first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.export.draw import INK, font
from dashboard.map.labels import anchor, province_label_text
from dashboard.settings import SLIDE_NAME_PT
from geodata.boundaries.projection import project_xy

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes

NAME_PT = SLIDE_NAME_PT
# Where a name may go, in name-heights from its anchor: on it, then above, below, beside.
_NEAR = ((0.0, 0.0), (0.0, 1.1), (0.0, -1.1), (1.0, 0.0), (-1.0, 0.0), (0.9, 1.1),
         (-0.9, 1.1), (0.9, -1.1), (-0.9, -1.1))
# then a little further off (a crowded coast: 上海 beside 江苏 and 浙江)
_OFFSETS = (*_NEAR, *((1.6 * dx, 1.8 * dy) for dx, dy in _NEAR[1:]))


def draw_province_names(ax: Axes, pilots: gpd.GeoDataFrame, lang: str) -> list[str]:
    """Short names of the provinces with pilots in `pilots`, as text on `ax` (projected
    axes); returns the names drawn. A name that finds no free spot is still drawn on its
    anchor: the slide names every province with pilots."""
    import matplotlib.patheffects as pe

    from geodata.boundaries.layers import load_layer

    having = set(pilots["province"].dropna().astype(str)) if "province" in pilots else set()
    layer = load_layer("province", simplified=True)
    rows = sorted(((float(g.area), str(n), g) for n, g in zip(layer["name"], layer.geometry,
                                                               strict=True) if n in having),
                  key=lambda r: (-r[0], r[1]))
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    placed: list[tuple[float, float, float, float]] = []
    drawn = []
    halo = [pe.withStroke(linewidth=3.0, foreground="white")]
    for _, name, geom in rows:
        lat, lon = anchor(geom)
        x, y = project_xy(lon, lat)
        px, py = ax.transData.transform((x, y))
        label = ax.text(x, y, province_label_text(name, lang), ha="center", va="center",
                        color=INK, fontproperties=font(NAME_PT), zorder=7, path_effects=halo)
        box = label.get_window_extent(renderer)
        w, h = box.width, box.height
        for dx, dy in _OFFSETS:
            cx, cy = px + dx * w, py + dy * h
            mine = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if not any(_overlap(mine, o) for o in placed):
                dx_, dy_ = ax.transData.inverted().transform((cx, cy))
                label.set_position((float(dx_), float(dy_)))
                placed.append(mine)
                break
        else:
            placed.append((px - w / 2, py - h / 2, px + w / 2, py + h / 2))
        label.set_gid(f"province-name-{name}")
        drawn.append(name)
    return drawn


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
             ) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
