"""Hostile and heavy uploads are refused with one line while being read, in bounded
memory; legitimate ones still read. The files are generated (bench/hostile_files.py)."""

from __future__ import annotations

import io
import resource

import openpyxl
import pytest

from bench import hostile_files as hf
from geodata.basics.errors import InputError
from geodata.lists.inputs import MAX_ROWS, Limits, count_items, parse_bytes
from geodata.lists.isolated import parse_isolated

REFUSED = [
    ("bomb.xlsx", hf.zip_bomb_xlsx, "unpacks to"),
    ("truncated.xlsx", hf.truncated_xlsx, "damaged"),
    ("laughs.xlsx", hf.billion_laughs_xlsx, "XML entities"),
    ("xxe.xlsx", hf.xxe_xlsx, "XML entities"),
    ("long.txt", hf.long_line_txt, "more than the limit of 20,000 items"),
]


@pytest.mark.parametrize(("name", "make", "reason"), REFUSED)
def test_hostile_files_are_refused_with_one_line(name, make, reason) -> None:
    data = make()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(InputError) as err:
        parse_bytes(data, name)
    assert reason in str(err.value) and "\n" not in str(err.value)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"reading {name} grew the process by {grown_mb:.0f} MB"


def test_xxe_never_reads_the_referenced_file() -> None:
    with pytest.raises(InputError) as err:
        parse_bytes(hf.xxe_xlsx(), "xxe.xlsx")
    assert "root:" not in str(err.value)


def test_declared_dimension_is_ignored_and_rows_are_read() -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = parse_bytes(hf.dimension_xlsx(), "dimension.xlsx")
    assert parsed.rows == ["河北省安平县", "浙江省苍南县"]  # "name" is the header
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 100


def test_a_row_far_below_the_others_is_refused_not_padded() -> None:
    sheet = hf.SHEET_HEAD + "<sheetData>" + hf.cell_rows(["a"])
    sheet += hf.cell_rows(["b"], start=900_000_000) + "</sheetData></worksheet>"
    with pytest.raises(InputError, match="more than 1,048,576 rows"):
        parse_bytes(hf.xlsx(sheet), "gap.xlsx")


def test_cells_are_counted_not_rows() -> None:
    cells = "".join(f'<c r="{c}1" t="inlineStr"><is><t>x</t></is></c>' for c in ("A", "XFD"))
    sheet = hf.SHEET_HEAD + "<sheetData>"
    sheet += "".join(f'<row r="{i}">{cells.replace("1", str(i))}</row>' for i in range(1, 20))
    with pytest.raises(InputError, match="cells"):
        parse_bytes(hf.xlsx(sheet + "</sheetData></worksheet>"), "wide.xlsx")


def test_items_are_counted_on_one_line_and_the_limit_is_exact() -> None:
    ok = ("安平县、" * MAX_ROWS).encode()
    assert len(parse_bytes(ok, "ok.txt").rows) == 1
    with pytest.raises(InputError, match="20,000 items"):
        parse_bytes(ok + "饶阳县".encode(), "over.txt")
    assert count_items("、a、、 b ,", 10) == 2
    assert count_items("a、b、c、d", 2) == 3  # stops one past the budget


@pytest.mark.parametrize("data", [b"\xe3\x80\x81,;\n" * 5, b" ;\n\n", "，；".encode("gb18030")])
def test_only_separators_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="no names"):
        parse_bytes(data, "seps.txt")


def test_nul_in_file_name_is_one_line() -> None:
    with pytest.raises(InputError, match="NUL"):
        parse_bytes("河北省安平县".encode(), "a\x00.txt")


def test_legitimate_xlsx_reads_in_and_out_of_process() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["序号", "name"])
    for i in range(300):
        ws.append([i, f"河北省安平县{i}"])
    buf = io.BytesIO()
    wb.save(buf)
    here = parse_bytes(buf.getvalue(), "ok.xlsx")
    there = parse_isolated(buf.getvalue(), "ok.xlsx")
    assert here.rows == there.rows == [f"河北省安平县{i}" for i in range(300)]


def _big_xlsx(extra_rows: int) -> bytes:
    """Over the in-process size: a sheet of names padded with empty-valued cells."""
    pad = "".join(f'<row r="{i}"><c r="B{i}"/></row>' for i in range(10, 10 + extra_rows))
    sheet = hf.SHEET_HEAD + "<sheetData>" + hf.cell_rows(["name", "河北省安平县"]) + pad
    return hf.xlsx(sheet + "</sheetData></worksheet>")


def test_isolated_child_reports_the_reason_and_its_memory_cap_holds() -> None:
    big = _big_xlsx(20_000)
    assert parse_isolated(big, "big.xlsx").rows == ["河北省安平县"]
    laughs = hf.billion_laughs_xlsx()
    with pytest.raises(InputError, match="XML entities"):
        parse_isolated(laughs, "laughs.xlsx")
    # a cap too small for the interpreter: the child dies, the caller gets one line
    with pytest.raises(InputError, match=r"memory|could not be read|cannot be opened"):
        parse_isolated(big, "d.xlsx", memory_mb=30)


def test_for_size_raises_the_limits_with_the_bytes() -> None:
    big = Limits.for_size(50 * 1024 * 1024)
    assert big.max_bytes > Limits().max_bytes and big.max_rows > Limits().max_rows
    # what a workbook unpacks to stays capped as on the web until --max-bytes passes that cap
    assert big.max_unzipped == Limits().max_unzipped
    huge = Limits.for_size(4 * Limits().max_unzipped)
    assert huge.max_unzipped == huge.max_bytes > Limits().max_unzipped
