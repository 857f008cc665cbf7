"""A 16:9 PowerPoint deck of a view (python-pptx; opens in PowerPoint and WPS).

Slides: a title slide; one map slide per presenting step (2014, 2014–2015, 2014–2016),
each the same drawing as the slide export with known/official counts, and speaker notes;
the province tallies as native, editable tables; a comparison table when provinces are
chosen; the sources.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from dashboard.export import facts
from dashboard.export.build import deck_steps, slide_bytes, step_view
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, province_label, t
from dashboard.settings import DECK_TABLE_ROWS
from dashboard.state import BATCH_CHOICES, ViewState

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from pptx.slide import Slide

WIDTH_IN, HEIGHT_IN = 13.333, 7.5
TABLE_ROWS = DECK_TABLE_ROWS
_LAYOUT_TITLE, _LAYOUT_TITLE_ONLY, _LAYOUT_BLANK = 0, 5, 6


def _batch_years() -> dict[int, int]:
    from dashboard.state import BATCH_YEARS

    return BATCH_YEARS


def province_table(pilots: pd.DataFrame, provinces: Sequence[str] = ()) -> pd.DataFrame:
    """Provinces × batches with totals (the app's tallies), provinces with pilots only
    unless `provinces` names them."""
    from dashboard.tallies import province_tallies
    from geodata.boundaries import load_layer

    layer = load_layer("province", simplified=True)
    rows = [(str(a), str(n)) for a, n in zip(layer["adcode"], layer["name"], strict=True)]
    if provinces:
        rows = [r for r in rows if r[1] in set(provinces)]
    table = province_tallies(pilots, rows)
    if not provinces:
        table = table[table["total"] > 0]
    return table.reset_index(drop=True)


def _header(lang: str, counts: Sequence[facts.BatchCount]) -> list[str]:
    partial = {c.batch for c in counts if not c.complete}
    years = _batch_years()
    return [t("col_province", lang)] + [
        batch_label(b, years[b], lang, short=True) + (" *" if b in partial else "")
        for b in BATCH_CHOICES  # the tallies' batch columns, "1 or 2" included
    ] + [t("col_total", lang)]


def _fill_table(slide: Slide, cells: list[list[str]], left: float, top: float, width: float,
                *, size: int = 12, first_col: float = 0.34) -> None:
    from pptx.util import Inches, Pt

    n_rows, n_cols = len(cells), len(cells[0])
    row_h = 0.3
    shape = slide.shapes.add_table(n_rows, n_cols, Inches(left), Inches(top), Inches(width),
                                   Inches(row_h * n_rows))
    table = shape.table
    table.columns[0].width = Inches(width * first_col)
    rest = (width * (1 - first_col)) / (n_cols - 1)
    for j in range(1, n_cols):
        table.columns[j].width = Inches(rest)
    for i, row in enumerate(cells):
        table.rows[i].height = Inches(row_h)
        for j, text in enumerate(row):
            cell = table.cell(i, j)
            cell.text = text
            para = cell.text_frame.paragraphs[0]
            para.font.size = Pt(size)
            para.font.bold = i == 0 or (i == n_rows - 1 and cells[-1][0] in _TOTAL_LABELS)
            if j:
                from pptx.enum.text import PP_ALIGN

                para.alignment = PP_ALIGN.RIGHT


_TOTAL_LABELS = {t("totals_row", "zh"), t("totals_row", "en")}


def _text(slide: Slide, text: str, left: float, top: float, width: float, height: float,
          *, size: int = 14, colour: str = "444444") -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    for k, line in enumerate(text.split("\n")):
        para = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
        para.text = line
        para.font.size = Pt(size)
        para.font.color.rgb = RGBColor.from_string(colour)


def _title(slide: Slide, text: str) -> None:
    from pptx.util import Pt

    title = slide.shapes.title
    assert title is not None  # the "Title Only" layout has one
    _widen(title)
    title.text = text
    for para in title.text_frame.paragraphs:
        para.font.size = Pt(30)


def _widen(shape: Any) -> None:
    """The default layouts are 4:3 (10 in): stretch a placeholder across the 16:9 slide."""
    from pptx.util import Inches

    shape.left, shape.width = Inches(0.6), Inches(WIDTH_IN - 1.2)


def tally_cells(table: pd.DataFrame, lang: str, counts: Sequence[facts.BatchCount]
                ) -> list[list[str]]:
    """Header, one row per province, and the totals row, as the table's text."""
    from dashboard.tallies import BATCH_COLUMNS, with_totals

    full = with_totals(table, t("totals_row", lang))
    body = [[province_label(str(r["province"]), lang)]
            + [str(int(r[c])) for c in BATCH_COLUMNS] + [str(int(r["total"]))]
            for _, r in full.iterrows()]
    return [_header(lang, counts), *body]


def render_deck(frame: gpd.GeoDataFrame, s: ViewState, *, made_on: date | None = None
                ) -> bytes:
    """The deck of the view `s` as .pptx bytes."""
    from pptx import Presentation
    from pptx.util import Inches

    from geodata.attribution import attribution_lines

    s = s.normalised()
    lang = s.lang
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(WIDTH_IN), Inches(HEIGHT_IN)
    pilots_all = filter_pilots(frame, step_view(s, max(deck_steps(s))))
    counts_all = facts.batch_counts(pilots_all, step_view(s, max(deck_steps(s))))
    notice = facts.caveat(counts_all, lang)

    # title
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE])
    _title(slide, t("app_title", lang))
    _widen(slide.placeholders[1])
    slide.placeholders[1].text = "\n".join(
        [facts.filters_text(s, lang), facts.dates_text(lang, made_on)])

    # one map per step, the slide export's own drawing
    for step in deck_steps(s):
        view = step_view(s, step)
        png = slide_bytes(frame, view, fmt="png", made_on=made_on)
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_BLANK])
        pic = slide.shapes.add_picture(io.BytesIO(png), 0, 0, prs.slide_width, prs.slide_height)
        shown = filter_pilots(frame, view)
        counts = facts.batch_counts(shown, view)
        years = _batch_years()
        described = " · ".join(
            f"{batch_label(c.batch, years[c.batch], lang, short=True)} {facts.count_text(c, lang)}"
            for c in counts)
        pic.element.nvPicPr.cNvPr.set("descr", f"{facts.step_title(view, lang)}: {described}")
        slide.notes_slide.notes_text_frame.text = facts.speaker_notes(shown, view, lang)

    # tallies: native tables, split in two beside each other when long
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
    _title(slide, t("tallies", lang))
    cells = tally_cells(province_table(pilots_all, s.provinces), lang, counts_all)
    head, body = cells[0], cells[1:]
    chunks = [body[i:i + TABLE_ROWS] for i in range(0, len(body), TABLE_ROWS)][:2]
    width = (WIDTH_IN - 1.2 - 0.4 * (len(chunks) - 1)) / max(len(chunks), 1)
    size = 12 if len(body) <= TABLE_ROWS else 11
    for k, chunk in enumerate(chunks):
        _fill_table(slide, [head, *chunk], 0.6 + k * (width + 0.4), 1.45, width, size=size)
    if notice:
        _text(slide, notice, 0.6, HEIGHT_IN - 0.55, WIDTH_IN - 1.2, 0.4, size=12)

    # comparison, when provinces are chosen
    chosen = s.compare if len(s.compare) >= 2 else s.provinces if 2 <= len(s.provinces) <= 4 \
        else ()
    if chosen:
        slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
        _title(slide, t("compare", lang) + " · "
               + t("list_sep", lang).join(province_label(p, lang) for p in chosen))
        compared = filter_pilots(frame, step_view(replace(s, provinces=chosen),
                                                  max(deck_steps(s))))
        cells = tally_cells(province_table(compared, chosen), lang, counts_all)
        _fill_table(slide, cells, 0.6, 1.3, WIDTH_IN - 1.2, size=14, first_col=0.3)
        _region_maps(slide, compared, chosen, lang, top=1.4 + 0.3 * len(cells))
        if notice:
            _text(slide, notice, 0.6, HEIGHT_IN - 0.55, WIDTH_IN - 1.2, 0.4, size=12)

    # sources
    slide = prs.slides.add_slide(prs.slide_layouts[_LAYOUT_TITLE_ONLY])
    _title(slide, t("sources_header", lang))
    lines = list(attribution_lines())
    if notice:
        lines.append(notice)
    lines.append(facts.dates_text(lang, made_on))
    lines.append(t("deck_schematic", lang))
    _text(slide, "\n".join(lines), 0.6, 1.5, WIDTH_IN - 1.2, HEIGHT_IN - 2.0, size=16)

    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()



def _region_maps(slide: Slide, pilots: gpd.GeoDataFrame, chosen: Sequence[str], lang: str,
                 *, top: float) -> None:
    """One small map per compared province, side by side below the table."""
    from pptx.util import Inches

    from dashboard.export.slide import render_region
    from geodata.boundaries import load_layer

    layer = load_layer("province", simplified=True)
    gap = 0.25
    width = (WIDTH_IN - 1.2 - gap * (len(chosen) - 1)) / len(chosen)
    height = HEIGHT_IN - 0.7 - top
    if height < 1.5:
        return
    for k, name in enumerate(chosen):
        shape = layer[layer["name"] == name]
        if shape.empty:
            continue
        png = render_region(pilots[pilots["province"] == name], outline=shape.geometry.iloc[0],
                            title=province_label(name, lang), lang=lang,
                            size_in=(width, height))
        slide.shapes.add_picture(io.BytesIO(png), Inches(0.6 + k * (width + gap)), Inches(top),
                                 Inches(width), Inches(height))
