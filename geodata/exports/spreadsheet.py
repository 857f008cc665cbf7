"""Writing tables people open in spreadsheets: cells that a spreadsheet would run as
a formula are neutralised, CSV carries a BOM so Excel reads UTF-8."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

_FORMULA_START = frozenset("=+-@\t\r")


def safe_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value and value[0] in _FORMULA_START:
        return "'" + value
    return value


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    return "".join(csv_chunks(rows, columns))


def csv_chunks(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], every: int = 1000
) -> Iterator[str]:
    """The CSV of `rows` (BOM, header, CRLF) in pieces of `every` rows, as they come:
    a caller writing each piece keeps memory flat whatever the number of rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    writer.writerow(columns)
    for n, row in enumerate(rows, 1):
        writer.writerow([safe_cell(row.get(c)) for c in columns])
        if n % every == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


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


# --- tables for people (zh) and for code (en) -------------------------------------------

_URL = re.compile(r"https?://\S+")
_SHEET = {"zh": ("数据", "说明"), "en": ("data", "columns")}
# the documentation sheet in the file's language; the column's code (its name in an
# English file and in code) is a stable identifier in both
_DOC_HEAD = {
    "zh": ["列名", "列代码", "含义", "取值"],
    "en": ["column", "meaning", "allowed values"],
}


def table_csv(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], lang: str = "zh", *,
    geocoder: bool = False,
) -> str:
    """CSV (UTF-8 with BOM) with headers and coded values in `lang` (geodata.exports.schema)."""
    from geodata.exports.schema import localised

    head, body = localised(rows, columns, lang, geocoder=geocoder)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([safe_cell(v) for v in r] for r in body)
    return "\ufeff" + buf.getvalue()


def about_lines(lang: str) -> list[tuple[str, str]]:
    """The data version and date, and every source with its licence (for the XLSX)."""
    import datetime

    from geodata.basics.attribution import attribution_lines
    from geodata.basics.settings import data_hash

    zh = lang != "en"
    out = [
        ("数据版本" if zh else "data version", data_hash()[:12]),
        ("导出日期" if zh else "exported", datetime.date.today().isoformat()),
    ]
    out += [("来源与许可" if zh else "source and licence", line)
            for line in attribution_lines("zh" if zh else "en")]
    import seeds

    for b in seeds.load_batches():
        key = f"第{b.batch}批名单来源" if zh else f"batch {b.batch} list: sources"
        # the addresses only: the compiler's remarks beside them are in English
        out.append((key, f"{b.document or '—'}: " + " | ".join(_URL.findall(b.source))))
    for k in seeds.load_batch_kinds():
        if k.basis == "stated" and k.kind == "province":
            out.append(("各类型官方数字来源" if zh else "official counts by kind",
                        " | ".join(_URL.findall(k.source))))
        if k.batch == "1+2" and k.kind == "plan_listed":
            out.append(("各类型官方数字来源" if zh else "official counts by kind",
                        " | ".join(_URL.findall(k.source))))
    return out


def table_xlsx(
    rows: Iterable[Mapping[str, object]], columns: Sequence[str], lang: str = "zh", *,
    geocoder: bool = False, title: str = "",
) -> bytes:
    """An XLSX a person can use as it is: frozen header, autofilter, column widths, codes
    kept as text, and a second sheet documenting every column, the data version and
    date, and the sources with their licences."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from geodata.exports.schema import doc_for, doc_rows, localised

    head, body = localised(rows, columns, lang, geocoder=geocoder)
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = _SHEET.get(lang, _SHEET["zh"])[0]
    ws.append(head)
    codes = {i for i, c in enumerate(columns) if doc_for(c, geocoder=geocoder).code}
    for r in body:
        ws.append([str(v) if i in codes and v != "" else safe_cell(v) for i, v in enumerate(r)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i in codes:
        for (c,) in ws.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1):
            c.number_format = "@"
    ws.freeze_panes = "A2"
    if body:
        ws.auto_filter.ref = ws.dimensions
    for i, name in enumerate(head):
        width = max(_width(v) for v in [name, *(r[i] for r in body[:300])])
        ws.column_dimensions[get_column_letter(i + 1)].width = max(8, min(50, width + 2))
    doc = wb.create_sheet(_SHEET.get(lang, _SHEET["zh"])[1])
    if title:
        doc.append([title])
        doc.append([])
    doc.append(_DOC_HEAD.get(lang, _DOC_HEAD["zh"]))
    for line in doc_rows(columns, lang, geocoder=geocoder):
        doc.append(line)
    doc.append([])
    for key, value in about_lines(lang):
        doc.append([key, value])
    widths = (16, 18, 48, 60) if lang != "en" else (18, 48, 60)
    for letter, width in zip("ABCD", widths, strict=False):
        doc.column_dimensions[letter].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _width(value: object) -> int:
    """Display width in a spreadsheet: a CJK character takes two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in str(value))
