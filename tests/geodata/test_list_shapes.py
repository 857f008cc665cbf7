"""List shapes that bench/list_forms.py measures (the same items re-rendered in the forms
real pages give them): bullets, numbered province lines, province lines above items
that repeat the province, a spreadsheet row pasted with its tabs, names run together,
heads within heads, a numbered grid flattened after a bracket. Each with the case that
must stay without an answer (never in another province than the context, never a guess)."""

from __future__ import annotations

import pytest

from geodata.geocode.geocoder import MATCHED, UNMATCHED, Geocoder
from geodata.lists.published import geocode_lines


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder()


def answers(lines: list[str], gc: Geocoder) -> list[tuple[str, str]]:
    return [(r.status, r.adcode) for r in geocode_lines(lines, gc)]


# -- bullets ------------------------------------------------------------------------------
def test_markdown_and_plain_text_bullets_are_no_part_of_the_name(gc: Geocoder) -> None:
    lines = ["- 北京市顺义区", "* 延庆区", "+ 平谷区", "-  密云区"]
    assert [a for _, a in answers(lines, gc)] == ["110113", "110119", "110117", "110118"]


def test_a_bullet_does_not_hide_a_failed_chain(gc: Geocoder) -> None:
    assert answers(["- 北京市丁青县"], gc) == [(UNMATCHED, "")]
    # a dash inside a line still joins a unit to the one it lies in
    assert answers(["长沙——宁乡市"], gc) == [(MATCHED, "430182")]


# -- numbered province lines --------------------------------------------------------------
def test_provinces_numbered_1_2_3_are_items_of_a_list(gc: Geocoder) -> None:
    lines = ["1. 上海", "2. 天津", "3. 重庆", "4. 沈阳"]
    assert [a for _, a in answers(lines, gc)] == ["310000", "120000", "500000", "210100"]


def test_a_numbered_province_above_its_items_still_heads_them(gc: Geocoder) -> None:
    assert answers(["1. 河北省", "唐山市", "迁西县"], gc) == [
        (MATCHED, "130200"), (MATCHED, "130227")]


def test_a_section_numbered_in_chinese_is_a_fence(gc: Geocoder) -> None:
    # 二、北京市 heads its section: 丁青县 (西藏's) is not answered inside it
    assert answers(["二、北京市", "1. 丁青县"], gc) == [(UNMATCHED, "")]


# -- a province line above items that repeat it ------------------------------------------
def test_a_province_line_above_items_that_name_it_again_is_their_header(gc: Geocoder) -> None:
    assert answers(["河北省", "河北省唐山市、河北省邯郸市"], gc) == [
        (MATCHED, "130200"), (MATCHED, "130400")]


def test_a_province_line_above_another_province_stays_an_item(gc: Geocoder) -> None:
    assert answers(["北京市", "天津市和平区"], gc) == [(MATCHED, "110000"), (MATCHED, "120101")]
    assert answers(["河北省", "河北省丁青县"], gc) == [(UNMATCHED, "")]


# -- a spreadsheet row pasted with its tabs -----------------------------------------------
def test_a_province_cell_heads_the_name_cells_of_its_row(gc: Geocoder) -> None:
    lines = ["1\t北京市\t北京市平谷区\t2017", "2\t河北省\t唐山市\t2017",
             "3\t天津市\t和平区\t2016年"]
    assert [a for _, a in answers(lines, gc)] == ["110117", "130200", "120101"]


def test_a_province_cell_is_a_fence_for_its_row(gc: Geocoder) -> None:
    assert answers(["3\t河北省\t丁青县\t2017"], gc) == [(UNMATCHED, "")]


def test_rank_and_year_cells_are_no_items(gc: Geocoder) -> None:
    # the province after the name is where it lies, as in a table's province column
    assert answers(["1\t张家港市\t江苏省\t2017"], gc) == [(MATCHED, "320582")]
    assert answers(["1\t2017\t3"], gc) == []


# -- heads within heads -------------------------------------------------------------------
def test_each_head_before_a_colon_narrows_the_next(gc: Geocoder) -> None:
    rs = geocode_lines(["64\t河北省\t承德市：宽城县城\t2017", "名单如下：承德市：宽城县城"], gc)
    assert [r.adcode for r in rs] == ["130827", "130827"]


def test_a_head_within_a_head_is_a_fence_too(gc: Geocoder) -> None:
    assert answers(["河北省：承德市：丁青县"], gc) == [(UNMATCHED, "")]


# -- names run together -------------------------------------------------------------------
def test_a_run_of_cities_of_one_province_is_a_list(gc: Geocoder) -> None:
    # 赤壁 lies in 咸宁, not in 黄冈 before it: in a run of names, the next name
    rs = geocode_lines(["孝感市应城市松滋市黄冈市赤壁市潜江市天门市"], gc)
    assert [r.adcode for r in rs] == [
        "420900", "420981", "421087", "421100", "421281", "429005", "429006"]


def test_a_run_stays_no_answer_where_a_name_leaves_the_province(gc: Geocoder) -> None:
    # 丁青县 lies in 西藏: after 唐山市 it is a chain that fails, in a run or not
    assert answers(["唐山市丁青县邯郸市"], gc) == [(UNMATCHED, "")]
    assert answers(["北京市丁青县"], gc) == [(UNMATCHED, "")]


def test_two_names_that_fail_as_a_path_are_not_split(gc: Geocoder) -> None:
    # 温州市龙泉市: a path written wrong as likely as two names; no answer either way
    assert answers(["温州市龙泉市"], gc) == [(UNMATCHED, "")]


def test_names_run_together_beat_a_town_no_list_knows(gc: Geocoder) -> None:
    # read whole, 锦州市 + a town "庄河市北镇" of 锦州 that no township list has
    rs = geocode_lines(["锦州市庄河市北镇市凌海市"], gc)
    assert [(r.status, r.adcode) for r in rs] == [
        (MATCHED, "210700"), (MATCHED, "210283"), (MATCHED, "210782"), (MATCHED, "210781")]


def test_a_town_no_list_knows_stays_approximate_when_no_names_divide_it(gc: Geocoder) -> None:
    r = geocode_lines(["锦州市凌海市某某镇"], gc)[0]
    assert r.adcode.startswith("2107") and r.status != MATCHED


def test_a_long_autonomous_name_is_a_piece_of_a_run(gc: Geocoder) -> None:
    rs = geocode_lines(["铜仁市黔南布依族苗族自治州"], gc)
    assert [r.adcode for r in rs] == ["520600", "522700"]


# -- a numbered grid flattened into one line ----------------------------------------------
def test_numbering_after_a_bracket_separates_items(gc: Geocoder) -> None:
    rs = geocode_lines(["1.秦皇岛市卢龙县石门镇(zhèn) 2.保定市高阳县庞口镇(zhèn) 3.衡水市武强县"],
                       gc)
    assert [r.adcode for r in rs] == ["130324", "130628", "131123"]
