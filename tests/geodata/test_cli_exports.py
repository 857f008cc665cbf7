"""`pilot-atlas export` and `audit` as a person gets them: Chinese by default, English for
code, an XLSX with its documentation sheet, the audit's counts; `geocode` on a table."""

from __future__ import annotations

from pathlib import Path

from tests.geodata.test_cli import rows_of, run


def test_export_in_chinese_by_default_and_english_on_request(tmp_path: Path) -> None:
    every = ("--status", "official,reported,unconfirmed")
    zh = run("export", "-o", "-", *every).stdout.decode("utf-8-sig")
    head = zh.splitlines()[0].split(",")
    assert head[:3] == ["编号", "批次", "年份"] and "来源状态" in head and "匹配结果" in head
    body = zh.split("\r\n", 1)[1]
    assert "官方名单" in body and "第一或第二批" in body and "匹配" in body
    assert ",official," not in body and ",matched," not in body
    en = rows_of(run("export", "-o", "-", "--lang", "en", *every).stdout)
    assert {"pilot_id", "batch", "status", "match_status"} <= set(en[0])
    assert {r["batch"] for r in en} == {"1", "2", "3", "1or2"}
    # a contradicted row is never exported as a member
    assert {r["status"] for r in en} == {"official", "reported", "unconfirmed"}
    for text in (zh, run("export", "-o", "-", "--lang", "en").stdout.decode()):
        assert "seed" not in text.lower() and "../" not in text and "shared/" not in text


def test_xlsx_opens_with_a_documentation_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert run("export", "-o", str(out)).returncode == 0
    wb = load_workbook(out)
    data, doc = wb.worksheets
    assert data.freeze_panes == "A2" and data.auto_filter.ref
    head = [c.value for c in data[1]]
    code = head.index("行政区划代码") + 1
    assert all(isinstance(data.cell(r, code).value, str) for r in range(2, data.max_row + 1)
               if data.cell(r, code).value)
    assert data.column_dimensions["A"].width > 8
    described = {row[1] for row in doc.iter_rows(values_only=True) if row and row[1]}
    from geodata.registry.pilots import COLUMNS

    assert set(COLUMNS) <= described  # every column, by both names
    text = " ".join(str(v) for row in doc.iter_rows(values_only=True) for v in row if v)
    assert "数据版本" in text and "导出日期" in text and "CC-BY" in text and "MIT" in text
    assert "第一或第二批" in text and "官方名单" in text  # allowed values, labelled


def test_audit_shows_batches_the_1or2_group_and_kinds() -> None:
    out = run("audit").stdout.decode()
    table = out.split("\n\n")[0].splitlines()
    lines = {ln.split()[0]: ln.split() for ln in table if ln.strip()[:1].isdigit()}
    assert int(lines["1"][3]) - 2 >= 45 and int(lines["2"][3]) >= 25
    assert "1or2" in out and "whole provinces" in out
    assert "capital" in out and "plan_listed" in out and "contradicted" in out
    assert "青海省海东市" in out


def test_geocode_picks_the_name_column_of_a_gbk_table(tmp_path: Path) -> None:
    src = tmp_path / "名单.csv"
    src.write_bytes("序号,省份,试点地区\r\n1,湖南省,株洲市\r\n2,浙江省,嘉兴市\r\n".encode("gbk"))
    rows = rows_of(run("geocode", str(src)).stdout)
    assert [r["adcode"] for r in rows] == ["430200", "330400"]
    rows = rows_of(run("geocode", str(src), "--column", "省份").stdout)
    assert [r["adcode"] for r in rows] == ["430000", "330000"]
    p = run("geocode", str(src), "--column", "9")
    assert p.returncode == 2 and "column" in p.stderr.decode()


def test_a_use_that_does_not_read_is_refused_in_one_line() -> None:
    p = run("export", "-o", "-", "--use", "list-abcdef0123:4:replace")
    err = p.stderr.decode()
    assert p.returncode == 2 and "--use" in err and len(err.strip().splitlines()) == 1
    assert run("audit", "--use", "none").returncode == 0
