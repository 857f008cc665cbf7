"""The accuracy corpus is split into dev and a frozen test part: every list says which,
and the bench prints test lists only as per-list totals, never an item of them."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from bench import geocode_accuracy as acc


def test_every_list_has_a_part_its_text_and_its_gold() -> None:
    gold = acc.read_gold()
    metas = acc.read_lists()
    assert {m["part"] for m in metas} == set(acc.PARTS)
    assert sum(m["part"] == "test" for m in metas) >= 7
    for m in metas:
        assert (acc.DATA / f"{m['list_id']}.txt").is_file(), m["list_id"]
        assert gold[m["list_id"]], m["list_id"]
        assert m["url"].startswith("http"), m["list_id"]
    assert set(gold) == {m["list_id"] for m in metas}


def test_an_item_pairs_with_the_row_that_holds_it_and_a_missing_item_with_none() -> None:
    rows = [SimpleNamespace(input=t) for t in ("名单如下：甲市", "乙县", "丙区。另有3个")]
    gold = [{"input": t} for t in ("甲市", "乙县", "丁县", "丙区")]
    got = [r.input if r is not None else None for _, r in acc._align(rows, gold)]
    assert got == ["名单如下：甲市", "乙县", None, "丙区。另有3个"]


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    return acc.main()


def test_the_test_part_prints_totals_only(report: dict[str, object]) -> None:
    test = report["test"]
    assert isinstance(test, dict)
    assert "pilot_atlas_misses" not in test
    ids = {m["list_id"] for m in acc.read_lists() if m["part"] == "test"}
    assert set(test["per_list"]) == ids
    for scores in test["per_list"].values():
        for score in scores.values():
            assert isinstance(score, str) or set(score) == set(acc.TOTALS)
    # no test item's text appears anywhere in the printed report outside its totals
    text = json.dumps(test, ensure_ascii=False)
    gold = acc.read_gold()
    for lid in ids:
        for row in gold[lid]:
            assert row["input"] not in text, row["input"]


def test_dev_and_test_add_up_to_the_whole(report: dict[str, object]) -> None:
    dev, test, overall = report["dev"], report["test"], report["overall"]
    assert isinstance(dev, dict) and isinstance(test, dict) and isinstance(overall, dict)
    assert "pilot_atlas_misses" in dev
    for system in ("pilot_atlas", "cpca"):
        for key in acc.TOTALS:
            assert (
                dev["overall"][system][key] + test["overall"][system][key] == (overall[system][key])
            )
