"""The deck's native tables: their cells, and their layout worked out from the font's
metrics (text_fit) so that every row is as tall as its text needs and a table longer
than the room is split into columns and onto further slides, never run off a slide."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from pptx.util import Inches

from dashboard.escape import printable
from dashboard.export import facts
from dashboard.export.deck_template import style
from dashboard.export.text_fit import line_pt, width_pt, wrap
from dashboard.i18n import batch_label, province_label, t
from dashboard.settings import DECK_CELL_MARGIN_PT
from dashboard.state import BATCH_CHOICES

if TYPE_CHECKING:
    import pandas as pd

PT_PER_IN = Inches(1).pt  # 72
CELL_MARGIN_LR_PT, CELL_MARGIN_TB_PT = DECK_CELL_MARGIN_PT
HEADER_FILL, BAND_FILL, TOTAL_FILL = "DCE6F2", "FFFFFF", "EEF2F8"


@dataclass(frozen=True)
class Table:
    """Cells (row 0 the header) and the share of the width each column takes."""

    cells: list[list[str]]
    shares: tuple[float, ...]
    total_row: bool = False  # the last row is a totals row (bold)


def province_table(pilots: pd.DataFrame, provinces: Sequence[str] = ()) -> pd.DataFrame:
    """Provinces × batches with totals (the app's tallies), provinces with pilots only
    unless `provinces` names them."""
    from dashboard.tallies import province_tallies
    from geodata.boundaries.layers import load_layer

    layer = load_layer("province", simplified=True)
    rows = [(str(a), str(n)) for a, n in zip(layer["adcode"], layer["name"], strict=True)]
    if provinces:
        rows = [r for r in rows if r[1] in set(provinces)]
    table = province_tallies(pilots, rows)
    if not provinces:
        table = table[table["total"] > 0]
    return table.reset_index(drop=True)


def tally_cells(table: pd.DataFrame, lang: str, counts: Sequence[facts.BatchCount]
                ) -> list[list[str]]:
    """Header, one row per province, and the totals row, as the table's text."""
    from dashboard.state import BATCH_YEARS
    from dashboard.tallies import BATCH_COLUMNS, with_totals

    partial = {c.batch for c in counts if not c.complete}
    head = [t("col_province", lang)] + [
        batch_label(b, BATCH_YEARS[b], lang, short=True) + (" *" if b in partial else "")
        for b in BATCH_CHOICES  # the tallies' batch columns, "1 or 2" included
    ] + [t("col_total", lang)]
    full = with_totals(table, t("totals_row", lang))
    body = [[province_label(str(r["province"]), lang)]
            + [str(int(r[c])) for c in BATCH_COLUMNS] + [str(int(r["total"]))]
            for _, r in full.iterrows()]
    return [head, *body]


def tally_table(cells: list[list[str]]) -> Table:
    n = len(cells[0]) - 1
    return Table(cells, (0.3, *([0.7 / n] * n)), total_row=True)


def pilot_table(pilots: pd.DataFrame, lang: str) -> Table:
    """A province's pilots: name as published, batch, level, source status."""
    from dashboard.i18n import value_label
    from dashboard.map.labels import pilot_label_text
    from dashboard.state import BATCH_YEARS

    rows = sorted(pilots.iterrows(), key=lambda r: (int(r[1]["batch"]),
                                                    str(r[1].get("name_published", ""))))
    body = []
    for _, row in rows:
        r = cast(Mapping[str, Any], row)
        name = str(r.get("name_published") or "") if lang == "zh" else pilot_label_text(r, lang)
        b = int(r["batch"])
        body.append([name or pilot_label_text(r, lang),
                     batch_label(b, BATCH_YEARS.get(b, 0), lang, short=True),
                     value_label("level", str(r.get("level") or ""), lang),
                     value_label("status", str(r.get("status") or "official"), lang)])
    head = [t("col_pilot", lang), t("col_batch", lang), t("col_level", lang),
            t("col_status", lang)]
    return Table([head, *body], (0.46, 0.18, 0.18, 0.18))


def row_heights(table: Table, width_in: float, size: float) -> list[float]:
    """Each row's height in inches: its tallest cell's wrapped lines at `size`."""
    widths = [width_in * share * PT_PER_IN - 2 * CELL_MARGIN_LR_PT for share in table.shares]
    out = []
    for row in table.cells:
        lines = max(len(wrap(text, w, size)) for text, w in zip(row, widths, strict=True))
        out.append((lines * line_pt(size) + 2 * CELL_MARGIN_TB_PT) / PT_PER_IN)
    return out


def cells_fit(table: Table, width_in: float, size: float) -> bool:
    """Whether every cell's words fit its column's width at `size` (none overflows)."""
    widths = [width_in * share * PT_PER_IN - 2 * CELL_MARGIN_LR_PT for share in table.shares]
    return all(width_pt(line, size) <= w for row in table.cells
               for text, w in zip(row, widths, strict=True) for line in wrap(text, w, size))


def split(table: Table, width_in: float, height_in: float, size: float) -> list[Table]:
    """The table cut into parts that fit `height_in`, each with the header; the totals
    row stays with the part it ends."""
    heights = row_heights(table, width_in, size)
    head, body = table.cells[0], table.cells[1:]
    parts: list[Table] = []
    rows: list[list[str]] = []
    used = heights[0]
    for row, h in zip(body, heights[1:], strict=True):
        if rows and used + h > height_in:
            parts.append(Table([head, *rows], table.shares))
            rows, used = [], heights[0]
        rows.append(row)
        used += h
    parts.append(Table([head, *rows], table.shares, total_row=table.total_row))
    return parts


def add_table(slide: Any, table: Table, left: float, top: float, width: float, size: float,
              lang: str) -> float:
    """The table as a native, editable PowerPoint table; returns its height (inches)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Inches, Pt

    heights = row_heights(table, width, size)
    n_rows, n_cols = len(table.cells), len(table.cells[0])
    shape = slide.shapes.add_table(n_rows, n_cols, Inches(left), Inches(top), Inches(width),
                                   Inches(sum(heights)))
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = False
    for j, share in enumerate(table.shares):
        grid.columns[j].width = Inches(width * share)
    last = n_rows - 1 if table.total_row else -1
    for i, row in enumerate(table.cells):
        grid.rows[i].height = Inches(heights[i])
        for j, text in enumerate(row):
            cell = grid.cell(i, j)
            cell.text = printable(text)
            cell.margin_left = cell.margin_right = Pt(CELL_MARGIN_LR_PT)
            cell.margin_top = cell.margin_bottom = Pt(CELL_MARGIN_TB_PT)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(
                HEADER_FILL if i == 0 else TOTAL_FILL if i == last else BAND_FILL)
            style(cell.text_frame, size, lang=lang, bold=i in (0, last), colour="222222")
            if j and table.shares[0] < 0.4:  # counts: right-aligned
                cell.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    return sum(heights)
