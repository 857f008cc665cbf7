"""The forms table (geodata.geocode.forms): every rule besides a chain of names is a row with its
example and source; readings compete under one key, a tie is ambiguous; a placeholder
never answers; a table's column is read as a pasted list is."""

from __future__ import annotations

import pytest

from geodata.basics.notes import catalogue
from geodata.geocode.answer import AMBIGUOUS, APPROXIMATE, MATCHED, UNMATCHED, Result
from geodata.geocode.forms import FORMS, best_reading, reading_key
from geodata.geocode.geocoder import Geocoder
from geodata.lists.published import geocode_lines, read_column

GC = Geocoder()


@pytest.mark.parametrize("form", FORMS, ids=[f"{f.code}:{f.example}" for f in FORMS])
def test_each_form_reads_its_example_and_says_so(form) -> None:
    assert form.source and form.applies and form.code in catalogue()["note"]
    r = GC.resolve(form.example)
    assert r.status in (MATCHED, APPROXIMATE) and r.adcode, r
    assert form.code in {n.code for n in r.notes}, r.notes


def test_the_surest_reading_wins_then_the_cheapest() -> None:
    a = Result("", APPROXIMATE, adcode="130200")
    b = Result("", MATCHED, adcode="130203")
    assert best_reading("x", [(a, 0), (b, 3)]) is b
    assert reading_key(b, 1) > reading_key(b, 2)


def test_two_readings_tied_at_the_best_key_are_ambiguous_never_picked() -> None:
    a = Result("", MATCHED, adcode="130200", province="河北省", prefecture="唐山市")
    b = Result("", MATCHED, adcode="210200", province="辽宁省", prefecture="大连市")
    r = best_reading("某市", [(a, 1), (b, 1)])
    assert r is not None and r.status == AMBIGUOUS
    assert [c.split()[0] for c in r.candidates.split(" | ")] == ["130200", "210200"]
    # no reading at all: no answer
    assert best_reading("某市", [(Result("", UNMATCHED), 0)]) is None


@pytest.mark.parametrize("text", ["市区", "县城", "本级", "全省"])
def test_a_placeholder_alone_never_answers(text: str) -> None:
    r = GC.resolve(text)
    assert (r.status, r.adcode, r.reason) == (UNMATCHED, "", "placeholder")
    # with its unit it is read: 唐山市区 is 唐山's districts
    assert GC.resolve("唐山市区").members


def test_a_slip_loses_to_a_form_that_reads_the_text() -> None:
    # 唐山市人民政府 is no chain; the government form reads it as 唐山市
    r = GC.resolve("唐山市人民政府")
    assert (r.status, r.adcode) == (MATCHED, "130200")


def test_a_column_is_read_as_a_pasted_list() -> None:
    pasted = [(r.status, r.adcode) for r in geocode_lines(["浙江省安吉、德清两县"], GC)]
    column = [(r.status, r.adcode) for r in read_column(["浙江省安吉、德清两县"], GC)]
    assert column == pasted == [(MATCHED, "330523"), (MATCHED, "330521")]
    rows = read_column(["安吉县和德清县", "唐山市", "", "(1)邯郸市"], GC)
    assert [r.adcode for r in rows] == ["330523", "330521", "130200", "", "130400"]
    assert rows[3].status == UNMATCHED and rows[4].input == "(1)邯郸市"
    # no context from row to row: 朝阳区 alone stays ambiguous after 北京市
    rows = read_column(["北京市", "朝阳区"], GC)
    assert rows[1].status == AMBIGUOUS
