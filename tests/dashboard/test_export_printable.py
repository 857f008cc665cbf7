"""Control characters in a view's text never reach an export's XML (issue 20: `?q=安平%01`
made the SVG slide invalid XML); one function strips them (dashboard.escape.printable)."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile

from dashboard.escape import printable
from dashboard.export.build import slide_bytes
from dashboard.export.deck import render_deck
from dashboard.state import from_query
from dashboard.view_data import view_data


def test_printable_keeps_text_and_line_breaks_only() -> None:
    assert printable("安平\x01县\x1b[0m\x7f\x85\ud800\uffff") == "安平县[0m"
    assert printable("a\tb\nc\rd") == "a\tb\nc\rd"


def test_a_control_character_in_the_search_leaves_the_svg_and_deck_well_formed() -> None:
    s = from_query({"q": "安平\x01\x0b县", "province": "河北省"})
    v = view_data(s)
    svg = slide_bytes(v, fmt="svg")
    root = ET.fromstring(svg)  # raised "not well-formed (invalid token)" before
    text = "".join(root.itertext())
    assert "安平县" in text and "\x01" not in text
    deck = render_deck(v)
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        for name in z.namelist():
            if name.endswith(".xml"):
                ET.fromstring(z.read(name))
        assert any("安平县" in z.read(n).decode() for n in z.namelist() if n.endswith(".xml"))
