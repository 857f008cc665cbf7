"""Filtering, tallies, practices and downloads: numbers checked against the registry."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest

from dashboard.export import downloads
from dashboard.filters import filter_pilots, filtered_registry
from dashboard.i18n import PROVINCES
from dashboard.practices import practices_for
from dashboard.state import ViewState
from dashboard.tallies import province_tallies, stacked_long, with_totals
from geodata.registry.pilots import completeness, registry_rows

ALL_STATUSES = ("official", "reported", "unconfirmed")


@pytest.fixture(scope="module")
def provinces() -> list[tuple[str, str]]:
    return [(code, zh) for code, (zh, _) in PROVINCES.items()]


def _shown_rows() -> list[dict[str, object]]:
    # never a contradicted member, nor one that did not resolve (no level, nothing to draw)
    return [r for r in registry_rows() if r["status"] != "contradicted" and r["level"]]


def _expected(**match) -> int:
    return sum(all(r[k] == v for k, v in match.items()) for r in _shown_rows())


def test_default_view_hides_unconfirmed(registry):
    shown = filter_pilots(registry, ViewState())
    assert len(shown) == len(_shown_rows()) - _expected(status="unconfirmed")
    assert "unconfirmed" not in set(shown["status"])


def test_filters_combine(registry):
    s = ViewState(batches=(3,), provinces=("浙江省",), statuses=ALL_STATUSES)
    assert len(filter_pilots(registry, s)) == _expected(batch=3, province="浙江省") == 4
    towns = filter_pilots(registry, ViewState(levels=("town",), statuses=ALL_STATUSES))
    assert len(towns) == _expected(level="town")
    land = filter_pilots(registry, ViewState(categories=("农村土地制度改革试点",)))
    assert set(land["batch"]) == {2} and len(land) == _expected(category="农村土地制度改革试点")
    assert filter_pilots(registry, ViewState(batches=())).empty


def test_search_covers_published_today_and_english_names(registry):
    def hits(q: str) -> set[str]:
        return set(filter_pilots(registry, ViewState(q=q, statuses=ALL_STATUSES))["pilot_id"])

    assert hits("顺义") == hits("順義") == {"b3-8ecc3630"}  # today's name, as published
    assert hits("龙港") == {r["pilot_id"] for r in registry_rows() if r["unit_name"] == "龙港市"}
    assert hits("zhejiang") == {r["pilot_id"] for r in registry_rows()
                                if r["province"] == "浙江省"}
    assert hits("B3-8ECC3630") == {"b3-8ecc3630"}


def test_filtered_registry_hook_matches_the_app_filter(registry):
    s = ViewState(batches=(1, 2), mode="present", step=1)
    assert set(filtered_registry(s)["batch"]) == {1}


def test_province_tallies(registry, provinces):
    s = ViewState(statuses=ALL_STATUSES)
    table = province_tallies(filter_pilots(registry, s), provinces)
    assert len(table) == 34  # every provincial unit, 台湾/香港/澳门 included
    zj = table.set_index("province").loc["浙江省"]
    assert zj["batch_3"] == _expected(batch=3, province="浙江省") == 4
    assert zj["batch_1"] == _expected(batch=1, province="浙江省")
    assert zj["total"] == zj["batch_1"] + zj["batch_2"] + zj["batch_3"] + zj["batch_12"]
    js = table.set_index("province").loc["江苏省"]
    assert (js["batch_1"], js["level_province"]) == (1, 1)  # the whole province, once
    totals = with_totals(table, "合计").iloc[-1]
    assert totals["province"] == "合计" and totals["total"] == len(_shown_rows())
    by_batch = Counter(r["batch"] for r in _shown_rows())
    assert [totals[f"batch_{b}"] for b in (1, 2, 3, 12)] == [by_batch[b] for b in (1, 2, 3, 12)]
    level_sum = sum(totals[f"level_{lv}"] for lv in ("province", "prefecture", "county",
                                                     "town", "zone"))
    assert level_sum == len(_shown_rows())


def test_tallies_respect_filters(registry, provinces):
    table = province_tallies(filter_pilots(registry, ViewState(batches=(3,))), provinces)
    assert table["total"].sum() == 111
    assert table["batch_1"].sum() == table["batch_2"].sum() == 0
    long = stacked_long(table)
    assert set(long["batch"]) == {3} and long["count"].sum() == 111


def test_completeness_numbers():
    known = {c["batch"]: (c["known"], c["official_members"]) for c in completeness()}
    counted = [r for r in registry_rows() if r["batch"] == 1 and r["status"] != "contradicted"]
    assert known[1] == (len(counted), 64)
    assert known[3] == (111, 111)


def test_practices_match_by_unit(registry):
    rows = {r["pilot_id"]: r for r in registry.to_dict("records")}
    lulong = next(r for r in rows.values() if r["unit_name"] == "卢龙县")
    areas = {p["policy_area"] for p in practices_for(lulong)}
    assert areas == {"城镇基本公共服务均等化", "城市低碳化改造"}
    fanjiatun = next(r for r in rows.values() if r["town"] == "范家屯镇")
    assert [p["place_published"] for p in practices_for(fanjiatun)] == ["吉林公主岭范家屯镇"]
    shunyi = rows["b3-8ecc3630"]
    assert [p["policy_area"] for p in practices_for(shunyi)] == ["城市低碳化改造"]


def test_downloads(registry):
    shown = filter_pilots(registry, ViewState(batches=(3,), provinces=("浙江省",)))
    text = downloads.csv_bytes(shown, "en").decode("utf-8")
    assert text.startswith("\ufeffpilot_id,")
    assert len(text.strip().splitlines()) == 1 + len(shown)
    zh = downloads.csv_bytes(shown, "zh").decode("utf-8")
    assert zh.startswith("\ufeff编号,批次,") and "官方名单" in zh and "official" not in zh
    assert "第三批" in zh and "匹配" in zh

    from openpyxl import load_workbook

    ws = load_workbook(io.BytesIO(downloads.xlsx(shown))).worksheets[0]
    assert ws.max_row == 1 + len(shown)

    gj = json.loads(downloads.geojson_bytes(shown))
    assert len(gj["features"]) == len(shown)
    assert {f["properties"]["pilot_id"] for f in gj["features"]} == set(shown["pilot_id"])
