"""The slide PNG: size, determinism, content, and no Streamlit."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from PIL import Image

from dashboard.export.draw import HEIGHT_PX, WIDTH_PX
from dashboard.export.slide import render_slide
from dashboard.map.palette import BATCH_COLOURS
from geodata.basics.attribution import attribution_line
from geodata.registry.pilots import resolved_registry

TITLE = "国家新型城镇化综合试点地区（2014–2016）"


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def _pixels(png: bytes) -> dict[tuple[int, int, int], int]:
    img = Image.open(io.BytesIO(png)).convert("RGB")
    return {rgb: n for n, rgb in img.getcolors(maxcolors=WIDTH_PX * HEIGHT_PX)}


@pytest.fixture(scope="module")
def frame():
    return resolved_registry(simplified=True)


@pytest.fixture(scope="module")
def full(frame) -> bytes:
    return render_slide(
        frame, title=TITLE, subtitle="三批试点", lang="zh", source_line=attribution_line()
    )


@pytest.fixture(scope="module")
def batch3(frame) -> bytes:
    return render_slide(
        frame, title=TITLE, subtitle="三批试点", batches=(3,), source_line=attribution_line()
    )


def test_png_is_slide_sized(full):
    img = Image.open(io.BytesIO(full))
    assert img.format == "PNG"
    assert img.size == (WIDTH_PX, HEIGHT_PX) == (1920, 1080)
    assert img.mode in ("RGB", "RGBA")


def test_same_input_same_bytes(frame, full):
    again = render_slide(
        frame, title=TITLE, subtitle="三批试点", lang="zh", source_line=attribution_line()
    )
    assert again == full


def test_batch_filter_changes_the_slide(full, batch3):
    assert batch3 != full
    colours = _pixels(batch3)
    assert colours.get(_rgb(BATCH_COLOURS[3]), 0) > 1000
    # batch 1 is neither on the map nor in the legend
    assert colours.get(_rgb(BATCH_COLOURS[1]), 0) == 0


def test_not_blank(full):
    colours = _pixels(full)
    assert len(colours) > 50
    for batch in (1, 2, 3):
        assert colours.get(_rgb(BATCH_COLOURS[batch]), 0) > 500, batch
    white = colours.get((255, 255, 255), 0)
    assert 0.3 < white / (WIDTH_PX * HEIGHT_PX) < 0.95


def test_english_and_empty(frame):
    en = render_slide(frame, title="Pilots", lang="en", source_line="sources")
    assert Image.open(io.BytesIO(en)).size == (WIDTH_PX, HEIGHT_PX)
    empty = render_slide(frame.iloc[:0], title="空", source_line="sources")
    assert Image.open(io.BytesIO(empty)).size == (WIDTH_PX, HEIGHT_PX)
    assert _pixels(empty).get(_rgb(BATCH_COLOURS[3]), 0) < 2000  # legend swatch only


def test_module_imports_no_streamlit_or_pyplot():
    code = (
        "import sys, dashboard.export.slide; "
        "assert 'streamlit' not in sys.modules; assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
