"""The tallies' bar chart as a person sees it: every batch named in full in its legend,
inside the chart, at the narrowest and a common screen (Vega draws SVG text here)."""

from __future__ import annotations

import pytest

from bench.browser import OfflinePage
from dashboard.i18n import batch_label
from dashboard.state import BATCH_CHOICES, BATCH_YEARS

pytestmark = pytest.mark.browser

CHART = "[data-testid='stVegaLiteChart']"


@pytest.mark.parametrize(("lang", "width", "height"), [("zh", 1024, 768), ("en", 1280, 720)])
def test_the_legend_names_every_batch_in_full(
    app_url: str, browser: object, lang: str, width: int, height: int
) -> None:
    p = OfflinePage(browser, width=width, height=height)
    try:
        p.page.goto(f"{app_url}/?mode=tallies&lang={lang}&status=official,reported,unconfirmed")
        legend = p.page.locator(f"{CHART} svg .role-legend").first
        legend.wait_for(timeout=90_000)
        legend.scroll_into_view_if_needed()
        texts = [x.text_content() for x in legend.locator(".role-legend-label text").all()]
        assert texts == [batch_label(b, BATCH_YEARS[b], lang, short=True) for b in BATCH_CHOICES]
        box, chart = legend.bounding_box(), p.page.locator(CHART).first.bounding_box()
        assert box and chart
        assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"]
        p.shot(f"tallies-legend-{lang}-{width}x{height}")
        assert p.outside == [] and p.errors == []
    finally:
        p.close()
