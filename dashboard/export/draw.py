"""Drawing primitives of the slides (matplotlib, object-oriented API only): the canvas
size, the ink colours, the CJK font shipped by `mplfonts` (OFL, never a system font),
shapely polygons as matplotlib paths, the area and point styles of a pilot by source
status, and text that fits a width."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from dashboard.settings import SLIDE_FOOTER_PT

if TYPE_CHECKING:
    from matplotlib.collections import Collection
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Patch
    from matplotlib.path import Path as MplPath


RGB = tuple[float, float, float]


WIDTH_PX, HEIGHT_PX, DPI = 1920, 1080, 100


FONT_FILE = "NotoSansCJKsc-Regular.otf"


FOOTER_PT = SLIDE_FOOTER_PT  # the smallest text of a slide, legible on a projector


INK = "#222222"


MUTED = "#666666"


LAND = "#E6E6E6"


LAND_EDGE = "#FFFFFF"


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


def font(size: float) -> FontProperties:
    from matplotlib.font_manager import FontProperties

    # by family name (the file is registered in font_path), so an SVG names the font
    return FontProperties(family=[font_family()], size=size)


def shade(colour: str, amount: float) -> tuple[float, float, float]:
    """`colour` mixed with black (`amount` > 0) or white (`amount` < 0)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    if amount >= 0:
        return (r * (1 - amount), g * (1 - amount), b * (1 - amount))
    a = -amount
    return (r + (1 - r) * a, g + (1 - g) * a, b + (1 - b) * a)


def polygon_path(geom: object) -> MplPath | None:
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


def area_style(colour: str, status: str) -> AreaStyle:
    """Official: full colour; reported: lighter; unconfirmed: pale, hatched, dashed edge."""
    edge = shade(colour, 0.35)
    if status == "unconfirmed":
        return AreaStyle(shade(colour, -0.55), edge, 1.2, "--", "////", shade(colour, 0.0))
    face = shade(colour, -0.4) if status == "reported" else shade(colour, 0.0)
    return AreaStyle(face, edge, 0.6)


def point_style(colours: list[str], status: str) -> dict[str, Any]:
    kw: dict[str, Any] = {"s": 70, "marker": "o", "edgecolors": INK, "linewidths": 0.9}
    if status == "unconfirmed":
        kw.update(c=[shade(c, -0.55) for c in colours], linestyles="--", linewidths=1.3, s=90)
    elif status == "reported":
        kw.update(c=[shade(c, -0.4) for c in colours])
    else:
        kw.update(c=colours)
    return kw


def text_colour(background: str) -> str:
    """Dark text on a light fill, white on a dark one (by the fill's relative luminance)."""
    from matplotlib.colors import to_rgb

    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in to_rgb(background))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # the crossing where white and #222 give the same contrast
    return INK if luminance > 0.18 else "white"


def fit_lines(fig: Figure, text: str, size: float, max_w: float, sep: str = " · ") -> str:
    """`text` broken at `sep` into lines no wider than `max_w` pixels."""
    # the ignore below: Agg canvases have it; the base type does not
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    prop = font(size)

    def width(s: str) -> float:
        return float(renderer.get_text_width_height_descent(s, prop, ismath=False)[0])

    lines: list[str] = []
    for part in text.split(sep):
        if lines and width(lines[-1] + sep + part) <= max_w:
            lines[-1] = lines[-1] + sep + part
        elif width(part) <= max_w:
            lines.append(part)
        else:  # a source longer than the line: broken where the line is full
            lines.extend(_broken(part, max_w, width))
    return "\n".join(lines)


def _broken(text: str, max_w: float, width: Callable[[str], float]) -> list[str]:
    """`text` in lines no wider than `max_w`, broken after a space or beside a CJK
    character, never inside a Latin word."""
    import re

    out = [""]
    for token in re.findall(r"[^\s\u3000-\u9fff\uff00-\uffef]+\s*|\s+|.", text):
        if out[-1] and width((out[-1] + token).rstrip()) > max_w:
            out[-1] = out[-1].rstrip()
            out.append(token.lstrip())
        else:
            out[-1] += token
    return [line for line in out if line]


def fit_size(fig: Figure, text: str, size: float, max_w: float) -> float:
    # the ignore below: Agg canvases have it; the base type does not
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    while size > 12:
        w = renderer.get_text_width_height_descent(text, font(size), ismath=False)[0]
        if w <= max_w:
            break
        size -= 1
    return size
