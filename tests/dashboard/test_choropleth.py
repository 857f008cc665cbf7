"""Choropleth classes: fixed, inclusive where stated, whole provinces apart."""

from __future__ import annotations

import pytest

from dashboard.map import choropleth as ch
from dashboard.map.palette import CLASS_COLOURS, EMPTY_FILL, WHOLE_PROVINCE_FILL


@pytest.mark.parametrize(("n", "cls"), [(0, None), (1, 0), (2, 1), (3, 2), (4, 3), (5, 3),
                                        (6, 4), (8, 4), (9, 5), (40, 5)])
def test_count_classes(n: int, cls: int | None) -> None:
    assert ch.count_class(n) == cls


@pytest.mark.parametrize(("share", "cls"), [(0.0, None), (0.001, 0), (0.05, 0), (0.0501, 1),
                                            (0.1, 1), (0.2, 2), (0.25, 3), (0.3, 3),
                                            (0.31, 4), (0.5, 4), (0.51, 5), (1.0, 5)])
def test_share_classes_upper_end_inclusive(share: float, cls: int | None) -> None:
    assert ch.share_class(share) == cls


def test_whole_province_is_its_own_class_not_count_one() -> None:
    whole = ch.ProvinceValue(count=1, covered=95, total=95, whole=True)
    single = ch.ProvinceValue(count=1, covered=1, total=95, whole=False)
    for measure in ch.MEASURES:
        assert ch.fill_of(ch.class_of(whole, measure)) == WHOLE_PROVINCE_FILL
        assert ch.fill_of(ch.class_of(single, measure)) in CLASS_COLOURS
    assert WHOLE_PROVINCE_FILL not in CLASS_COLOURS
    assert ch.fill_of(ch.class_of(ch.ProvinceValue(0, 0, 90, False), "count")) == EMPTY_FILL


def test_legend_lists_the_classes_used_and_the_whole_category() -> None:
    values = {"a": ch.ProvinceValue(3, 10, 100, False), "b": ch.ProvinceValue(1, 5, 5, True)}
    rows = ch.legend_rows(values, "count")
    assert rows[0] == (EMPTY_FILL, "none")
    assert [label for _, label in rows[1:]] == ["1", "2", "3", "whole"]
    share_rows = ch.legend_rows(values, "share")
    assert [label for _, label in share_rows[1:]] == ["≤ 5%", "5%–10%", "whole"]


def test_real_registry_jiangsu_and_anhui_are_whole(registry) -> None:
    values = ch.province_values(registry)
    assert values["320000"].whole and values["340000"].whole
    assert not values["330000"].whole
    zj = values["330000"]
    assert 0 < zj.covered < zj.total  # Zhejiang: some counties, not all
    # a prefecture pilot covers every county-level unit of it
    assert values["440000"].covered >= 1


