"""Uploads of any shape: generated lists across text, CSV and encodings give no exception
and exactly one result row per item (the CI profile runs a few hundred of each; the `long`
profile, HYPOTHESIS_PROFILE=long, ten thousand)."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.geocode.geocoder import Geocoder
from geodata.lists.inputs import parse_bytes
from geodata.lists.published import geocode_lines, geocode_names

GC = Geocoder()
# characters of real lists and of mistakes, without separators, colons or whitespace
ALPHABET = "省市县区镇乡州旗盟北京河南海城安平山东西藏新疆兵团州岭阝盤縣鎮區<>&'\"=+-@abcXYZé😀"
ITEM = st.text(alphabet=ALPHABET, min_size=1, max_size=12)
LISTS = st.lists(st.lists(ITEM, min_size=1, max_size=6), max_size=6)
SEPS = st.sampled_from(["、", "，", ",", "；", ";"])

RUNS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _encodable(lines: list[str], enc: str) -> bool:
    try:
        "\n".join(lines).encode(enc)
    except UnicodeEncodeError:
        return False
    return True


@RUNS
@given(LISTS, SEPS, st.sampled_from(["utf-8", "utf-8-sig"]))
def test_text_utf8(lists: list[list[str]], sep: str, enc: str) -> None:
    _check_text(lists, sep, enc)


@RUNS
@given(LISTS, SEPS)
def test_text_gb18030(lists: list[list[str]], sep: str) -> None:
    _check_text(lists, sep, "gb18030")


def _check_text(lists: list[list[str]], sep: str, enc: str) -> None:
    # a real list holds Chinese: that is how UTF-8 is told from GBK (two items, so the
    # first line is no province heading the lines below it)
    lists = [["北京市", "天津市"], *lists]
    lines = [sep.join(items) for items in lists]
    data = "\n".join(lines).encode(enc)
    parsed = parse_bytes(data, "list.txt")
    assert parsed.kind == "text"
    rows = geocode_lines(parsed.rows, GC)
    assert len(rows) == sum(len(items) for items in lists)


@RUNS
@given(st.lists(ITEM, max_size=12), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_csv_name_column(items: list[str], enc: str) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "name"])
    items = ["北京市", *items]
    w.writerows([i, item] for i, item in enumerate(items))
    if not _encodable([buf.getvalue()], enc):
        enc = "utf-8"
    parsed = parse_bytes(buf.getvalue().encode(enc), "list.csv")
    assert parsed.kind == "column" and parsed.rows == [i.strip() for i in items]
    assert len(geocode_names(parsed.rows, GC)) == len(items)
