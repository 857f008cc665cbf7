"""The deck as LibreOffice Impress lays it out (`soffice --headless --convert-to pdf`):
one page per slide, and every character of the rendered text inside the box
python-pptx gave it; no text outside its box, none lost."""

from __future__ import annotations

import io
import os
from datetime import date

import pytest
from pptx import Presentation

from bench.office import SOFFICE, deck_pdf, page_chars
from dashboard.export.deck import render_deck
from dashboard.state import from_query
from geodata.registry.pilots import resolved_registry
from tests.dashboard.deck_geometry import boxes

pytestmark = pytest.mark.office

DAY = date(2026, 11, 27)


def render_pdf(pptx: bytes) -> bytes:
    if not SOFFICE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is missing: scripts/install-test-tools.sh")
        pytest.skip("LibreOffice (soffice) is not installed: scripts/install-test-tools.sh")
    return deck_pdf(pptx)


@pytest.fixture(scope="module")
def frame():
    return resolved_registry(simplified=True)


@pytest.mark.parametrize("query", [{"compare": "浙江省,湖南省"},
                                   {"province": "浙江省", "lang": "en"},
                                   {"lang": "en", "status": "official,reported,unconfirmed"}])
def test_impress_renders_every_slide_with_text_inside_its_boxes(frame, query):
    pptx = render_deck(frame, from_query(query), made_on=DAY)
    prs = Presentation(io.BytesIO(pptx))
    pages = page_chars(render_pdf(pptx))
    assert len(pages) == len(prs.slides)
    shapes = boxes(prs)
    for k, chars in enumerate(pages):
        mine = [b for b in shapes if b.slide == k and b.text.strip()]
        outside = [c for c in chars if not any(b.holds(*c[1:], slack=2.0) for b in mine)]
        assert not outside, f"slide {k + 1}: text outside its box: " + "".join(
            c[0] for c in outside[:40])
        for b in mine:  # and each box's text is there, not lost
            inside = sum(1 for c in chars if b.holds(*c[1:], slack=2.0))
            wanted = sum(1 for c in b.text if not c.isspace())
            assert inside >= 0.95 * wanted, (k + 1, b.name, inside, wanted)
