"""Arbitrary text never breaks the geocoder: a row per item, no exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.basics.errors import InputError
from geodata.geocode.geocoder import COLUMNS, Geocoder
from geodata.lists.inputs import parse_bytes
from geodata.lists.items import items_of
from geodata.lists.published import geocode_lines

GC = Geocoder()
NAMEISH = st.sampled_from(
    list("省市县区镇乡州旗盟北京河南海城安平山东西藏新疆兵团、,;：:（）() \n\t")
)
TEXT = st.one_of(st.text(max_size=60), st.lists(NAMEISH, max_size=40).map("".join))


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_one_row_per_item(text: str) -> None:
    lines = text.splitlines()
    results = geocode_lines(lines, GC)
    # one row per item, or more where an item is two units joined (和, a space), names run
    # together or a list in brackets: each extra row comes from a split that says so
    extra = len(results) - len(list(items_of(lines)))
    splits = {"split_at", "split_at_space", "names_run_together", "list_in_brackets",
              "after_brackets", "edge_prose"}
    assert 0 <= extra <= sum(bool(splits & {n.code for n in r.notes}) for r in results)
    for r in results:
        assert r.status in ("matched", "approximate", "ambiguous", "unmatched")
        assert set(r.row()) == set(COLUMNS)


@settings(deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["a.txt", "a.csv", "a.xlsx", "a"]))
def test_any_bytes_are_read_or_refused(data: bytes, name: str) -> None:
    try:
        parsed = parse_bytes(data, name)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert parsed.kind in ("text", "column")
