"""Meeting exports from one drawing: the slide as SVG / PDF, the deck, the standalone map,
and what they claim (known of official, filters named)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date

import pytest

from dashboard.export import facts
from dashboard.export.build import slide_bytes, standalone_map
from dashboard.export.deck import render_deck
from dashboard.export.standalone import leaflet_inline
from dashboard.state import ViewState, from_query
from geodata.registry.pilots import completeness, registry_rows, resolved_registry

DAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def frame():
    return resolved_registry(simplified=True)


@pytest.fixture(scope="module")
def svg(frame) -> str:
    return slide_bytes(frame, from_query({"mode": "present", "step": "2"}), fmt="svg",
                       made_on=DAY).decode("utf-8")


def _official() -> dict[int, int]:
    return {int(c["batch"]): int(c["official_members"]) for c in completeness()}


def test_svg_has_the_inset_and_its_text_as_text(svg):
    assert 'id="scs-inset"' in svg and 'id="scs-line"' in svg
    assert re.search(r"<text[^>]*>南海诸岛</text>", svg)
    assert "未完整显示" not in svg
    # text stays text, in the shipped CJK font, so it can be edited and searched
    assert "font-family: 'Noto Sans CJK SC'" in svg
    assert re.search(r"<text[^>]*>国家新型城镇化综合试点 2014–2015</text>", svg)


def test_svg_line_is_ten_dashes_each_one_stroke(svg):
    group = svg[svg.index('id="scs-line"'):]
    group = group[:group.index("</g>")]
    assert group.count("<path") == 10
    assert "stroke-dasharray" not in group  # a dash pattern would cut a dash in pieces


def test_slide_counts_read_shown_of_official_and_the_footnote_the_hidden(svg):
    # shown by default: official and reported members (never a contradicted one)
    n1 = sum(1 for r in registry_rows()
             if r["batch"] == 1 and r["status"] in ("official", "reported") and r["level"])
    official = _official()
    assert f"显示 {n1} / 官方 {official[1]}" in svg
    # the footnote says how many unconfirmed members are left out, not a second "known"
    hidden1 = sum(1 for r in registry_rows() if r["batch"] == 1 and r["status"] == "unconfirmed")
    assert hidden1 and f"第一批另有 {hidden1} 个未确认成员未显示" in svg
    assert "第一批已知" not in svg
    assert "名单截至" in svg and "2026-11-27" in svg


def test_header_footnote_and_notes_agree(frame):
    """Presenting, slide and deck notes: one known count (what is shown), and the
    footnote's hidden count makes up the rest of the members known."""
    from dashboard.filters import filter_pilots

    for q in ({"mode": "present", "step": "1"}, {"mode": "present", "step": "3", "lang": "en"}):
        s = from_query(q)
        pilots = filter_pilots(frame, s)
        counts = facts.batch_counts(pilots, s)
        line = facts.caveat(counts, s.lang)
        notes = facts.speaker_notes(pilots, s, s.lang)
        c1 = next(c for c in counts if c.batch == 1)
        assert not c1.complete and c1.hidden > 0
        assert c1.shown + c1.hidden == c1.known  # nothing counted twice or lost
        assert str(c1.known) not in re.findall(r"\d+", line)  # no second "known" figure
        assert str(c1.hidden) in re.findall(r"\d+", line)
        assert facts.count_text(c1, s.lang) in notes or s.step != 1
        assert line in notes
    # with unconfirmed members shown, nothing is hidden and the header counts them
    s = from_query({"mode": "present", "status": "official,reported,unconfirmed"})
    counts = facts.batch_counts(filter_pilots(frame, s), s)
    assert all(c.hidden == 0 for c in counts)
    assert "未确认成员未显示" not in facts.caveat(counts, "zh")


def test_filtered_slide_names_its_filters_and_stars_partial_counts(frame):
    s = from_query({"province": "湖南省", "level": "county", "lang": "en"})
    svg = slide_bytes(frame, s, fmt="svg", made_on=DAY).decode("utf-8")
    assert "Hunan · County · unconfirmed members left out" in svg
    assert "(national figures)" in svg
    n = sum(1 for r in registry_rows() if r["batch"] == 1 and r["province"] == "湖南省"
            and r["level"] == "county" and r["status"] != "unconfirmed")
    assert f"{n} *" in svg
    assert "South China" not in svg  # zoomed to the province: no national inset


def test_pdf_embeds_the_font_and_png_is_slide_sized(frame):
    from PIL import Image

    pdf = slide_bytes(frame, ViewState(), fmt="pdf", made_on=DAY)
    assert pdf.startswith(b"%PDF")
    assert b"NotoSansCJKsc" in pdf and b"/FontFile2" in pdf  # embedded, TrueType-flavoured
    png = slide_bytes(frame, ViewState(), fmt="png", made_on=DAY)
    assert Image.open(io.BytesIO(png)).size == (1920, 1080)


def test_step_titles():
    years = {1: 2014, 2: 2015, 3: 2016}
    assert [facts.step_years(s, 2014, years) for s in (1, 2, 3)] == [
        "2014", "2014–2015", "2014–2016"]


def test_a_complete_batch_reads_as_a_plain_count(frame):
    s = from_query({"mode": "present", "step": "3"})
    counts = {c.batch: c for c in facts.batch_counts(frame[frame["status"] != "unconfirmed"], s)}
    assert facts.count_text(counts[3], "zh") == str(_official()[3])
    assert "/" in facts.count_text(counts[1], "zh")


@pytest.fixture(scope="module")
def deck(frame):
    from pptx import Presentation

    s = from_query({"compare": "浙江省,湖南省"})
    return Presentation(io.BytesIO(render_deck(frame, s, made_on=DAY)))


def _tables(slide):
    return [sh.table for sh in slide.shapes if sh.has_table]


def _cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_deck_has_title_maps_tables_comparison_and_sources(deck):
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    slides = list(deck.slides)
    assert len(slides) >= 4
    assert len(slides) == 1 + 3 + 1 + 1 + 1  # title, three steps, tallies, compare, sources
    pictures = [sh for s in slides[1:4] for sh in s.shapes
                if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 3
    assert all(p.image.content_type == "image/png" and len(p.image.blob) > 50_000
               for p in pictures)
    assert "2014–2015" in pictures[1].element.nvPicPr.cNvPr.get("descr")
    notes = slides[1].notes_slide.notes_text_frame.text
    assert "显示" in notes and "官方" in notes
    assert slides[-1].shapes.title.text == "数据来源"
    sources = "\n".join(sh.text_frame.text for sh in slides[-1].shapes if sh.has_text_frame)
    assert "天地图" in sources and "Tianditu" not in sources  # a Chinese deck reads Chinese
    assert "Boundaries" not in sources and "数据来源" in sources


def test_deck_tallies_are_a_native_table_with_the_right_cells(deck):
    tally = next(s for s in deck.slides if s.shapes.title is not None
                 and s.shapes.title.text == "分省统计")
    rows = [r for t in _tables(tally) for r in _cells(t)[1:]]
    header = _cells(_tables(tally)[0])[0]
    # the "batch 1 or 2" group has its own column (issue 7), never folded into batch 1
    assert header == ["省份", "第一批 *", "第二批 *", "第三批", "第一或第二批", "合计"]
    shown = [r for r in registry_rows() if r["status"] in ("official", "reported") and r["level"]]
    by_province = {row[0]: row for row in rows}
    for prov in ("浙江省", "湖南省", "四川省"):
        mine = [r for r in shown if r["province"] == prov]
        expect = [str(sum(1 for r in mine if r["batch"] == b)) for b in (1, 2, 3, 12)]
        assert by_province[prov][1:] == [*expect, str(len(mine))], prov
    assert by_province["合计"][1:] == [
        *(str(sum(1 for r in shown if r["batch"] == b)) for b in (1, 2, 3, 12)), str(len(shown))]


def test_deck_comparison_slide(deck):
    slide = next(s for s in deck.slides if s.shapes.title is not None
                 and s.shapes.title.text.startswith("省份对比"))
    (table,) = _tables(slide)
    names = [row[0] for row in _cells(table)[1:]]
    assert names == ["浙江省", "湖南省", "合计"]
    maps = [sh for sh in slide.shapes if sh.shape_type == 13]  # one small map a province
    assert len(maps) == 2 and all(len(m.image.blob) > 20_000 for m in maps)


def test_standalone_html_inlines_leaflet_and_fetches_nothing(frame):
    # what it draws (the 南海诸岛 inset and its dashed line, the title clear of the layer
    # control) is checked in Chromium: tests/browser/test_layout_browser.py
    html = standalone_map(frame, from_query({"batch": "3", "lang": "en"}))
    inline = leaflet_inline()
    assert inline in html  # Leaflet's own CSS and JS, in the file
    rest = html.replace(inline, "")
    assert not re.search(r"https?://", rest), re.findall(r"https?://\S{0,40}", rest)[:5]
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)
    assert "url(images/" not in html  # Leaflet's images as data: URIs


def test_standalone_html_escapes_names_like_the_app(frame):
    from dashboard.export.standalone import standalone_html
    from dashboard.map.view import MapSpec, build_map
    from geodata.boundaries.layers import load_layer

    rows = frame[frame["batch"] == 3].iloc[:1].copy()
    rows["name_published"] = "<img src=x onerror=alert(1)>{{ 7*7 }}"
    html = standalone_html(build_map(rows, load_layer("province", simplified=True),
                                     spec=MapSpec(asset_base="")), title="<b>x</b>")
    assert "<img src=x" not in html and "{{ 7*7 }}" not in html and "<title><b>" not in html


def test_exports_import_no_streamlit():
    code = ("import sys, dashboard.export.build, dashboard.export.deck, dashboard.export.cli; "
            "assert 'streamlit' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_province_slide_zooms_to_it_without_inset_ranking_or_empty_batches(frame):
    s = from_query({"province": "湖南省", "lang": "en"})
    svg = slide_bytes(frame, s, fmt="svg", made_on=DAY).decode("utf-8")
    assert 'id="scs-inset"' not in svg  # not a national map
    assert "Provinces with most pilots" not in svg  # a one-row ranking says nothing
    shown = {b: sum(1 for r in registry_rows() if r["batch"] == b and r["province"] == "湖南省"
                    and r["status"] in ("official", "reported") and r["level"])
             for b in (1, 2, 3)}
    assert 0 in shown.values()  # the case of the tester: a batch with no member here
    for b, n in shown.items():
        assert (f"Batch {b}, " in svg) == (n > 0)
    national = slide_bytes(frame, ViewState(lang="en"), fmt="svg", made_on=DAY).decode("utf-8")
    assert 'id="scs-inset"' in national and "Provinces with most pilots" in national


def test_province_extent_is_the_province_not_china():
    from dashboard.export.slide_map import province_extent
    from geodata.boundaries.projection import project_xy

    region = province_extent(["湖南省"], 770 / 1160)
    assert region is not None
    x0, y0, x1, y1 = region[0]  # in the slides' Albers projection (metres)
    assert (y1 - y0) / (x1 - x0) == pytest.approx(770 / 1160)
    changsha = project_xy(112.94, 28.23)
    assert x0 < changsha[0] < x1 and y0 < changsha[1] < y1
    beijing = project_xy(116.4, 39.9)
    assert not (x0 < beijing[0] < x1 and y0 < beijing[1] < y1)
    assert province_extent([], 0.66) is None


def test_bar_labels_contrast_with_their_fill():
    from dashboard.export.draw import INK, text_colour
    from dashboard.map.palette import BATCH_COLOURS

    assert text_colour(BATCH_COLOURS[3]) == "white"  # the dark green of batch 3
    assert text_colour(BATCH_COLOURS[1]) == INK  # the orange of batch 1
    assert text_colour("#ffffff") == INK and text_colour("#000000") == "white"


def test_the_english_inset_caption_is_whole(frame):
    """Whole, on one line or two (test_slide_inset: inside the frame, over no dash)."""
    svg = slide_bytes(frame, ViewState(lang="en"), fmt="svg", made_on=DAY).decode("utf-8")
    one = re.search(r"<text[^>]*>South China Sea Islands</text>", svg)
    two = re.search(r"<text[^>]*>South China</text>", svg) and re.search(
        r"<text[^>]*>Sea Islands</text>", svg)
    assert one or two
