"""`pilot-atlas` as a person runs it: a real process, real files, real encodings."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geodata.geocode.geocoder import COLUMNS

EXE = Path(sys.executable).parent / "pilot-atlas"
# the installed script, when it is this project's current entry point (pyproject.toml)
INSTALLED = EXE.exists() and "pilot_atlas" in EXE.read_text(errors="replace")
BATCH3 = Path(__file__).resolve().parents[2] / "seeds" / "data" / "batch3_as_published.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [str(EXE)] if INSTALLED else [sys.executable, "-m", "pilot_atlas"]
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
    from geodata.registry.pilots import registry_rows

    # by default the app's default view: official and reported members only
    shown = [r for r in registry_rows() if r["status"] in ("official", "reported")]
    assert len(gj["features"]) == len(shown) > 150

    # each feature's geometry is a point exactly for towns and zones, a polygon for units
    by_id = {str(r["pilot_id"]): r for r in registry_rows()}
    for f in gj["features"]:
        row = by_id[str(f["properties"]["pilot_id"])]
        if row["status"] == "contradicted" or not f["geometry"]:
            continue
        point = row["level"] in ("town", "zone")
        assert (f["geometry"]["type"] == "Point") == point, row["name_published"]
        assert point or f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    kinds = {f["geometry"]["type"] for f in gj["features"]}
    assert "Point" in kinds and kinds & {"Polygon", "MultiPolygon"}
    import geopandas as gpd

    assert len(gpd.read_parquet(tmp_path / "r.parquet")) == len(shown)


def test_audit_states_completeness() -> None:
    from geodata.registry.pilots import completeness

    out = run("audit").stdout.decode()
    table = [ln.split() for ln in out.splitlines()[1:4]]
    # batch, year, official members, known, official/reported/unconfirmed: one row a batch
    assert [(r[0], r[1], r[2]) for r in table] == [("1", "2014", "64"), ("2", "2015", "73"),
                                                   ("3", "2016", "111")]
    for row, c in zip(table, completeness()[:3], strict=True):  # then the "1or2" group
        assert row[3] == str(c["known"])
        assert row[4] == f"{c['official']}/{c['reported']}/{c['unconfirmed']}"
    assert table[2][3] == "111"  # batch 3 is complete
    assert int(table[0][3]) < 64 and int(table[1][3]) < 73  # batches 1 and 2 are not
    assert "unconfirmed members (shown only on request)" in out


def test_short_gbk_that_is_also_valid_utf8() -> None:
    # 山 in GBK (C9 BD) is valid UTF-8 for ɽ: the Chinese reading wins
    p = run("geocode", "-", stdin="泰山区".encode("gbk"))
    rows = rows_of(p.stdout)
    assert rows[0]["input"] == "泰山区"


def test_utf16_from_windows_notepad() -> None:
    p = run("geocode", "-", stdin="江苏省\n".encode("utf-16"))
    assert [r["adcode"] for r in rows_of(p.stdout)] == ["320000"]


# --- errors: one line on stderr, non-zero exit, no traceback, nothing overwritten -------------


def _one_line_error(p: subprocess.CompletedProcess[bytes], *words: str) -> None:
    err = p.stderr.decode()
    assert p.returncode != 0 and "Traceback" not in err, err
    assert err.count("\n") == 1 and err.startswith("pilot-atlas: "), err
    for w in words:
        assert w in err, err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("-o", "/nonexistent/x"), ("does not exist",)),
        (("-o", "/tmp"), ("is a folder",)),
        (("-o", "/proc/version"), ("cannot write",)),
    ],
)
def test_bad_output_is_one_line(tmp_path: Path, args: tuple[str, ...], words: tuple[str]) -> None:
    src = tmp_path / "in.txt"
    src.write_text("河北省安平县\n", encoding="utf-8")
    _one_line_error(run("geocode", str(src), *args), *words)
    _one_line_error(run("export", *args), *words)


def test_dev_zero_is_refused_in_bounded_memory() -> None:
    p = run("geocode", "/dev/zero", "--max-bytes", str(8 * 1024 * 1024))
    _one_line_error(p, "--max-bytes")


def test_max_bytes_raises_the_cap(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("河北省安平县\n" * 3, encoding="utf-8")
    _one_line_error(run("geocode", str(src), "--max-bytes", "10"), "larger than 10 bytes")
    p = run("geocode", str(src), "--max-bytes", "1000")
    assert p.returncode == 0 and len(rows_of(p.stdout)) == 3


def test_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    src = tmp_path / "f.txt"
    src.write_text("河北省安平县\n", encoding="utf-8")
    _one_line_error(run("geocode", str(src), "-o", str(src)), "input file")
    assert src.read_text(encoding="utf-8") == "河北省安平县\n"


def test_hostile_xlsx_is_one_line(tmp_path: Path) -> None:
    from bench.hostile_files import billion_laughs_xlsx

    (tmp_path / "x.xlsx").write_bytes(billion_laughs_xlsx())
    _one_line_error(run("geocode", str(tmp_path / "x.xlsx")), "XML entities")


def test_lists_check_reports_and_repairs(tmp_path: Path) -> None:
    (tmp_path / "list-bad0000").mkdir()
    (tmp_path / "list-bad0000" / "list.json").write_text('{"rows": "x"}', encoding="utf-8")
    p = run("lists", "check", "--data", str(tmp_path))
    assert p.returncode == 1 and "cannot be read: list-bad0000" in p.stdout.decode()
    p = run("lists", "check", "--repair", "--data", str(tmp_path))
    assert p.returncode == 0 and "deleted list-bad0000" in p.stdout.decode()
    assert not (tmp_path / "list-bad0000").exists()
