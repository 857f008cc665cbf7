"""The text beside a slide's map: the legend with each batch's count, the split of
the pilots by batch as one bar, and the provinces with most pilots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dashboard.export.draw import (
    HEIGHT_PX,
    INK,
    MUTED,
    WIDTH_PX,
    area_style,
    font,
    shade,
    text_colour,
)
from dashboard.i18n import batch_label, province_label, t
from dashboard.map.palette import BATCH_COLOURS, OTHER_COLOUR
from dashboard.settings import SLIDE_TOP_PROVINCES
from dashboard.state import BATCH_YEARS

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure


TOP_PROVINCES = SLIDE_TOP_PROVINCES


def batch_year(frame: gpd.GeoDataFrame, batch: int) -> int | None:
    if "year" in frame.columns:
        years = frame.loc[frame["batch"] == batch, "year"].dropna()
        if len(years):
            return int(years.min())
    return BATCH_YEARS.get(batch)


def batch_text(batch: int, year: int | None, lang: str) -> str:
    short = batch_label(batch, year or 0, lang, short=True)
    if year is None:
        return short
    return f"{short}, {year}" if lang == "en" else f"{short} {year}"


def draw_panel(
    fig: Figure, frame: gpd.GeoDataFrame, batches: Sequence[int], lang: str, x0: float,
    counts: dict[int, str] | None = None, bottom: float = 0.14,
) -> None:
    """Legend with per-batch counts, the batch split bar and the top provinces (or a
    province's pilots), down to `bottom` (a share of the height: the footer's top)."""
    from matplotlib.patches import Ellipse, Rectangle

    px = 1.0 / WIDTH_PX
    py = 1.0 / HEIGHT_PX
    panel_w = 1 - 80 * px - x0
    total = len(frame)

    y = 1 - 210 * py
    fig.text(x0, y, t("slide_legend", lang), color=MUTED, fontproperties=font(15), va="baseline")
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
                edgecolor=shade(colour, 0.35),
                linewidth=0.8,
                transform=fig.transFigure,
            )
        )
        shown = (counts or {}).get(int(b), str(n))  # "显示 11 / 官方 64" where a batch is partial
        label = f"{batch_text(int(b), batch_year(frame, int(b)), lang)} · {shown}"
        fig.text(x0 + 52 * px, y, label, color=INK, fontproperties=font(20), va="baseline")
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
            area_style(grey, kind).apply(rect)
            fig.add_artist(rect)
        fig.text(x0 + 52 * px, y, t(key, lang), color=MUTED, fontproperties=font(14))
        y -= 34 * py

    # counts: total and the split by batch as one bar
    y -= 34 * py
    fig.text(x0, y, t("slide_by_batch", lang), color=MUTED, fontproperties=font(15))
    fig.text(
        x0 + panel_w,
        y,
        t("slide_total", lang, n=total),
        color=INK,
        ha="right",
        fontproperties=font(15),
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
                color=text_colour(colour),
                fontproperties=font(14),
            )
        left += w
    if not total:
        fig.text(x0, y + 6 * py, t("slide_none", lang), color=MUTED, fontproperties=font(14))

    if not total or "province" not in frame.columns:
        return
    if frame["province"].nunique() < 2:  # one province: its pilots by name
        y -= 64 * py
        fig.text(x0, y, t("slide_pilots", lang, n=total), color=MUTED, fontproperties=font(15))
        draw_pilot_names(fig, frame, lang, x0, y - 14 * py, panel_w, bottom=bottom)
        return
    # top provinces, stacked by batch (a ranking needs two provinces)
    y -= 64 * py
    fig.text(x0, y, t("slide_top_provinces", lang), color=MUTED, fontproperties=font(15))
    y -= 20 * py
    draw_top_provinces(fig, frame, batches, lang, x0, y, panel_w, bottom=bottom)


def draw_top_provinces(
    fig: Figure,
    frame: gpd.GeoDataFrame,
    batches: Sequence[int],
    lang: str,
    x0: float,
    top: float,
    width: float,
    bottom: float = 0.0,
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
    ranked = ranked[:max(1, int((top - bottom) / row_h))]  # the rows above the footer
    for i, (prov, n_total) in enumerate(ranked):
        yb = top - (i + 1) * row_h
        fig.text(
            x0,
            yb + 7 * py,
            province_label(str(prov), lang),
            color=INK,
            fontproperties=font(14),
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
        fig.text(left + 8 * px, yb + 7 * py, str(int(n_total)), color=INK, fontproperties=font(14))


def draw_pilot_names(fig: Figure, frame: gpd.GeoDataFrame, lang: str, x0: float, top: float,
                     width: float, *, bottom: float) -> None:
    """The pilots' names with their batch colour, by batch then name, in two columns down
    to `bottom`; the rest counted on the last line."""
    from matplotlib.patches import Rectangle

    from dashboard.map.labels import pilot_label_text

    px, py = 1.0 / WIDTH_PX, 1.0 / HEIGHT_PX
    rows = sorted(((int(r["batch"]), pilot_label_text(r, lang)) for _, r in frame.iterrows()),
                  key=lambda r: (r[0], r[1]))
    row_h, col_w = 30 * py, width / 2
    per_col = max(1, int((top - bottom) / row_h))
    room = 2 * per_col
    shown = rows if len(rows) <= room else rows[:room - 1]
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for k, (batch, name) in enumerate(shown):
        x = x0 + (k // per_col) * col_w
        y = top - (k % per_col + 1) * row_h
        colour = BATCH_COLOURS.get(batch, OTHER_COLOUR)
        fig.add_artist(Rectangle((x, y + 2 * py), 14 * px, 16 * py, facecolor=colour,
                                 edgecolor=shade(colour, 0.35), linewidth=0.6,
                                 transform=fig.transFigure))
        size = 14.0
        label = fig.text(x + 22 * px, y + 2 * py, name, color=INK, fontproperties=font(size))
        while size > 10 and label.get_window_extent(renderer).width > (col_w - 30 * px) * WIDTH_PX:
            size -= 1
            label.set_fontproperties(font(size))
    if len(shown) < len(rows):
        k = len(shown)
        fig.text(x0 + (k // per_col) * col_w + 22 * px, top - (k % per_col + 1) * row_h + 2 * py,
                 t("slide_more", lang, n=len(rows) - len(shown)), color=MUTED,
                 fontproperties=font(13))
