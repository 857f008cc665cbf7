"""Fuzzing the readers: random zip/xlsx structures, huge declared dimensions, deep XML,
long lines and mixed encodings give a list or an InputError with one line, never another
exception, and the process does not grow. Deterministic (derandomize) and quick."""

from __future__ import annotations

import io
import resource
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench import hostile_files as hf
from geodata.basics.errors import InputError
from geodata.lists.inputs import parse_bytes

FUZZ = settings(
    max_examples=60, derandomize=True, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
         "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]


def _read(data: bytes, name: str) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        parsed = parse_bytes(data, name)
        assert all(isinstance(r, str) for r in parsed.rows)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown < 200, f"{name}: grew by {grown:.0f} MB"


@FUZZ
@given(st.dictionaries(st.sampled_from(PARTS), st.binary(max_size=300), max_size=7))
def test_random_zip_parts(parts: dict[str, bytes]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in parts.items():
            zf.writestr(name, body)
    _read(buf.getvalue(), "r.xlsx")


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_every_kind(data: bytes) -> None:
    for name in ("r.xlsx", "r.csv", "r.txt"):
        _read(data, name)


@FUZZ
@given(
    st.integers(1, 2**31),
    st.sampled_from(["A", "Z", "XFD", "ZZZZ"]),
    st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                     max_size=8), max_size=5),
    st.integers(1, 2_000_000_000),
)
def test_declared_dimensions_and_far_rows(rows: int, col: str, names: list[str],
                                          far: int) -> None:
    from xml.sax.saxutils import escape

    sheet = (hf.SHEET_HEAD + f'<dimension ref="A1:{col}{rows}"/><sheetData>'
             + hf.cell_rows([escape(n) for n in names])
             + hf.cell_rows(["far"], start=far) + "</sheetData></worksheet>")
    _read(hf.xlsx(sheet), "dim.xlsx")


@FUZZ
@given(st.integers(1, 50_000), st.sampled_from(["row", "c", "is", "t", "x"]))
def test_deep_xml(depth: int, tag: str) -> None:
    sheet = hf.SHEET_HEAD + "<sheetData>" + f"<{tag}>" * depth + f"</{tag}>" * depth
    _read(hf.xlsx(sheet + "</sheetData></worksheet>"), "deep.xlsx")


@FUZZ
@given(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30),
    st.integers(1, 60_000),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    st.sampled_from(["、", ",", "\n", "", "\r\n", ";"]),
)
def test_long_lines_and_encodings(piece: str, times: int, enc: str, sep: str) -> None:
    text = (piece + sep) * times
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "replace")
    for name in ("l.txt", "l.csv"):
        _read(data[: 6 * 1024 * 1024], name)


@FUZZ
@given(st.lists(st.sampled_from(["utf-8", "gb18030", "utf-16-le", "latin-1"]), min_size=2,
                max_size=4), st.text(max_size=20))
def test_mixed_encodings_in_one_file(encs: list[str], text: str) -> None:
    data = b"\n".join(("河北省安平县" + text).encode(e, "replace") for e in encs)
    _read(data, "mixed.txt")
