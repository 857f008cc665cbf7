"""`pilot-atlas slide | deck | html` as a person runs them: a real process, real files."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "pilot_atlas", *args], capture_output=True,
                          timeout=300, env=env, cwd=ROOT)


def test_slide_svg_with_url_filters(tmp_path: Path) -> None:
    out = tmp_path / "x.svg"
    p = run("slide", "-o", str(out), "--province", "湖南省", "--step", "2")
    assert p.returncode == 0, p.stderr
    svg = out.read_text(encoding="utf-8")
    # zoomed to Hunan: not a national map, so no 南海诸岛 inset (a national slide has it)
    assert "南海诸岛" not in svg and "未完整显示" not in svg
    assert "2014–2015" in svg and "湖南省" in svg


def test_deck_and_html(tmp_path: Path) -> None:
    from pptx import Presentation

    deck, page = tmp_path / "d.pptx", tmp_path / "m.html"
    assert run("deck", "-o", str(deck), "--lang", "en", "--batch", "1,2").returncode == 0
    slides = list(Presentation(io.BytesIO(deck.read_bytes())).slides)
    assert len(slides) == 1 + 2 + 1 + 1  # title, steps 2014 and 2014–2015, tallies, sources
    assert run("html", "-o", str(page), "--map", "choropleth").returncode == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_bad_requests_say_so_in_one_line(tmp_path: Path) -> None:
    for args, words in (
        (("slide", "-o", str(tmp_path / "x.gif")), "slide writes .png .svg .pdf"),
        (("slide", "-o", str(tmp_path / "x.png"), "--province", "湖南"), "unknown province"),
        (("deck", "-o", str(tmp_path / "x.pptx"), "--step", "7"), "--step must be 1, 2 or 3"),
        (("html", "-o", str(tmp_path / "x.pdf")), "html writes .html"),
    ):
        p = run(*args)
        err = p.stderr.decode("utf-8")
        assert p.returncode == 2 and words in err and err.count("\n") == 1, (args, err)
    assert not list(tmp_path.iterdir())  # nothing half-written


def _csv_rows(data: bytes) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_export_gives_the_rows_of_the_apps_download_for_the_same_view() -> None:
    """`export` with URL flags = the app's CSV download for that URL (rows, columns)."""
    from dashboard.export import downloads
    from dashboard.state import from_query
    from dashboard.view_data import view_data

    cases = [({}, []),
             ({"status": "official,reported,unconfirmed", "lang": "en"},
              ["--status", "official,reported,unconfirmed", "--lang", "en"]),
             ({"province": "湖南省", "batch": "1,2"}, ["--province", "湖南省", "--batch", "1,2"])]
    counts = []
    for query, flags in cases:
        s = from_query(query)
        app = _csv_rows(downloads.csv_bytes(view_data(s).rows, s.lang))
        p = run("export", "-o", "-", *flags)
        assert p.returncode == 0, p.stderr
        cli = _csv_rows(p.stdout)
        assert cli == app
        counts.append(len(cli) - 1)
    default, with_unconfirmed, hunan = counts
    assert 0 < hunan < default < with_unconfirmed
    en = _csv_rows(run("export", "-o", "-", "--lang", "en").stdout)
    assert "name_en" in en[0]
    status = en[0].index("status")
    assert {r[status] for r in en[1:]} == {"official", "reported"}  # the app's default view
    category = en[0].index("category")
    assert {r[category] for r in en[1:]} <= {"Comprehensive pilot",
                                             "Rural land-system reform pilot"}
    zh = _csv_rows(run("export", "-o", "-").stdout)
    method = zh[0].index("定位方法")
    assert all(r[method] and ":" not in r[method] for r in zh[1:])
    every = _csv_rows(run("export", "-o", "-", "--status", "official,reported,unconfirmed",
                          "--lang", "en").stdout)
    assert {r[status] for r in every[1:]} == {"official", "reported", "unconfirmed"}
    p = run("export", "-o", "-", "--status", "contradicted")
    assert p.returncode != 0 and b"contradicted" in p.stderr
