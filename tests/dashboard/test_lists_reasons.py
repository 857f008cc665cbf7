"""The audit of a list shows why, in the page's language (issue 8: reason codes)."""

from __future__ import annotations

from dashboard.lists.tables import audit_frame
from geodata.lists.published import geocode_lines


def test_audit_shows_reason_and_merge_in_chinese() -> None:
    rows = [r.row() for r in geocode_lines(["上海市闸北区、火星市"])]
    frame = audit_frame(rows, "zh")
    assert list(frame["已并入"]) == ["静安区 (2015)", ""]
    assert list(frame["原因"]) == ["发布后已并入其他单位", "没有这个名称的省、市、县或乡镇"]
    assert list(audit_frame(rows, "en")["Reason"])[1].startswith("no province")


def test_rows_saved_before_reasons_existed_still_show() -> None:
    row = geocode_lines(["浙江省安吉县"])[0].row()
    for key in ("reason", "merged_into", "changed", "members"):
        row.pop(key)
    frame = audit_frame([row], "zh")
    assert list(frame["原因"]) == [""] and list(frame["已并入"]) == [""]


def test_an_item_over_budget_shows_why_in_both_languages() -> None:
    rows = [r.row() for r in geocode_lines(["安平县和" * 1280 + "、深州市"])]
    zh, en = list(audit_frame(rows, "zh")["原因"]), list(audit_frame(rows, "en")["Reason"])
    assert zh[0].startswith("条目过长或拆分方式过多")
    assert en[0].startswith("too long, or too many ways")
    assert zh[1] == ""  # the next item is read
