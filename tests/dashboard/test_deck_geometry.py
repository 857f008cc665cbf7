"""The deck's geometry, read back from the .pptx: every shape inside the slide with a
real box, no two overlapping, every placeholder placed, every text fitting its box at
its size by the shipped font's metrics; tables split rather than run off; the file's
own properties; province decks naming their pilots."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pptx import Presentation

from dashboard.export.deck import render_deck
from dashboard.filters import filter_pilots
from dashboard.state import from_query
from geodata.registry.pilots import resolved_registry
from tests.dashboard.deck_geometry import (
    boxes,
    placeholder_problems,
    pt,
    shape_problems,
    text_problems,
)

DAY = date(2026, 11, 27)
VIEWS = {
    "zh-compare": {"compare": "浙江省,湖南省"},
    "en-national": {"lang": "en", "status": "official,reported,unconfirmed"},
    "zh-province": {"province": "浙江省"},
    "en-four": {"province": "浙江省,湖南省,四川省,山东省", "lang": "en"},
}


@pytest.fixture(scope="module")
def frame():
    return resolved_registry(simplified=True)


@pytest.fixture(scope="module", params=list(VIEWS))
def deck(request, frame):
    s = from_query(VIEWS[request.param])
    return s, Presentation(io.BytesIO(render_deck(frame, s, made_on=DAY)))


def test_every_shape_is_inside_the_slide_and_overlaps_none(deck):
    _, prs = deck
    assert shape_problems(prs) == []


def test_every_placeholder_has_a_box(deck):
    _, prs = deck
    assert pt(prs.slide_width) / pt(prs.slide_height) == pytest.approx(16 / 9, rel=1e-3)
    assert placeholder_problems(prs) == []


def test_every_text_fits_its_box_at_its_size(deck):
    _, prs = deck
    assert text_problems(prs) == []


def test_the_checks_can_fail():
    """python-pptx's own template with a 16:9 slide, as the deck once was: titles with no
    box, a 10-inch layout, text with no size, a table off the slide."""
    from pptx.util import Inches, Pt

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.left, slide.shapes.title.width = Inches(0.6), Inches(12)
    slide.shapes.title.text = "分省统计"
    table = slide.shapes.add_table(21, 2, Inches(0.6), Inches(1.45), Inches(4), Inches(5.7))
    for row in table.table.rows:
        row.height = Inches(0.3)
    box = slide.shapes.add_textbox(Inches(0.6), Inches(6.95), Inches(2), Inches(0.3))
    box.text_frame.text = "名单不完整：第一批另有 16 个未确认成员未显示"
    box.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    assert any("overlaps" in p for p in shape_problems(prs))
    assert any("outside" in p for p in shape_problems(prs))
    assert any("no box" in p for p in placeholder_problems(prs))
    assert any("lines at 12.0 pt" in p or "wider" in p for p in text_problems(prs))


def test_core_properties_are_the_decks_own(deck):
    s, prs = deck
    props = prs.core_properties
    assert props.author == "Pilot Atlas" and props.last_modified_by == "Pilot Atlas"
    assert props.created.date() == DAY and props.modified.date() == DAY
    assert props.language == ("zh-CN" if s.lang == "zh" else "en-US")
    assert props.title and props.subject
    assert "Canny" not in str(vars(props)) and props.created.year > 2013


def test_core_dates_are_now_without_a_date_given(frame):
    from datetime import UTC, datetime

    prs = Presentation(io.BytesIO(render_deck(frame, from_query({"batch": "3"}))))
    age = datetime.now(UTC) - prs.core_properties.created.replace(tzinfo=UTC)
    assert abs(age.total_seconds()) < 600


def test_the_comparison_tables_total_row_sits_above_the_maps(frame):
    s = from_query({"compare": "浙江省,湖南省"})
    prs = Presentation(io.BytesIO(render_deck(frame, s, made_on=DAY)))
    slide = next(sl for sl in prs.slides if sl.shapes.title is not None
                 and sl.shapes.title.text.startswith("省份对比"))
    (table,) = [sh for sh in slide.shapes if sh.has_table]
    assert table.table.cell(len(table.table.rows) - 1, 0).text == "合计"
    bottom = pt(table.top) + sum(pt(r.height) for r in table.table.rows)
    maps = [b for b in boxes(prs) if b.name.startswith("Picture") and b.slide ==
            list(prs.slides).index(slide)]
    assert len(maps) == 2 and all(m.top >= bottom for m in maps)


def test_long_tallies_continue_on_a_second_part_never_off_the_slide(deck):
    _, prs = deck
    height = pt(prs.slide_height)
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_table:
                assert pt(sh.top) + sum(pt(r.height) for r in sh.table.rows) <= height - 36


def test_a_province_deck_names_its_pilots(frame):
    s = from_query({"province": "浙江省"})
    prs = Presentation(io.BytesIO(render_deck(frame, s, made_on=DAY)))
    text = "\n".join(b.text for b in boxes(prs))
    pilots = filter_pilots(frame, s)
    assert len(pilots) >= 5
    for name in pilots["name_published"]:
        assert str(name) in text
