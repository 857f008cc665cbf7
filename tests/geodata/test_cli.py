"""`pilot-atlas` as a person runs it: a real process, real files, real encodings."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.geocoder import COLUMNS

EXE = Path(sys.executable).parent / "pilot-atlas"
BATCH3 = Path(__file__).resolve().parents[2] / "seeds" / "data" / "batch3_as_published.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [str(EXE)] if EXE.exists() else [sys.executable, "-m", "geodata.cli"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=120)


def rows_of(out: bytes) -> list[dict[str, str]]:
    assert out.startswith("\ufeff".encode()), "CSV must carry a BOM for Excel"
    return list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))


def test_batch3_file_gives_111_rows_in_order() -> None:
    p = run("geocode", str(BATCH3))
    assert p.returncode == 0, p.stderr
    rows = rows_of(p.stdout)
    assert len(rows) == 111
    header = p.stdout.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[: len(COLUMNS)] == list(COLUMNS)
    assert rows[0]["input"] == "北京市順義區" and rows[-1]["adcode"] == "659004"
    assert {r["status"] for r in rows} <= {"matched", "approximate"}


def test_stdin_gbk_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    p = run("geocode", "-", "-o", str(out), stdin="貴州省黔南州獨山縣、三都縣\n".encode("gb18030"))
    assert p.returncode == 0, p.stderr
    rows = rows_of(out.read_bytes())
    assert [r["adcode"] for r in rows] == ["522726", "522732"]


def test_utf8_bom_input() -> None:
    p = run("geocode", "-", stdin="\ufeff江苏省\n".encode())
    assert [r["adcode"] for r in rows_of(p.stdout)] == ["320000"]


def test_empty_input_gives_header_only() -> None:
    p = run("geocode", "-", stdin=b"")
    assert p.returncode == 0
    assert p.stdout.decode("utf-8-sig").strip() == ",".join(COLUMNS)


def test_unmatched_names_still_exit_zero() -> None:
    p = run("geocode", "-", stdin="火星市、城区\n".encode())
    assert p.returncode == 0
    assert [r["status"] for r in rows_of(p.stdout)] == ["unmatched", "ambiguous"]


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda d: str(d / "nope.txt"), "no such file"),
        (lambda d: str(d), "folder"),
        (
            lambda d: (d / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00") and str(d / "b.txt"),
            "binary",
        ),
        (lambda d: (d / "x.xlsx").write_bytes(b"not a zip") and str(d / "x.xlsx"), ".xlsx"),
    ],
)
def test_unusable_input_fails_with_one_line(tmp_path: Path, setup, needle: str) -> None:  # type: ignore[no-untyped-def]
    p = run("geocode", setup(tmp_path))
    err = p.stderr.decode()
    assert p.returncode != 0 and needle in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_csv_uses_name_column_and_neutralises_formulas(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text('id,name\n1,=HYPERLINK("x")\n2,湖南省湘潭市\n', encoding="utf-8")
    rows = rows_of(run("geocode", str(src)).stdout)
    assert rows[0]["input"].startswith("'=") and rows[0]["status"] == "unmatched"
    assert rows[1]["adcode"] == "430300"


def test_xlsx_first_column(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for v in ("地区", "河北省邯郸市涉县", "三都县", None, "吉林省延边州珲春市敬信镇"):
        ws.append([v])
    wb.save(tmp_path / "l.xlsx")
    rows = rows_of(run("geocode", str(tmp_path / "l.xlsx")).stdout)
    assert [r["adcode"] for r in rows] == ["130426", "522732", "222404"]


def test_export_formats(tmp_path: Path) -> None:
    for ext in ("csv", "xlsx", "geojson", "parquet"):
        p = run("export", "-o", str(tmp_path / f"r.{ext}"))
        assert p.returncode == 0, p.stderr
    gj = json.loads((tmp_path / "r.geojson").read_text(encoding="utf-8"))
    from geodata.registry import registry_rows

    assert len(gj["features"]) == len(registry_rows()) > 190
    kinds = {f["geometry"]["type"] for f in gj["features"] if f["geometry"]}
    assert {"Point"} < kinds | {"Point"} and ("MultiPolygon" in kinds or "Polygon" in kinds)
    import geopandas as gpd

    assert len(gpd.read_parquet(tmp_path / "r.parquet")) == len(registry_rows())


def test_audit_states_completeness() -> None:
    out = run("audit").stdout.decode()
    assert "64" in out and "73" in out and "111" in out and "unconfirmed" in out


def test_short_gbk_that_is_also_valid_utf8() -> None:
    # 山 in GBK (C9 BD) is valid UTF-8 for ɽ: the Chinese reading wins
    p = run("geocode", "-", stdin="泰山区".encode("gbk"))
    rows = rows_of(p.stdout)
    assert rows[0]["input"] == "泰山区"


def test_utf16_from_windows_notepad() -> None:
    p = run("geocode", "-", stdin="江苏省\n".encode("utf-16"))
    assert [r["adcode"] for r in rows_of(p.stdout)] == ["320000"]
