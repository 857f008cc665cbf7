"""How much room text takes in the shipped font (Noto Sans CJK SC, read with fontTools):
advance widths, line height, lines wrapped to a width. The deck sizes its text boxes and
table rows with it, and the deck's geometry test checks them with it.

Wrapping follows what PowerPoint and Impress do closely enough for fitting: a line may
break after a space or beside any CJK character, never inside a Latin word."""

from __future__ import annotations

import re
from functools import cache

from dashboard.export.draw import font_path

# Line height as a multiple of the size: the font's ascender + descender (1160 + 320 of
# 1000 units), which is what single spacing gives in PowerPoint and LibreOffice.
_TOKENS = re.compile(r"[A-Za-z0-9'’.,:;!?%/()\-–·*+]+\s*|\s+|.", re.S)


@cache
def _metrics() -> tuple[dict[int, int], float, float]:
    """(code point → advance in font units, units per em, line height in em)."""
    from fontTools.ttLib import TTFont

    f = TTFont(str(font_path()), lazy=True)
    cmap = f.getBestCmap()
    hmtx = f["hmtx"]
    widths = {cp: hmtx[name][0] for cp, name in cmap.items()}
    upem = float(f["head"].unitsPerEm)
    hhea = f["hhea"]
    line = (hhea.ascent - hhea.descent + hhea.lineGap) / upem
    return widths, upem, line


def width_pt(text: str, size_pt: float) -> float:
    """The advance width of `text` on one line at `size_pt`, in points."""
    widths, upem, _ = _metrics()
    default = upem  # a character the font lacks: a full em, the widest it could be
    return sum(widths.get(ord(c), default) for c in text) * size_pt / upem


def line_pt(size_pt: float) -> float:
    """The height of one line of single-spaced text at `size_pt`, in points."""
    return _metrics()[2] * size_pt


def wrap(text: str, max_pt: float, size_pt: float) -> list[str]:
    """`text` (its own line breaks kept) broken into lines no wider than `max_pt` where
    a break is allowed; a word wider than the line stays whole (and overflows)."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for token in _TOKENS.findall(para):
            if line and width_pt((line + token).rstrip(), size_pt) > max_pt:
                out.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        out.append(line.rstrip())
    return out


def fits(text: str, width: float, height: float, size_pt: float) -> bool:
    """Whether `text` at `size_pt` fits a box of `width` × `height` points: every line
    within the width (no unbreakable overflow) and the lines within the height."""
    lines = wrap(text, width, size_pt)
    return (all(width_pt(line, size_pt) <= width for line in lines)
            and len(lines) * line_pt(size_pt) <= height)


def fit_size(text: str, width: float, height: float, largest: float, smallest: float
             ) -> float:
    """The largest size from `largest` down to `smallest` (by half points) at which
    `text` fits the box; `smallest` when none does (the caller's test then fails)."""
    size = largest
    while size > smallest and not fits(text, width, height, size):
        size -= 0.5
    return size
