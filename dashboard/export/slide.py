"""The slide of a view (1920×1080 PNG, or SVG / PDF), drawn on the server with matplotlib.

For presenters: meetings, projectors, reports, offline. A plain function, no Streamlit:
the app's downloads, the deck and `pilot-atlas slide` all call `render_slide`, so there
is one drawing of the map. The national map carries the 南海诸岛 inset. The CJK font is
the Noto Sans CJK SC file shipped by `mplfonts` (OFL), never a system font. In the SVG
the text stays text (font named), in the PDF the font is embedded. Only the
object-oriented matplotlib API is used (no pyplot); the same input gives the same bytes.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from dashboard.i18n import batch_label, province_label, t
from dashboard.map_view import BATCH_YEARS
from dashboard.palette import BATCH_COLOURS, OTHER_COLOUR  # one palette for maps and slides
from dashboard.settings import SLIDE_TOP_PROVINCES
from geodata.errors import ExportError

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.axes import Axes
    from matplotlib.collections import Collection
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch
    from matplotlib.path import Path as MplPath
    from shapely.geometry.base import BaseGeometry

    from dashboard.export.facts import BatchCount

RGB = tuple[float, float, float]

WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 100
FONT_FILE = "NotoSansCJKsc-Regular.otf"


INK = "#222222"
MUTED = "#666666"
LAND = "#E6E6E6"
LAND_EDGE = "#FFFFFF"

LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 73.0, 136.0, 17.0, 54.0
# plate carrée stretched at 35°N: areas look right enough for mainland China
MAP_ASPECT = 1.0 / math.cos(math.radians(35.0))
TOP_PROVINCES = SLIDE_TOP_PROVINCES

Format = Literal["png", "svg", "pdf"]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
INSET_LAND = "#F2F2F2"
INSET_ISLAND = "#8C8C8C"
INSET_LINE = "#3A3A3A"


@cache
def font_path() -> Path:
    """The Noto Sans CJK SC file inside the installed `mplfonts`, registered with matplotlib."""
    from matplotlib import font_manager

    res = files("mplfonts").joinpath("fonts", FONT_FILE)
    path = Path(str(res))
    if not path.is_file():
        raise FileNotFoundError(f"{FONT_FILE} not found in the mplfonts package ({path})")
    font_manager.fontManager.addfont(str(path))
    return path


@cache
def font_family() -> str:
    """The family name inside the shipped font file ('Noto Sans CJK SC')."""
    from matplotlib import font_manager

    return str(font_manager.get_font(str(font_path())).family_name)


def _font(size: float) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    # by family name (the file is registered in font_path), so an SVG names the font
    return FontProperties(family=[font_family()], size=size)


def _shade(colour: str, amount: float) -> tuple[float, float, float]:
    """`colour` mixed with black (`amount` > 0) or white (`amount` < 0)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    if amount >= 0:
        return (r * (1 - amount), g * (1 - amount), b * (1 - amount))
    a = -amount
    return (r + (1 - r) * a, g + (1 - g) * a, b + (1 - b) * a)


def _polygon_path(geom: object) -> MplPath | None:
    """One compound path for a (multi)polygon; rings oriented so holes stay holes."""
    import numpy as np
    import shapely
    from matplotlib.path import Path as MplPath

    geom = shapely.orient_polygons(geom)
    parts = getattr(geom, "geoms", [geom])
    verts: list[np.ndarray] = []
    codes: list[np.ndarray] = []
    for poly in parts:
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            if len(xy) < 3:
                continue
            c = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
            c[0] = MplPath.MOVETO
            c[-1] = MplPath.CLOSEPOLY
            verts.append(xy)
            codes.append(c)
    if not verts:
        return None
    return MplPath(np.concatenate(verts), np.concatenate(codes))


def _batch_year(frame: gpd.GeoDataFrame, batch: int) -> int | None:
    if "year" in frame.columns:
        years = frame.loc[frame["batch"] == batch, "year"].dropna()
        if len(years):
            return int(years.min())
    return BATCH_YEARS.get(batch)


def _batch_text(batch: int, year: int | None, lang: str) -> str:
    short = batch_label(batch, year or 0, lang, short=True)
    if year is None:
        return short
    return f"{short}, {year}" if lang == "en" else f"{short} {year}"


def _prepare(frame: gpd.GeoDataFrame, batches: Sequence[int]) -> gpd.GeoDataFrame:
    if frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    frame = frame[frame["batch"].isin(list(batches))].copy()
    if "status" not in frame.columns:
        frame["status"] = "official"
    frame["status"] = frame["status"].fillna("official").astype(str)
    return frame


# ---------------------------------------------------------------- drawing


def _draw_map(ax: Axes, frame: gpd.GeoDataFrame, batches: Sequence[int], lang: str,
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
    base = [p for p in (_polygon_path(g) for g in provinces.geometry) if p is not None]
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
        path = _polygon_path(row.geometry)
        if path is None:
            continue
        colour = BATCH_COLOURS.get(int(row["batch"]), OTHER_COLOUR)
        coll = PathCollection([path], zorder=z)
        _area_style(colour, str(row["status"])).apply(coll)
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
        kw = _point_style(colours, status)
        ax.scatter(sel.geometry.x, sel.geometry.y, zorder=5, **kw)

    if extent is None:  # a national map
        _draw_inset(ax, lang)


def _draw_inset(ax: Axes, lang: str) -> None:
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
    land = [p for p in (_polygon_path(g) for _, g in inset_land(load_layer(
        "province", simplified=True))) if p is not None]
    inset.add_collection(PathCollection(land, facecolors=INSET_LAND, edgecolors="#A0A0A0",
                                        linewidths=0.5, zorder=1), autolim=False)
    islands = _polygon_path(south_china_sea_islands())
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
                       color=INK, fontproperties=_font(13), zorder=4,
                       bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85,
                             "pad": 1.0})
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    room = 0.9 * inset.get_window_extent(renderer).width
    size = 13.0
    while size > 7 and label.get_window_extent(renderer).width > room:
        size -= 0.5
        label.set_fontproperties(_font(size))
    label.set_gid("scs-inset-label")
    inset.set_gid("scs-inset")


def _axes_ratio(ax: Axes) -> float:
    """Height / width of the drawn map inside `ax` (its data box after the aspect)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    return ((y1 - y0) * MAP_ASPECT) / (x1 - x0)


class AreaStyle(NamedTuple):
    face: RGB
    edge: RGB
    linewidth: float
    linestyle: Literal["-", "--"] = "-"
    hatch: str | None = None
    hatchcolor: RGB | None = None

    def apply(self, artist: Collection | Patch) -> None:
        """Sets fill, edge and hatch on a collection or a patch (same setter names)."""
        artist.set_facecolor(self.face)
        artist.set_edgecolor(self.edge)
        artist.set_linewidth(self.linewidth)
        artist.set_linestyle(self.linestyle)
        if self.hatch and self.hatchcolor is not None:
            artist.set_hatch(self.hatch)
            artist.set_hatchcolor(self.hatchcolor)
            artist.set_hatch_linewidth(0.8)


def _area_style(colour: str, status: str) -> AreaStyle:
    """Official: full colour; reported: lighter; unconfirmed: pale, hatched, dashed edge."""
    edge = _shade(colour, 0.35)
    if status == "unconfirmed":
        return AreaStyle(_shade(colour, -0.55), edge, 1.2, "--", "////", _shade(colour, 0.0))
    face = _shade(colour, -0.4) if status == "reported" else _shade(colour, 0.0)
    return AreaStyle(face, edge, 0.6)


def _point_style(colours: list[str], status: str) -> dict[str, Any]:
    kw: dict[str, Any] = {"s": 70, "marker": "o", "edgecolors": INK, "linewidths": 0.9}
    if status == "unconfirmed":
        kw.update(c=[_shade(c, -0.55) for c in colours], linestyles="--", linewidths=1.3, s=90)
    elif status == "reported":
        kw.update(c=[_shade(c, -0.4) for c in colours])
    else:
        kw.update(c=colours)
    return kw


def _draw_panel(
    fig: Figure, frame: gpd.GeoDataFrame, batches: Sequence[int], lang: str, x0: float,
    counts: dict[int, str] | None = None,
) -> None:
    """Legend with per-batch counts, the batch split bar and the top provinces."""
    from matplotlib.patches import Ellipse, Rectangle

    px = 1.0 / WIDTH_PX
    py = 1.0 / HEIGHT_PX
    panel_w = 1 - 80 * px - x0
    total = len(frame)

    y = 1 - 210 * py
    fig.text(x0, y, t("slide_legend", lang), color=MUTED, fontproperties=_font(15), va="baseline")
    y -= 50 * py
    for b in batches:
        colour = BATCH_COLOURS.get(int(b), OTHER_COLOUR)
        n = int((frame["batch"] == b).sum())
        if not n:  # a batch with no member shown has no place in the legend
            continue
        fig.add_artist(
            Rectangle(
                (x0, y - 4 * py),
                34 * px,
                26 * py,
                facecolor=colour,
                edgecolor=_shade(colour, 0.35),
                linewidth=0.8,
                transform=fig.transFigure,
            )
        )
        shown = (counts or {}).get(int(b), str(n))  # "11 / 64 已知" where a batch is partial
        label = f"{_batch_text(int(b), _batch_year(frame, int(b)), lang)} · {shown}"
        fig.text(x0 + 52 * px, y, label, color=INK, fontproperties=_font(20), va="baseline")
        y -= 44 * py

    # style keys, drawn in neutral grey
    y -= 6 * py
    grey = "#8C8C8C"
    keys: list[tuple[str, str]] = [("area", "slide_key_area"), ("point", "slide_key_point")]
    if (frame["status"] == "reported").any():
        keys.append(("reported", "slide_key_reported"))
    if (frame["status"] == "unconfirmed").any():
        keys.append(("unconfirmed", "slide_key_unconfirmed"))
    for kind, key in keys:
        if kind == "point":
            fig.add_artist(
                Ellipse(
                    (x0 + 17 * px, y + 7 * py),
                    13 * px,
                    13 * py,
                    facecolor=grey,
                    edgecolor=INK,
                    linewidth=0.9,
                    transform=fig.transFigure,
                )
            )
        else:
            rect = Rectangle((x0 + 3 * px, y - 3 * py), 28 * px, 19 * py, transform=fig.transFigure)
            _area_style(grey, kind).apply(rect)
            fig.add_artist(rect)
        fig.text(x0 + 52 * px, y, t(key, lang), color=MUTED, fontproperties=_font(14))
        y -= 34 * py

    # counts: total and the split by batch as one bar
    y -= 34 * py
    fig.text(x0, y, t("slide_by_batch", lang), color=MUTED, fontproperties=_font(15))
    fig.text(
        x0 + panel_w,
        y,
        t("slide_total", lang, n=total),
        color=INK,
        ha="right",
        fontproperties=_font(15),
    )
    y -= 46 * py
    bar_h = 30 * py
    left = x0
    for b in batches:
        n = int((frame["batch"] == b).sum())
        if not n:
            continue
        w = panel_w * n / total
        colour = BATCH_COLOURS.get(int(b), OTHER_COLOUR)
        fig.add_artist(
            Rectangle(
                (left, y),
                w,
                bar_h,
                facecolor=colour,
                edgecolor="white",
                linewidth=1.5,
                transform=fig.transFigure,
            )
        )
        if w > 40 * px:
            fig.text(
                left + w / 2,
                y + bar_h / 2,
                str(n),
                ha="center",
                va="center_baseline",
                color=_text_colour(colour),
                fontproperties=_font(14),
            )
        left += w
    if not total:
        fig.text(x0, y + 6 * py, t("slide_none", lang), color=MUTED, fontproperties=_font(14))

    # top provinces, stacked by batch (not for one province: a one-row ranking)
    if not total or "province" not in frame.columns or frame["province"].nunique() < 2:
        return
    y -= 64 * py
    fig.text(x0, y, t("slide_top_provinces", lang), color=MUTED, fontproperties=_font(15))
    y -= 20 * py
    _draw_top_provinces(fig, frame, batches, lang, x0, y, panel_w)


def _text_colour(background: str) -> str:
    """Dark text on a light fill, white on a dark one (by the fill's relative luminance)."""
    from matplotlib.colors import to_rgb

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(background))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # the crossing where white and #222 give the same contrast
    return INK if luminance > 0.18 else "white"


def _province_extent(names: Sequence[str], ratio: float
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


def _draw_top_provinces(
    fig: Figure,
    frame: gpd.GeoDataFrame,
    batches: Sequence[int],
    lang: str,
    x0: float,
    top: float,
    width: float,
) -> None:
    from matplotlib.patches import Rectangle

    px = 1.0 / WIDTH_PX
    py = 1.0 / HEIGHT_PX
    if frame.empty or "province" not in frame.columns:
        return
    counts = frame.groupby(["province", "batch"]).size().unstack(fill_value=0)
    totals = counts.sum(axis=1)
    ranked = sorted(totals.items(), key=lambda kv: (-int(kv[1]), str(kv[0])))[:TOP_PROVINCES]
    label_w = (190 if lang == "en" else 170) * px
    bar_x = x0 + label_w
    bar_w_max = width - label_w - 40 * px
    biggest = max(int(v) for _, v in ranked)
    row_h = 34 * py
    for i, (prov, n_total) in enumerate(ranked):
        yb = top - (i + 1) * row_h
        fig.text(
            x0,
            yb + 7 * py,
            province_label(str(prov), lang),
            color=INK,
            fontproperties=_font(14),
        )
        left = bar_x
        for b in batches:
            n = int(counts.loc[prov].get(b, 0))
            if not n:
                continue
            w = bar_w_max * n / biggest
            fig.add_artist(
                Rectangle(
                    (left, yb + 5 * py),
                    w,
                    22 * py,
                    facecolor=BATCH_COLOURS.get(int(b), OTHER_COLOUR),
                    edgecolor="white",
                    linewidth=1.0,
                    transform=fig.transFigure,
                )
            )
            left += w
        fig.text(left + 8 * px, yb + 7 * py, str(int(n_total)), color=INK, fontproperties=_font(14))


def _fit_lines(fig: Figure, text: str, size: float, max_w: float, sep: str = " · ") -> str:
    """`text` broken at `sep` into lines no wider than `max_w` pixels."""
    # the ignore below: Agg canvases have it; the base type does not
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    prop = _font(size)

    def width(s: str) -> float:
        return renderer.get_text_width_height_descent(s, prop, ismath=False)[0]

    lines: list[str] = []
    for part in text.split(sep):
        if lines and width(lines[-1] + sep + part) <= max_w:
            lines[-1] = lines[-1] + sep + part
        else:
            lines.append(part)
    return "\n".join(lines)


def _fit_size(fig: Figure, text: str, size: float, max_w: float) -> float:
    # the ignore below: Agg canvases have it; the base type does not
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    while size > 12:
        w = renderer.get_text_width_height_descent(text, _font(size), ismath=False)[0]
        if w <= max_w:
            break
        size -= 1
    return size


# ---------------------------------------------------------------- entry point


def render_slide(
    frame: gpd.GeoDataFrame,
    *,
    title: str,
    subtitle: str = "",
    lang: str = "zh",
    batches: Sequence[int] = (1, 2, 3),
    source_line: str,
    counts: Sequence[BatchCount] = (),
    provinces: Sequence[str] = (),
    caveat: str = "",
    dates: str = "",
    fmt: Format = "png",
) -> bytes:
    """A 1920×1080 slide of the pilots in `frame` (rows of `batches` only), as PNG, SVG
    (text kept as text) or PDF (font embedded).

    `frame` is shaped like `geodata.registry.resolved_registry()` (batch, year, status,
    province, geometry). `counts` (from `dashboard.export.facts.batch_counts`) puts the
    known/official figures in the legend, `caveat` is the one-line footnote on incomplete
    lists, `dates` the data date line, and `source_line` the sources: pass
    `geodata.attribution.attribution_line()`. `provinces` (the view's) zooms the map to
    them, outlined, with no inset (the map is not national). Same input, same bytes.
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from dashboard.export.facts import count_text

    if fmt not in FORMATS:
        raise ExportError(f"unknown slide format '{fmt}'; use png, svg or pdf")
    lang = "en" if lang == "en" else "zh"
    batches = tuple(sorted({int(b) for b in batches}))
    data = _prepare(frame, batches)

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    px = 1.0 / WIDTH_PX
    py = 1.0 / HEIGHT_PX
    margin = 80 * px
    text_w = WIDTH_PX - 160

    size = _fit_size(fig, title, 36, text_w)
    fig.text(margin, 1 - 58 * py, title, color=INK, va="top", fontproperties=_font(size))
    if subtitle:
        sub = _fit_size(fig, subtitle, 19, text_w)
        fig.text(margin, 1 - 128 * py, subtitle, color=MUTED, va="top", fontproperties=_font(sub))

    # map on the left, panel on the right
    ax = fig.add_axes((margin - 20 * px, 140 * py, 1160 * px, 770 * py))
    region = _province_extent(provinces, 770 / 1160)
    if region is None:
        _draw_map(ax, data, batches, lang)
    else:
        from matplotlib.collections import PathCollection

        _draw_map(ax, data, batches, lang, extent=region[0])
        path = _polygon_path(region[1])
        if path is not None:
            ax.add_collection(PathCollection([path], facecolors="none", edgecolors=MUTED,
                                             linewidths=1.4, zorder=6), autolim=False)
    _draw_panel(fig, data, batches, lang, x0=1300 * px,
                counts={c.batch: count_text(c, lang) for c in counts})

    foot = [line for line in (caveat, dates) if line]
    if foot:
        fig.text(margin, 100 * py, "   ".join(foot), color=INK, va="bottom",
                 fontproperties=_font(_fit_size(fig, "   ".join(foot), 15, text_w)))
    source = _fit_lines(fig, source_line, 11, text_w)
    fig.text(margin, 34 * py, source, color=MUTED, va="bottom", fontproperties=_font(11))

    buf = io.BytesIO()
    # text as text in the SVG (the font named, so a designer can edit it) and the font
    # embedded as TrueType-flavoured Type 42 in the PDF; set only for this save
    with rc_context({"svg.fonttype": "none", "pdf.fonttype": 42, "svg.hashsalt": "atlas"}):
        fig.savefig(buf, format=fmt, dpi=DPI, facecolor="white", metadata=_METADATA[fmt])
    return buf.getvalue()


# no dates or versions in the files, so the same input gives the same bytes
_METADATA: dict[str, dict[str, None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None},
}


def render_region(frame: gpd.GeoDataFrame, *, outline: BaseGeometry, title: str,
                  lang: str = "zh", batches: Sequence[int] = (1, 2, 3),
                  size_in: tuple[float, float] = (4.0, 3.5), dpi: int = 200) -> bytes:
    """A PNG of the pilots in one region (`outline`, e.g. a province, drawn darker), with
    its title: the small maps of a comparison. The same drawing as the slide's map."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure

    lang = "en" if lang == "en" else "zh"
    batches = tuple(sorted({int(b) for b in batches}))
    fig = Figure(figsize=size_in, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    lon0, lat0, lon1, lat1 = outline.bounds
    pad = 0.06 * max(lon1 - lon0, lat1 - lat0)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.84))
    _draw_map(ax, _prepare(frame, batches), batches, lang,
              extent=(lon0 - pad, lat0 - pad, lon1 + pad, lat1 + pad))
    path = _polygon_path(outline)
    if path is not None:
        ax.add_collection(PathCollection([path], facecolors="none", edgecolors=MUTED,
                                         linewidths=1.2, zorder=6), autolim=False)
    fig.text(0.03, 0.97, title, color=INK, va="top", fontproperties=_font(16))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", metadata=_METADATA["png"])
    return buf.getvalue()
