"""The slide of a view (1920×1080 PNG, or SVG / PDF), drawn on the server with matplotlib.

For presenters: meetings, projectors, reports, offline. A plain function, no Streamlit:
the app's downloads, the deck and `pilot-atlas slide` all call `render_slide`, so there
is one drawing of the map. The national map carries the 南海诸岛 inset. The CJK font is
the Noto Sans CJK SC file shipped by `mplfonts` (OFL), never a system font. In the SVG
the text stays text (font named), in the PDF the font is embedded. Only the
object-oriented matplotlib API is used (no pyplot); the same input gives the same bytes.

The drawing is in three modules: `draw` (primitives, font, styles), `slide_map` (the
map and its inset) and `slide_panel` (legend, counts, top provinces); this one lays
them out on the page and writes the file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from dashboard.escape import printable
from dashboard.export.draw import (
    DPI,
    FOOTER_PT,
    HEIGHT_PX,
    INK,
    MUTED,
    WIDTH_PX,
    fit_lines,
    fit_size,
    font,
    polygon_path,
)
from dashboard.export.slide_map import draw_map, prepare, province_extent, region_extent
from dashboard.export.slide_panel import draw_panel
from geodata.basics.errors import ExportError
from geodata.boundaries.projection import project

if TYPE_CHECKING:
    import geopandas as gpd
    from shapely.geometry.base import BaseGeometry

    from dashboard.export.facts import BatchCount


Format = Literal["png", "svg", "pdf"]


FORMATS: tuple[str, ...] = ("png", "svg", "pdf")


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

    `frame` is shaped like `geodata.registry.pilots.resolved_registry()` (batch, year, status,
    province, geometry). `counts` (from `dashboard.export.facts.batch_counts`) puts the
    known/official figures in the legend, `caveat` is the one-line footnote on incomplete
    lists, `dates` the data date line, and `source_line` the sources: pass
    `geodata.basics.attribution.attribution_line()`. `provinces` (the view's) zooms the map to
    them, outlined, with no inset (the map is not national). Same input, same bytes.
    """
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from dashboard.export.facts import count_text

    if fmt not in FORMATS:
        raise ExportError(f"unknown slide format '{fmt}'; use png, svg or pdf")
    title, subtitle, caveat, dates, source_line = (
        printable(x) for x in (title, subtitle, caveat, dates, source_line))
    lang = "en" if lang == "en" else "zh"
    batches = tuple(sorted({int(b) for b in batches}))
    data = prepare(frame, batches)

    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    px = 1.0 / WIDTH_PX
    py = 1.0 / HEIGHT_PX
    margin = 80 * px
    text_w = WIDTH_PX - 160

    size = fit_size(fig, title, 36, text_w)
    fig.text(margin, 1 - 58 * py, title, color=INK, va="top", fontproperties=font(size))
    if subtitle:
        sub = fit_size(fig, subtitle, 19, text_w)
        fig.text(margin, 1 - 128 * py, subtitle, color=MUTED, va="top", fontproperties=font(sub))

    # the footer from the bottom up: sources, then the caveat and dates; the map takes
    # the height above it, so a long source list never runs into the map or the caveat
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    source = fit_lines(fig, source_line, FOOTER_PT, text_w)
    top = fig.text(margin, 30 * py, source, color=MUTED, va="bottom",
                   fontproperties=font(FOOTER_PT), linespacing=1.3
                   ).get_window_extent(renderer).y1
    foot = "   ".join(line for line in (caveat, dates) if line)
    if foot:
        lines = fit_lines(fig, foot, 15, text_w, sep="   ")
        top = fig.text(margin, (top + 10) * py, lines, color=INK, va="bottom",
                       fontproperties=font(15), linespacing=1.3
                       ).get_window_extent(renderer).y1
    bottom = max(140.0, top + 14)
    map_h = 910 - bottom

    # map on the left, panel on the right
    ax = fig.add_axes((margin - 20 * px, bottom * py, 1160 * px, map_h * py))
    region = province_extent(provinces, map_h / 1160)
    if region is None:
        draw_map(ax, data, lang)
    else:
        from matplotlib.collections import PathCollection

        draw_map(ax, data, lang, extent=region[0])
        path = polygon_path(region[1])
        if path is not None:
            ax.add_collection(PathCollection([path], facecolors="none", edgecolors=MUTED,
                                             linewidths=1.4, zorder=6), autolim=False)
    draw_panel(fig, data, batches, lang, x0=1300 * px,
                counts={c.batch: count_text(c, lang) for c in counts}, bottom=(top + 16) * py)


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
    """A PNG of the pilots in one region (`outline` in longitude/latitude, e.g. a
    province, drawn darker), with
    its title: the small maps of a comparison. The same drawing as the slide's map."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure

    lang = "en" if lang == "en" else "zh"
    batches = tuple(sorted({int(b) for b in batches}))
    fig = Figure(figsize=size_in, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    shape = project(outline)
    ax = fig.add_axes((0.02, 0.02, 0.96, 0.84))
    draw_map(ax, prepare(frame, batches), lang, extent=region_extent(shape))
    path = polygon_path(shape)
    if path is not None:
        ax.add_collection(PathCollection([path], facecolors="none", edgecolors=MUTED,
                                         linewidths=1.2, zorder=6), autolim=False)
    fig.text(0.03, 0.97, printable(title), color=INK, va="top", fontproperties=font(16))
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, facecolor="white", metadata=_METADATA["png"])
    return buf.getvalue()
