"""Forms fresh lists broke (issue 17's classes), each with the case it must not answer."""

from __future__ import annotations

from geodata.geocoder import AMBIGUOUS, MATCHED, UNMATCHED, Geocoder
from geodata.lists import geocode_lines

GC = Geocoder()


def _read(line: str) -> list[tuple[str, str, str]]:
    return [(r.input, r.status, r.adcode) for r in geocode_lines([line], GC)]


# -- class 6: a bare name that is a prefecture-level city and districts elsewhere ----------
def test_in_a_list_of_cities_a_bare_name_is_the_city_with_its_alternatives_kept() -> None:
    rows = geocode_lines(["杭州市、苏州市、福州市、广州市、朝阳"], GC)
    r = rows[-1]
    assert (r.status, r.adcode) == (MATCHED, "211300")
    assert {"110105", "220104"} <= {c.split()[0] for c in r.candidates.split(" | ")}
    assert "city_in_city_list" in {n.code for n in r.notes}


def test_a_bare_name_stays_ambiguous_outside_a_list_of_cities() -> None:
    # a list of counties: 朝阳 is not read as the city
    assert _read("江阴市、昆山市、义乌市、慈溪市、朝阳")[-1][1] == AMBIGUOUS
    # 海南 is a province and a prefecture (青海's): no city to prefer
    assert _read("沈阳市、大连市、鞍山市、抚顺市、长春市、海南")[-1][1] == AMBIGUOUS


# -- names run together, a numbered grid in one line, pinyin inside a name ----------------
def test_names_run_together_are_read_apart_when_they_divide_one_way() -> None:
    assert _read("南京沈阳天津") == [
        ("南京", MATCHED, "320100"), ("沈阳", MATCHED, "210100"), ("天津", MATCHED, "120000")]
    # no division into names: one unmatched item, nothing guessed
    assert _read("火星沈阳") == [("火星沈阳", UNMATCHED, "")]


def test_a_numbered_grid_flattened_into_a_line_is_a_list() -> None:
    assert [a for _, _, a in _read("1.北京7.杭州13.開封")] == ["110000", "330100", "410200"]
    # numbers that are no numbering stay: 莲花3县 is 莲花 with its count
    assert _read("安吉2号")[0][1] == UNMATCHED


def test_pinyin_inside_a_name_is_dropped() -> None:
    assert [a for _, _, a in _read("衢qu州市、開fēng封")] == ["330800", "410200"]
    assert _read("qu州")[0][1] == UNMATCHED  # pinyin for a character: no name left
