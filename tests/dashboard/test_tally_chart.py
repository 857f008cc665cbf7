"""The tallies' stacked bar chart: its legend names every batch in full, in both languages,
under the bars (the chart's column is ~270 px wide at 1024×768)."""

from __future__ import annotations

import pytest

from dashboard.filters import filter_pilots
from dashboard.i18n import PROVINCES, batch_label
from dashboard.state import BATCH_CHOICES, BATCH_YEARS, ViewState
from dashboard.tallies import province_tallies
from dashboard.views.counts import bar_chart


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_legend_shows_every_batch_untruncated_below_the_bars(registry, lang):
    every = ViewState(statuses=("official", "reported", "unconfirmed"))
    pilots = filter_pilots(registry, every)
    table = province_tallies(pilots, [(code, zh) for code, (zh, _) in PROVINCES.items()])
    long, spec = bar_chart(table, lang)
    colour = spec["encoding"]["color"]
    labels = [batch_label(b, BATCH_YEARS[b], lang, short=True) for b in BATCH_CHOICES]
    assert colour["scale"]["domain"] == labels and len(labels) == 4
    assert set(long["batch_label"]) == set(labels)  # the 1-or-2 group is drawn too
    legend = colour["legend"]
    # 0 = no limit: Vega cuts a label at labelLimit px with "…" (第一或第… at 1280 px)
    assert legend["labelLimit"] == 0
    # one entry a line: a row of four overran the chart's right edge at 1024 and 1280 px
    assert (legend["orient"], legend["direction"]) == ("bottom", "vertical")
    assert legend.get("columns", 1) == 1
    assert "title" not in spec  # shown above the chart, where it wraps
