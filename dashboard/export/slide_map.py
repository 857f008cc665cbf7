"""The map of a slide: province outlines, the pilots by batch colour and source
status, and on a national map the framed 南海诸岛 inset; or one region of it. Drawn in
the Albers equal-area conic of `geodata.boundaries.projection`, as printed maps of China are."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

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
from dashboard.settings import SLIDE_INSET_HEIGHT, SLIDE_REGION_PAD
from geodata.boundaries.projection import project, projected_box

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from shapely.geometry.base import BaseGeometry


# The national map's box (longitude, latitude): the islands south of 17° N are in the inset.
NATIONAL_BOX: tuple[float, float, float, float] = (73.0, 17.0, 136.0, 54.0)
# Room around a region's outline, as a share of its larger side.
PAD = SLIDE_REGION_PAD


@cache
def _province_shapes() -> Any:
    """The display provinces in the projection (an array of shapely geometries)."""
    import numpy as np

    from geodata.boundaries.layers import load_layer

    return project(np.asarray(load_layer("province", simplified=True).geometry.values))


# The inset's height as a share of the national map's.
INSET_HEIGHT = SLIDE_INSET_HEIGHT


def _inset_box() -> tuple[float, float, float, float]:
    """The inset's frame in the projection: the lon/lat frame's bounds, with a margin so
    the outermost dashes keep clear of the frame's edge."""
    from geodata.boundaries.layers import SCS_INSET_BOUNDS

    x0, y0, x1, y1 = projected_box(*SCS_INSET_BOUNDS).bounds
    pad = 0.03 * (y1 - y0)
    return x0 - pad, y0 - pad, x1 + pad, y1 + pad


@cache
def national_extent() -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of the national map in the projection: China north of 17° N,
    with room in the lower right for the inset beside the coast, never over it."""
    import shapely

    from geodata.boundaries.layers import load_layer

    land = project(shapely.clip_by_rect(shapely.union_all(
        load_layer("province", simplified=True).geometry.values), *NATIONAL_BOX))
    x0, y0, x1, y1 = land.bounds
    pad = 0.01 * (x1 - x0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    ix0, iy0, ix1, iy1 = _inset_box()
    inset_h = INSET_HEIGHT * (y1 - y0)
    inset_w = inset_h * (ix1 - ix0) / (iy1 - iy0)
    coast = shapely.clip_by_rect(land, x0, y0, x1, y0 + inset_h + pad).bounds[2]
    return (x0, y0, max(x1, coast + 2 * pad + inset_w), y1)


def prepare(frame: gpd.GeoDataFrame, batches: Sequence[int]) -> gpd.GeoDataFrame:
    """The rows of `batches`, with a status, their geometry in the projection."""
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    frame = frame[frame["batch"].isin(list(batches))].copy()
    if "status" not in frame.columns:
        frame["status"] = "official"
    frame["status"] = frame["status"].fillna("official").astype(str)
    projected = project(frame.geometry.values.to_numpy()) if len(frame) else []
    return frame.set_geometry(list(projected), crs=None) if len(frame) else frame


def draw_map(ax: Axes, frame: gpd.GeoDataFrame, lang: str,
              extent: tuple[float, float, float, float] | None = None) -> None:
    """The pilots (`frame` from `prepare`) on the province outlines: the national map with
    its 南海诸岛 inset, or, with `extent` (x0, y0, x1, y1 in the projection), one region
    of it (no inset needed)."""
    import numpy as np
    import shapely
    from matplotlib.collections import PathCollection

    x0, y0, x1, y1 = extent or national_extent()
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect(1.0, adjustable="box", anchor="C")  # metres both ways: equal-area
    ax.set_axis_off()

    base = [p for p in (polygon_path(g) for g in _province_shapes()) if p is not None]
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
    order = shapely.area(np.asarray(polys.geometry.values))
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

    if extent is None:  # a national map: the provinces with pilots named, the inset
        from dashboard.export.slide_names import draw_province_names

        draw_province_names(ax, frame, lang)
        draw_inset(ax, lang)


def draw_inset(ax: Axes, lang: str) -> None:
    """The framed 南海诸岛 inset in the lower right of the map, in the same projection at
    its own scale: coast, islands, and the ten dashes of the line, each one stroke."""
    import numpy as np
    import shapely
    from matplotlib.collections import LineCollection, PathCollection

    from geodata.boundaries.layers import south_china_sea_islands, south_china_sea_line

    x0, y0, x1, y1 = _inset_box()
    # height as a share of the map's; the width follows from the frame's shape
    h = INSET_HEIGHT
    w = h * (x1 - x0) / (y1 - y0) * _axes_ratio(ax)
    inset = ax.inset_axes((1.0 - w, 0.0, w, h))
    inset.set_xlim(x0, x1)
    inset.set_ylim(y0, y1)
    inset.set_aspect(1.0, adjustable="datalim", anchor="C")
    inset.set_xticks([])
    inset.set_yticks([])
    inset.set_facecolor("white")
    for spine in inset.spines.values():
        spine.set_edgecolor(MUTED)
        spine.set_linewidth(1.2)
    coast = shapely.clip_by_rect(_province_shapes(), x0, y0, x1, y1)
    land = [p for p in (polygon_path(g) for g in coast if not g.is_empty) if p is not None]
    inset.add_collection(PathCollection(land, facecolors=INSET_LAND, edgecolors="#A0A0A0",
                                        linewidths=0.5, zorder=1), autolim=False)
    islands = polygon_path(project(south_china_sea_islands()))
    if islands is not None:
        # an outline of their own keeps the smallest islands visible at this scale
        inset.add_collection(PathCollection([islands], facecolors=INSET_ISLAND,
                                            edgecolors=INSET_ISLAND, linewidths=0.6, zorder=2),
                             autolim=False)
    # each segment of the line is one dash: drawn solid, never cut by a dash pattern
    segs = [np.asarray(seg.coords)[:, :2] for seg in project(south_china_sea_line()).geoms]
    line = LineCollection(segs, colors=INSET_LINE, linewidths=1.6, capstyle="butt", zorder=3)
    line.set_gid("scs-line")
    inset.add_collection(line, autolim=False)
    # the boxes as they will be drawn (aspects applied), so the name is placed on screen
    ax.apply_aspect()
    locator = inset.get_axes_locator()  # the inset's box follows the map's, placed at draw
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    inset.apply_aspect(locator(inset, renderer) if locator is not None else None)
    _place_label(inset, t("scs_inset", lang), segs)
    inset.set_gid("scs-inset")


def _place_label(inset: Axes, name: str, segs: list[Any]) -> None:
    """The inset's name in the largest size (14 down to 8), on one line or else on two,
    in the first corner (lower right, lower left, upper right) where it stays inside the
    frame and covers no dash of the line; hidden rather than over a dash."""
    import shapely

    renderer = inset.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    to_px = inset.transData.transform
    dashes = shapely.MultiLineString([to_px(s) for s in segs]).buffer(2.0)
    frame = inset.get_window_extent(renderer)
    corners: tuple[tuple[float, float, Literal["left", "right"], Literal["bottom", "top"]],
                   ...] = ((0.97, 0.03, "right", "bottom"), (0.03, 0.03, "left", "bottom"),
                           (0.97, 0.97, "right", "top"))
    label = inset.text(0, 0, name, transform=inset.transAxes, color=INK, zorder=4,
                       linespacing=1.1, bbox={"facecolor": "white", "edgecolor": "none",
                                              "alpha": 0.85, "pad": 1.0})
    label.set_gid("scs-inset-label")

    def fits() -> bool:
        box = label.get_window_extent(renderer).padded(2.0)
        inside = (frame.x0 < box.x0 and box.x1 < frame.x1 and frame.y0 < box.y0
                  and box.y1 < frame.y1)
        return inside and not dashes.intersects(shapely.box(box.x0, box.y0, box.x1, box.y1))

    size = 14.0
    while size >= 8:
        label.set_fontproperties(font(size))
        for text in _name_forms(name):
            label.set_text(text)
            label.set_multialignment("right")
            for x, y, ha, va in corners:
                label.set_position((x, y))
                label.set_horizontalalignment(ha)
                label.set_verticalalignment(va)
                if fits():
                    return
        size -= 0.5
    label.set_visible(False)


def _name_forms(name: str) -> list[str]:
    """The name on one line, then (a name of words) on two, broken nearest the middle."""
    spaces = [i for i, c in enumerate(name) if c == " "]
    if not spaces:
        return [name]
    cut = min(spaces, key=lambda i: abs(2 * i - len(name)))
    return [name, name[:cut] + "\n" + name[cut + 1:]]


def _axes_ratio(ax: Axes) -> float:
    """Height / width of the drawn map inside `ax` (its data box, equal aspect)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return (y1 - y0) / (x1 - x0)


def region_extent(outline: BaseGeometry, ratio: float | None = None
                  ) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) around a projected outline, padded, and widened to a box of
    height / width `ratio` when given (so the neighbours fill a slide's map area)."""
    x0, y0, x1, y1 = outline.bounds
    pad = PAD * max(x1 - x0, y1 - y0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    if ratio is None:
        return x0, y0, x1, y1
    w, h = x1 - x0, y1 - y0
    if h / w < ratio:  # too wide: add height
        grow = (w * ratio - h) / 2
        y0, y1 = y0 - grow, y1 + grow
    else:  # too tall: add width
        grow = (h / ratio - w) / 2
        x0, x1 = x0 - grow, x1 + grow
    return x0, y0, x1, y1


def province_extent(names: Sequence[str], ratio: float
                     ) -> tuple[tuple[float, float, float, float], BaseGeometry] | None:
    """The extent (in the projection) of the named provinces, widened to height / width
    `ratio`, and their projected outline; None when none is named or found (the
    national map then)."""
    from shapely import union_all

    from geodata.boundaries.layers import load_layer

    if not names:
        return None
    layer = load_layer("province", simplified=True)
    shapes = layer[layer["name"].isin(list(names))]
    if shapes.empty:
        return None
    outline = project(union_all(list(shapes.geometry)))
    return region_extent(outline, ratio), outline
