"""The map of a slide: province outlines, the pilots by batch colour and source
status, and on a national map the framed 南海诸岛 inset; or one region of it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dashboard.export.draw import (
    INK,
    INSET_ISLAND,
    INSET_LAND,
    INSET_LINE,
    LAND,
    LAND_EDGE,
    MUTED,
    area_style,
    font,
    point_style,
    polygon_path,
)
from dashboard.i18n import t
from dashboard.map.palette import BATCH_COLOURS, OTHER_COLOUR  # one palette for maps and slides

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from shapely.geometry.base import BaseGeometry


LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 73.0, 136.0, 17.0, 54.0


# plate carrée stretched at 35°N: areas look right enough for mainland China
MAP_ASPECT = 1.0 / math.cos(math.radians(35.0))


def prepare(frame: gpd.GeoDataFrame, batches: Sequence[int]) -> gpd.GeoDataFrame:
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    frame = frame[frame["batch"].isin(list(batches))].copy()
    if "status" not in frame.columns:
        frame["status"] = "official"
    frame["status"] = frame["status"].fillna("official").astype(str)
    return frame


def draw_map(ax: Axes, frame: gpd.GeoDataFrame, lang: str,
              extent: tuple[float, float, float, float] | None = None) -> None:
    """The pilots on the province outlines: the national map with its 南海诸岛 inset, or,
    with `extent` (lon0, lat0, lon1, lat1), one region of it (no inset needed)."""
    import numpy as np
    import shapely
    from matplotlib.collections import PathCollection

    from geodata.boundaries import load_layer

    lon0, lat0, lon1, lat1 = extent or (LON_MIN, LAT_MIN, LON_MAX, LAT_MAX)
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    aspect = MAP_ASPECT if extent is None else 1.0 / math.cos(math.radians((lat0 + lat1) / 2))
    ax.set_aspect(aspect, adjustable="box", anchor="C")
    ax.set_axis_off()

    provinces = load_layer("province", simplified=True)
    base = [p for p in (polygon_path(g) for g in provinces.geometry) if p is not None]
    ax.add_collection(
        PathCollection(base, facecolors=LAND, edgecolors=LAND_EDGE, linewidths=1.0, zorder=1),
        autolim=False,
    )

    geoms = frame.geometry
    is_point = np.asarray(geoms.geom_type == "Point")
    has_geom = np.asarray(geoms.notna() & ~geoms.is_empty)
    polys = frame[has_geom & ~is_point]
    points = frame[has_geom & is_point]

    # big units first so counties inside a whole-province pilot stay visible
    order = shapely.area(np.asarray(polys.geometry.values))  # degrees², only for order
    ids = polys["pilot_id"].astype(str).to_numpy() if "pilot_id" in polys else None
    keys = np.lexsort((ids, -order) if ids is not None else (-order,))
    polys = polys.iloc[keys]

    z = 2.0
    for _, row in polys.iterrows():
        path = polygon_path(row.geometry)
        if path is None:
            continue
        colour = BATCH_COLOURS.get(int(row["batch"]), OTHER_COLOUR)
        coll = PathCollection([path], zorder=z)
        area_style(colour, str(row["status"])).apply(coll)
        ax.add_collection(coll, autolim=False)
        z += 0.001

    point_status = points["status"].where(
        points["status"].isin(["reported", "unconfirmed"]), "official"
    )
    for status in ("official", "reported", "unconfirmed"):
        sel = points[point_status == status]
        if sel.empty:
            continue
        colours = [BATCH_COLOURS.get(int(b), OTHER_COLOUR) for b in sel["batch"]]
        kw = point_style(colours, status)
        ax.scatter(sel.geometry.x, sel.geometry.y, zorder=5, **kw)

    if extent is None:  # a national map
        draw_inset(ax, lang)


def draw_inset(ax: Axes, lang: str) -> None:
    """The framed 南海诸岛 inset in the lower right of the map: coast, islands, dashed line."""
    import numpy as np
    from matplotlib.collections import LineCollection, PathCollection

    from geodata.boundaries import (
        SCS_INSET_BOUNDS,
        inset_land,
        load_layer,
        south_china_sea_islands,
        south_china_sea_line,
    )

    lon0, lat0, lon1, lat1 = SCS_INSET_BOUNDS
    aspect = 1.0 / math.cos(math.radians((lat0 + lat1) / 2))
    # height as a share of the map's; the width follows from the frame's shape
    h = 0.34
    w = h * (lon1 - lon0) / ((lat1 - lat0) * aspect) * _axes_ratio(ax)
    inset = ax.inset_axes((1.0 - w, 0.0, w, h))
    inset.set_xlim(lon0, lon1)
    inset.set_ylim(lat0, lat1)
    inset.set_aspect(aspect, adjustable="datalim", anchor="C")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor("white")
    for spine in inset.spines.values():
        spine.set_edgecolor(MUTED)
        spine.set_linewidth(1.2)
    land = [p for p in (polygon_path(g) for _, g in inset_land(load_layer(
        "province", simplified=True))) if p is not None]
    inset.add_collection(PathCollection(land, facecolors=INSET_LAND, edgecolors="#A0A0A0",
                                        linewidths=0.5, zorder=1), autolim=False)
    islands = polygon_path(south_china_sea_islands())
    if islands is not None:
        # an outline of their own keeps the smallest islands visible at this scale
        inset.add_collection(PathCollection([islands], facecolors=INSET_ISLAND,
                                            edgecolors=INSET_ISLAND, linewidths=0.6, zorder=2),
                             autolim=False)
    segs = [np.asarray(seg.coords)[:, :2] for seg in south_china_sea_line().geoms]
    line = LineCollection(segs, colors=INSET_LINE, linewidths=1.4, linestyles=(0, (5, 3)),
                          zorder=3)
    line.set_gid("scs-line")
    inset.add_collection(line, autolim=False)
    # the name on one line, in the largest size (13 down to 7) that fits inside the frame
    name = t("scs_inset", lang)
    label = inset.text(0.96, 0.03, name, transform=inset.transAxes, ha="right", va="bottom",
                       color=INK, fontproperties=font(13), zorder=4,
                       bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85,
                             "pad": 1.0})
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    room = 0.9 * inset.get_window_extent(renderer).width
    size = 13.0
    while size > 7 and label.get_window_extent(renderer).width > room:
        size -= 0.5
        label.set_fontproperties(font(size))
    label.set_gid("scs-inset-label")
    inset.set_gid("scs-inset")


def _axes_ratio(ax: Axes) -> float:
    """Height / width of the drawn map inside `ax` (its data box after the aspect)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return ((y1 - y0) * MAP_ASPECT) / (x1 - x0)


def province_extent(names: Sequence[str], ratio: float
                     ) -> tuple[tuple[float, float, float, float], BaseGeometry] | None:
    """The bounds (lon0, lat0, lon1, lat1) of the named provinces, padded and widened to
    a box of height / width `ratio` (so the neighbours fill the slide's map area), and
    their outline; None when none is named or found (the national map then)."""
    from shapely import union_all

    from geodata.boundaries import load_layer

    if not names:
        return None
    layer = load_layer("province", simplified=True)
    shapes = layer[layer["name"].isin(list(names))]
    if shapes.empty:
        return None
    outline = union_all(list(shapes.geometry))
    lon0, lat0, lon1, lat1 = outline.bounds
    pad = 0.06 * max(lon1 - lon0, lat1 - lat0)
    lon0, lat0, lon1, lat1 = lon0 - pad, lat0 - pad, lon1 + pad, lat1 + pad
    stretch = 1.0 / math.cos(math.radians((lat0 + lat1) / 2))
    w, h = lon1 - lon0, (lat1 - lat0) * stretch
    if h / w < ratio:  # too wide: add latitude
        grow = (w * ratio / stretch - (lat1 - lat0)) / 2
        lat0, lat1 = lat0 - grow, lat1 + grow
    else:  # too tall: add longitude
        grow = (h / ratio - w) / 2
        lon0, lon1 = lon0 - grow, lon1 + grow
    return (lon0, lat0, lon1, lat1), outline
