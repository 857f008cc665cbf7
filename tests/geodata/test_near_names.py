"""Class 5 of issue 17, near names: a one-character slip to a character that sounds the
same or looks alike (its four-corner code) beats one that does not; the slip is measured
on the stem and former names count; two candidates equally close stay ambiguous."""

from __future__ import annotations

import pytest

from geodata.geocode.geocoder import AMBIGUOUS, APPROXIMATE, UNMATCHED, Geocoder
from geodata.geocode.near_names import ALIKE, CLOSE, SAME_SOUND, closeness, pick, slip_of
from geodata.lists.published import geocode_lines


@pytest.fixture(scope="module")
def gc() -> Geocoder:
    return Geocoder()


def test_the_slip_is_measured_on_the_stem_or_the_whole_name() -> None:
    assert slip_of("郭城县", "郓城县") == ("郭", "郓")
    assert slip_of("毫州", "亳州市") == ("毫", "亳")  # written bare
    assert slip_of("江凝县", "江宁区") == ("凝", "宁")  # a 县 since made a 区
    assert slip_of("台山布", "台山市") == ("布", "市")  # the type word garbled
    assert slip_of("全县", "滦县") is None  # a one-character stem is no name
    assert slip_of("苏丁县", "江宁区") is None  # two characters off


def test_closeness_weighs_sound_then_shape() -> None:
    assert closeness("闽候县", "闽侯县") == SAME_SOUND  # 候/侯 hou
    assert closeness("毫州", "亳州市") == 5  # the same four-corner code, 00714
    assert closeness("深阳市", "溧阳市") == 4  # 37194 / 31194
    assert closeness("深阳市", "丹阳市") < ALIKE
    assert closeness("迁西市", "迁西县") == 0  # a slip of the type word tells no unit
    assert closeness("华山", "花山区", by_sound=False) < CLOSE  # hua/hua, but unalike


def test_pick_takes_the_one_closest_and_refuses_ties() -> None:
    named = [("320481", "溧阳市"), ("321181", "丹阳市"), ("321322", "沭阳县")]
    # 溧 and 沭 both agree with 深 in 4 digits: the one written with the same 市 is nearer
    assert pick("深阳市", named, strict=True) == ["320481"]
    assert pick("深阳县", named, strict=True) == ["321322"]
    # 郓 郯 鄄 all agree with 郭 in 3 digits (the 阝 on the right): none close enough
    shandong = [("371725", "郓城县"), ("371322", "郯城县"), ("371726", "鄄城县")]
    assert pick("郭城县", shandong, strict=True) == []
    # a two-character name: only the shape counts, the same code, inside a province
    assert pick("毫州", [("341600", "亳州市"), ("341500", "六安市")], strict=True) == [
        "341600"]
    assert pick("毫州", [("341600", "亳州市")], strict=False) == []
    # with no stated context only the shape counts, and must be the same code
    assert pick("闽候县", [("350121", "闽侯县")], strict=False) == ["350121"]  # 27284 both


@pytest.mark.parametrize(
    ("line", "adcode"),
    [
        ("江苏省：深阳市", "320481"),  # 溧阳市 over 沭阳县 and 丹阳市
        ("江苏省：江凝县", "320115"),  # 凝 sounds as 宁: 江宁县, 江宁区 since 2000
        ("安徽省：毫州", "341600"),  # 毫 and 亳 share their four-corner code, 00714
        ("闽候县", "350121"),  # no context: 候 and 侯 share theirs, 27284
    ],
)
def test_a_close_slip_is_read_approximately(gc: Geocoder, line: str, adcode: str) -> None:
    (r,) = geocode_lines([line], gc)
    assert (r.status, r.adcode, r.reason) == (APPROXIMATE, adcode, "near_name"), r.note


def test_equally_close_candidates_are_offered_never_picked(gc: Geocoder) -> None:
    (r,) = geocode_lines(["山东省：郭城县"], gc)  # 郓城县 郯城县 鄄城县, none closer
    assert (r.status, r.adcode, r.reason) == (AMBIGUOUS, "", "near_names")
    offered = [c.split()[0] for c in r.candidates.split(" | ")]
    assert {"371725", "371322", "371726"} <= set(offered)  # the closest come first
    assert "371725" in offered[:4] and "370112" not in offered  # 历城区: 历 is unlike
    (r,) = geocode_lines(["河北省唐山市迁西市"], gc)  # 迁西县 or 迁安市
    assert r.status == AMBIGUOUS


def test_no_answer_when_nothing_is_close(gc: Geocoder) -> None:
    # a mountain: 花山区 sounds the same but does not look alike, and with no province
    # a sound proves nothing
    r = gc.resolve("华山")
    assert (r.status, r.adcode) == (UNMATCHED, "")
    # two characters with no province are no slip, however alike (星 and 里 share their
    # code, 60104: 木星 is a planet, not 木里县); the closest are offered first
    r = gc.resolve("木星")
    assert (r.status, r.adcode) == (UNMATCHED, "")
    r = gc.resolve("毫州")
    assert (r.status, r.adcode) == (UNMATCHED, "")
    assert r.candidates.startswith("341600 安徽省亳州市")
    r = gc.resolve("苏洲")  # 州 and 洲 share a reading, not their code: offered only
    assert (r.status, r.adcode) == (UNMATCHED, "") and "320500" in r.candidates
    (r,) = geocode_lines(["湖南省：彬州"], gc)  # 彬州市 is 陕西's own unit, no slip
    assert (r.status, r.adcode) == (UNMATCHED, "")
