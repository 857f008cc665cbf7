"""Writing tables people open in spreadsheets: cells that a spreadsheet would run as
a formula are neutralised, CSV carries a BOM so Excel reads UTF-8."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

_FORMULA_START = frozenset("=+-@\t\r")


def safe_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value and value[0] in _FORMULA_START:
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)
    return "\ufeff" + buf.getvalue()


def xlsx_bytes(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], sheet: str = "pilots"
) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(columns))
    for row in rows:
        ws.append([safe_cell(row.get(c)) for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
