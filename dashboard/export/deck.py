"""A 16:9 PowerPoint deck of a view (python-pptx; opens in PowerPoint, WPS and Impress).

Slides: a title slide; one map slide per presenting step (2014, 2014–2015, 2014–2016),
each the same drawing as the slide export with known/official counts, and speaker notes;
a province's pilots by name when the view names provinces; the province tallies as
native, editable tables; a comparison when provinces are chosen; the sources. Built on
the template of `deck_template`; every text box and table row is sized from the font's
metrics (`text_fit`), so nothing runs out of its box or off the slide.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, cast

from dashboard.escape import printable
from dashboard.export import facts
from dashboard.export.build import deck_steps, slide_bytes, step_view
from dashboard.export.deck_tables import (
    PT_PER_IN,
    Table,
    add_table,
    cells_fit,
    pilot_table,
    province_table,
    split,
    tally_cells,
    tally_table,
)
from dashboard.export.deck_template import (
    BOX,
    CONTENT_W,
    MARGIN_IN,
    east_asian_fonts,
    set_properties,
    style,
    template,
)
from dashboard.export.text_fit import fit_size
from dashboard.filters import filter_pilots
from dashboard.i18n import batch_label, province_label, t
from dashboard.settings import DECK_TABLE_GAP_IN
from dashboard.state import ViewState

if TYPE_CHECKING:
    import geopandas as gpd
    from pptx.slide import Slide

# text frame insets (points), set on every frame the deck writes
INSET_LR_PT, INSET_TB_PT = 7.2, 3.6
TABLE_PT = (14.0, 12.0, 11.0)  # table text sizes, largest first, while a table fits
TABLE_GAP_IN = DECK_TABLE_GAP_IN  # between two parts of a table side by side
_LAYOUT = {"cover": "Title Slide", "content": "Title and Content", "title": "Title Only",
           "blank": "Blank"}


def render_deck(frame: gpd.GeoDataFrame, s: ViewState, *, made_on: date | None = None
                ) -> bytes:
    """The deck of the view `s` as .pptx bytes."""
    from pptx.util import Emu

    from geodata.basics.attribution import attribution_lines

    s = s.normalised()
    lang = s.lang
    prs = template()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    last = step_view(s, max(deck_steps(s)))
    pilots_all = filter_pilots(frame, last)
    counts_all = facts.batch_counts(pilots_all, last)
    notice = facts.caveat(counts_all, lang)
    when = (datetime.combine(made_on, time(), tzinfo=UTC) if made_on
            else datetime.now(UTC).replace(microsecond=0))
    set_properties(prs, title=printable(f"{t('app_title', lang)} · {facts.filters_text(s, lang)}"),
                   subject=t("deck_subject", lang), lang=lang, when=when)

    def add(kind: str) -> Slide:
        slide: Slide = prs.slides.add_slide(layouts[_LAYOUT[kind]])
        return slide

    # title
    slide = add("cover")
    _fill(slide.shapes.title, t("app_title", lang), "cover_title", 40, 24, lang)
    _fill(slide.placeholders[1], "\n".join(
        [facts.filters_text(s, lang), facts.dates_text(lang, made_on)]), "cover_subtitle", 24,
        14, lang, colour="555555")

    # one map per step, the slide export's own drawing
    years = facts.batch_years()
    for step in deck_steps(s):
        view = step_view(s, step)
        png = slide_bytes(frame, view, fmt="png", made_on=made_on)
        slide = add("blank")
        pic = slide.shapes.add_picture(io.BytesIO(png), Emu(0), Emu(0), prs.slide_width,
                                       prs.slide_height)
        shown = filter_pilots(frame, view)
        counts = facts.batch_counts(shown, view)
        described = " · ".join(
            f"{batch_label(c.batch, years[c.batch], lang, short=True)} {facts.count_text(c, lang)}"
            for c in counts)
        cast(Any, pic.element).nvPicPr.cNvPr.set(
            "descr", printable(f"{facts.step_title(view, lang)}: {described}"))
        notes = slide.notes_slide.notes_text_frame
        assert notes is not None  # the template's notes master has a body
        notes.text = printable(facts.speaker_notes(shown, view, lang))
        style(notes, 12, lang=lang)

    # a province's pilots by name
    if s.provinces:
        title = t("deck_pilots", lang) + " · " + t("list_sep", lang).join(
            province_label(p, lang) for p in s.provinces)
        _table_slides(add, pilot_table(pilots_all, lang), title, notice, lang, columns=1)

    # tallies: native tables, in columns and over slides as the rows need
    cells = tally_cells(province_table(pilots_all, s.provinces), lang, counts_all)
    _table_slides(add, tally_table(cells), t("tallies", lang), notice, lang, columns=2)

    # comparison, when provinces are chosen
    chosen = s.compare if len(s.compare) >= 2 else s.provinces if 2 <= len(s.provinces) <= 4 \
        else ()
    if chosen:
        slide = add("title")
        _fill(slide.shapes.title, t("compare", lang) + " · " + t("list_sep", lang).join(
            province_label(p, lang) for p in chosen), "title", 30, 18, lang)
        compared = filter_pilots(frame, step_view(replace(s, provinces=chosen),
                                                  max(deck_steps(s))))
        table = tally_table(tally_cells(province_table(compared, chosen), lang, counts_all))
        left, top, width, height = BOX["body"]
        size = next((z for z in TABLE_PT if cells_fit(table, width, z)), TABLE_PT[-1])
        used = add_table(slide, table, left, top, width, size, lang)
        _region_maps(slide, compared, chosen, lang, top=top + used + 0.2,
                     bottom=top + height)
        _footnote(slide, notice, lang)

    # sources
    slide = add("content")
    _fill(slide.shapes.title, t("sources_header", lang), "title", 30, 18, lang)
    lines = list(attribution_lines(lang))
    if notice:
        lines.append(notice)
    lines.append(facts.dates_text(lang, made_on))
    lines.append(t("deck_schematic", lang))
    _fill(slide.placeholders[1], "\n".join(lines), "body", 18, 10, lang, bullets=False)

    east_asian_fonts(prs)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _fill(shape: Any, text: str, box: str, largest: float, smallest: float, lang: str,
          *, colour: str = "222222", bullets: bool = True) -> None:
    """`text` in a placeholder or text box whose box is `BOX[box]`, at the largest size
    that fits it (wrapped, by the font's metrics), with explicit insets and no autofit."""
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    _, _, width, height = BOX[box]
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = Pt(INSET_LR_PT)
    frame.margin_top = frame.margin_bottom = Pt(INSET_TB_PT)
    size = fit_size(text, width * PT_PER_IN - 2 * INSET_LR_PT,
                    height * PT_PER_IN - 2 * INSET_TB_PT, largest, smallest)
    frame.text = printable(text)
    style(frame, size, lang=lang, colour=colour)
    if not bullets:  # a body placeholder indents bulleted paragraphs: none here
        for para in frame.paragraphs:
            para.level = 0
        for ppr in shape.element.xpath(".//a:p/a:pPr"):
            ppr.set("marL", "0")
            ppr.set("indent", "0")
            ppr.insert(0, ppr.makeelement(
                "{http://schemas.openxmlformats.org/drawingml/2006/main}buNone", {}))


def _footnote(slide: Slide, text: str, lang: str) -> None:
    from pptx.util import Inches

    if not text:
        return
    left, top, width, height = BOX["footnote"]
    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    _fill(box, text, "footnote", 12, 9, lang, colour="444444")


def _table_slides(add: Any, table: Table, title: str, notice: str, lang: str, *,
                  columns: int) -> None:
    """`table` on as many slides as it needs, `columns` parts side by side on each, at
    the largest size whose words fit the columns."""
    left, top, width, height = BOX["body"]
    part_w = (width - TABLE_GAP_IN * (columns - 1)) / columns
    # the fewest slides, then the largest text whose words fit the columns
    sizes = [z for z in TABLE_PT if cells_fit(table, part_w, z)] or [TABLE_PT[-1]]
    size = min(sizes, key=lambda z: (-(-len(split(table, part_w, height, z)) // columns), -z))
    parts = split(table, part_w, height, size)
    pages = [parts[i:i + columns] for i in range(0, len(parts), columns)]
    for k, page in enumerate(pages, start=1):
        slide = add("title")
        name = title if len(pages) == 1 else t("deck_continued", lang, title=title, k=k,
                                                 n=len(pages))
        _fill(slide.shapes.title, name, "title", 30, 18, lang)
        for j, part in enumerate(page):
            add_table(slide, part, left + j * (part_w + TABLE_GAP_IN), top, part_w, size, lang)
        _footnote(slide, notice, lang)


def _region_maps(slide: Slide, pilots: gpd.GeoDataFrame, chosen: Sequence[str], lang: str,
                 *, top: float, bottom: float) -> None:
    """One small map per compared province, side by side between the table and the
    footnote."""
    from pptx.util import Inches

    from dashboard.export.slide import render_region
    from geodata.boundaries.layers import load_layer

    layer = load_layer("province", simplified=True)
    gap = 0.25
    width = (CONTENT_W - gap * (len(chosen) - 1)) / len(chosen)
    height = bottom - top
    if height < 1.0:
        return
    for k, name in enumerate(chosen):
        shape = layer[layer["name"] == name]
        if shape.empty:
            continue
        png = render_region(pilots[pilots["province"] == name], outline=shape.geometry.iloc[0],
                            title=province_label(name, lang), lang=lang,
                            size_in=(width, height))
        slide.shapes.add_picture(io.BytesIO(png), Inches(MARGIN_IN + k * (width + gap)),
                                 Inches(top), Inches(width), Inches(height))

