"""`pilot-atlas` under hostile or mistaken input (issue 20): a bad flag is one line with a
hint, a missing list is refused (exit 2), an .xlsx is capped by what it unpacks to, and
geocode writes rows as it resolves them."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from tests.geodata.test_cli import rows_of, run


@pytest.mark.parametrize("args", [
    ("geocode", "--bogus", "x.txt"),
    ("geocode", "x.txt", "--max-bytes", "abc"),
    ("lists", "default", "set", "list-aaaaaa", "--batch", "9"),
    ("frobnicate",),
])
def test_a_bad_flag_is_one_line_with_a_hint(args: tuple[str, ...]) -> None:
    p = run(*args)
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1, err
    assert err.startswith("pilot-atlas: ") and "--help" in err and "usage:" not in err


@pytest.mark.parametrize("command", ["html", "export", "slide"])
def test_a_missing_list_in_use_is_refused(tmp_path: Path, command: str) -> None:
    out = tmp_path / {"html": "m.html", "export": "p.csv", "slide": "s.png"}[command]
    p = run(command, "--use", "list-nothere:2:supplement", "-o", str(out))
    err = p.stderr.decode()
    assert p.returncode == 2 and err.count("\n") == 1, err
    assert "list-nothere" in err and "lists show" in err
    assert not out.exists()


def _unpacking_xlsx(members: int) -> bytes:
    """A zip of `members` 1 MB parts (each below the ratio check) that is tiny packed."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(members):
            z.writestr(f"xl/worksheets/sheet{i}.xml", b"\0" * (1 << 20))
    return buf.getvalue()


def test_an_xlsx_is_capped_by_what_it_unpacks_to(tmp_path: Path) -> None:
    book = tmp_path / "big.xlsx"
    book.write_bytes(_unpacking_xlsx(80))  # 80 MB unpacked, ~80 KB packed
    t0 = time.perf_counter()
    p = run("geocode", str(book))
    took = time.perf_counter() - t0
    err = p.stderr.decode()
    assert p.returncode == 2 and "unpacks to 80 MB" in err, err
    assert took < 30  # a process start and the zip directory; the bench times it in-process
    raised = run("geocode", str(book), "--max-bytes", str(100 << 20))
    assert "unpacks to" not in raised.stderr.decode()  # --max-bytes raises the cap


def test_geocode_streams_the_same_rows_as_it_resolves(tmp_path: Path) -> None:
    text = "\n".join(["河北省衡水市安平县、深州市", "湖南省：长沙市", "火星市"] * 200)
    src = tmp_path / "l.txt"
    src.write_text(text, encoding="utf-8")
    p = run("geocode", str(src), "-o", str(tmp_path / "out.csv"))
    assert p.returncode == 0, p.stderr
    rows = rows_of((tmp_path / "out.csv").read_bytes())
    assert len(rows) == 800
    assert [r["adcode"] for r in rows[:4]] == ["131125", "131182", "430100", ""]
    assert run("geocode", str(src)).stdout == (tmp_path / "out.csv").read_bytes()
