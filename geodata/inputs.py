"""Reading lists people bring: text in UTF-8 (with or without BOM) or GB18030/GBK,
CSV, XLSX. Anything unusable raises InputError with a one-line reason."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TypeVar

from geodata.tables import HEADER_SCAN, TableRead, read_table

T = TypeVar("T")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


class InputError(ValueError):
    """Input that cannot be used; the message is one line, fit to show a person."""


@dataclass(frozen=True, slots=True)
class ParsedInput:
    kind: str  # "text" (published shape, context carried) or "column" (one name a row)
    rows: list[str]
    encoding: str
    table: TableRead | None = None  # a table's header and name column (geodata.tables)
    cells: tuple[tuple[str, ...], ...] = ()  # a table's cells, to pick another column


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def _try(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM or not) or GB18030/GBK. Short GBK text can also be valid UTF-8 (山 in
    GBK reads as ɽ in UTF-8): UTF-8 that holds no Chinese character while the GB18030
    reading does is read as GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16"), "utf-16"
    elif b"\x00" in data:
        raise InputError("this looks like a binary file (it contains NUL bytes), not a text list")
    else:
        utf8, gb = _try(data, "utf-8-sig"), None
        if utf8 is not None and (utf8.isascii() or _has_cjk(utf8)):
            text, enc = utf8, "utf-8"
        else:
            gb = _try(data, "gb18030")
            if gb is not None and (utf8 is None or _has_cjk(gb)):
                text, enc = gb, "gb18030"
            elif utf8 is not None:
                text, enc = utf8, "utf-8"
            else:
                raise InputError(
                    "the text is neither UTF-8 nor GB18030/GBK; save it in one of those"
                )
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if bad > max(2, len(text) // 100):
        raise InputError("this looks like a binary file (many control characters), not text")
    return text.lstrip("\ufeff"), enc


def table_input(rows: list[list[str]], encoding: str, max_rows: int,
                column: int | str | None = None) -> ParsedInput:
    """A table's names, found by geodata.tables (header row, name column, context)."""
    read = read_table(rows, column)
    cells = tuple(tuple(r) for r in rows)
    return ParsedInput("column", _limit(read.names, max_rows), encoding, read, cells)


def _limit(rows: list[T], max_rows: int) -> list[T]:
    if len(rows) > max_rows:
        raise InputError(f"{len(rows):,} rows is more than the limit of {max_rows:,}")
    return rows


def parse_bytes(
    data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS,
    column: int | str | None = None,
) -> ParsedInput:
    if len(data) > max_bytes:
        raise InputError(
            f"the file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB"
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        return table_input(_xlsx_rows(data), "xlsx", max_rows, column)
    if name.endswith((".xls", ".xlsm", ".ods", ".zip", ".pdf", ".doc", ".docx")):
        raise InputError(
            f"{filename.rsplit('.', 1)[-1]} files are not read; use .txt, .csv or .xlsx"
        )
    text, enc = decode(data)
    if name.endswith(".csv"):
        try:
            rows = list(csv.reader(io.StringIO(text)))
        except csv.Error as exc:
            raise InputError(f"the CSV cannot be read: {exc}") from None
        _limit(rows, max_rows + HEADER_SCAN)
        return table_input(rows, enc, max_rows, column)
    lines = text.splitlines()
    _limit([ln for ln in lines if ln.strip()], max_rows)
    return ParsedInput("text", lines, enc)


def _xlsx_rows(data: bytes) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(f"the .xlsx file cannot be opened ({type(exc).__name__})") from None
    try:
        ws = wb.worksheets[0]
        rows = [
            ["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)
        ]
    finally:
        wb.close()
    return rows
