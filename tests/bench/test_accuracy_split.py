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
        assert m["terms"], m["list_id"]
    assert set(gold) == {m["list_id"] for m in metas}


def test_every_gold_item_is_in_its_list_in_order() -> None:
    """The gold is written from the list's text: each item occurs in the lines the bench
    pastes, after the item before it (a row of gold that drifted from its list, or a
    table shape read wrongly, fails here)."""
    gold = acc.read_gold()
    for m in acc.read_lists():
        text, pos = "\n".join(acc.lines_of(m)), 0
        for row in gold[m["list_id"]]:
            found = text.find(row["input"], pos)
            assert found >= 0, (m["list_id"], row["input"])
            pos = found + len(row["input"])


def test_every_gold_adcode_is_the_unit_its_path_names() -> None:
    """A gold row's adcode is today's unit its written path names (a town's path goes on
    past its county): a code typed wrong, or a unit that no longer exists, fails."""
    from geodata.geocode.gazetteer import gazetteer

    current = gazetteer().current

    def path(code: str) -> str:
        names: list[str] = []
        for c in (code[:2] + "0000", code[:4] + "00", code):
            unit = current.get(c)
            if unit is not None and (not names or names[-1] != unit.name):
                names.append(unit.name)
        return "".join(names)

    for rows in acc.read_gold().values():
        for row in rows:
            if row["adcode"]:
                assert row["adcode"] in current, row
                written, unit = row["today_path"], path(row["adcode"])
                if written and row["kind"] == "town":
                    assert written.startswith(unit), row
                elif written:
                    assert written == unit, row


def test_a_table_of_rank_and_name_pairs_gives_its_names_left_then_right() -> None:
    meta = next(m for m in acc.read_lists() if m["shape"] == "table_numbered_pairs")
    names = acc.lines_of(meta)
    assert names[:3] == ["江蘇昆山市", "江蘇句容市", "江蘇張家港市"]
    assert not any(n.isdigit() for n in names)


def _paired(rows: tuple[str, ...], items: tuple[str, ...]) -> list[str | None]:
    got = acc._align([SimpleNamespace(input=r) for r in rows], [{"input": i} for i in items])
    return [r.input if r is not None else None for _, r in got]


def test_an_item_pairs_with_the_row_that_holds_it_and_a_missing_item_with_none() -> None:
    rows = ("名单如下：甲市", "乙县", "丙区。另有3个")
    got = _paired(rows, ("甲市", "乙县", "丁县", "丙区"))
    assert got == ["名单如下：甲市", "乙县", None, "丙区。另有3个"]


def test_an_item_never_takes_the_row_of_a_later_item_of_the_same_name() -> None:
    """A list naming its units twice (a run, then a sentence): two items the geocoder left
    in one row give one answer, and the second item does not take the row of its namesake
    in the second run (which would shift every later item onto the wrong row); an item
    still finds its row past rows that hold none (a row cut shorter than the line)."""
    rows = ("甲区和乙区成立", "分别是", "甲区", "乙区。")
    got = _paired(rows, ("甲区", "乙区", "甲区", "乙区"))
    assert got == ["甲区和乙区成立", None, "甲区", "乙区。"]
    assert _paired(("标题", "甲", "乙县"), ("甲市", "甲", "乙县")) == [None, "甲", "乙县"]


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
