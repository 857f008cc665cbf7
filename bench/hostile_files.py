# ruff: noqa: E501 (the OOXML part and type names are long)
"""The hostile uploads of issue 11, generated here (none is stored in the repo): each is
(label, file name, bytes). Used by bench/hostile_uploads.py and the reader tests."""

from __future__ import annotations

import io
import zipfile

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def cell_rows(names: list[str], start: int = 1) -> str:
    return "".join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{n}</t></is></c></row>'
        for i, n in enumerate(names, start=start)
    )


def xlsx(sheet_xml: str | bytes | None = None, *, chunks: int = 0, chunk: bytes = b"") -> bytes:
    """A minimal workbook around `sheet_xml`; `chunks` × `chunk` is appended inside
    <sheetData> (streamed into the zip, never held whole)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        if sheet_xml is None:
            with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                fh.write(SHEET_HEAD.encode() + b"<sheetData>")
                for _ in range(chunks):
                    fh.write(chunk)
                fh.write(b"</sheetData></worksheet>")
        else:
            zf.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buf.getvalue()


def dimension_xlsx(rows: int = 1_048_576) -> bytes:
    """Three names, and a <dimension> that declares `rows` rows (and columns to XFD)."""
    return xlsx(
        SHEET_HEAD
        + f'<dimension ref="A1:XFD{rows}"/><sheetData>'
        + cell_rows(["name", "河北省安平县", "浙江省苍南县"])
        + "</sheetData></worksheet>"
    )


def zip_bomb_xlsx(megabytes: int = 300) -> bytes:
    row = b'<row><c t="inlineStr"><is><t>' + "河北省安平县".encode() + b"</t></is></c></row>"
    chunk = row * (1024 * 1024 // len(row) + 1)
    return xlsx(chunks=megabytes, chunk=chunk)


def truncated_xlsx() -> bytes:
    full = SHEET_HEAD + "<sheetData>" + cell_rows(["name", "河北省安平县"] * 50)
    return xlsx(full[: len(full) * 2 // 3])


def billion_laughs_xlsx() -> bytes:
    ents = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    return xlsx(
        '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet [' + ents + "]>"
        + SHEET_HEAD.split("?>", 1)[1]
        + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        + "</sheetData></worksheet>"
    )


def xxe_xlsx() -> bytes:
    return xlsx(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + SHEET_HEAD.split("?>", 1)[1]
        + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>'
        + "</sheetData></worksheet>"
    )


def long_line_txt(items: int = 408_333) -> bytes:
    return ("安平县、" * items).encode("utf-8")


def hostile_files() -> list[tuple[str, str, bytes]]:
    """(label, file name, bytes) for each hostile upload the issue lists."""
    return [
        ("dimension_1048576_rows", "dimension.xlsx", dimension_xlsx()),
        ("zip_bomb_300mb", "bomb.xlsx", zip_bomb_xlsx()),
        ("truncated_xml", "truncated.xlsx", truncated_xlsx()),
        ("billion_laughs", "laughs.xlsx", billion_laughs_xlsx()),
        ("xxe", "xxe.xlsx", xxe_xlsx()),
        ("408333_items_one_line", "long.txt", long_line_txt()),
        ("nul_in_file_name", "list\x00.txt", "河北省安平县\n".encode()),
        ("separators_only", "seps.txt", ("、，,；;\n" * 100).encode()),
    ]
