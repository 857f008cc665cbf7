"""Reading lists people bring: text in UTF-8 (with or without BOM) or GB18030/GBK,
CSV, XLSX. Anything unusable raises InputError with a one-line reason.

Work per request is bounded *while* reading: bytes, the uncompressed size of an xlsx
(checked from the zip directory before anything is inflated), cells, and items (counted
as lines are split, so one 5 MB line of 400,000 items is refused like 400,000 lines).
A sheet's declared `<dimension>` is ignored and rows it only declares are never built.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace

from geodata.basics import settings
from geodata.basics.errors import InputError as InputError  # callers also import it from here
from geodata.lists.columns import HEADER_SCAN, TableRead, read_table

MAX_BYTES = settings.UPLOAD_MAX_BYTES
MAX_ROWS = settings.UPLOAD_MAX_ITEMS  # items, never lines
# The items of a line in the published shape (geodata.lists.published splits with the same rule).
SEPARATORS = re.compile(r"[、，,；;]")


@dataclass(frozen=True, slots=True)
class Limits:
    """What one request may cost. `max_rows` counts items, never lines."""

    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS
    max_unzipped: int = settings.XLSX_MAX_UNZIPPED
    max_ratio: int = settings.XLSX_MAX_RATIO
    max_cells: int = settings.SHEET_MAX_CELLS
    max_sheet_rows: int = settings.SHEET_MAX_ROWS

    @classmethod
    def for_size(cls, max_bytes: int) -> Limits:
        """Limits that grow with an accepted file size (the CLI's --max-bytes)."""
        scale = max(1, max_bytes // MAX_BYTES)
        return cls(
            max_bytes=max_bytes,
            max_rows=MAX_ROWS * settings.CLI_SCALE_ITEMS * scale,
            # what a workbook unpacks to is capped like the file itself: a 13 MB workbook
            # inflating to 225 MB is refused from its zip directory, unless --max-bytes
            # raises the cap
            max_unzipped=max(settings.XLSX_MAX_UNZIPPED, max_bytes),
            max_cells=settings.SHEET_MAX_CELLS * settings.CLI_SCALE_ITEMS * scale,
        )


WEB = Limits()


@dataclass(frozen=True, slots=True)
class ParsedInput:
    kind: str  # "text" (published shape, context carried) or "column" (one name a row)
    rows: list[str]
    encoding: str
    table: TableRead | None = None  # a table's header and name column (geodata.lists.columns)
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
        try:
            text, enc = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError.of("utf16") from None
    elif b"\x00" in data:
        raise InputError.of("binary_nul")
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
                raise InputError.of("encoding")
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    if bad > max(2, len(text) // 100):
        raise InputError.of("binary_control")
    return text.lstrip("\ufeff"), enc


def table_input(rows: list[list[str]], encoding: str, max_rows: int,
                column: int | str | None = None) -> ParsedInput:
    """A table's names, found by geodata.lists.columns (header row, name column, context)."""
    read = read_table(rows, column)
    if not any(n.strip() for n in read.names):
        raise InputError.of("no_names")
    cells = tuple(tuple(r) for r in rows)
    return ParsedInput("column", _limit(read.names, max_rows), encoding, read, cells)


def _too_many(max_rows: int) -> InputError:
    return InputError.of("too_many_items", n=f"{max_rows:,}")


def _limit(rows: list[str], max_rows: int) -> list[str]:
    if len(rows) > max_rows:
        raise InputError.of("too_many_rows", n=f"{len(rows):,}", m=f"{max_rows:,}")
    return rows


def count_items(line: str, budget: int) -> int:
    """Non-empty items of one published-shape line, counted as it is split; stops (and
    returns budget + 1) as soon as the budget is passed."""
    n = start = 0
    for m in SEPARATORS.finditer(line):
        if line[start : m.start()].strip():
            n += 1
            if n > budget:
                return n
        start = m.end()
    if line[start:].strip():
        n += 1
    return n


def _text_lines(text: str, max_rows: int) -> list[str]:
    lines = text.splitlines()
    items = 0
    for line in lines:
        items += count_items(line, max_rows - items)
        if items > max_rows:
            raise _too_many(max_rows)
    if not items and text.strip():  # an empty file is simply empty (the CLI writes a header)
        raise InputError.of("separators_only")
    return lines


def _csv_rows(text: str, lim: Limits) -> list[list[str]]:
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text)):
            cells += len(row)
            if cells > lim.max_cells:
                raise InputError.of("csv_cells", n=f"{lim.max_cells:,}")
            if any(c.strip() for c in row):
                rows.append(row)
                if len(rows) > lim.max_rows + HEADER_SCAN:  # + a header and title rows
                    raise _too_many(lim.max_rows)
    except csv.Error as exc:
        raise InputError.of("csv_broken", detail=str(exc)) from None
    return rows


def check_filename(filename: str) -> None:
    if "\x00" in filename:
        raise InputError.of("name_nul")
    if len(filename) > 255:
        raise InputError.of("name_long")


def parse_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    max_rows: int | None = None,
    limits: Limits = WEB,
    column: int | str | None = None,
) -> ParsedInput:
    """Read one uploaded/pasted/CLI file within `limits` (max_bytes/max_rows override)."""
    lim = limits
    if max_bytes is not None:
        lim = replace(lim, max_bytes=max_bytes)
    if max_rows is not None:
        lim = replace(lim, max_rows=max_rows)
    check_filename(filename)
    if len(data) > lim.max_bytes:
        raise InputError.of(
            "too_large", n=f"{len(data) / 1e6:.1f}", m=f"{lim.max_bytes / 1e6:.0f}"
        )
    name = filename.lower()
    if name.endswith(".xlsx"):
        return table_input(xlsx_rows(data, lim), "xlsx", lim.max_rows, column)
    if name.endswith((".xls", ".xlsm", ".ods", ".zip", ".pdf", ".doc", ".docx")):
        raise InputError.of(
            "file_type", ext=filename.rsplit(".", 1)[-1]
        )
    text, enc = decode(data)
    if name.endswith(".csv"):
        return table_input(_csv_rows(text, lim), enc, lim.max_rows, column)
    return ParsedInput("text", _text_lines(text, lim.max_rows), enc)


# --- xlsx ----------------------------------------------------------------------------------


def check_zip(data: bytes, lim: Limits = WEB) -> None:
    """Refuse a zip whose members would inflate past the limits, before inflating any."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError.of("not_zip") from None
    if len(infos) > 10_000:
        raise InputError.of("zip_parts", n=f"{len(infos):,}")
    total = sum(i.file_size for i in infos)
    if total > lim.max_unzipped:
        raise InputError.of(
            "zip_size", n=f"{total / 2**20:,.0f}", m=f"{lim.max_unzipped / 2**20:.0f}"
        )
    for i in infos:
        ratio_applies = i.file_size > settings.XLSX_RATIO_FROM
        if ratio_applies and i.file_size > lim.max_ratio * max(i.compress_size, 1):
            raise InputError.of(
                "zip_ratio", n=f"{i.file_size // max(i.compress_size, 1):,}"
            )


def _xlsx_reason(exc: BaseException) -> InputError:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    while seen is not None:  # openpyxl wraps the parser's error in a ValueError
        if isinstance(seen, DefusedXmlException | ParseError | SyntaxError | MemoryError):
            exc = seen
            break
        seen = seen.__cause__ or seen.__context__
    if isinstance(exc, DefusedXmlException):
        return InputError.of("xml_entities")
    if isinstance(exc, ParseError | SyntaxError):
        return InputError.of("xml_damaged")
    if isinstance(exc, MemoryError):
        return InputError.of("xlsx_memory")
    if isinstance(exc, zipfile.BadZipFile | zipfile.LargeZipFile):
        return InputError.of("zip_damaged")
    return InputError.of("xlsx_other", kind=type(exc).__name__)


def _sheet_rows(data: bytes, lim: Limits) -> Iterator[list[str]]:
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # the reader is only safe with defusedxml underneath
        raise InputError.of("no_defusedxml")
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if not wb.worksheets:
            raise InputError.of("no_sheet")
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # read-only sheets: rows a <dimension> only declares are not built
        cells = 0
        # rows only skipped over (gaps) are yielded empty, and counted
        for scanned, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells += len(row)
            if scanned > lim.max_sheet_rows:
                raise InputError.of("sheet_rows", n=f"{lim.max_sheet_rows:,}")
            if cells > lim.max_cells:
                raise InputError.of("sheet_cells", n=f"{lim.max_cells:,}")
            if row:
                yield ["" if v is None else str(v) for v in row]
    finally:
        wb.close()


def xlsx_rows(data: bytes, lim: Limits = WEB) -> list[list[str]]:
    """The rows of the first sheet, streamed and stopped at the limits."""
    check_zip(data, lim)
    rows: list[list[str]] = []
    try:
        for row in _sheet_rows(data, lim):
            if any(c.strip() for c in row):
                rows.append(row)
                if len(rows) > lim.max_rows + HEADER_SCAN:  # + a header and title rows
                    raise _too_many(lim.max_rows)
    except InputError:
        raise
    except Exception as exc:  # a hostile or damaged file: one line, never a traceback
        raise _xlsx_reason(exc) from None
    if not rows:
        raise InputError.of("sheet_no_names")
    return rows
