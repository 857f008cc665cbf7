"""Reading a list costs work linear in its length, bounded per item and per list: a
hostile paste (安平县和 repeated) is answered, never a core tied up or a RecursionError."""

from __future__ import annotations

import time

import pytest

from geodata.basics import settings
from geodata.geocode.geocoder import MATCHED, UNMATCHED, Geocoder
from geodata.geocode.reasons import LIST_OVER_BUDGET, OVER_BUDGET, reason_text
from geodata.lists.items import items_of
from geodata.lists.published import geocode_lines, iter_geocode_lines
from geodata.lists.reader import Reader

GC = Geocoder()

# every separator and conjunction a list is read at, after a real unit, as a paste
# repeats it: 和 及 与 以及 、 brackets dashes counts spaces
UNITS = [
    "安平县和",
    "安平县及",
    "安平县与",
    "安平县以及",
    "安平县、",
    "安平县（",
    "（安平县）",
    "石家庄市（鹿泉区、栾城区）",
    "安平县—",
    "安平县-",
    "安平县、深州市两县",
    "安平县等5市",
    "安平县 ",
]


def _steps_and_time(text: str) -> tuple[int, float, int]:
    """(steps, CPU seconds, items) of reading `text` as one pasted line: this process's
    CPU time, not the wall clock, so other work on a shared machine does not count, and
    the best of three, so a pause (a collection, a cold cache) weighs less."""
    best = float("inf")
    steps = 0
    for _ in range(3):
        rd = Reader(GC)
        t0 = time.process_time()
        results = list(iter_geocode_lines([text], reader=rd))
        best = min(best, time.process_time() - t0)
        steps = rd.spent
        assert results
    return steps, best, len(list(items_of([text], GC)))


@pytest.mark.parametrize("unit", UNITS)
def test_work_per_item_stays_flat_up_to_the_item_cap(unit: str) -> None:
    # many items: the unit joined eight times over, then a separator, up to the item cap
    # (the per-list budget may end the work early: then later items cost less, not more)
    item = unit * 8 + "、"
    small = item * 100
    large = item * (settings.UPLOAD_MAX_ITEMS // 8)
    s_steps, s_time, s_items = _steps_and_time(small)
    l_steps, l_time, l_items = _steps_and_time(large)
    assert l_items > 10 * s_items
    assert l_steps / l_items <= 1.05 * s_steps / s_items + 1
    assert (l_time / l_items) / (s_time / s_items) < 5  # quadratic would be ~×25


@pytest.mark.parametrize("unit", UNITS)
def test_one_long_line_costs_time_linear_in_its_length(unit: str) -> None:
    # the paste of the issue: one line, no separator but the unit's own, 4 KB against
    # 64 KB; an item's work is bounded, what is left grows with the text, no faster
    short = unit * (4 * 1024 // len(unit.encode()))
    long = unit * (64 * 1024 // len(unit.encode()))
    _, s_time, _ = _steps_and_time(short)
    l_steps, l_time, l_items = _steps_and_time(long)
    assert l_steps <= settings.ITEM_WORK_MAX * l_items
    assert l_time / 64 < 5 * max(s_time, 0.002) / 4  # quadratic would be ~×16


def test_the_paste_of_the_issue_is_unmatched_with_its_reason() -> None:
    for n in (640, 1280, 16_384):  # 43 s, a RecursionError, and beyond, before
        results = geocode_lines(["安平县和" * n], GC)
        assert len(results) == 1
        assert results[0].status == UNMATCHED and results[0].reason == OVER_BUDGET
        assert results[0].input == "安平县和" * n
    assert reason_text(OVER_BUDGET, "zh") != OVER_BUDGET != reason_text(OVER_BUDGET, "en")
    assert reason_text(LIST_OVER_BUDGET, "zh") != reason_text(LIST_OVER_BUDGET, "en")


def test_joined_units_are_each_split_once() -> None:
    results = geocode_lines(["安平县和深州市和饶阳县以及武强县"], GC)
    assert [r.adcode for r in results] == ["131125", "131182", "131124", "131123"]
    assert all(r.status == MATCHED for r in results)
    assert [r.note.count("split at") for r in results] == [1, 1, 1, 1]
    # a long but honest joined item reads whole: the budget is for hostile ones
    many = "和".join(["安平县", "深州市", "饶阳县", "武强县"] * 10)
    assert [r.status for r in geocode_lines([many], GC)] == [MATCHED] * 40


def test_past_the_list_budget_the_rest_is_unmatched_and_reading_goes_on() -> None:
    lines = ["安平县", "深州市", "饶阳县", "武强县"]
    results = list(iter_geocode_lines(lines, reader=Reader(GC, list_work=2)))
    assert [r.status for r in results[:2]] == [MATCHED, MATCHED]
    assert [(r.status, r.reason) for r in results[2:]] == [(UNMATCHED, LIST_OVER_BUDGET)] * 2
    assert [r.input for r in results] == lines  # nothing lost: every item has its row


def test_an_item_over_budget_leaves_the_next_items_read() -> None:
    results = geocode_lines(["安平县和" * 300 + "、深州市、饶阳县"], GC)
    assert [r.reason for r in results] == [OVER_BUDGET, "", ""]
    assert [r.adcode for r in results[1:]] == ["131182", "131124"]
